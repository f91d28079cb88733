# Bedtime battles recur under Bedtime/BEDTIME/#bedtime tags, with morning and late-night entries far east of UTC.
TZ=Pacific/Auckland
NOW=2026-11-20T23:30
REFLECT_DATE=2026-11-20
EXPECT="listen"
FORBID="community schedule"
EVIDENCE="listen:guilt"
steps() {
  g motto "Tomorrow we try again."
  g priority add "Kids" --rank 1
  g priority add "Health" --rank 2
  g run 6k 35:00 --with moms -w "2026-11-08 06:00"
  g run 6k 34:30 --with moms -w "2026-11-12 06:00"
  g run 12k 1:12:00 --with moms --type long -w "2026-11-15 07:00"
  g run 6k 34:10 --with moms -w "2026-11-18 06:00"
  g run 5k 28:40 --with moms -w "2026-11-20 06:00"
  g deposit 45m "lunch in the sun" -w "2026-11-19 12:30"
  g log -i 5 -t Bedtime -k Nikau -w "2026-11-10 20:45" "Nikau cried for an hour at lights out and I lost it"
  g log -i 6 -t BEDTIME -w "2026-11-14 21:10" "Two hours of bedtime battles, I shut the door and walked away"
  g engage 30m -k Aroha -k Nikau --child-led -w "2026-11-14 16:00"
  g engage 20m -k Nikau -w "2026-11-15 16:30"
  g engage 45m -k Aroha -k Nikau --note "beach" -w "2026-11-16 10:00"
  g log -i 5 -w "2026-11-17 20:30" "#bedtime again: gave in and let @Aroha sleep in our bed"
  g engage 20m -k Aroha --child-led -w "2026-11-17 17:00"
  g engage 25m -k Nikau --child-led -w "2026-11-18 17:00"
  g engage 30m -k Aroha -k Nikau -w "2026-11-19 17:30"
  g log -i 4 -t Bedtime -w "2026-11-20 07:20" "Everyone late for school after another bad night"
  g engage 30m -k Aroha -k Nikau --child-led -w "2026-11-20 17:00"
  g log -i 6 -t bedtime -k Aroha -w "2026-11-20 23:15" "Aroha still awake at 11pm, third night this week, and I snapped at her"
}
