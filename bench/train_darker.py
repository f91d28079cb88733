#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The learned reading of the darker words, trained from labelled moments (docs/reading.md).

    bench/train_darker.py PROBE LEXICON.json SET.jsonl...

The probe (guilt_read_probe --features) gives each moment's features as guilt itself computes
them: her words' English and Spanish stems, and neighbouring stems of a clause. A logistic
regression (AdaGrad, a little L2, a fixed seed: the same sets give the same weights) learns from
the moments' `support` labels which features lean toward darker words; the strongest weights
are written into LEXICON.json as "darker_model". `make darker-model` trains it on the tuning
sets only: the public development set and the *-check sets stay out, so they measure it.
"""
import json
import math
import random
import subprocess
import sys

EPOCHS = 8
RATE = 0.3
L2 = 1e-4
MIN_COUNT = 3  # a feature seen in fewer moments is left out
KEEP = 10000  # the strongest weights kept
THRESHOLD = 0.97  # the probability above which a moment reads as darker


def features(probe, lexicon, moments):
    lines = "".join(json.dumps({"id": str(i), "text": m["text"]}) + "\n"
                    for i, m in enumerate(moments))
    out = subprocess.run([probe, "--features", lexicon], input=lines, capture_output=True,
                         text=True, check=True).stdout
    return [json.loads(line)["features"] for line in out.splitlines()]


def train(xs, ys):
    counts = {}
    for x in xs:
        for f in x:
            counts[f] = counts.get(f, 0) + 1
    xs = [[f for f in x if counts[f] >= MIN_COUNT] for x in xs]
    weights, squares, bias, bias_square = {}, {}, 0.0, 1e-8
    order = list(range(len(xs)))
    rng = random.Random(1)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            z = bias + sum(weights.get(f, 0.0) for f in xs[i])
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - ys[i]
            if abs(g) < 1e-3:
                continue
            bias_square += g * g
            bias -= RATE * g / math.sqrt(bias_square)
            for f in xs[i]:
                w = weights.get(f, 0.0)
                grad = g + L2 * w
                squares[f] = squares.get(f, 1e-8) + grad * grad
                weights[f] = w - RATE * grad / math.sqrt(squares[f])
    return weights, bias


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    probe, lexicon, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
    moments = [json.loads(line) for path in sets for line in open(path, encoding="utf-8")
               if line.strip()]
    xs = features(probe, lexicon, moments)
    ys = [1 if m["support"] else 0 for m in moments]
    weights, bias = train(xs, ys)
    strongest = sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:KEEP]
    with open(lexicon, encoding="utf-8") as f:
        lex = json.load(f)
    lex["darker_model"] = {
        "about": "A second reading of the darker words, learned by bench/train_darker.py from "
                 f"{len(moments)} labelled moments ({sum(ys)} darker) of the tuning sets; it "
                 "speaks only where no support cue stood at all. Weights of her words' stems "
                 "(e: English, s: Spanish) and neighbouring English stems (b:).",
        "threshold": THRESHOLD,
        "bias": round(bias, 3),
        "weights": {f: round(w, 3) for f, w in sorted(strongest)},
    }
    with open(lexicon, "w", encoding="utf-8") as f:
        json.dump(lex, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{lexicon}: darker_model from {len(moments)} moments ({sum(ys)} darker), "
          f"{len(strongest)} weights of {len(weights)}")


if __name__ == "__main__":
    main()
