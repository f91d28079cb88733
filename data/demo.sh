#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make demo`: a realistic week in the life of a mother who runs, in a temporary journal (never
# yours), then what guilt does with it: the list, tonight's reflection, the week and the month.
# Usage: data/demo.sh path/to/guilt
set -euo pipefail
guilt=$(realpath "${1:?usage: demo.sh path/to/guilt}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GUILT_DB=$tmp/journal.db XDG_CONFIG_HOME=$tmp/config TZ=America/New_York
export GUILT_NOW=2026-11-26T21:30
g() { "$guilt" "$@" >/dev/null 2>&1 </dev/null; }

g motto "You're a good mom. Good enough is good."
g priority add "Kids" --rank 1
g priority add "Sleep" --rank 2
g priority add "Spring marathon" --rank 3 --until 2027-04-20
g priority add "Work" --rank 4
g priority add "A tidy house" --rank 5

# Friday
g run 8k 46:10 --with moms --felt 8 -w "2026-11-20 05:45"
g log -i 6 -t work -w "2026-11-20 18:40" "Late meeting again, @Sam ate dinner without me"
g engage 25m -k Sam -k Ava --child-led --note "blanket fort" -w "2026-11-20 19:30"
# Saturday
g run 18k 1:44:00 --with club --type long -w "2026-11-21 07:00"
g log -i 7 -t running -w "2026-11-21 10:30" "Missed @Ava's swim lesson for my long run. Felt selfish the whole way home."
g engage 2h -k Sam -k Ava --note "park and pancakes" -w "2026-11-21 14:00"
# Sunday
g deposit 45m "read in the bath, phone off" -w "2026-11-22 20:30"
g engage 1h -k Ava --child-led --note "drawing" -w "2026-11-22 10:00"
# Monday
g log -i 5 -t school -w "2026-11-23 08:20" "@Sam cried at drop-off and I still left for work"
g log -i 4 -t screens -w "2026-11-23 17:45" "Gave them the iPad so I could cook"
g engage 15m -k Sam -w "2026-11-23 20:00"
# Tuesday
g run 6k 34:30 --with solo -w "2026-11-24 18:00"
g log -i 6 -t school -w "2026-11-24 08:10" "Another meltdown before school, I raised my voice"
g log -i 7 -w "2026-11-24 21:00" "I should be able to keep up with everything and I never do"
# Wednesday
g log -i 5 -t house -w "2026-11-25 19:00" "Laundry mountain, house is a mess"
g engage 30m -k Ava -k Sam --child-led --note "lego" -w "2026-11-25 17:30"
# Thursday
g run 10k 55:20 --with moms --felt 9 -w "2026-11-26 05:30"
g log -i 8 -t school -k Sam -w "2026-11-26 08:15" "Sam begged to stay home and I sent him anyway. I'm a terrible mother."
g engage 40m -k Sam --child-led --note "his dinosaur game" -w "2026-11-26 17:00"
g win "Sam hugged me at pickup and told me about his dinosaur" -k Sam -w "2026-11-26 15:30"
g log -i 5 -t work -w "2026-11-26 20:30" "Answered emails during bedtime story"

say() { printf '\n\033[1m$ guilt %s\033[0m\n' "$*"; }
say "list -n 12"
"$guilt" list -n 12
say "reflect --no-input"
"$guilt" reflect --no-input
say "week"
"$guilt" week
say "month"
"$guilt" month
printf '\n(This demo used a temporary journal at %s, now removed. Yours was not touched.)\n' "$GUILT_DB"
