#!/usr/bin/env bash
# Installs the system packages errsweep builds against, only when they are missing:
# MPFR and MPC (exact real and complex arithmetic), Arb (ball arithmetic: the proved truth),
# cairo and libpng (the native chart renderer), a font for chart text, and pkg-config (how SwiftPM
# finds them).
#
# Arb comes in two layouts. Since FLINT 3.0 it is part of FLINT (flint/arb.h in libflint: Debian 13,
# Ubuntu 24.04, Homebrew); before, it was a library of its own (arb.h in libflint-arb: Debian 12,
# Ubuntu 22.04). The manifest links whichever the machine has.
#
#   --with-optional  also what the tests use: gnuplot (the other chart renderer), Graphviz
#                    (computational graphs as images), Python (the documentation check), poppler
#                    (the PDFs read back) and Chromium with chromedriver (the explorer's browser tests). Each is tried on
#                    its own: one that cannot be installed (Ubuntu ships Chromium as a snap, which
#                    apt-get cannot install here) is named in a line, and its tests are skipped.
#   --with-valgrind  valgrind, for instruction counts (make instructions) only.
#
# Known systems: Debian 12 and 13, Ubuntu 22.04 and 24.04 (apt-get), macOS with Homebrew. On any
# other it says in one line what to install.
set -euo pipefail

with_optional=false with_valgrind=false
for option in "$@"; do
    case "$option" in
        --with-optional) with_optional=true ;;
        --with-valgrind) with_valgrind=true ;;
        *) echo "install-deps: unknown option '$option' (valid: --with-optional, --with-valgrind)" >&2; exit 64 ;;
    esac
done

# The system, as packages are named there: debian-12, ubuntu-24.04, macos-brew, or unknown.
system=unknown
if [ "$(uname -s)" = Darwin ]; then
    command -v brew >/dev/null 2>&1 && system=macos-brew
elif [ -r /etc/os-release ]; then
    # shellcheck disable=SC1091
    system="$(. /etc/os-release && echo "${ID:-unknown}-${VERSION_ID:-}")"
fi
case "$system" in
    debian-12 | ubuntu-22.04) arb_package=libflint-arb-dev ;;
    debian-13 | ubuntu-24.04) arb_package=libflint-dev ;;
    macos-brew) arb_package=flint ;;
    *) arb_package="" ;;
esac

has() { command -v "$1" >/dev/null 2>&1; }
# A C header the compiler finds (Homebrew's prefix too, where it has one).
has_header() {
    local flags=()
    [ "$system" = macos-brew ] && flags=(-I"$(brew --prefix)/include")
    printf '#include <mpfr.h>\n#include <%s>\n' "$1" | cc "${flags[@]}" -E -x c - >/dev/null 2>&1
}

# What is missing, by package name on this system (Debian's names, Homebrew's for macOS).
required=() optional=()
if [ "$system" = macos-brew ]; then
    for formula in pkg-config mpfr libmpc flint cairo libpng; do
        brew list --versions "$formula" >/dev/null 2>&1 || required+=("$formula")
    done
else
    has pkg-config || required+=(pkg-config)
    pkg-config --exists mpfr 2>/dev/null || required+=(libmpfr-dev)
    pkg-config --exists cairo 2>/dev/null || required+=(libcairo2-dev)
    pkg-config --exists libpng 2>/dev/null || required+=(libpng-dev)
    # MPC has no pkg-config file: look for its header.
    has_header mpc.h || required+=(libmpc-dev)
    if ! has_header flint/arb.h && ! has_header arb.h; then required+=("${arb_package:-libflint-dev}"); fi
    # Not grep -q: it exits at the first match, fc-list then dies of SIGPIPE and pipefail fails.
    fc-list 2>/dev/null | grep -i 'DejaVu Sans' >/dev/null || required+=(fonts-dejavu-core)
fi
if $with_optional; then
    has gnuplot || optional+=("$([ "$system" = macos-brew ] && echo gnuplot || echo gnuplot-nox)")
    has dot || optional+=(graphviz)
    # The documentation check (make docs) reads the symbol graphs with Python.
    has python3 || optional+=(python3)
    # The chart tests read the PDFs back with poppler (pages, page size, embedded fonts).
    has pdffonts || optional+=(poppler-utils)
    # The explorer's browser tests: headless Chromium driven by chromedriver (WebDriver).
    if [ "$system" != macos-brew ]; then
        has chromium || has chromium-browser || optional+=(chromium)
        has chromedriver || [ -x /usr/lib/chromium/chromedriver ] || optional+=(chromium-driver)
    fi
fi
if $with_valgrind; then has valgrind || required+=(valgrind); fi

if [ ${#required[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ]; then
    exit 0
fi

if [ "$system" = macos-brew ]; then
    if [ ${#required[@]} -gt 0 ]; then
        echo "install-deps: brew install ${required[*]}" >&2
        brew install "${required[@]}"
    fi
    for formula in "${optional[@]}"; do
        brew install "$formula" || echo "install-deps: $formula could not be installed; the tests that need it are skipped" >&2
    done
    exit 0
fi

if [ -z "$arb_package" ] || ! has apt-get; then
    echo "install-deps: ${system} is not a system errsweep knows; install MPFR, MPC, FLINT 3 (or FLINT 2 with Arb 2), cairo, libpng, pkg-config and the DejaVu fonts (missing here: ${required[*]} ${optional[*]})" >&2
    # Only what the build needs fails the command; missing optional parts leave their tests skipped.
    if [ ${#required[@]} -gt 0 ]; then exit 1; fi
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif has sudo; then
    sudo=(sudo)
else
    echo "install-deps: errsweep needs ${required[*]} ${optional[*]}; run as root or install sudo" >&2
    exit 1
fi
"${sudo[@]}" apt-get update -qq
if [ ${#required[@]} -gt 0 ]; then
    echo "install-deps: installing ${required[*]}" >&2
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${required[@]}" >/dev/null
fi
# One at a time, so that one optional part that cannot be had (Ubuntu's Chromium is a snap) leaves
# the others installed and the tests running.
for package in "${optional[@]}"; do
    echo "install-deps: installing $package" >&2
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$package" >/dev/null 2>&1 \
        || echo "install-deps: $package could not be installed with apt-get; the tests that need it are skipped" >&2
done
