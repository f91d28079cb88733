# Sarcastic self-labelling after a screen-heavy afternoon: "great parenting, as usual".
TZ=America/New_York
NOW=2026-11-24T21:30
REFLECT_DATE=2026-11-24
EXPECT="motto"
FORBID="community listen expectations bank"
EVIDENCE="motto:guilt"
TOP="motto facts"
steps() {
  g motto "Good enough is good."
  g priority add "Kids" --rank 1
  g run 5k 29:00 --with moms -w "2026-11-22 07:00"
  g deposit 1h "coffee with Jo" -w "2026-11-23 10:00"
  g engage 30m -k Lily --child-led -w "2026-11-23 17:00"
  g log -i 5 -k Lily -w "2026-11-24 20:30" "Lily watched cartoons for three hours while I cleared my inbox. Great parenting, as usual."
}
