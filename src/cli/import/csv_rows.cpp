// SPDX-License-Identifier: MIT
// The record loop the Strava and Garmin CSV readers share.
#include <fmt/format.h>

#include "guilt/core/text.hpp"
#include "readers.hpp"

namespace guilt::import {

std::string_view cell(const std::vector<std::string>& row, std::optional<std::size_t> column) {
    return column && *column < row.size() ? std::string_view(row[*column]) : std::string_view();
}

void for_each_row(CsvReader& csv, const ActivitySink& sink, std::optional<std::size_t> sport_column,
                  const RowReader& fn) {
    std::vector<std::string> row;
    while (csv.next(row)) {
        if (row.size() == 1 && trim(row[0]).empty()) continue;  // a blank line
        const auto where = fmt::format("line {}", csv.line());
        try {
            fn(row, where,
               [&](std::string_view column) { return fmt::format("{}: {}", where, column); });
        } catch (const ImportLimit&) {
            throw;
        } catch (const UsageError& e) {
            Activity unread;
            unread.sport = trim(cell(row, sport_column));
            unread.problem = e.what();
            if (unread.problem.starts_with(where + ": ")) unread.problem.erase(0, where.size() + 2);
            sink(unread, where);
        }
    }
}

}  // namespace guilt::import
