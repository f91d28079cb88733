// SPDX-License-Identifier: MIT
// Unit tests of what a CSV is: its delimiter, the export its header is in every language of
// data/watch_csv.json (each header line the table keeps is matched), the unit a header names,
// localised sport names, and sniff() on the first bytes of a file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../../src/cli/import/readers.hpp"
#include "guilt/cli/activity.hpp"

using namespace guilt;
using namespace guilt::import;

namespace {

nlohmann::json table() {
    std::ifstream in(std::string(GUILT_SOURCE_DIR) + "/data/watch_csv.json");
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
}

std::vector<std::string> fields(const std::string& line) {
    StringSource source(line);
    CsvReader csv(source, csv_delimiter(line));
    std::vector<std::string> out;
    csv.next(out);
    return out;
}

bool has(const CsvLayout& l, const std::string& name) {
    return std::find(l.names.begin(), l.names.end(), name) != l.names.end();
}

}  // namespace

TEST_CASE("every header line of the table is matched as its export", "[watch_csv]") {
    auto t = table();
    REQUIRE(t.at("headers").size() >= 17);
    for (const auto& h : t.at("headers")) {
        auto line = h.at("header").get<std::string>();
        auto format = h.at("format").get<std::string>();
        CAPTURE(format, h.at("language").get<std::string>(), line);
        CHECK_FALSE(h.at("source").get<std::string>().empty());
        auto layout = match_csv_header(fields(line));
        if (format == "garmin") {
            CHECK(layout.format == CsvFormat::garmin);
            for (auto name : {"Activity Type", "Date", "Title", "Distance", "Time"})
                CHECK(has(layout, name));
        } else {
            CHECK(layout.format ==
                  (format == "strava" ? CsvFormat::strava : CsvFormat::strava_2014));
            for (auto name : {"Activity ID", "Activity Date", "Activity Type", "Filename"})
                CHECK(has(layout, name));
        }
        // The same header with semicolons, as a spreadsheet in those languages saves it.
        std::string semi = line;
        std::replace(semi.begin(), semi.end(), ',', ';');
        CHECK(match_csv_header(fields(semi)).format == layout.format);
    }
}

TEST_CASE("every language of the issue has a Garmin header in the table", "[watch_csv]") {
    std::set<std::string> languages;
    const auto t = table();
    for (const auto& h : t.at("headers"))
        if (h.at("format").get<std::string>() == "garmin")
            languages.insert(h.at("language").get<std::string>());
    for (auto lang : {"en", "de", "fr", "es", "it", "pt", "nl", "da", "sv", "no", "pl"}) {
        CAPTURE(lang);
        CHECK(languages.count(lang) == 1);
    }
}

TEST_CASE("a header that is no export, and the unit a header names", "[watch_csv]") {
    CHECK(match_csv_header(fields("a,b,c")).format == CsvFormat::none);
    CHECK(match_csv_header(fields("Date,Distance,Time")).format == CsvFormat::none);
    CHECK(match_csv_header({}).format == CsvFormat::none);

    auto mi = match_csv_header(fields("Activity Type,Date,Title,Distance (mi),Time"));
    CHECK(mi.format == CsvFormat::garmin);
    CHECK(mi.unit == DistanceUnit::mi);
    CHECK(has(mi, "Distance"));
    auto km = match_csv_header(fields("Aktivitätstyp;Datum;Titel;Distanz (km);Zeit"));
    CHECK(km.unit == DistanceUnit::km);
    CHECK_FALSE(match_csv_header(fields("Activity Type,Date,Distance")).unit);

    auto old = match_csv_header(fields("id,date,name,type,description,elapsed_time,distance"));
    CHECK(old.format == CsvFormat::strava_2014);
    CHECK(has(old, "Distance (m)"));
}

TEST_CASE("delimiters: comma, semicolon, tab, and quoted ones", "[watch_csv]") {
    CHECK(csv_delimiter("a,b,c") == ',');
    CHECK(csv_delimiter("a;b;c") == ';');
    CHECK(csv_delimiter("a\tb\tc") == '\t');
    CHECK(csv_delimiter("\"a;b;c\",d,e") == ',');
    CHECK(csv_delimiter("\"1,5\";\"2,5\"") == ';');
    CHECK(csv_delimiter("") == ',');
}

TEST_CASE("localised sport names are the activities they name", "[watch_csv]") {
    auto sports = table().at("sports");
    for (const auto& [noun, names] : sports.items())
        for (const auto& n : names) {
            CAPTURE(noun, n.get<std::string>());
            CHECK(activity_noun(n.get<std::string>()) == noun);
        }
    CHECK(activity_noun("LØB") == "run");
    CHECK(activity_noun(" Hardlopen ") == "run");
    CHECK(activity_noun("Skilanglauf") == "other activity");  // cross-country skiing
    CHECK(activity_noun("Trail Running") == "run");
}

TEST_CASE("sniff knows a CSV by its header, whatever its language and delimiter", "[watch_csv]") {
    CHECK(sniff("Løb") == FileKind::unknown);
    CHECK(sniff("Aktivitetstype,Dato,Favorit,Titel,Distance,Kalorier,Tid\r\nLøb,2020-03-02 "
                "15:05:08,false,\"x\",\"6.29\",\"469\",\"00:36:26\"\r\n") == FileKind::garmin_csv);
    CHECK(sniff("\xEF\xBB\xBFTipo de actividad;Fecha;Título;Distancia;Tiempo\n") ==
          FileKind::garmin_csv);
    CHECK(sniff("Activiteits-ID\tDatum van activiteit\tNaam activiteit\tActiviteitstype\n") ==
          FileKind::strava_csv);
    CHECK(sniff("id,date,name,type,description,elapsed_time,distance,commute,gear,filename\n") ==
          FileKind::strava_csv);
    CHECK(sniff("\"Activity Type\",\"Date\",\"Title\"\n") == FileKind::garmin_csv);
    CHECK(sniff("name,date\n") == FileKind::unknown);
    CHECK(sniff("{\"entries\": []}") == FileKind::unknown);
    CHECK(sniff("\"never ends,Date\n") == FileKind::unknown);
    CHECK(sniff(" \n\t") == FileKind::empty);

    // UTF-16 with its byte order mark, decoded by peek_text before sniff sees it.
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("Activity Type,Date,Title\r\n")) {
        utf16 += c;
        utf16 += '\0';
    }
    std::string head;
    bool was_utf16 = false;
    peek_text(std::make_unique<StringSource>(utf16), head, 4096, &was_utf16);
    CHECK(was_utf16);
    CHECK(sniff(head) == FileKind::garmin_csv);
}

TEST_CASE("the unit of a Garmin CSV from its runs' cadence and stride length", "[watch_csv]") {
    const std::string head =
        "Activity Type,Date,Title,Distance,Time,Avg Run Cadence,Avg Stride Length\n";
    // 6.29 km in 36:26 at 171 steps a minute of 1.01 m.
    CHECK(unit_from_strides(head + "Running,2020-03-02 15:05:08,a,6.29,00:36:26,171,1.01\n") ==
          DistanceUnit::km);
    // 3.10 mi in 28:30 at 170 steps of 1.03 m, or of 3.38 ft.
    CHECK(unit_from_strides(head + "Running,2025-03-02 07:05:08,a,3.10,00:28:30,170,1.03\n") ==
          DistanceUnit::mi);
    CHECK(unit_from_strides(head + "Running,2025-03-02 07:05:08,a,3.10,00:28:30,170,3.38\n") ==
          DistanceUnit::mi);
    // In German, with semicolons and decimal commas; a row cut where the head ends.
    CHECK(unit_from_strides("Aktivitätstyp;Datum;Titel;Distanz;Zeit;Ø Schrittfrequenz "
                            "(Laufen);Ø Schrittlänge\nLaufen;2024-12-27 09:18:49;a;10,05;00:48:"
                            "39;174;1,18\nLaufen;2024-12-28 09:18:49;\"a") == DistanceUnit::km);
    // Nothing to tell by: no such columns, no runs with them, or a ratio that is neither.
    CHECK_FALSE(
        unit_from_strides("Activity Type,Date,Distance,Time\nRunning,2025-03-02 "
                          "07:05:08,3.10,00:28:30\n"));
    CHECK_FALSE(unit_from_strides(head + "Cycling,2025-03-02 07:05:08,a,20,01:00:00,--,--\n"));
    CHECK_FALSE(unit_from_strides(head + "Running,2025-03-02 07:05:08,a,3.10,00:28:30,170,1.5\n"));
    CHECK_FALSE(unit_from_strides("Activity ID,Activity Date,Activity Type\n1,x,Run\n"));
}
