#!/usr/bin/env python3
"""Independent exact difference quotients for errsweep's split tests, from mpmath at 130 digits (central5 at h = 1e-16 truncates at ~1e-65 after dividing by h).

For the sigmoid at x = 2 and 151 steps h = 10^(-1 - k/10) (as Python doubles, printed as exact
hexadecimal literals), each method's quotient in exact arithmetic, D_exact(h), with its points
x + o*h formed exactly, and the truncation D_exact(h) - sigma'(2). Prints a Swift literal table.
"""
import mpmath as mp

mp.mp.dps = 130
sigma = lambda x: 1 / (1 + mp.exp(-x))
x = mp.mpf(2)
truth = mp.exp(-x) / (1 + mp.exp(-x)) ** 2
stencils = {
    "forward": ([0, 1], [-1, 1], 1),
    "backward": ([-1, 0], [-1, 1], 1),
    "central": ([-1, 1], [-1, 1], 2),
    "central5": ([-2, -1, 1, 2], [1, -8, 8, -1], 12),
}
print("let sigmoidAtTwoSplit: [(method: String, h: Double, exact: String, truncation: String)] = [")
for k in range(151):
    h = 10.0 ** (-(10 + k) / 10)
    H = mp.mpf(h)
    for name, (offsets, weights, d) in stencils.items():
        exact = sum(w * sigma(x + o * H) for o, w in zip(offsets, weights)) / (d * H)
        print(f'    ("{name}", {h.hex()}, "{mp.nstr(exact, 45)}", "{mp.nstr(exact - truth, 12)}"),')
    exact = mp.im(sigma(mp.mpc(x, H))) / H
    print(f'    ("complex", {h.hex()}, "{mp.nstr(exact, 45)}", "{mp.nstr(exact - truth, 12)}"),')
print("]")
