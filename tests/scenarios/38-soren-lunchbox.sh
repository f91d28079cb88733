# Forgotten lunches keep coming back under Lunch/LUNCH/lunch tags, in Danish-flavoured text with ø, emoji and an em dash.
TZ=Europe/Copenhagen
NOW=2026-11-20T21:00
REFLECT_DATE=2026-11-20
EXPECT="listen"
FORBID="bank community schedule"
EVIDENCE="listen:guilt"
steps() {
  g motto "Vi gør det så godt vi kan."
  g priority add "Børnene" --rank 1
  g priority add "Copenhagen Marathon" --rank 2
  g run 6k 34:00 --with moms -w "2026-11-09 06:00"
  g run 6k 33:40 --with moms -w "2026-11-12 06:00"
  g run 14k 1:22:00 --with moms --type long -w "2026-11-15 08:00"
  g run 6k 33:50 --with moms -w "2026-11-18 06:00"
  g run 5k 27:30 --with moms -w "2026-11-20 06:00"
  g deposit 1h "sauna with Mette" -w "2026-11-19 19:00"
  g log -i 4 -t Lunch -k Søren -w "2026-11-09 07:50" "Forgot Søren's madpakke — he ate from the school's spare basket 😩"
  g log -i 5 -t LUNCH -k Ida -w "2026-11-13 08:05" "Packed Ida's lunch without the rye bread, she came home starving"
  g engage 30m -k Søren -k Ida --child-led -w "2026-11-14 16:00"
  g engage 1h -k Søren -k Ida --note "Tivoli" -w "2026-11-15 13:00"
  g engage 20m -k Ida -w "2026-11-16 17:00"
  g log -i 5 -t lunch -w "2026-11-17 07:55" "@Søren's lunchbox left on the kitchen counter. Again."
  g engage 25m -k Søren --child-led -w "2026-11-17 17:00"
  g engage 30m -k Ida --child-led -w "2026-11-18 17:00"
  g engage 20m -k Søren -k Ida -w "2026-11-19 17:15"
  g engage 30m -k Søren -k Ida --child-led --note "baking æbleskiver" -w "2026-11-20 16:30"
  g log -i 6 -t Lunch -k Ida -w "2026-11-20 08:10" "Ida's lunch today: crackers and a sad apple, next to everyone else's proper smørrebrød"
}
