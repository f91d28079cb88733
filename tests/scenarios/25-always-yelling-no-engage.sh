# Distorted, self-labelling guilt about yelling, and not one minute of engaged time ever logged.
TZ=America/Chicago
NOW=2026-11-23T22:10
REFLECT_DATE=2026-11-23
EXPECT="facts motto schedule"
FORBID="community listen expectations"
EVIDENCE="motto:guilt"
steps() {
  g motto "Repair beats perfect."
  g priority add "Kids" --rank 1
  g priority add "Running" --rank 2
  g run 6k 35:00 --with moms -w "2026-11-10 05:30"
  g run 8k 47:00 --with moms -w "2026-11-14 06:00"
  g run 6k 34:50 --with moms -w "2026-11-18 05:30"
  g run 16k 1:36:00 --with moms --type long -w "2026-11-22 07:00"
  g deposit 45m "nap" -w "2026-11-22 14:00"
  g log -i 7 -t mornings -w "2026-11-23 08:05" "I always yell at @Jonah and @Tess in the mornings. I should be more patient. What a selfish mother."
}
