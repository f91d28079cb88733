# Work pulled her away from a class assembly and she has never written down her priorities.
TZ=America/Toronto
NOW=2026-11-19T21:10
REFLECT_DATE=2026-11-19
EXPECT="priorities"
FORBID="bank community listen expectations motto"
EVIDENCE="priorities:guilt"
steps() {
  g motto "Love is the point, not perfection."
  g run 6k 36:00 --with moms -w "2026-11-07 07:00"
  g run 5k 30:15 --with moms -w "2026-11-11 06:00"
  g run 14k 1:24:00 --with moms --type long -w "2026-11-14 07:30"
  g run 6k 35:30 --with moms -w "2026-11-18 06:00"
  g deposit 40m "lunchtime swim" -w "2026-11-19 12:00"
  g engage 30m -k Nora --child-led --note "painting" -w "2026-11-17 17:00"
  g engage 25m -k Nora -w "2026-11-18 17:15"
  g engage 30m -k Nora --child-led -w "2026-11-19 18:00"
  g log -i 4 -t work -k Nora -w "2026-11-19 16:00" "Sent Nora's dad to her class assembly instead of going myself, because of a client meeting"
}
