#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""How far apart the writers' labels, two second readers and guilt are (docs/quality.md).

    bench/agreement.py PROBE LEXICON.json

tests/corpus/agreement/ holds the labels two readers gave, from LABELS.md alone and without
seeing anyone's labels, to 242 moments drawn from the unread *-check sets (22 of each). This
prints, for every pair of the writers, the two readers and guilt (through guilt_read_probe), the
micro F1 of their topics and distortions and how many darker moments both mark.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "tests", "corpus")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def f1(a, b, ids, key):
    tp = fp = fn = 0
    for i in ids:
        x, y = set(a[i][key]), set(b[i][key])
        tp, fp, fn = tp + len(x & y), fp + len(y - x), fn + len(x - y)
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: bench/agreement.py PROBE LEXICON.json")
    probe, lexicon = sys.argv[1:]
    readers = {name: {(d["set"], d["id"]): d for d in load(os.path.join(CORPUS, "agreement", f))}
               for name, f in (("reader A", "reader-a.jsonl"), ("reader B", "reader-b.jsonl"))}
    ids = sorted(readers["reader A"])
    writer = {}
    for s in sorted({i[0] for i in ids}):
        for d in load(os.path.join(CORPUS, s + ".jsonl")):
            writer[(s, d["id"])] = d
    lines = "".join(json.dumps({"id": f"{s}/{i}", "text": writer[(s, i)]["text"]}) + "\n"
                    for s, i in ids)
    out = subprocess.run([probe, lexicon], input=lines, capture_output=True, text=True,
                         check=True).stdout
    guilt = {}
    for line in out.splitlines():
        r = json.loads(line)
        s, i = r["id"].split("/", 1)
        guilt[(s, i)] = {"topics": list(r["topics"]), "distortions": list(r["distortions"]),
                         "support": bool(r["support"])}
    everyone = {"writers": writer, **readers, "guilt": guilt}
    names = list(everyone)
    print(f"{len(ids)} moments")
    for n, a in enumerate(names):
        for b in names[n + 1:]:
            x, y = everyone[a], everyone[b]
            both = sum(1 for i in ids if x[i]["support"] and y[i]["support"])
            print(f"{a:>8} vs {b:<8}  topics {f1(x, y, ids, 'topics'):.2f}  distortions "
                  f"{f1(x, y, ids, 'distortions'):.2f}  darker: both {both}, "
                  f"{a} {sum(x[i]['support'] for i in ids)}, {b} {sum(y[i]['support'] for i in ids)}")


if __name__ == "__main__":
    main()
