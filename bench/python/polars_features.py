"""Peer for the feature benchmark: the same lags and means with polars.

Usage: python3 polars_features.py kernel DATA_DIR
       python3 polars_features.py e2e DATA_DIR OUT.parquet

kernel: sparse rows already in memory -> calendar-completed frame with lag_k and the two means.
e2e:    sales.parquet -> features Parquet (snappy).
Prints one JSON line: wall_s, cpu_s, peak_rss_mb, rows, checksums {column: [sum, count]}.
"""
import json
import resource
import sys
import time
import warnings

import polars as pl

warnings.filterwarnings("ignore", category=DeprecationWarning)

LAGS = [1, 2, 3, 4, 5, 6, 7, 14, 21, 28]
KEYS = ["store_id", "item_id"]


def features(sales: pl.DataFrame) -> pl.DataFrame:
    end = sales["date"].max()
    # Calendar completion: every series from its first sale to the global end, zero-filled.
    grid = (
        sales.group_by(KEYS)
        .agg(pl.col("date").min().alias("first"))
        .with_columns(pl.date_ranges(pl.col("first"), pl.lit(end), interval="1d").alias("date"))
        .drop("first")
        .explode("date")
    )
    daily = sales.group_by(KEYS + ["date"]).agg(pl.col("qty").sum())
    panel = (
        grid.join(daily, on=KEYS + ["date"], how="left")
        .with_columns(pl.col("qty").fill_null(0).cast(pl.Float32))
        .sort(KEYS + ["date"])
    )
    lags = [pl.col("qty").shift(k).over(KEYS).alias(f"lag_{k}") for k in LAGS]
    out = panel.with_columns(lags)
    return out.with_columns(
        pl.mean_horizontal([f"lag_{k}" for k in range(1, 8)]).cast(pl.Float32).alias("mean_7"),
        pl.mean_horizontal([f"lag_{k}" for k in (7, 14, 21, 28)]).cast(pl.Float32).alias("mean_4w"),
    )


def checksums(df: pl.DataFrame) -> dict:
    cols = ["qty"] + [f"lag_{k}" for k in LAGS] + ["mean_7", "mean_4w"]
    row = df.select(
        [pl.col(c).cast(pl.Float64).sum().alias(c + "_s") for c in cols]
        + [pl.col(c).count().alias(c + "_n") for c in cols]
    ).row(0, named=True)
    return {c: [row[c + "_s"], row[c + "_n"]] for c in cols}


def main() -> None:
    mode, data = sys.argv[1], sys.argv[2]
    src = f"{data}/sales.parquet"
    if mode == "kernel":
        sales = pl.read_parquet(src, columns=KEYS + ["date", "qty"])
        t0, c0 = time.perf_counter(), time.process_time()
        df = features(sales)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows = df.height
        sums = checksums(df)
    else:
        out = sys.argv[3]
        t0, c0 = time.perf_counter(), time.process_time()
        sales = pl.read_parquet(src, columns=KEYS + ["date", "qty"])
        df = features(sales)
        df.write_parquet(out, compression="snappy")
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows = df.height
        sums = checksums(pl.read_parquet(out))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"peer": "polars " + pl.__version__, "task": mode, "wall_s": wall,
                      "cpu_s": cpu, "peak_rss_mb": peak, "rows": rows, "checksums": sums}))


if __name__ == "__main__":
    main()
