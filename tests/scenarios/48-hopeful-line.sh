# A hopeful, grateful note is not guilt to argue with.
TZ=America/Toronto
NOW=2026-11-25T21:30
REFLECT_DATE=2026-11-25
EXPECT=""
FORBID="facts motto expectations listen bank"
steps() {
  g motto "We are doing fine."
  g priority add "Family" --rank 1
  g run 6k 35:00 --with moms -w "2026-11-23 06:00"
  g engage 1h -k Leo --child-led -w "2026-11-25 16:00"
  g log -i 2 -k Leo -w "2026-11-25 21:00" "Hard week with Leo's tantrums, but tonight he hugged me and I'm grateful. Maybe we're okay."
}
