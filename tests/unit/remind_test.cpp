// SPDX-License-Identifier: MIT
// Unit tests of guilt remind's pure parts (src/core/remind*.cpp): remind-at, the evening window
// and the nudge's rule, the line's wording, and the texts given to systemd, cron and calendars.
#include <catch2/catch.hpp>

#include "guilt/core/error.hpp"
#include "guilt/core/remind.hpp"
#include "guilt/core/time.hpp"

using guilt::Date;
using guilt::Nudge;

namespace {

// 2026-11-26 at hh:mm UTC (the zone is UTC in unit tests), in seconds.
std::int64_t at(int hh, int mm, int day = 26) {
    return guilt::days_from_civil(Date{2026, 11, day}) * 86400 + hh * 3600 + mm * 60;
}

guilt::RemindFacts tonight(std::int64_t now) {
    guilt::RemindFacts f;
    f.now = now;
    f.today = Date{2026, 11, 26};
    return f;
}

}  // namespace

TEST_CASE("remind-at reads HH:MM and refuses anything else", "[remind]") {
    CHECK(guilt::parse_clock("21:00", "remind-at") == 21 * 3600);
    CHECK(guilt::parse_clock("9:05", "remind-at") == 9 * 3600 + 5 * 60);
    CHECK(guilt::clock_text(9 * 3600 + 5 * 60) == "09:05");
    for (const char* bad : {"24:00", "21:60", "21", "21:0", ":30", "2100", "21:00pm", "-1:00", ""})
        CHECK_THROWS_AS(guilt::parse_clock(bad, "remind-at"), guilt::UsageError);
}

TEST_CASE("the nudge is due only inside her evening, once, when nothing holds it", "[remind]") {
    CHECK(guilt::nudge(tonight(at(20, 59))) == Nudge::outside_evening);
    CHECK(guilt::nudge(tonight(at(21, 0))) == Nudge::due);
    CHECK(guilt::nudge(tonight(at(3, 59, 27))) == Nudge::due);  // before the day-boundary (4)
    CHECK(guilt::nudge(tonight(at(4, 0, 27))) == Nudge::outside_evening);

    auto f = tonight(at(22, 0));
    f.reflected_tonight = true;
    CHECK(guilt::nudge(f) == Nudge::reflected);
    f = tonight(at(22, 0));
    f.state.shown = Date{2026, 11, 26};
    CHECK(guilt::nudge(f) == Nudge::shown);
    f.state.shown = Date{2026, 11, 25};
    CHECK(guilt::nudge(f) == Nudge::due);
    f.state.snoozed_until = at(22, 30);
    CHECK(guilt::nudge(f) == Nudge::snoozed);
    f.state.snoozed_until = at(21, 30);
    CHECK(guilt::nudge(f) == Nudge::due);
    f.state.paused_until = Date{2026, 11, 26};
    CHECK(guilt::nudge(f) == Nudge::paused);
    f.state.paused_until = Date{2026, 11, 25};
    CHECK(guilt::nudge(f) == Nudge::due);
}

TEST_CASE("a remind-at before the day-boundary is in the small hours of the same evening",
          "[remind]") {
    auto e = guilt::evening_of(Date{2026, 11, 26}, 1 * 3600);
    CHECK(e.from == at(1, 0, 27));
    CHECK(e.to == at(3, 59, 27) + 59);
}

TEST_CASE("the line says what she did, never what she missed", "[remind]") {
    CHECK(guilt::remind_line(3) ==
          "3 evenings reflected this week - want to add tonight? (guilt reflect)");
    CHECK(guilt::remind_line(1).starts_with("1 evening reflected this week"));
    for (int n : {0, 1, 2, 6}) {
        auto line = guilt::remind_line(n);
        for (const char* word : {"miss", "skip", "streak", "only", "behind", "should", "again"})
            CHECK(line.find(word) == std::string::npos);
    }
}

TEST_CASE("the units quote the path for systemd and run notify", "[remind]") {
    auto timer = guilt::timer_unit(21 * 3600 + 30 * 60);
    CHECK(timer.find("OnCalendar=*-*-* 21:30:00\n") != std::string::npos);
    CHECK(timer.find("Persistent=true\n") != std::string::npos);
    auto service = guilt::service_unit("/opt/my \"guilt\"/50%/guilt", "/home/a/$HOME/j.db");
    CHECK(service.find("ExecStart=\"/opt/my \\\"guilt\\\"/50%%/guilt\" remind notify\n") !=
          std::string::npos);
    CHECK(service.find("Environment=\"GUILT_DB=/home/a/$$HOME/j.db\"\n") != std::string::npos);
    CHECK(guilt::service_unit("/usr/bin/guilt", "").find("Environment") == std::string::npos);
    CHECK_THROWS_AS(guilt::service_unit("/tmp/a\nExecStart=/bin/evil", ""), guilt::UsageError);
}

TEST_CASE("the crontab line escapes % and quotes for sh", "[remind]") {
    auto line =
        guilt::cron_line(20 * 3600 + 45 * 60, "/usr/bin/guilt", "/home/a/50% it's.db", 1000);
    CHECK(line ==
          "45 20 * * * XDG_RUNTIME_DIR=/run/user/1000 GUILT_DB='/home/a/50\\% it'\\''s.db' "
          "'/usr/bin/guilt' remind notify");
}

TEST_CASE("the calendar file is RFC 5545: CRLF, folded at 75 octets, a daily event", "[remind]") {
    auto ics = guilt::remind_ics(Date{2026, 11, 26}, 21 * 3600, at(12, 0));
    CHECK(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    CHECK(ics.ends_with("END:VCALENDAR\r\n"));
    CHECK(ics.find("DTSTART:20261126T210000\r\n") != std::string::npos);
    CHECK(ics.find("DTSTAMP:20261126T120000Z\r\n") != std::string::npos);
    CHECK(ics.find("RRULE:FREQ=DAILY\r\n") != std::string::npos);
    CHECK(ics.find("BEGIN:VALARM\r\n") != std::string::npos);
    std::size_t start = 0;
    while (start < ics.size()) {
        auto end = ics.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        start = end + 2;
    }
    CHECK(ics.find('\n') == ics.find("\r\n") + 1);
}

TEST_CASE("the hooks name guilt as one quoted word and know their shells", "[remind]") {
    auto bash = guilt::remind_hook("bash", "/opt/it's $(x)/guilt", 300);
    REQUIRE(bash);
    CHECK(bash->find("'/opt/it'\\''s $(x)/guilt' remind check") != std::string::npos);
    CHECK(bash->find("PROMPT_COMMAND") != std::string::npos);
    auto zsh = guilt::remind_hook("zsh", "/usr/bin/guilt", 300);
    REQUIRE(zsh);
    CHECK(zsh->find("add-zsh-hook precmd") != std::string::npos);
    auto fish = guilt::remind_hook("fish", "/opt/a\\b's/guilt", 300);
    REQUIRE(fish);
    CHECK(fish->find("'/opt/a\\\\b\\'s/guilt' remind check") != std::string::npos);
    CHECK_FALSE(guilt::remind_hook("tcsh", "/usr/bin/guilt", 300));
}
