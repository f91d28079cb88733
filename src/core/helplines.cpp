// SPDX-License-Identifier: MIT
// Reading helplines.json and finding her line.
#include "guilt/core/helplines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "guilt/core/error.hpp"

namespace guilt {

namespace {

[[noreturn]] void refuse_helplines(std::string_view source, const std::string& path,
                                   std::string_view what) {
    throw UsageError(fmt::format("{}: {}: {}", source, path, what));
}

std::string helplines_text(const nlohmann::json& obj, const char* key, std::string_view source,
                           const std::string& at, bool required) {
    if (obj.contains(key) && obj[key].is_string()) return obj[key];
    if (!required && (!obj.contains(key) || obj[key].is_null())) return {};
    refuse_helplines(source, at + "/" + key, "must be a string");
}

}  // namespace

std::optional<std::string> country_code(std::string_view code) {
    if (code.size() != 2) return std::nullopt;
    std::string out(code);
    for (auto& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') return std::nullopt;
    }
    return out;
}

Helplines parse_helplines(std::string_view json_text, std::string_view source) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::parse_error& e) {
        refuse_helplines(source, "/", fmt::format("not valid JSON (byte {})", e.byte));
    }
    if (!doc.is_object() || !doc.contains("countries") || !doc["countries"].is_object())
        refuse_helplines(source, "/countries", "must be an object keyed by ISO 3166 code");
    Helplines all;
    all.checked = helplines_text(doc, "checked", source, "", true);
    if (!doc.contains("international") || !doc["international"].is_object())
        refuse_helplines(source, "/international", "must be an object");
    all.international.service =
        helplines_text(doc["international"], "service", source, "/international", true);
    all.international.website =
        helplines_text(doc["international"], "website", source, "/international", true);
    for (const auto& [code, c] : doc["countries"].items()) {
        auto at = "/countries/" + code;
        auto iso = country_code(code);
        if (!iso || !c.is_object())
            refuse_helplines(source, at, "must be an ISO code and an object");
        Helpline line;
        line.country = *iso;
        line.name = helplines_text(c, "name", source, at, true);
        line.service = helplines_text(c, "short", source, at, true);
        line.call = helplines_text(c, "call", source, at, true);
        line.hours = helplines_text(c, "hours", source, at, true);
        line.website = helplines_text(c, "website", source, at, false);
        if (!c.contains("zones") || !c["zones"].is_array())
            refuse_helplines(source, at + "/zones", "must be a list");
        for (const auto& z : c["zones"]) {
            if (!z.is_string()) refuse_helplines(source, at + "/zones", "must hold zone names");
            line.zones.push_back(z);
        }
        all.lines.push_back(std::move(line));
    }
    return all;
}

const Helpline& helpline_for(const Helplines& all, std::string_view country,
                             std::string_view zone) {
    if (!country.empty()) {
        auto code = country_code(country);
        for (const auto& line : all.lines)
            if (line.country == code) return line;
        return all.international;  // her country, with no line in the table
    }
    for (const auto& line : all.lines)
        if (std::find(line.zones.begin(), line.zones.end(), zone) != line.zones.end()) return line;
    return all.international;
}

std::string helpline_words(const Helpline& line) {
    if (line.country.empty())
        return fmt::format("{} ({}) lists the free crisis lines of every country", line.service,
                           line.website);
    bool always = line.hours == "24/7" || line.hours.starts_with("24/7 ");
    return fmt::format("in {}, {}: call {}{}", line.name, line.service, line.call,
                       always ? ", day and night" : "");
}

}  // namespace guilt
