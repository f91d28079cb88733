# Grandma took the kids so she could get a pedicure, and she sat there feeling selfish.
TZ=America/Halifax
NOW=2026-11-14T21:00
REFLECT_DATE=2026-11-14
EXPECT="example motto facts"
FORBID="community listen schedule expectations"
EVIDENCE="motto:guilt facts:engage"
steps() {
  g motto "A rested mom is a better mom."
  g priority add "Kids" --rank 1
  g priority add "Taking care of myself" --rank 2
  g priority add "Work" --rank 3
  g run 6k 36:00 --with moms -w "2026-11-03 06:00"
  g run 3k 24:00 --with kids --with moms --note "turkey trot practice with Lily and Ben" -w "2026-11-07 08:30"
  g run 8k 47:00 --with moms -w "2026-11-10 06:00"
  g run 6k 35:30 --with moms -w "2026-11-12 06:00"
  g engage 30m -k Lily -k Ben --child-led -w "2026-11-08 15:00"
  g engage 20m -k Ben -w "2026-11-09 17:00"
  g engage 25m -k Lily --child-led -w "2026-11-10 17:00"
  g engage 30m -k Lily -k Ben -w "2026-11-11 17:30"
  g engage 20m -k Ben --child-led -w "2026-11-12 17:00"
  g engage 30m -k Lily --child-led --note "friendship bracelets" -w "2026-11-13 17:00"
  g deposit 1h30m "pedicure and a coffee, alone" -w "2026-11-14 10:00"
  g log -i 7 -t metime -k Lily -k Ben -w "2026-11-14 12:15" "Grandma watched Lily and Ben so I could get a pedicure. Sat there feeling selfish the whole time."
  g engage 1h -k Lily -k Ben --child-led --note "fort building" -w "2026-11-14 15:00"
}
