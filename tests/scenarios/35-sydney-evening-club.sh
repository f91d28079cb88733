# Her moms' running club meets at 6pm and guilt follows every session (Sydney, across the October DST start).
TZ=Australia/Sydney
NOW=2026-10-08T21:30
REFLECT_DATE=2026-10-08
EXPECT="schedule listen example better-mom"
FORBID="community"
EVIDENCE="schedule:run listen:guilt"
steps() {
  g motto "Strong mum, happy kids."
  g priority add "Kids" --rank 1
  g priority add "Running" --rank 2
  g run 7k 41:00 --with moms -w "2026-09-29 18:00"
  g log -i 5 -t running -w "2026-09-29 19:40" "Missed dinner with the kids for running club"
  g run 8k 47:00 --with moms -w "2026-10-01 18:00"
  g log -i 6 -t running -k Harper -w "2026-10-01 19:50" "Harper was already in bed when I got back from running club"
  g engage 1h -k Harper -k Ollie --child-led --note "footy in the park" -w "2026-10-03 10:00"
  g run 7k 40:30 --with moms -w "2026-10-06 18:00"
  g log -i 6 -t running -k Ollie -w "2026-10-06 19:45" "Running club again, missed bath time and @Ollie cried for me"
  g engage 20m -k Ollie -w "2026-10-07 17:00"
  g run 8k 46:30 --with moms -w "2026-10-08 18:00"
  g log -i 7 -t running -w "2026-10-08 19:50" "Fourth evening run in ten days and another missed dinner. Is my run worth more than dinner with them?"
}
