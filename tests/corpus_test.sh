#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# How well guilt reads her words, measured by ../shared/corpus/score on a labelled set, held to
# floors (docs/quality.md):
#
#   bash tests/corpus_test.sh GUILT FILE TOPICS_F1 DISTORTIONS_F1 MAX_SUPPORT_MISSED MAX_FALSE_PCT
#
# FILE is a path, or "dev" for shared/corpus/dev.jsonl. Exits 77 (ctest's SKIP) when the scorer
# is not beside the source tree, so a missing shared/ is never counted as a pass.
set -u
bin=${1:?usage: corpus_test.sh GUILT FILE TOPICS DISTORTIONS SUPPORT_MISSED FALSE_PCT}
file=$2 min_topics=$3 min_distortions=$4 max_missed=$5 max_false_pct=$6
here=$(cd "$(dirname "$0")" && pwd)
score=$(cd "$here/../.." && pwd)/shared/corpus/score
if [[ ! -x $score ]]; then
    echo "SKIP: $score is missing (shared/ is not beside the source tree)"
    exit 77
fi
[[ $file == dev ]] && file=$(dirname "$score")/dev.jsonl
out=$("$score" "$bin" "$file") || { echo "$out"; echo "FAIL: the scorer failed"; exit 1; }
echo "$out"
summary=$(tail -n 1 <<<"$out")
python3 - "$summary" "$min_topics" "$min_distortions" "$max_missed" "$max_false_pct" <<'PY'
import re, sys
summary, min_t, min_d, max_missed, max_false = sys.argv[1], *map(float, sys.argv[2:])
m = re.search(r"corpus (\d+): topics F1 ([\d.]+) .*distortions F1 ([\d.]+) .*support (\d+)/(\d+) "
              r"found, (\d+)/(\d+) false, errors (\d+)", summary)
if not m:
    sys.exit(f"FAIL: no summary line in the scorer's output: {summary!r}")
n, t, d, found, want, false, others, errors = m.groups()
problems = []
if float(t) < min_t: problems.append(f"topics F1 {t} is under the floor {min_t}")
if float(d) < min_d: problems.append(f"distortions F1 {d} is under the floor {min_d}")
if int(want) - int(found) > max_missed:
    problems.append(f"the support line missed {int(want) - int(found)} of {want} darker moments")
if int(others) and 100 * int(false) / int(others) > max_false:
    problems.append(f"the support line showed on {false} of {others} ordinary moments")
if int(errors): problems.append(f"{errors} moments could not be logged")
if problems:
    sys.exit("FAIL: " + "; ".join(problems))
print(f"PASS: topics {t} >= {min_t}, distortions {d} >= {min_d}, support {found}/{want}, "
      f"{false}/{others} false")
PY
