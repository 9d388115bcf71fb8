#!/usr/bin/env python3
"""Reference derivatives of expressions whose constants are amplified (a large multiple of pi or
e inside sin or cos), from mpmath at 60 digits by numerical differentiation (mp.diff) of the
expression written with mpmath's own pi and e. A constant carried with too few bits shows as a
wrong truth in the tests that hold these literals (Tests/ErrSweepTests/ConstantPrecisionTests).
"""
import mpmath as mp

mp.mp.dps = 60
cases = [
    ("5.5*cos(theta*(180/pi))", lambda t: mp.mpf("5.5") * mp.cos(t * (180 / mp.pi)), 256),
    ("radius*cos(192*(180/pi))", lambda r: r * mp.cos(192 * (180 / mp.pi)), 5.5),
    ("sin(x*e*10000)", lambda x: mp.sin(x * mp.e * 10000), 0.75),
    ("sin(1e6*pi*x)", lambda x: mp.sin(mp.mpf(10) ** 6 * mp.pi * x), 0.3),
    ("sin(1e6*pi*x)", lambda x: mp.sin(mp.mpf(10) ** 6 * mp.pi * x), 1.7),
    ("cos(x*0.1*1e15)", lambda x: mp.cos(x * mp.mpf(1) / 10 * mp.mpf(10) ** 15), 2.5),
    ("exp(pi*x)/e", lambda x: mp.exp(mp.pi * x) / mp.e, 3.25),
]
for formula, f, x in cases:
    xx = mp.mpf(float(x))
    print(f'        ("{formula}", {float(x)!r}, "{mp.nstr(mp.diff(f, xx), 45)}"),')
