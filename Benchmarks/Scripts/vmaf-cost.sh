#!/usr/bin/env bash
# What VMAF adds to `abrkit encode`, beside the same scores from ffmpeg run directly.
#
# Encodes a lossless 960x540 source (ffmpeg's testsrc2, SECONDS s at 30 fps) with a 3-rung ladder
# (270p, 360p, 540p, 1 s segments) twice, `--metrics psnr,ssim` and `--metrics psnr,ssim,vmaf`,
# and takes the difference in CPU time (user + sys, the VMAF ffmpeg children included: abrkit waits
# for them). Then scores each rung's segments with `ffmpeg -lavfi libvmaf` directly (the same
# ffmpeg, model and bicubic upscale, against the lossless source) and prints both, per rung and per
# frame, with the two VMAF means. Usage: Benchmarks/Scripts/vmaf-cost.sh [ABRKIT] [SECONDS]
set -euo pipefail
abrkit="${1:-.build/release/abrkit}"
seconds="${2:-10}"
ffmpeg_vmaf="$(python3 -c 'import imageio_ffmpeg; print(imageio_ffmpeg.get_ffmpeg_exe())')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat >"$work/ladder.json" <<'JSON'
{"name": "vmaf-bench", "segment_seconds": 1, "rungs": [
  {"name": "270p", "width": 480, "height": 270, "codec": "libx264", "bitrate_kbps": 400, "preset": "veryfast"},
  {"name": "360p", "width": 640, "height": 360, "codec": "libx264", "bitrate_kbps": 800, "preset": "veryfast"},
  {"name": "540p", "width": 960, "height": 540, "codec": "libx264", "bitrate_kbps": 1600, "preset": "veryfast"}]}
JSON
ffmpeg -nostdin -hide_banner -loglevel error -f lavfi -i "testsrc2=s=960x540:r=30:d=$seconds" -pix_fmt yuv420p "$work/source.y4m"
frames=$((seconds * 30))

# CPU seconds (user + sys) and wall seconds of a command, waited-for children included.
measure() { /usr/bin/time -f "%U %S %e" -o "$work/time" "$@" >/dev/null 2>&1; awk '{printf "%.2f %.2f\n", $1 + $2, $3}' "$work/time"; }

read -r base_cpu base_wall < <(measure "$abrkit" encode "$work/source.y4m" --ladder "$work/ladder.json" --out "$work/base" --metrics psnr,ssim)
read -r vmaf_cpu vmaf_wall < <(measure "$abrkit" encode "$work/source.y4m" --ladder "$work/ladder.json" --out "$work/vmaf" \
    --metrics psnr,ssim,vmaf --ffmpeg "$ffmpeg_vmaf")
extra=$(awk -v a="$vmaf_cpu" -v b="$base_cpu" 'BEGIN { printf "%.2f", a - b }')
echo "abrkit encode, $frames frames, 3 rungs: psnr,ssim ${base_cpu} s CPU (${base_wall} s wall); +vmaf ${vmaf_cpu} s CPU (${vmaf_wall} s wall)"
echo "VMAF adds ${extra} s CPU: $(awk -v e="$extra" 'BEGIN { printf "%.2f", e / 3 }') s per rung, $(awk -v e="$extra" -v f="$frames" 'BEGIN { printf "%.2f", e / 3 / f * 1000 }') ms per rung-frame"

tags="setparams=range=tv:colorspace=bt709:color_primaries=bt709:color_trc=bt709"
total=0
printf "%-5s %14s %14s %10s %10s\n" rung "direct CPU s" "ms/frame" "abrkit" "direct"
for rung in 270p 360p 540p; do
    cat "$work/vmaf/$rung/init.mp4" "$work/vmaf/$rung"/segment-*.m4s >"$work/$rung.mp4"
    /usr/bin/time -f "%U %S %e" -o "$work/time" "$ffmpeg_vmaf" -nostdin -hide_banner -i "$work/$rung.mp4" -i "$work/source.y4m" \
        -lavfi "[1:v]${tags}[r];[0:v]scale=960:540:flags=bicubic[d];[d][r]libvmaf=model=version=vmaf_v0.6.1" -f null - 2>"$work/log"
    cpu=$(awk '{printf "%.2f", $1 + $2}' "$work/time")
    total=$(awk -v t="$total" -v c="$cpu" 'BEGIN { printf "%.2f", t + c }')
    direct=$(grep -o 'VMAF score: [0-9.]*' "$work/log" | awk '{print $3}')
    ours=$(python3 -c "import json,sys; print(next(l['vmaf'] for l in json.load(open(sys.argv[1]))['levels'] if l['name']==sys.argv[2]))" "$work/vmaf/ladder.json" "$rung")
    printf "%-5s %14s %14.2f %10.6f %10s\n" "$rung" "$cpu" "$(awk -v c="$cpu" -v f="$frames" 'BEGIN { print c / f * 1000 }')" "$ours" "$direct"
done
echo "ffmpeg -lavfi libvmaf directly: ${total} s CPU for 3 rungs (decode, upscale and score)"
