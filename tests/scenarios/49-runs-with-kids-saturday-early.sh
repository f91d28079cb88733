# Runs with the kids and a 7 am Saturday long run are not family-hour runs to fix.
TZ=America/Denver
NOW=2026-11-28T20:30
REFLECT_DATE=2026-11-28
EXPECT="example"
FORBID="schedule community bank"
steps() {
  g motto "Strong mom, strong kids."
  g priority add "Kids" --rank 1
  g priority add "Half marathon" --rank 2
  g run 5k 35:00 --with kids -w "2026-11-23 17:30"
  g log -i 3 -t running -w "2026-11-23 19:30" "Jogging stroller run made dinner late"
  g run 5k 34:00 --with kids -w "2026-11-25 17:30"
  g log -i 3 -t running -w "2026-11-25 20:00" "Another run with the stroller, bath time was rushed"
  g engage 30m -k Sam --child-led -w "2026-11-26 16:00"
  g engage 30m -k Sam --child-led -w "2026-11-27 16:00"
  g run 16k 1:35:00 --with club --type long -w "2026-11-28 07:00"
  g log -i 5 -t running -w "2026-11-28 13:00" "Felt guilty about my long run this morning even though everyone was still in pajamas"
}
