# Guilt about potty training, a priority whose season she ended in October (--until in the past).
TZ=Australia/Adelaide
NOW=2026-11-12T20:30
REFLECT_DATE=2026-11-12
EXPECT="priorities"
FORBID="bank community listen motto expectations"
EVIDENCE="priorities:guilt"
steps() {
  g motto "One thing at a time."
  g priority add "Kids" --rank 1
  g priority add "Potty training Leo" --rank 2 --until 2026-10-15
  g priority add "Work" --rank 3
  g run 5k 31:00 --with moms -w "2026-11-03 06:00"
  g run 6k 37:30 --with moms -w "2026-11-06 06:00"
  g run 10k 1:02:00 --with moms --type long -w "2026-11-08 07:00"
  g run 5k 30:40 --with moms -w "2026-11-11 06:00"
  g deposit 1h "lunch with my sister" -w "2026-11-12 13:00"
  g engage 30m -k Leo --child-led -w "2026-11-10 16:30"
  g engage 20m -k Leo -w "2026-11-11 17:00"
  g engage 45m -k Leo --child-led --note "sandpit" -w "2026-11-12 15:30"
  g log -i 4 -t potty -k Leo -w "2026-11-12 17:20" "Leo's daycare teacher asked whether we're still doing potty training. We paused it until summer, and I felt like I'd quit on him."
}
