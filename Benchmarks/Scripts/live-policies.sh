#!/usr/bin/env bash
# Live and low-latency playback (issue #13): the policy table at two target latencies, and live
# sessions per CPU-second beside the same sweep played as video on demand, in one run.
#
# Usage: Benchmarks/Scripts/live-policies.sh ABRKIT [TRACES]
#   ABRKIT  a release abrkit with the encoder (swift build -c release --product abrkit)
#   TRACES  a trace folder (default: the project's traces/, 55 traces)
#
# The video: the built-in 8 s sample, sd-hd-4k ladder, 2 s segments in 0.5 s CMAF parts (real VBR
# part sizes from `abrkit encode --part-seconds 0.5`), looped to a 600 s program. Live runs fetch
# parts (`--part-seconds 0.5`) with dash.js's default catch-up.
set -euo pipefail
abrkit=$(realpath "$1")
traces=$(realpath "${2:-$(dirname "$0")/../../traces}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

[ -d enc ] || "$abrkit" encode --sample 8 --segment-seconds 2 --part-seconds 0.5 --out enc >/dev/null 2>&1
policies=throughput,bola,dynamic,l2a,lolp
common=(--video enc/ladder.json --traces "$traces" --program-seconds 600 --segments none)

echo "| target s | policy | latency mean s | latency p95 s | rebuffer % | avg kbit/s | switches | QoE (linear) | QoE LoL+ | NQoE |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for target in 1.5 3; do
    "$abrkit" simulate "${common[@]}" --live --part-seconds 0.5 --target-latency "$target" --policy "$policies" --out "t$target" >/dev/null 2>&1
    # summary.csv: policy,sessions,qoe_mean,qoe_median,qoe_per_segment,avg_bitrate_kbps,rebuffer_ratio,
    # rebuffer_events,switches,startup_delay_s,gb_per_hour,wasted_share,capped_share,latency_mean_s,
    # latency_p95_s,seeks,speed_up_share,slow_down_share,qoe_lolp_mean,qoe_nqoe_mean
    awk -F, -v t="$target" 'NR > 1 { printf "| %s | %s | %.2f | %.2f | %.2f | %.0f | %.1f | %.1f | %.1f | %.1f |\n",
        t, $1, $14, $15, 100 * $7, $6, $9, $3, $19, $20 }' "t$target/summary.csv"
done

cpu() { /usr/bin/time -f "%U %S" -o time.txt "$@" >/dev/null 2>err.txt || { cat err.txt >&2; exit 1; }; awk '{ print $1 + $2 }' time.txt; }
echo
# Speed: one-hour programs (1,800 segments, 7,200 parts a session), one simulating thread.
sessions=$(( $(ls "$traces" | grep -vc README) * 5 ))
long=(--video enc/ladder.json --traces "$traces" --program-seconds 3600 --segments none --jobs 1 --policy "$policies")
for round in 1 2 3; do
    vod=$(cpu "$abrkit" simulate "${long[@]}")
    live=$(cpu "$abrkit" simulate "${long[@]}" --live --part-seconds 0.5 --target-latency 3)
    echo "round $round: $sessions sessions, VOD $vod CPU-s ($(echo "$sessions / $vod" | bc) sessions/CPU-s), live $live CPU-s ($(echo "$sessions / $live" | bc) sessions/CPU-s), live/VOD CPU $(echo "scale=2; $live / $vod" | bc)"
done
