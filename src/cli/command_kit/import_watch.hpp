// SPDX-License-Identifier: MIT
// guilt import of watch and phone exports (Strava, Garmin, GPX, TCX): the part of the import
// command that src/cli/commands/import.cpp hands them to.
#pragma once

#include <string>
#include <vector>

#include "guilt/cli/activity.hpp"
#include "guilt/cli/cli.hpp"

namespace guilt {

// What she chose on the command line.
struct WatchImportChoices {
    bool dry_run = false;             // list what would come in and what would not; write nothing
    bool others_as_deposits = false;  // --others deposit
    bool strict = false;              // an item that cannot be read refuses the whole import
    UntypedAs untyped = UntypedAs::pace;  // --as run|deposit
};

// Imports `files` (read_watch_files) in one transaction, or only lists what would change with
// `dry_run`: new runs (solo), deposits with `others_as_deposits`, runs she typed by hand merged
// with the watch's, and the rest skipped and counted. Items that cannot be read are named on
// stderr and the rest comes in, exit 3; with `strict` they refuse the import (UsageError).
void run_watch_import(const std::vector<std::string>& files, const WatchImportChoices& choices,
                      Context& ctx);

}  // namespace guilt
