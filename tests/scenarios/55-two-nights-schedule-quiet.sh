# Two nights: schedule names the missing engaged time on the first; on the second she logged
# engaged time today, so there is no new gap and schedule stays quiet.
TZ=America/New_York
NOW=2026-11-26T21:30
REFLECT_DATE=2026-11-26
EXPECT=""
FORBID="schedule community bank"
steps() {
  g motto "Here now."
  g priority add "Kids" --rank 1
  g run 6k 36:00 --with moms -w "2026-11-16 06:00"
  g run 6k 36:00 --with moms -w "2026-11-20 06:00"
  g run 6k 36:00 --with moms -w "2026-11-24 06:00"
  g engage 20m -k Finn --child-led -w "2026-11-19 17:00"
  g log -i 5 -t work -w "2026-11-25 20:00" "Worked late, Finn was asleep when I got home"
  g reflect --date 2026-11-25 --no-input --record
  g engage 30m -k Finn --child-led -w "2026-11-26 17:00"
  g log -i 4 -t work -w "2026-11-26 20:00" "Still behind at work, the deadline is tomorrow"
}
