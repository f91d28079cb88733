# A good day: ran with her moms, books and time with the kids, no guilt today and one light moment ten days ago.
TZ=America/Chicago
NOW=2026-11-22T21:00
REFLECT_DATE=2026-11-22
EXPECT=""
FORBID="bank community example better-mom priorities listen facts schedule expectations motto"
steps() {
  g motto "We're doing just fine."
  g priority add "Kids" --rank 1
  g priority add "Health" --rank 2
  g priority add "Work" --rank 3
  g run 6k 35:00 --with moms -w "2026-11-10 05:45"
  g log -i 3 -t food -w "2026-11-12 19:00" "Frozen pizza on a school night"
  g run 6k 34:50 --with moms -w "2026-11-13 05:45"
  g run 5k 36:00 --with kids --with moms --note "family 5k, Rosie on her scooter" -w "2026-11-15 08:00"
  g run 8k 46:00 --with moms -w "2026-11-17 05:45"
  g run 6k 34:30 --with moms -w "2026-11-20 05:45"
  g deposit 1h30m "book club" -w "2026-11-21 14:00"
  g run 14k 1:22:00 --with moms --type long -w "2026-11-22 07:00"
  g engage 30m -k Rosie -k Cal --child-led -w "2026-11-16 15:00"
  g engage 20m -k Cal -w "2026-11-17 17:30"
  g engage 25m -k Rosie --child-led -w "2026-11-18 17:00"
  g engage 30m -k Rosie -k Cal -w "2026-11-19 17:15"
  g engage 20m -k Cal --child-led -w "2026-11-20 17:00"
  g engage 45m -k Rosie -k Cal --child-led --note "museum" -w "2026-11-21 10:00"
  g engage 1h -k Rosie -k Cal --child-led --note "pancakes and board games" -w "2026-11-22 11:00"
}
