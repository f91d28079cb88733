# Five guilt moments in one day on five different topics, ending in "I'm failing at everything".
TZ=Europe/Stockholm
NOW=2026-11-24T22:30
REFLECT_DATE=2026-11-24
EXPECT="expectations facts"
FORBID="community listen"
EVIDENCE="expectations:guilt"
steps() {
  g motto "Ingen är perfekt – inte ens jag."
  g priority add "Kids" --rank 1
  g priority add "Thesis" --rank 2
  g priority add "Running" --rank 3
  g run 6k 35:00 --with moms -w "2026-11-16 06:15"
  g run 6k 34:40 --with moms -w "2026-11-19 06:15"
  g run 14k 1:25:00 --with moms --type long -w "2026-11-22 09:00"
  g run 6k 34:30 --with moms -w "2026-11-23 06:15"
  g engage 45m -k Elsa -k Axel --child-led --note "skating" -w "2026-11-22 14:00"
  g engage 20m -k Elsa -w "2026-11-23 17:30"
  g log -i 5 -t breakfast -k Elsa -w "2026-11-24 07:40" "Elsa had a cold pancake in the car for breakfast"
  g log -i 5 -t thesis -w "2026-11-24 10:15" "Missed the chapter deadline, my supervisor had to chase me"
  g log -i 6 -t school -k Axel -w "2026-11-24 15:30" "Forgot Axel's gym clothes, the school called"
  g log -i 5 -t laundry -w "2026-11-24 18:10" "The laundry mountain fell over and nobody has clean socks"
  g log -i 7 -w "2026-11-24 21:50" "I'm failing at everything. The to-do list just gets longer and I'm always behind."
}
