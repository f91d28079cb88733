// SPDX-License-Identifier: MIT
// guilt export: not yet written.
#include <CLI/CLI.hpp>

#include "guilt/cli.hpp"

namespace guilt {

void setup_export(CLI::App&, Context&) {}

}  // namespace guilt
