# Three weeks of flu: no run, no me-time, light guilt that keeps coming, and "I'm not a bad mom" is not labelling.
TZ=Europe/Dublin
NOW=2026-11-26T21:30
REFLECT_DATE=2026-11-26
EXPECT="bank"
FORBID="motto better-mom example facts"
EVIDENCE="bank:guilt"
steps() {
  g motto "Rest is part of the plan."
  g priority add "Kids" --rank 1
  g priority add "Getting well" --rank 2
  g run 8k 47:00 --with moms -w "2026-11-01 08:00"
  g log -i 3 -t health -w "2026-11-19 19:00" "Flu knocked me flat, the kids had toast for dinner"
  g engage 20m -k Finn -k Orla --note "read on the sofa" -w "2026-11-20 17:00"
  g log -i 4 -t health -k Finn -w "2026-11-21 11:00" "Missed Finn's match, still coughing on the sofa"
  g log -i 3 -t food -w "2026-11-23 18:30" "Cereal for dinner again"
  g engage 15m -k Orla -w "2026-11-23 19:00"
  g log -i 4 -t sleep -k Orla -w "2026-11-24 20:30" "Their dad did every bedtime this week, Orla asked for me"
  g engage 20m -k Finn --child-led -w "2026-11-25 17:30"
  g log -i 3 -k Finn -w "2026-11-26 19:45" "I'm not a bad mom, just tired. Skipped bath night again and Finn didn't even mind."
}
