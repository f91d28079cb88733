# After catastrophising about harming her son for good, facts comes first, not the running numbers.
TZ=America/Chicago
NOW=2026-11-27T22:30
REFLECT_DATE=2026-11-27
EXPECT="facts"
FORBID="community"
EVIDENCE="facts:engage"
TOP="facts"
steps() {
  g motto "Repair beats perfect."
  g priority add "Kids" --rank 1
  g run 6k 34:00 --with moms -w "2026-11-03 06:00"
  g log -i 2 -w "2026-11-03 20:00" "Late pickup"
  g run 6k 34:00 --with moms -w "2026-11-07 06:00"
  g log -i 3 -w "2026-11-07 20:00" "Frozen pizza night"
  g log -i 7 -w "2026-11-09 20:00" "Missed the recital for work"
  g run 6k 34:00 --with moms -w "2026-11-12 06:00"
  g log -i 2 -w "2026-11-12 20:00" "Forgot library day"
  g log -i 7 -w "2026-11-14 20:00" "Cancelled the playdate, too tired"
  g run 6k 34:00 --with moms -w "2026-11-18 06:00"
  g log -i 2 -w "2026-11-18 20:00" "Short with him at breakfast"
  g log -i 7 -w "2026-11-20 20:00" "Worked through his game"
  g run 6k 34:00 --with moms -w "2026-11-24 06:00"
  g engage 45m -k Owen --child-led -w "2026-11-27 17:00"
  g log -i 8 -k Owen -w "2026-11-27 21:50" "I screamed at Owen over his shoes and he flinched. I've damaged him for good, he will remember this for life"
}
