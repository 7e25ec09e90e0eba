#!/usr/bin/env bash
# The main job on built-in defaults: builds abrkit (release) and runs `abrkit demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product abrkit >&2
# The repository's traces/ (what `abrkit traces generate` writes), so the README's tables are reproduced exactly.
exec .build/release/abrkit demo --traces traces "$@"
