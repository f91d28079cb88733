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

int& installed_boundary() {
    static int hour = 4;
    return hour;
}

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

void use_day_boundary(int hour) {
    installed_boundary() = hour;
}

int day_boundary() {
    return installed_boundary();
}

// The wall clock of the moment's own offset, moved back by the boundary: the calendar day of that
// is her day, so a change of offset (DST) never moves a moment to another day.
Date her_day(Timestamp t) {
    return local_date({t.utc - static_cast<std::int64_t>(day_boundary()) * 3600, t.offset});
}

int her_seconds_of_day(Timestamp t) {
    return local_seconds_of_day(
        {t.utc - static_cast<std::int64_t>(day_boundary()) * 3600, t.offset});
}

std::int64_t her_day_end(Date d) {
    // A skipped boundary hour (a DST gap) ends the day at the first wall time after the gap.
    constexpr int kStep = 900, kLongestGap = 2 * 3600;
    for (int late = 0; late <= kLongestGap; late += kStep)
        if (auto t = resolve_local(add_days(d, 1), day_boundary() * 3600 + late)) return t->utc - 1;
    return (days_from_civil(add_days(d, 1)) * time_scan::kSecondsPerDay + day_boundary() * 3600 -
            local_zone().offset_at(days_from_civil(d) * time_scan::kSecondsPerDay)) -
           1;
}

}  // namespace guilt
