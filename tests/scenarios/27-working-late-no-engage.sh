# Late office nights: one engaged session in nine days, and a late-night note about barely seeing her son.
TZ=Asia/Kolkata
NOW=2026-11-20T23:15
REFLECT_DATE=2026-11-20
EXPECT="schedule facts"
FORBID="bank community listen"
steps() {
  g motto "My best is enough."
  g priority add "Kids" --rank 1
  g priority add "Work" --rank 2
  g priority add "Half marathon" --rank 3
  g run 6k 36:00 --with moms -w "2026-11-08 05:30"
  g run 6k 35:40 --with moms -w "2026-11-11 05:30"
  g run 12k 1:14:00 --with moms --type long -w "2026-11-15 05:45"
  g run 6k 35:20 --with moms -w "2026-11-18 05:30"
  g run 5k 29:50 --with moms -w "2026-11-20 05:30"
  g deposit 1h "head massage at the salon" -w "2026-11-19 13:00"
  g engage 45m -k Aarav --child-led --note "cricket in the lane" -w "2026-11-12 18:00"
  g log -i 5 -t work -k Aarav -w "2026-11-20 22:40" "Back from the office at 10pm again, Aarav was already asleep. I saw him for ten minutes at breakfast."
}
