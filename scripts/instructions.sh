#!/usr/bin/env bash
# Counts the instructions `analyze` spends per byte of text, the figure the speed budget is
# kept in: 1 MB made of the corpus reports (concatenated in name order until it reaches
# 1,000,000 bytes), analysed under callgrind, which counts instructions repeatably on a
# shared machine where wall-clock times vary.
#
#   scripts/instructions.sh [CORPUS_DIR]     (default ../shared/corpus)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-$root/../shared/corpus}"
command -v valgrind >/dev/null || { sudo apt-get install -y valgrind >/dev/null 2>&1 || apt-get install -y valgrind >/dev/null; }
cd "$root"
cargo build --release --quiet --example profile
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
input="$work/1mb.txt"
: >"$input"
while [ "$(stat -c %s "$input")" -lt 1000000 ]; do
  find "$corpus" -name '*.txt' | sort | xargs cat >>"$input"
done
bytes="$(stat -c %s "$input")"
valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
  target/release/examples/profile "$input" >/dev/null 2>&1
callgrind_annotate --inclusive=yes "$work/cg.out" 2>/dev/null | python3 -c '
import re, sys
bytes_ = int(sys.argv[1])
total = analyze = None
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+) \([^)]*\)\s+PROGRAM TOTALS", line)
    if m: total = int(m.group(1).replace(",", ""))
    m = re.match(r"\s*([\d,]+) \([^)]*\)\s+\S*reportlens::analyze\b", line)
    if m and analyze is None: analyze = int(m.group(1).replace(",", ""))
if total is None:
    sys.exit("callgrind gave no totals")
print(f"{bytes_} bytes: {total / bytes_:.1f} instructions per byte in all, "
      + (f"{analyze / bytes_:.1f} in analyze" if analyze else "analyze not found"))
' "$bytes"
