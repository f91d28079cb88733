# A mother who never runs feels guilty about her book club night; nothing may talk about runs.
TZ=Europe/London
NOW=2026-11-26T22:45
REFLECT_DATE=2026-11-26
EXPECT="example"
FORBID="better-mom community schedule"
steps() {
  g motto "A rested mum is a kinder mum."
  g priority add "Kids" --rank 1
  for d in 20 21 22 23 24 25; do g engage 30m -k Ella --child-led -w "2026-11-$d 17:00"; done
  g deposit 2h "book club at Priya's" -w "2026-11-26 19:30"
  g log -i 5 -k Ella -w "2026-11-26 22:30" "Went to book club and missed tucking Ella in, feels indulgent to sit and talk about novels"
}
