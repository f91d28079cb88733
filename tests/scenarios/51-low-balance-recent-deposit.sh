# Heavy days for two weeks and one short nap two days ago: the bank is near zero and says so.
TZ=America/New_York
NOW=2026-11-26T22:00
REFLECT_DATE=2026-11-26
EXPECT="bank"
FORBID="community better-mom"
EVIDENCE="bank:guilt"
steps() {
  g motto "Breathe."
  g priority add "Baby" --rank 1
  for d in 13 14 15 16 17 18 19 20 21 22 23; do g log -i 8 -t sleep -w "2026-11-$d 03:00" "Up all night with the baby again"; done
  g deposit 20m "nap while grandma held the baby" -w "2026-11-24 14:00"
  g log -i 6 -t sleep -w "2026-11-25 03:10" "Another night of feeds, snapped at my partner"
  g log -i 6 -t sleep -w "2026-11-26 02:50" "Night feeds and no end in sight"
}
