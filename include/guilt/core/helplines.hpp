// SPDX-License-Identifier: MIT
// Crisis lines by country (data/helplines.json, carried over from a table checked by hand with
// its sources), and which one is hers: her `country` setting, else the country of her time zone,
// else an international directory.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guilt {

struct Helpline {
    std::string country;  // ISO 3166 code, e.g. "GB"; empty for the international directory
    std::string name;     // as the line names the country: "the UK"
    std::string service;  // short name: "Samaritans"
    std::string call;     // what to dial: "116 123"
    std::string hours;    // "24/7", or what the sources say
    std::string website;  // may be empty
    std::vector<std::string> zones;  // IANA zone names of the country
};

struct Helplines {
    std::string checked;  // the date the table was last checked, YYYY-MM-DD
    std::vector<Helpline> lines;
    Helpline international;  // a directory of lines in every country
};

// Reads helplines.json. Throws UsageError naming `source` and the JSON path when malformed.
Helplines parse_helplines(std::string_view json_text, std::string_view source);

// The line of `country` (an ISO 3166 code, any case) when it is set, else of the country of
// `zone` (an IANA name such as "Europe/London"), else the international directory.
const Helpline& helpline_for(const Helplines& all, std::string_view country, std::string_view zone);

// The line in words, for the support line: "in the UK, Samaritans: call 116 123, day and night";
// for the directory, where to find one.
std::string helpline_words(const Helpline& line);

// `code` in upper case when it is two ASCII letters (an ISO 3166 alpha-2 code in any case).
std::optional<std::string> country_code(std::string_view code);

}  // namespace guilt
