#!/usr/bin/env bash
# Builds, tests and runs Examples/Consumer against errsweep as another package sees it: a copy of
# this checkout's HEAD in a git repository of its own, tagged 0.1.0, required `from: "0.1.0"`.
# A dependency by version is refused if errsweep carries unsafe build flags; this proves it
# does not, that the one-call sweep and the derivative checker work from outside, and that the
# engine product alone brings no chart renderer with it (no cairo, no libpng linked).
#
# With --speed (`make instructions`), instead: a release build of consumer-speed, and the
# statement tape's instructions per Rosenbrock gradient (callgrind, independent of the machine's
# load) as errsweep runs it in its own module and as the consumer writes it; more than 5 % apart
# fails (issue 29). Not in CI: errsweep's release build from scratch takes about 9 minutes here.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

git clone --quiet --no-hardlinks "$root" "$work/errsweep"
git -C "$work/errsweep" tag -f 0.1.0 >/dev/null
cp -R "$root/Examples/Consumer" "$work/consumer"
rm -rf "$work/consumer/.build" "$work/consumer/Package.resolved"

cd "$work/consumer"
export ERRSWEEP_PACKAGE_URL="file://$work/errsweep"

if [[ "${1:-}" == "--speed" ]]; then
    command -v valgrind >/dev/null || { echo "check-consumer: valgrind is needed (apt-get install valgrind)" >&2; exit 69; }
    swift build -c release --product consumer-speed >&2
    runner=.build/release/consumer-speed n=1000 repeats=200
    count() { # CASE REPEATS: the instructions callgrind collected
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$runner" "$1" "$n" "$2" 2>&1 \
            | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    }
    declare -A per
    for case in library consumer; do
        per[$case]=$(( ($(count "$case" "$repeats") - $(count "$case" 0)) / repeats ))
        printf "statement tape, Rosenbrock n = %d, %-8s %8d instructions per gradient, %8s µs (median)\n" \
            "$n" "$case" "${per[$case]}" "$("$runner" "$case" "$n" 101 --time)"
    done
    if (( per[consumer] * 100 > per[library] * 105 )); then
        echo "check-consumer: the consumer's statement tape takes more than 5 % more instructions than errsweep's own" >&2
        exit 1
    fi
    exit 0
fi

swift build
if ldd .build/debug/consumer | grep -E 'libcairo|libpng'; then
    echo "check-consumer: the ErrSweep product linked a chart library; it should need MPFR and MPC only" >&2
    exit 1
fi
swift test
swift run consumer
