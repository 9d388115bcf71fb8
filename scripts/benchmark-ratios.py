#!/usr/bin/env python3
"""Reads package-benchmark's text output (stdin) and prints, for each benchmark whose name names
figures — "(target 17 ms; CoDiPack 17.5 ms, Adept 19.0 ms)" — its median (p50) wall-clock time
beside each figure and their ratio: above 1, errsweep is slower. The peers' figures are facts
measured on this machine side by side (docs/speed.md says when and how), so no peer needs to be
installed.

With --record FILE, the same table is also written to FILE as Markdown, with the date and the
machine, whole or not at all (`make benchmark` records docs/measured/benchmarks.md)."""
import datetime, os, platform, re, subprocess, sys, tempfile

UNITS = {"ns": 1e-9, "us": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1.0}


def rows_of(text):
    rows = []
    for block in re.split(r"\n(?=[^\n│╒╞╘=\[][^\n]*\n╒)", text):
        lines = block.strip("\n").split("\n")
        name = lines[0].strip()
        time = next((l for l in lines if l.startswith("│ Time (wall clock)")), None)
        if not time:
            continue
        # The cells: the metric's name, then p0, p25, p50, p75, p90, p99, p100, samples.
        cells = [c.strip() for c in time.split("│") if c.strip()]
        unit = re.search(r"\((\w+)\)", cells[0])
        if not unit or unit.group(1) not in UNITS:
            continue
        median = float(cells[3].replace(",", "")) * UNITS[unit.group(1)]
        if "peak memory" in name:
            # A memory benchmark's figure is its resident peak's growth, not its time.
            memory = next((l for l in lines if l.startswith("│ Memory Δ (resident peak)")), None)
            if memory:
                cells = [c.strip() for c in memory.split("│") if c.strip()]
                scaled = re.search(r"\(([KMG])\)", cells[0])
                scale = {"K": 1e3, "M": 1e6, "G": 1e9}[scaled.group(1)] if scaled else 1
                rows.append((name.split(" (")[0], "", float(cells[3].replace(",", "")) * scale, None, "bytes"))
                continue
        figures = list(re.finditer(r"([A-Za-z][^,;()]*?)\s*(?:<=\s*)?([0-9.]+)\s*(ns|us|μs|ms|s)\b", name.split(":", 1)[-1]))
        if not figures:
            rows.append((name.split(" (")[0], "", median, None, "s"))
        for figure in figures:
            label, value, figure_unit = figure.group(1).strip(), float(figure.group(2)), figure.group(3)
            rows.append((name.split(" (")[0], label, median, value * UNITS[figure_unit], "s"))
    return rows


def show(seconds):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


def machine():
    try:
        model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.machine()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    return f"{os.cpu_count()} cores, {model}, {swift[0] if swift else 'Swift'}"


rows = rows_of(sys.stdin.read())
if not rows:
    sys.exit("benchmark-ratios: no benchmark with a wall-clock time in the input")
print(f"{'benchmark':<62} {'against':<34} {'errsweep':>10} {'figure':>10} {'ratio':>6}")
def shown(value, unit):
    return f"{value:.3g} bytes" if unit == "bytes" else show(value)


for name, label, median, figure, unit in rows:
    if figure is not None:
        print(f"{name[:62]:<62} {label[:34]:<34} {show(median):>10} {show(figure):>10} {median / figure:>6.2f}")
    else:
        print(f"{name[:62]:<62} {'':<34} {shown(median, unit):>10}")

if len(sys.argv) == 3 and sys.argv[1] == "--record":
    path = sys.argv[2]
    lines = [
        "# Benchmarks, measured", "",
        f"Written by `make benchmark` (package-benchmark, release build; scripts/benchmark-ratios.py) on "
        f"{datetime.date.today().isoformat()}: {machine()}. Each row is a benchmark's median wall-clock time (a memory benchmark's, its median growth of the resident peak); where its "
        "name carries a target or a peer's figure (measured side by side on this machine, docs/speed.md), the "
        "figure and the ratio are beside it (above 1, errsweep is slower). Wall time depends on the machine's "
        "load; `make instructions` counts instructions, which do not.", "",
        "| benchmark | median | against | figure | ratio |", "|---|---|---|---|---|",
    ]
    for name, label, median, figure, unit in rows:
        against = f"| {label} | {show(figure)} | {median / figure:.2f} |" if figure is not None else "| | | |"
        lines.append(f"| {name} | {shown(median, unit)} {against}")
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, prefix=".benchmarks.") as out:
        out.write("\n".join(lines) + "\n")
    os.replace(out.name, path)
