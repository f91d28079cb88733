// SPDX-License-Identifier: MIT
// Names of entry types and the one-line summary every view shares.
#include <fmt/format.h>

#include "guilt/core/text.hpp"
#include "guilt/core/types.hpp"

namespace guilt {

std::string_view to_string(EntryType type) {
    switch (type) {
        case EntryType::guilt:
            return "guilt";
        case EntryType::run:
            return "run";
        case EntryType::engage:
            return "engage";
        case EntryType::deposit:
            return "deposit";
        case EntryType::reflection:
            return "reflection";
        case EntryType::win:
            return "win";
    }
    return "guilt";
}

std::optional<EntryType> entry_type_from(std::string_view text) {
    for (auto t : kEntryTypes)
        if (to_string(t) == text) return t;
    return std::nullopt;
}

std::string summary(const Entry& e) {
    constexpr std::size_t kQuoteChars = 60;
    std::string out;
    switch (e.type) {
        case EntryType::guilt:
            out = e.intensity ? fmt::format("[{}] ", *e.intensity) : "[?] ";
            out += shorten(e.text, kQuoteChars);
            break;
        case EntryType::run:
            out = format_distance(e.distance_m, e.unit);
            if (e.duration_s)
                out += fmt::format(" in {} ({})", format_duration(*e.duration_s),
                                   format_pace(e.distance_m, *e.duration_s, e.unit));
            if (!e.kind.empty()) out += ", " + e.kind;
            if (e.with == std::vector<std::string>{"solo"})
                out += ", solo";
            else if (!e.with.empty())
                out += ", with " + join_and(e.with);
            if (!e.text.empty()) out += ": " + shorten(e.text, kQuoteChars / 2);
            break;
        case EntryType::engage:
            out = format_minutes(e.minutes);
            out += " with " + (e.kids.empty() ? std::string("the kids") : join_and(e.kids));
            if (e.child_led) out += ", child-led";
            if (!e.text.empty()) out += " (" + shorten(e.text, kQuoteChars / 2) + ")";
            break;
        case EntryType::deposit:
            out = e.minutes > 0 ? format_minutes(e.minutes) + " " : "";
            out += shorten(e.text, kQuoteChars);
            break;
        case EntryType::reflection:
            out = fmt::format("{} ({}): {}", e.strategy, e.date, shorten(e.text, kQuoteChars));
            break;
        case EntryType::win:
            out = shorten(e.text, kQuoteChars);
            break;
    }
    return visible(out);  // kid names and her words may hold what a terminal acts on
}

std::string describe_entry(const Entry& e) {
    static constexpr const char* kNames[] = {"guilt moment", "run",        "engaged time",
                                             "deposit",      "reflection", "good moment"};
    return fmt::format("{} #{} on {}", kNames[static_cast<int>(e.type)], e.id, moment_label(e.at));
}

}  // namespace guilt
