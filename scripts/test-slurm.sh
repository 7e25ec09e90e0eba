#!/usr/bin/env bash
# End-to-end test of the Slurm job-array sweep on one machine: a real Slurm (scripts/slurm-cluster.sh) runs
# a 4-task `abrkit simulate` array through scripts/slurm-sweep.sh, and `abrkit merge`'s result set and
# summary table must equal, byte for byte, those of the same simulate run unsharded.
#
# Usage: scripts/test-slurm.sh ABRKIT_BINARY
#
# Why: sharding by SLURM_ARRAY_TASK_ID/COUNT and merging must lose, reorder or duplicate no session, and
# the only honest check of the environment contract is a real sbatch. Prints one line starting with
# `skipped:` and exits 0 where it does not run: not root (it installs the packages with apt-get when
# missing), or slurmctld, slurmd, slurm-client and munge cannot be installed. Otherwise exits 0 when
# everything matches, non-zero with what differs. Its cluster and files live in a temporary folder that is
# stopped and removed on any exit.
set -euo pipefail

if [ $# -ne 1 ] || [ "$1" = -h ] || [ "$1" = --help ]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    [ $# -eq 1 ] && exit 0
    exit 2
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
abrkit=$1
if [ ! -f "$abrkit" ] || [ ! -x "$abrkit" ]; then
    echo "test-slurm: $abrkit is not an executable file" >&2
    exit 1
fi
abrkit=$(cd "$(dirname "$abrkit")" && pwd)/$(basename "$abrkit")

if [ "$(id -u)" -ne 0 ]; then
    echo "skipped: not root (this test installs slurmctld, slurmd, slurm-client and munge with apt-get when missing, so it runs as root only)"
    exit 0
fi
if ! install_log=$("$repo/scripts/slurm-cluster.sh" install 2>&1); then
    echo "skipped: slurmctld, slurmd, slurm-client and munge cannot be installed here: $(tail -n 1 <<<"$install_log")"
    exit 0
fi

fail() {
    echo "test-slurm: FAILED: $*" >&2
    exit 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/abrkit-test-slurm.XXXXXX")
chmod 0711 "$work" # munged wants every folder above its socket searchable by all
cleanup() {
    "$repo/scripts/slurm-cluster.sh" stop "$work/cluster" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

"$abrkit" merge --help >/dev/null 2>&1 || fail "$abrkit has no merge subcommand ('$abrkit merge --help' failed)"

t0=$(date +%s.%N)
"$repo/scripts/slurm-cluster.sh" start "$work/cluster" >/dev/null || fail "the cluster did not start (above)"
export SLURM_CONF="$work/cluster/slurm.conf"
echo "test-slurm: cluster up in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s" >&2

# A Sabre movie JSON: 30 segments of 2 s at 5 levels, sizes varying ±10 % around the nominal bitrate.
rates=(300 750 1200 2850 4300)
join() {
    local first=$1
    shift
    printf '%s' "$first"
    printf ', %s' "$@"
}
{
    printf '{"segment_duration_ms": 2000, "bitrates_kbps": [%s], "segment_sizes_bits": [' "$(join "${rates[@]}")"
    for ((i = 0; i < 30; i++)); do
        row=()
        for r in "${rates[@]}"; do row+=($((r * 2000 * (90 + (i * 37) % 21) / 100))); done
        [ "$i" -eq 0 ] || printf ', '
        printf '[%s]' "$(join "${row[@]}")"
    done
    printf ']}\n'
} >"$work/movie.json"

args=(--video "$work/movie.json" --traces "$repo/traces" --policy "bba,bola,throughput")

t0=$(date +%s)
if ! (cd "$work" && "$repo/scripts/slurm-sweep.sh" -n 4 -o "$work/sweep" -b "$abrkit" -- "${args[@]}" \
    >"$work/sweep.stdout" 2>"$work/sweep.stderr"); then
    cat "$work/sweep.stderr" >&2
    fail "scripts/slurm-sweep.sh failed (its output above)"
fi
echo "test-slurm: 4-task sweep and merge took $(($(date +%s) - t0)) s" >&2

# The same run unsharded, with no array variables that could make it a shard.
if ! env -u SLURM_ARRAY_TASK_ID -u SLURM_ARRAY_TASK_MIN -u SLURM_ARRAY_TASK_MAX -u SLURM_ARRAY_TASK_COUNT \
    -u SLURM_ARRAY_JOB_ID -u JOB_COMPLETION_INDEX \
    "$abrkit" simulate "${args[@]}" --out "$work/unsharded" >"$work/unsharded.stdout" 2>"$work/unsharded.stderr"; then
    cat "$work/unsharded.stderr" >&2
    fail "the unsharded abrkit simulate failed"
fi

differences=0
differ() {
    echo "test-slurm: DIFFERS: $*" >&2
    differences=$((differences + 1))
}

# Sharding really happened: 4 shard folders, whose sessions add up to the unsharded run's.
shard_dirs=("$work"/sweep/shards/shard-*)
if [ "${#shard_dirs[@]}" -ne 4 ] || [ ! -d "${shard_dirs[0]}" ]; then
    differ "expected 4 shard folders in $work/sweep/shards, found: $(cd "$work/sweep/shards" && find . -mindepth 1 -maxdepth 1 | tr '\n' ' ')"
fi
rows() { [ -f "$1" ] && echo $(($(wc -l <"$1") - 1)) || echo 0; }
total=0 per_shard=()
for d in "${shard_dirs[@]}"; do
    n=$(rows "$d/sessions.csv")
    per_shard+=("$n")
    total=$((total + n))
done
expected=$(rows "$work/unsharded/sessions.csv")
[ "$total" -eq "$expected" ] || differ "the shards hold ${per_shard[*]} sessions ($total), the unsharded run $expected"

# The result sets, file for file and byte for byte.
(cd "$work/unsharded" && find . -type f | sed "s|^\./||" | sort) >"$work/unsharded.files"
(cd "$work/sweep/merged" && find . -type f | sed "s|^\./||" | sort) >"$work/merged.files"
if ! diff "$work/unsharded.files" "$work/merged.files" >"$work/files.diff"; then
    differ "the file lists (< unsharded, > merged):"
    cat "$work/files.diff" >&2
fi
while read -r f; do
    [ -f "$work/sweep/merged/$f" ] || continue
    if ! cmp "$work/unsharded/$f" "$work/sweep/merged/$f" >&2; then
        differ "$f (first differing lines, - unsharded, + merged):"
        diff -u "$work/unsharded/$f" "$work/sweep/merged/$f" | sed -n '3,24p' >&2 || true
    fi
done <"$work/unsharded.files"

# The summary tables on standard output.
if ! diff -u "$work/unsharded.stdout" "$work/sweep.stdout" >"$work/stdout.diff"; then
    differ "the summary tables (- abrkit simulate, + abrkit merge):"
    cat "$work/stdout.diff" >&2
fi

if [ "$differences" -gt 0 ]; then
    echo "--- slurm-sweep.sh said:" >&2
    cat "$work/sweep.stderr" >&2
    fail "$differences difference(s) between the merged sweep and the unsharded run"
fi
echo "ok: a 4-task Slurm array (shards of ${per_shard[*]} sessions) merged into $(tr '\n' ' ' <"$work/merged.files")equal byte for byte to the unsharded run, summary table too"
