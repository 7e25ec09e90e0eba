#!/usr/bin/env bash
# Builds the DocC documentation of every library into docs-out/<Target>/ (static HTML), and fails
# when DocC warns (a broken symbol link, an unknown topic), so the catalogs stay true to the code.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs-out
targets=(ABRSimulator ABRReference LadderCore ABRFormats Reporting EncodingLadder)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for target in "${targets[@]}"; do
    rm -rf "docs-out/$target"
    swift package --allow-writing-to-directory docs-out generate-documentation --target "$target" \
        --disable-indexing --output-path "docs-out/$target" --warnings-as-errors >"$log" 2>&1 || {
        cat "$log" >&2
        echo "docs: DocC failed for $target" >&2
        exit 1
    }
    echo "docs: docs-out/$target" >&2
done
