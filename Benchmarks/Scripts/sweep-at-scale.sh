#!/usr/bin/env bash
# Whole-process sweeps at scale, the way a user runs them: wall time, CPU time and peak RSS of
# `abrkit simulate` (GNU time), side by side with an older abrkit binary when one is given.
#
# Usage: Benchmarks/Scripts/sweep-at-scale.sh ABRKIT [OLD_ABRKIT] 
#   environment: FCC_DIR   Sabre's FCC-SD traces (example/mmsys18/sd_fs of github.com/UMass-LIDS/sabre)
#                SABRE_MOVIE  Sabre's example/movie.json (bbb) for them
#                CASES     which cases to run (default "fcc sweep million merge")
#
# Cases:
#   fcc      --model sabre, FCC_DIR's 1000 traces × bola,bolae,throughput,dynamic,dynamicdash, --out,
#            --jobs 1; also pinned to one CPU (taskset -c 0), where the CSV writer shares the core
#   sweep    9,940 generated traces × bba,bola,robustmpc = 29,820 sessions, --out (all cores)
#   million  10,000 generated traces, named 20 times, × bba,bola,throughput,robustmpc,dynamic
#            = 10^6 sessions, --segments none (all cores)
#   merge    the sweep case in 4 shards, then `abrkit merge` (checked equal to the unsharded set)
#
# Generated inputs (abrkit traces generate, seeds 1…182; a 48-segment, 6-level CBR-ish movie at
# Pensieve's bitrates) go to a temporary folder that is removed at the end.
set -euo pipefail
new=$(realpath "$1")
old=${2:+$(realpath "$2")}
cases=${CASES:-fcc sweep million merge}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

measure() { # label new|old command… → one table row
    local label=$1 which=$2
    shift 2
    /usr/bin/time -f "%e %U %S %M" -o time.txt "$@" >/dev/null 2>err.txt || { cat err.txt >&2; return 1; }
    read -r wall user sys rss <time.txt
    printf '%-34s %-6s %8.2f s %8.2f s %9.0f MB\n' "$label" "$which" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
}
name() { [ "$1" = "$new" ] && echo new || echo old; }

binaries=("$new")
[ -n "$old" ] && binaries+=("$old")
printf '%-34s %-6s %10s %10s %12s\n' case binary wall CPU "peak RSS"

if [[ $cases == *fcc* ]]; then
    if [ -d "${FCC_DIR:-}" ] && [ -f "${SABRE_MOVIE:-}" ]; then
        fcc=(simulate --model sabre --video "$SABRE_MOVIE" --traces "$FCC_DIR" --policy bola,bolae,throughput,dynamic,dynamicdash --jobs 1)
        for b in "${binaries[@]}"; do
            rm -rf out; measure "fcc-sd 5,000 sessions --out" "$(name "$b")" "$b" "${fcc[@]}" --out out
            rm -rf out; measure "  same, one CPU (taskset -c 0)" "$(name "$b")" taskset -c 0 "$b" "${fcc[@]}" --out out
        done
    else
        echo "fcc: skipped (set FCC_DIR and SABRE_MOVIE)" >&2
    fi
fi

if [[ $cases == *sweep* || $cases == *million* || $cases == *merge* ]]; then
    mkdir traces
    for seed in $(seq 1 182); do
        "$new" traces generate --out "g$seed" --seed "$seed" >/dev/null 2>&1
        for f in "g$seed"/*; do [[ $f == *README* ]] || mv "$f" "traces/$(printf '%03d' "$seed")-$(basename "$f")"; done
        rm -rf "g$seed"
    done
    ls traces | head -n 10000 >keep.txt
    mkdir t9940 t10000
    head -n 9940 keep.txt | while read -r f; do ln "traces/$f" "t9940/$f"; done
    while read -r f; do ln "traces/$f" "t10000/$f"; done <keep.txt
    awk 'BEGIN { n = split("300 750 1200 1850 2850 4300", r, " "); printf "{\"segment_duration_ms\": 4000, \"bitrates_kbps\": [300, 750, 1200, 1850, 2850, 4300], \"segment_sizes_bits\": [";
        for (s = 0; s < 48; s++) { printf "%s[", (s ? ", " : ""); for (l = 1; l <= n; l++) printf "%s%d", (l > 1 ? ", " : ""), r[l] * 4000 * (80 + (s * 37) % 41) / 100; printf "]" } print "]}" }' >movie.json
fi

if [[ $cases == *sweep* ]]; then
    for b in "${binaries[@]}"; do rm -rf out; measure "29,820 sessions --out" "$(name "$b")" "$b" simulate --video movie.json --traces t9940 --policy bba,bola,robustmpc --out out; done
fi

if [[ $cases == *million* ]]; then
    many=(); for _ in $(seq 20); do many+=(t10000); done
    rm -rf out
    measure "10^6 sessions --segments none" new "$new" simulate --video movie.json --traces "${many[@]}" \
        --policy bba,bola,throughput,robustmpc,dynamic --segments none --out out
    echo "  sessions.csv: $(($(wc -l <out/sessions.csv) - 1)) rows"
fi

if [[ $cases == *merge* ]]; then
    rm -rf whole shards merged
    run=(simulate --video movie.json --traces t9940 --policy bba,bola,robustmpc)
    "$new" "${run[@]}" --out whole >whole.txt 2>/dev/null
    for i in 0 1 2 3; do measure "  shard $i/4 of 29,820 sessions" new "$new" "${run[@]}" --shard "$i/4" --out shards; done
    measure "merge 4 shards" new "$new" merge shards --out merged
    "$new" merge shards --out merged >merged.txt 2>/dev/null  # again, for its table (the set is replaced)
    diff -r whole merged >/dev/null && cmp -s whole.txt merged.txt && echo "  merged = unsharded, files and table" || echo "  MERGED DIFFERS"
fi
