# SPDX-License-Identifier: MIT
# Writes a seeded journal of DAYS days ending on LAST_DAY as a guilt JSON export, for the insights
# tests, and prints what insights must find in it: for each checked factor and window, the days
# with it and without it among the days holding an entry.
#
# By construction, 10+ minutes of child-led time and a run with other moms go with fewer guilt
# moments (all logged in the evening, after both), and a deposit goes with nothing: deposit days
# come in pairs with a day just like them but for the deposit.
#   python3 insights_journal.py DAYS LAST_DAY OUT.json > expected.json
import datetime as dt
import json
import random
import sys
import uuid
from zoneinfo import ZoneInfo

days, last = int(sys.argv[1]), dt.date.fromisoformat(sys.argv[2])
out_path = sys.argv[3]
zone = ZoneInfo("America/New_York")
rng = random.Random(20261126)
first = last - dt.timedelta(days=days - 1)


def at(day, hour, minute=0):
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).isoformat()


def new_uuid():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


entries = []
factors = {}  # date -> set of factor ids
journal_days = set()
pending = {}  # stratum -> the guilt of the last day without its deposit twin yet


def add(day, entry, factor=None):
    entry["uuid"] = new_uuid()
    entries.append(entry)
    journal_days.add(day)
    if factor:
        factors.setdefault(day, set()).add(factor)


for i in range(days):
    day = first + dt.timedelta(days=i)
    if rng.random() < 0.08:
        continue  # she did not open the journal that day
    child_led = rng.random() < 0.45
    moms = rng.random() < 0.35
    stratum = (child_led, moms)
    if stratum in pending:
        # The twin of an earlier day: the same guilt, with a deposit.
        guilt, deposit = pending.pop(stratum), True
    else:
        count = max(0, 3 - (2 if child_led else 0) - (1 if moms else 0) + rng.choice([-1, 0, 0, 1]))
        guilt = [(18 + rng.randrange(4), rng.randrange(0, 60, 5),
                  rng.randint(2, 5) if child_led else rng.randint(4, 8),
                  rng.choice([[], [], ["school"], ["work"]])) for _ in range(count)]
        pending[stratum], deposit = guilt, False
    if moms:
        add(day, {"type": "run", "at": at(day, 6, rng.randrange(0, 30, 5)), "distance_m": 6000,
                  "duration_s": 2100, "with": ["moms"]}, "run-with-moms")
    elif rng.random() < 0.25:
        add(day, {"type": "run", "at": at(day, 12, 30), "distance_m": 5000, "duration_s": 1800,
                  "with": ["solo"]})
    if child_led:
        add(day, {"type": "engage", "at": at(day, 17, rng.randrange(0, 30, 5)),
                  "minutes": rng.choice([10, 15, 20, 30]), "kids": ["Sam"], "child_led": True},
            "child-led-10")
    elif rng.random() < 0.3:
        add(day, {"type": "engage", "at": at(day, 17), "minutes": 30, "kids": ["Sam"],
                  "child_led": False})
    if deposit:
        add(day, {"type": "deposit", "at": at(day, 13), "minutes": 30, "text": "read a book"},
            "deposit")
    for hour, minute, intensity, tags in guilt:
        add(day, {"type": "guilt", "at": at(day, hour, minute), "text": "a hard moment",
                  "intensity": intensity, "tags": tags, "kids": []})

with open(out_path, "w", encoding="utf-8") as f:
    json.dump({"format": "guilt", "version": 1, "exported_at": at(last, 21),
               "entries": entries, "priorities": [], "mottos": []}, f)


# The first day of each kind of entry: days before it are no days without (cli.md).
first_of_kind = {}
for e in entries:
    day = dt.datetime.fromisoformat(e["at"]).date()
    first_of_kind[e["type"]] = min(day, first_of_kind.get(e["type"], day))
KIND = {"child-led-10": "engage", "run-with-moms": "run", "deposit": "deposit"}


def counts(since):
    def window(name):
        start = max(since, first_of_kind[KIND[name]])
        return [d for d in journal_days if d >= start]
    return {name: {"days_with": sum(1 for d in window(name) if name in factors.get(d, ())),
                   "days_without": sum(1 for d in window(name) if name not in factors.get(d, ()))}
            for name in KIND}


print(json.dumps({"first": first.isoformat(), "all": counts(first),
                  "last_90": counts(last - dt.timedelta(days=89))}))
