#!/usr/bin/env bash
# Writes the JSON report of every text in ../shared/corpus (and its PDF copies) into DIR, one
# file each, so that a change meant to keep the output can be checked with `diff -r`:
#
#   scripts/snapshot.sh /tmp/before   # on the old code
#   scripts/snapshot.sh /tmp/after    # on the new code
#   diff -r /tmp/before /tmp/after
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/snapshot.sh DIR}
cargo build --release --quiet
mkdir -p "$out"
find ../shared/corpus -name '*.txt' | sort | while read -r f; do
    name=$(echo "${f#../shared/corpus/}" | tr '/' '_')
    target/release/reportlens analyze --json "$f" > "$out/${name%.txt}.json"
done
echo "$(ls "$out" | wc -l) reports in $out"
