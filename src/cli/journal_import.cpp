// SPDX-License-Identifier: MIT
// The import readers: a guilt or jrnl JSON export read back into checked values.
#include "guilt/cli/journal_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>
#include <unordered_set>

#include "guilt/cli/jrnl_text.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/entry_rules.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/reflect.hpp"
#include "guilt/core/settings.hpp"
#include "guilt/core/text.hpp"
#include "json_values.hpp"

namespace guilt {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using namespace json_values;

namespace {

constexpr int kMaxRank = 1'000'000;

}  // namespace

std::string_view to_string(ImportData::Source source) {
    return source == ImportData::Source::jrnl ? "jrnl" : "guilt";
}

namespace {

std::string json_error_message(const std::exception& e);

}  // namespace

json parse_import_json(std::string_view text) {
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        throw UsageError(json_error_message(e));
    } catch (const json::out_of_range& e) {
        throw UsageError(json_error_message(e));
    }
}

namespace {

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

// One version of the priorities' history: a priority as the list held it, "from" and "to".
PriorityVersion priority_version_from_json(const json& j, const std::string& path) {
    PriorityVersion v{priority_from_json(j, path), std::nullopt, std::nullopt};
    for (auto [key, utc] : {std::pair{"from", &v.from_utc}, std::pair{"to", &v.to_utc}})
        if (auto at = opt_text(j, key, path)) *utc = parse_iso(*at, child(path, key) + ":").utc;
    if (v.from_utc && v.to_utc && *v.to_utc < *v.from_utc)
        bad(child(path, "to"), fmt::format("is before \"from\", got {}", shown(j["to"])));
    return v;
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

// Refuses a time or a day after `now`, as the command line refuses a WHEN in the future.
void not_future(Timestamp at, const std::optional<Timestamp>& now, const std::string& where) {
    if (now && in_future(at, *now))
        bad(where, fmt::format("is in the future (now is {}), got \"{}\"", format_iso(*now),
                               format_iso(at)));
}

void not_future(Date day, const std::optional<Timestamp>& now, const std::string& where) {
    if (now && in_future(day, *now))
        bad(where, fmt::format("is in the future (today is {}), got \"{}\"",
                               format_date(local_date(*now)), format_date(day)));
}

// The times of the rest of a guilt export, none after `now`.
void check_not_future(const JournalRest& rest, const std::optional<Timestamp>& now) {
    for (std::size_t i = 0; i < rest.mottos.size(); ++i)
        not_future(rest.mottos[i].at, now, fmt::format("/mottos/{}/at", i));
    for (std::size_t i = 0; i < rest.followups.size(); ++i) {
        not_future(rest.followups[i].at, now, fmt::format("/followups/{}/at", i));
        not_future(rest.followups[i].night, now, fmt::format("/followups/{}/night", i));
    }
    for (std::size_t i = 0; i < rest.showings.size(); ++i)
        not_future(rest.showings[i].first, now, fmt::format("/showings/{}/date", i));
}

bool is_word_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || u >= 0x80;
}

}  // namespace

namespace {

// Reads one field of an entry of the type `e` already has, by the rules of entry_rules.hpp.
void read_field(const json& j, const FieldRule& rule, const std::string& path, Entry& e) {
    const auto key = to_string(rule.field);
    const auto where = child(path, key);
    const auto text_or_empty = [&] { return opt_text(j, key, path).value_or(""); };
    switch (rule.field) {
        case Field::text:
        case Field::answer:
        case Field::note:
            e.text = rule.required ? need_text(j, key, path) : text_or_empty();
            break;
        case Field::intensity:
            e.intensity = opt_int(j, key, path, kMinScale, kMaxScale);
            break;
        case Field::felt:
            e.felt = opt_int(j, key, path, kMinScale, kMaxScale);
            break;
        case Field::distance_m: {
            const json* d = member(j, key);
            if (!d) bad(where, "is missing (the distance in meters)");
            if (!d->is_number() || !(d->get<double>() > 0) || d->get<double>() > kMaxDistanceMeters)
                bad(where, fmt::format("must be more than 0 and at most {} meters, got {}",
                                       kMaxDistanceMeters, shown(*d)));
            e.distance_m = d->get<double>();
            break;
        }
        case Field::duration_s:
            e.duration_s = opt_int(j, key, path, 1, kMaxRunSeconds);
            break;
        case Field::unit: {
            static constexpr std::string_view kUnits[] = {"km", "mi"};
            auto unit = opt_text(j, key, path);
            e.unit = unit && one_of_rule(*unit, kUnits, where + ":") == "mi" ? DistanceUnit::mi
                                                                             : DistanceUnit::km;
            break;
        }
        case Field::with:
            e.with = companions_rule(string_list(j, key, path,
                                                 [](const std::string& w, const std::string& p) {
                                                     return one_of_rule(w, kRunCompanions, p + ":");
                                                 }),
                                     where + ":");
            if (e.with.empty()) e.with = {"solo"};
            break;
        case Field::kind:
            if (auto kind = opt_text(j, key, path))
                e.kind = one_of_rule(*kind, kRunKinds, where + ":");
            break;
        case Field::minutes:
            e.minutes = rule.required ? need_int(j, key, path, 1, kMaxMinutes)
                                      : opt_int(j, key, path, 1, kMaxMinutes).value_or(0);
            break;
        case Field::child_led:
            e.child_led = opt_bool(j, key, path);
            break;
        case Field::date: {
            auto date = opt_text(j, key, path);
            if (!date) bad(where, "is missing (the day reviewed, like 2026-11-25)");
            e.date = format_date(parse_date(*date, where + ":"));
            break;
        }
        case Field::strategy: {
            auto strategy = opt_text(j, key, path);
            if (!strategy) bad(where, "is missing (a strategy id like facts)");
            e.strategy = one_of_rule(*strategy, strategy_ids(), where + ":");
            break;
        }
        case Field::prompt:
            e.prompt = text_or_empty();
            break;
    }
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
    merge_names(e.tags, string_list(j, "tags", path, checked_tag), false);
    merge_names(e.kids, string_list(j, "kids", path, checked_kid), true);
    check_name_count(e.tags.size(), child(path, "tags"), "tags");
    check_name_count(e.kids.size(), child(path, "kids"), "kids");
    for (const auto& rule : fields_of(e.type))
        read_field(j, rule, path, e);
    return e;
}

Entry entry_from_jrnl(const json& j, const std::string& path) {
    need_object(j, path);
    auto title = opt_text(j, "title", path).value_or("");
    auto body = opt_text(j, "body", path).value_or("");
    body.erase(body.find_last_not_of(" \t\r\n") + 1);  // jrnl keeps a trailing newline at times
    Entry e;
    e.type = EntryType::guilt;
    e.text = is_blank(body) ? title : title + "\n" + body;
    if (is_blank(e.text)) bad(child(path, "title"), "is empty, and so is the body");
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
    std::vector<std::string> kids, tags;
    for (const auto& word : extract_kids(e.text)) {
        if (!is_jrnl_tag(word))
            kids.push_back(word);
        else if (valid_tag(to_lower(word)))
            tags.push_back(to_lower(word));
    }
    merge_names(e.kids, kids, true);
    merge_names(e.tags, tags, false);
    merge_names(e.tags, extract_tags(e.text), false);
    tags.clear();
    for (const auto& tag : jrnl_tags)
        if (valid_tag(tag)) tags.push_back(tag);
    if (opt_bool(j, "starred", path)) tags.push_back("starred");
    merge_names(e.tags, tags, false);
    check_name_count(e.tags.size(), child(path, "tags"), "tags");
    check_name_count(e.kids.size(), child(path, "body"), "kids");
    e.uuid = jrnl_uuid(*date_text, *time_text, e.text);
    return e;
}

namespace {

std::string json_error_message(const std::exception& e) {
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    // "[json.exception.out_of_range.406] number overflow parsing '1e999'"
    std::string what = e.what();
    auto at = what.find("at line ");
    if (at != std::string::npos) return "not valid JSON " + what.substr(at);
    auto bracket = what.find("] ");
    return "not valid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
}

void check_header(const json& top) {
    if (top["format"] != "guilt")
        bad("/format", fmt::format("must be \"guilt\", got {}", shown(top["format"])));
    const json* version = member(top, "version");
    if (!version) bad("/version", "is missing (a guilt export holds \"version\": 1)");
    if (*version != 1)
        bad("/version", fmt::format("must be 1, the version this guilt reads (a newer guilt wrote "
                                    "this file?), got {}",
                                    shown(*version)));
}

std::vector<std::pair<std::string, std::string>> settings_from_json(const json& top) {
    std::vector<std::pair<std::string, std::string>> out;
    const json* v = member(top, "settings");
    if (!v) return out;
    if (!v->is_object()) bad("/settings", fmt::format("must be an object, got {}", shown(*v)));
    for (const auto& [key, value] : v->items()) {
        auto where = child("/settings", key);
        if (!value.is_string()) bad(where, fmt::format("must be text, got {}", shown(value)));
        try {
            out.emplace_back(key, check_setting(key, value.get<std::string>()));
        } catch (const UsageError& e) {
            bad(where, e.what());
        }
    }
    return out;
}

std::pair<Date, std::string> showing_from_json(const json& j, const std::string& path) {
    need_object(j, path);
    auto date = opt_text(j, "date", path);
    if (!date) bad(child(path, "date"), "is missing (the day reviewed, like 2026-11-25)");
    auto strategy = opt_text(j, "strategy", path);
    if (!strategy) bad(child(path, "strategy"), "is missing (a strategy id like facts)");
    return {parse_date(*date, child(path, "date") + ":"),
            one_of_rule(*strategy, strategy_ids(), child(path, "strategy") + ":")};
}

// One name of the kids registry: the name, and its spellings (each a kid name, kid_rule).
KidNames kid_names_from_json(const json& j, const std::string& path) {
    need_object(j, path);
    KidNames k;
    k.name = kid_rule(need_text(j, "name", path), child(path, "name") + ":");
    k.spellings = string_list(
        j, "spellings", path,
        [](const std::string& s, const std::string& at) { return kid_rule(s, at + ":"); });
    return k;
}

// The events of nlohmann's SAX parser, building a small document for each entry (handed over,
// then dropped) and one for everything outside "entries" (small: priorities, mottos, ...).
class ImportReader : public nlohmann::json_sax<json> {
  public:
    ImportReader(std::istream& in, const std::function<void(Entry&)>& on_entry,
                 const std::function<void(std::size_t)>& on_progress, std::optional<Timestamp> now)
        : m_in(in), m_on_entry(on_entry), m_on_progress(on_progress), m_now(now) {}

    ImportData finish() {
        if (!m_entries_seen) {
            if (m_top.contains("format")) {
                check_header(m_top);
                bad("/entries", "is missing (the list of entries)");
            }
            bad("/",
                "is neither a guilt export (\"format\": \"guilt\") nor a jrnl export (\"entries\" "
                "with title, body, date and time)");
        }
        decide(nullptr);
        bool has_format = m_top.contains("format");
        if (m_source == ImportData::Source::jrnl && has_format) {
            if (m_count > 0)
                bad("/format", "is there, but the entries are not those of a guilt export");
            m_source = ImportData::Source::guilt;  // an empty guilt export, "format" written last
        }
        ImportData out;
        out.source = m_source;
        if (m_source == ImportData::Source::jrnl) return out;
        if (!has_format) bad("/format", "is missing (a guilt export holds \"format\": \"guilt\")");
        check_header(m_top);
        out.rest.priorities = top_list<Priority>(m_top, "priorities", priority_from_json, false);
        out.rest.priority_history =
            top_list<PriorityVersion>(m_top, "priority_history", priority_version_from_json, false);
        out.rest.mottos = top_list<Motto>(m_top, "mottos", motto_from_json, false);
        out.rest.followups = top_list<FollowUp>(m_top, "followups", followup_from_json, false);
        out.rest.settings = settings_from_json(m_top);
        out.rest.showings =
            top_list<std::pair<Date, std::string>>(m_top, "showings", showing_from_json, false);
        check_not_future(out.rest, m_now);
        out.rest.kids = top_list<KidNames>(m_top, "kids", kid_names_from_json, false);
        out.rest.not_kids = top_list<KidNames>(m_top, "not_kids", kid_names_from_json, false);
        std::unordered_set<std::string> seen;
        for (std::size_t i = 0; i < out.rest.priorities.size(); ++i)
            if (!seen.insert(out.rest.priorities[i].uuid).second)
                bad(fmt::format("/priorities/{}/uuid", i),
                    fmt::format("is the uuid of an earlier priority in this file, got \"{}\"",
                                out.rest.priorities[i].uuid));
        return out;
    }

    bool null() override { return value(nullptr); }
    bool boolean(bool v) override { return value(v); }
    bool number_integer(number_integer_t v) override { return value(v); }
    bool number_unsigned(number_unsigned_t v) override { return value(v); }
    bool number_float(number_float_t v, const string_t&) override { return value(v); }
    bool string(string_t& v) override { return value(std::move(v)); }
    bool binary(binary_t& v) override { return value(json::binary(std::move(v))); }
    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        (m_depth == 1 ? m_key : m_pending_key) = k;
        return true;
    }
    bool parse_error(std::size_t, const std::string&,
                     const nlohmann::detail::exception& e) override {
        throw UsageError(json_error_message(e));
    }

  private:
    static constexpr std::size_t kProgressEvery = 500;  // entries

    [[noreturn]] static void bad_root(const std::string& got) {
        bad("/", fmt::format(
                     "must be an object holding \"entries\" (a guilt or jrnl JSON export), got {}",
                     got));
    }

    // Where a new value goes: a member of the root (into m_top), the "entries" list itself (not
    // built: nullptr), one of its items (m_item), or inside one of those.
    json* place(json&& v) {
        if (m_depth == 1) {
            if (m_key != "entries") {
                auto& slot = m_top[m_key];
                slot = std::move(v);
                return &slot;
            }
            m_entries_seen = true;
            if (!v.is_array())
                bad("/entries", fmt::format("must be a list, got {}",
                                            v.is_object() ? std::string("an object") : shown(v)));
            m_in_entries = true;
            return nullptr;
        }
        if (m_in_entries && m_depth == 2) {
            m_item = std::move(v);
            return &m_item;
        }
        json* parent = m_stack.back();
        if (parent->is_array()) {
            parent->push_back(std::move(v));
            return &parent->back();
        }
        auto& slot = (*parent)[m_pending_key];
        slot = std::move(v);
        return &slot;
    }

    bool value(json&& v) {
        if (m_depth == 0) bad_root(shown(v));
        place(std::move(v));
        if (m_in_entries && m_depth == 2) item_done();
        return true;
    }

    bool open(json&& v) {
        // Deep nesting is refused before it is built: nothing here recurses on it either.
        if (m_depth >= kMaxImportDepth)
            throw UsageError(fmt::format(
                "is nested deeper than {} levels (a guilt export nests 4): not an export",
                kMaxImportDepth));
        if (m_depth == 0) {
            if (!v.is_object()) bad_root("a list");
            m_stack.push_back(nullptr);  // the root: its members go to m_top
        } else {
            m_stack.push_back(place(std::move(v)));
        }
        ++m_depth;
        return true;
    }

    bool close() {
        --m_depth;
        m_stack.pop_back();
        if (m_in_entries && m_depth == 2)
            item_done();
        else if (m_in_entries && m_depth == 1)
            m_in_entries = false;
        return true;
    }

    // Guilt or jrnl, told at the first entry from the "format" read so far and the entry's shape
    // (a "format" written after the entries is checked at the end).
    void decide(const json* first) {
        if (m_decided) return;
        m_decided = true;
        bool guilt_shaped =
            first && first->is_object() && first->contains("type") && !first->contains("title");
        if (m_top.contains("format")) check_header(m_top);
        m_source = m_top.contains("format") || guilt_shaped ? ImportData::Source::guilt
                                                            : ImportData::Source::jrnl;
    }

    void item_done() {
        decide(&m_item);
        auto path = fmt::format("/entries/{}", m_index++);
        bool guilt = m_source == ImportData::Source::guilt;
        Entry e = guilt ? entry_from_json(m_item, path) : entry_from_jrnl(m_item, path);
        m_item = nullptr;
        not_future(e.at, m_now, path + (guilt ? "/at" : "/date"));
        if (e.type == EntryType::reflection)
            not_future(parse_date(e.date, ""), m_now, path + "/date");
        // The same jrnl entry twice is one entry; the same uuid twice in a guilt export is damage.
        if (!m_seen.insert(e.uuid).second) {
            if (guilt)
                bad(path + "/uuid",
                    fmt::format("is the uuid of an earlier entry in this file, got \"{}\"",
                                e.uuid));
            return;
        }
        ++m_count;
        m_on_entry(e);
        if (m_on_progress && m_count % kProgressEvery == 0) {
            auto at = m_in.rdbuf()->pubseekoff(0, std::ios::cur, std::ios::in);
            if (at >= 0) m_on_progress(static_cast<std::size_t>(at));
        }
    }

    std::istream& m_in;
    const std::function<void(Entry&)>& m_on_entry;
    const std::function<void(std::size_t)>& m_on_progress;
    std::optional<Timestamp> m_now;  // times after it are refused
    int m_depth = 0;
    std::vector<json*> m_stack;   // the containers open, innermost last (nullptr: not built)
    json m_top = json::object();  // the root's members but "entries"
    json m_item;                  // the entry being read
    std::string m_key, m_pending_key;
    bool m_entries_seen = false, m_in_entries = false, m_decided = false;
    ImportData::Source m_source = ImportData::Source::guilt;
    std::size_t m_index = 0, m_count = 0;
    std::unordered_set<std::string> m_seen;
};

}  // namespace

namespace {

// Reads jrnl's plain-text journal: each entry as its JSON export would give it.
ImportData read_jrnl_text_entries(const std::string& first_line, std::istream& in,
                                  const std::function<void(Entry&)>& on_entry,
                                  std::optional<Timestamp> now) {
    std::unordered_set<std::string> seen;
    std::size_t count = 0;
    read_jrnl_text(first_line, in, [&](const json& j, std::size_t line) {
        auto path = fmt::format("line {}", line);
        Entry e = entry_from_jrnl(j, path);
        not_future(e.at, now, path);
        if (!seen.insert(e.uuid).second) return;  // the same entry twice is one entry
        ++count;
        on_entry(e);
    });
    if (count == 0) throw UsageError("holds no jrnl entries; there is nothing in it to import");
    ImportData out;
    out.source = ImportData::Source::jrnl;
    return out;
}

// Whether `in` holds nothing but white space (and a byte order mark): consumes those.
bool only_blanks(std::istream& in) {
    if (in.peek() == 0xEF) {
        in.get();
        if (in.peek() != 0xBB) {
            in.unget();
            return false;
        }
        in.get();
        in.get();
    }
    in >> std::ws;
    return in.peek() == std::char_traits<char>::eof();
}

}  // namespace

ImportData read_import_stream(std::istream& in, const std::function<void(Entry&)>& on_entry,
                              const std::function<void(std::size_t)>& on_progress,
                              std::optional<Timestamp> now) {
    if (only_blanks(in)) throw UsageError("is empty; there is nothing in it to import");
    if (in.peek() == '[') {  // a JSON list, or jrnl's "[2026-11-25 18:05] title"
        in.get();
        const bool digit = std::isdigit(in.peek());
        in.unget();
        std::string first;
        if (digit && std::getline(in, first)) {
            if (is_jrnl_header(first)) return read_jrnl_text_entries(first, in, on_entry, now);
            // A JSON list, refused at its first '[' as any list is: its first line is enough.
            std::istringstream line(first);
            ImportReader reader(line, on_entry, on_progress, now);
            json::sax_parse(line, &reader);
            return reader.finish();
        }
    }
    ImportReader reader(in, on_entry, on_progress, now);
    json::sax_parse(in, &reader);
    return reader.finish();
}

ImportData read_import(const json& doc, std::optional<Timestamp> now) {
    std::istringstream in(doc.dump());
    std::vector<Entry> entries;
    auto data = read_import_stream(
        in, [&](Entry& e) { entries.push_back(std::move(e)); }, {}, now);
    data.entries = std::move(entries);
    return data;
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
