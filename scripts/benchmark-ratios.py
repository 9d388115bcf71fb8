#!/usr/bin/env python3
"""Reads package-benchmark's text output (stdin) and prints, for each benchmark whose name names
figures — "(target 17 ms; CoDiPack 17.5 ms, Adept 19.0 ms)" — its median (p50) wall-clock time
beside each figure and their ratio: above 1, errsweep is slower. The peers' figures are facts
measured on this machine (issue 18), so no peer needs to be installed."""
import re, sys

UNITS = {"ns": 1e-9, "us": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1.0}
text = sys.stdin.read()
rows = []
for block in re.split(r"\n(?=[^\n│╒╞╘=\[][^\n]*\n╒)", text):
    lines = block.strip("\n").split("\n")
    name = lines[0].strip()
    time = next((l for l in lines if l.startswith("│ Time (wall clock)")), None)
    if not time:
        continue
    cells = [c.strip() for c in time.split("│") if c.strip()]
    unit = re.search(r"\((\w+)\)", cells[0])
    if not unit or unit.group(1) not in UNITS:
        continue
    median = float(cells[4]) * UNITS[unit.group(1)]
    for figure in re.finditer(r"([A-Za-z][^,;()]*?)\s*(?:<=\s*)?([0-9.]+)\s*(ns|us|μs|ms|s)\b", name.split(":", 1)[-1]):
        label, value, figure_unit = figure.group(1).strip(), float(figure.group(2)), figure.group(3)
        rows.append((name.split(" (")[0], label, median, value * UNITS[figure_unit]))
if not rows:
    sys.exit("benchmark-ratios: no benchmark with figures in its name in the input")
print(f"{'benchmark':<62} {'against':<34} {'errsweep':>10} {'figure':>10} {'ratio':>6}")
for name, label, median, figure in rows:
    def show(seconds):
        for unit, scale in (("s", 1), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
            if seconds >= scale:
                return f"{seconds / scale:.3g} {unit}"
        return f"{seconds * 1e9:.3g} ns"
    print(f"{name[:62]:<62} {label[:34]:<34} {show(median):>10} {show(figure):>10} {median / figure:>6.2f}")
