#!/usr/bin/env python3
"""Anchors for errsweep's number-system audit, measured once in Python on the audit's own grid.

For every function and argument x where `errsweep audit` measured the complex step (read from
Reports/data/number-systems.csv, which the audit writes), this computes
  - numpy's complex step, Im f(x + ih)/h with h = 1e-20, in numpy's complex128 functions, and
  - autograd's derivative, grad(f)(x), AD as Python users run it,
and their ulps against f'(x) from its textbook closed form evaluated in mpmath at 60 digits
(mpmath's numerical differentiation is wrong by 1e-11 relative at |x| = 1e20). Over the arguments the audit marked well conditioned it writes, per
function and anchor, the maximum and median ulps to Reports/anchors/number-systems-python.csv,
which the audit's report shows beside errsweep's own figures.

    .build/peer-venv/bin/python scripts/audit-anchors.py    (numpy, autograd, mpmath)
"""
import csv
import math
import os
import statistics
import sys

import autograd.numpy as anp
import mpmath as mp
import numpy as np
from autograd import grad

mp.mp.dps = 60
H = 1e-20


def real_cbrt(z):
    """The real-branch cube root, continued analytically (errsweep's cbrt)."""
    z = np.asarray(z, dtype=complex)
    return np.where(z.real < 0, -((-z) ** (1 / 3)), z ** (1 / 3))


# name: (numpy complex function, autograd function)
FUNCTIONS = {
    "exp(x)": (np.exp, anp.exp),
    "expm1(x)": (np.expm1, anp.expm1),
    "log(x)": (np.log, anp.log),
    "log1p(x)": (np.log1p, anp.log1p),
    "sqrt(x)": (np.sqrt, anp.sqrt),
    "cbrt(x)": (real_cbrt, anp.cbrt),
    "sin(x)": (np.sin, anp.sin),
    "cos(x)": (np.cos, anp.cos),
    "tan(x)": (np.tan, anp.tan),
    "asin(x)": (np.arcsin, anp.arcsin),
    "acos(x)": (np.arccos, anp.arccos),
    "atan(x)": (np.arctan, anp.arctan),
    "sinh(x)": (np.sinh, anp.sinh),
    "cosh(x)": (np.cosh, anp.cosh),
    "tanh(x)": (np.tanh, anp.tanh),
    "asinh(x)": (np.arcsinh, anp.arcsinh),
    "acosh(x)": (np.arccosh, anp.arccosh),
    "atanh(x)": (np.arctanh, anp.arctanh),
    "sigmoid(x)": (lambda z: 1 / (1 + np.exp(-z)), lambda x: 1 / (1 + anp.exp(-x))),
    "softplus(x)": (lambda z: np.log1p(np.exp(z)), lambda x: anp.log1p(anp.exp(x))),
    "pow(x, 2.5)": (lambda z: z ** 2.5, lambda x: x ** 2.5),
    "pow(1.5, x)": (lambda z: 1.5 ** z, lambda x: 1.5 ** x),
    "hypot(x, 3)": (lambda z: np.sqrt(z * z + 9), lambda x: anp.sqrt(x * x + 9)),
}


def ordinal(v):
    """Position among the doubles: consecutive doubles have consecutive ordinals."""
    bits = np.array([v], dtype=np.float64).view(np.int64)[0]
    return int(bits) if bits >= 0 else -int(bits & 0x7FFFFFFFFFFFFFFF)


def ulps(estimate, truth):
    if not math.isfinite(estimate):
        return math.inf
    return abs(ordinal(estimate) - ordinal(truth))


sig = lambda x: 1 / (1 + mp.exp(-x))
# name: f'(x) in closed form
DERIVATIVES = {
    "exp(x)": mp.exp, "expm1(x)": mp.exp, "log(x)": lambda x: 1 / x, "log1p(x)": lambda x: 1 / (1 + x),
    "sqrt(x)": lambda x: 1 / (2 * mp.sqrt(x)), "cbrt(x)": lambda x: mp.cbrt(x) / (3 * x),
    "sin(x)": mp.cos, "cos(x)": lambda x: -mp.sin(x), "tan(x)": lambda x: mp.sec(x) ** 2,
    "asin(x)": lambda x: 1 / mp.sqrt(1 - x * x), "acos(x)": lambda x: -1 / mp.sqrt(1 - x * x),
    "atan(x)": lambda x: 1 / (1 + x * x), "sinh(x)": mp.cosh, "cosh(x)": mp.sinh,
    "tanh(x)": lambda x: mp.sech(x) ** 2, "asinh(x)": lambda x: 1 / mp.sqrt(x * x + 1),
    "acosh(x)": lambda x: 1 / mp.sqrt(x * x - 1), "atanh(x)": lambda x: 1 / (1 - x * x),
    "sigmoid(x)": lambda x: sig(x) * sig(-x), "softplus(x)": sig,
    "pow(x, 2.5)": lambda x: mp.mpf(2.5) * x ** mp.mpf(1.5), "pow(1.5, x)": lambda x: mp.mpf(1.5) ** x * mp.log(mp.mpf(1.5)),
    "hypot(x, 3)": lambda x: x / mp.sqrt(x * x + 9),
}


def exact_derivative(name, x):
    """f'(x) rounded to a double, or None where it is not a finite nonzero real."""
    d = DERIVATIVES[name](mp.mpf(x))
    if isinstance(d, mp.mpc):
        return None
    value = float(d)
    return value if math.isfinite(value) and value != 0 else None


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    grid = {}
    with open(os.path.join(root, "Reports/data/number-systems.csv")) as f:
        for row in csv.DictReader(f):
            if row["system"] == "complex (errsweep)" and row["part"].startswith("f′"):
                grid.setdefault(row["function"], []).append((float(row["x"]), row["well_conditioned"] == "1"))
    out = [("function", "anchor", "max", "median", "count")]
    np.seterr(all="ignore")
    for name, points in grid.items():
        step, ad = FUNCTIONS[name]
        derivative = grad(ad)
        figures = {"numpy complex step": [], "autograd": []}
        for x, conditioned in points:
            if not conditioned:
                continue
            truth = exact_derivative(name, x)
            if truth is None:
                continue
            try:
                estimate = float(np.imag(step(np.complex128(complex(x, H))))) / H
            except (OverflowError, ValueError):
                estimate = math.nan
            figures["numpy complex step"].append(ulps(estimate, truth))
            try:
                figures["autograd"].append(ulps(float(derivative(x)), truth))
            except Exception:
                figures["autograd"].append(math.inf)
        for anchor, values in figures.items():
            if values:
                out.append((name, anchor, repr(max(values)), repr(statistics.median(values)), str(len(values))))
    os.makedirs(os.path.join(root, "Reports/anchors"), exist_ok=True)
    with open(os.path.join(root, "Reports/anchors/number-systems-python.csv"), "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(out)


if __name__ == "__main__":
    main()
