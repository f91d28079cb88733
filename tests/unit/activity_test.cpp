// SPDX-License-Identifier: MIT
// Unit tests of the watch importers' pure parts: the CSV tokenizer, the dates and numbers of
// Strava and Garmin files, distance and time from track points, and what becomes what.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <functional>
#include <string>
#include <vector>

#include "builders.hpp"
#include "guilt/cli/activity.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/time.hpp"

using namespace guilt;
using test::error_of;

namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows read_csv(const std::string& text, std::vector<std::size_t>* lines = nullptr) {
    StringSource source(text);
    CsvReader csv(source);
    Rows rows;
    std::vector<std::string> row;
    while (csv.next(row)) {
        rows.push_back(row);
        if (lines) lines->push_back(csv.line());
    }
    return rows;
}

std::int64_t utc(int y, int mo, int d, int h, int mi, int s) {
    return days_from_civil(Date{y, mo, d}) * 86400 + h * 3600 + mi * 60 + s;
}

}  // namespace

TEST_CASE("the CSV reader keeps quoted commas, quotes and line breaks inside one field",
          "[activity][csv]") {
    std::vector<std::size_t> lines;
    auto rows = read_csv(
        "\xEF\xBB\xBF"
        "id,name,note\r\n"
        "1,\"Hills, then tea\",\"She said \"\"go\"\"\nand I went\"\r\n"
        "2,plain,\r\n"
        "3,\"\",last",
        &lines);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"id", "name", "note"});
    CHECK(rows[1] ==
          std::vector<std::string>{"1", "Hills, then tea", "She said \"go\"\nand I went"});
    CHECK(rows[2] == std::vector<std::string>{"2", "plain", ""});
    CHECK(rows[3] == std::vector<std::string>{"3", "", "last"});
    // A record's line is where it starts; the line break inside a quote counts.
    CHECK(lines == std::vector<std::size_t>{1, 2, 4, 5});
}

TEST_CASE("the CSV reader streams records longer than its buffer", "[activity][csv]") {
    std::string big(200'000, 'x');
    auto rows = read_csv("a,b\n\"" + big + "\",2\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1][0] == big);
    CHECK(rows[1][1] == "2");
}

TEST_CASE("a quoted field that never ends names the line it started on", "[activity][csv]") {
    CHECK(error_of([] { read_csv("a,b\n1,2\n3,\"open\n\n"); }) ==
          "line 3: a quoted field never ends (a \" is missing)");
}

TEST_CASE("a repeated header name keeps every column", "[activity][csv]") {
    CsvHeader h({"Activity ID", "Elapsed Time", "Distance", " Elapsed Time", "Distance"});
    CHECK(h.count("Distance") == 2);
    CHECK(h.find("Distance") == 2u);
    CHECK(h.find("Distance", 1) == 4u);
    CHECK(h.find("elapsed time", 1) == 3u);
    CHECK_FALSE(h.find("Distance", 2));
    CHECK_FALSE(h.find("Filename"));
}

TEST_CASE("Strava's dates are read as UTC, with AM and PM", "[activity][date]") {
    const auto [text, want] = GENERATE(table<std::string, std::int64_t>({
        {"Jul 1, 2025, 6:30:00 AM", utc(2025, 7, 1, 6, 30, 0)},
        {"Jul 1, 2025, 6:30:00 PM", utc(2025, 7, 1, 18, 30, 0)},
        {"Jan 2, 2026, 12:05:09 AM", utc(2026, 1, 2, 0, 5, 9)},
        {"Jan 2, 2026, 12:05:09 PM", utc(2026, 1, 2, 12, 5, 9)},
        {"Mar 9, 2025 11:59:59 pm", utc(2025, 3, 9, 23, 59, 59)},
        {"Nov 30, 2025, 7:00:00\xE2\x80\xAF"
         "AM",
         utc(2025, 11, 30, 7, 0, 0)},
        {"2025-07-01 06:30:00", utc(2025, 7, 1, 6, 30, 0)},
    }));
    CAPTURE(text);
    CHECK(parse_strava_date(text, "Activity Date") == want);
}

TEST_CASE("a Strava date that is not one is refused naming the field and the value",
          "[activity][date]") {
    auto text = GENERATE("Jul 32, 2025, 6:30:00 AM", "Jul 1, 2025, 13:30:00 PM", "yesterday",
                         "Jul 1, 2025, 6:30:00", "Feb 29, 2025, 6:30:00 AM");
    CAPTURE(text);
    CHECK(error_of([&] { parse_strava_date(text, "line 3: Activity Date"); }) ==
          std::string("line 3: Activity Date must be a date like \"Jul 1, 2025, 6:30:00 AM\", "
                      "got \"") +
              text + "\"");
    CHECK_FALSE(parse_strava_date("", "x"));
}

TEST_CASE("Garmin's local dates and clock durations", "[activity][date]") {
    auto [day, secs] = parse_garmin_date("2025-07-01 06:30:15", "Date");
    CHECK(day == Date{2025, 7, 1});
    CHECK(secs == 6 * 3600 + 30 * 60 + 15);
    CHECK(parse_garmin_date("2025-11-02 01:30", "Date").second == 5400);
    CHECK_THROWS_AS(parse_garmin_date("07/01/2025 06:30", "Date"), UsageError);

    CHECK(parse_clock_duration("00:28:30", "Time") == 1710);
    CHECK(parse_clock_duration("1:02:03.6", "Time") == 3724);
    CHECK(parse_clock_duration("00:04:33,1", "Time") == 273);  // a decimal comma
    CHECK(parse_clock_duration("1:02:03,6", "Time") == 3724);
    CHECK(parse_clock_duration("28:30", "Time") == 1710);
    CHECK_FALSE(parse_clock_duration("--", "Time"));
    CHECK(error_of([] { parse_clock_duration("00:61:00", "line 2: Time"); }) ==
          "line 2: Time must be a duration like \"00:28:30\", got \"00:61:00\"");
}

TEST_CASE("numbers in the exports, with thousands separators", "[activity][number]") {
    CHECK(parse_activity_number("5000.0", "Distance") == 5000.0);
    CHECK(parse_activity_number("1,234.56", "Distance") == Approx(1234.56));
    CHECK(parse_activity_number("12,345,678", "Distance") == 12345678.0);
    CHECK(parse_activity_number(" 7 ", "Distance") == 7.0);
    CHECK_FALSE(parse_activity_number("", "Distance"));
    CHECK_FALSE(parse_activity_number("--", "Distance"));
    for (auto junk :
         {"-5", "5,0,0", "1,23,45", "abc", "1.", ".5", "1e3", "5 km", "1.234,", "1,2.3"}) {
        CAPTURE(junk);
        CHECK(error_of([&] { parse_activity_number(junk, "Distance"); }) ==
              std::string("Distance must be a number, got \"") + junk + "\"");
    }
}

TEST_CASE("numbers in other languages' exports: decimal commas and their thousands",
          "[activity][number]") {
    const auto [text, want] = GENERATE(table<std::string, double>({
        {"5,02", 5.02},
        {"5,0", 5.0},
        {"21,1", 21.1},
        {"1.234,5", 1234.5},
        {"12.345.678", 12345678.0},
        {"1 234,5", 1234.5},
        {"1\xC2\xA0"
         "234,5",
         1234.5},
        {"1\xE2\x80\xAF"
         "234,5",
         1234.5},
        {"1,234", 1234.0},  // a lone comma before three digits groups thousands, as in English
        {"1.234", 1.234},   // a lone point is always the decimal one
    }));
    CAPTURE(text);
    CHECK(parse_activity_number(text, "Distance") == Approx(want));
}

TEST_CASE("Garmin's distances: a lone comma is always the decimal one", "[activity][number]") {
    CHECK(parse_distance_number("21,130", "Distance") == Approx(21.13));
    CHECK(parse_distance_number("5,02", "Distance") == Approx(5.02));
    CHECK(parse_distance_number("1,234.56", "Distance") == Approx(1234.56));
    CHECK(parse_distance_number("1.234,5", "Distance") == Approx(1234.5));
    CHECK(parse_distance_number("9.33", "Distance") == Approx(9.33));
    CHECK_FALSE(parse_distance_number("--", "Distance"));
    CHECK(error_of([] { parse_distance_number("1,2,3", "line 2: Distance"); }) ==
          "line 2: Distance must be a number, got \"1,2,3\"");
    CHECK(error_of([] { parse_distance_number(",5", "line 2: Distance"); }) ==
          "line 2: Distance must be a number, got \",5\"");
}

TEST_CASE("Strava's dates in other languages, day first, read as UTC", "[activity][date]") {
    const auto [text, want] = GENERATE(table<std::string, std::int64_t>({
        {"9 mei 2026, 19:00:00", utc(2026, 5, 9, 19, 0, 0)},
        {"21.07.2026, 15:09:27", utc(2026, 7, 21, 15, 9, 27)},
        {"1. Jan. 2026, 08:00:00", utc(2026, 1, 1, 8, 0, 0)},
        {"4 févr. 2026, 17:31:41", utc(2026, 2, 4, 17, 31, 41)},
        {"3 de feb. de 2026, 7:00:00", utc(2026, 2, 3, 7, 0, 0)},
        {"12 mar 2026, 06:05:04", utc(2026, 3, 12, 6, 5, 4)},
        {"2 paź 2025, 18:00:00", utc(2025, 10, 2, 18, 0, 0)},
        {"5 okt. 2025 kl. 07:10:00", utc(2025, 10, 5, 7, 10, 0)},
        {"21/07/2026 15:09:27", utc(2026, 7, 21, 15, 9, 27)},
        {"7 juil. 2026, 6:30:00 PM", utc(2026, 7, 7, 18, 30, 0)},
    }));
    CAPTURE(text);
    CHECK(parse_strava_date(text, "Activity Date") == want);
    CHECK_THROWS_AS(parse_strava_date("31.02.2026, 15:09:27", "x"), UsageError);
    CHECK_THROWS_AS(parse_strava_date("9 foo 2026, 19:00:00", "x"), UsageError);
}

TEST_CASE("GPX and TCX times: Z, fractions, offsets, none", "[activity][date]") {
    CHECK(parse_xml_time("2025-07-01T10:30:00Z") == utc(2025, 7, 1, 10, 30, 0));
    CHECK(parse_xml_time("2025-07-01T10:30:00.250Z") == utc(2025, 7, 1, 10, 30, 0));
    CHECK(parse_xml_time("2025-07-01T12:30:00+02:00") == utc(2025, 7, 1, 10, 30, 0));
    CHECK(parse_xml_time("2025-07-01T10:30:00") == utc(2025, 7, 1, 10, 30, 0));
    CHECK_FALSE(parse_xml_time("2025-07-01 10:30:00Z"));
    CHECK_FALSE(parse_xml_time("noon"));
    CHECK_FALSE(parse_xml_time("2025-02-30T10:30:00Z"));
}

TEST_CASE("distance and time come from the track points, segment by segment", "[activity][track]") {
    // One thousandth of a degree of latitude is 111.19 m on a 6371 km sphere.
    TrackBuilder t;
    for (int i = 0; i <= 10; ++i)
        t.add({40.0 + i * 0.001, -73.0, true, utc(2025, 7, 1, 10, 0, 0) + i * 30});
    t.new_segment();  // a pause: the gap to the next segment is not run
    t.add({41.0, -73.0, true, utc(2025, 7, 1, 10, 10, 0)});
    t.add({41.001, -73.0, true, utc(2025, 7, 1, 10, 10, 30)});
    const auto& s = t.summary();
    CHECK(s.distance_m == Approx(11 * 111.19).epsilon(0.001));
    CHECK(s.points == 13);
    CHECK(*s.last_utc - *s.first_utc == 630);
    CHECK_FALSE(track_problem(s));
    CHECK(track_key(s) == fmt::format("track:40.00000,-73.00000@{}", utc(2025, 7, 1, 10, 0, 0)));
}

TEST_CASE("a track without times or with one point cannot be a run", "[activity][track]") {
    TrackBuilder untimed;
    untimed.add({40, -73, true, std::nullopt});
    untimed.add({40.01, -73, true, std::nullopt});
    REQUIRE(track_problem(untimed.summary()));
    CHECK_THAT(*track_problem(untimed.summary()), Catch::Contains("no times"));
    TrackBuilder single;
    single.add({40, -73, true, 1});
    CHECK_THAT(*track_problem(single.summary()), Catch::Contains("single track point"));
}

TEST_CASE("running activities are runs; others get the noun the summary counts",
          "[activity][map]") {
    const auto [sport, noun] = GENERATE(table<std::string, std::string>({
        {"Run", "run"},
        {"Trail Run", "run"},
        {"Virtual Run", "run"},
        {"Treadmill", "run"},
        {"Race", "run"},
        {"Treadmill Running", "run"},
        {"running", "run"},
        {"", "run"},
        {"Ride", "ride"},
        {"Cycling", "ride"},
        {"Biking", "ride"},
        {"Swim", "swim"},
        {"Pool Swim", "swim"},
        {"Walk", "walk"},
        {"Hike", "hike"},
        {"Yoga", "yoga session"},
        {"Strength Training", "strength workout"},
        {"Rowing", "other activity"},
    }));
    CAPTURE(sport);
    CHECK(activity_noun(sport) == noun);
}

TEST_CASE("an activity becomes a solo run, a deposit, or a skip", "[activity][map]") {
    Activity a;
    a.source = "strava";
    a.key = "strava:123";
    a.sport = "Run";
    a.start = Timestamp{utc(2025, 7, 1, 10, 30, 0), -14400};
    a.distance_m = 8046.72;
    a.duration_s = 2710;
    a.name = "Morning, with hills";
    a.description = "Legs heavy\nstill glad";
    a.kind = strava_workout_kind(2.0);

    auto run = map_activity(a, DistanceUnit::mi, false, "line 2");
    REQUIRE(run.as == Mapped::As::run);
    CHECK(run.entry.type == EntryType::run);
    CHECK(run.entry.with == std::vector<std::string>{"solo"});
    CHECK(run.entry.kind == "long");
    CHECK(run.entry.text == "Morning, with hills\nLegs heavy\nstill glad");
    CHECK(run.entry.distance_m == Approx(8046.7));
    CHECK(run.entry.duration_s == 2710);
    CHECK(run.entry.unit == DistanceUnit::mi);
    CHECK(is_stable_uuid(run.entry.uuid));
    CHECK(map_activity(a, DistanceUnit::km, false, "x").entry.uuid == run.entry.uuid);

    a.sport = "Swim";
    a.name = "";
    a.description = "";
    CHECK(map_activity(a, DistanceUnit::km, false, "x").as == Mapped::As::skipped);
    CHECK(map_activity(a, DistanceUnit::km, false, "x").why == "swim");
    auto swim = map_activity(a, DistanceUnit::km, true, "x");
    REQUIRE(swim.as == Mapped::As::deposit);
    CHECK(swim.entry.minutes == 46);  // 45 min 10 s, rounded up
    CHECK(swim.entry.text == "Swim");

    a.sport = "Run";
    a.distance_m = 0;
    CHECK(map_activity(a, DistanceUnit::km, false, "x").why == "run without a distance");
    a.distance_m = 5000;
    a.duration_s = 50 * 3600;
    CHECK(error_of([&] { map_activity(a, DistanceUnit::km, false, "run.csv: line 9"); }) ==
          "run.csv: line 9: lasts 180000 s, more than the 48 hours a run may last");
}

// An activity of `sport`, `km` kilometres in `minutes`, on 1 Jul 2025.
Activity activity_of(std::string sport, double km, double minutes) {
    Activity a;
    a.key = "test:1";
    a.sport = std::move(sport);
    a.start = Timestamp{utc(2025, 7, 1, 10, 30, 0), 0};
    a.distance_m = km * 1000;
    a.duration_s = static_cast<int>(minutes * 60);
    return a;
}

TEST_CASE("what an activity is comes before its values: a two-day ride is a ride",
          "[activity][plausible]") {
    MapRules rules;
    auto ride = activity_of("Ride", 300, 2 * 24 * 60 + 10);
    auto mapped = map_activity(ride, rules);
    CHECK(mapped.as == Mapped::As::skipped);
    CHECK(mapped.why == "ride");
    CHECK(mapped.problem.empty());
    // As a deposit it would hold more than a day: named, not imported.
    rules.others_as_deposits = true;
    CHECK_THAT(map_activity(ride, rules).problem, Catch::Contains("24 hours a deposit"));
}

TEST_CASE("a run is plausible between 2:30 and 20:00 min/km, from 200 m, from 1990 on",
          "[activity][plausible]") {
    MapRules rules;
    rules.now = Timestamp{utc(2026, 11, 26, 21, 0, 0), 0};
    auto as = [&](const Activity& a) { return map_activity(a, rules); };
    CHECK(as(activity_of("Run", 5, 12.5)).as == Mapped::As::run);  // 2:30 /km
    CHECK(as(activity_of("Run", 5, 100)).as == Mapped::As::run);   // 20:00 /km
    CHECK_THAT(as(activity_of("Run", 5, 12.4)).problem, Catch::Contains("faster than a run's"));
    CHECK_THAT(as(activity_of("Run", 5, 101)).problem, Catch::Contains("slower than a run's"));
    CHECK(as(activity_of("Run", 0.2, 1.5)).as == Mapped::As::run);
    CHECK_THAT(as(activity_of("Run", 0.19, 1.5)).problem,
               Catch::Contains("shorter than the 200 m a run needs"));
    auto old = activity_of("Run", 5, 30);
    old.start = Timestamp{utc(1989, 12, 31, 12, 0, 0), 0};
    CHECK_THAT(as(old).problem, Catch::Contains("before 1990"));
    old.start = Timestamp{utc(1990, 1, 1, 12, 0, 0), 0};
    CHECK(as(old).as == Mapped::As::run);
    old.start = Timestamp{utc(2026, 11, 27, 12, 0, 0), 0};
    CHECK_THAT(as(old).problem, Catch::Contains("in the future"));
    // A "run" at 31 km/h is plainly a ride: a deposit with --others deposit.
    rules.others_as_deposits = true;
    auto fast = as(activity_of("Run", 57, 110));
    CHECK(fast.as == Mapped::As::deposit);
    CHECK(fast.entry.minutes == 110);
    // A run of 50 m is no other activity: named whatever she chose.
    CHECK_FALSE(as(activity_of("Run", 0.05, 1)).problem.empty());
}

TEST_CASE("a track with no sport type is a run only at a running pace, unless --as",
          "[activity][plausible]") {
    MapRules rules;
    CHECK(map_activity(activity_of("", 5, 30), rules).as == Mapped::As::run);  // 6:00 /km
    auto hike = map_activity(activity_of("", 5, 100), rules);                  // 20:00 /km
    CHECK(hike.as == Mapped::As::skipped);
    CHECK_THAT(hike.problem, Catch::Contains("no sport type and a pace of 20:00 /km"));
    CHECK_THAT(hike.problem, Catch::Contains("--as run or --as deposit"));
    auto ride = map_activity(activity_of("", 57, 110), rules);  // 1:56 /km
    CHECK_THAT(ride.problem, Catch::Contains("faster than a run's 3:00 /km"));
    rules.untyped = UntypedAs::run;
    CHECK(map_activity(activity_of("", 5, 100), rules).as == Mapped::As::run);
    CHECK_FALSE(map_activity(activity_of("", 57, 110), rules).problem.empty());
    rules.untyped = UntypedAs::deposit;
    CHECK(map_activity(activity_of("", 5, 30), rules).as == Mapped::As::deposit);
}

TEST_CASE("a treadmill run without a distance is a deposit with --others deposit",
          "[activity][plausible]") {
    MapRules rules;
    auto treadmill = activity_of("Treadmill", 0, 30);
    CHECK(map_activity(treadmill, rules).why == "run without a distance");
    rules.others_as_deposits = true;
    auto deposit = map_activity(treadmill, rules);
    REQUIRE(deposit.as == Mapped::As::deposit);
    CHECK(deposit.entry.minutes == 30);
    CHECK(deposit.entry.text == "Treadmill");
}

TEST_CASE("a deposit with no name is named by its sport and its file", "[activity][map]") {
    MapRules rules;
    rules.others_as_deposits = true;
    auto bike = activity_of("Biking", 15, 52);
    bike.label = "mapmyride_biking.tcx";
    CHECK(map_activity(bike, rules).entry.text == "Biking: mapmyride_biking.tcx");
    auto other = activity_of("Other", 1, 18);
    other.label = "sup.tcx";
    CHECK(map_activity(other, rules).entry.text == "Other activity: sup.tcx");
    other.name = "Paddle";
    CHECK(map_activity(other, rules).entry.text == "Paddle");
}

TEST_CASE("Strava's workout type codes", "[activity][map]") {
    CHECK(strava_workout_kind(1.0) == "race");
    CHECK(strava_workout_kind(2.0) == "long");
    CHECK(strava_workout_kind(3.0) == "workout");
    CHECK(strava_workout_kind(0.0).empty());
    CHECK(strava_workout_kind(10.0).empty());
    CHECK(strava_workout_kind(std::nullopt).empty());
}

// A run of `meters` on 1 Jul 2025 at 10:30 UTC.
Entry run_of(double meters) {
    Entry run;
    run.type = EntryType::run;
    run.at = Timestamp{utc(2025, 7, 1, 10, 30, 0), 0};
    run.distance_m = meters;
    return run;
}

TEST_CASE("a typed run within 20 minutes and 10% of the watch's is the same run",
          "[activity][merge]") {
    Entry watch = run_of(8000);
    Entry typed = watch;
    typed.distance_m = 8000 * 0.91;
    typed.at.utc += 19 * 60;
    CHECK(same_run(typed, watch));
    typed.at.utc += 2 * 60;
    CHECK_FALSE(same_run(typed, watch));
    typed.at.utc = watch.at.utc - 20 * 60;
    CHECK(same_run(typed, watch));
    typed.distance_m = 8000 * 1.11;
    CHECK_FALSE(same_run(typed, watch));
    typed.distance_m = 8000;
    typed.type = EntryType::deposit;
    CHECK_FALSE(same_run(typed, watch));
}

TEST_CASE("two recorded runs are one recording only when they start within a minute",
          "[activity][merge]") {
    Entry rep = run_of(800);
    Entry next = rep;
    next.at.utc += 4 * 60;       // the next 800 m rep, four minutes later
    CHECK(same_run(rep, next));  // what a typed run would match
    CHECK_FALSE(same_recording(rep, next));
    next.at.utc = rep.at.utc + 60;
    CHECK(same_recording(rep, next));
    next.distance_m = 1000;
    CHECK_FALSE(same_recording(rep, next));
}

TEST_CASE("the CSV reader reads an old Mac's lone CR as a line end", "[activity][csv]") {
    std::vector<std::size_t> lines;
    auto rows = read_csv("a,b\r1,\"x\ry\"\r2,3\r\n4,5\n", &lines);
    REQUIRE(rows.size() == 4);
    CHECK(rows[1] == std::vector<std::string>{"1", "x\ry"});
    CHECK(rows[2] == std::vector<std::string>{"2", "3"});
    CHECK(rows[3] == std::vector<std::string>{"4", "5"});
    CHECK(lines == std::vector<std::size_t>{1, 2, 3, 4});
}

TEST_CASE("a CSV record is bounded in fields and bytes", "[activity][csv]") {
    CHECK(error_of([] { read_csv(fmt::format("a\n1{}\n", std::string(5000, ','))); }) ==
          "line 2: a row has more than 1000 fields; Strava and Garmin write fewer than 100");
    std::string wide;
    for (int i = 0; i < 5; ++i) {
        wide.append(CsvReader::kMaxFieldBytes - 1, 'x');
        wide.push_back(',');
    }
    CHECK(error_of([&] { read_csv("a\n" + wide + "\n"); }) == "line 2: a row is longer than 4 MB");
    CHECK(read_csv("a\n1" + std::string(999, ',') + "\n")[1].size() == 1000);
}

TEST_CASE("a number too long to mean anything is named, never std::stod's words",
          "[activity][number]") {
    const std::string digits(400, '9');
    CHECK(error_of([&] { parse_activity_number(digits, "line 2: Distance"); }) ==
          "line 2: Distance must be a number of at most 15 digits, got \"" + std::string(39, '9') +
              "…\"");
    CHECK(parse_activity_number("999999999999999", "Distance") == 999999999999999.0);
    CHECK(parse_activity_number("1800." + digits, "Elapsed Time") == Approx(1801));
    CHECK(parse_activity_number("0." + std::string(400, '0') + "1", "x") == 0.0);
    CHECK(parse_clock_duration("00:28:30." + digits, "Time") == 28 * 60 + 31);
}

TEST_CASE("a track's span is 64-bit and at most 48 hours", "[activity][track]") {
    const std::int64_t start = utc(1900, 1, 1, 0, 0, 0);
    CHECK_FALSE(span_problem(start, start + 48 * 3600));
    auto wrapped = span_problem(start, start + (std::int64_t{1} << 32) + 3600);
    REQUIRE(wrapped);
    CHECK_THAT(*wrapped, Catch::Contains("spans 49710 days"));
    CHECK_THAT(*span_problem(start, start + 49 * 3600), Catch::Contains("spans 49 hours"));
    CHECK_THAT(*span_problem(start, start - 1), Catch::Contains("go backwards"));
}
