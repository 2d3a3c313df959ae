#!/usr/bin/env python3
"""Writes src/lexicon/traditional.txt: the traditional forms of every simplified character the
lexicon's lists use, from OpenCC's character tables (STCharacters, then TWVariants for the
Taiwan form). Run it when a list gains a character:

    pip install opencc-python-reimplemented && python3 scripts/traditional.py
"""
import glob
import os

import opencc  # opencc-python-reimplemented

here = os.path.dirname(os.path.abspath(__file__))
lexicon = os.path.join(here, "..", "src", "lexicon")
tables = os.path.join(os.path.dirname(opencc.__file__), "dictionary")


def table(name):
    out = {}
    with open(os.path.join(tables, name), encoding="utf-8") as f:
        for line in f:
            key, forms = line.rstrip("\n").split("\t")
            out[key] = forms.split(" ")
    return out


st, tw = table("STCharacters.txt"), table("TWVariants.txt")
target = os.path.join(lexicon, "traditional.txt")
with open(target, encoding="utf-8") as f:
    header = "".join(line for line in f if line.startswith("#"))
chars = set()
for path in glob.glob(os.path.join(lexicon, "*.txt")):
    if os.path.abspath(path) == os.path.abspath(target):
        continue
    with open(path, encoding="utf-8") as f:
        chars.update(c for line in f if not line.startswith("#") for c in line.strip())
rows = []
for c in sorted(chars):
    if c not in st or st[c][0] == c:
        continue
    usual = st[c][0]
    taiwan = tw.get(usual, [usual])[0]
    rows.append(f"{c} {usual}" + (f" {taiwan}" if taiwan != usual else ""))
with open(target, "w", encoding="utf-8") as f:
    f.write(header + "\n" + "\n".join(rows) + "\n")
print(f"{len(rows)} characters in {target}")
