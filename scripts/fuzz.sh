#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (one per file parser) and runs each for RUNS executions
# (default 1000000) on a corpus seeded from the repository's own files, ../shared/data when present,
# and samples made with the abrkit CLI. Prints, per target, the executions done, exec/s, crashes and
# timeouts; exits non-zero on any crash, timeout or run cut short by the time guard.
#
#   scripts/fuzz.sh [RUNS]
#
# Environment:
#   FUZZ_TARGETS      the targets to run (default: all, in the order below)
#   FUZZ_JOBS         targets run at once (default 1; each is one process on one core)
#   FUZZ_MAX_SECONDS  time guard per target (default RUNS/100 s, at least 600 s)
#   ABRKIT            the abrkit CLI used to make seed samples (default: .build/debug/abrkit, built if needed)
#
# Everything goes to fuzz-out/ (ignored by git): corpus/TARGET/ (seeds copied in at the start of each
# run, then the units libFuzzer adds), TARGET/fuzz.log, and TARGET/crash-*, timeout-*, oom-*, leak-*:
# the inputs that failed, which a later run moves to TARGET/earlier/ rather than deleting. Replay one:
#   Fuzz/.build/debug/TARGET fuzz-out/TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-1000000}
[[ $runs =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [RUNS]" >&2; exit 2; }
all_targets=(
    CookedTraceFuzzer MahimahiTraceFuzzer CSVTraceFuzzer SabreTraceFuzzer TraceReaderFuzzer
    LadderJSONFuzzer SabreMovieFuzzer PensieveFolderFuzzer HLSPlaylistFuzzer DASHManifestFuzzer
    LadderSpecFuzzer ExternalReplyFuzzer ResultSetFuzzer
)
read -r -a targets <<<"${FUZZ_TARGETS:-${all_targets[*]}}"
jobs=${FUZZ_JOBS:-1}
default_guard=$((runs / 100 > 600 ? runs / 100 : 600))
max_seconds=${FUZZ_MAX_SECONDS:-$default_guard}
out=$PWD/fuzz-out
shared=../shared/data
# LeakSanitizer stays on, minus one known leak in Foundation itself (see the file).
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

echo "== building Fuzz/ with -sanitize=fuzzer,address"
# Both flags are needed: SwiftPM's --sanitize=fuzzer stops it from aliasing `main` to
# `<Module>_main` (which a fuzz target never defines, so libFuzzer's `main` could not link), and
# -Xswiftc -sanitize=fuzzer,address instruments every module for both, since swiftc keeps only the
# last -sanitize= it is given (`--sanitize=fuzzer --sanitize=address` would compile without coverage).
build=(swift build -c debug --package-path Fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address)
# (gold warns once per ASan helper symbol, a few hundred lines of noise: kept in the log only.)
mkdir -p "$out"
if ! "${build[@]}" >"$out/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$out/build.log" >&2
    echo "fuzz build failed (full log: $out/build.log)" >&2
    exit 1
fi
tail -n 1 "$out/build.log"
bin=$("${build[@]}" --show-bin-path)

# --- seeds -------------------------------------------------------------------------------------

samples=$out/samples
corpus=$out/corpus
rm -rf "$samples" "$corpus"
mkdir -p "$samples"
for target in "${targets[@]}"; do mkdir -p "$corpus/$target"; done
# The readers that take a path get their input through files in $TMPDIR: on tmpfs when there is one
# (the HLS and Pensieve targets run 2-3 times faster there than on disk).
if [[ -d /dev/shm && -w /dev/shm ]]; then scratch=$(mktemp -d /dev/shm/abrkit-fuzz.XXXXXX); else scratch=$(mktemp -d "$out/tmp.XXXXXX"); fi
trap 'rm -rf "$scratch"' EXIT

# seed TARGET FILE...: copies the files of at most 64 KiB (larger ones only slow the fuzzer down),
# READMEs left out.
seed() {
    local target=$1
    shift
    mkdir -p "$corpus/$target"
    local file
    for file in "$@"; do
        [[ -f $file && $(basename "$file") != README* && $(wc -c <"$file") -le 65536 ]] && cp "$file" "$corpus/$target/$(basename "$(dirname "$file")")-$(basename "$file")"
    done
    return 0
}
# literal TARGET NAME TEXT: a hand-written seed.
literal() {
    mkdir -p "$corpus/$1"
    printf '%b' "$3" >"$corpus/$1/$2"
}
# bundle FOLDER FIRST [NAME...]: FileBundle text (Fuzz/Sources/FuzzSupport/FileBundle.swift) of
# FOLDER/FIRST followed by `@@ NAME` and each file, to stdout.
bundle() {
    local folder=$1 first=$2 name
    shift 2
    cat "$folder/$first"
    for name in "$@"; do
        printf '@@ %s\n' "$name"
        cat "$folder/$name"
    done
}

abrkit=${ABRKIT:-}
if [[ -z $abrkit ]]; then
    echo "== building the abrkit CLI for seed samples"
    if swift build --product abrkit >/dev/null; then abrkit=.build/debug/abrkit; fi
fi

# Traces: the project's cooked set, converted to the other formats by the CLI (Mahimahi cut to its
# first 400 deliveries), and the real traces in ../shared/data.
project_traces=(traces/3g-like-01 traces/lte-like-01 traces/step-spike traces/outage-1m-90on-20off traces/constant-300k)
seed CookedTraceFuzzer traces/*
if [[ -d $shared/traces ]]; then
    hsdpa=("$shared"/traces/pensieve-hsdpa-test/*)
    lte=("$shared"/traces/sabre-4g/*.json)
    seed CookedTraceFuzzer "${hsdpa[@]:0:20}"
    seed SabreTraceFuzzer "$shared/traces/sabre-example-network.json" "${lte[@]:0:10}"
fi
if [[ -n $abrkit ]]; then
    for trace in "${project_traces[@]}"; do
        name=$(basename "$trace")
        for format in mahimahi csv sabre; do
            "$abrkit" traces convert "$trace" --to $format --out "$samples/$name.$format" >/dev/null 2>&1 ||
                echo "note: abrkit traces convert $trace --to $format failed: no such seed" >&2
        done
        [[ -f $samples/$name.mahimahi ]] && head -n 400 "$samples/$name.mahimahi" >"$samples/$name.mahimahi-head"
        seed MahimahiTraceFuzzer "$samples/$name.mahimahi-head"
        seed CSVTraceFuzzer "$samples/$name.csv"
        seed SabreTraceFuzzer "$samples/$name.sabre"
    done
fi
literal MahimahiTraceFuzzer hand-written '0\n0\n1\n1\n1\n3\n7\n7\n20\n'
literal CSVTraceFuzzer units-ms-kbps 'duration_ms,bandwidth_kbps,latency_ms\n1000,500,20\n2500.5,0,20\n500,12000,0\n'
literal CSVTraceFuzzer units-mbps 'bandwidth_mbps, duration_s\n2.5,1\n0.3,4\n'
literal SabreTraceFuzzer no-latency '[{"duration_ms": 1000, "bandwidth_kbps": 1500}, {"duration_ms": 250.5, "bandwidth_kbps": 0}]'
# The reader detects the format: the first six seeds of each.
for format in CookedTraceFuzzer MahimahiTraceFuzzer CSVTraceFuzzer SabreTraceFuzzer; do
    picks=("$corpus/$format"/*)
    for pick in "${picks[@]:0:6}"; do
        if [[ -f $pick ]]; then mkdir -p "$corpus/TraceReaderFuzzer" && cp "$pick" "$corpus/TraceReaderFuzzer/$format-$(basename "$pick")"; fi
    done
done

# Videos: a 5 s synthetic sample encoded on a 3-rung, 2 s-segment ladder (three segments, the last
# one short) gives ladder.json and HLS playlists; Sabre's and Pensieve's videos in ../shared/data.
if [[ -n $abrkit ]]; then
    cat >"$samples/seed-ladder.json" <<'EOF'
{
  "name": "fuzz-seed",
  "segment_seconds": 2,
  "rungs": [
    {"name": "240p", "width": 426, "height": 240, "codec": "libx264", "bitrate_kbps": 400, "maxrate_kbps": 600, "bufsize_kbits": 600, "profile": "main", "preset": "veryfast"},
    {"name": "360p", "width": 640, "height": 360, "codec": "libx264", "bitrate_kbps": 800, "maxrate_kbps": 1200, "bufsize_kbits": 1200, "profile": "main", "preset": "veryfast"},
    {"name": "480p", "width": 854, "height": 480, "codec": "libx264", "bitrate_kbps": 1200, "maxrate_kbps": 1700, "bufsize_kbits": 1700, "profile": "high", "preset": "veryfast"}
  ]
}
EOF
    if "$abrkit" encode --sample 5 --ladder "$samples/seed-ladder.json" --out "$samples/encode" >/dev/null 2>&1; then
        seed LadderJSONFuzzer "$samples/encode/ladder.json"
        seed SabreMovieFuzzer "$samples/encode/ladder.json"
        # The segments are replaced by 16-byte stand-ins: the reader only asks for their size.
        files=()
        for playlist in "$samples"/encode/*/playlist.m3u8; do
            rung=$(basename "$(dirname "$playlist")")
            files+=("$rung/playlist.m3u8")
            for segment in "$samples/encode/$rung"/segment-*.m4s; do
                head -c 16 "$segment" >"$segment.stub" && mv "$segment.stub" "$segment"
                files+=("$rung/$(basename "$segment")")
            done
        done
        mkdir -p "$corpus/HLSPlaylistFuzzer"
        bundle "$samples/encode" master.m3u8 "${files[@]}" >"$corpus/HLSPlaylistFuzzer/encode-master.m3u8"
        mkdir -p "$corpus/DASHManifestFuzzer"
        bundle "$samples/encode" manifest.mpd $(printf '%s\n' "${files[@]}" | grep -v playlist.m3u8) >"$corpus/DASHManifestFuzzer/encode-manifest.mpd"
    else
        echo "note: abrkit encode failed (no FFmpeg?): no ladder.json or HLS samples from the CLI" >&2
    fi
else
    echo "note: no abrkit CLI: trace conversions, ladder.json and HLS samples skipped" >&2
fi
literal HLSPlaylistFuzzer byte-ranges '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=500000,RESOLUTION=640x360\na.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=1000000,AVERAGE-BANDWIDTH="900000",RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"\nhd/b.m3u8\n@@ a.m3u8\n#EXTM3U\n#EXTINF:4.0,\n#EXT-X-BYTERANGE:100000@0\na.mp4\n#EXTINF:4,title\n#EXT-X-BYTERANGE:90000\na.mp4\n@@ hd/b.m3u8\n#EXTM3U\n#EXTINF:4.000,\n#EXT-X-BYTERANGE:200000@0\nb.mp4\n#EXTINF:3.5,\nseg2.ts\n@@ hd/seg2.ts\n0123456789\n'
literal DASHManifestFuzzer timeline-and-list '<?xml version="1.0"?>\n<MPD mediaPresentationDuration="PT5S"><Period><AdaptationSet contentType="video">\n<SegmentTemplate timescale="10" media="$RepresentationID$/$Number%03d$-$Time$.m4s"><SegmentTimeline><S t="0" d="20" r="-1"/></SegmentTimeline></SegmentTemplate>\n<Representation id="a" bandwidth="100000" width="320" height="180"/>\n<Representation id="b" bandwidth="300000"><SegmentList timescale="1" duration="2"><SegmentURL media="b.mp4" mediaRange="0-99"/><SegmentURL media="b.mp4" mediaRange="100-299"/><SegmentURL mediaRange="300-349"/></SegmentList><BaseURL>b.mp4</BaseURL></Representation>\n</AdaptationSet></Period></MPD>\n@@ a/001-0.m4s\n0123\n@@ a/002-20.m4s\n01\n@@ a/003-40.m4s\n0\n'
if [[ -d $shared/videos ]]; then
    seed SabreMovieFuzzer "$shared"/videos/sabre/*.json
    mkdir -p "$corpus/PensieveFolderFuzzer"
    bundle "$shared/videos/pensieve-envivo" video_size_0 video_size_{1..5} >"$corpus/PensieveFolderFuzzer/pensieve-envivo"
fi
literal PensieveFolderFuzzer three-levels '100\n120\n90\n@@ video_size_1\n200\n230\n180\n@@ video_size_2\n400\n450\n380\n'
literal SabreMovieFuzzer small '{"segment_duration_ms": 3000, "bitrates_kbps": [230, 331], "segment_sizes_bits": [[690000, 993000], [689000, 992500]]}'

seed LadderSpecFuzzer ladders/*.json
[[ -f $samples/seed-ladder.json ]] && seed LadderSpecFuzzer "$samples/seed-ladder.json"

# External-policy replies, as examples/external_policy.py writes them.
literal ExternalReplyFuzzer estimate '{"level": 3, "reason": "rate 2417 kbps"}\n'
literal ExternalReplyFuzzer no-estimate '{"level": 0, "reason": "no_estimate"}\n'
literal ExternalReplyFuzzer bare '{"level":5}'

# Result sets as abrkit merge reads them: a shard of a small sweep, bundled (run.json first).
if [[ -n $abrkit ]]; then
    printf '{"segment_duration_ms": 2000, "bitrates_kbps": [300, 1200], "segment_sizes_bits": [[600000, 2400000], [600000, 2400000], [600000, 2400000]]}' >"$samples/movie.json"
    if "$abrkit" simulate --video "$samples/movie.json" --traces traces/3g-like-01 traces/lte-like-01 --policy bba,bola --shard 1/2 --out "$samples/results" >/dev/null 2>&1; then
        mkdir -p "$corpus/ResultSetFuzzer"
        bundle "$samples/results/shard-1-of-2" run.json sessions.csv segments.csv >"$corpus/ResultSetFuzzer/shard-1-of-2"
    else
        echo "note: abrkit simulate --shard failed: no result-set seed" >&2
    fi
fi
literal ResultSetFuzzer quoted-trace '{"format": "abrkit results 1", "files": [{"name": "sessions.csv", "bytes": 10}]}\n@@ sessions.csv\ntrace,policy\n"a,""b",bba\n'

# --- runs --------------------------------------------------------------------------------------

echo "== fuzzing ${#targets[@]} targets, $runs runs each (guard ${max_seconds} s, $jobs at a time)"
run_target() {
    local target=$1 dir=$out/$1
    mkdir -p "$dir" "$scratch/$target"
    rm -f "$dir/status" "$dir/fuzz.log"
    local stale
    for stale in "$dir"/crash-* "$dir"/timeout-* "$dir"/oom-* "$dir"/leak-*; do
        [[ -e $stale ]] && mkdir -p "$dir/earlier" && mv "$stale" "$dir/earlier/"
    done
    local start=$SECONDS status=0
    # stdin from /dev/null: a reader sent to /dev/stdin by a fuzzed path must not wait on the terminal.
    # DASHManifestFuzzer: FoundationXML leaks on every malformed document (suppressed, see
    # lsan-suppressions.txt), and libFuzzer then stops the world for a leak check after each such
    # input (about 0.1 s: 7 executions a second). Its per-input leak checks are off; LeakSanitizer
    # still checks at exit.
    local extra=()
    [[ $target == DASHManifestFuzzer ]] && extra=(-detect_leaks=0)
    TMPDIR=$scratch/$target "$bin/$target" "$corpus/$target" "${extra[@]}" \
        -runs="$runs" -max_total_time="$max_seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$dir/" </dev/null >"$dir/fuzz.log" 2>&1 || status=$?
    echo "$status $((SECONDS - start))" >"$dir/status"
}
running=0
for target in "${targets[@]}"; do
    [[ -x $bin/$target ]] || { echo "no such fuzz target: $target" >&2; exit 2; }
    echo "-- $target"
    run_target "$target" &
    running=$((running + 1))
    if ((running >= jobs)); then
        wait -n || true
        running=$((running - 1))
    fi
done
wait

failed=0
printf '\n%-22s %12s %8s %8s %9s %7s  %s\n' target executions exec/s crashes timeouts seconds result
for target in "${targets[@]}"; do
    dir=$out/$target
    read -r status seconds <"$dir/status"
    executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/fuzz.log" | tail -1)
    per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/fuzz.log" | tail -1)
    crashes=$(find "$dir" -maxdepth 1 \( -name 'crash-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
    timeouts=$(find "$dir" -maxdepth 1 -name 'timeout-*' | wc -l)
    result=ok
    if ((crashes > 0 || timeouts > 0)); then
        result="FAILED: input in $dir/"
    elif ((status != 0)); then
        result="FAILED: exit status $status, see $dir/fuzz.log"
        crashes=$((crashes + 1))
    elif ((${executed:-0} < runs)); then
        result="INCOMPLETE: the ${max_seconds} s guard stopped it"
    fi
    [[ $result == ok ]] || failed=1
    printf '%-22s %12s %8s %8s %9s %7s  %s\n' "$target" "${executed:-?}" "${per_second:-?}" "$crashes" "$timeouts" "$seconds" "$result"
    if [[ $result != ok ]]; then
        grep -m 3 -E 'Fatal error|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|ALARM' "$dir/fuzz.log" | sed 's/^/    /' || true
    fi
    grep -h '^abrkit-fuzz: undocumented error type' "$dir/fuzz.log" | sed 's/^/    /' || true
done
exit $failed
