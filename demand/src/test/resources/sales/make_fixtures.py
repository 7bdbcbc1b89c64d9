"""Regenerates the Parquet sales fixtures of SalesReaderTest (pyarrow 25, pandas 3).

Run from this directory: python3 make_fixtures.py
Every file holds the same three sales: (S1, A, 2024-03-01, 2), (S1, A, 2024-03-02, 3),
(S1, B, 2024-03-01, 1); only the type of the date column differs.
"""
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

STORES = ["S1", "S1", "S1"]
ITEMS = ["A", "A", "B"]
DATES = ["2024-03-01", "2024-03-02", "2024-03-01"]
QTY = [2.0, 3.0, 1.0]


def main():
    # pandas tz_localize: local midnights in Tokyo, stored as UTC instants (15:00 the day before)
    pd.DataFrame(
        {
            "store_id": STORES,
            "item_id": ITEMS,
            "date": pd.to_datetime(DATES).tz_localize("Asia/Tokyo"),
            "qty": QTY,
        }
    ).to_parquet("sales_tokyo.parquet", engine="pyarrow", index=False)
    # Spark's default timestamp type: INT96, UTC midnights, no zone metadata
    base = {"store_id": pa.array(STORES), "item_id": pa.array(ITEMS)}
    pq.write_table(
        pa.table(
            {
                **base,
                "date": pa.array(pd.to_datetime(DATES).tz_localize("UTC")),
                "qty": pa.array(QTY),
            }
        ),
        "sales_int96.parquet",
        use_deprecated_int96_timestamps=True,
        store_schema=False,
    )
    # a date column vitrina cannot read: 16 raw bytes (FIXED_LEN_BYTE_ARRAY without annotation)
    pq.write_table(
        pa.table(
            {
                **base,
                "date": pa.array([d.encode().ljust(16, b"_") for d in DATES], pa.binary(16)),
                "qty": pa.array(QTY),
            }
        ),
        "sales_binary_date.parquet",
        store_schema=False,
    )


if __name__ == "__main__":
    main()
