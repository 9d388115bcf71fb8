#!/usr/bin/env bash
# The README's two commands on another Debian release, as a newcomer there would run them: a fresh
# root made by debootstrap from Debian's packages (Debian 13 "trixie" unless a suite is named),
# Swift's own build and runtime packages installed in it, this machine's Swift toolchain and
# package mirror bind-mounted read-only, and a fresh clone of this checkout's HEAD. In it,
# `make run` and `make test` must pass (each installing its own packages with apt-get, through
# scripts/install-deps.sh) and `git status --porcelain` must print nothing afterwards. Each step
# is timed; --record FILE writes the result table there.
#
# Nothing stays mounted, whatever happens: the whole run is its own mount and PID namespace
# (unshare), so every bind mount vanishes with its last process, and every process in the root
# dies with the run, even when the run is killed. Needs root, as debootstrap and chroot do.
#
#   scripts/portability.sh [--suite trixie] [--record docs/measured/portability.md]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
suite=trixie
record=""
while [ $# -gt 0 ]; do
    case "$1" in
        --suite) suite="$2"; shift 2 ;;
        --record) record="$2"; shift 2 ;;
        *) echo "portability: unknown option '$1' (valid: --suite NAME, --record FILE)" >&2; exit 64 ;;
    esac
done
root="$repo/.build/portability/$suite"
toolchain="$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")"
mirror=/opt/swift-packages

if [ "$(id -u)" -ne 0 ]; then
    echo "portability: needs root (debootstrap, chroot and bind mounts)" >&2
    exit 77
fi

if [ -z "${ERRSWEEP_PORTABILITY_INSIDE:-}" ]; then
    command -v debootstrap >/dev/null 2>&1 || {
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    }
    # A private mount namespace and a PID namespace whose first process dies with this script
    # (--kill-child): killing the run, even with SIGKILL, ends every process in the root and with
    # them every mount.
    status=0
    ERRSWEEP_PORTABILITY_INSIDE=1 unshare --mount --propagation private --pid --fork --kill-child \
        "$0" --suite "$suite" ${record:+--record "$record"} || status=$?
    if grep -F " $root/" /proc/self/mounts >&2; then
        echo "portability: mounts left under $root (listed above)" >&2
        status=1
    fi
    exit $status
fi

log="$repo/.build/portability/$suite.log"
mkdir -p "$(dirname "$root")"
: > "$log"
results=()
started=$SECONDS
# step NAME COMMAND…: runs and times one step, its output in the log; stops the run on failure.
step() {
    local name="$1" begin=$SECONDS status=0
    shift
    echo "portability: $name" >&2
    "$@" >> "$log" 2>&1 || status=$?
    local seconds=$((SECONDS - begin))
    if [ $status -ne 0 ]; then
        results+=("| $name | failed (exit $status) | $seconds s |")
        echo "portability: $name failed (exit $status) after $seconds s; the last lines of $log:" >&2
        tail -30 "$log" >&2
        finish 1
    fi
    results+=("| $name | passed | $seconds s |")
}
finish() {
    local summary="$suite, $(date -u +%Y-%m-%d), $((SECONDS - started)) s in all"
    {
        echo "| step ($summary) | result | time |"
        echo "|---|---|---|"
        printf '%s\n' "${results[@]}"
    } > "$repo/.build/portability/$suite.md"
    cat "$repo/.build/portability/$suite.md"
    [ -n "$record" ] && cp "$repo/.build/portability/$suite.md" "$record"
    exit "$1"
}
inside() { chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb PATH="$toolchain/usr/bin:/usr/sbin:/usr/bin:/sbin:/bin" bash -c "$1"; }

fresh_root() {
    rm -rf "$root"
    debootstrap --variant=minbase "$suite" "$root" http://deb.debian.org/debian
}
mount_in() {
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    # The system git config points github.com at the package mirror; its excludes file keeps
    # Package.resolved out of `git status`, as on this machine.
    cp /etc/gitconfig "$root/etc/gitconfig"
    [ -f /etc/gitignore ] && cp /etc/gitignore "$root/etc/gitignore"
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    mkdir -p "$root$toolchain" "$root$mirror"
    mount --bind "$toolchain" "$root$toolchain" && mount -o remount,bind,ro "$root$toolchain"
    mount --bind "$mirror" "$root$mirror" && mount -o remount,bind,ro "$root$mirror"
}
# What Swift's toolchain needs to build and link on Debian (swift.org's list for Debian 12), with
# git and make for the README's commands. Nothing errsweep itself needs: the README's commands
# install that.
swift_packages() {
    inside 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        binutils gcc g++ libc6-dev libcurl4-openssl-dev libedit-dev libncurses-dev libpython3-dev libsqlite3-dev \
        libxml2-dev uuid-dev tzdata git make ca-certificates python3 > /dev/null'
}
fresh_clone() { git clone --quiet "$repo" "$root/work/errsweep"; }
clean_status() {
    local changes
    changes="$(inside 'cd /work/errsweep && git status --porcelain')"
    [ -z "$changes" ] || { echo "git status is not empty after the README's commands:"; echo "$changes"; return 1; }
}

step "debootstrap $suite" fresh_root
step "mount the toolchain and package mirror" mount_in
step "Swift's build packages" swift_packages
step "fresh clone of HEAD" fresh_clone
step "make run" inside 'cd /work/errsweep && make run'
step "make test" inside 'cd /work/errsweep && make test'
step "git status --porcelain is empty" clean_status
finish 0
