"""Parquet writer throughput of polars and DuckDB on the feature matrix vitrina wrote.

Usage: python3 writer_throughput.py FEATURES.parquet WORK_DIR [RUNS]
Reads the file (keys, date, qty and the 12 feature columns) into memory once, then writes it per
codec (none, snappy, zstd), alternating the writers run by run. Prints wall and process CPU seconds
per write and MB/s of output file, the way bench WriterBench prints vitrina's.
"""

import os
import sys
import time

import duckdb
import polars as pl


def timed(fn, out):
    c0, t0 = time.process_time(), time.perf_counter()
    fn()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    mb = os.path.getsize(out) / 1048576
    return mb, wall, cpu


def main():
    src, work = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    os.makedirs(work, exist_ok=True)
    df = pl.read_parquet(src)
    con = duckdb.connect()
    con.execute("SET threads TO %d" % os.cpu_count())
    con.execute("CREATE TABLE m AS SELECT * FROM read_parquet('%s')" % src)
    for i in range(runs):
        for codec in ("uncompressed", "snappy", "zstd"):
            out = os.path.join(work, "polars-%s.parquet" % codec)
            r = timed(lambda: df.write_parquet(out, compression=codec), out)
            print("run %d polars %-12s file %.1f MB wall %.2f s cpu %.2f s -> %.0f MB/s wall, "
                  "%.0f MB/s per CPU s" % (i + 1, codec, r[0], r[1], r[2], r[0] / r[1], r[0] / r[2]))
            out = os.path.join(work, "duckdb-%s.parquet" % codec)
            q = "COPY m TO '%s' (FORMAT parquet, COMPRESSION %s)" % (out, codec)
            r = timed(lambda: con.execute(q), out)
            print("run %d duckdb %-12s file %.1f MB wall %.2f s cpu %.2f s -> %.0f MB/s wall, "
                  "%.0f MB/s per CPU s" % (i + 1, codec, r[0], r[1], r[2], r[0] / r[1], r[0] / r[2]))
    print("polars %s, duckdb %s, load %s" % (pl.__version__, duckdb.__version__,
                                             " ".join(open("/proc/loadavg").read().split()[:3])))


if __name__ == "__main__":
    main()
