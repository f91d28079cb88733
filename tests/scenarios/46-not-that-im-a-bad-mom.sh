# "Not that I'm a bad mom, but" disowns the label: no motto on a light night.
TZ=America/Los_Angeles
NOW=2026-11-25T21:00
REFLECT_DATE=2026-11-25
EXPECT=""
FORBID="motto community bank listen"
steps() {
  g motto "Present, not perfect."
  g priority add "Kids" --rank 1
  g run 5k 28:00 --with moms -w "2026-11-22 07:00"
  g run 8k 45:00 --with moms -w "2026-11-24 06:00"
  g engage 40m -k Noor --child-led -w "2026-11-25 16:30"
  g log -i 3 -k Noor -w "2026-11-25 20:30" "Not that I'm a bad mom, but I do wish I'd packed Noor a warmer coat for the trip"
}
