// SPDX-License-Identifier: MIT
#include "guilt/core/helplines.hpp"

#include <catch2/catch.hpp>

#include "builders.hpp"
#include "guilt/cli/embedded.hpp"
#include "guilt/core/error.hpp"

using namespace guilt;
using test::error_of;

namespace {

const char* kTwo = R"({"checked": "2026-12-06",
  "international": {"service": "Find A Helpline", "website": "https://findahelpline.com"},
  "countries": {
    "GB": {"name": "the UK", "short": "Samaritans", "call": "116 123", "hours": "24/7",
           "zones": ["Europe/London", "GB"]},
    "dk": {"name": "Denmark", "short": "Livslinien", "call": "70 201 201",
           "hours": "daily 09:00-05:00", "zones": ["Europe/Copenhagen"]}}})";

}  // namespace

TEST_CASE("her line comes from her country, else her zone, else the directory", "[helplines]") {
    auto all = parse_helplines(kTwo, "test");
    CHECK(all.checked == "2026-12-06");
    CHECK(helpline_for(all, "", "Europe/London").call == "116 123");
    CHECK(helpline_for(all, "", "GB").call == "116 123");
    CHECK(helpline_for(all, "DK", "Europe/London").country == "DK");
    CHECK(helpline_for(all, "gb", "").service == "Samaritans");
    CHECK(helpline_for(all, "", "UTC").country.empty());
    CHECK(helpline_for(all, "", "").country.empty());
    CHECK(helpline_for(all, "FR", "Europe/London").country.empty());  // her country, no line known
}

TEST_CASE("the line in words says when it is open day and night", "[helplines]") {
    auto all = parse_helplines(kTwo, "test");
    CHECK(helpline_words(helpline_for(all, "GB", "")) ==
          "in the UK, Samaritans: call 116 123, day and night");
    CHECK(helpline_words(helpline_for(all, "DK", "")) == "in Denmark, Livslinien: call 70 201 201");
    CHECK(helpline_words(all.international) ==
          "Find A Helpline (https://findahelpline.com) lists the free crisis lines of every "
          "country");
}

TEST_CASE("a country code is two letters, in upper case", "[helplines]") {
    CHECK(country_code("gb") == "GB");
    CHECK(country_code("Es") == "ES");
    CHECK_FALSE(country_code("GBR"));
    CHECK_FALSE(country_code("G1"));
    CHECK_FALSE(country_code(""));
}

TEST_CASE("a malformed helplines file names the place", "[helplines]") {
    CHECK(error_of([] { parse_helplines("[]", "h.json"); }).find("h.json: /countries") == 0);
    CHECK(error_of([] {
              parse_helplines(R"({"checked": "x", "international": {"service": "a", "website":
              "b"}, "countries": {"GB": {"name": "the UK"}}})",
                              "h.json");
          }).find("/countries/GB/short") != std::string::npos);
}

TEST_CASE("the built-in table holds every country the support line must know", "[helplines]") {
    auto text = embedded_file("helplines.json");
    REQUIRE(text);
    auto all = parse_helplines(*text, "built-in");
    for (const char* code :
         {"US", "CA", "GB", "IE", "AU", "NZ", "ZA", "IN", "ES", "MX", "DE", "FR", "NL"}) {
        INFO(code);
        const auto& line = helpline_for(all, code, "");
        CHECK(line.country == code);
        CHECK_FALSE(line.call.empty());
        CHECK_FALSE(line.zones.empty());
    }
    CHECK(helpline_for(all, "", "Europe/Madrid").country == "ES");
    CHECK(helpline_for(all, "", "America/Mexico_City").country == "MX");
    CHECK(helpline_for(all, "", "Europe/Amsterdam").country == "NL");
}
