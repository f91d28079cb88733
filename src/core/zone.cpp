// SPDX-License-Identifier: MIT
// Local time through the zone the command line installed: UTC instants to local timestamps,
// and local wall times (which a zone may skip or repeat) to instants.
#include "guilt/core/zone.hpp"

#include <fmt/format.h>

#include <optional>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "time_scan.hpp"

namespace guilt {
namespace {

class Utc final : public Zone {
  public:
    int offset_at(std::int64_t) const override { return 0; }
};

const Zone*& installed_zone() {
    static const Utc utc;
    static const Zone* zone = &utc;
    return zone;
}

}  // namespace

void use_zone(const Zone& zone) {
    installed_zone() = &zone;
}

const Zone& local_zone() {
    return *installed_zone();
}

Timestamp in_local_zone(std::int64_t utc) {
    return {utc, local_zone().offset_at(utc)};
}

// Every offset in force within a day of the wall time is tried; the earliest instant that
// really shows this wall time wins.
std::optional<Timestamp> resolve_local(Date d, int seconds_of_day) {
    const Zone& zone = local_zone();
    const std::int64_t wall = days_from_civil(d) * time_scan::kSecondsPerDay + seconds_of_day;
    std::optional<std::int64_t> best;
    for (const std::int64_t probe :
         {wall - time_scan::kSecondsPerDay, wall, wall + time_scan::kSecondsPerDay}) {
        const std::int64_t utc = wall - zone.offset_at(probe);
        if (zone.offset_at(utc) == wall - utc && (!best || utc < *best)) best = utc;
    }
    if (!best) return std::nullopt;
    return in_local_zone(*best);
}

Timestamp from_local(Date d, int seconds_of_day, std::string_view field, std::string_view text) {
    const auto t = resolve_local(d, seconds_of_day);
    if (!t)
        throw UsageError(
            fmt::format("{} {} does not exist in the local time zone (the clocks skip it)", field,
                        quoted(text)));
    return *t;
}

}  // namespace guilt
