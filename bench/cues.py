#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every cue of a vocabulary measured on its own over labelled moments (docs/quality.md).

    bench/cues.py PROBE LEXICON.json SET.jsonl...

Each topic, distortion and support cue becomes a concept of its own (keeping its concept's
`except` phrases), the probe (guilt_read_probe) reads every moment once with that vocabulary,
and each cue is scored against the labels of its concept. Prints the cues that are mostly
another sense: precision under 0.5 over two hits or more, or wrong on the only moment they
fired on, with the moments they were wrong on. `make cues` runs it on the tuning sets; a cue it
lists is for a reader to narrow (a longer phrase, an `except`) or remove. The sets never tuned
on (tests/corpus/blind3-check.jsonl) must stay out of it. Cues that count only in company (a
sense "listed" or "with" a topic) are not cues on their own, and are left out.
"""
import collections
import json
import subprocess
import sys
import tempfile


def one_cue_each(lex):
    """The vocabulary with every cue its own concept, named "concept<TAB>lang<TAB>cue"."""
    def split(concepts):
        out = []
        for c in concepts:
            for sense in c.get("senses", []):
                if sense.get("listed") or "with" in sense:
                    continue
                for lang in ("en", "es"):
                    for cue in sense.get(lang, []):
                        out.append({"id": f"{c['id']}\t{lang}\t{cue}", "label": "cue",
                                    "senses": [{"meaning": sense["meaning"], lang: [cue]}],
                                    "except": c.get("except", [])})
        return out
    probe = dict(lex)
    probe["topics"] = split(lex["topics"])
    probe["distortions"] = split(lex["distortions"] + [dict(lex["support"], id="support")])
    return probe


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    probe_bin, lexicon, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(lexicon, encoding="utf-8") as f:
        probe = one_cue_each(json.load(f))
    hits = collections.defaultdict(lambda: [0, 0, []])  # right, wrong, wrong ids
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as tmp:
        json.dump(probe, tmp, ensure_ascii=False)
        tmp.flush()
        for path in sets:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            gold = {m["id"]: m for m in map(json.loads, filter(str.strip, text.splitlines()))}
            run = subprocess.run([probe_bin, tmp.name], input=text, capture_output=True,
                                 text=True, check=True)
            for line in run.stdout.splitlines():
                r = json.loads(line)
                g = gold[r["id"]]
                for key in list(r["topics"]) + list(r["distortions"]):
                    concept = key.split("\t")[0]
                    right = g["support"] if concept == "support" else (
                        concept in g["topics"] or concept in g["distortions"])
                    h = hits[key]
                    h[0 if right else 1] += 1
                    if not right:
                        h[2].append(r["id"])
    weak = [(k, h) for k, h in hits.items()
            if (h[1] >= 2 and h[0] / (h[0] + h[1]) < 0.5) or (h[0] == 0 and h[1] >= 1)]
    for key, (right, wrong, ids) in sorted(weak, key=lambda kh: -kh[1][1]):
        concept, lang, cue = key.split("\t")
        print(f"{concept:16} {lang} {cue:32} right {right:3} wrong {wrong:3}  {' '.join(ids[:6])}")
    print(f"{len(hits)} cues fired on {len(sets)} sets; {len(weak)} mostly another sense")


if __name__ == "__main__":
    main()
