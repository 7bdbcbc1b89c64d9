"""Independent check of the planner's worked values (python3 experiments/scripts/check_plan.py).

N_total = (z_alpha + z_power)^2 * (var_c / w_c + var_t / w_t) * (1 - rho^2) / delta^2, rounded up,
with two-sided alpha 0.05 and power 0.8, computed with the standard library only.
"""
import math
from statistics import NormalDist

Z = NormalDist().inv_cdf(1 - 0.05 / 2) + NormalDist().inv_cdf(0.8)


def total(var_c, var_t, delta, w_c, w_t, rho=0.0):
    return math.ceil(Z**2 * (var_c / w_c + var_t / w_t) * (1 - rho**2) / delta**2)


p0 = 0.05
p1 = p0 * 1.05
d = p1 - p0
pooled = p0 * (1 - p0)
unpooled_t = p1 * (1 - p1)
print("proportion 5% +5% relative, baseline variance in both arms")
print("  50/50:", total(pooled, pooled, d, 0.5, 0.5))
print("  70/30:", total(pooled, pooled, d, 0.7, 0.3))
print("unpooled variance")
print("  50/50:", total(pooled, unpooled_t, d, 0.5, 0.5))
print("  70/30:", total(pooled, unpooled_t, d, 0.7, 0.3))
print("CUPED rho 0.5, 50/50:", total(pooled, pooled, d, 0.5, 0.5, rho=0.5))
print("mean 30, sd 80, +2% relative, 50/50:", total(80**2, 80**2, 30 * 0.02, 0.5, 0.5))
