#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a `guilt` JSON export of N realistic entries spread over years, for benchmarks and
reliability tests. Seeded: the same N and seed give the same file.

    bench/generate.py N [--seed S] [--end 2026-11-26] > journal.json
"""
import argparse
import datetime as dt
import json
import random
import sys
import uuid

KIDS = ["Sam", "Ava", "Noah", "Zoë", "Theo", "Eleanor"]
TAGS = ["school", "work", "food", "sleep", "screens", "running", "house", "health", "attention"]
MOMENTS = [
    "Sent {kid} to school crying and went to work anyway",
    "Answered emails through dinner again",
    "Gave {kid} the iPad so I could cook",
    "Missed bedtime story for my long run, felt selfish",
    "Yelled at {kid} before breakfast, I'm a bad mom",
    "Frozen pizza for the third night in a row",
    "Too tired to play with {kid} after work",
    "Everyone else seems to have it together, I never do",
    "Forgot library day, no books in the backpack",
    "My to-do list keeps growing and I get nothing done",
    "Skipped the swim lesson for a meeting",
    "{kid} asked why I'm always on my phone",
    "Laundry mountain, the house is a mess",
    "Let {kid} stay up late so I could finish a report",
    "Ran through dinner again, the kids ate without me",
]
DEPOSITS = ["nap", "coffee with Jess", "read in the bath", "yoga class", "walk alone", "book club"]
RARE_WORD = "bluebell"
RARE_MATCHES = 5
NOTES = ["park", "lego", "drawing", "pancakes", "puzzles", "bike ride", "baking", "reading"]


def at(day, minutes, offset_min):
    tz = dt.timezone(dt.timedelta(minutes=offset_min))
    t = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tz)
    return t.isoformat()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("--seed", type=int, default=48)
    p.add_argument("--end", default="2026-11-26")
    a = p.parse_args()
    rng = random.Random(a.seed)
    end = dt.date.fromisoformat(a.end)
    per_day = 11  # about eleven entries a day, so 200k entries cover about 50 years
    days = max(1, a.n // per_day + 1)
    start = end - dt.timedelta(days=days)
    entries = []
    i = 0
    while len(entries) < a.n:
        day = start + dt.timedelta(days=i // per_day)
        i += 1
        offset = rng.choice([-300, -300, -240, 60, 0])  # mostly New York, sometimes travelling
        minutes = rng.randrange(5 * 60, 23 * 60)
        kind = rng.choices(["guilt", "run", "engage", "deposit"], [5, 2, 3, 1])[0]
        kid = rng.choice(KIDS)
        e = {"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "type": kind,
             "at": at(day, minutes, offset)}
        if kind == "guilt":
            moment = rng.choice(MOMENTS)
            e.update(text=moment.format(kid=kid), intensity=rng.randint(1, 10),
                     tags=rng.sample(TAGS, rng.choice([0, 1, 1, 2])),
                     kids=[kid] if "{kid}" in moment else [])
        elif kind == "run":
            km = rng.choice([5, 6, 8, 10, 12, 16, 21.1])
            e.update({"distance_m": int(km * 1000), "duration_s": int(km * rng.randint(300, 390)),
                      "unit": "km", "with": [rng.choice(["solo", "solo", "moms", "friends", "club", "kids"])],
                      "felt": rng.randint(3, 10), "kind": rng.choice(["easy", "long", "race", "workout"]),
                      "note": None, "tags": [], "kids": []})
        elif kind == "engage":
            e.update(minutes=rng.choice([10, 15, 20, 30, 45, 60, 90]), child_led=rng.random() < 0.5,
                     note=rng.choice(NOTES), tags=[], kids=[kid])
        else:
            e.update(minutes=rng.choice([15, 30, 45, 60]), text=rng.choice(DEPOSITS), tags=[], kids=[])
        entries.append(e)
    doc = {"format": "guilt", "version": 1, "exported_at": at(end, 21 * 60, -300),
           "entries": entries,
           "priorities": [{"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "rank": r + 1,
                           "title": t, "until": None, "done": False}
                          for r, t in enumerate(["Kids", "Sleep", "Work", "Marathon training"])],
           "mottos": [{"text": "You're a good mom.", "at": at(start, 12 * 60, -300)}]}
    entries.sort(key=lambda e: dt.datetime.fromisoformat(e["at"]))  # oldest first, as exported
    # The newest few moments mention a rare word, so `list --contains bluebell` finds the same
    # handful in a journal of any size.
    for e in [e for e in entries if e["type"] == "guilt"][-RARE_MATCHES:]:
        e["text"] += f" (the {RARE_WORD} walk we skipped)"
    json.dump(doc, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
