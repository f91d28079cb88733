// SPDX-License-Identifier: MIT
// Export and import, the pure parts: CSV quoting, Markdown escaping, the streamed JSON document,
// jrnl entries, the stable UUIDs and the errors that name a JSON path.
#include "guilt/cli/journal_export.hpp"
#include "guilt/cli/journal_import.hpp"
#include "guilt/core/markup.hpp"

#include <stdlib.h>
#include <time.h>

#include <catch2/catch.hpp>
#include <optional>
#include <sstream>

#include "builders.hpp"
#include "guilt/cli/system_zone.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/error.hpp"

using namespace guilt;
using test::error_of;
using json = nlohmann::json;
using Names = std::vector<std::string>;

namespace {

// Sets TZ, and the system zone that follows it, for one scope and restores what was there.
class TzScope {
  public:
    explicit TzScope(const char* tz) {
        if (const char* old = std::getenv("TZ")) m_old = old;
        ::setenv("TZ", tz, 1);
        ::tzset();
        use_zone(system_zone());
    }
    ~TzScope() {
        use_zone(*m_prev);
        if (m_old)
            ::setenv("TZ", m_old->c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }
    TzScope(const TzScope&) = delete;
    TzScope& operator=(const TzScope&) = delete;

  private:
    std::optional<std::string> m_old;
    const guilt::Zone* m_prev = &guilt::local_zone();
};

Entry guilt_moment(std::string text) {
    Entry e;
    e.uuid = "0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60";
    e.at = parse_iso("2026-11-25T18:05:00-05:00", "at");
    e.text = std::move(text);
    e.intensity = 7;
    return e;
}

json guilt_doc(json entry) {
    return json{{"format", "guilt"},
                {"version", 1},
                {"exported_at", "2026-11-26T21:00:00-05:00"},
                {"entries", json::array({std::move(entry)})}};
}

json good_guilt_entry() {
    return json{{"uuid", "0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60"},
                {"type", "guilt"},
                {"at", "2026-11-25T18:05:00-05:00"},
                {"text", "Missed pickup"},
                {"intensity", 7},
                {"tags", {"school"}},
                {"kids", {"Sam"}}};
}

}  // namespace

TEST_CASE("CSV fields are quoted only when they hold a comma, quote, CR or LF", "[exchange][csv]") {
    struct Row {
        const char* in;
        const char* out;
    };
    const Row rows[] = {
        {"", ""},
        {"plain", "plain"},
        {"a, b", "\"a, b\""},
        {"say \"no\"", "\"say \"\"no\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\rhere", "\"cr\rhere\""},
        {"\"", "\"\"\"\""},
        {"Zoë 🌟", "Zoë 🌟"},
        {"semi; colon", "semi; colon"},
    };
    for (const auto& r : rows) {
        INFO(r.in);
        CHECK(csv_field(r.in) == r.out);
    }
}

TEST_CASE("a CSV row follows the header, joins lists and guards her words against formulas",
          "[exchange][csv]") {
    CHECK(csv_header().starts_with("uuid,type,at,text,intensity,tags,kids,distance_m,"));
    CHECK(csv_header().ends_with("strategy,prompt,answer\r\n"));

    auto e = guilt_moment("=HYPERLINK(\"x\"), and more");
    e.tags = {"school", "work"};
    e.kids = {"Sam", "Zoë"};
    CHECK(csv_row(e) ==
          "0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60,guilt,2026-11-25T18:05:00-05:00,"
          "\"'=HYPERLINK(\"\"x\"\"), and more\",7,school; work,Sam; Zoë,,,,,,,,,,,,,\r\n");

    Entry run;
    run.type = EntryType::run;
    run.uuid = e.uuid;
    run.at = e.at;
    run.distance_m = 4988.97;
    run.duration_s = 1710;
    run.unit = DistanceUnit::mi;
    run.with = {"moms", "kids"};
    run.text = "-5 degrees, brr";
    CHECK(csv_row(run) ==
          "0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60,run,2026-11-25T18:05:00-05:00,,,,,"
          "4988.97,1710,mi,moms; kids,,,\"'-5 degrees, brr\",,,,,,\r\n");
}

TEST_CASE("Markdown escaping shows her text as written, never as markup", "[exchange][md]") {
    struct Row {
        const char* in;
        const char* out;
    };
    const Row rows[] = {
        {"plain words", "plain words"},
        {"*not bold* and _not_ em", "\\*not bold\\* and \\_not\\_ em"},
        {"# not a heading", "\\# not a heading"},
        {"#school and @Sam", "\\#school and @Sam"},
        {"- not a list", "\\- not a list"},
        {"+ not a list", "\\+ not a list"},
        {"1. not a list", "1\\. not a list"},
        {"12) nor this", "12\\) nor this"},
        {"in 2026. fine", "in 2026. fine"},
        {"> not a quote", "\\> not a quote"},
        {"<b>html</b> & co", "\\<b\\>html\\</b\\> \\& co"},
        {"[link](x) `code` a|b ~~s~~", "\\[link\\](x) \\`code\\` a\\|b \\~\\~s\\~\\~"},
        {"back\\slash", "back\\\\slash"},
        {"    four spaces", "four spaces"},
        {"line one\nline two", "line one\\\nline two"},
        {"para one\n\n\npara two\n", "para one\n\npara two"},
        {"windows\r\nlines", "windows\\\nlines"},
        {"title\n===", "title\\\n\\==="},
        {"title\n---", "title\\\n\\---"},
        {"Zoë 🌟 café", "Zoë 🌟 café"},
        // Planted by another program: shown escaped, as on the terminal (visible()).
        {"a\x1b[31mred\r\n\u202Etxt", "a\\\\x1b\\[31mred\\\n\\\\u202etxt"},
    };
    for (const auto& r : rows) {
        INFO(r.in);
        CHECK(md_escape(r.in) == r.out);
    }
    CHECK(md_inline("a\x1b[1m\tb\r\n") == "a\\\\x1b\\[1m b  ");
}

TEST_CASE("a Markdown entry is one list item with its time, even over several lines",
          "[exchange][md]") {
    CHECK(md_entry(guilt_moment("Missed *pickup*")) ==
          "- **18:05** guilt (7/10): Missed \\*pickup\\*\n");
    CHECK(md_entry(guilt_moment("one\ntwo\n\nthree")) ==
          "- **18:05** guilt (7/10): one\\\n  two\n  \n  three\n");
    CHECK(md_day_heading(Date{2026, 11, 25}, true) == "## Wednesday, November 25, 2026\n\n");
    CHECK(md_day_heading(Date{2026, 11, 26}, false) == "\n## Thursday, November 26, 2026\n\n");
}

TEST_CASE("the streamed JSON export is the document dump(2) gives for the whole",
          "[exchange][json]") {
    const auto now = parse_iso("2026-11-26T21:00:00-05:00", "now");
    std::vector<Entry> entries = {guilt_moment("one \"quoted\""), guilt_moment("two\nlines")};
    entries[1].uuid = "1b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60";
    Priority p;
    p.uuid = "2b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60";
    p.rank = 1;
    p.title = "Kids";
    std::vector<Motto> mottos = {{"You're a good mom.", now}};
    FollowUp skipped;
    skipped.reflection_uuid = "3b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60";
    skipped.night = Date{2026, 11, 26};
    skipped.at = now;
    std::vector<FollowUp> followups = {skipped};

    for (std::size_t n : {0, 1, 2}) {
        INFO(n << " entries");
        std::string streamed = json_export_open(now);
        nlohmann::ordered_json whole{{"format", "guilt"},
                                     {"version", 1},
                                     {"exported_at", "2026-11-26T21:00:00-05:00"},
                                     {"entries", nlohmann::ordered_json::array()}};
        for (std::size_t i = 0; i < n; ++i) {
            streamed += json_export_entry(entries[i], i == 0);
            whole["entries"].push_back(entry_to_json(entries[i], false));
        }
        JournalRest rest;
        if (n > 0) rest.priorities = {p};
        const PriorityVersion version{p, std::nullopt, now.utc};
        if (n > 1) rest.priority_history = {version};
        if (n > 1) rest.mottos = mottos;
        if (n > 1) rest.followups = followups;
        if (n > 1) rest.settings = {{"unit", "mi"}};
        if (n > 1) rest.showings = {{Date{2026, 11, 25}, "facts"}};
        if (n > 1) rest.kids = {{"Zoë", {"zoe", "zoë"}}};
        if (n > 1) rest.not_kids = {{"Daniel", {"daniel"}}};
        if (n > 1) {  // guilt merge's: written by uuid, whatever their order here
            rest.entry_versions = {{entries[1].uuid, {"0000000000002-000000-a", ""}},
                                   {entries[0].uuid, {"0000000000001-000000-a", "0-0-0"}}};
            rest.priority_versions = {{p.uuid, {"0000000000001-000001-a", ""}}};
            rest.setting_versions = {{"unit", "0000000000001-000002-a"}};
            rest.priority_order = "0000000000001-000001-a";
            rest.tombstones = {{"entries", "4b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60", "v"}};
            rest.conflicts = {{"entries", entries[0].uuid, "text", "v0", "old words", 0, ""}};
        }
        // The entries' versions come from the store in the order of their uuids.
        auto by_uuid = rest.entry_versions;
        std::ranges::sort(by_uuid, {}, &std::pair<std::string, guilt::RowVersion>::first);
        json_export_close(
            n > 0, rest,
            [&](const auto& fn) {
                for (const auto& [uuid, v] : by_uuid)
                    fn(uuid, v);
            },
            [&](std::string_view piece) { streamed += piece; });
        whole["priorities"] = nlohmann::ordered_json::array();
        if (n > 0) whole["priorities"].push_back(priority_to_json(p, false));
        whole["priority_history"] = nlohmann::ordered_json::array();
        if (n > 1) whole["priority_history"].push_back(priority_version_to_json(version));
        whole["mottos"] = nlohmann::ordered_json::array();
        if (n > 1) {
            auto motto = motto_to_json(mottos[0]);
            motto["uuid"] = motto_uuid(mottos[0]);
            whole["mottos"].push_back(motto);
        }
        whole["followups"] = nlohmann::ordered_json::array();
        if (n > 1) whole["followups"].push_back(followup_to_json(followups[0]));
        whole["settings"] = nlohmann::ordered_json::object();
        if (n > 1) whole["settings"]["unit"] = "mi";
        whole["showings"] = nlohmann::ordered_json::array();
        if (n > 1) whole["showings"].push_back({{"date", "2026-11-25"}, {"strategy", "facts"}});
        whole["kids"] = nlohmann::ordered_json::array();
        if (n > 1) whole["kids"].push_back({{"name", "Zoë"}, {"spellings", {"zoe", "zoë"}}});
        whole["not_kids"] = nlohmann::ordered_json::array();
        if (n > 1) whole["not_kids"].push_back({{"name", "Daniel"}, {"spellings", {"daniel"}}});
        using ojson = nlohmann::ordered_json;
        whole["versions"] = {{"entries", ojson::object()},
                             {"priorities", ojson::object()},
                             {"settings", ojson::object()},
                             {"priority_order", ""},
                             {"kids", ojson::object()}};
        whole["tombstones"] = ojson::array();
        whole["conflicts"] = ojson::array();
        if (n > 1) {
            whole["versions"]["entries"][entries[0].uuid] = {"0000000000001-000000-a", "0-0-0"};
            whole["versions"]["entries"][entries[1].uuid] = {"0000000000002-000000-a", ""};
            whole["versions"]["priorities"][p.uuid] = {"0000000000001-000001-a", ""};
            whole["versions"]["settings"]["unit"] = "0000000000001-000002-a";
            whole["versions"]["priority_order"] = "0000000000001-000001-a";
            whole["tombstones"].push_back({{"table", "entries"},
                                           {"uuid", "4b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60"},
                                           {"version", "v"}});
            whole["conflicts"].push_back({{"table", "entries"},
                                          {"uuid", entries[0].uuid},
                                          {"field", "text"},
                                          {"version", "v0"},
                                          {"text", "old words"}});
        }
        CHECK(streamed == whole.dump(2) + "\n");
    }
}

TEST_CASE("a jrnl entry becomes a guilt moment at its local time, tags without their symbol",
          "[exchange][jrnl]") {
    TzScope zone("America/New_York");
    json j = {{"title", "Zoë cried at drop-off."},
              {"body", "Late for the 9:00 with @Work again, @Sam asked why. #school\n"},
              {"date", "2026-07-14"},
              {"time", "08:45"},
              {"tags", {"@work", "@sam", "#school"}},
              {"starred", false}};
    auto e = entry_from_jrnl(j, "/entries/0");
    CHECK(e.type == EntryType::guilt);
    CHECK(e.text ==
          "Zoë cried at drop-off.\nLate for the 9:00 with @Work again, @Sam asked why. #school");
    CHECK(format_iso(e.at) == "2026-07-14T08:45:00-04:00");  // summer time
    CHECK_FALSE(e.intensity);
    CHECK(e.tags == Names{"work", "sam", "school"});  // jrnl counts every @word as a tag
    CHECK(e.kids.empty());
    CHECK(e.uuid == jrnl_uuid("2026-07-14", "08:45", e.text));

    SECTION("with jrnl's tags marked by # only, @Names are kids") {
        j["tags"] = {"#school"};
        j["starred"] = true;
        auto k = entry_from_jrnl(j, "/entries/0");
        CHECK(k.kids == Names{"Work", "Sam"});
        CHECK(k.tags == Names{"school", "starred"});
    }
    SECTION("a tag that runs past guilt's words still counts as a tag") {
        j["body"] = "Call from @work/home";
        j["tags"] = {"@work/home"};
        auto k = entry_from_jrnl(j, "/entries/0");
        CHECK(k.tags == Names{"work"});
        CHECK(k.kids.empty());
    }
    SECTION("a winter date takes the winter offset, and an empty body adds no newline") {
        j["date"] = "2026-01-14";
        j["body"] = "";
        auto k = entry_from_jrnl(j, "/entries/0");
        CHECK(format_iso(k.at) == "2026-01-14T08:45:00-05:00");
        CHECK(k.text == "Zoë cried at drop-off.");
    }
    SECTION("a time the clocks skip is refused, naming the path") {
        j["date"] = "2026-03-08";
        j["time"] = "02:30";
        CHECK(error_of([&] {
                  entry_from_jrnl(j, "/entries/4");
              }).starts_with("/entries/4/time: \"2026-03-08 02:30\" does not exist"));
    }
}

TEST_CASE("stable UUIDs never change and follow every byte of their input", "[exchange][uuid]") {
    // A regression pin, computed once: if this changes, re-importing a jrnl file that was
    // imported before would add every entry again.
    CHECK(stable_uuid("2026-11-25 18:05\nMissed pickup") == "2d28f679-a955-85b1-983a-334ca71ecb6e");
    CHECK(jrnl_uuid("2026-11-25", "18:05", "Missed pickup") ==
          stable_uuid("2026-11-25 18:05\nMissed pickup"));
    CHECK(stable_uuid("") ==
          "cbf29ce4-8422-8325-ac62-272e07bb0142");  // the offset bases themselves

    auto a = jrnl_uuid("2026-11-25", "18:05", "Missed pickup");
    CHECK(a != jrnl_uuid("2026-11-25", "18:05", "Missed pickup!"));
    CHECK(a != jrnl_uuid("2026-11-25", "18:06", "Missed pickup"));
    CHECK(a != jrnl_uuid("2026-11-24", "18:05", "Missed pickup"));
    CHECK(a[14] == '8');                                          // version 8
    CHECK(std::string("89ab").find(a[19]) != std::string::npos);  // RFC 4122 variant
}

TEST_CASE("import errors name the JSON path of the bad value", "[exchange][import]") {
    struct Row {
        const char* field;
        json value;
        const char* message;
    };
    const Row rows[] = {
        {"intensity", 14, "/entries/0/intensity: must be 1-10, got 14"},
        {"intensity", 6.5, "/entries/0/intensity: must be a whole number 1-10, got 6.5"},
        {"intensity", "7", "/entries/0/intensity: must be a number 1-10, got \"7\""},
        {"at", "yesterday",
         "/entries/0/at: must be a time like 2026-11-25T18:05:00-05:00, got \"yesterday\""},
        {"type", "nap",
         "/entries/0/type: must be one of guilt, run, engage, deposit, reflection, win, got "
         "\"nap\""},
        {"uuid", "abc", "/entries/0/uuid: must be a UUID like"},
        {"text", "   ", "/entries/0/text: is empty"},
        {"text", 12, "/entries/0/text: must be text, got 12"},
        {"text", "bell\x07", "/entries/0/text: holds a control character (U+0007)"},
        {"tags", json::array({"school", "two words"}), "/entries/0/tags/1: must be a tag"},
        {"kids", "Sam", "/entries/0/kids: must be a list of text, got \"Sam\""},
        {"kids", json::array({"Sam, Theo"}), "/entries/0/kids/0: must be one name"},
    };
    for (const auto& r : rows) {
        INFO(r.field << " = " << r.value.dump());
        auto entry = good_guilt_entry();
        entry[r.field] = r.value;
        CHECK(error_of([&] { read_import(guilt_doc(entry)); }).starts_with(r.message));
    }

    auto missing = good_guilt_entry();
    missing.erase("text");
    CHECK(error_of([&] { read_import(guilt_doc(missing)); }) == "/entries/0/text: is missing");

    auto run = json{{"uuid", "1b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60"},
                    {"type", "run"},
                    {"at", "2026-11-24T06:30:00-05:00"},
                    {"distance_m", -5}};
    CHECK(error_of([&] {
              read_import(guilt_doc(run));
          }).starts_with("/entries/0/distance_m: must be more than 0"));
    run["distance_m"] = 5000;
    run["with"] = {"solo", "moms"};
    CHECK(error_of([&] {
              read_import(guilt_doc(run));
          }).starts_with("/entries/0/with: cannot hold solo"));

    auto doc = guilt_doc(good_guilt_entry());
    doc["entries"].push_back(good_guilt_entry());
    CHECK(error_of([&] {
              read_import(doc);
          }).starts_with("/entries/1/uuid: is the uuid of an earlier entry"));
    doc = guilt_doc(good_guilt_entry());
    doc["version"] = 2;
    CHECK(error_of([&] { read_import(doc); }).starts_with("/version: must be 1"));
    doc["priorities"] = {{{"uuid", "2b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60"}, {"title", "Kids"}}};
    doc["version"] = 1;
    CHECK(error_of([&] { read_import(doc); }).starts_with("/priorities/0/rank: is missing"));
    CHECK(error_of([] { read_import(json::array()); }).starts_with("/: must be an object"));
    CHECK(error_of([] {
              read_import(json{{"tags", json::object()}});
          }).starts_with("/: is neither"));
    CHECK(error_of([] {
              read_import(json{{"entries", {{{"title", "x"}, {"date", "2026-11-25"}}}}});
          }) == "/entries/0/time: is missing (a time like 18:05)");
    CHECK(error_of([] {
              parse_import_json("{\n  \"format\": \"guilt\",\n  ]");
          }).starts_with("not valid JSON at line 3, column 3:"));
    // Found by fuzz/fuzz_import: a number too large for a double is bad JSON, not a crash.
    CHECK(error_of([] { parse_import_json(R"({"entries": [{"intensity": 1e999}]})"); }) ==
          "not valid JSON: number overflow parsing '1e999'");
}

TEST_CASE("a guilt export reads back into the same values", "[exchange][import]") {
    auto entry = good_guilt_entry();
    entry["uuid"] = "0B6F3C1E-8A4D-4F7E-9C2B-5D1E7A9F3B60";  // upper case reads as lower
    entry["intensity"] = nullptr;
    auto doc = guilt_doc(entry);
    doc["priorities"] = {{{"uuid", "2b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60"},
                          {"rank", nullptr},
                          {"title", "Marathon"},
                          {"until", "2027-04-20"},
                          {"done", true}}};
    doc["mottos"] = {{{"text", "Good enough is good."}, {"at", "2026-11-01T08:00:00+01:00"}}};
    auto data = read_import(doc);
    REQUIRE(data.entries.size() == 1);
    const auto& e = data.entries[0];
    CHECK(data.source == ImportData::Source::guilt);
    CHECK(e.uuid == "0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60");
    CHECK_FALSE(e.intensity);
    CHECK(e.tags == Names{"school"});
    CHECK(e.kids == Names{"Sam"});
    CHECK(format_iso(e.at) == "2026-11-25T18:05:00-05:00");
    REQUIRE(data.rest.priorities.size() == 1);
    CHECK(data.rest.priorities[0].done);
    CHECK(format_date(*data.rest.priorities[0].until) == "2027-04-20");
    REQUIRE(data.rest.mottos.size() == 1);
    CHECK(format_iso(data.rest.mottos[0].at) == "2026-11-01T08:00:00+01:00");
}

TEST_CASE("an import streams: entries one by one, the rest at the end", "[exchange][import]") {
    auto doc = guilt_doc(good_guilt_entry());
    doc["settings"] = {{"unit", "MI"}, {"week-start", "sunday"}};
    doc["showings"] = {{{"date", "2026-11-25"}, {"strategy", "facts"}}};
    std::istringstream in(doc.dump());
    std::vector<std::string> seen;
    auto data = read_import_stream(in, [&](Entry& e) { seen.push_back(e.uuid); });
    CHECK(seen.size() == 1);
    CHECK(data.entries.empty());
    CHECK(data.rest.settings == std::vector<std::pair<std::string, std::string>>{
                                    {"unit", "mi"}, {"week-start", "sunday"}});
    REQUIRE(data.rest.showings.size() == 1);
    CHECK(format_date(data.rest.showings[0].first) == "2026-11-25");
    CHECK(data.rest.showings[0].second == "facts");

    doc["settings"] = {{"editor", "rm -rf ~"}};
    CHECK(error_of([&] { read_import(doc); }).starts_with("/settings/editor:"));
    doc.erase("settings");
    doc["showings"] = {{{"date", "2026-11-25"}, {"strategy", "hope"}}};
    CHECK(error_of([&] { read_import(doc); }).starts_with("/showings/0/strategy: must be one of"));
}

TEST_CASE("an import nested too deep is refused before it is built", "[exchange][import]") {
    std::string deep = "{\"entries\": " + std::string(200000, '[') + std::string(200000, ']') + "}";
    std::istringstream in(deep);
    CHECK(error_of([&] { read_import_stream(in, [](Entry&) {}); }).find("nested deeper than 64") !=
          std::string::npos);
    std::string inside = R"({"format": "guilt", "version": 1, "entries": [{"text": )" +
                         std::string(100, '[') + std::string(100, ']') + "}]}";
    std::istringstream in2(inside);
    CHECK(error_of([&] { read_import_stream(in2, [](Entry&) {}); }).find("nested deeper") !=
          std::string::npos);
    std::istringstream bad("{\"entries\": [}");
    CHECK(error_of([&] {
              read_import_stream(bad, [](Entry&) {});
          }).starts_with("not valid JSON at line 1"));
}

TEST_CASE("follow-ups read back from a guilt export, each field checked", "[exchange][import]") {
    auto doc = guilt_doc(good_guilt_entry());
    doc["followups"] = {{{"reflection", "4B6F3C1E-8A4D-4F7E-9C2B-5D1E7A9F3B60"},
                         {"answer", "little"},
                         {"night", "2026-11-26"},
                         {"at", "2026-11-26T21:05:00-05:00"}},
                        {{"reflection", "5b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60"},
                         {"answer", nullptr},
                         {"night", "2026-11-27"},
                         {"at", "2026-11-27T21:05:00-05:00"}}};
    auto data = read_import(doc);
    REQUIRE(data.rest.followups.size() == 2);
    CHECK(data.rest.followups[0].reflection_uuid == "4b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60");
    CHECK(data.rest.followups[0].answer == Helped::little);
    CHECK(data.rest.followups[0].night == Date{2026, 11, 26});
    CHECK(format_iso(data.rest.followups[0].at) == "2026-11-26T21:05:00-05:00");
    CHECK_FALSE(data.rest.followups[1].answer);
    // What the export writes reads back as the same values.
    CHECK(followup_to_json(data.rest.followups[0]) ==
          nlohmann::ordered_json{{"reflection", "4b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60"},
                                 {"answer", "little"},
                                 {"night", "2026-11-26"},
                                 {"at", "2026-11-26T21:05:00-05:00"}});

    struct Bad {
        const char* key;
        json value;
        const char* message;
    };
    for (const auto& b : std::vector<Bad>{
             {"answer", "maybe", "/followups/0/answer: must be yes, little, no or null"},
             {"reflection", "nope", "/followups/0/reflection: must be a UUID"},
             {"night", "2026-13-01", "/followups/0/night:"},
             {"at", nullptr, "/followups/0/at: is missing"}}) {
        INFO(b.key);
        auto broken = doc;
        broken["followups"][0][b.key] = b.value;
        CHECK(error_of([&] { read_import(broken); }).starts_with(b.message));
    }
    auto no_night = doc;
    no_night["followups"][0].erase("night");
    CHECK(error_of([&] { read_import(no_night); }).starts_with("/followups/0/night: is missing"));
}

TEST_CASE("an export without follow-ups (written before them) reads with none",
          "[exchange][import]") {
    CHECK(read_import(guilt_doc(good_guilt_entry())).rest.followups.empty());
}
