# Four weeks of numbers: guilt runs low on run days and high on the others, and none of it is about running.
# Tonight's is about work and about Iris asking her to play, which lighter run days answer (issue 20, item 4).
TZ=America/New_York
NOW=2026-11-27T21:30
REFLECT_DATE=2026-11-27
EXPECT="better-mom priorities"
FORBID="community example"
EVIDENCE="better-mom:run priorities:guilt"
steps() {
  g motto "Run it off, love them hard."
  g priority add "Kids" --rank 1
  g priority add "Marriage" --rank 2
  g priority add "Work" --rank 3
  g run 6k 34:00 --with moms -w "2026-11-03 06:00"
  g log -i 2 -t work -w "2026-11-03 12:30" "Left the team lunch early to do pickup"
  g log -i 7 -t work -k Iris -w "2026-11-05 19:00" "Boss called during Iris's recital and I stepped out to take it"
  g run 5k 33:00 --with kids --with moms --note "parkrun with Iris and Sam" -w "2026-11-07 08:00"
  g log -i 3 -t food -w "2026-11-07 18:00" "Takeout again for dinner"
  g log -i 6 -t food -w "2026-11-10 18:30" "Chicken nuggets for dinner three nights this week"
  g run 8k 45:00 --with moms -w "2026-11-12 06:00"
  g log -i 3 -t school -w "2026-11-12 20:00" "Forgot to sign @Iris's reading log"
  g log -i 7 -t school -k Sam -w "2026-11-14 16:00" "Sam's teacher emailed about missing homework, I hadn't even checked his folder"
  g run 6k 33:30 --with moms -w "2026-11-17 06:00"
  g log -i 2 -t bedtime -w "2026-11-17 20:30" "Skipped one bedtime story to finish a slide deck"
  g log -i 6 -t health -k Sam -w "2026-11-19 15:00" "Forgot Sam's allergy appointment, the next slot is in January"
  g run 5k 31:00 --with kids --note "parkrun, Iris ran the last km with me" -w "2026-11-21 08:00"
  g log -i 3 -t money -k Sam -w "2026-11-21 17:00" "Said no to the expensive soccer camp for Sam"
  g run 6k 34:10 --with moms -w "2026-11-24 06:00"
  g log -i 2 -t laundry -k Sam -w "2026-11-24 19:00" "Sam wore the same hoodie three days straight because the laundry piled up"
  g engage 30m -k Iris -k Sam --child-led -w "2026-11-22 15:00"
  g engage 1h -k Iris -k Sam --note "Thanksgiving pie baking" -w "2026-11-26 10:00"
  g engage 20m -k Iris -w "2026-11-27 18:00"
  g log -i 8 -t work -k Iris -w "2026-11-27 16:30" "Worked all day after Thanksgiving while Iris begged me to play"
}
