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
#include "journal_values.hpp"
#include "json_values.hpp"

namespace guilt {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using namespace json_values;

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

using namespace journal_values;

namespace {

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
    using OnVersion = std::function<void(const std::string&, const RowVersion&)>;

    ImportReader(std::istream& in, const std::function<void(Entry&)>& on_entry,
                 const std::function<void(std::size_t)>& on_progress, std::optional<Timestamp> now,
                 const OnVersion& on_version)
        : m_in(in),
          m_on_entry(on_entry),
          m_on_progress(on_progress),
          m_now(now),
          m_on_version(on_version) {}

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
        read_merge_meta(m_top, out.rest);
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
        if (m_in_versions && m_depth == 3) m_version_key = k;
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
        if (m_in_versions && m_depth == 3) version_done();
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
            // "versions"/"entries" after the entries: each member is handed over as it ends.
            if (m_depth == 2)
                m_in_versions = m_on_version && m_key == "versions" && m_pending_key == "entries" &&
                                v.is_object() && m_entries_seen && !m_in_entries;
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
        else if (m_in_versions && m_depth == 3)
            version_done();
        else if (m_in_versions && m_depth == 2)
            m_in_versions = false;
        return true;
    }

    // A member of "versions"/"entries", checked, handed over and dropped.
    void version_done() {
        auto& versions = *m_stack.back();
        auto it = versions.find(m_version_key);
        m_on_version(m_version_key,
                     row_version_from_json(*it, child("/versions/entries", m_version_key)));
        versions.erase(it);
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
    const OnVersion& m_on_version;
    int m_depth = 0;
    std::vector<json*> m_stack;   // the containers open, innermost last (nullptr: not built)
    json m_top = json::object();  // the root's members but "entries"
    json m_item;                  // the entry being read
    std::string m_key, m_pending_key;
    std::string m_version_key;  // of the member of "versions"/"entries" being read
    bool m_entries_seen = false, m_in_entries = false, m_decided = false, m_in_versions = false;
    ImportData::Source m_source = ImportData::Source::guilt;
    std::size_t m_index = 0, m_count = 0;
    std::unordered_set<std::string> m_seen;
};

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

ImportData read_import_stream(
    std::istream& in, const std::function<void(Entry&)>& on_entry,
    const std::function<void(std::size_t)>& on_progress, std::optional<Timestamp> now,
    const std::function<void(const std::string&, const RowVersion&)>& on_entry_version) {
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
            ImportReader reader(line, on_entry, on_progress, now, on_entry_version);
            json::sax_parse(line, &reader);
            return reader.finish();
        }
    }
    ImportReader reader(in, on_entry, on_progress, now, on_entry_version);
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

}  // namespace guilt
