// SPDX-License-Identifier: MIT
// What a CSV is: its delimiter, and which export its header is, told by the meaning of its
// columns in every language Strava and Garmin Connect export (data/watch_csv.json). Each matched
// header is handed on under the English names the readers look for, so one reader reads every
// language.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "guilt/cli/embedded.hpp"
#include "guilt/core/text.hpp"
#include "readers.hpp"

namespace guilt::import {

namespace {

struct FormatTable {
    CsvFormat format;
    std::string name;
    // Each folded name of a column, in any language, to its English name.
    std::map<std::string, std::string> english;
    std::vector<std::string> required;
};

struct Tables {
    std::vector<FormatTable> formats;           // in the order a header is tried
    std::map<std::string, std::string> sports;  // a folded sport name to its noun
    std::vector<std::vector<std::string>> months;
};

const Tables& tables() {
    static const Tables t = [] {
        auto text = embedded_file("watch_csv.json");
        if (!text) throw StoreError("built-in watch_csv.json is missing from this build");
        auto j = nlohmann::json::parse(*text);
        Tables out;
        // Strava first: its localised headers share column names with Garmin's ("Type
        // d'activité"), and only Strava's has an activity id.
        for (auto [key, format] : {std::pair{"strava", CsvFormat::strava},
                                   std::pair{"strava_2014", CsvFormat::strava_2014},
                                   std::pair{"garmin", CsvFormat::garmin}}) {
            const auto& f = j.at("formats").at(key);
            FormatTable table{format, f.at("name").get<std::string>(), {}, {}};
            for (const auto& [english, names] : f.at("columns").items())
                for (const auto& n : names)
                    table.english[fold_name(n.get<std::string>())] = english;
            table.required = f.at("required").get<std::vector<std::string>>();
            out.formats.push_back(std::move(table));
        }
        for (const auto& [noun, names] : j.at("sports").items())
            for (const auto& n : names)
                out.sports[fold_name(n.get<std::string>())] = noun;
        out.months = j.at("months").get<std::vector<std::vector<std::string>>>();
        return out;
    }();
    return t;
}

// "Distance (mi)" as "Distance" and mi; a name without a unit as it is.
std::pair<std::string, std::optional<DistanceUnit>> split_unit(std::string_view name) {
    auto n = trim(name);
    for (auto [suffix, unit] :
         {std::pair{"(km)", DistanceUnit::km}, std::pair{"(mi)", DistanceUnit::mi}}) {
        auto lower = to_lower(n);
        if (std::string_view(lower).ends_with(suffix))
            return {std::string(trim(n.substr(0, n.size() - 4))), unit};
    }
    return {std::string(n), std::nullopt};
}

}  // namespace

char csv_delimiter(std::string_view line) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        comma += c == ',';
        semicolon += c == ';';
        tab += c == '\t';
    }
    if (tab > comma && tab >= semicolon) return '\t';
    if (semicolon > comma) return ';';
    return ',';
}

CsvLayout match_csv_header(const std::vector<std::string>& names) {
    for (const auto& table : tables().formats) {
        CsvLayout layout;
        layout.format = table.format;
        std::vector<std::string> found;
        for (const auto& raw : names) {
            auto [name, unit] = split_unit(raw);
            auto it = table.english.find(fold_name(name));
            if (it == table.english.end()) {
                layout.names.push_back(name);
                continue;
            }
            layout.names.push_back(it->second);
            found.push_back(it->second);
            if (unit && it->second.starts_with("Distance") && !layout.unit) layout.unit = unit;
        }
        auto has = [&](const std::string& e) {
            return std::find(found.begin(), found.end(), e) != found.end();
        };
        if (std::all_of(table.required.begin(), table.required.end(), has)) return layout;
    }
    return CsvLayout{};
}

std::optional<DistanceUnit> unit_from_strides(std::string_view head) {
    StringSource source(head);
    std::vector<double> ratios;
    try {
        CsvReader csv(source, csv_delimiter(head.substr(0, head.find_first_of("\r\n"))));
        std::vector<std::string> row;
        if (!csv.next(row)) return std::nullopt;
        auto layout = match_csv_header(row);
        CsvHeader h(layout.names);
        const auto cadence = h.find("Avg Run Cadence"), stride = h.find("Avg Stride Length"),
                   time = h.find("Time"), distance = h.find("Distance");
        if (layout.format != CsvFormat::garmin || !cadence || !stride || !time || !distance)
            return std::nullopt;
        while (csv.next(row)) {
            try {
                auto c = parse_activity_number(cell(row, cadence), "");
                auto s = parse_activity_number(cell(row, stride), "");
                auto d = parse_distance_number(cell(row, distance), "");
                auto t = parse_clock_duration(cell(row, time), "");
                if (c && s && d && t && *c > 0 && *s > 0 && *d > 0 && *t > 0)
                    ratios.push_back(*c / 60 * *s * *t / *d);
            } catch (const UsageError&) {
                // a row cut where the head ends, or a value the reader will name
            }
        }
    } catch (const UsageError&) {
        // a quote the head cuts: the rows before it are enough
    }
    if (ratios.empty()) return std::nullopt;
    std::nth_element(ratios.begin(), ratios.begin() + ratios.size() / 2, ratios.end());
    const double median = ratios[ratios.size() / 2];
    for (auto [per_unit, unit] :
         {std::pair{1000.0, DistanceUnit::km}, std::pair{1609.344, DistanceUnit::mi},
          std::pair{3280.84, DistanceUnit::km}, std::pair{5280.0, DistanceUnit::mi}})
        if (median > per_unit * 0.85 && median < per_unit * 1.15) return unit;
    return std::nullopt;
}

std::string_view csv_format_name(CsvFormat format) {
    for (const auto& table : tables().formats)
        if (table.format == format) return table.name;
    return "a CSV guilt does not read";
}

std::optional<std::string_view> localised_sport_noun(std::string_view sport) {
    const auto& sports = tables().sports;
    auto it = sports.find(fold_name(trim(sport)));
    if (it == sports.end()) return std::nullopt;
    return it->second;
}

std::optional<int> localised_month(std::string_view word) {
    auto w = fold_name(word);
    if (w.ends_with('.')) w.pop_back();
    if (w.empty()) return std::nullopt;
    for (const auto& language : tables().months)
        for (std::size_t m = 0; m < language.size(); ++m) {
            const auto& name = fold_name(language[m]);
            // "sept" and "september" both start with the table's "sep"; "mär" and "märz".
            if (w.starts_with(name) || (w.size() >= 3 && name.starts_with(w)))
                return static_cast<int>(m) + 1;
        }
    return std::nullopt;
}

}  // namespace guilt::import
