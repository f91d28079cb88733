// SPDX-License-Identifier: MIT
// The words every format of the weekly summary shares (week_render.hpp): the title, the lines
// of figures, the labels of days and moments. Private to the week's renderers
// (week_text.cpp, week_markdown.cpp, week_html.cpp, week_json.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/core/week.hpp"

namespace guilt::week_words {

inline constexpr int kMaxIntensity = 10;

// The parts of the day a run falls in, in the order the summary lists them.
inline constexpr RunSlot kSlots[] = {RunSlot::early_morning, RunSlot::daytime,
                                     RunSlot::family_hours, RunSlot::late};

// How the bank is counted, said beside it.
inline constexpr const char* kBankNote = "runs and deposits pay in, guilt moments take out";

// The head of the day table (Markdown and HTML).
inline const std::vector<std::string> kDayTableHead = {
    "Day", "Guilt moments", "Mean intensity", "Highest", "Engaged",  "Child-led",
    "Run", "Deposits",      "Good moments",   "Bank",    "Reflected"};

std::string weekday(Date d);

// "2026-W48, Mon Nov 23 - Sun Nov 29, 2026".
std::string week_title(const WeekSummary& s, std::string_view dash);

// "7 moments, mean intensity 5.6, highest 8".
std::string guilt_line(const GuiltFigures& g);

// "the week before", or while the week is not over "the same 2 days of the week before".
std::string week_before(const WeekChange& c);

// "2 more than the week before (5, mean 5.0)".
std::string guilt_change(const WeekSummary& s);

std::string engaged_change(const WeekSummary& s);

// "school 3, work 2".
std::string tallies(const std::vector<Tally>& ts, std::string_view prefix = "");

std::string slot_name(RunSlot slot);

std::string_view slot_key(RunSlot slot);

// "3 runs, 24 km in 2:16:00 (5:40 /km)".
std::string runs_line(const WeekSummary& s);

// "with moms 2, solo 1; the kids took part in 1 run".
std::string runs_with(const WeekSummary& s);

// "early morning 2, family hours 1".
std::string runs_when(const WeekSummary& s);

std::string engaged_line(const WeekSummary& s);

std::string kid_line(const KidTime& k);

std::string deposits_line(const WeekSummary& s);

// "+2", "0", "-1".
std::string balance_value(const std::optional<Balance>& b);

// The bank on the last day that has happened, and on the first.
std::string bank_line(const WeekSummary& s);

std::string days_list(const std::vector<Date>& days);

std::string moment_when(const MomentLine& m);

std::string intensity_of(const MomentLine& m);

// The heaviest moments, heaviest first, then the latest.
std::vector<const MomentLine*> heaviest(const WeekSummary& s, std::size_t n);

// "Thu Nov 26 19:40".
std::string win_when(const GoodMoment& w);

// "2 good moments", or a word for a week without one.
std::string wins_line(const WeekSummary& s);

// One row per day for the day table, each cell escaped with `escape`; `none` for no figure.
std::vector<std::vector<std::string>> day_rows(const WeekSummary& s,
                                               std::string (*escape)(std::string_view),
                                               std::string_view none);

std::string priority_line(const Priority& p);

}  // namespace guilt::week_words
