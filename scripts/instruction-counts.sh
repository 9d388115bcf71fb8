#!/usr/bin/env bash
# Instructions per gradient (valgrind's callgrind, which does not depend on the machine's load)
# beside wall time, for Rosenbrock's whole gradient by the primal, the statement tape and the
# operation tape at n = 10^3 and 10^5, so a figure can be compared across days. Release build of
# Benchmarks/ (errsweep as a dependency by path). Instructions: (count of 1 + R runs − count of
# 1 run) / R, which leaves out the process's setup and the tape's first growth.
#
# The table is printed and recorded, with its date and machine, in docs/measured/instructions.md
# (written whole or not at all), which docs/speed.md shows: the figures there are this run's.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v valgrind >/dev/null || { echo "instruction-counts: valgrind is needed (apt-get install valgrind)" >&2; exit 69; }
swift build --package-path "$root/Benchmarks" -c release --product InstructionCounts >&2
runner="$root/Benchmarks/.build/release/InstructionCounts"
record="$root/docs/measured/instructions.md"
mkdir -p "$root/docs/measured"
table="$(mktemp "$root/docs/measured/.instructions.XXXXXX")"
trap 'rm -f "$table"' EXIT

count() { # CASE N REPEATS: the instructions callgrind collected
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$runner" "$1" "$2" "$3" 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

{
    echo "# Instructions per gradient, measured"
    echo
    echo "Written by \`make instructions\` (scripts/instruction-counts.sh) on $(date -u +%Y-%m-%d): $(nproc) cores,"
    echo "$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(swift --version 2>/dev/null | head -1)."
    echo "Rosenbrock's whole gradient, tape memory reused, from a release build of errsweep as a"
    echo "dependency. Instructions (callgrind) are R gradients' worth less setup, divided by R; they do"
    echo "not depend on the machine's load. Wall time is the median of 21 gradients and does."
    echo
    echo "| case | n | instructions per gradient | per term | wall time (median) |"
    echo "|---|---|---|---|---|"
} > "$table"
for n in 1000 100000; do
    repeats=$(( n >= 100000 ? 5 : 200 ))
    for case in primal statement-tape operation-tape; do
        one=$(count "$case" "$n" 0)
        many=$(count "$case" "$n" "$repeats")
        per=$(( (many - one) / repeats ))
        wall=$("$runner" "$case" "$n" 21 --time)
        printf "| %s | %d | %d | %.1f | %s µs |\n" "$case" "$n" "$per" "$(awk "BEGIN { print $per / ($n - 1) }")" "$wall" >> "$table"
    done
done
cat "$table"
mv "$table" "$record"
