"""Peers for the feature benchmark: the same lags and means with polars, written two ways.

Usage: python3 polars_features.py VARIANT kernel DATA_DIR
       python3 polars_features.py VARIANT e2e DATA_DIR OUT.parquet
VARIANT: naive  - what most notebooks do: a date_ranges + explode grid, a join on the string
                  keys, a sort and shift(k).over(series);
         strong - what a skilled user writes: series as integer codes, the calendar filled by one
                  scatter into a flat array at offset[series] + day - first[series], each lag the
                  whole column shifted by k, masked to null where the position in the series is
                  below k (no join, no sort, no over); the lags and means in one lazy query on
                  the streaming engine;
         strong-lazy, strong-eager - the same on the in-memory lazy engine and with eager
                  frames (for comparison: on the m5 preset the streaming engine was the fastest).

kernel: sparse rows already in memory -> calendar-completed frame with lag_k and the two means.
e2e:    sales.parquet -> features Parquet (snappy).
Prints one JSON line: wall_s, cpu_s, peak_rss_mb, rows, checksums {column: [sum, count]}.
"""
import datetime
import json
import resource
import sys
import time
import warnings

import numpy as np
import polars as pl

warnings.filterwarnings("ignore", category=DeprecationWarning)

LAGS = [1, 2, 3, 4, 5, 6, 7, 14, 21, 28]
KEYS = ["store_id", "item_id"]
MEAN_7 = [f"lag_{k}" for k in range(1, 8)]
MEAN_4W = [f"lag_{k}" for k in (7, 14, 21, 28)]


def naive(sales: pl.DataFrame) -> pl.DataFrame:
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
        pl.mean_horizontal(MEAN_7).cast(pl.Float32).alias("mean_7"),
        pl.mean_horizontal(MEAN_4W).cast(pl.Float32).alias("mean_4w"),
    )


def dense_panel(sales: pl.DataFrame) -> pl.DataFrame:
    """The calendar-completed panel by index arithmetic: columns store_id, item_id (Enum), date,
    qty (Float32) and pos (the row's day index within its series), series in key order."""
    stores = sales["store_id"].unique().sort()
    items = sales["item_id"].unique().sort()
    d0 = sales["date"].min()
    epoch0 = (d0 - datetime.date(1970, 1, 1)).days
    codes = sales.select(
        (
            pl.col("store_id").cast(pl.Enum(stores)).to_physical().cast(pl.Int64) * len(items)
            + pl.col("item_id").cast(pl.Enum(items)).to_physical()
        ).alias("key"),
        (pl.col("date") - pl.lit(d0)).dt.total_days().cast(pl.Int64).alias("day"),
        pl.col("qty").cast(pl.Float64),
    )
    key = codes["key"].to_numpy()
    day = codes["day"].to_numpy()
    ndays = int(day.max()) + 1
    nkeys = len(stores) * len(items)
    # First sale per key (a scatter-min), then the series that exist, in key order.
    first = np.full(nkeys, ndays, dtype=np.int64)
    _scatter_min(first, key, day)
    present = np.flatnonzero(first < ndays)
    lengths = ndays - first[present]
    offsets = np.zeros(len(present) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    start = np.zeros(nkeys, dtype=np.int64)
    start[present] = offsets[:-1] - first[present]
    n = int(offsets[-1])
    # One scatter(-add, which also sums duplicate rows) of the sales into the flat panel.
    qty = np.bincount(start[key] + day, weights=codes["qty"].to_numpy(), minlength=n)
    # Per row: the series (a gather of the small per-series key table) and the day within it.
    sid = pl.Series(np.repeat(np.arange(len(present), dtype=np.uint32), lengths))
    pos = np.arange(n, dtype=np.int32) - np.repeat(offsets[:-1].astype(np.int32), lengths)
    series = pl.DataFrame(
        {
            "store_id": pl.Series(present // len(items), dtype=pl.UInt32).cast(pl.Enum(stores)),
            "item_id": pl.Series(present % len(items), dtype=pl.UInt32).cast(pl.Enum(items)),
            "first": pl.Series(epoch0 + first[present], dtype=pl.Int32),
        }
    )
    return pl.DataFrame(
        {
            "store_id": series["store_id"].gather(sid),
            "item_id": series["item_id"].gather(sid),
            "date": (series["first"].gather(sid) + pl.Series(pos)).cast(pl.Date),
            "qty": qty.astype(np.float32),
            "pos": pos,
        }
    )


def _scatter_min(first: np.ndarray, key: np.ndarray, day: np.ndarray) -> None:
    # The minimum day per integer key: a group-by on one integer column (no sort of the rows).
    g = pl.DataFrame({"key": key, "day": day}).group_by("key").agg(pl.col("day").min())
    first[g["key"].to_numpy()] = g["day"].to_numpy()


def lag_exprs():
    return [
        pl.when(pl.col("pos") >= k).then(pl.col("qty").shift(k)).alias(f"lag_{k}") for k in LAGS
    ]


def mean_exprs():
    return [
        pl.mean_horizontal(MEAN_7).cast(pl.Float32).alias("mean_7"),
        pl.mean_horizontal(MEAN_4W).cast(pl.Float32).alias("mean_4w"),
    ]


def strong_query(sales: pl.DataFrame) -> pl.LazyFrame:
    return dense_panel(sales).lazy().with_columns(lag_exprs()).with_columns(mean_exprs()).drop("pos")


def strong(sales: pl.DataFrame) -> pl.DataFrame:
    return strong_query(sales).collect(engine="streaming")


def strong_lazy(sales: pl.DataFrame) -> pl.DataFrame:
    return strong_query(sales).collect()


def strong_eager(sales: pl.DataFrame) -> pl.DataFrame:
    df = dense_panel(sales)
    df = df.with_columns(lag_exprs())
    return df.with_columns(mean_exprs()).drop("pos")


VARIANTS = {"naive": naive, "strong": strong, "strong-lazy": strong_lazy, "strong-eager": strong_eager}


def checksums(df: pl.DataFrame) -> dict:
    cols = ["qty"] + [f"lag_{k}" for k in LAGS] + ["mean_7", "mean_4w"]
    row = df.select(
        [pl.col(c).cast(pl.Float64).sum().alias(c + "_s") for c in cols]
        + [pl.col(c).count().alias(c + "_n") for c in cols]
    ).row(0, named=True)
    return {c: [row[c + "_s"], row[c + "_n"]] for c in cols}


def main() -> None:
    variant, mode, data = sys.argv[1], sys.argv[2], sys.argv[3]
    features = VARIANTS[variant]
    src = f"{data}/sales.parquet"
    if mode == "kernel":
        sales = pl.read_parquet(src, columns=KEYS + ["date", "qty"])
        t0, c0 = time.perf_counter(), time.process_time()
        df = features(sales)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows = df.height
        sums = checksums(df)
    else:
        out = sys.argv[4]
        t0, c0 = time.perf_counter(), time.process_time()
        sales = pl.read_parquet(src, columns=KEYS + ["date", "qty"])
        df = features(sales)
        df.write_parquet(out, compression="snappy")
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows = df.height
        del df
        sums = checksums(pl.read_parquet(out))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    label = "polars " + pl.__version__ + (" (naive)" if variant == "naive" else f" ({variant})")
    print(json.dumps({"peer": label, "task": mode, "wall_s": wall, "cpu_s": cpu,
                      "peak_rss_mb": peak, "rows": rows, "checksums": sums}))


if __name__ == "__main__":
    main()
