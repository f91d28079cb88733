# One light moment about a list that did not get done (and a "pharmacy run" that is not a run).
TZ=America/Sao_Paulo
NOW=2026-11-11T22:00
REFLECT_DATE=2026-11-11
EXPECT="expectations"
FORBID="bank community listen schedule motto facts better-mom"
EVIDENCE="expectations:guilt"
steps() {
  g motto "Feito é melhor que perfeito."
  g priority add "Kids" --rank 1
  g priority add "Work" --rank 2
  g priority add "Running" --rank 3
  g run 6k 34:00 --with moms -w "2026-11-01 06:00"
  g run 6k 33:40 --with moms -w "2026-11-04 05:45"
  g run 12k 1:09:00 --with moms --type long -w "2026-11-07 07:00"
  g run 6k 33:30 --with moms -w "2026-11-10 05:45"
  g deposit 45m "lunch with Carla" -w "2026-11-11 12:30"
  g engage 30m -k Bia -k Tomás --child-led -w "2026-11-05 18:00"
  g engage 20m -k Tomás -w "2026-11-06 18:30"
  g engage 1h -k Bia -k Tomás --note "Ibirapuera park" -w "2026-11-07 15:00"
  g engage 45m -k Bia --child-led -w "2026-11-08 10:00"
  g engage 25m -k Bia -k Tomás -w "2026-11-09 18:00"
  g engage 30m -k Tomás --child-led -w "2026-11-10 18:00"
  g engage 30m -k Bia --child-led --note "drawing" -w "2026-11-11 18:30"
  g log -i 4 -t todo -w "2026-11-11 21:30" "Didn't get through half my list today: the invitations for Bia's party, the work report and the pharmacy run are moving to tomorrow."
}
