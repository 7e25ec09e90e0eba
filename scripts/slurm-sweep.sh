#!/usr/bin/env bash
# Runs an `abrkit simulate` sweep as a Slurm job array and merges the shards into one result set.
#
# Usage: scripts/slurm-sweep.sh -n TASKS -o OUT [-b ABRKIT] [-c CPUS] [-s SBATCH_OPTION]... -- SIMULATE_ARGS...
#
#   -n TASKS          array tasks (shards), at least 1: the job is `sbatch --wait --array=0-(TASKS-1)`
#   -o OUT            output folder (created; OUT/shards and OUT/merged must not exist yet):
#                       OUT/sweep.sbatch        the batch script submitted
#                       OUT/logs/task-I.log     each task's stdout and stderr; task-I.exit its exit status
#                       OUT/shards/shard-*/     each task's result set
#                       OUT/merged/             `abrkit merge`'s result set: sessions.csv, segments.csv, run.json
#   -b ABRKIT         the abrkit binary (default: `abrkit` on PATH); on a real cluster it must be
#                     reachable at the same path from the compute nodes, as must OUT and the inputs
#   -c CPUS           --cpus-per-task (default 1); add `--jobs CPUS` to SIMULATE_ARGS to match
#   -s SBATCH_OPTION  one more sbatch option, e.g. -s --partition=short -s --time=00:30:00 (repeatable;
#                     SBATCH_* environment variables such as SBATCH_ACCOUNT work too)
#   -h, --help        this text
#
# Every task runs the same command line, `ABRKIT simulate SIMULATE_ARGS --out OUT/shards`; abrkit takes
# its shard from Slurm's environment (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN of SLURM_ARRAY_TASK_COUNT)
# and writes OUT/shards/shard-I-of-N/. Relative paths in SIMULATE_ARGS resolve against the current folder,
# where the tasks start too. When every task succeeded, `ABRKIT merge OUT/shards --out OUT/merged` writes
# what an unsharded `abrkit simulate SIMULATE_ARGS --out OUT/merged` would, and prints the same summary
# table: that table is this script's only standard output (progress goes to standard error).
#
# Exits non-zero when submission fails, when any task failed (printing each failed task's log tail), or
# when the merge fails. Interrupted (Ctrl-C), it cancels the job. Slurm is whichever cluster the client
# commands find: SLURM_CONF, or the site's configuration (scripts/slurm-cluster.sh starts a local one).
#
# Example, on the local test cluster:
#   eval "$(scripts/slurm-cluster.sh start /tmp/slurm)"
#   scripts/slurm-sweep.sh -n 4 -o /tmp/sweep -b .build/release/abrkit -- \
#       --video movie.json --traces traces --policy bba,bola,throughput
set -euo pipefail

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}

die() {
    echo "slurm-sweep: $*" >&2
    exit 1
}

tasks="" out="" abrkit="" cpus=1
sbatch_options=()
while [ $# -gt 0 ]; do
    case "$1" in
        -h | --help)
            usage
            exit 0
            ;;
        -n | -o | -b | -c | -s)
            [ $# -ge 2 ] || die "$1 needs a value (see --help)"
            case "$1" in
                -n) tasks=$2 ;;
                -o) out=$2 ;;
                -b) abrkit=$2 ;;
                -c) cpus=$2 ;;
                -s) sbatch_options+=("$2") ;;
            esac
            shift 2
            ;;
        --)
            shift
            break
            ;;
        *) die "unknown option '$1'; SIMULATE_ARGS go after -- (see --help)" ;;
    esac
done
simulate_args=("$@")

[[ "$tasks" =~ ^[1-9][0-9]*$ ]] || die "-n TASKS: expected a whole number of at least 1, got '${tasks}' (see --help)"
[[ "$cpus" =~ ^[1-9][0-9]*$ ]] || die "-c CPUS: expected a whole number of at least 1, got '${cpus}'"
[ -n "$out" ] || die "-o OUT is required (see --help)"
[ ${#simulate_args[@]} -gt 0 ] || die "no SIMULATE_ARGS after -- (at least --video and --traces; see --help)"
for a in "${simulate_args[@]}"; do
    case "$a" in
        --out | --out=* | --shard | --shard=* | --shard-count | --shard-count=*)
            die "SIMULATE_ARGS must not set $a: the sweep chooses the output folder and Slurm the shard" ;;
    esac
done
if [ -z "$abrkit" ]; then
    abrkit=$(command -v abrkit) || die "abrkit is not on PATH; name the binary with -b"
fi
if [ ! -f "$abrkit" ] || [ ! -x "$abrkit" ]; then die "-b $abrkit: not an executable file"; fi
abrkit=$(cd "$(dirname "$abrkit")" && pwd)/$(basename "$abrkit")
command -v sbatch >/dev/null || die "sbatch is not on PATH (a Slurm client is needed; scripts/slurm-cluster.sh starts a local cluster)"

mkdir -p "$out"
out=$(cd "$out" && pwd)
shards="$out/shards" merged="$out/merged" logs="$out/logs"
for d in "$shards" "$merged"; do
    [ ! -e "$d" ] || die "$d already exists: remove it, or choose another -o (shards of an earlier sweep would be merged too)"
done
rm -rf "$logs"
mkdir -p "$logs"

# The batch script: the same command line for every task, its exit status kept beside its log so that
# failures are found without accounting (sacct) on any cluster.
script="$out/sweep.sbatch"
# shellcheck disable=SC2016 # the $… in single quotes are the batch script's own, expanded when it runs
{
    echo '#!/bin/bash'
    echo "# Written by scripts/slurm-sweep.sh: one shard of an abrkit simulate sweep per array task."
    echo "#SBATCH --job-name=abrkit-sweep"
    echo "#SBATCH --array=0-$((tasks - 1))"
    echo "#SBATCH --ntasks=1"
    echo "#SBATCH --cpus-per-task=$cpus"
    echo "#SBATCH --output=$logs/task-%a.log"
    printf '%q simulate' "$abrkit"
    printf ' %q' "${simulate_args[@]}"
    printf ' --out %q\n' "$shards"
    echo 'status=$?'
    printf 'echo "$status" > %q/task-"$SLURM_ARRAY_TASK_ID".exit\n' "$logs"
    echo 'exit "$status"'
} >"$script"

job=""
sbatch_pid=""
cancel() {
    [ -n "$job" ] || job=$(cut -d';' -f1 "$logs/sbatch.out" 2>/dev/null || true)
    if [ -n "$job" ]; then
        echo "slurm-sweep: interrupted; cancelling job $job" >&2
        scancel "$job" 2>/dev/null || true
    fi
    [ -z "$sbatch_pid" ] || kill "$sbatch_pid" 2>/dev/null || true
    exit 130
}
trap cancel INT TERM HUP

echo "slurm-sweep: submitting $tasks tasks: $abrkit simulate ${simulate_args[*]} --out $shards" >&2
start=$(date +%s)
# In the background, so that a signal reaches our trap (bash runs traps only between commands).
sbatch --wait --parsable "${sbatch_options[@]}" "$script" >"$logs/sbatch.out" 2>"$logs/sbatch.err" &
sbatch_pid=$!
sbatch_status=0
wait "$sbatch_pid" || sbatch_status=$?
sbatch_pid=""
job=$(cut -d';' -f1 "$logs/sbatch.out" 2>/dev/null || true)
if [ -z "$job" ]; then
    cat "$logs/sbatch.err" >&2
    die "sbatch submitted nothing (exit $sbatch_status)"
fi
echo "slurm-sweep: job $job finished after $(($(date +%s) - start)) s (sbatch exit $sbatch_status)" >&2

failed=()
for ((i = 0; i < tasks; i++)); do
    status=$(cat "$logs/task-$i.exit" 2>/dev/null || true)
    [ "$status" = 0 ] || failed+=("$i")
done
if [ ${#failed[@]} -gt 0 ]; then
    for i in "${failed[@]}"; do
        status=$(cat "$logs/task-$i.exit" 2>/dev/null || true)
        if [ -n "$status" ]; then
            echo "slurm-sweep: task $i of job $job failed with exit status $status" >&2
        else
            echo "slurm-sweep: task $i of job $job left no exit status (never started, cancelled, timed out or killed)" >&2
        fi
        if [ -s "$logs/task-$i.log" ]; then
            echo "--- last lines of $logs/task-$i.log" >&2
            tail -n 20 "$logs/task-$i.log" >&2
        fi
    done
    [ ! -s "$logs/sbatch.err" ] || { echo "--- sbatch said:" >&2; cat "$logs/sbatch.err" >&2; }
    die "${#failed[@]} of $tasks tasks failed: ${failed[*]} (logs in $logs)"
fi
[ "$sbatch_status" -eq 0 ] || { cat "$logs/sbatch.err" >&2; die "every task succeeded but sbatch --wait exited $sbatch_status"; }

echo "slurm-sweep: merging $shards into $merged" >&2
"$abrkit" merge "$shards" --out "$merged"
