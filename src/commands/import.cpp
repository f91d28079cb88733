// SPDX-License-Identifier: MIT
// guilt import: not yet written.
#include <CLI/CLI.hpp>

#include "guilt/cli.hpp"

namespace guilt {

void setup_import(CLI::App&, Context&) {}

}  // namespace guilt
