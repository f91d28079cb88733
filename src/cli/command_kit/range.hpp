// SPDX-License-Identifier: MIT
// The --since/--until range that list and export share: a day alone means its start or its end.
#pragma once

#include <optional>
#include <string>

#include "guilt/store/store.hpp"

namespace guilt {

// Sets the time range of `filter` from --since and --until as typed, relative to `now`. A day
// alone ("2026-11-25", "mon", "yesterday") means from its start, or to its end, future days
// included; any other WHEN is an instant. Throws UsageError naming the option for a bad WHEN.
void set_range(EntryFilter& filter, const std::optional<std::string>& since,
               const std::optional<std::string>& until, Timestamp now);

}  // namespace guilt
