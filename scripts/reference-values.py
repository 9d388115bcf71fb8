#!/usr/bin/env python3
"""Independent reference values for errsweep's tests, from mpmath (pip install mpmath).

f(x) is evaluated from its own mpmath formula and f'(x) by mpmath's numerical differentiation
(mp.diff) at 50 digits, so neither reuses errsweep's hand-derived derivatives. Each x is the
double nearest the decimal written, converted exactly. Prints Swift literals; the tests hold the
printed numbers and do not need Python.
"""
import mpmath as mp

mp.mp.dps = 50
functions = {
    "sigmoid": (lambda x: 1 / (1 + mp.exp(-x)), [0, 2, 4, 10, -3]),
    "exp": (mp.exp, [-2, 0, 1, 10, 0.3]),
    "sin": (mp.sin, [0, 0.5, 1, 3, -2]),
    "cos": (mp.cos, [0, 0.5, 1, 3, -2]),
    "log": (mp.log, [0.1, 1, 2, 100, 7.5]),
    "tanh": (mp.tanh, [0, 0.5, 2, 10, -1]),
    "sqrt": (mp.sqrt, [0.01, 1, 4, 100, 2.5]),
    "pow9half": (lambda x: x ** mp.mpf(4.5), [0.5, 1, 1.5, 4, 3]),
    "runge": (lambda x: 1 / (1 + 25 * x * x), [0, 0.2, 0.5, 1, -0.7]),
    "softplus": (lambda x: mp.log(1 + mp.exp(x)), [-10, 0, 2, 10, 1.5]),
    "gaussian": (lambda x: mp.exp(-x * x), [0, 0.5, 1, 3, -1.2]),
    "cubic": (lambda x: x ** 3 - x, [0, 0.5, 1, 2, -3]),
}
for name, (f, points) in functions.items():
    print(f'    "{name}": [')
    for p in points:
        x = mp.mpf(float(p))
        print(f'        ({float(p)!r}, "{mp.nstr(f(x), 40)}", "{mp.nstr(mp.diff(f, x), 40)}"),')
    print("    ],")
