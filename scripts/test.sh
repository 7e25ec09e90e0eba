#!/usr/bin/env bash
# Runs abrkit's test suite after making sure the system packages are present, and a VMAF back end
# (imageio-ffmpeg through pip, when no ffmpeg with libvmaf exists) so the VMAF tests run rather than
# skip; ABRKIT_VMAF=0 leaves VMAF out (offline, say: those tests then skip, saying so).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${ABRKIT_VMAF:-1}" = 0 ]; then scripts/setup.sh; else scripts/setup.sh --vmaf; fi
exec swift test "$@"
