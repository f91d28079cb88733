# Reflecting on Friday from Sunday: Saturday's run, spa and harsh outburst must not count for Friday.
TZ=America/Vancouver
NOW=2026-11-22T10:30
REFLECT_DATE=2026-11-20
EXPECT="bank"
FORBID="motto expectations"
EVIDENCE="bank:guilt"
steps() {
  g motto "Small steps count."
  g priority add "Kids" --rank 1
  g priority add "Work" --rank 2
  g run 6k 36:00 --with moms -w "2026-11-07 06:00"
  g run 6k 35:30 --with moms -w "2026-11-10 06:00"
  g run 10k 1:00:00 --with moms --type long -w "2026-11-14 07:30"
  g log -i 4 -t work -w "2026-11-15 19:00" "Worked Sunday afternoon while the kids watched movies"
  g log -i 3 -t food -w "2026-11-16 20:30" "Cereal for dinner, nobody complained but still"
  g log -i 4 -t sleep -k Ava -w "2026-11-17 17:45" "Ava was up three times last night and I was short with her at breakfast"
  g engage 20m -k Ava -k Ben --child-led -w "2026-11-17 18:30"
  g log -i 3 -t school -w "2026-11-18 21:00" "Missed the school newsletter and found out about pajama day too late"
  g engage 15m -k Ben -w "2026-11-19 17:30"
  g log -i 4 -t health -k Ava -w "2026-11-20 18:30" "Moved Ava's dentist appointment again because of a meeting"
  g run 12k 1:12:00 --with moms --type long -w "2026-11-21 07:00"
  g deposit 2h "spa afternoon" -w "2026-11-21 14:00"
  g log -i 9 -w "2026-11-21 21:30" "Everything fell apart today, I'm a bad mom and my to-do list is a joke"
  g run 5k 29:30 --with moms -w "2026-11-22 08:00"
}
