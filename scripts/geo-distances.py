#!/usr/bin/env python3
"""Foursquare Singapore: how far each split's venues lie from the user's other venues, and what
pure distance to the history ranks on test (Recall@10) against random and popularity.
Usage: scripts/geo-distances.py [DATA_DIR]  (default ../shared/data/foursquare-sg; needs numpy)."""
import collections
import sys

import numpy as np

D = (sys.argv[1] if len(sys.argv) > 1 else "../shared/data/foursquare-sg").rstrip("/") + "/"
loc = {}
for line in open(D + "FoursquareLocation.txt"):
    f = line.split()
    if len(f) == 3:
        loc[f[0]] = (float(f[1]), float(f[2]))
vids = sorted(loc)
vi = {v: i for i, v in enumerate(vids)}
P = np.radians(np.array([loc[v] for v in vids]))


def read(name):
    d = collections.defaultdict(list)
    for line in open(D + name):
        f = line.split()
        if len(f) == 3:
            d[f[0]].append(vi[f[1]])
    return d


tr, te = read("trainData.txt"), read("testData.txt")


def hav(a, B):
    dlat, dlon = B[:, 0] - a[0], B[:, 1] - a[1]
    h = np.sin(dlat / 2) ** 2 + np.cos(a[0]) * np.cos(B[:, 0]) * np.sin(dlon / 2) ** 2
    return 2 * 6371 * np.arcsin(np.sqrt(np.minimum(1, h)))


def nearest(items, anchors):
    return [hav(P[i], P[anchors]).min() for i in items]


def q(x):
    return " ".join(f"{v:.2f}" for v in np.percentile(x, [25, 50, 75, 90]))


rng = np.random.default_rng(42)
users = sorted(set(tr) & set(te))
d_test, d_rand, d_far = [], [], []
for u in users:
    h = tr[u]
    d_test += nearest(te[u], h)
    if len(h) >= 3:
        k = max(1, round(0.2 * len(h)))
        p = rng.permutation(h)
        d_rand += nearest(p[:k], p[k:])
        nn = np.array([np.sort(hav(P[i], P[h]))[1] for i in h])
        o = np.argsort(-(rng.random(len(h)) ** (1 / (nn + 0.1))))
        d_far += nearest([h[j] for j in o[:k]], [h[j] for j in o[k:]])
print("km to the nearest other venue of the user, quartiles 25/50/75/90:")
print("  test venues -> train venues:            ", q(d_test))
print("  random 20% of train -> the rest:        ", q(d_rand))
print("  far 20% of train (--split far) -> rest: ", q(d_far))

pop = np.zeros(len(P))
for u in tr:
    for i in set(tr[u]):
        pop[i] += 1
res = collections.defaultdict(float)
for n, u in enumerate(users):
    h, truth = tr[u], set(te[u])
    Dm = np.stack([hav(P[a], P) for a in h])
    scores = {
        "random": rng.random(len(P)),
        "popular": pop,
        "nearest history venue": -Dm.min(0) + 1e-6 * pop,
        "history density exp(-d/0.5 km)": np.exp(-Dm / 0.5).sum(0),
    }
    for name, s in scores.items():
        s = s.copy()
        s[h] = -np.inf
        top = np.argpartition(-s, 10)[:10]
        res[name] += len(set(top) & truth) / len(truth)
print("test Recall@10:")
for name, v in res.items():
    print(f"  {name}: {v / len(users):.4f}")
