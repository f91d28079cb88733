# She catches up on three days with -w tonight: bedtime battles recur, though none is dated today.
TZ=Europe/Madrid
NOW=2026-11-26T22:30
REFLECT_DATE=2026-11-26
EXPECT="listen"
FORBID="community bank"
EVIDENCE="listen:guilt"
steps() {
  g motto "Calm is a choice."
  g priority add "Kids" --rank 1
  g run 6k 33:00 --with moms -w "2026-11-21 07:00"
  g run 6k 33:00 --with moms -w "2026-11-24 07:00"
  g engage 30m -k Lucia --child-led -w "2026-11-26 17:00"
  g log -i 5 -t bedtime -k Lucia -w "2026-11-23 21:30" "Bedtime took two hours, Lucia kept getting up"
  g log -i 6 -t bedtime -k Lucia -w "2026-11-24 21:45" "Another bedtime fight, I raised my voice"
  g log -i 5 -t bedtime -k Lucia -w "2026-11-25 21:40" "Bedtime again, she cried for me to stay"
}
