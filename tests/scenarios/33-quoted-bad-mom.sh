# Every run alone; a quoted "bad mom of the year!" joke, logged late at night, is not her own labelling.
TZ=America/Los_Angeles
NOW=2026-11-19T22:50
REFLECT_DATE=2026-11-19
EXPECT="community"
FORBID="motto facts bank schedule listen"
EVIDENCE="community:run"
steps() {
  g motto "Good enough is plenty."
  g priority add "Kids" --rank 1
  g priority add "Work" --rank 2
  g run 5k 29:00 --with solo -w "2026-11-01 05:30"
  g run 6k 35:00 -w "2026-11-05 05:30"
  g run 10k 58:30 --with solo --type long -w "2026-11-08 06:00"
  g run 6k 34:40 -w "2026-11-12 05:30"
  g run 12k 1:10:00 --with solo --type long -w "2026-11-15 06:00"
  g run 6k 34:20 --with solo -w "2026-11-19 05:30"
  g deposit 30m "bath with a podcast" -w "2026-11-18 20:30"
  g engage 30m -k Micah --child-led -w "2026-11-13 16:30"
  g engage 20m -k Micah -w "2026-11-14 10:00"
  g engage 45m -k Micah --child-led --note "tide pools" -w "2026-11-15 14:00"
  g engage 25m -k Micah -w "2026-11-16 17:00"
  g engage 30m -k Micah --child-led -w "2026-11-17 16:45"
  g engage 20m -k Micah -w "2026-11-18 17:00"
  g engage 30m -k Micah --child-led --note "Uno" -w "2026-11-19 18:00"
  g log -i 3 -t school -k Micah -w "2026-11-19 22:35" 'Forgot the class snack. Another mom laughed "bad mom of the year!" and honestly it was funny'
}
