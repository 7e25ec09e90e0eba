#!/usr/bin/env bash
# Helpers for the report's real-browser test (Tests/abrkitTests/ReportBrowserTests.swift).
#
# Usage: scripts/test-report-browser.sh find
#        scripts/test-report-browser.sh png-stats FILE.png
#
# find: prints the path of a headless-capable Chromium. When none is installed and this runs as
# root, installs the Debian package `chromium` with apt-get first (as scripts/test-slurm.sh installs
# Slurm). Prints one line starting with `skipped:` and exits 0 where there is none and none can be
# installed, so that the test can skip saying why.
#
# png-stats: decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium's --screenshot writes) with
# Python's zlib and prints `width height distinct-colours non-white-share`, so that the test can tell a
# rendered page from a blank one by its pixels rather than by its file size.
set -euo pipefail

find_chromium() {
    local name
    for name in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$name" >/dev/null 2>&1; then
            command -v "$name"
            return 0
        fi
    done
    return 1
}

case "${1:-}" in
find)
    if find_chromium; then exit 0; fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "skipped: Chromium is not installed and this is not root (apt-get install -y chromium installs it)"
        exit 0
    fi
    if ! log=$( (apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }) 2>&1); then
        echo "skipped: chromium cannot be installed here: $(tail -n 1 <<<"$log")"
        exit 0
    fi
    find_chromium || echo "skipped: chromium was installed but is not on the PATH"
    ;;
png-stats)
    [ $# -eq 2 ] || { echo "usage: $0 png-stats FILE.png" >&2; exit 2; }
    python3 - "$2" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("not a PNG")
pos, idat, header = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        header = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
width, height, depth, colour, _, _, interlace = header
if depth != 8 or colour not in (2, 6) or interlace:
    sys.exit("unsupported PNG: depth %d, colour type %d, interlace %d" % (depth, colour, interlace))
bpp = 3 if colour == 2 else 4
raw, stride = zlib.decompress(idat), width * bpp
previous, colours, non_white = bytearray(stride), set(), 0
for y in range(height):
    kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):  # undo the PNG row filters (RFC 2083 section 6)
        a = line[i - bpp] if i >= bpp else 0
        b, c = previous[i], previous[i - bpp] if i >= bpp else 0
        if kind == 1: line[i] = (line[i] + a) & 255
        elif kind == 2: line[i] = (line[i] + b) & 255
        elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp):
        pixel = bytes(line[x:x + 3])
        colours.add(pixel)
        if pixel != b"\xff\xff\xff":
            non_white += 1
    previous = line
print(width, height, len(colours), "%.6f" % (non_white / (width * height)))
PY
    ;;
*)
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    [ "${1:-}" = -h ] || [ "${1:-}" = --help ]
    ;;
esac
