// SPDX-License-Identifier: MIT
// Which question a strategy asks tonight: in turn after the last one asked, never one she
// answered "no" to in the last four weeks, and never one asked twice in the last thirty days.
// The earlier nights are replayed by the same rule, so that the same journal gives the same
// question on a rerun and the history needs no store of its own.
#include <algorithm>

#include "guilt/core/reflect.hpp"

namespace guilt {

namespace {

struct Asked {
    std::int64_t day;
    std::size_t question;
};

// The question to ask on `day` after `asked` (the earlier picks, oldest first), or nullopt.
std::optional<std::size_t> next(std::size_t count, const std::vector<Asked>& asked,
                                const std::vector<std::pair<Date, std::size_t>>& said_no,
                                std::int64_t day) {
    std::size_t last = asked.empty() ? count - 1 : asked.back().question;
    for (std::size_t step = 1; step <= count; ++step) {
        auto q = (last + step) % count;
        bool rested = std::any_of(said_no.begin(), said_no.end(), [&](const auto& no) {
            auto d = days_from_civil(no.first);
            return no.second == q && d < day && d >= day - kQuestionRestDays;
        });
        int times = 0;  // the askings are oldest first: only the last 30 days are read
        for (auto it = asked.rbegin(); it != asked.rend() && it->day > day - kMonthDays; ++it)
            times += it->question == q;
        if (!rested && times < kMaxAsksPerMonth) return q;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::size_t> pick_question(std::size_t count, const std::vector<Date>& shown,
                                         const std::vector<std::pair<Date, std::size_t>>& said_no,
                                         Date day) {
    if (count == 0) return std::nullopt;
    std::vector<Asked> asked;
    auto today = days_from_civil(day);
    for (Date d : shown) {
        auto n = days_from_civil(d);
        if (n >= today) break;
        if (auto q = next(count, asked, said_no, n)) asked.push_back({n, *q});
    }
    return next(count, asked, said_no, today);
}

}  // namespace guilt
