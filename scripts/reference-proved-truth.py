#!/usr/bin/env python3
"""The proved truth's test literals (Tests/ErrSweepTests/ProvedTruthTests.swift): derivatives that
cancel 200 to 2000 bits, at 8000 bits in mpmath, printed to 20 significant digits with the Double
they round to. Needs mpmath (pip install mpmath); the tests themselves need no Python."""
from mpmath import mp, mpf, sin, cos, exp, log, sinh, cosh, sqrt, atan, tanh

mp.prec = 8000

# name, expression (errsweep's grammar), x, f'(x) written out by hand.
CASES = [
    ("sin shifted by 1e-200", "sin(x + 1e-200) - sin(x)", "1", lambda x, d=mpf("1e-200"): cos(x + d) - cos(x)),
    ("exp shifted by 1e-300", "exp(x + 1e-300) - exp(x)", "0.5", lambda x, d=mpf("1e-300"): exp(x + d) - exp(x)),
    ("cube shifted by 1e-250", "(x + 1e-250)^3 - x^3", "2", lambda x, d=mpf("1e-250"): 3 * (x + d) ** 2 - 3 * x ** 2),
    ("log shifted by 1e-320, a subnormal f'", "log(x + 1e-320) - log(x)", "3", lambda x, d=mpf("1e-320"): 1 / (x + d) - 1 / x),
    ("x times exp of a tiny literal", "x*exp(1e-200) - x", "7", lambda x: exp(mpf("1e-200")) - 1),
    ("atan quotient over 1e-300", "(atan(x + 1e-300) - atan(x)) * 1e300", "0.75",
     lambda x, d=mpf("1e-300"): (1 / (1 + (x + d) ** 2) - 1 / (1 + x ** 2)) * mpf("1e300")),
    ("tanh quotient over 1e-330, 1100 bits", "(tanh(x + 1e-330) - tanh(x)) * 1e330", "0.3",
     lambda x, d=mpf("1e-330"): ((1 - tanh(x + d) ** 2) - (1 - tanh(x) ** 2)) * mpf("1e330")),
    ("sinh quotient over 1e-600, 2000 bits", "(sinh(x + 1e-600) - sinh(x)) * 1e600", "1.25",
     lambda x, d=mpf("1e-600"): (cosh(x + d) - cosh(x)) * mpf("1e600")),
    ("sqrt quotient over 1e-450", "(sqrt(x + 1e-450) - sqrt(x)) * 1e450", "2",
     lambda x, d=mpf("1e-450"): (1 / (2 * sqrt(x + d)) - 1 / (2 * sqrt(x))) * mpf("1e450")),
]

for name, expression, x, derivative in CASES:
    value = derivative(mpf(float(x)))  # the point as the Double errsweep is given
    print(f'    ("{name}", "{expression}", {x}, "{mp.nstr(value, 20)}", {float(value)!r}),')
