# Three nights: community speaks on the first, is quiet on the second (nothing new about her
# runs), and speaks again on the third after a new solo run, first: she says she feels alone.
TZ=America/New_York
NOW=2026-11-27T21:30
REFLECT_DATE=2026-11-27
EXPECT="community"
FORBID="bank"
EVIDENCE="community:run"
TOP="community"
steps() {
  g motto "Miles and smiles."
  g priority add "Kids" --rank 1
  g run 6k 36:00 --with solo -w "2026-11-18 06:00"
  g run 6k 36:00 --with solo -w "2026-11-21 06:00"
  g run 6k 36:00 --with solo -w "2026-11-24 06:00"
  for d in 20 21 22 23 24 25 26 27; do g engage 20m -k Mia --child-led -w "2026-11-$d 17:00"; done
  g log -i 6 -w "2026-11-25 20:00" "Running alone at dawn and feeling guilty and lonely about it"
  g reflect --date 2026-11-25 --no-input --record
  g log -i 5 -t work -w "2026-11-26 20:00" "Missed the school play for a meeting"
  g reflect --date 2026-11-26 --no-input --record
  g run 7k 42:00 --with solo -w "2026-11-27 06:00"
  g log -i 5 -w "2026-11-27 20:00" "Another lonely run, I wish I had someone to share this with"
}
