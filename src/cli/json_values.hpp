// SPDX-License-Identifier: MIT
// Values read from an import's JSON, each checked and each problem named by its JSON path
// ("/entries/12/with: must be one of ..."), for journal_import.cpp (src/cli/ only).
#pragma once

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/core/calendar.hpp"
#include "guilt/core/text.hpp"

namespace guilt::json_values {

using json = nlohmann::json;

[[noreturn]] void bad(const std::string& path, std::string_view why);

// A value as written in the file, shortened, for an error message.
std::string shown(const json& v);

std::string child(const std::string& path, std::string_view key);

// The member `key` of an object, or nullptr when it is absent or null.
const json* member(const json& obj, std::string_view key);

// Refuses anything but an object at `path`.
void need_object(const json& j, const std::string& path);

// Checked text (UTF-8, no control characters, not too long), or nullopt when absent or null.
std::optional<std::string> opt_text(const json& obj, std::string_view key, const std::string& path);

// Checked text that must be there and hold more than blanks.
std::string need_text(const json& obj, std::string_view key, const std::string& path);

// A whole number lo-hi, or nullopt when absent or null.
std::optional<int> opt_int(const json& obj, std::string_view key, const std::string& path, int lo,
                           int hi);

// A whole number lo-hi that must be there.
int need_int(const json& obj, std::string_view key, const std::string& path, int lo, int hi);

// true or false; false when absent or null.
bool opt_bool(const json& obj, std::string_view key, const std::string& path);

// A UUID, lower-cased, that must be there.
std::string checked_uuid(const json& obj, const std::string& path, std::string_view key = "uuid");

// "at": an RFC 3339 time that must be there.
Timestamp checked_at(const json& obj, const std::string& path);

std::string checked_tag(const std::string& raw, const std::string& path);

std::string checked_kid(const std::string& raw, const std::string& path);

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

}  // namespace guilt::json_values
