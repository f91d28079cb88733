# Her last deposit was six days ago and a new guilt moment has come every day since.
TZ=America/Chicago
NOW=2026-11-18T21:30
REFLECT_DATE=2026-11-18
EXPECT="bank facts"
FORBID="expectations"
EVIDENCE="bank:guilt facts:engage"
steps() {
  g motto "Done is better than perfect."
  g priority add "Kids" --rank 1
  g priority add "Job" --rank 2
  g run 5k 29:40 --with moms -w "2026-11-08 06:00"
  g run 8k 46:00 --with moms -w "2026-11-10 06:00"
  g deposit 45m "yoga class at lunch" -w "2026-11-12 12:15"
  g log -i 5 -t work -k Maya -w "2026-11-13 17:50" "Picked up Maya last again, the teacher was waiting with her coat on"
  g log -i 6 -t sleep -w "2026-11-14 22:30" "Let Maya fall asleep in front of the TV because I had nothing left"
  g log -i 5 -t food -w "2026-11-15 18:40" "Frozen pizza for the third night in a row"
  g log -i 6 -t health -w "2026-11-16 08:00" "Sent @Maya to daycare with a runny nose because I had a deadline"
  g engage 20m -k Maya --child-led -w "2026-11-16 18:00"
  g log -i 5 -t money -w "2026-11-17 20:00" "Said no to the ballet trip, we can't afford it this month"
  g engage 15m -k Maya -w "2026-11-18 17:30"
  g log -i 6 -t screens -k Maya -w "2026-11-18 19:30" "Handed Maya the tablet during dinner so I could answer my boss"
}
