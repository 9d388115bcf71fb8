#!/usr/bin/env python3
"""The Python peers on errsweep's estimator corpus, side by side with errsweep's own scores.

Reads the table `errsweep estimate --corpus` writes (Reports/data/estimators.csv, or the path
given; `make race-estimators` writes one under .build/ first), which holds every
case's function, point, category and MPFR truth; evaluates each function with numpy (rounded to
float32 for the noisy category, as errsweep's cases are) and runs numdifftools' Derivative and
scipy.differentiate.derivative with their defaults, counting evaluations; then scores them by the
same rules as `EstimatorScore` and prints a Markdown table. Run it in the peer venv:

    .build/peer-venv/bin/pip install numpy scipy numdifftools
    .build/peer-venv/bin/python scripts/race-estimators.py
"""
import csv
import math
import statistics
import sys
import warnings

import numpy as np
import numdifftools as nd
import scipy
from scipy.differentiate import derivative

NAMES = {
    "sin": np.sin, "cos": np.cos, "tan": np.tan, "exp": np.exp, "log": np.log, "sqrt": np.sqrt,
    "atan": np.arctan, "asin": np.arcsin, "acos": np.arccos, "tanh": np.tanh, "atanh": np.arctanh,
    "sinh": np.sinh, "cosh": np.cosh, "log1p": np.log1p, "expm1": np.expm1, "cbrt": np.cbrt,
    "sigmoid": lambda t: 1 / (1 + np.exp(-t)), "abs": np.abs,
}


def function(formula, noisy):
    code = compile(formula.replace("^", "**"), formula, "eval")

    def f(x):
        with np.errstate(all="ignore"):
            value = eval(code, {"__builtins__": {}}, {**NAMES, "x": x})
        return np.float64(np.float32(value)) if noisy else value
    return f


def counted(f):
    calls = [0]

    def g(x):
        calls[0] += np.size(x)
        return f(x)
    return g, calls


def numdifftools_estimate(f, x):
    g, calls = counted(f)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = nd.Derivative(g, full_output=True)(x)
    value, bound = float(result.estimate), float(result.error_estimate)
    ok = math.isfinite(value) and math.isfinite(bound)
    return value, bound, calls[0], ok


def scipy_estimate(f, x):
    g, calls = counted(f)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = derivative(g, x)
    value, bound = float(result.df), float(result.error)
    return value, bound, calls[0], bool(result.success) and math.isfinite(value)


def score(rows):
    relative, evaluations, holds, honest, under, ratios, ten, six = [], [], 0, 0, 0, [], 0, 0
    for truth, value, bound, count, ok in rows:
        error = abs(value - truth) if math.isfinite(value) else math.inf
        rel = error if truth == 0 else error / abs(truth)
        relative.append(rel)
        evaluations.append(count)
        ten += rel <= 1e-10
        six += rel <= 1e-6
        if ok:
            holds += error <= bound
            honest += error <= bound
            under += error > 10 * bound
            if 0 < error < math.inf:
                ratios.append(bound / error)
        else:
            honest += 1
    n = len(rows)
    pct = lambda k: f"{100 * k / n:.0f}%"
    return (f"{statistics.median(relative):.1e} | {pct(ten)} | {pct(six)} | {statistics.median(evaluations):g} ({max(evaluations)}) | "
            f"{pct(holds)} | {pct(honest)} | {pct(under)} | {statistics.median(ratios):.2g}" if ratios else "—")


def main(path="Reports/data/estimators.csv"):
    cases = [r for r in csv.DictReader(open(path)) if r["algorithm"] == "errsweep" and r["truth"] and r["category"] != "random smooth"]
    peers = {"numdifftools " + nd.__version__: numdifftools_estimate, "scipy.differentiate " + scipy.__version__: scipy_estimate}
    print(f"{len(cases)} corpus cases\n")
    print("| algorithm | median rel err | ≥ 10 digits | ≥ 6 digits | evals median (max) | bound ≥ true error | honest | silently under > 10× | median bound ÷ true error |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, estimate in peers.items():
        rows = []
        for case in cases:
            f = function(case["function"], case["category"].startswith("noisy"))
            rows.append((float(case["truth"]), *estimate(f, float(case["x"]))))
        print(f"| {name} | {score(rows)} |")


if __name__ == "__main__":
    main(*sys.argv[1:])
