// SPDX-License-Identifier: MIT
// The preference keys and their validation.
#include "guilt/core/settings.hpp"

#include <fmt/format.h>

#include "guilt/core/error.hpp"
#include "guilt/core/helplines.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/remind.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

const std::vector<SettingSpec>& setting_specs() {
    static const std::vector<SettingSpec> kSpecs = {
        {"unit", "km", "km or mi", "distances and paces in summaries"},
        {"week-start", "monday", "monday or sunday", "the first day of a week in guilt week"},
        {"day-boundary", "4", "an hour 0-23",
         "when her day ends: before this hour, a moment counts with the day before"},
        {"intensity", "5", "1-10", "the intensity of a guilt moment logged without -i"},
        {"country", "", "a two-letter ISO 3166 code such as GB, or empty for your time zone's",
         "whose crisis line guilt reflect names on a heavy night"},
        {"remind-at", "21:00", "a time HH:MM such as 21:00",
         "when her evening starts for guilt remind (it ends with her day)"},
    };
    return kSpecs;
}

const SettingSpec& setting_spec(std::string_view key) {
    for (const auto& s : setting_specs())
        if (s.key == key) return s;
    if (key == "editor")
        throw UsageError(
            "editor is not kept in the journal (a journal from someone else would run its own "
            "command); set $VISUAL or $EDITOR, or write 'editor = nano' in "
            "~/.config/guilt/config");
    std::vector<std::string_view> keys;
    for (const auto& s : setting_specs())
        keys.push_back(s.key);
    throw UsageError(fmt::format("KEY must be one of {}, got \"{}\"", fmt::join(keys, ", "), key));
}

std::string check_setting(std::string_view key, std::string_view value) {
    const auto& spec = setting_spec(key);
    auto field = fmt::format("{}", spec.key);
    auto v = to_lower(trim(value));
    auto refuse = [&] {
        throw UsageError(fmt::format("{} must be {}, got \"{}\"", spec.key, spec.accepts, value));
    };
    if (key == "unit") {
        if (v != "km" && v != "mi") refuse();
        return v;
    }
    if (key == "week-start") {
        if (v != "monday" && v != "sunday") refuse();
        return v;
    }
    if (key == "day-boundary") return std::to_string(parse_scale(value, field, 0, 23));
    if (key == "remind-at") return clock_text(parse_clock(trim(value), field));
    if (key == "country") {
        if (v.empty()) return "";
        auto code = country_code(v);
        if (!code) refuse();
        return *code;
    }
    return std::to_string(parse_scale(value, field, 1, 10));  // intensity
}

Settings read_settings(const std::function<std::optional<std::string>(std::string_view)>& stored) {
    auto value = [&](std::string_view key) {
        auto v = stored(key);
        return check_setting(key, v ? *v : setting_spec(key).default_value);
    };
    Settings out;
    out.unit = value("unit") == "mi" ? DistanceUnit::mi : DistanceUnit::km;
    out.sunday_start = value("week-start") == "sunday";
    out.day_boundary = std::stoi(value("day-boundary"));
    out.intensity = std::stoi(value("intensity"));
    out.country = value("country");
    out.remind_at = parse_clock(value("remind-at"), "remind-at");
    return out;
}

}  // namespace guilt
