# Screen time keeps coming back in her words, though she never tags it.
TZ=America/Los_Angeles
NOW=2026-11-24T21:00
REFLECT_DATE=2026-11-24
EXPECT="listen"
FORBID="bank community schedule"
EVIDENCE="listen:guilt"
steps() {
  g motto "Present, not perfect."
  g priority add "Kids" --rank 1
  g priority add "Health" --rank 2
  g priority add "Work" --rank 3
  g run 6k 35:10 --with moms -w "2026-11-15 06:00"
  g run 5k 28:50 --with moms -w "2026-11-18 05:45"
  g run 16k 1:32:00 --with moms --type long -w "2026-11-21 07:00"
  g run 6k 34:40 --with moms -w "2026-11-23 06:00"
  g deposit 30m "read my library book in the parked car" -w "2026-11-22 15:00"
  g deposit 1h "coffee with Priya" -w "2026-11-24 10:00"
  g log -i 5 -w "2026-11-12 18:10" "Put the iPad on so I could cook dinner, @Eli watched for two hours"
  g log -i 5 -k June -w "2026-11-17 17:45" "More screen time while I finished a call, June asked me to turn it off and I said five more minutes"
  g engage 30m -k Eli -k June --child-led --note "Lego city" -w "2026-11-18 16:30"
  g engage 20m -k June -w "2026-11-19 17:00"
  g log -i 6 -k Eli -w "2026-11-20 16:30" "Eli threw a fit when I took the tablet away, and I'm the one who handed it to him"
  g engage 25m -k Eli --child-led -w "2026-11-20 18:30"
  g engage 1h -k Eli -k June --note "beach walk" -w "2026-11-21 14:00"
  g engage 40m -k Eli -k June --child-led -w "2026-11-22 10:00"
  g engage 20m -k Eli -w "2026-11-23 17:15"
  g engage 30m -k June --child-led -w "2026-11-24 16:00"
  g log -i 6 -w "2026-11-24 18:20" "Cartoons on the TV again so I could fold laundry. Way too much screen time in this house."
}
