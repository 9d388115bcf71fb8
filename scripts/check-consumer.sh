#!/usr/bin/env bash
# Builds, tests and runs Examples/Consumer against errsweep as another package sees it: a copy of
# this checkout's HEAD in a git repository of its own, tagged 0.1.0, required `from: "0.1.0"`.
# A dependency by version is refused if errsweep carries unsafe build flags; this proves it
# does not, that the one-call sweep and the derivative checker work from outside, and that the
# engine product alone brings no chart renderer with it (no cairo, no libpng linked).
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
swift build
if ldd .build/debug/consumer | grep -E 'libcairo|libpng'; then
    echo "check-consumer: the ErrSweep product linked a chart library; it should need MPFR and MPC only" >&2
    exit 1
fi
swift test
swift run consumer
