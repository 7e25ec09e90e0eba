#!/usr/bin/env bash
# Builds and tests abrkit without its default FFmpeg trait: the simulator-only binary (simulate,
# traces, plot) and every test that does not encode. As root, FFmpeg's headers and pkg-config
# files are hidden in a private mount namespace first, so the run shows that this build needs no
# libav* packages. CI runs it after scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-simulator

steps="
set -euo pipefail
export PKG_CONFIG_LIBDIR=/nonexistent
swift build --disable-default-traits --scratch-path $scratch --product abrkit >&2
if ldd $scratch/debug/abrkit | grep -E 'lib(avcodec|avformat|avutil|swscale|swresample)'; then
    echo 'test-simulator-only: the simulator-only abrkit links FFmpeg' >&2; exit 1
fi
if $scratch/debug/abrkit --help | grep -qE '^ +(encode|hull|demo) '; then
    echo 'test-simulator-only: the simulator-only abrkit lists encoder commands' >&2; exit 1
fi
swift test --disable-default-traits --scratch-path $scratch
"

if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
    exec unshare -m bash -c '
        set -euo pipefail
        empty=$(mktemp -d)
        for dir in $(find /usr/include /usr/local/include -maxdepth 2 -type d \( -name libavcodec -o -name libavformat -o -name libavutil -o -name libswscale -o -name libswresample \) 2>/dev/null); do
            mount --bind "$empty" "$dir"
        done
        echo "test-simulator-only: FFmpeg headers hidden" >&2
        '"$steps"
else
    echo "test-simulator-only: not root (or no unshare): FFmpeg's headers stay visible; the build still leaves them out" >&2
    exec bash -c "$steps"
fi
