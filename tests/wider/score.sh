#!/usr/bin/env bash
# Scores the wider reference set, kind by kind, with the reference scorer.
#
#   tests/wider/score.sh [--unseen] [-- COMMAND...]
#
# COMMAND is run with each report's path appended and must print the analyzer's JSON
# (default: target/release/reportlens analyze --json). --unseen scores the set kept aside
# for the final check instead of the tuning set. Prints one line per kind and a total:
# figures F1, subjects, qualifiers, outline F1 and document elements.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scorer="${SCORER:-$root/../shared/tools/score.py}"
set_dir="$here"
cmd=("$root/target/release/reportlens" analyze --json)
while [ $# -gt 0 ]; do
  case "$1" in
    --unseen) set_dir="$here/unseen"; shift ;;
    --) shift; cmd=("$@"); break ;;
    *) echo "usage: $0 [--unseen] [-- COMMAND...]" >&2; exit 2 ;;
  esac
done
[ -d "$set_dir/gold" ] || { echo "no references under $set_dir/gold" >&2; exit 2; }
status=0
lines=""
for kind_dir in "$set_dir"/gold/*/; do
  kind="$(basename "$kind_dir")"
  if ! out="$(python3 "$scorer" "$kind_dir" -- "${cmd[@]}")"; then
    status=1
    echo "$kind: some report's output could not be read" >&2
  fi
  [ -n "${VERBOSE:-}" ] && printf '%s\n' "$out" | grep -v '^TOTAL:' | sed "s/^/  $kind\//" >&2
  lines+="$(printf '%s\n' "$out" | grep '^TOTAL:' | sed "s/^TOTAL/$kind/")"$'\n'
done
printf '%s' "$lines" | python3 -c '
import re, sys
rows, tot = [], {}
pat = re.compile(r"^(\S+): figures F1 [\d.]+ \((\d+)/(\d+) found, (-?\d+) extra\) · subject (\d+)/(\d+) · qualifier (\d+)/(\d+) · parent (\d+)/(\d+) · base (\d+)/(\d+) · outline F1 [\d.]+ \((\d+)/(\d+), (-?\d+) extra\) · meta (\d+)/(\d+)")
def f1(h, g, p):
    pr = h / p if p else (1.0 if not g else 0.0); rc = h / g if g else 1.0
    return 0.0 if pr + rc == 0 else 2 * pr * rc / (pr + rc)
def ratio(a, b): return f"{a / b:.3f}" if b else "  n/a"
def show(name, v):
    fh, fg, fx, sh, qh, hh, hg, hx, mh, mg = v
    print(f"{name:<10} figures F1 {f1(fh, fg, fh + fx):.3f} ({fh}/{fg}, {fx} extra) · subjects {ratio(sh, fh)} · qualifiers {ratio(qh, fh)} · outline F1 {f1(hh, hg, hh + hx):.3f} ({hh}/{hg}, {hx} extra) · elements {ratio(mh, mg)} ({mh}/{mg})")
for line in sys.stdin:
    m = pat.match(line.strip())
    if not m:
        print(line.rstrip()); continue
    g = list(map(int, m.groups()[1:]))
    v = [g[0], g[1], g[2], g[3], g[5], g[11], g[12], g[13], g[14], g[15]]
    show(m.group(1), v)
    tot = v if not tot else [a + b for a, b in zip(tot, v)]
if tot:
    show("ALL", tot)
'
exit "$status"
