#!/usr/bin/env bash
# Instructions per gradient (valgrind's callgrind, which does not depend on the machine's load)
# beside wall time, for Rosenbrock's whole gradient by the primal, the statement tape and the
# operation tape at n = 10^3 and 10^5, so a figure can be compared across days. Release build of
# Benchmarks/ (errsweep as a dependency by path). Instructions: (count of 1 + R runs − count of
# 1 run) / R, which leaves out the process's setup and the tape's first growth.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v valgrind >/dev/null || { echo "instruction-counts: valgrind is needed (apt-get install valgrind)" >&2; exit 69; }
command -v bc >/dev/null || { echo "instruction-counts: bc is needed (apt-get install bc)" >&2; exit 69; }
swift build --package-path "$root/Benchmarks" -c release --product InstructionCounts >&2
runner="$root/Benchmarks/.build/release/InstructionCounts"

count() { # CASE N REPEATS: the instructions callgrind collected
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$runner" "$1" "$2" "$3" 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

echo "date: $(date -u +%Y-%m-%d), $(nproc) cores, $(swift --version 2>/dev/null | head -1)"
printf "%-16s %9s %16s %16s %14s\n" case n "instr/gradient" "instr/term" "wall (median)"
for n in 1000 100000; do
    repeats=$(( n >= 100000 ? 5 : 200 ))
    for case in primal statement-tape operation-tape; do
        one=$(count "$case" "$n" 0)
        many=$(count "$case" "$n" "$repeats")
        per=$(( (many - one) / repeats ))
        wall=$("$runner" "$case" "$n" 21 --time)
        printf "%-16s %9d %16d %16.1f %12s µs\n" "$case" "$n" "$per" "$(echo "$per / ($n - 1)" | bc -l)" "$wall"
    done
done
