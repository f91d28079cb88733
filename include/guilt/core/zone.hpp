// SPDX-License-Identifier: MIT
// Local time. The core never reads TZ or the clock: it asks the zone the command line
// installed (system_zone() in guilt/cli/system_zone.hpp, the process's TZ rules), UTC until then.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "guilt/core/calendar.hpp"

namespace guilt {

// The rules of a time zone: the UTC offset (seconds east) in force at an instant.
class Zone {
  public:
    virtual ~Zone() = default;
    virtual int offset_at(std::int64_t utc) const = 0;
};

// The zone local times follow from now on; it must outlive its use.
void use_zone(const Zone& zone);

// The zone in use: UTC until use_zone().
const Zone& local_zone();

// The timestamp of a UTC instant in the local zone (offset from the zone rules).
Timestamp in_local_zone(std::int64_t utc);

// The instant of a local wall time, or nothing when the zone skips it. Around a change of
// offset a wall time can have two instants (the clocks go back; the first is taken) or none
// (they go forward).
std::optional<Timestamp> resolve_local(Date d, int seconds_of_day);

// The instant of a local wall-clock time in the local zone. Throws UsageError naming
// `field` and `text` when that wall time does not exist (a DST gap); an ambiguous wall time
// (DST overlap) resolves to its first occurrence.
Timestamp from_local(Date d, int seconds_of_day, std::string_view field, std::string_view text);

// Her day ends at `hour` (0-23, the day-boundary setting) from now on: a moment before that hour
// of the morning belongs to the day before. Default: 4, until use_day_boundary().
void use_day_boundary(int hour);

// The hour her day ends, as installed.
int day_boundary();

// The day a moment belongs to, the day she lived it: its local date under its own stored offset,
// or the day before when it falls before the day-boundary hour (01:30 after a night shift counts
// with the evening before). Every view groups by this, never by the calendar date.
Date her_day(Timestamp t);

// Seconds since her day began at the boundary hour (0-86399): 01:30 is 77,400 with a boundary of
// 4, as late in her day as it feels.
int her_seconds_of_day(Timestamp t);

// The last UTC second of her day `d` in the local zone: the second before the boundary hour of
// the next morning (or before the first instant after it, when the clocks skip that hour).
std::int64_t her_day_end(Date d);

}  // namespace guilt
