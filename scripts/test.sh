#!/usr/bin/env bash
# Runs abrkit's test suite after making sure the system packages are present.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec swift test "$@"
