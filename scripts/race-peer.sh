#!/usr/bin/env bash
# The default job, `errsweep --fn sigmoid --h 1e-1...1e-16` (sweep, exact split, CSV, charts,
# report), raced as whole processes against the Python peer that does the same job with numpy,
# mpmath, autograd and matplotlib. Prints each median beside the target ratio (issue 7: 30x with
# the native renderer, 8x with gnuplot).
#
#   scripts/race-peer.sh [PEER_SCRIPT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
peer=${1:-../shared/peers/sweep_numpy_mpmath.py}
runs=${2:-5}
[[ -f $peer ]] || { echo "race: no peer script at $peer (pass its path as the first argument)" >&2; exit 66; }

venv=.build/peer-venv
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c "import numpy, mpmath, autograd, matplotlib" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet numpy mpmath autograd matplotlib
fi
swift build -c release --product errsweep >/dev/null
binary=$(swift build -c release --show-bin-path)/errsweep
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The median wall time, in seconds, of `runs` runs of a command, each in a new directory.
median() {
    local times=()
    for run in $(seq "$runs"); do
        local out="$scratch/$run-$RANDOM"
        mkdir -p "$out"
        local start end
        start=$(date +%s%N)
        (cd "$out" && "$@" >/dev/null 2>&1)
        end=$(date +%s%N)
        times+=("$(( (end - start) / 1000 ))")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] / 1e6 }'
}

peer_time=$(median "$PWD/$venv/bin/python" "$(realpath "$peer")" .)
native_time=$(median "$binary" --fn sigmoid --h 1e-1...1e-16 --plot png)
printf '%-44s %8s s\n' "peer (numpy, mpmath, autograd, matplotlib)" "$peer_time"
printf '%-44s %8s s   %5.1fx faster (target 30x)\n' "errsweep, native renderer" "$native_time" "$(echo "$peer_time / $native_time" | bc -l)"
if command -v gnuplot >/dev/null; then
    gnuplot_time=$(median "$binary" --fn sigmoid --h 1e-1...1e-16 --plot gnuplot)
    printf '%-44s %8s s   %5.1fx faster (target 8x)\n' "errsweep, gnuplot" "$gnuplot_time" "$(echo "$peer_time / $gnuplot_time" | bc -l)"
else
    echo "errsweep, gnuplot: not run (gnuplot is not installed)"
fi
