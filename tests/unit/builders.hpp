// SPDX-License-Identifier: MIT
// What the unit tests build their journals from: local times, entries of each type, and the
// built-in lexicon; and the message of a refusal.
#pragma once

#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "guilt/cli/embedded.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/lexicon.hpp"
#include "guilt/core/time.hpp"
#include "guilt/core/types.hpp"

namespace test {

using Words = std::vector<std::string>;

// The message of the UsageError `fn` throws, or "" when it throws none.
inline std::string error_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const guilt::UsageError& e) {
        return e.what();
    }
    return "";
}

// HH:MM on day `d`, wall-clock time at a UTC offset of `offset` seconds.
inline guilt::Timestamp local_at(guilt::Date d, int hour, int minute, int offset) {
    return {guilt::days_from_civil(d) * 86400 + hour * 3600 + minute * 60 - offset, offset};
}

// A file of the source tree (e.g. "data/lexicon.json"), whole.
inline std::string source_file(const std::string& path) {
    std::ifstream in(std::string(GUILT_SOURCE_DIR) + "/" + path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    REQUIRE(in.good());
    return text.str();
}

// The lexicon guilt reads with: data/lexicon.json as the build compiled it.
inline const guilt::Lexicon& built_in_lexicon() {
    static const guilt::Lexicon lex =
        guilt::read_compiled_lexicon(*guilt::embedded_file("lexicon.compiled"), "built-in");
    return lex;
}

inline guilt::Entry guilt_moment(guilt::Timestamp at, int intensity, std::string text,
                                 Words tags = {}, Words kids = {}) {
    guilt::Entry e;
    e.type = guilt::EntryType::guilt;
    e.at = at;
    e.intensity = intensity;
    e.text = std::move(text);
    e.tags = std::move(tags);
    e.kids = std::move(kids);
    return e;
}

inline guilt::Entry run(guilt::Timestamp at, double meters, std::optional<int> seconds,
                        Words with = {"solo"}) {
    guilt::Entry e;
    e.type = guilt::EntryType::run;
    e.at = at;
    e.distance_m = meters;
    e.duration_s = seconds;
    e.with = std::move(with);
    return e;
}

inline guilt::Entry engage(guilt::Timestamp at, int minutes, Words kids = {},
                           bool child_led = false) {
    guilt::Entry e;
    e.type = guilt::EntryType::engage;
    e.at = at;
    e.minutes = minutes;
    e.kids = std::move(kids);
    e.child_led = child_led;
    return e;
}

inline guilt::Entry deposit(guilt::Timestamp at, int minutes, std::string text) {
    guilt::Entry e;
    e.type = guilt::EntryType::deposit;
    e.at = at;
    e.minutes = minutes;
    e.text = std::move(text);
    return e;
}

// The lines of `text`, without their newlines.
inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

inline guilt::Entry win(guilt::Timestamp at, std::string text, Words kids = {}) {
    guilt::Entry e;
    e.type = guilt::EntryType::win;
    e.at = at;
    e.text = std::move(text);
    e.kids = std::move(kids);
    return e;
}

}  // namespace test
