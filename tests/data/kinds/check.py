#!/usr/bin/env python3
"""Check the kind labels in this folder against the texts and the reference figures.

    check.py [SHARED_DIR]      (default: ../shared next to the repository)

For every `<report>.kind` here, reads `SHARED_DIR/corpus/<report>.txt` and
`SHARED_DIR/gold/<report>.json` and checks that:
  - each label line is `context|figure => kind` or `context|figure => kind ; period`,
    with kind one of target, actual, absent;
  - the anchor `context|figure` occurs exactly once in the text;
  - the labels follow the text's order and there is one label per reference figure;
  - the number the figure part starts with is the reference figure's value
    (digits or Chinese numerals; a closing scale word may be read into the value);
  - a `# optional` line stands before exactly the figures the reference marks optional;
  - a period, where given, is written somewhere in the text.
Prints one line per report and exits 1 on any failure.
"""
import json
import os
import re
import sys

KINDS = {"target", "actual", "absent"}
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL = {"十": 10, "百": 100, "千": 1000}
LARGE = {"万": 10**4, "亿": 10**8}
NUMBER = re.compile(r"[-−]?[0-9][0-9,.]*|(?:百分之)?[零〇一二两三四五六七八九十百千万亿点]+")


def chinese(s):
    """The value of a Chinese numeral (十二, 三十, 两千三百, 三点五)."""
    if "点" in s:
        whole, frac = s.split("点", 1)
        return chinese(whole or "零") + float("0." + "".join(str(DIGITS[c]) for c in frac))
    total = section = digit = 0
    for c in s:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in SMALL:
            section += (digit or 1) * SMALL[c]
            digit = 0
        elif c in LARGE:
            total += (section + digit or 1) * LARGE[c]
            section = digit = 0
    return total + section + digit


def leading_values(figure):
    """The values the figure part may start with: as written, and without a closing scale word."""
    m = NUMBER.match(figure)
    if not m:
        return []
    tok = m.group()
    if tok[0].isdigit() or tok[0] in "-−":
        return [float(tok.replace(",", "").replace("−", "-"))]
    tok = tok.replace("百分之", "")
    values = [chinese(tok)]
    stripped = tok.rstrip("万亿")
    if stripped and stripped != tok:
        values.append(chinese(stripped))
    return values


def same(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def check(name, here, shared):
    errors = []
    text = open(os.path.join(shared, "corpus", name + ".txt"), encoding="utf-8").read()
    gold = json.load(open(os.path.join(shared, "gold", name + ".json"), encoding="utf-8"))["figures"]
    labels, optional_next = [], False
    for no, raw in enumerate(open(os.path.join(here, name + ".kind"), encoding="utf-8"), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line == "# optional":
                optional_next = True
            continue
        if "=>" not in line:
            errors.append(f"line {no}: no =>")
            continue
        anchor, rest = (s.strip() for s in line.split("=>", 1))
        parts = [p.strip() for p in rest.split(";")]
        kind, period = parts[0], parts[1] if len(parts) > 1 else None
        if kind not in KINDS or len(parts) > 2 or (period is not None and not period):
            errors.append(f"line {no}: bad label {rest!r}")
        if anchor.count("|") != 1:
            errors.append(f"line {no}: anchor needs one bar: {anchor}")
            continue
        context, figure = anchor.split("|")
        hits = [m.start() for m in re.finditer(re.escape(context + figure), text)]
        if len(hits) != 1:
            errors.append(f"line {no}: anchor {anchor} occurs {len(hits)} times")
            labels.append((no, None, figure, optional_next))
            optional_next = False
            continue
        if period and period not in text:
            errors.append(f"line {no}: period {period} is not in the text")
        labels.append((no, hits[0] + len(context), figure, optional_next))
        optional_next = False
    if len(labels) != len(gold):
        errors.append(f"{len(labels)} labels for {len(gold)} reference figures")
    last = -1
    for (no, pos, figure, optional), g in zip(labels, gold):
        if optional != bool(g.get("optional")):
            errors.append(f"line {no}: `# optional` marker does not match {g['id']}")
        if pos is None:
            continue
        if pos <= last:
            errors.append(f"line {no}: out of document order")
        last = pos
        if not any(same(v, float(g["value"])) for v in leading_values(figure)):
            errors.append(f"line {no}: {figure} does not start with {g['id']}'s value {g['value']}")
    return len(labels), errors


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "..", "shared")
    names = sorted(f[:-5] for f in os.listdir(here) if f.endswith(".kind"))
    failed = False
    for name in names:
        n, errors = check(name, here, shared)
        print(f"{name}: {n} labels, {'ok' if not errors else str(len(errors)) + ' errors'}")
        for e in errors:
            print("  " + e)
        failed |= bool(errors)
    sys.exit(1 if failed or not names else 0)


if __name__ == "__main__":
    main()
