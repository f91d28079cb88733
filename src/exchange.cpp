// SPDX-License-Identifier: MIT
// Export writers (JSON in pieces, CSV, Markdown) and import readers (guilt and jrnl JSON).
#include "guilt/exchange.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

#include "guilt/entry_json.hpp"
#include "guilt/error.hpp"
#include "guilt/parse.hpp"
#include "guilt/reflect.hpp"
#include "guilt/text.hpp"

namespace guilt {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {

constexpr int kMaxMinutes = 24 * 60;            // one engagement or deposit, as capture allows
constexpr int kMaxDurationSeconds = 48 * 3600;  // one run, as parse_duration allows
constexpr int kMaxRank = 1'000'000;
constexpr std::size_t kShownChars = 40;  // of a bad value quoted in an error

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

std::string json_export_close(bool any_entries, const std::vector<Priority>& priorities,
                              const std::vector<Motto>& mottos,
                              const std::vector<FollowUp>& followups) {
    auto f = ojson::array();
    for (const auto& each : followups)
        f.push_back(followup_to_json(each));
    auto p = ojson::array();
    for (const auto& each : priorities)
        p.push_back(priority_to_json(each, false));
    auto m = ojson::array();
    for (const auto& each : mottos)
        m.push_back(motto_to_json(each));
    return fmt::format("{}],\n  \"priorities\": {},\n  \"mottos\": {},\n  \"followups\": {}\n}}\n",
                       any_entries ? "\n  " : "", indented(p.dump(2), 2, false),
                       indented(m.dump(2), 2, false), indented(f.dump(2), 2, false));
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

namespace {

// One line of her text with everything that could start markup escaped.
std::string md_escape_line(std::string_view line) {
    std::string out;
    std::size_t i = 0;
    // At the start of a line: a list bullet, a setext underline, an ordered-list number.
    if (line.front() == '-' || line.front() == '+' || line.front() == '=') out += '\\';
    while (i < line.size() && line[i] >= '0' && line[i] <= '9')
        ++i;
    if (i > 0 && i < line.size() && (line[i] == '.' || line[i] == ')')) {
        out += line.substr(0, i);
        out += '\\';
    } else {
        i = 0;
    }
    for (; i < line.size(); ++i) {
        // Emphasis, code, links, HTML and entities, headings, quotes, tables, strikethrough.
        if (std::string_view("\\`*_[]<>#|~&").find(line[i]) != std::string_view::npos) out += '\\';
        out += line[i];
    }
    return out;
}

}  // namespace

std::string md_escape(std::string_view text) {
    std::string out;
    bool blank_before = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string line;
        for (char c : text.substr(start, end - start))
            if (c != '\r') line += c;
        start = end + 1;
        // Leading blanks would make code blocks; trailing ones hard breaks.
        auto kept = trim(line);
        if (kept.empty()) {
            blank_before = !out.empty();
            continue;
        }
        if (!out.empty()) out += blank_before ? "\n\n" : "\\\n";
        blank_before = false;
        out += md_escape_line(kept);
    }
    return out;
}

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
    int secs = local_seconds_of_day(e.at);
    return fmt::format("- **{:02}:{:02}** {}\n", secs / 3600, secs / 60 % 60,
                       indented(body, 2, false));
}

// ---- import ------------------------------------------------------------------------------------

std::string_view to_string(ImportData::Source source) {
    return source == ImportData::Source::jrnl ? "jrnl" : "guilt";
}

json parse_import_json(std::string_view text) {
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
        std::string what = e.what();
        auto at = what.find("at line ");
        throw UsageError(at == std::string::npos ? "not valid JSON: " + what
                                                 : "not valid JSON " + what.substr(at));
    } catch (const json::out_of_range& e) {
        // "[json.exception.out_of_range.406] number overflow parsing '1e999'"
        std::string what = e.what();
        throw UsageError("not valid JSON: " + what.substr(what.find(']') + 2));
    }
}

namespace {

[[noreturn]] void bad(const std::string& path, std::string_view why) {
    throw UsageError(fmt::format("{}: {}", path, why));
}

// A value as written in the file, shortened, for an error message.
std::string shown(const json& v) {
    return shorten(v.dump(-1, ' ', false, json::error_handler_t::replace), kShownChars);
}

std::string child(const std::string& path, std::string_view key) {
    return fmt::format("{}/{}", path, key);
}

// The member `key` of an object, or nullptr when it is absent or null.
const json* member(const json& obj, std::string_view key) {
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

void need_object(const json& j, const std::string& path) {
    if (!j.is_object()) bad(path, fmt::format("must be an object, got {}", shown(j)));
}

// Checked text (UTF-8, no control characters, not too long), or nullopt when absent or null.
std::optional<std::string> opt_text(const json& obj, std::string_view key,
                                    const std::string& path) {
    const json* v = member(obj, key);
    if (!v) return std::nullopt;
    auto where = child(path, key);
    if (!v->is_string()) bad(where, fmt::format("must be text, got {}", shown(*v)));
    auto s = v->get<std::string>();
    check_text(s, where + ":");
    return s;
}

// Checked text that must be there and hold more than blanks.
std::string need_text(const json& obj, std::string_view key, const std::string& path) {
    auto s = opt_text(obj, key, path);
    if (!s) bad(child(path, key), "is missing");
    if (trim(*s).empty()) bad(child(path, key), fmt::format("is empty, got {}", shown(json(*s))));
    return *s;
}

std::optional<int> opt_int(const json& obj, std::string_view key, const std::string& path, int lo,
                           int hi) {
    const json* v = member(obj, key);
    if (!v) return std::nullopt;
    auto where = child(path, key);
    if (!v->is_number())
        bad(where, fmt::format("must be a number {}-{}, got {}", lo, hi, shown(*v)));
    double d = v->get<double>();
    if (d != std::floor(d))
        bad(where, fmt::format("must be a whole number {}-{}, got {}", lo, hi, shown(*v)));
    if (d < lo || d > hi) bad(where, fmt::format("must be {}-{}, got {}", lo, hi, shown(*v)));
    return static_cast<int>(d);
}

int need_int(const json& obj, std::string_view key, const std::string& path, int lo, int hi) {
    auto v = opt_int(obj, key, path, lo, hi);
    if (!v) bad(child(path, key), fmt::format("is missing (a number {}-{})", lo, hi));
    return *v;
}

bool opt_bool(const json& obj, std::string_view key, const std::string& path) {
    const json* v = member(obj, key);
    if (!v) return false;
    if (!v->is_boolean())
        bad(child(path, key), fmt::format("must be true or false, got {}", shown(*v)));
    return v->get<bool>();
}

// A list of strings, each passed through `check(value, its path)`; empty when absent or null.
template <class F>
std::vector<std::string> string_list(const json& obj, std::string_view key, const std::string& path,
                                     F check) {
    std::vector<std::string> out;
    const json* v = member(obj, key);
    if (!v) return out;
    auto where = child(path, key);
    if (!v->is_array()) bad(where, fmt::format("must be a list of text, got {}", shown(*v)));
    for (std::size_t i = 0; i < v->size(); ++i) {
        auto item_path = fmt::format("{}/{}", where, i);
        const auto& item = (*v)[i];
        if (!item.is_string()) bad(item_path, fmt::format("must be text, got {}", shown(item)));
        auto s = item.get<std::string>();
        check_text(s, item_path + ":");
        out.push_back(check(s, item_path));
    }
    return out;
}

template <std::size_t N>
std::string one_of(const std::string& value, const std::string_view (&allowed)[N],
                   const std::string& path) {
    for (auto a : allowed)
        if (a == value) return value;
    bad(path,
        fmt::format("must be one of {}, got {}", fmt::join(allowed, ", "), shown(json(value))));
}

std::string checked_uuid(const json& obj, const std::string& path, std::string_view key = "uuid") {
    auto where = child(path, key);
    auto given = opt_text(obj, key, path);
    if (!given) bad(where, "is missing (every entry and priority of a guilt export has one)");
    // Lower-case, as guilt writes them, so the same uuid in another case is the same entry.
    auto s = to_lower(*given);
    bool ok = s.size() == 36;
    for (std::size_t i = 0; ok && i < s.size(); ++i)
        ok = (i == 8 || i == 13 || i == 18 || i == 23)
                 ? s[i] == '-'
                 : std::isxdigit(static_cast<unsigned char>(s[i])) != 0;
    if (!ok)
        bad(where, fmt::format("must be a UUID like 0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60, got {}",
                               shown(json(*given))));
    return s;
}

Timestamp checked_at(const json& obj, const std::string& path) {
    auto s = opt_text(obj, "at", path);
    if (!s) bad(child(path, "at"), "is missing (a time like 2026-11-25T18:05:00-05:00)");
    return parse_iso(*s, child(path, "at") + ":");
}

std::string checked_tag(const std::string& raw, const std::string& path) {
    auto tag = to_lower(raw);
    if (!tag.empty() && tag.front() == '#') tag.erase(0, 1);
    if (extract_tags("#" + tag) != std::vector<std::string>{tag})
        bad(path, fmt::format("must be a tag of letters, digits, '-' and '_' with a letter, got {}",
                              shown(json(raw))));
    return tag;
}

std::string checked_kid(const std::string& raw, const std::string& path) {
    auto name = raw;
    if (!name.empty() && name.front() == '@') name.erase(0, 1);
    if (name.empty() || name.find_first_of(" \t\r\n,") != std::string::npos)
        bad(path,
            fmt::format("must be one name without spaces or commas, got {}", shown(json(raw))));
    return name;
}

Priority priority_from_json(const json& j, const std::string& path) {
    need_object(j, path);
    Priority p;
    p.uuid = checked_uuid(j, path);
    p.title = need_text(j, "title", path);
    p.done = opt_bool(j, "done", path);
    if (!p.done) p.rank = need_int(j, "rank", path, 1, kMaxRank);
    if (auto until = opt_text(j, "until", path))
        p.until = parse_date(*until, child(path, "until") + ":");
    return p;
}

Motto motto_from_json(const json& j, const std::string& path) {
    need_object(j, path);
    return Motto{need_text(j, "text", path), checked_at(j, path)};
}

// One follow-up: the uuid of its reflection, her answer (null: skipped), the night she answered.
FollowUp followup_from_json(const json& j, const std::string& path) {
    need_object(j, path);
    FollowUp f;
    f.reflection_uuid = checked_uuid(j, path, "reflection");
    if (auto answer = opt_text(j, "answer", path)) {
        f.answer = helped_from(*answer);
        if (!f.answer)
            bad(child(path, "answer"),
                fmt::format("must be yes, little, no or null (skipped), got {}",
                            shown(json(*answer))));
    }
    auto night = opt_text(j, "night", path);
    if (!night) bad(child(path, "night"), "is missing (the day reviewed, like 2026-11-25)");
    f.night = parse_date(*night, child(path, "night") + ":");
    f.at = checked_at(j, path);
    return f;
}

// A list of `key` at the top level, each item read by `read`.
template <class T, class F>
std::vector<T> top_list(const json& doc, std::string_view key, F read, bool required) {
    std::vector<T> out;
    auto path = fmt::format("/{}", key);
    const json* v = member(doc, key);
    if (!v) {
        if (required) bad(path, "is missing (the list of entries)");
        return out;
    }
    if (!v->is_array()) bad(path, fmt::format("must be a list, got {}", shown(*v)));
    out.reserve(v->size());
    for (std::size_t i = 0; i < v->size(); ++i)
        out.push_back(read((*v)[i], fmt::format("{}/{}", path, i)));
    return out;
}

// Seconds of the day of jrnl's "HH:MM".
int jrnl_clock(const std::string& s, const std::string& path) {
    auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
    bool ok = s.size() == 5 && digit(0) && digit(1) && s[2] == ':' && digit(3) && digit(4);
    int h = ok ? (s[0] - '0') * 10 + (s[1] - '0') : 0;
    int m = ok ? (s[3] - '0') * 10 + (s[4] - '0') : 0;
    if (!ok || h > 23 || m > 59)
        bad(path, fmt::format("must be a time like 18:05, got {}", shown(json(s))));
    return h * 3600 + m * 60;
}

bool is_word_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || u >= 0x80;
}

}  // namespace

Entry entry_from_json(const json& j, const std::string& path) {
    need_object(j, path);
    Entry e;
    e.uuid = checked_uuid(j, path);
    auto type = opt_text(j, "type", path);
    if (!type)
        bad(child(path, "type"), "is missing (guilt, run, engage, deposit, reflection or win)");
    auto t = entry_type_from(*type);
    if (!t)
        bad(child(path, "type"),
            fmt::format("must be one of guilt, run, engage, deposit, reflection, win, got {}",
                        shown(json(*type))));
    e.type = *t;
    e.at = checked_at(j, path);
    for (const auto& tag : string_list(j, "tags", path, checked_tag))
        merge_names(e.tags, {tag}, false);
    for (const auto& kid : string_list(j, "kids", path, checked_kid))
        merge_names(e.kids, {kid}, true);
    switch (e.type) {
        case EntryType::guilt:
            e.text = need_text(j, "text", path);
            e.intensity = opt_int(j, "intensity", path, 1, 10);
            break;
        case EntryType::run: {
            const json* d = member(j, "distance_m");
            auto where = child(path, "distance_m");
            if (!d) bad(where, "is missing (the distance in meters)");
            if (!d->is_number() || !(d->get<double>() > 0) || d->get<double>() > kMaxDistanceMeters)
                bad(where, fmt::format("must be more than 0 and at most {} meters, got {}",
                                       kMaxDistanceMeters, shown(*d)));
            e.distance_m = d->get<double>();
            e.duration_s = opt_int(j, "duration_s", path, 1, kMaxDurationSeconds);
            const std::string_view units[] = {"km", "mi"};
            e.unit =
                one_of(opt_text(j, "unit", path).value_or("km"), units, child(path, "unit")) == "mi"
                    ? DistanceUnit::mi
                    : DistanceUnit::km;
            e.with = string_list(j, "with", path, [](const std::string& w, const std::string& p) {
                return one_of(w, kRunCompanions, p);
            });
            if (e.with.empty()) e.with = {"solo"};
            if (e.with.size() > 1 &&
                std::find(e.with.begin(), e.with.end(), "solo") != e.with.end())
                bad(child(path, "with"),
                    fmt::format("cannot hold solo with others, got {}", shown(j["with"])));
            e.felt = opt_int(j, "felt", path, 1, 10);
            if (auto kind = opt_text(j, "kind", path))
                e.kind = one_of(*kind, kRunKinds, child(path, "kind"));
            e.text = opt_text(j, "note", path).value_or("");
            break;
        }
        case EntryType::engage:
            e.minutes = need_int(j, "minutes", path, 1, kMaxMinutes);
            e.child_led = opt_bool(j, "child_led", path);
            e.text = opt_text(j, "note", path).value_or("");
            break;
        case EntryType::deposit:
            e.minutes = opt_int(j, "minutes", path, 1, kMaxMinutes).value_or(0);
            e.text = need_text(j, "text", path);
            break;
        case EntryType::reflection: {
            auto date = opt_text(j, "date", path);
            if (!date) bad(child(path, "date"), "is missing (the day reviewed, like 2026-11-25)");
            e.date = format_date(parse_date(*date, child(path, "date") + ":"));
            auto strategy = opt_text(j, "strategy", path);
            if (!strategy) bad(child(path, "strategy"), "is missing (a strategy id like facts)");
            e.strategy = one_of(*strategy, kStrategyIds, child(path, "strategy"));
            e.prompt = opt_text(j, "prompt", path).value_or("");
            e.text = need_text(j, "answer", path);
            break;
        }
        case EntryType::win:
            e.text = need_text(j, "text", path);
            break;
    }
    return e;
}

Entry entry_from_jrnl(const json& j, const std::string& path) {
    need_object(j, path);
    auto title = opt_text(j, "title", path).value_or("");
    auto body = opt_text(j, "body", path).value_or("");
    body.erase(body.find_last_not_of(" \t\r\n") + 1);  // jrnl keeps a trailing newline at times
    Entry e;
    e.type = EntryType::guilt;
    e.text = trim(body).empty() ? title : title + "\n" + body;
    if (trim(e.text).empty()) bad(child(path, "title"), "is empty, and so is the body");
    check_text(e.text, child(path, "body") + ":");  // title and body together within the limit

    auto date_text = opt_text(j, "date", path);
    if (!date_text) bad(child(path, "date"), "is missing (a date like 2026-11-25)");
    auto time_text = opt_text(j, "time", path);
    if (!time_text) bad(child(path, "time"), "is missing (a time like 18:05)");
    auto day = parse_date(*date_text, child(path, "date") + ":");
    int seconds = jrnl_clock(*time_text, child(path, "time"));
    e.at = from_local(day, seconds, child(path, "time") + ":", *date_text + " " + *time_text);

    // jrnl lower-cases its tags and keeps their symbol: "@work", "#school", "@work/home".
    std::set<std::string> jrnl_tags;
    for (auto tag :
         string_list(j, "tags", path, [](const std::string&s, const std::string&) { return s; })) {
        if (!tag.empty() && !is_word_byte(tag.front())) tag.erase(0, 1);
        if (!tag.empty()) jrnl_tags.insert(to_lower(tag));
    }
    // An @word of the text that jrnl counted as a tag (it marks tags with @ by default) is a tag;
    // jrnl's tags may run on past guilt's words ("@work/home" holds the word "work").
    auto is_jrnl_tag = [&](const std::string& word) {
        auto w = to_lower(word);
        auto it = jrnl_tags.lower_bound(w);
        return it != jrnl_tags.end() && it->starts_with(w) &&
               (it->size() == w.size() || !is_word_byte((*it)[w.size()]));
    };
    auto valid_tag = [](const std::string& t) {
        return extract_tags("#" + t) == std::vector<std::string>{t};
    };
    for (const auto& word : extract_kids(e.text)) {
        if (!is_jrnl_tag(word))
            merge_names(e.kids, {word}, true);
        else if (valid_tag(to_lower(word)))
            merge_names(e.tags, {to_lower(word)}, false);
    }
    merge_names(e.tags, extract_tags(e.text), false);
    for (const auto& tag : jrnl_tags)
        if (valid_tag(tag)) merge_names(e.tags, {tag}, false);
    if (opt_bool(j, "starred", path)) merge_names(e.tags, {"starred"}, false);
    e.uuid = jrnl_uuid(*date_text, *time_text, e.text);
    return e;
}

ImportData read_import(const json& doc) {
    if (!doc.is_object())
        bad("/", fmt::format(
                     "must be an object holding \"entries\" (a guilt or jrnl JSON export), got {}",
                     shown(doc)));
    ImportData out;
    const json* entries = member(doc, "entries");
    if (doc.contains("format")) {
        if (doc["format"] != "guilt")
            bad("/format", fmt::format("must be \"guilt\", got {}", shown(doc["format"])));
        const json* version = member(doc, "version");
        if (!version) bad("/version", "is missing (a guilt export holds \"version\": 1)");
        if (*version != 1)
            bad("/version",
                fmt::format("must be 1, the version this guilt reads (a newer guilt wrote "
                            "this file?), got {}",
                            shown(*version)));
        out.entries = top_list<Entry>(doc, "entries", entry_from_json, true);
        out.priorities = top_list<Priority>(doc, "priorities", priority_from_json, false);
        out.mottos = top_list<Motto>(doc, "mottos", motto_from_json, false);
        out.followups = top_list<FollowUp>(doc, "followups", followup_from_json, false);
    } else if (!entries) {
        bad("/",
            "is neither a guilt export (\"format\": \"guilt\") nor a jrnl export (\"entries\" "
            "with title, body, date and time)");
    } else {
        if (entries->is_array() && !entries->empty() && (*entries)[0].is_object() &&
            (*entries)[0].contains("type") && !(*entries)[0].contains("title"))
            bad("/format", "is missing (a guilt export holds \"format\": \"guilt\")");
        out.source = ImportData::Source::jrnl;
        out.entries = top_list<Entry>(doc, "entries", entry_from_jrnl, true);
    }

    // The same jrnl entry twice is one entry; the same uuid twice in a guilt export is damage.
    std::unordered_set<std::string> seen;
    std::vector<Entry> unique;
    unique.reserve(out.entries.size());
    for (std::size_t i = 0; i < out.entries.size(); ++i) {
        if (seen.insert(out.entries[i].uuid).second)
            unique.push_back(std::move(out.entries[i]));
        else if (out.source == ImportData::Source::guilt)
            bad(fmt::format("/entries/{}/uuid", i),
                fmt::format("is the uuid of an earlier entry in this file, got \"{}\"",
                            out.entries[i].uuid));
    }
    out.entries = std::move(unique);
    seen.clear();
    for (std::size_t i = 0; i < out.priorities.size(); ++i)
        if (!seen.insert(out.priorities[i].uuid).second)
            bad(fmt::format("/priorities/{}/uuid", i),
                fmt::format("is the uuid of an earlier priority in this file, got \"{}\"",
                            out.priorities[i].uuid));
    return out;
}

std::string stable_uuid(std::string_view data) {
    // FNV-1a, 64 bits (Fowler, Noll, Vo). These constants are part of every jrnl import's
    // identity: changing them would make a re-import add everything again.
    constexpr std::uint64_t kPrime = 0x100000001b3ULL;
    auto fnv1a = [&](std::uint64_t h) {
        for (char c : data)
            h = (h ^ static_cast<unsigned char>(c)) * kPrime;
        return h;
    };
    const std::uint64_t halves[2] = {fnv1a(0xcbf29ce484222325ULL), fnv1a(0x6c62272e07bb0142ULL)};
    std::array<unsigned char, 16> b{};
    for (std::size_t i = 0; i < b.size(); ++i)
        b[i] = static_cast<unsigned char>(halves[i / 8] >> (56 - 8 * (i % 8)));
    return format_uuid(b, 8);  // version 8: custom
}

std::string jrnl_uuid(std::string_view date, std::string_view time, std::string_view text) {
    return stable_uuid(fmt::format("{} {}\n{}", date, time, text));
}

}  // namespace guilt
