# Light guilt about the phone at the playground, on a day with 40 minutes of child-led play logged (Berlin, non-ASCII).
TZ=Europe/Berlin
NOW=2026-11-18T21:00
REFLECT_DATE=2026-11-18
EXPECT="facts"
FORBID="bank community listen motto expectations schedule"
EVIDENCE="facts:engage"
steps() {
  g motto "Gut genug – und das reicht."
  g priority add "Kids" --rank 1
  g priority add "Berlin Marathon 2027" --rank 2
  g priority add "Work" --rank 3
  g run 8k 46:00 --with moms -w "2026-11-08 06:30"
  g run 6k 34:00 --with moms -w "2026-11-11 06:15"
  g run 12k 1:10:00 --with moms --type long -w "2026-11-14 08:00"
  g run 6k 33:45 --with moms -w "2026-11-17 06:15"
  g deposit 30m "Café with Anke" -w "2026-11-18 12:30"
  g engage 30m -k Zoë -k Jonas --child-led -w "2026-11-12 17:00"
  g engage 20m -k Jonas -w "2026-11-13 17:30"
  g engage 45m -k Zoë -k Jonas --child-led --note "Lego" -w "2026-11-14 15:00"
  g engage 1h -k Zoë -k Jonas --note "Tierpark" -w "2026-11-15 11:00"
  g engage 25m -k Zoë --child-led -w "2026-11-16 17:00"
  g engage 20m -k Jonas --child-led -w "2026-11-17 17:30"
  g engage 40m -k Zoë --child-led --note "Spielplatz, slide races" -w "2026-11-18 16:00"
  g log -i 4 -t phone -k Zoë -w "2026-11-18 17:15" "Scrolled my phone on the bench while Zoë kept calling »Mama, schau!« from the slide"
}
