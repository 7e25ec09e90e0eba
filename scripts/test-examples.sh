#!/usr/bin/env bash
# Runs every example a user is shown, as written, from a clean clone with abrkit on PATH: each
# command line of README.md's "A short tour" code blocks, in order, then each `abrkit … --help`
# "Examples:" line (they build on the tour's outputs: out/, results/, traces/). Fails listing each
# example that exited non-zero, with the tail of its output.
#
#   scripts/test-examples.sh [ABRKIT]     # default: builds .build/release/abrkit first
#
# An example that needs public data first downloads it with `git clone URL DIR` (Pensieve's and
# Sabre's repositories); without network the clone fails, and that block's later lines are skipped
# with a message naming the URL, not counted as failures. CI runs this script (.ci/run).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 1 ]; then
    abrkit=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
    (cd "$repo" && swift build -c release --product abrkit >/dev/null)
    abrkit=$repo/.build/release/abrkit
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
mkdir "$work/bin" "$work/home"
ln -s "$abrkit" "$work/bin/abrkit"
export PATH="$work/bin:$PATH" COLUMNS=250
cd "$work/clone"

failures=0
ran=0
skipped_url=""
run() { # one example line, in the clone
    local line=$1
    if [ -n "$skipped_url" ]; then
        echo "skipped (needs $skipped_url): $line"
        return
    fi
    ran=$((ran + 1))
    echo "\$ $line"
    local start=$SECONDS
    # stdin from /dev/null: an example that reads stdin (ffmpeg does) must not eat the next ones.
    if bash -c "set -e; $line" </dev/null >"$work/output.txt" 2>&1; then
        echo "  ok ($((SECONDS - start)) s)"
    elif [[ $line == "git clone "* ]]; then
        skipped_url=$(grep -o 'https://[^ ]*' <<<"$line" | head -n 1)
        echo "  no network: the lines that need $skipped_url are skipped"
    else
        failures=$((failures + 1))
        echo "  FAILED (exit status above zero); its output ends:"
        tail -n 15 "$work/output.txt" | sed 's/^/    /'
    fi
}

echo "== README.md, A short tour"
# Lines of ```sh blocks between "## A short tour" and the next "## " heading; comments dropped; a
# new block resets the "needs a download" state.
while IFS= read -r line; do
    if [ "$line" = "@@block" ]; then skipped_url=""; continue; fi
    run "$line"
done < <(awk '
    /^## / { tour = ($0 == "## A short tour") }
    tour && /^```sh/ { inside = 1; print "@@block"; next }
    tour && /^```/ { inside = 0; next }
    tour && inside {
        sub(/[[:space:]]+#[^"'\'']*$/, "")   # a trailing comment (one without quotes in it)
        if ($0 !~ /^[[:space:]]*(#|$)/) print
    }' README.md)
skipped_url=""

echo "== abrkit … --help, Examples:"
commands=$(abrkit --help | awk '/^SUBCOMMANDS:/ { s = 1; next } s && /^  [a-z]/ { print $1 } /^$/ { if (s) exit }')
for command in $commands; do
    nested=$(abrkit "$command" --help | awk '/^SUBCOMMANDS:/ { s = 1; next } s && /^  [a-z]/ { print $1 } /^$/ { if (s) exit }')
    for sub in "" $nested; do
        while IFS= read -r line; do run "$line"; done < <(
            abrkit $command $sub --help | awk '/^ *Examples:/ { e = 1; next } e && /^  +abrkit / { sub(/^ +/, ""); print; next } e && /^$/ { e = 0 }')
    done
done

echo "== $ran examples run, $failures failed"
[ "$failures" -eq 0 ]
