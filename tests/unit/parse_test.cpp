// SPDX-License-Identifier: MIT
// Unit tests of the distance, duration, scale and count parsers and their formatters.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"

using guilt::DistanceUnit;
using guilt::UsageError;

namespace {

// Inputs no parser may accept.
const char* const kJunk[] = {"5kk",   "28:75", "1:60:00", "-5k",   "nan",     "inf",
                             "",      "   ",   "\t\n",    "1e999", "0x10",    "5k5",
                             "5..5k", "+5k",   "NaN",     "-inf",  "\xff\xfe"};

}  // namespace

TEST_CASE("parse_distance reads every form of cli.md", "[parse][distance]") {
    const auto [text, meters, unit] = GENERATE(table<std::string, double, DistanceUnit>({
        {"5k", 5000, DistanceUnit::km},
        {"5km", 5000, DistanceUnit::km},
        {"5K", 5000, DistanceUnit::km},
        {"5KM", 5000, DistanceUnit::km},
        {"5 km", 5000, DistanceUnit::km},
        {"5 k", 5000, DistanceUnit::km},
        {" 5k\t", 5000, DistanceUnit::km},
        {"10000m", 10000, DistanceUnit::km},
        {"10000 m", 10000, DistanceUnit::km},
        {"3.1mi", 3.1 * 1609.344, DistanceUnit::mi},
        {"3.1 MI", 3.1 * 1609.344, DistanceUnit::mi},
        {"half", 21097.5, DistanceUnit::km},
        {"HALF", 21097.5, DistanceUnit::km},
        {"Marathon", 42195, DistanceUnit::km},
        {".5k", 500, DistanceUnit::km},
        {"0.5k", 500, DistanceUnit::km},
        {"007k", 7000, DistanceUnit::km},
        {"21.0975km", 21097.5, DistanceUnit::km},
        {"400k", 400'000, DistanceUnit::km},
        {"400000m", 400'000, DistanceUnit::km},
        {"248mi", 248 * 1609.344, DistanceUnit::mi},
        {"100m", 100, DistanceUnit::km},
        // Units spelt out, with or without the space (issue 20: "run 3.2 km 30 min").
        {"3.2 km", 3200, DistanceUnit::km},
        {"5 miles", 5 * 1609.344, DistanceUnit::mi},
        {"1 mile", 1609.344, DistanceUnit::mi},
        {"5 kilometres", 5000, DistanceUnit::km},
        {"5kms", 5000, DistanceUnit::km},
        {"800 metres", 800, DistanceUnit::km},
        {"half marathon", 21097.5, DistanceUnit::km},
    }));
    CAPTURE(text);
    const guilt::Distance d = guilt::parse_distance(text);
    CHECK(d.meters == Approx(meters));
    CHECK(d.unit == unit);
}

TEST_CASE("parse_distance refuses junk, zero and too much", "[parse][distance]") {
    const std::string text =
        GENERATE("5", "k", "km", "0k", "0", "0.0km", "0m", "0mi", "400.001k", "400001m", "249mi",
                 "99m", "500k", "1m", "5.k", "5 5k", "5  km", "5kmm", "5 milez", "5ml",
                 "half marathons", "halfk", "5,5k", "5.5.5k", ".k", "k5", "5k ago", "1e3m", "5e3m");
    CAPTURE(text);
    CHECK_THROWS_AS(guilt::parse_distance(text), UsageError);
}

TEST_CASE("parse_distance messages name the field, the value and a hint", "[parse][distance]") {
    CHECK_THROWS_WITH(guilt::parse_distance("5kk"),
                      "DISTANCE must look like 5k, 10000m, 3.1mi, half or marathon, got \"5kk\"");
    CHECK_THROWS_WITH(guilt::parse_distance("0k"), "DISTANCE must be more than 0, got \"0k\"");
    CHECK_THROWS_WITH(guilt::parse_distance("500k"),
                      "DISTANCE must be 100 m to 400 km for one run, got \"500k\"");
    CHECK_THROWS_WITH(guilt::parse_distance("50m"),
                      "DISTANCE must be 100 m to 400 km for one run, got \"50m\"");
    CHECK_THROWS_WITH(guilt::parse_distance("5"),
                      "DISTANCE needs a unit, got \"5\" (try 5k or 5mi)");
    // Only the units that make a run: each hint works as typed.
    CHECK_THROWS_WITH(guilt::parse_distance("5000"),
                      "DISTANCE needs a unit, got \"5000\" (try 5000m)");
    CHECK_THROWS_WITH(guilt::parse_distance("0"), "DISTANCE needs a unit, got \"0\"");
    CHECK_THROWS_WITH(guilt::parse_distance("far", "--distance"),
                      Catch::StartsWith("--distance must look like"));
}

TEST_CASE("parse_duration reads every form of cli.md", "[parse][duration]") {
    const auto [text, seconds] = GENERATE(table<std::string, int>({
        {"28:30", 1710},
        {" 28:30 ", 1710},
        {"1:45:00", 6300},
        {"45m", 2700},
        {"45M", 2700},
        {"45min", 2700},
        {"45 min", 2700},
        {"45mins", 2700},
        {"45 minutes", 2700},
        {"1h", 3600},
        {"1hr", 3600},
        {"2 hours", 7200},
        {"2H", 7200},
        {"1h5m", 3900},
        {"1h 5m", 3900},
        {"1h 5 min", 3900},
        {"2h30", 9000},
        {"2h 30", 9000},
        {"90s", 90},
        {"90 sec", 90},
        {"1.5h", 5400},
        {".5h", 1800},
        {"2.5m", 150},
        {"1m30s", 90},
        {"1m30", 90},
        {"1h30m15s", 5415},
        {"1h0m", 3600},
        {"2h30s", 7230},
        {"0:01", 1},
        {"0:59", 59},
        {"1:00", 60},
        {"59:59", 3599},
        {"60:00", 3600},
        {"999:59", 59999},
        {"0:00:01", 1},
        {"1:00:00", 3600},
        {"1:59:59", 7199},
        {"48:00:00", 172800},
        {"48h", 172800},
        {"2880m", 172800},
        {"0.5s", 1},
        // As people say them (issue 20), one grammar for every command.
        {"20 minutes", 1200},
        {"1 hour", 3600},
        {"1 hour 20 min", 4800},
        {"1h20", 4800},
        {"90m", 5400},
        {"half an hour", 1800},
        {"an hour and a half", 5400},
        {"an hour", 3600},
        {"a half hour", 1800},
        {"1 hour and 20 minutes", 4800},
        {"1 and a half hours", 5400},
        {"one and a half hours", 5400},
        {"a quarter of an hour", 900},
        {"quarter hour", 900},
        {"twenty minutes", 1200},
        {"two hours", 7200},
        {"forty-five minutes", 2700},
        {"1 hr 20", 4800},
        {"HALF AN HOUR", 1800},
    }));
    CAPTURE(text);
    CHECK(guilt::parse_duration(text) == seconds);
}

TEST_CASE("parse_duration refuses junk, zero and too long", "[parse][duration]") {
    const std::string text = GENERATE(
        "45", "0", "1.5", "0:00", "0m", "0h0m0s", "0.1s", "1.5h30m", "1h30.5m", "30m1h", "1h1h",
        "1m1m", "1h75m", "1h60m", "1m60s", "28:60", "28:75", "1:60:00", "1:00:60", "28:5", "1:5:00",
        "1000:00", "1:2:3:4", ":30", "30:", "1::00", "h", "m", "1hm", "1h  5m", "1h,5m", "1.5.h",
        "48:00:01", "49h", "2881m", "172801s", "1:45:00pm", "5k", "1d", "1h-5m", "45 m in",
        "1000:00:00", "99999999999999999999h", "half", "an", "a nap", "half an", "an hour and",
        "an hour and a half and a half", "1.5 hours and a half", "2 weeks", "3 days",
        "an hour an hour", "minutes 20", "and 20 minutes");
    CAPTURE(text);
    CHECK_THROWS_AS(guilt::parse_duration(text), UsageError);
}

TEST_CASE("parse_duration messages name the field, the value and the limit", "[parse][duration]") {
    CHECK_THROWS_WITH(guilt::parse_duration("28:75"),
                      "DURATION must look like 28:30, 1:45:00, 45m or 1h5m, got \"28:75\"");
    CHECK_THROWS_WITH(guilt::parse_duration("45"),
                      "DURATION needs a unit, got \"45\" (try \"45m\" for minutes)");
    CHECK_THROWS_WITH(guilt::parse_duration("0:00"), "DURATION must be more than 0, got \"0:00\"");
    CHECK_THROWS_WITH(guilt::parse_duration("49h"), "DURATION must be at most 48 h, got \"49h\"");
    CHECK_THROWS_WITH(guilt::parse_duration("2h", "--nap", 3600),
                      "--nap must be at most 1 h, got \"2h\"");
    CHECK_THROWS_WITH(guilt::parse_duration("2m", "--nap", 90),
                      "--nap must be at most 1:30, got \"2m\"");
    CHECK(guilt::parse_duration("1h", "--nap", 3600) == 3600);
}

TEST_CASE("parse_scale accepts exactly lo to hi", "[parse][scale]") {
    const auto [text, value] = GENERATE(table<std::string, int>({
        {"1", 1},
        {"5", 5},
        {"10", 10},
        {" 7 ", 7},
        {"05", 5},
        {"010", 10},
    }));
    CHECK(guilt::parse_scale(text, "--intensity") == value);
}

TEST_CASE("parse_scale refuses out of range and anything not a plain integer", "[parse][scale]") {
    const std::string text = GENERATE("0", "11", "00", "100", "5.0", "5.5", "-1", "+5", "1e1",
                                      "0x5", "ten", "1 0", "5/10", "99999999999999999999999", "-0");
    CAPTURE(text);
    CHECK_THROWS_AS(guilt::parse_scale(text, "--intensity"), UsageError);
}

TEST_CASE("parse_scale message is '<field> must be <lo>-<hi>, got <text>'", "[parse][scale]") {
    CHECK_THROWS_WITH(guilt::parse_scale("12", "--intensity"), "--intensity must be 1-10, got 12");
    CHECK_THROWS_WITH(guilt::parse_scale("0", "--felt"), "--felt must be 1-10, got 0");
    CHECK_THROWS_WITH(guilt::parse_scale("11", "--felt"), "--felt must be 1-10, got 11");
    CHECK_THROWS_WITH(guilt::parse_scale("high", "--felt"), "--felt must be 1-10, got high");
    CHECK_THROWS_WITH(guilt::parse_scale("", "--felt"), "--felt must be 1-10, got \"\"");
    CHECK_THROWS_WITH(guilt::parse_scale("1 0", "--felt"), "--felt must be 1-10, got \"1 0\"");
}

TEST_CASE("parse_scale honours other bounds", "[parse][scale]") {
    CHECK(guilt::parse_scale("0", "day-boundary", 0, 23) == 0);
    CHECK(guilt::parse_scale("23", "day-boundary", 0, 23) == 23);
    CHECK_THROWS_WITH(guilt::parse_scale("24", "day-boundary", 0, 23),
                      "day-boundary must be 0-23, got 24");
}

TEST_CASE("parse_count accepts whole numbers from 1 to max", "[parse][count]") {
    CHECK(guilt::parse_count("1", "ID") == 1);
    CHECK(guilt::parse_count(" 42 ", "ID") == 42);
    CHECK(guilt::parse_count("1000000000", "ID") == 1'000'000'000);
    CHECK(guilt::parse_count("7", "-n", 7) == 7);
}

TEST_CASE("parse_count refuses zero, too much and anything not a whole number", "[parse][count]") {
    const std::string text = GENERATE("0", "000", "1000000001", "-1", "+1", "1.0", "1e3", "abc",
                                      "#12", "99999999999999999999999999", "9223372036854775808");
    CAPTURE(text);
    CHECK_THROWS_AS(guilt::parse_count(text, "ID"), UsageError);
}

TEST_CASE("parse_count messages name the field and the value", "[parse][count]") {
    CHECK_THROWS_WITH(guilt::parse_count("abc", "ID"),
                      "ID must be a whole number, 1 or more, got abc");
    CHECK_THROWS_WITH(guilt::parse_count("0", "--rank"),
                      "--rank must be a whole number, 1 or more, got 0");
    CHECK_THROWS_WITH(guilt::parse_count("8", "-n", 7), "-n must be at most 7, got 8");
}

TEST_CASE("every parser refuses the shared junk list", "[parse][junk]") {
    for (const char* text : kJunk) {
        CAPTURE(text);
        CHECK_THROWS_AS(guilt::parse_distance(text), UsageError);
        CHECK_THROWS_AS(guilt::parse_duration(text), UsageError);
        CHECK_THROWS_AS(guilt::parse_scale(text, "--intensity"), UsageError);
        CHECK_THROWS_AS(guilt::parse_count(text, "ID"), UsageError);
    }
}

TEST_CASE("parsers never let anything but UsageError escape", "[parse][junk]") {
    constexpr std::string_view kAlphabet = "0123456789.:kmhisKMH +-enafx";
    std::mt19937 rng(2026);
    std::uniform_int_distribution<std::size_t> length(0, 24), pick(0, kAlphabet.size() - 1);
    int accepted = 0;
    for (int i = 0; i < 50'000; ++i) {
        std::string text(length(rng), ' ');
        for (char& c : text)
            c = kAlphabet[pick(rng)];
        try {
            const guilt::Distance d = guilt::parse_distance(text);
            if (!(d.meters > 0 && d.meters <= guilt::kMaxDistanceMeters))
                FAIL("distance out of range: " << text);
            ++accepted;
        } catch (const UsageError&) {
        }
        try {
            const int s = guilt::parse_duration(text);
            if (s < 1 || s > 48 * 3600) FAIL("duration out of range: " << text);
            ++accepted;
        } catch (const UsageError&) {
        }
        try {
            const int v = guilt::parse_scale(text, "--intensity");
            if (v < 1 || v > 10) FAIL("scale out of range: " << text);
            ++accepted;
        } catch (const UsageError&) {
        }
        try {
            if (guilt::parse_count(text, "ID") < 1) FAIL("count below 1: " << text);
            ++accepted;
        } catch (const UsageError&) {
        }
    }
    CHECK(accepted > 0);  // the random texts do reach the accepting paths
}

TEST_CASE("format_distance shows at most two decimals, no trailing zeros, and the unit",
          "[parse][format]") {
    CHECK(guilt::format_distance(5000, DistanceUnit::km) == "5 km");
    CHECK(guilt::format_distance(3.1 * 1609.344, DistanceUnit::mi) == "3.1 mi");
    CHECK(guilt::format_distance(21097.5, DistanceUnit::km) == "21.1 km");
    CHECK(guilt::format_distance(42195, DistanceUnit::mi) == "26.22 mi");
    CHECK(guilt::format_distance(0, DistanceUnit::km) == "0 km");
}

TEST_CASE("format_duration is m:ss under an hour, h:mm:ss from an hour", "[parse][format]") {
    const auto [seconds, text] = GENERATE(table<int, std::string>({
        {0, "0:00"},
        {45, "0:45"},
        {1710, "28:30"},
        {3599, "59:59"},
        {3600, "1:00:00"},
        {6300, "1:45:00"},
        {172800, "48:00:00"},
    }));
    CHECK(guilt::format_duration(seconds) == text);
}

TEST_CASE("format_duration round-trips through parse_duration", "[parse][format]") {
    for (int s = 1; s <= 48 * 3600; s += 37)
        REQUIRE(guilt::parse_duration(guilt::format_duration(s)) == s);
}

TEST_CASE("format_pace rounds to whole seconds per unit", "[parse][format]") {
    CHECK(guilt::format_pace(5000, 1710, DistanceUnit::km) == "5:42 /km");
    CHECK(guilt::format_pace(1609.344, 550, DistanceUnit::mi) == "9:10 /mi");
    CHECK(guilt::format_pace(3.1 * 1609.344, 1705, DistanceUnit::mi) == "9:10 /mi");
    // 5:59.6 rounds up to 6:00, never 5:60.
    CHECK(guilt::format_pace(1000, 359, DistanceUnit::km) == "5:59 /km");
    CHECK(guilt::format_pace(10000, 3596, DistanceUnit::km) == "6:00 /km");
    CHECK(guilt::format_pace(10000, 3594, DistanceUnit::km) == "5:59 /km");
    CHECK(guilt::format_pace(1000, 3725, DistanceUnit::km) == "1:02:05 /km");
    CHECK(guilt::format_pace(0, 1710, DistanceUnit::km) == "-:-- /km");
    CHECK(guilt::format_pace(5000, 0, DistanceUnit::mi) == "-:-- /mi");
    CHECK(guilt::format_pace(1e-300, 1710, DistanceUnit::km) == "-:-- /km");
}

TEST_CASE("format_minutes speaks in min and h", "[parse][format]") {
    const auto [minutes, text] = GENERATE(table<int, std::string>({
        {0, "0 min"},
        {1, "1 min"},
        {45, "45 min"},
        {59, "59 min"},
        {60, "1 h"},
        {65, "1 h 5 min"},
        {125, "2 h 5 min"},
        {2880, "48 h"},
    }));
    CHECK(guilt::format_minutes(minutes) == text);
}

TEST_CASE("check_pace accepts the paces of real runs", "[parse][pace]") {
    const auto [meters, seconds] = GENERATE(table<double, int>({
        {5000, 1710},       // 5:42 /km
        {42195, 7269},      // 2:01:09, a world record: 2:52 /km
        {1000, 120},        // 2:00 /km, the fastest accepted
        {1000, 1800},       // 30:00 /km, the slowest accepted
        {100'000, 36'000},  // 100 km in 10 h
    }));
    CAPTURE(meters, seconds);
    CHECK_NOTHROW(guilt::check_pace(meters, seconds, DistanceUnit::km, "DURATION", "x"));
}

TEST_CASE("check_pace refuses a pace no run has, naming the value and the range in her unit",
          "[parse][pace]") {
    CHECK_THROWS_WITH(
        guilt::check_pace(500'000, 1200, DistanceUnit::km, "DURATION", "20:00"),
        "DURATION \"20:00\" for 500 km is a pace of 0:02 /km; a run's pace is 2:00 /km to "
        "30:00 /km");
    CHECK_THROWS_WITH(guilt::check_pace(1000, 119, DistanceUnit::km, "DURATION", "1:59"),
                      Catch::Contains("a pace of 1:59 /km"));
    CHECK_THROWS_WITH(guilt::check_pace(5000, 5 * 3600, DistanceUnit::km, "DURATION", "5:00:00"),
                      Catch::Contains("a pace of 1:00:00 /km"));
    CHECK_THROWS_WITH(
        guilt::check_pace(3.1 * 1609.344, 240, DistanceUnit::mi, "DURATION", "4:00"),
        "DURATION \"4:00\" for 3.1 mi is a pace of 1:17 /mi; a run's pace is 3:13 /mi to "
        "48:17 /mi");
}

TEST_CASE("leading_duration counts the first words shaped like a duration", "[parse][duration]") {
    using Words = std::vector<std::string>;
    const auto [words, count] = GENERATE(table<Words, std::size_t>({
        {Words{"30m", "nap"}, 1},
        {Words{"30", "min", "nap"}, 2},
        {Words{"1", "h", "nap"}, 2},
        {Words{"1", "hour", "20", "min", "book", "club"}, 4},
        {Words{"1h", "20", "min", "yoga"}, 3},
        {Words{"1:30", "movie"}, 1},
        {Words{"25h", "nap"}, 1},  // out of range, but shaped like a duration
        {Words{"0m", "nap"}, 1},
        {Words{"nap"}, 0},
        {Words{"30", "nap"}, 0},  // no unit: her words
        {Words{"2", "chapters"}, 0},
        {Words{"30", "MIN", "nap"}, 2},
        {Words{}, std::size_t{0}},
        {Words{"half", "an", "hour", "of", "yoga"}, 3},
        {Words{"an", "hour", "and", "a", "half", "reading"}, 5},
        {Words{"1", "hour", "and", "20", "minutes", "pottery"}, 5},
        {Words{"a", "nap"}, 0},
        {Words{"an", "early", "night"}, 0},
    }));
    CAPTURE(words);
    CHECK(guilt::leading_duration(words) == count);
}

TEST_CASE("trailing_duration counts the last words shaped like a duration", "[parse][duration]") {
    using Words = std::vector<std::string>;
    const auto [words, count] = GENERATE(table<Words, std::size_t>({
        {Words{"nap", "30m"}, 1},
        {Words{"nap", "30", "min"}, 2},
        {Words{"read", "for", "an", "hour"}, 2},
        {Words{"coffee", "with", "Jess", "1", "hour", "20", "min"}, 4},
        {Words{"bath", "half", "an", "hour"}, 3},
        {Words{"lunch", "at", "12:30"}, 0},  // when, not how long
        {Words{"coffee", "with", "a", "friend"}, 0},
        {Words{"book", "club", "with", "5", "moms"}, 0},
        {Words{"nap"}, 0},
        {Words{}, std::size_t{0}},
    }));
    CAPTURE(words);
    CHECK(guilt::trailing_duration(words) == count);
}

TEST_CASE("read_duration keeps whole days apart from the time of day", "[parse][duration]") {
    const auto three_days = guilt::read_duration("3 days");
    REQUIRE(three_days);
    CHECK(three_days->days == 3);
    CHECK(three_days->seconds == 0);
    const auto weeks = guilt::read_duration("2 weeks");
    REQUIRE(weeks);
    CHECK(weeks->days == 14);
    const auto mixed = guilt::read_duration("1d 2h");
    REQUIRE(mixed);
    CHECK(mixed->days == 1);
    CHECK(mixed->seconds == 7200);
    CHECK_FALSE(guilt::read_duration("1.5 days"));
    CHECK_FALSE(guilt::read_duration("2h 1d"));
    CHECK_FALSE(guilt::read_duration("28:30"));
}
