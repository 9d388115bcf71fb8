#!/usr/bin/env bash
# Runs every command of the README's ```sh blocks as written, each in a scratch folder of its
# own (so what it writes lands there, not in the checkout), with errsweep from this checkout:
# `swift run …` and `make …` as they are, `errsweep …` as `swift run errsweep …`. A command
# passes on its expected exit status: 0, or 1 for check-derivative, whose README example is a
# derivative with a slip. `make serve` passes once the server says where it listens. `make test`
# is left to CI, which runs it first; CI runs this after it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
commands=$(awk '/^```sh$/ {on = 1; next} /^```$/ {on = 0} on' "$root/README.md" | sed 's/[[:space:]]*#.*$//' | grep -v '^[[:space:]]*$')
failed=0
while IFS= read -r command; do
    scratch="$(mktemp -d)"
    expected=0
    case "$command" in *check-derivative*) expected=1 ;; esac
    printf 'readme: %s\n' "$command"
    status=0
    case "$command" in
        "make test")
            echo "readme: make test is CI's own first step"
            ;;
        "make serve"*)
            # The explorer is up once it prints its address; then it is stopped. It runs in a
            # process group of its own (setsid), and only that group is ended: make, swift run and
            # the server this script started, never another errsweep-serve on the machine.
            setsid bash -c "cd \"$root\" && exec timeout 600 make serve" > "$scratch/.readme-output" 2>&1 &
            server=$!
            for _ in $(seq 1 600); do grep -q "errsweep explorer on http" "$scratch/.readme-output" 2>/dev/null && break; sleep 1; done
            grep -q "errsweep explorer on http" "$scratch/.readme-output" || status=1
            kill -TERM -- "-$server" 2>/dev/null || true
            wait "$server" || true
            ;;
        make*)
            (cd "$root" && eval "$command") > "$scratch/.readme-output" 2>&1 || status=$?
            ;;
        swift\ run*)
            (cd "$scratch" && eval "${command/swift run/swift run --package-path \"$root\"}") > "$scratch/.readme-output" 2>&1 || status=$?
            ;;
        errsweep*)
            (cd "$scratch" && eval "swift run --package-path \"$root\" $command") > "$scratch/.readme-output" 2>&1 || status=$?
            ;;
        *)
            echo "readme: no rule to run '$command'" >&2
            status=99
            ;;
    esac
    if [ "$status" -ne "$expected" ]; then
        echo "readme: '$command' exited $status, expected $expected:" >&2
        tail -20 "$scratch/.readme-output" >&2
        failed=1
    fi
    rm -rf "$scratch"
done <<< "$commands"
exit $failed
