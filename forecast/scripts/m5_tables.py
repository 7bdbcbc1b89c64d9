#!/usr/bin/env python3
"""Prints the m5 tables of docs/forecasting.md from the output of forecast/scripts/m5_backtests.sh.

Usage (from the repository root): python3 forecast/scripts/m5_tables.py [out/forecast-m5]
Reads <step>.json (the backtest's --json output) and <step>.time (/usr/bin/time -v) per step.
"""
import json
import os
import re
import sys

RES = sys.argv[1] if len(sys.argv) > 1 else "out/forecast-m5"

ROWS = [
    ("direct", "LightGBM, direct (one model, lags >= 28)", "store x item x day"),
    ("city", "LightGBM at item x city + shares", "item x city x day"),
    ("state", "LightGBM at item x state + shares", "item x state x day"),
    ("weekly", "LightGBM weekly + day-of-week profiles", "store x item x week"),
    ("recursive", "LightGBM, recursive (one-step model)", "store x item x day"),
    ("groups", "LightGBM, direct, 4 models (lags >= 7, 14, 21, 28)", "store x item x day"),
]
BASELINE_NAMES = {
    "naive": "naive",
    "snaive": "seasonal naive (7)",
    "ma": "moving average (28)",
    "croston": "Croston (alpha 0.1)",
    "sba": "SBA",
    "tsb": "TSB",
    "adida": "ADIDA",
}


def time_file(step):
    path = os.path.join(RES, step + ".time")
    if not os.path.exists(path):
        return None, None
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    parts = [float(p) for p in wall.split(":")]
    secs = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    return secs, rss / 1024 / 1024


def load(step):
    path = os.path.join(RES, step + ".json")
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None  # not run, or still running
    return json.load(open(path))


print("| model | forecast level | WRMSSE | WAPE | bias | RMSSE | MASE | rounds | fit s | "
      "process wall s | peak RSS GiB | peak heap GiB |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for step, name, level in ROWS:
    j = load(step)
    if j is None:
        print(f"| {name} | {level} | not run | | | | | | | | | |")
        continue
    r = j["runs"][0]
    wall, rss = time_file(step)
    rounds = ",".join(str(x) for x in r["folds"][0]["best_rounds"])
    print(
        f"| {name} | {level} | {r['wrmsse']:.4f} | {r['wape']:.4f} | {r['bias']:+.4f} | "
        f"{r['rmsse']:.4f} | {r['mase']:.4f} | {rounds} | {r['fit_seconds']:.1f} | {wall:.0f} | "
        f"{rss:.2f} | {r['peak_heap_mb'] / 1024:.2f} |"
    )
j = load("baselines")
if j is not None:
    wall, rss = time_file("baselines")
    for r in j["runs"]:
        print(
            f"| {BASELINE_NAMES.get(r['model'], r['model'])} | store x item x day | "
            f"{r['wrmsse']:.4f} | {r['wape']:.4f} | {r['bias']:+.4f} | {r['rmsse']:.4f} | "
            f"{r['mase']:.4f} | - | {r['fit_seconds']:.1f} | (all 7: {wall:.0f}) | "
            f"(all 7: {rss:.2f}) | {r['peak_heap_mb'] / 1024:.2f} |"
        )
print()
print("WRMSSE by hierarchy level:")
print()
levels = None
lines = []
for step, name, _ in ROWS + [("baselines", None, None)]:
    j = load(step)
    if j is None:
        continue
    for r in j["runs"]:
        lv = r["folds"][0]["wrmsse_levels"]
        if levels is None:
            levels = list(lv.keys())
        label = name if name else BASELINE_NAMES.get(r["model"], r["model"])
        lines.append("| " + label + " | " + " | ".join(f"{lv[k]:.3f}" for k in levels) + " |")
if levels:
    print("| model | " + " | ".join(levels) + " |")
    print("|---|" + "---:|" * len(levels))
    print("\n".join(lines))
for step, _, _ in ROWS + [("baselines", None, None)]:
    j = load(step)
    if j is not None:
        print(f"\n{step}: origin {j['runs'][0]['folds'][0]['origin']}, "
              f"series at level {j['runs'][0]['folds'][0]['level_series']}, "
              f"bottom series without parent {j['runs'][0]['folds'][0]['bottom_without_parent']}")

# three origins, 28 days apart: direct vs item x city + shares
folds3 = [("direct-3folds", "LightGBM, direct (store x item x day)"),
          ("city-3folds", "LightGBM at item x city + shares")]
if any(load(s) for s, _ in folds3):
    print("\nThree origins:\n")
    origins = None
    rows = []
    for step, name in folds3:
        j = load(step)
        if j is None:
            continue
        r = j["runs"][0]
        if origins is None:
            origins = [f["origin"] for f in r["folds"]]
        cells = " | ".join(f"{f['wrmsse']:.4f} / {f['wape']:.4f}" for f in r["folds"])
        rows.append(f"| {name} | {cells} | {r['wrmsse']:.4f} / {r['wape']:.4f} |")
    print("| model (WRMSSE / WAPE) | " + " | ".join(origins) + " | mean |")
    print("|---|" + "---:|" * (len(origins) + 1))
    print("\n".join(rows))
