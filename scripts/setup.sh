#!/usr/bin/env bash
# Installs the system packages abrkit needs, if any is missing: FFmpeg's C libraries and headers
# (the encoder links them), pkg-config (to find them), the ffmpeg/ffprobe CLIs (independent oracles
# in the tests), python3 (the external-policy example the tests run) and rsvg-convert (librsvg2-bin:
# PNG and PDF figures).
#
# With --vmaf (or ABRKIT_VMAF=1), also makes sure a VMAF back end exists (`abrkit encode --metrics
# …,vmaf`): an ffmpeg with the libvmaf filter on PATH, or else PyPI's imageio-ffmpeg, whose static
# ffmpeg has it (Debian 12 ships no libvmaf). It is installed with pip: system-wide as root, with
# --user otherwise, adding --break-system-packages where the system's pip refuses (PEP 668, Debian 12).
set -euo pipefail

want_vmaf="${ABRKIT_VMAF:-0}"
for arg in "$@"; do
    case "$arg" in
        --vmaf) want_vmaf=1 ;;
        -h | --help)
            echo "usage: scripts/setup.sh [--vmaf]   (or ABRKIT_VMAF=1)" >&2
            exit 0
            ;;
        *)
            echo "setup: unknown argument '$arg' (expected --vmaf)" >&2
            exit 2
            ;;
    esac
done

# Runs a command as root: directly, or through sudo when it needs no password.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        sudo "$@"
    else
        return 1
    fi
}

packages=(libavcodec-dev libavformat-dev libswscale-dev libswresample-dev libavutil-dev pkg-config ffmpeg python3 librsvg2-bin)
[ "$want_vmaf" = 1 ] && packages+=(python3-pip)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null && as_root true; then
        echo "setup: installing ${missing[*]}" >&2
        as_root apt-get update -qq >&2
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    else
        echo "setup: abrkit needs these system packages: ${missing[*]}" >&2
        echo "setup: install them as root, e.g.: apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi

[ "$want_vmaf" = 1 ] || exit 0

# An ffmpeg with libvmaf: the one on PATH, else imageio-ffmpeg's (the order abrkit looks in).
# (No `| grep -q`: closing the pipe early fails the pipeline under pipefail.)
has_libvmaf() {
    [ -n "$1" ] || return 1
    local filters
    filters="$("$1" -hide_banner -filters 2>/dev/null)" || return 1
    awk '$2 == "libvmaf" { found = 1 } END { exit !found }' <<<"$filters"
}
imageio_ffmpeg() { python3 -c 'import imageio_ffmpeg; print(imageio_ffmpeg.get_ffmpeg_exe())' 2>/dev/null || true; }
vmaf_backend() {
    if has_libvmaf "$(command -v ffmpeg || true)"; then command -v ffmpeg; return 0; fi
    local bundled
    bundled="$(imageio_ffmpeg)"
    if has_libvmaf "$bundled"; then echo "$bundled"; return 0; fi
    return 1
}

if backend="$(vmaf_backend)"; then
    echo "setup: VMAF back end: $backend" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then scope=(); else scope=(--user); fi
echo "setup: installing imageio-ffmpeg with pip ${scope[*]} (an ffmpeg with libvmaf)" >&2
if ! python3 -m pip install -q "${scope[@]}" imageio-ffmpeg >&2 2>/dev/null; then
    python3 -m pip install -q "${scope[@]}" --break-system-packages imageio-ffmpeg >&2
fi
if backend="$(vmaf_backend)"; then
    echo "setup: VMAF back end: $backend" >&2
else
    echo "setup: imageio-ffmpeg is installed but python3 finds no ffmpeg with libvmaf in it" >&2
    exit 1
fi
