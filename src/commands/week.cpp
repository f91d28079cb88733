// SPDX-License-Identifier: MIT
// guilt week: not yet written.
#include <CLI/CLI.hpp>

#include "guilt/cli.hpp"

namespace guilt {

void setup_week(CLI::App&, Context&) {}

}  // namespace guilt
