# "I never get anything done" is about expectations, even in a single light moment.
TZ=Australia/Melbourne
NOW=2026-11-25T21:15
REFLECT_DATE=2026-11-25
EXPECT="expectations"
FORBID="community listen bank schedule"
EVIDENCE="expectations:guilt"
steps() {
  g motto "One thing at a time."
  g priority add "Kids" --rank 1
  g priority add "Work" --rank 2
  g run 5k 30:00 --with club -w "2026-11-23 06:00"
  g deposit 1h "swim" -w "2026-11-24 12:00"
  g engage 30m -k Ruby --child-led -w "2026-11-25 17:30"
  g log -i 4 -w "2026-11-25 21:00" "Another day and I never get anything done around here"
}
