// SPDX-License-Identifier: MIT
// Values read from an import's JSON, checked, with problems named by their JSON path.
#include "json_values.hpp"

#include <cctype>
#include <cmath>

#include "guilt/core/entry_rules.hpp"
#include "guilt/core/error.hpp"

namespace guilt::json_values {

namespace {

constexpr std::size_t kShownChars = 40;  // of a bad value quoted in an error

}  // namespace

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
    if (is_blank(*s)) bad(child(path, key), fmt::format("is empty, got {}", shown(json(*s))));
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

std::string checked_uuid(const json& obj, const std::string& path, std::string_view key) {
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
    return tag_rule(raw, path + ":");
}

std::string checked_kid(const std::string& raw, const std::string& path) {
    return kid_rule(raw, path + ":");
}

}  // namespace guilt::json_values
