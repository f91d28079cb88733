# An intensity-9 blow-up and harsh self-labelling, and she has never set a motto (it should suggest one).
TZ=America/Phoenix
NOW=2026-11-16T21:00
REFLECT_DATE=2026-11-16
EXPECT="motto facts"
FORBID="community listen schedule expectations priorities"
EVIDENCE="motto:guilt facts:engage"
steps() {
  g priority add "Kids" --rank 1
  g priority add "Nursing degree" --rank 2
  g priority add "Running" --rank 3
  g run 6k 35:00 --with moms -w "2026-11-05 05:15"
  g run 10k 58:00 --with moms --type long -w "2026-11-08 05:30"
  g run 6k 34:30 --with moms -w "2026-11-12 05:15"
  g run 12k 1:10:00 --with moms --type long -w "2026-11-15 05:30"
  g engage 30m -k Dani -k Marco --child-led -w "2026-11-10 17:00"
  g engage 20m -k Marco -w "2026-11-11 17:30"
  g engage 25m -k Dani --child-led -w "2026-11-12 17:00"
  g engage 40m -k Dani -k Marco --note "pool" -w "2026-11-13 16:00"
  g engage 1h -k Dani -k Marco --child-led --note "desert hike" -w "2026-11-14 09:00"
  g engage 30m -k Marco --child-led -w "2026-11-15 16:30"
  g engage 30m -k Dani -k Marco --child-led --note "chalk drawings" -w "2026-11-16 16:00"
  g log -i 9 -k Dani -w "2026-11-16 18:25" "Screamed at Dani over spilled milk until she cried. I'm a failure as a mother."
}
