# A negation reaches only its own clause: "I'm not lazy, I'm a disaster" is still a label.
TZ=Europe/Berlin
NOW=2026-11-25T22:10
REFLECT_DATE=2026-11-25
EXPECT="motto facts"
FORBID="community listen bank"
EVIDENCE="motto:guilt"
steps() {
  g motto "Mistakes are lessons."
  g priority add "Kinder" --rank 1
  g run 6k 34:00 --with friends -w "2026-11-23 06:30"
  g deposit 45m "sauna" -w "2026-11-24 20:00"
  g engage 25m -k Jonas -w "2026-11-25 17:00"
  g log -i 5 -k Jonas -w "2026-11-25 21:45" "Forgot the school photo money again. I'm not lazy, I'm a disaster"
}
