// SPDX-License-Identifier: MIT
// Her preferences (guilt config): the keys, their defaults and what each one accepts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

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

}  // namespace guilt
