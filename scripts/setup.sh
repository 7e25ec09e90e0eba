#!/usr/bin/env bash
# Installs the system packages abrkit needs, if any is missing: FFmpeg's C libraries and headers
# (the encoder links them), pkg-config (to find them), the ffmpeg/ffprobe CLIs (independent oracles
# in the tests), python3 (the external-policy example the tests run) and rsvg-convert (librsvg2-bin:
# PNG and PDF figures).
set -euo pipefail

packages=(libavcodec-dev libavformat-dev libswscale-dev libswresample-dev libavutil-dev pkg-config ffmpeg python3 librsvg2-bin)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
elif command -v sudo >/dev/null && command -v apt-get >/dev/null && sudo -n true 2>/dev/null; then
    echo "setup: installing ${missing[*]} with sudo" >&2
    sudo apt-get update -qq >&2
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
    echo "setup: abrkit needs these system packages: ${missing[*]}" >&2
    echo "setup: install them as root, e.g.: apt-get install ${missing[*]}" >&2
    exit 1
fi
