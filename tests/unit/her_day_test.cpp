// SPDX-License-Identifier: MIT
// Unit tests of her day (src/core/zone.cpp): the day-boundary hour ends each day, by the wall
// clock of each moment's own offset, across both changes of daylight saving time.
#include <catch2/catch.hpp>

#include "builders.hpp"
#include "guilt/core/time.hpp"

using guilt::Date;
using guilt::Timestamp;

namespace {

// New York in 2026, without the system's zone files: -04:00 from 2026-03-08T07:00Z (02:00
// local) to 2026-11-01T06:00Z (02:00 local), -05:00 otherwise.
class NewYork2026 final : public guilt::Zone {
  public:
    int offset_at(std::int64_t utc) const override {
        constexpr std::int64_t kSpring = 1772953200;  // 2026-03-08T07:00:00Z
        constexpr std::int64_t kAutumn = 1793512800;  // 2026-11-01T06:00:00Z
        return utc >= kSpring && utc < kAutumn ? -4 * 3600 : -5 * 3600;
    }
};

// Installs New York and a boundary for one scope; the defaults (UTC, 4) come back after.
class HerZone {
  public:
    explicit HerZone(int boundary) {
        guilt::use_zone(m_zone);
        guilt::use_day_boundary(boundary);
    }
    ~HerZone() {
        guilt::use_zone(*m_prev);
        guilt::use_day_boundary(4);
    }
    HerZone(const HerZone&) = delete;
    HerZone& operator=(const HerZone&) = delete;

  private:
    NewYork2026 m_zone;
    const guilt::Zone* m_prev = &guilt::local_zone();
};

Timestamp wall(Date d, int hour, int minute = 0) {
    return *guilt::resolve_local(d, hour * 3600 + minute * 60);
}

}  // namespace

TEST_CASE("a moment before the day-boundary belongs to the day before", "[time][her-day]") {
    HerZone ny(4);
    const Date wed{2026, 11, 25}, thu{2026, 11, 26};
    CHECK(guilt::her_day(wall(wed, 22)) == wed);
    CHECK(guilt::her_day(wall(thu, 0)) == wed);
    CHECK(guilt::her_day(wall(thu, 1, 30)) == wed);
    CHECK(guilt::her_day(wall(thu, 3, 59)) == wed);
    CHECK(guilt::her_day(wall(thu, 4)) == thu);
    CHECK(guilt::her_seconds_of_day(wall(thu, 4)) == 0);
    CHECK(guilt::her_seconds_of_day(wall(thu, 1, 30)) == 21 * 3600 + 1800);
    CHECK(guilt::her_day_end(wed) == wall(thu, 4).utc - 1);
}

TEST_CASE("day-boundary 0 is the calendar day", "[time][her-day]") {
    HerZone ny(0);
    const Date wed{2026, 11, 25}, thu{2026, 11, 26};
    CHECK(guilt::her_day(wall(wed, 23, 59)) == wed);
    CHECK(guilt::her_day(wall(thu, 0)) == thu);
    CHECK(guilt::her_day(wall(thu, 1, 30)) == thu);
    CHECK(guilt::her_seconds_of_day(wall(thu, 1, 30)) == 5400);
    CHECK(guilt::her_day_end(wed) == wall(thu, 0).utc - 1);
}

TEST_CASE("her day holds across both changes of daylight saving", "[time][her-day]") {
    HerZone ny(4);
    // Autumn: 01:30 happens twice on Sunday 2026-11-01; both, and 03:30, are Saturday's.
    const Date sat{2026, 10, 31}, sun{2026, 11, 1};
    auto first = wall(sun, 1, 30);
    Timestamp second{first.utc + 3600, -5 * 3600};
    CHECK(first.offset == -4 * 3600);
    CHECK(guilt::her_day(first) == sat);
    CHECK(guilt::her_day(second) == sat);
    CHECK(guilt::her_day(wall(sun, 3, 30)) == sat);
    CHECK(guilt::her_day(wall(sun, 4)) == sun);
    // Saturday lasted 25 hours, to 04:00 winter time.
    CHECK(guilt::her_day_end(sat) - guilt::her_day_end({2026, 10, 30}) == 25 * 3600);
    // Spring: Sunday 2026-03-08 has no 02:30; 01:30 and 03:30 are Saturday's.
    const Date sat7{2026, 3, 7}, sun8{2026, 3, 8};
    CHECK(guilt::her_day(wall(sun8, 1, 30)) == sat7);
    CHECK(guilt::her_day(wall(sun8, 3, 30)) == sat7);
    CHECK(guilt::her_day(wall(sun8, 4)) == sun8);
    CHECK(guilt::her_day_end(sat7) - guilt::her_day_end({2026, 3, 6}) == 23 * 3600);
}

TEST_CASE("a boundary hour the clocks skip ends the day where they land", "[time][her-day]") {
    HerZone ny(2);
    // 02:00 on 2026-03-08 does not exist: Saturday ends at 03:00 summer time, the same instant.
    CHECK(guilt::her_day_end({2026, 3, 7}) == wall({2026, 3, 8}, 3).utc - 1);
    CHECK(guilt::her_day(wall({2026, 3, 8}, 3)) == Date{2026, 3, 8});
}
