# Two weeks of a regular runner who also logs deposits and honest guilt: the bank stays healthy.
TZ=America/New_York
NOW=2026-11-26T21:30
REFLECT_DATE=2026-11-26
EXPECT=""
FORBID="bank community"
steps() {
  g motto "Run, then hug."
  g priority add "Kids" --rank 1
  for d in 13 15 17 20 22 24 26; do g run 6k 36:00 --with moms -w "2026-11-$d 06:00"; done
  for d in 14 19 23; do g deposit 1h "yoga class" -w "2026-11-$d 19:00"; done
  for d in 13 14 15 16 17 18 19 20 21 22 23 24 25 26; do g engage 20m -k Zoe --child-led -w "2026-11-$d 17:00"; done
  for d in 14 16 18 21 23 25; do g log -i 4 -t school -w "2026-11-$d 20:00" "Forgot to check the homework folder"; done
  g log -i 3 -t food -w "2026-11-26 20:30" "Pasta again for dinner"
}
