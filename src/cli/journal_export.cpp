// SPDX-License-Identifier: MIT
// The export writers: JSON in pieces, CSV, Markdown.
#include "guilt/cli/journal_export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <unordered_set>

#include "guilt/core/entry_json.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/markup.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/reflect.hpp"
#include "guilt/core/settings.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {

// `text` with `pad` spaces after each newline, and before the first line when `first_too`.
std::string indented(const std::string& text, int pad, bool first_too) {
    const std::string spaces(static_cast<std::size_t>(pad), ' ');
    std::string out = first_too ? spaces : "";
    out.reserve(text.size() + text.size() / 4);
    for (char c : text) {
        out += c;
        if (c == '\n') out += spaces;
    }
    return out;
}

}  // namespace

// ---- export: JSON ------------------------------------------------------------------------------

std::string json_export_open(Timestamp exported_at) {
    return fmt::format(
        "{{\n  \"format\": \"guilt\",\n  \"version\": 1,\n  \"exported_at\": {},\n  \"entries\": [",
        json(format_iso(exported_at)).dump());
}

std::string json_export_entry(const Entry& e, bool first) {
    return (first ? "\n" : ",\n") + indented(entry_to_json(e, false).dump(2), 4, true);
}

namespace {

// What guilt merge reads beside the rows: "versions" (uuid -> [version, prev]), "tombstones"
// and "conflicts".
template <class Part>
std::string merge_parts(const JournalRest& rest, const Part& part) {
    auto versions = [](std::vector<std::pair<std::string, RowVersion>> rows) {
        // By uuid: the same journal exports the same text, whatever its ids.
        std::sort(rows.begin(), rows.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        auto out = ojson::object();
        for (const auto& [uuid, v] : rows)
            out[uuid] = ojson::array({v.version, v.prev});
        return out;
    };
    auto settings = ojson::object();
    for (const auto& [key, version] : rest.setting_versions)
        settings[key] = version;
    auto kids = ojson::object();
    for (const auto& [name, version] : rest.kid_versions)
        kids[name] = version;
    ojson all{{"entries", versions(rest.entry_versions)},
              {"priorities", versions(rest.priority_versions)},
              {"settings", settings},
              {"priority_order", rest.priority_order},
              {"kids", kids}};
    auto tombstones = ojson::array();
    for (const auto& t : rest.tombstones)
        tombstones.push_back({{"table", t.table}, {"uuid", t.uuid}, {"version", t.version}});
    auto conflicts = ojson::array();
    for (const auto& c : rest.conflicts)
        conflicts.push_back({{"table", c.table},
                             {"uuid", c.uuid},
                             {"field", c.field},
                             {"version", c.version},
                             {"text", c.text}});
    return part("versions", all) + part("tombstones", tombstones) + part("conflicts", conflicts);
}

}  // namespace

std::string json_export_close(bool any_entries, const JournalRest& rest) {
    auto p = ojson::array();
    for (const auto& each : rest.priorities)
        p.push_back(priority_to_json(each, false));
    auto h = ojson::array();
    for (const auto& each : rest.priority_history)
        h.push_back(priority_version_to_json(each));
    auto m = ojson::array();
    for (const auto& each : rest.mottos) {
        auto j = motto_to_json(each);
        j["uuid"] = motto_uuid(each);
        m.push_back(std::move(j));
    }
    auto f = ojson::array();
    for (const auto& each : rest.followups)
        f.push_back(followup_to_json(each));
    auto settings = ojson::object();
    for (const auto& [key, value] : rest.settings)
        settings[key] = value;
    auto showings = ojson::array();
    for (const auto& [day, strategy] : rest.showings)
        showings.push_back({{"date", format_date(day)}, {"strategy", strategy}});
    auto registry = [](const std::vector<KidNames>& names) {
        auto out = ojson::array();
        for (const auto& n : names)
            out.push_back({{"name", n.name}, {"spellings", n.spellings}});
        return out;
    };
    auto part = [](std::string_view key, const ojson& v) {
        return fmt::format(",\n  \"{}\": {}", key, indented(v.dump(2), 2, false));
    };
    return fmt::format("{}],\n  \"priorities\": {}{}{}{}{}{}{}{}{}\n}}\n",
                       any_entries ? "\n  " : "", indented(p.dump(2), 2, false),
                       part("priority_history", h), part("mottos", m), part("followups", f),
                       part("settings", settings), part("showings", showings),
                       part("kids", registry(rest.kids)), part("not_kids", registry(rest.not_kids)),
                       merge_parts(rest, part));
}

// ---- export: CSV -------------------------------------------------------------------------------

namespace {

// The columns that hold her own words.
bool is_free_text(std::string_view column) {
    return column == "text" || column == "note" || column == "prompt" || column == "answer" ||
           column == "tags" || column == "kids";
}

std::string csv_cell(const ojson& v, std::string_view column) {
    std::string s;
    if (v.is_string()) {
        s = v.get<std::string>();
    } else if (v.is_array()) {
        for (const auto& item : v)
            s += (s.empty() ? "" : "; ") + item.get<std::string>();
    } else if (!v.is_null()) {
        s = v.dump();  // numbers as in the JSON export; booleans as true/false
    }
    // A control or bidi character planted by another program is written escaped, as the
    // terminal shows it (\x1b, \u202e): the file ends up in terminals and editors.
    if (has_unprintable(s)) s = visible(s);
    // Spreadsheets run a cell that starts with = + - @ (or a tab or CR) as a formula, so her
    // words could run as one ("CSV injection"). In the free-text columns such a cell gets a
    // leading ', which spreadsheets hide. Numbers, times and fixed words never start that way
    // and are left as they are, so they still read as numbers and dates.
    if (is_free_text(column) && !s.empty() &&
        std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos)
        s.insert(0, "'");
    return csv_field(s);
}

}  // namespace

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (char c : value)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv_header() {
    return fmt::format("{}\r\n", fmt::join(kCsvColumns, ","));
}

std::string csv_row(const Entry& e) {
    const auto j = entry_to_json(e, false);
    std::string row;
    for (std::size_t i = 0; i < kCsvColumns.size(); ++i) {
        if (i > 0) row += ',';
        auto it = j.find(kCsvColumns[i]);
        if (it != j.end()) row += csv_cell(*it, kCsvColumns[i]);
    }
    return row + "\r\n";
}

// ---- export: Markdown --------------------------------------------------------------------------

std::string md_open(Timestamp exported_at) {
    return fmt::format("# guilt journal\n\n*Exported {}*\n\n", format_iso(exported_at));
}

std::string md_day_heading(Date day, bool first) {
    return fmt::format("{}## {}, {} {}, {}\n\n", first ? "" : "\n", weekday_name(day),
                       month_name(day.month), day.day, day.year);
}

std::string md_entry(const Entry& e) {
    Entry bare = e;  // the summary without her words, which follow in full
    bare.text.clear();
    std::string what;
    switch (e.type) {
        case EntryType::guilt:
            what = e.intensity ? fmt::format("guilt ({}/10)", *e.intensity) : "guilt";
            break;
        case EntryType::run:
            what = "run, " + summary(bare);
            break;
        case EntryType::engage:
            what = "time with the kids, " + summary(bare);
            break;
        case EntryType::deposit:
            what = e.minutes > 0 ? "for me, " + format_minutes(e.minutes) : "for me";
            break;
        case EntryType::reflection:
            what = fmt::format("reflection ({})", e.strategy);
            break;
        case EntryType::win:
            what = "good moment";
            break;
    }
    std::string body = md_escape(what);
    if (!trim(e.text).empty()) body += ": " + md_escape(e.text);
    return fmt::format("- **{}** {}\n", clock_label(local_seconds_of_day(e.at)),
                       indented(body, 2, false));
}

}  // namespace guilt
