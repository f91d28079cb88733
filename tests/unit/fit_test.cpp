// SPDX-License-Identifier: MIT
// Unit tests of the FIT reader (src/cli/import/fit.cpp) on files built here byte by byte from the
// protocol: the header and its checksums, definition and data messages in both byte orders,
// developer fields, compressed timestamp headers, sessions and records, and damaged files.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "../../src/cli/import/readers.hpp"
#include "builders.hpp"

using namespace guilt;
using test::error_of;

namespace {

constexpr std::int64_t kFitEpoch = 631065600;    // 1989-12-31T00:00:00Z
constexpr std::uint32_t kStart = 1'000'000'000;  // 2021-09-08T01:46:40Z in FIT time

// Field definitions: {number, size, base type}.
struct Field {
    std::uint8_t number, size, base;
};

std::string bytes_of(std::uint64_t v, std::size_t n, bool big_endian = false) {
    std::string out(n, '\0');
    for (std::size_t i = 0; i < n; ++i)
        out[big_endian ? n - 1 - i : i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    return out;
}

// Messages appended one by one, then wrapped in a header and a checksum.
struct FitBuilder {
    std::string body;

    FitBuilder& define(std::uint8_t local, std::uint16_t global, const std::vector<Field>& fields,
                       bool big_endian = false, const std::vector<Field>& developer = {}) {
        body += static_cast<char>(0x40 | (developer.empty() ? 0 : 0x20) | local);
        body += '\0';
        body += static_cast<char>(big_endian ? 1 : 0);
        body += bytes_of(global, 2, big_endian);
        body += static_cast<char>(fields.size());
        for (const auto& f : fields)
            body +=
                {static_cast<char>(f.number), static_cast<char>(f.size), static_cast<char>(f.base)};
        if (!developer.empty()) {
            body += static_cast<char>(developer.size());
            for (const auto& f : developer)
                body += {static_cast<char>(f.number), static_cast<char>(f.size),
                         static_cast<char>(f.base)};
        }
        return *this;
    }

    // A data message: its record header (a normal one for `local`, or a compressed one) and
    // its field bytes.
    FitBuilder& data(std::uint8_t header, const std::string& fields) {
        body += static_cast<char>(header);
        body += fields;
        return *this;
    }

    std::string file() const {
        std::string out = bytes_of(14, 1) + bytes_of(0x20, 1) + bytes_of(2132, 2) +
                          bytes_of(body.size(), 4) + ".FIT";
        out += bytes_of(import::fit_crc(out), 2);
        out += body;
        return out + bytes_of(import::fit_crc(out), 2);
    }
};

// file_id with type `type` (4: activity) and a serial number.
FitBuilder& file_id(FitBuilder& b, std::uint8_t type) {
    return b.define(0, 0, {{0, 1, 0x00}, {3, 4, 0x8C}})
        .data(0, bytes_of(type, 1) + bytes_of(3'900'123'456, 4));
}

// A session: start, sport, sub-sport, elapsed and timer time (ms), distance (cm).
std::string session_fields(std::uint32_t start, std::uint8_t sport, std::uint8_t sub,
                           std::uint32_t elapsed_ms, std::uint32_t timer_ms, std::uint32_t cm,
                           bool big_endian = false) {
    return bytes_of(start, 4, big_endian) + bytes_of(sport, 1) + bytes_of(sub, 1) +
           bytes_of(elapsed_ms, 4, big_endian) + bytes_of(timer_ms, 4, big_endian) +
           bytes_of(cm, 4, big_endian);
}

const std::vector<Field> kSessionFields = {{2, 4, 0x86}, {5, 1, 0x00}, {6, 1, 0x00},
                                           {7, 4, 0x86}, {8, 4, 0x86}, {9, 4, 0x86}};

std::vector<Activity> read(const std::string& bytes) {
    return import::read_fit(bytes);
}

}  // namespace

TEST_CASE("the FIT checksum is CRC-16 with polynomial 0xA001 from 0", "[fit]") {
    CHECK(import::fit_crc("123456789") == 0xBB3D);
    CHECK(import::fit_crc("") == 0);
}

TEST_CASE("a FIT session gives the sport, start, elapsed time and distance", "[fit]") {
    FitBuilder b;
    file_id(b, 4)
        .define(1, 18, kSessionFields)
        .data(1, session_fields(kStart, 1, 3, 3'600'000, 3'500'000, 1'000'000));
    auto found = read(b.file());
    REQUIRE(found.size() == 1);
    CHECK(found[0].source == "fit");
    CHECK(found[0].sport == "trail running");
    CHECK(activity_noun(found[0].sport) == "run");
    REQUIRE(found[0].start);
    CHECK(found[0].start->utc == kFitEpoch + kStart);
    CHECK(found[0].duration_s == 3600);  // elapsed time, pauses in, like the other formats
    CHECK(found[0].distance_m == 10000.0);
}

TEST_CASE("a big-endian FIT definition is read in its byte order", "[fit]") {
    FitBuilder b;
    file_id(b, 4)
        .define(2, 18, kSessionFields, true)
        .data(2, session_fields(kStart, 2, 0, 61'400, 60'000, 123'456, true));
    auto found = read(b.file());
    REQUIRE(found.size() == 1);
    CHECK(found[0].sport == "cycling");
    CHECK(activity_noun(found[0].sport) == "ride");
    CHECK(found[0].start->utc == kFitEpoch + kStart);
    CHECK(found[0].duration_s == 61);
    CHECK(found[0].distance_m == 1234.56);
}

TEST_CASE("developer fields are passed over", "[fit]") {
    FitBuilder b;
    file_id(b, 4).define(3, 18, kSessionFields, false, {{0, 3, 0}, {1, 2, 0}});
    b.data(3, session_fields(kStart, 11, 0, 1'800'000, 1'800'000, 300'000) + "abcde");
    b.data(3, session_fields(kStart + 3600, 17, 0, 600'000, 600'000, 100'000) + "fghij");
    auto found = read(b.file());
    REQUIRE(found.size() == 2);  // a multisport file: one activity per session
    CHECK(found[0].sport == "walking");
    CHECK(found[1].sport == "hiking");
    CHECK(found[1].start->utc == kFitEpoch + kStart + 3600);
    CHECK(found[1].distance_m == 1000.0);
    CHECK(found[0].key != found[1].key);
}

TEST_CASE("without a session, the records give start, end and distance", "[fit]") {
    // Records: timestamp (253) and distance (5); the second and third have compressed
    // timestamp headers (local type 1, 5 bits of seconds) that roll over past 32.
    const std::uint32_t t = kStart + 30 - (kStart % 32);  // its low 5 bits are 30
    FitBuilder b;
    file_id(b, 4).define(1, 20, {{253, 4, 0x86}, {5, 4, 0x86}});
    b.data(1, bytes_of(t, 4) + bytes_of(0, 4));
    b.define(2, 20, {{5, 4, 0x86}});
    b.data(0x80 | (2 << 5) | 31, bytes_of(500, 4));   // t + 1
    b.data(0x80 | (2 << 5) | 2, bytes_of(2'000, 4));  // 2 after 31: t + 4
    auto found = read(b.file());
    REQUIRE(found.size() == 1);
    CHECK(found[0].start->utc == kFitEpoch + t);
    CHECK(found[0].duration_s == 4);
    CHECK(found[0].distance_m == 20.0);
    CHECK(found[0].sport == "generic");  // nothing says it is a run

    FitBuilder one;
    file_id(one, 4).define(1, 20, {{253, 4, 0x86}, {5, 4, 0x86}});
    one.data(1, bytes_of(t, 4) + bytes_of(0, 4));
    CHECK(error_of([&] { read(one.file()); }) ==
          "has a single time in its FIT records; a run needs a start and an end");
    one.data(1, bytes_of(t - 10, 4) + bytes_of(0, 4));
    CHECK_THAT(error_of([&] { read(one.file()); }),
               Catch::StartsWith("has times that go backwards"));
}

TEST_CASE("a FIT field holding its type's invalid value is absent", "[fit]") {
    FitBuilder b;
    file_id(b, 4)
        .define(1, 18, kSessionFields)
        .data(1, session_fields(kStart, 1, 0, 600'000, 600'000, 0xFFFFFFFF));
    auto found = read(b.file());
    REQUIRE(found.size() == 1);
    CHECK(found[0].distance_m == 0);
}

TEST_CASE("a FIT file that is not an activity is refused with its kind", "[fit]") {
    FitBuilder b;
    file_id(b, 6);
    CHECK(error_of([&] { read(b.file()); }) == "is a FIT course file, not a recorded activity");
    FitBuilder empty;
    file_id(empty, 4);
    CHECK_THAT(error_of([&] { read(empty.file()); }),
               Catch::Contains("holds no FIT session and no timed records"));
}

TEST_CASE("a damaged or cut FIT file is refused in one line", "[fit]") {
    FitBuilder b;
    file_id(b, 4)
        .define(1, 18, kSessionFields)
        .data(1, session_fields(kStart, 1, 0, 600'000, 600'000, 200'000));
    const std::string good = b.file();
    REQUIRE(read(good).size() == 1);

    auto flipped = good;
    flipped[30] ^= 0x01;
    CHECK(error_of([&] { read(flipped); }) ==
          "is damaged: its FIT checksum does not match its contents");
    auto header = good;
    header[2] ^= 0x01;
    CHECK(error_of([&] { read(header); }) == "is damaged: its FIT header checksum does not match");
    for (std::size_t n : {0, 5, 13, 20, 40})
        CHECK_FALSE(error_of([&] { read(good.substr(0, n)); }).empty());
    CHECK_THAT(error_of([&] { read(good.substr(0, good.size() - 1)); }),
               Catch::StartsWith("is cut short"));
    CHECK(error_of([&] { read("not a FIT file at all"); }) ==
          "is not a FIT file: it lacks the \".FIT\" header");
}

TEST_CASE("a FIT message that claims more bytes than the file holds is refused", "[fit]") {
    FitBuilder undefined;
    undefined.data(5, "xyz");
    CHECK(error_of([&] { read(undefined.file()); }) ==
          "is damaged: a FIT data message of local type 5 has no definition before it");
    FitBuilder past;
    past.define(1, 18, kSessionFields).data(1, "short");
    CHECK_THAT(error_of([&] { read(past.file()); }), Catch::StartsWith("is cut short"));
    FitBuilder definition;
    definition.body = std::string("\x40\x00\x00\x12\x00\x09\x02", 7);  // 9 fields, 0 there
    CHECK_THAT(error_of([&] { read(definition.file()); }), Catch::StartsWith("is cut short"));
}
