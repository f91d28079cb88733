// SPDX-License-Identifier: MIT
// What the unit tests of the reflection engine (tests/unit/reflect/) share: the reviewed day and
// its clock, a journal built in code (ids from 1, in a fixed offset, against the built-in lexicon),
// what a reflection found, and the journals more than one strategy's tests read.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../builders.hpp"
#include "guilt/cli/embedded.hpp"
#include "guilt/core/lexicon.hpp"
#include "guilt/core/reflect.hpp"
#include "guilt/core/strategies.hpp"
#include "guilt/core/text.hpp"

namespace reflect_test {

using Catch::Matchers::Contains;
using guilt::Date;
using guilt::Entry;
using guilt::EntryType;
using guilt::Finding;
using guilt::Helped;
using guilt::HelpedAnswer;
using guilt::ReflectInput;

// The reviewed day: Wednesday 2026-11-25. Days in the builder are counted from it (0 = that
// day, -1 = Tuesday, -4 = Saturday), and times are wall-clock times at -05:00.
inline constexpr Date kDay{2026, 11, 25};
inline constexpr int kOffset = -5 * 3600;

inline Date day(int n) {
    return guilt::add_days(kDay, n);
}

inline guilt::Timestamp at(int n, const char* hhmm) {
    int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
    int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
    return test::local_at(day(n), h, m, kOffset);
}

inline const guilt::Lexicon& lexicon() {
    return test::built_in_lexicon();
}

using Ids = std::vector<std::int64_t>;
using test::Words;

// One journal under construction. Each entry gets the next id, starting at 1, and the builder
// returns it. Findings point into `in.entries`, so the builder must outlive them.
struct Journal {
    ReflectInput in;

    Journal() { in.day = kDay; }

    std::int64_t add(Entry e) {
        e.id = static_cast<std::int64_t>(in.entries.size()) + 1;
        in.entries.push_back(std::move(e));
        return in.entries.back().id;
    }

    std::int64_t guilt(int n, const char* hhmm, int intensity, std::string text, Words tags = {},
                       Words kids = {}) {
        return add(test::guilt_moment(at(n, hhmm), intensity, std::move(text), std::move(tags),
                                      std::move(kids)));
    }

    std::int64_t run(int n, const char* hhmm, int minutes = 30, Words with = {"solo"},
                     double km = 5) {
        std::optional<int> seconds;
        if (minutes > 0) seconds = minutes * 60;
        return add(test::run(at(n, hhmm), km * 1000, seconds, std::move(with)));
    }

    std::int64_t engage(int n, const char* hhmm, int minutes, Words kids = {}) {
        return add(test::engage(at(n, hhmm), minutes, std::move(kids)));
    }

    std::int64_t deposit(int n, const char* hhmm, int minutes, std::string text) {
        return add(test::deposit(at(n, hhmm), minutes, std::move(text)));
    }

    void priority(int rank, std::string title, std::optional<Date> until = {}, bool done = false) {
        guilt::Priority p;
        p.id = static_cast<std::int64_t>(in.priorities.size()) + 1;
        p.rank = done ? 0 : rank;
        p.title = std::move(title);
        p.until = until;
        p.done = done;
        in.priorities.push_back(std::move(p));
    }

    void motto(std::string text) { in.motto = guilt::Motto{std::move(text), at(-10, "09:00")}; }

    std::vector<Finding> reflect() const { return guilt::reflect(in, lexicon()); }
};

// The finding of `strategy`, or nullptr when it did not fire.
inline const Finding* find(const std::vector<Finding>& findings, std::string_view strategy) {
    for (const auto& f : findings)
        if (f.strategy == strategy) return &f;
    return nullptr;
}

inline bool fires(const Journal& j, std::string_view strategy) {
    return find(j.reflect(), strategy) != nullptr;
}

inline Ids ids(const Finding& f) {
    Ids out;
    for (const Entry* e : f.evidence)
        out.push_back(e->id);
    return out;
}

inline bool cites(const Finding& f, std::int64_t id) {
    auto cited = ids(f);
    return std::find(cited.begin(), cited.end(), id) != cited.end();
}

// Why `strategy` stayed silent ("reflect --explain"), or "" when it fired.
inline std::string why_silent(const Journal& j, std::string_view strategy) {
    std::vector<guilt::Silence> silent;
    guilt::reflect(j.in, lexicon(), &silent);
    for (const auto& s : silent)
        if (s.strategy == strategy) return s.why;
    return "";
}

// The situation a strategy fired with, or "" when it stayed quiet.
inline std::string situation(const Journal& j, std::string_view strategy) {
    auto findings = j.reflect();
    const Finding* f = find(findings, strategy);
    return f ? f->situation : "";
}

// Regular runs without the kids, and tonight one moment in `words`.
inline Journal regular_runs_tonight(const char* words) {
    Journal j;
    for (int n : {-20, -14, -7, -2})
        j.run(n, "06:00");
    j.guilt(0, "19:00", 5, words);
    return j;
}

// Three run days with guilt `run_guilt` and `rest` days without a run, each with one moment;
// the last rest day is the reviewed day.
inline Journal run_and_rest_days(int run_days, int run_guilt, int rest_days, int rest_guilt) {
    Journal j;
    for (int i = 0; i < run_days; ++i) {
        j.run(-2 * i - 1, "06:00", 30, {"friends"});
        j.guilt(-2 * i - 1, "19:00", run_guilt, "Forgot the permission slip");
    }
    for (int i = 0; i < rest_days; ++i)
        j.guilt(-2 * i, "19:00", rest_guilt, "Late with dinner");
    return j;
}

// A family-hour run followed by guilt on Tuesday, and one run on day `n` at `hhmm` lasting
// `minutes`, followed by guilt two hours later: schedule fires only when that run is in family
// hours too.
inline bool second_run_in_family_hours(int n, const char* hhmm, int minutes) {
    Journal j;
    j.run(-1, "17:00", 45);
    j.guilt(-1, "19:00", 5, "Missed bath time");
    auto r = j.run(n, hhmm, minutes);
    auto start = j.in.entries.back().at;
    Entry g;
    g.type = EntryType::guilt;
    g.at = {start.utc + 2 * 3600, start.offset};
    g.intensity = 5;
    g.text = "Guilty after that run";
    j.add(g);
    auto findings = j.reflect();
    const Finding* f = find(findings, "schedule");
    if (!f || !f->situation.starts_with("family-hour-runs")) return false;
    return cites(*f, r);
}

// A week of journal from day -6: engaged time on `engaged` days, guilt on `guilt_days` earlier
// days, and tonight's moment `tonight`.
inline Journal engaged_week(int engaged, int guilt_days, const char* tonight) {
    Journal j;
    j.deposit(-6, "12:00", 30, "nap");
    for (int i = 0; i < engaged; ++i)
        j.engage(-6 + i, "17:00", 20, {"Sam"});
    for (int i = 0; i < guilt_days; ++i)
        j.guilt(-1 - i, "19:00", 4, "Late with dinner");
    j.guilt(0, "20:00", 5, tonight);
    return j;
}

inline constexpr const char* kAboutAttention = "Scrolled my phone while he talked to me";

// Guilt on days -4 and -1 and no deposit: bank fires ("never") on evidence up to yesterday.
inline Journal nothing_new_tonight() {
    Journal j;
    j.guilt(-4, "18:00", 5, "Missed pickup");
    j.guilt(-1, "18:00", 5, "Late with dinner");
    return j;
}

// A night on which facts (catastrophising) and the running numbers of better-mom both fire.
inline Journal facts_and_numbers() {
    Journal j;
    for (int d = -12; d <= -1; ++d) {
        if (d % 2 == 0) {
            j.run(d, "06:00", 30, {"moms"});
            j.guilt(d, "20:00", 2, "Late pickup");
        } else {
            j.guilt(d, "20:00", 6, "Missed the game for work");
        }
    }
    j.engage(0, "17:00", 30, {"Owen"});
    j.guilt(0, "21:00", 8, "I screamed at Owen. I've damaged him for good.");
    return j;
}

inline std::vector<HelpedAnswer> answers(std::initializer_list<Helped> list, int last_day = -1) {
    std::vector<HelpedAnswer> out;
    int d = last_day - static_cast<int>(list.size()) + 1;
    for (auto h : list)
        out.push_back({day(d++), h});
    return out;
}

inline double score_of(const Journal& j, std::string_view strategy) {
    auto findings = j.reflect();
    const Finding* f = find(findings, strategy);
    return f ? f->score : -1;
}

}  // namespace reflect_test
