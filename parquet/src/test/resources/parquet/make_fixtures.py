"""Regenerates the Parquet fixtures of ParquetFixturesTest (pyarrow 25, polars 1.44).

Run from this directory: python3 make_fixtures.py
Values follow the formulas in ParquetFixturesTest.expected*; keep both in sync.
"""
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq

N = 1200


def table():
    i = range(N)
    cols = {
        "i8": pa.array([(k % 200) - 100 for k in i], pa.int8()),
        "i16": pa.array([(k * 7) % 30000 - 15000 for k in i], pa.int16()),
        "i32": pa.array([None if k % 7 == 3 else k * 3 - 1000 for k in i], pa.int32()),
        "i64": pa.array([None if k % 11 == 0 else k * 1_000_000_007 - 5 for k in i], pa.int64()),
        "u8": pa.array([k % 256 for k in i], pa.uint8()),
        "u16": pa.array([(k * 3) % 65536 for k in i], pa.uint16()),
        "u32": pa.array([4_000_000_000 - k for k in i], pa.uint32()),
        "u64": pa.array([k * 5 for k in i], pa.uint64()),
        "f32": pa.array([None if k % 13 == 0 else k * 0.5 for k in i], pa.float32()),
        "f64": pa.array([k / 3.0 for k in i], pa.float64()),
        "b": pa.array([None if k % 17 == 0 else k % 3 == 0 for k in i], pa.bool_()),
        "s": pa.array([None if k % 5 == 0 else f"s{k % 37}" for k in i], pa.string()),
        "uniq": pa.array([f"row-{k:05d}-ü" for k in i], pa.large_string()),
        "cat": pa.array([["red", "green", "blue"][k % 3] for k in i]).dictionary_encode(),
        "day": pa.array([18000 + k for k in i], pa.date32()),
        "ts_ms": pa.array([1_600_000_000_000 + k * 1001 for k in i], pa.timestamp("ms")),
        "ts_us": pa.array(
            [None if k % 9 == 0 else 1_600_000_000_000_000 + k * 1_000_001 for k in i],
            pa.timestamp("us", tz="UTC"),
        ),
        "ts_ns": pa.array([-5_000_000_000 + k * 123_456_789 for k in i], pa.timestamp("ns")),
        "dec": pa.array([Decimal(k * 101 - 5000).scaleb(-2) for k in i], pa.decimal128(10, 2)),
    }
    return pa.table(cols)


def main():
    t = table()
    common = dict(row_group_size=500, data_page_size=1024, write_statistics=True)
    pq.write_table(
        t, "pyarrow_v1_snappy.parquet", compression="snappy", dictionary_pagesize_limit=600, **common
    )
    pq.write_table(t, "pyarrow_v2_zstd.parquet", compression="zstd", data_page_version="2.0", **common)
    pq.write_table(t, "pyarrow_gzip.parquet", compression="gzip", **common)
    pq.write_table(t, "pyarrow_lz4raw.parquet", compression="lz4", **common)
    delta = {
        "i8": "DELTA_BINARY_PACKED",
        "i16": "DELTA_BINARY_PACKED",
        "i32": "DELTA_BINARY_PACKED",
        "i64": "DELTA_BINARY_PACKED",
        "u32": "DELTA_BINARY_PACKED",
        "u64": "DELTA_BINARY_PACKED",
        "day": "DELTA_BINARY_PACKED",
        "ts_ns": "DELTA_BINARY_PACKED",
        "f32": "BYTE_STREAM_SPLIT",
        "f64": "BYTE_STREAM_SPLIT",
        "s": "DELTA_LENGTH_BYTE_ARRAY",
        "uniq": "DELTA_BYTE_ARRAY",
        "dec": "DELTA_BYTE_ARRAY",
        "b": "RLE",
    }
    plain_t = t.set_column(t.schema.get_field_index("cat"), "cat", t["cat"].cast(pa.string()))
    for v in ("1.0", "2.0"):
        pq.write_table(
            plain_t,
            f"pyarrow_delta_v{v[0]}.parquet",
            compression="snappy",
            use_dictionary=False,
            column_encoding=delta,
            data_page_version=v,
            **common,
        )
    pq.write_table(
        pa.table({"id": pa.array(range(10), pa.int32()), "ts": pa.array(range(10), pa.timestamp("us"))}),
        "pyarrow_int96.parquet",
        use_deprecated_int96_timestamps=True,
    )
    nested = pa.table(
        {
            "id": pa.array(range(10), pa.int64()),
            "point": pa.array([{"x": k, "y": -k} for k in range(10)]),
            "tags": pa.array([[f"t{k}"] * (k % 3) for k in range(10)]),
            "after": pa.array([f"a{k}" for k in range(10)]),
        }
    )
    pq.write_table(nested, "pyarrow_nested.parquet")
    try:
        import polars as pl

        pl.from_arrow(t.drop_columns(["cat"])).write_parquet(
            "polars_default.parquet", row_group_size=500, statistics=True
        )
    except ImportError:
        print("polars missing: polars_default.parquet not regenerated")


if __name__ == "__main__":
    main()
