"""The `implicit` library's ALS (CPU, conjugate gradient) as a peer of vitrina's iALS.

Usage: python3 implicit_als.py speed INTERACTIONS.bin ITERATIONS THREADS FACTORS
       python3 implicit_als.py quality TRAIN.bin RECS_OUT.bin FACTORS ITERATIONS REG ALPHA THREADS

The interactions file is written by dev.vitrina.bench.recs.AlsPeer (int32 users, int32 items,
int64 n, n user indexes, n item indexes). vitrina's confidence is c = 1 + alpha * r on binary r;
`implicit` uses the stored value as c, so the matrix holds 1 + alpha and the library's own alpha is 1.
speed: seconds per iteration and the time of top-10 for all users (training items excluded); one
JSON line. quality: writes the top-10 of every user (int32 users, int32 10, users x 10, -1 pads).
"""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits


def load(path):
    with open(path, "rb") as f:
        users, items = np.frombuffer(f.read(8), dtype="<i4")
        n = int(np.frombuffer(f.read(8), dtype="<i8")[0])
        u = np.frombuffer(f.read(4 * n), dtype="<i4")
        i = np.frombuffer(f.read(4 * n), dtype="<i4")
    return int(users), int(items), u, i


def matrix(users, items, u, i, alpha):
    m = sp.csr_matrix((np.full(len(u), 1.0 + alpha, dtype=np.float32), (u, i)), shape=(users, items))
    m.sum_duplicates()
    return m


def model(factors, iterations, reg, threads):
    from implicit.cpu.als import AlternatingLeastSquares

    m = AlternatingLeastSquares(factors=factors, regularization=reg, alpha=1.0,
                                iterations=iterations, use_cg=True,
                                calculate_training_loss=False, num_threads=threads,
                                random_state=42)
    m.cg_steps = 3  # an attribute, not a constructor argument, in 0.7.x
    return m


def speed(path, iterations, threads, factors):
    import implicit

    users, items, u, i = load(path)
    ui = matrix(users, items, u, i, 1.0)
    m = model(factors, iterations, 0.01, threads)
    times = []
    last = [time.perf_counter()]

    def cb(it, elapsed, loss):
        now = time.perf_counter()
        times.append(now - last[0])
        last[0] = now
        print(f"implicit iteration {it + 1}: {times[-1]:.3f} s", file=sys.stderr)

    c0 = time.process_time()
    last[0] = time.perf_counter()
    m.fit(ui, show_progress=False, callback=cb)
    fit_cpu = time.process_time() - c0
    rec = []
    ids = np.arange(users)
    for _ in range(3):
        t0 = time.perf_counter()
        top, _scores = m.recommend(ids, ui, N=10, filter_already_liked_items=True)
        rec.append(time.perf_counter() - t0)
        print(f"implicit top-10 for all users: {rec[-1]:.3f} s", file=sys.stderr)
    steady = sorted(times[1:]) if len(times) > 1 else times
    with open("/proc/loadavg") as f:
        load_avg = f.read().strip()
    print(json.dumps({"peer": "implicit " + implicit.__version__, "users": users, "items": items,
                      "interactions": int(ui.nnz), "factors": factors, "cg_steps": 3,
                      "threads": threads, "iteration_seconds": times,
                      "iteration_seconds_median_after_first": steady[len(steady) // 2],
                      "fit_cpu_seconds": fit_cpu, "recommend_all_top10_seconds": rec,
                      "loadavg": load_avg}))


def quality(train, out, factors, iterations, reg, alpha, threads):
    users, items, u, i = load(train)
    ui = matrix(users, items, u, i, alpha)
    m = model(factors, iterations, reg, threads)
    m.fit(ui, show_progress=False)
    top, _ = m.recommend(np.arange(users), ui, N=10, filter_already_liked_items=True)
    recs = np.full((users, 10), -1, dtype="<i4")
    recs[:, : top.shape[1]] = top
    with open(out, "wb") as f:
        f.write(np.array([users, 10], dtype="<i4").tobytes())
        f.write(recs.tobytes())


def main():
    mode = sys.argv[1]
    if mode == "speed":
        threads = int(sys.argv[4])
        with threadpool_limits(limits=threads):
            speed(sys.argv[2], int(sys.argv[3]), threads, int(sys.argv[5]))
    else:
        threads = int(sys.argv[8])
        with threadpool_limits(limits=threads):
            quality(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]),
                    float(sys.argv[6]), float(sys.argv[7]), threads)


if __name__ == "__main__":
    main()
