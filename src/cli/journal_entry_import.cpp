// SPDX-License-Identifier: MIT
// The values of an import, read into checked values: a guilt entry by the rules of
// entry_rules.hpp, a jrnl entry with its words' tags and kids, the stable uuids that make a
// re-import add nothing, and a guilt export's priorities, mottos and follow-ups. The reader of
// the whole export is in journal_import.cpp.
#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "guilt/cli/journal_import.hpp"

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
namespace {

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

namespace journal_values {

namespace {

constexpr int kMaxRank = 1'000'000;

}  // namespace

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

}  // namespace journal_values

}  // namespace guilt
