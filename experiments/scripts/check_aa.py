"""Independent check of the A/A false-positive rate (python3 experiments/scripts/check_aa.py).

The design of the A/A scenario: conversion 5%, 50/50, the planned 238,606 units, the unpooled
two-sided z-test at alpha 0.05; 200,000 experiments drawn as binomials with numpy (seed 7).
"""
import numpy as np
from statistics import NormalDist

rng = np.random.default_rng(7)
experiments, n, p = 200_000, 238_606, 0.05
n_c = n // 2
n_t = n - n_c
x_c = rng.binomial(n_c, p, experiments)
x_t = rng.binomial(n_t, p, experiments)
p_c, p_t = x_c / n_c, x_t / n_t
se = np.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
z = np.abs(p_t - p_c) / se
crit = NormalDist().inv_cdf(1 - 0.05 / 2)
print(f"A/A false-positive rate over {experiments:,} experiments: {np.mean(z > crit):.4f}")
