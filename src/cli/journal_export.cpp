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

// "uuid": [version, prev] of each row as nlohmann's dump(2) lays them out, the object's members
// at `pad` spaces, handed to `emit` a batch at a time. (An ordered_json object of them found each
// key by a linear search: 200k versions took a minute and 360 MB.)
class VersionRows {
  public:
    VersionRows(int pad, const std::function<void(std::string_view)>& emit)
        : m_pad(static_cast<std::size_t>(pad), ' '), m_emit(emit) {}
    void add(const std::string& uuid, const RowVersion& v) {
        m_out += m_count++ == 0 ? "{\n" : ",\n";
        const auto inner = m_pad + "  ";
        fmt::format_to(std::back_inserter(m_out), "{}{}: [\n{}{},\n{}{}\n{}]", m_pad,
                       ojson(uuid).dump(), inner, ojson(v.version).dump(), inner,
                       ojson(v.prev).dump(), m_pad);
        if (m_out.size() >= kBatchBytes) m_emit(std::exchange(m_out, {}));
    }
    void close() {
        m_out += m_count == 0 ? "{}" : "\n" + m_pad.substr(2) + "}";
        m_emit(std::exchange(m_out, {}));
    }

  private:
    static constexpr std::size_t kBatchBytes = 1 << 16;
    std::string m_pad;
    const std::function<void(std::string_view)>& m_emit;
    std::string m_out;
    std::size_t m_count = 0;
};

// What guilt merge reads beside the rows: "versions" (uuid -> [version, prev]), "tombstones"
// and "conflicts".
template <class Part>
void merge_parts(const JournalRest& rest, const EntryVersions& entry_versions, const Part& part,
                 const std::function<void(std::string_view)>& emit) {
    emit(",\n  \"versions\": {\n    \"entries\": ");
    VersionRows entries(6, emit);
    entry_versions([&](const std::string& uuid, const RowVersion& v) { entries.add(uuid, v); });
    entries.close();
    emit(",\n    \"priorities\": ");
    auto priorities = rest.priority_versions;  // by uuid: the same journal exports the same text
    std::ranges::sort(priorities, {}, &std::pair<std::string, RowVersion>::first);
    VersionRows rows(6, emit);
    for (const auto& [uuid, v] : priorities)
        rows.add(uuid, v);
    rows.close();
    auto settings = ojson::object();
    for (const auto& [key, version] : rest.setting_versions)
        settings[key] = version;
    auto kids = ojson::object();
    for (const auto& [name, version] : rest.kid_versions)
        kids[name] = version;
    emit(
        fmt::format(",\n    \"settings\": {},\n    \"priority_order\": {},\n    \"kids\": {}\n  }}",
                    indented(settings.dump(2), 4, false), ojson(rest.priority_order).dump(),
                    indented(kids.dump(2), 4, false)));
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
    emit(part("tombstones", tombstones) + part("conflicts", conflicts));
}

}  // namespace

void json_export_close(bool any_entries, const JournalRest& rest,
                       const EntryVersions& entry_versions,
                       const std::function<void(std::string_view)>& emit) {
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
    emit(fmt::format("{}],\n  \"priorities\": {}{}{}{}{}{}{}{}", any_entries ? "\n  " : "",
                     indented(p.dump(2), 2, false), part("priority_history", h), part("mottos", m),
                     part("followups", f), part("settings", settings), part("showings", showings),
                     part("kids", registry(rest.kids)), part("not_kids", registry(rest.not_kids))));
    merge_parts(rest, entry_versions, part, emit);
    emit("\n}\n");
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
