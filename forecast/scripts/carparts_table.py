#!/usr/bin/env python3
"""Prints the car parts table of docs/forecasting.md from the JSON of
`./vitrina forecast series-backtest ... --json` (default: out/forecast-carparts/carparts.json)."""
import json
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "out/forecast-carparts/carparts.json"
j = json.load(open(path))
names = {"lgbm_tweedie": "global LightGBM (tweedie)", "croston": "Croston (alpha 0.1)",
         "sba": "SBA (alpha 0.1)", "tsb": "TSB (alpha 0.1, 0.1)", "adida": "ADIDA (ADI buckets)",
         "seasonal_naive": "seasonal naive (12)", "naive": "naive",
         "moving_average_12": "moving average (12)"}
print("| model | MASE | RMSSE | WAPE | bias | MAE | RMSE | seconds (6 origins) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for m in j["models"]:
    print(f"| {names.get(m['model'], m['model'])} | {m['mase']:.4f} | {m['rmsse']:.4f} | "
          f"{m['wape']:.4f} | {m['bias']:+.4f} | {m['mae']:.4f} | {m['rmse']:.4f} | "
          f"{m['seconds']:.3f} |")
print(f"\norigins {', '.join(j['origins'])}; scored pairs {j['models'][0]['scored_pairs']}, "
      f"with defined scales {j['models'][0]['scaled_pairs']}")
