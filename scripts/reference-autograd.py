#!/usr/bin/env python3
"""autograd's derivative of expressions in the style of public floating-point benchmark corpora
(FPBench: cancellation-prone rewrites, quotients of nearly equal terms), in ulps against the exact
derivative from mpmath at 60 digits. The tests hold each expression, its point and autograd's
ulps as literals (Tests/ErrSweepTests/AutogradComparisonTests), and require errsweep's forward and
reverse AD to be within 1 ulp of autograd's error on each.

With --random SEED COUNT it draws COUNT random expressions instead (depth 4 over + − × ÷, exp, sin,
cos, atan, tanh, sinh, log and sqrt, at a point in [0.05, 3]) and prints them as tab-separated
formula, x, ulps: the random corpus of Tests/ErrSweepTests/AutogradRandomCorpusTests, where no
rewrite was chosen by hand, so neither tool's rules are favoured.

    .build/peer-venv/bin/python scripts/reference-autograd.py
    .build/peer-venv/bin/python -W ignore scripts/reference-autograd.py --random 777 2000 \
        > Tests/ErrSweepTests/Fixtures/autograd-random-777.tsv
"""
import math
import random
import sys

import autograd.numpy as np
import mpmath as mp
import numpy
from autograd import grad

mp.mp.dps = 60

# (errsweep formula, point, autograd function, mpmath function): the same expression written twice.
CASES = [
    ("t/(t+1)", 768.0, lambda t: t / (t + 1), lambda t: t / (t + 1)),
    ("1/x-1/tan(x)", 0.5, lambda x: 1 / x - 1 / np.tan(x), lambda x: 1 / x - 1 / mp.tan(x)),
    ("(-b+sqrt(b*b-0.75))/0.5", 3.0, lambda b: (-b + np.sqrt(b * b - 0.75)) / 0.5, lambda b: (-b + mp.sqrt(b * b - mp.mpf("0.75"))) / mp.mpf("0.5")),
    ("sqrt(x+1)-sqrt(x)", 1e6, lambda x: np.sqrt(x + 1) - np.sqrt(x), lambda x: mp.sqrt(x + 1) - mp.sqrt(x)),
    ("1/(x+1)-1/x", 1000.0, lambda x: 1 / (x + 1) - 1 / x, lambda x: 1 / (x + 1) - 1 / x),
    ("(1-cos(x))/(x*x)", 0.001, lambda x: (1 - np.cos(x)) / (x * x), lambda x: (1 - mp.cos(x)) / (x * x)),
    ("exp(x)-1", 1e-5, lambda x: np.exp(x) - 1, lambda x: mp.exp(x) - 1),
    ("log(1+x)/x", 1e-3, lambda x: np.log(1 + x) / x, lambda x: mp.log(1 + x) / x),
    ("sin(x)-x", 0.01, lambda x: np.sin(x) - x, lambda x: mp.sin(x) - x),
    ("x/(x*x+1)", 1.0, lambda x: x / (x * x + 1), lambda x: x / (x * x + 1)),
    ("sqrt(x*x+1)-x", 100.0, lambda x: np.sqrt(x * x + 1) - x, lambda x: mp.sqrt(x * x + 1) - x),
    ("tan(x)-sin(x)", 0.01, lambda x: np.tan(x) - np.sin(x), lambda x: mp.tan(x) - mp.sin(x)),
    ("exp(x)/(exp(x)+1)", 3.0, lambda x: np.exp(x) / (np.exp(x) + 1), lambda x: mp.exp(x) / (mp.exp(x) + 1)),
    ("(x-1)^3", 1.001, lambda x: (x - 1) ** 3, lambda x: (x - 1) ** 3),
    ("x^3-3*x^2+3*x-1", 1.001, lambda x: x ** 3 - 3 * x ** 2 + 3 * x - 1, lambda x: x ** 3 - 3 * x ** 2 + 3 * x - 1),
    ("cos(x)^2-sin(x)^2", 0.7, lambda x: np.cos(x) ** 2 - np.sin(x) ** 2, lambda x: mp.cos(x) ** 2 - mp.sin(x) ** 2),
    ("atan(x)-x", 0.05, lambda x: np.arctan(x) - x, lambda x: mp.atan(x) - x),
    ("log(x)-log(x+1)", 50.0, lambda x: np.log(x) - np.log(x + 1), lambda x: mp.log(x) - mp.log(x + 1)),
    ("exp(-x*x)*sin(3*x)", 1.3, lambda x: np.exp(-x * x) * np.sin(3 * x), lambda x: mp.exp(-x * x) * mp.sin(3 * x)),
    ("tanh(x)*x-x", 4.0, lambda x: np.tanh(x) * x - x, lambda x: mp.tanh(x) * x - x),
    ("(x+1)^2-x^2", 1e4, lambda x: (x + 1) ** 2 - x ** 2, lambda x: (x + 1) ** 2 - x ** 2),
    ("sinh(x)-x", 0.01, lambda x: np.sinh(x) - x, lambda x: mp.sinh(x) - x),
    ("x*exp(x)-exp(x)", 1.0001, lambda x: x * np.exp(x) - np.exp(x), lambda x: x * mp.exp(x) - mp.exp(x)),
]


def ordinal(v):
    bits = numpy.array([v], dtype=numpy.float64).view(numpy.int64)[0]
    return int(bits) if bits >= 0 else -int(bits & 0x7FFFFFFFFFFFFFFF)


UNARY = ["exp", "sin", "cos", "atan", "tanh", "sinh"]
POSITIVE = ["log", "sqrt"]  # applied to 1 + a*a, or to a when a happens to be positive
NUMPY = {"exp": np.exp, "sin": np.sin, "cos": np.cos, "atan": np.arctan, "tanh": np.tanh, "sinh": np.sinh,
         "log": np.log, "sqrt": np.sqrt}
MPMATH = {"exp": mp.exp, "sin": mp.sin, "cos": mp.cos, "atan": mp.atan, "tanh": mp.tanh, "sinh": mp.sinh,
          "log": mp.log, "sqrt": mp.sqrt}


def random_expression(rng, depth):
    if depth == 0 or rng.random() < 0.2:
        return "x" if rng.random() < 0.6 else repr(rng.choice([1, 2, 3, 0.5, 0.25, 1.5, 10]))
    r = rng.random()
    a = random_expression(rng, depth - 1)
    if r < 0.45:
        op = rng.choice(["+", "-", "*", "/"])
        b = random_expression(rng, depth - 1)
        if op == "/" and rng.random() < 0.5:
            b = f"(1+{b}*{b})"
        return f"({a}{op}{b})"
    if r < 0.85:
        return f"{rng.choice(UNARY)}({a})"
    f = rng.choice(POSITIVE)
    return f"{f}(1+{a}*{a})" if rng.random() < 0.5 else f"{f}({a})"


def random_cases(seed, count):
    """(formula, x, autograd function, mpmath function), skipping domain errors and f′ = 0."""
    rng = random.Random(seed)
    cases = []
    while len(cases) < count:
        formula = random_expression(rng, 4)
        x = round(rng.uniform(0.05, 3), 3)
        if "x" not in formula or "(" not in formula:
            continue
        f = eval("lambda x: " + formula, dict(NUMPY))
        exact = eval("lambda x: " + formula, dict(MPMATH))
        try:
            with numpy.errstate(all="raise"):
                estimate = float(grad(f)(x))
            truth = mp.diff(exact, mp.mpf(x))
        except (FloatingPointError, ValueError, ZeroDivisionError, TypeError):
            continue
        if not math.isfinite(estimate) or not mp.isfinite(truth) or truth == 0 or isinstance(truth, mp.mpc):
            continue
        cases.append((formula, x, f, exact))
    return cases


RANDOM = len(sys.argv) == 4 and sys.argv[1] == "--random"
if RANDOM:
    CASES = random_cases(int(sys.argv[2]), int(sys.argv[3]))

for formula, x, f, exact in CASES:
    truth = float(mp.diff(exact, mp.mpf(x)))
    estimate = float(grad(f)(x))
    ulps = abs(ordinal(estimate) - ordinal(truth)) if math.isfinite(estimate) else math.inf
    print(f"{formula}\t{x!r}\t{ulps}" if RANDOM else f'        ("{formula}", {x!r}, {ulps}),')
