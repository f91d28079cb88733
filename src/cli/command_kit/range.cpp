// SPDX-License-Identifier: MIT
// The --since/--until range shared by list and export.
#include "range.hpp"

namespace guilt {

void set_range(EntryFilter& filter, const std::optional<std::string>& since,
               const std::optional<std::string>& until, Timestamp now) {
    if (since) {
        if (auto day = parse_day(*since, now, "--since"))
            filter.from_day = day;
        else
            filter.since_utc = parse_when(*since, now, "--since").utc;
    }
    if (until) {
        if (auto day = parse_day(*until, now, "--until"))
            filter.to_day = day;
        else
            filter.until_utc = parse_when(*until, now, "--until").utc;
    }
}

}  // namespace guilt
