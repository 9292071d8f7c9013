#!/usr/bin/env python3
"""Derives src/Rapport.Core/Resources/emotions/valence.tsv from VADER's lexicon (MIT, Hutto & Gilbert 2014).

Usage: python3 tools/scripts/build_valence_lexicon.py [../shared/data/vader/vader_lexicon.txt]

Output: one `token<TAB>valence` line per entry, valence rescaled from VADER's -4..+4 mean rating and rounded to
two decimals; entries with |valence| < 0.1 are dropped. Rapport's own support-domain additions live in
valence-support.tsv (hand-written) and override these. See docs/data.md.
"""
import sys, pathlib

source = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/vader/vader_lexicon.txt")
target = pathlib.Path(__file__).resolve().parents[2] / "src/Rapport.Core/Resources/emotions/valence.tsv"
rows = []
for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
    parts = line.split("\t")
    if len(parts) < 2:
        continue
    token, mean = parts[0].strip(), float(parts[1])
    if not token or abs(mean) < 0.1 or "\t" in token:
        continue
    rows.append((token.lower(), round(mean, 2)))
rows.sort()
with target.open("w", encoding="utf-8", newline="\n") as out:
    out.write("# Derived from VADER's lexicon (MIT, C.J. Hutto). Regenerate: tools/scripts/build_valence_lexicon.py\n")
    for token, mean in rows:
        out.write(f"{token}\t{mean}\n")
print(f"wrote {len(rows)} entries to {target}")
