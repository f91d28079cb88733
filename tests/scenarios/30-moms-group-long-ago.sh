# Her moms' group stopped fitting after the clocks changed; five weeks of solo runs (New York, across the DST change).
TZ=America/New_York
NOW=2026-11-12T21:20
REFLECT_DATE=2026-11-12
EXPECT="community facts"
FORBID="bank listen schedule motto"
EVIDENCE="community:run"
steps() {
  g motto "She's doing fine, and so am I."
  g priority add "Kids" --rank 1
  g priority add "Sleep" --rank 2
  g run 5k 32:00 --with moms -w "2026-10-06 06:00"
  g run 6k 38:00 --with moms -w "2026-10-08 06:00"
  g run 5k 30:30 --with solo -w "2026-10-17 05:45"
  g run 6k 36:00 -w "2026-10-24 05:45"
  g run 8k 48:00 --with solo -w "2026-10-31 06:00"
  g run 5k 30:10 -w "2026-11-03 05:45"
  g run 6k 35:50 --with solo -w "2026-11-07 06:00"
  g run 5k 29:55 -w "2026-11-11 05:45"
  g deposit 30m "nap while the baby napped" -w "2026-11-12 12:00"
  g engage 30m -k Hazel --child-led -w "2026-11-06 16:30"
  g engage 20m -k Hazel -w "2026-11-07 10:00"
  g engage 45m -k Hazel --child-led --note "leaf piles" -w "2026-11-08 14:00"
  g engage 25m -k Hazel -w "2026-11-09 17:00"
  g engage 20m -k Hazel --child-led -w "2026-11-10 17:00"
  g engage 30m -k Hazel -w "2026-11-11 16:45"
  g engage 30m -k Hazel --child-led --note "tea party" -w "2026-11-12 16:00"
  g log -i 4 -t comparison -k Hazel -w "2026-11-12 15:40" "At pickup the other moms all seemed to have it together, matching lunchboxes and all. I felt like the only one winging it."
}
