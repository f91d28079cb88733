# She runs four or five times a week with moms and her club, never with the kids; today's light guilt is about a missed
# family dinner, which a run shared with the kids answers (issue 20, item 4: a lunchbox would not be),
# and which her engaged time of the week answers too (facts).
TZ=Europe/Madrid
NOW=2026-11-25T21:40
REFLECT_DATE=2026-11-25
EXPECT="example"
FORBID="bank community motto listen expectations schedule better-mom"
EVIDENCE="example:run"
steps() {
  g motto "Las madres felices crían hijos felices."
  g priority add "Kids" --rank 1
  g priority add "Valencia Marathon" --rank 2 --until 2026-12-06
  g priority add "Work" --rank 3
  g run 8k 44:00 --with moms -w "2026-11-05 06:30"
  g run 22k 1:58:00 --with club --type long -w "2026-11-08 08:00"
  g run 8k 43:30 --with moms -w "2026-11-11 06:30"
  g run 12k 58:00 --with club --type workout -w "2026-11-14 08:00"
  g run 8k 43:10 --with moms -w "2026-11-18 06:30"
  g run 28k 2:32:00 --with club --type long -w "2026-11-21 08:00"
  g run 10k 54:00 --with moms -w "2026-11-23 06:30"
  g run 6k 33:00 --with moms -w "2026-11-25 06:30"
  g deposit 30m "siesta" -w "2026-11-24 15:30"
  g engage 30m -k Lucía -k Mateo --child-led -w "2026-11-19 18:00"
  g engage 20m -k Mateo -w "2026-11-20 18:00"
  g engage 1h -k Lucía -k Mateo --note "Retiro park" -w "2026-11-21 17:00"
  g engage 45m -k Lucía --child-led -w "2026-11-22 11:00"
  g engage 25m -k Mateo --child-led -w "2026-11-23 18:15"
  g engage 30m -k Lucía -k Mateo -w "2026-11-24 18:00"
  g engage 30m -k Mateo --child-led --note "puzzles" -w "2026-11-25 18:30"
  g log -i 3 -k Lucía -k Mateo -w "2026-11-25 20:30" "Missed family dinner again, Lucía and Mateo ate without me"
}
