// SPDX-License-Identifier: MIT
// guilt import of watch and phone exports (Strava, Garmin, GPX, TCX): the part of the import
// command that src/commands/import.cpp hands them to.
#pragma once

#include <string>
#include <vector>

#include "guilt/cli/cli.hpp"

namespace guilt {

// Imports `files` (read_watch_files) in one transaction, or only says what would change with
// `dry_run`: new runs (solo), deposits with `others_as_deposits`, runs she typed by hand merged
// with the watch's, and the rest skipped and counted. Throws UsageError naming the file.
void run_watch_import(const std::vector<std::string>& files, bool dry_run, bool others_as_deposits,
                      Context& ctx);

}  // namespace guilt
