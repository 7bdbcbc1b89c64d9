"""Regenerates the timestamp and checksum fixtures of ParquetTimestampTest and
ParquetChecksumTest (pyarrow 25, pandas 3).

Run from this directory: python3 make_timestamp_fixtures.py
Values follow LOCAL below; the tests spell out the expected dates by hand.
"""
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

# wall-clock times; None is a null row
LOCAL = [
    "2024-03-01 00:00:00",
    "2024-03-01 23:59:59.999",
    None,
    "2024-03-10 00:00:00",  # New York: DST starts at 02:00 that day
    "2024-03-10 12:00:00",
    "2024-11-03 00:00:00",  # New York: DST ends at 02:00 that day
    "2024-11-03 23:30:00",
    "1969-12-31 12:00:00",
]


def local(tz, unit):
    s = pd.Series(pd.to_datetime(LOCAL, format="ISO8601")).astype(f"datetime64[{unit}]")
    return s.dt.tz_localize(tz) if tz else s


def frame():
    cols = {}
    for tz, key in (("Asia/Tokyo", "tokyo"), ("America/New_York", "ny")):
        for unit in ("ms", "us", "ns"):
            cols[f"{key}_{unit}"] = local(tz, unit)
    cols["naive_us"] = local(None, "us")
    return pd.DataFrame(cols)


def main():
    df = frame()
    # pandas metadata (columns[].metadata.timezone) and ARROW:schema
    df.to_parquet("pandas_tz.parquet", engine="pyarrow", index=False)
    t = pa.Table.from_pandas(df, preserve_index=False).replace_schema_metadata(None)
    # ARROW:schema only
    pq.write_table(t, "arrow_tz.parquet")
    # pandas metadata only
    pandas_meta = {b"pandas": pa.Table.from_pandas(df, preserve_index=False).schema.metadata[b"pandas"]}
    with pq.ParquetWriter("pandas_only_tz.parquet", t.schema, store_schema=False) as w:
        w.write_table(t)
        w.add_key_value_metadata(pandas_meta)
    # no key-value metadata at all: isAdjustedToUTC=true without a zone
    pq.write_table(t, "no_zone.parquet", store_schema=False)
    # Spark's default: INT96, no zone metadata
    utc = pa.table(
        {
            "ts_dict": pa.array(local("UTC", "ns")),
            "ts_plain": pa.array(local("UTC", "ns")),
        }
    )
    pq.write_table(
        utc,
        "int96.parquet",
        use_deprecated_int96_timestamps=True,
        store_schema=False,
        use_dictionary=["ts_dict"],
    )
    n = 1200
    checks = pa.table(
        {
            "id": pa.array(range(n), pa.int64()),
            "name": pa.array([None if k % 7 == 0 else f"item-{k % 50}" for k in range(n)]),
            "qty": pa.array([None if k % 5 == 0 else k * 0.5 for k in range(n)], pa.float64()),
        }
    )
    for v in ("1.0", "2.0"):
        pq.write_table(
            checks,
            f"checksums_v{v[0]}.parquet",
            compression="snappy",
            data_page_size=2048,
            data_page_version=v,
            write_page_checksum=True,
            store_schema=False,
        )


if __name__ == "__main__":
    main()
