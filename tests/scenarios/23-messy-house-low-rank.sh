# Light guilt about a messy living room, which sits last on her ranked list.
TZ=America/Denver
NOW=2026-11-21T20:45
REFLECT_DATE=2026-11-21
EXPECT="priorities"
FORBID="bank community listen motto facts schedule example better-mom"
EVIDENCE="priorities:guilt"
steps() {
  g motto "Kids first, dishes later."
  g priority add "Kids" --rank 1
  g priority add "Sleep" --rank 2
  g priority add "Trail half marathon" --rank 3
  g priority add "Work" --rank 4
  g priority add "Tidy house" --rank 5
  g run 6k 37:00 --with moms -w "2026-11-10 05:30"
  g run 4k 30:00 --with kids --with moms --note "Owen and Ruby on their bikes" -w "2026-11-14 08:00"
  g run 7k 42:00 --with moms -w "2026-11-17 05:30"
  g run 6k 36:30 --with moms -w "2026-11-19 05:30"
  g run 14k 1:28:00 --with moms --type long -w "2026-11-21 07:00"
  g deposit 30m "bath and a book" -w "2026-11-20 21:00"
  g engage 30m -k Owen -k Ruby --child-led -w "2026-11-15 16:00"
  g engage 20m -k Ruby -w "2026-11-16 17:30"
  g engage 25m -k Owen --child-led -w "2026-11-17 17:30"
  g engage 30m -k Owen -k Ruby -w "2026-11-18 17:00"
  g engage 20m -k Ruby --child-led -w "2026-11-19 17:45"
  g engage 35m -k Owen -k Ruby --child-led --note "card games" -w "2026-11-20 18:00"
  g engage 1h -k Owen -k Ruby --child-led --note "sledding" -w "2026-11-21 13:00"
  g log -i 3 -t house -w "2026-11-21 15:30" "The Hendersons dropped by and the living room was buried in toys and laundry"
}
