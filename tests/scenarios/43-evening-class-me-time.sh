# Her pottery class is time for herself, not food or sleep; she has run before, but not lately.
TZ=America/Chicago
NOW=2026-11-25T22:00
REFLECT_DATE=2026-11-25
EXPECT="example"
FORBID="community listen schedule expectations"
steps() {
  g motto "I can love them and love this."
  g priority add "Kids" --rank 1
  g run 5k 30:00 --with friends -w "2026-11-08 07:00"
  for d in 19 20 21 22 23 24; do g engage 20m -k Max --child-led -w "2026-11-$d 18:00"; done
  g deposit 2h "pottery evening class" -w "2026-11-25 18:30"
  g log -i 4 -k Max -w "2026-11-25 21:30" "My evening class means Max gets a sitter on Wednesdays, I wonder if that is fair to him"
}
