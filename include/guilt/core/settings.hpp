// SPDX-License-Identifier: MIT
// Her preferences (guilt config): the keys, their defaults and what each one accepts.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/core/types.hpp"

namespace guilt {

struct SettingSpec {
    std::string_view key;
    std::string_view default_value;
    std::string_view accepts;  // for help and errors, e.g. "km or mi"
    std::string_view meaning;
};

// Every key, in the order `guilt config list` shows them.
const std::vector<SettingSpec>& setting_specs();

// The spec of `key`. Throws UsageError listing the valid keys when there is no such key.
const SettingSpec& setting_spec(std::string_view key);

// `value` as stored for `key` (lower-cased where that matters). Throws UsageError naming the
// key, the value and what it accepts.
std::string check_setting(std::string_view key, std::string_view value);

// Her preferences, each read and checked once: what the commands use.
struct Settings {
    DistanceUnit unit = DistanceUnit::km;  // unit
    bool sunday_start = false;             // week-start
    int day_boundary = 4;  // day-boundary: her day ends at this hour (see her_day())
    int intensity = 5;     // intensity: of a moment logged without -i
    std::string country;   // country: ISO 3166 code (upper case) for the helpline; empty: by zone
    int remind_at = 21 * 3600;  // remind-at: her evening starts (seconds since midnight)
};

// The settings, each from `stored(key)` or, when that has none, its default. Throws UsageError
// naming the key and the value when a stored value is not valid.
Settings read_settings(const std::function<std::optional<std::string>(std::string_view)>& stored);

}  // namespace guilt
