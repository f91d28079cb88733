// SPDX-License-Identifier: MIT
// Which follow-ups are due tonight, and the spelling of her answers.
#include "guilt/core/followup.hpp"

#include <algorithm>
#include <tuple>

#include "guilt/core/text.hpp"

namespace guilt {

std::string_view to_string(Helped answer) {
    switch (answer) {
        case Helped::yes:
            return "yes";
        case Helped::little:
            return "little";
        case Helped::no:
            return "no";
    }
    return "no";
}

std::optional<Helped> helped_from(std::string_view text) {
    for (auto h : {Helped::yes, Helped::little, Helped::no})
        if (text == to_string(h)) return h;
    return std::nullopt;
}

bool says_no(std::string_view answer) {
    // Her words in lower case, punctuation as spaces, one space before and after each word.
    std::string text = " ";
    for (char c : to_lower(answer)) {
        if (c == ',' || c == '.' || c == '!' || c == ';' || c == ':' || c == '\n' || c == '\t')
            c = ' ';
        if (c != ' ' || text.back() != ' ') text += c;
    }
    if (text.back() != ' ') text += ' ';
    for (std::string_view start : {" no ", " nope ", " nah ", " none "})
        if (text.starts_with(start)) return true;
    for (std::string_view phrase :
         {" there isn't ", " there is no ", " there's no ", " there are no ", " there aren't ",
          " there isn’t ", " there’s no ", " not possible ", " impossible ", " no hay ",
          " imposible ", " no es posible "})
        if (text.find(phrase) != std::string::npos) return true;
    return false;
}

std::vector<const Entry*> due_followups(Date day, const std::vector<Entry>& recent,
                                        const std::set<std::int64_t>& followed_up) {
    auto today = days_from_civil(day);
    std::vector<std::pair<Date, const Entry*>> answered;
    for (const auto& e : recent) {
        if (e.type != EntryType::reflection || e.date.empty()) continue;
        auto night = parse_date(e.date, "reflection date");
        auto n = days_from_civil(night);
        if (n < today && n >= today - kFollowUpDays) answered.emplace_back(night, &e);
    }
    std::sort(answered.begin(), answered.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first, a.second->id) < std::tie(b.first, b.second->id);
    });
    // The first answer to each night's prompt; answering it again (reflect run again) is one.
    std::vector<const Entry*> out;
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& [night, e] : answered) {
        if (!seen.insert({e->date, e->strategy}).second || followed_up.contains(e->id)) continue;
        if (out.size() == kMaxFollowUps) break;
        out.push_back(e);
    }
    return out;
}

}  // namespace guilt
