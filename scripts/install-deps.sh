#!/usr/bin/env bash
# Installs the system packages errsweep builds against, only when they are missing:
# MPFR and MPC (exact real and complex arithmetic), Arb (ball arithmetic: the proved truth),
# cairo and libpng (the native chart renderer), a font for chart text, and pkg-config (how SwiftPM
# finds them). gnuplot (the other chart renderer), Graphviz (computational graphs as images),
# Python (the documentation check), Chromium with chromedriver (the explorer's browser tests),
# and valgrind (instruction counts) are optional; pass --with-optional to install them too, as
# the tests do.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists mpfr 2>/dev/null; then missing+=(libmpfr-dev); fi
pkg-config --exists cairo 2>/dev/null || missing+=(libcairo2-dev)
pkg-config --exists libpng 2>/dev/null || missing+=(libpng-dev)
# Not grep -q: it exits at the first match, fc-list then dies of SIGPIPE and pipefail fails the test.
fc-list 2>/dev/null | grep -i 'DejaVu Sans' >/dev/null || missing+=(fonts-dejavu-core)
if [ "${1:-}" = "--with-optional" ]; then
    command -v gnuplot >/dev/null 2>&1 || missing+=(gnuplot-nox)
    command -v dot >/dev/null 2>&1 || missing+=(graphviz)
    # The documentation check (make docs) reads the symbol graphs with Python.
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    # The explorer's browser tests: headless Chromium driven by chromedriver (WebDriver).
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
    # Instruction counts beside wall time (make instructions): callgrind.
    command -v valgrind >/dev/null 2>&1 || missing+=(valgrind)
fi
# MPC has no pkg-config file: look for its header.
if ! echo '#include <mpc.h>' | cc -E -x c - >/dev/null 2>&1; then missing+=(libmpc-dev); fi
# Nor has Arb (FLINT's ball arithmetic, which brings libflint-dev with it).
if ! printf '#include <mpfr.h>\n#include <arb.h>\n' | cc -E -x c - >/dev/null 2>&1; then missing+=(libflint-arb-dev); fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "errsweep needs: ${missing[*]} (no apt-get here: install them with your package manager)" >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "errsweep needs: ${missing[*]}; run as root or install sudo" >&2
    exit 1
fi
echo "installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
