#!/usr/bin/env bash
# Builds abrkit in release mode and copies the binary to $PREFIX/bin (PREFIX default: ~/.local).
# Prints where it went and whether that folder is on PATH. Extra arguments go to `swift build`
# (e.g. --disable-default-traits for the simulator-only binary that needs no libav*).
#
#   scripts/install.sh                      # ~/.local/bin/abrkit
#   PREFIX=/usr/local scripts/install.sh    # /usr/local/bin/abrkit (may need sudo)
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=${PREFIX:-$HOME/.local}
bin_dir=$prefix/bin

swift build -c release --product abrkit "$@"
built=$(swift build -c release --product abrkit "$@" --show-bin-path)/abrkit
[[ -x $built ]] || { echo "install.sh: no binary at $built after the build" >&2; exit 1; }

mkdir -p "$bin_dir"
# Copy beside the target, then rename: a running abrkit keeps its old file, and no half-copied binary is left.
install -m 0755 "$built" "$bin_dir/.abrkit.new.$$"
mv -f "$bin_dir/.abrkit.new.$$" "$bin_dir/abrkit"

echo "installed $("$bin_dir/abrkit" --version | sed 's/^/abrkit /') at $bin_dir/abrkit"
case ":$PATH:" in
    *":$bin_dir:"*) echo "$bin_dir is on PATH: run abrkit --help" ;;
    *) echo "$bin_dir is not on PATH: add it (e.g. export PATH=\"$bin_dir:\$PATH\" in your shell's profile) or run $bin_dir/abrkit" ;;
esac
