// SPDX-License-Identifier: MIT
// The strategy wording and the lexicon in use: her own copy under $XDG_CONFIG_HOME/guilt/ when
// present (validated), else the one built into the binary; and where her own files are.
#pragma once

#include <optional>
#include <string>

#include "guilt/core/helplines.hpp"
#include "guilt/core/lexicon.hpp"
#include "guilt/core/strategies.hpp"

namespace guilt {

// Her own guilt folder: $XDG_CONFIG_HOME/guilt, else ~/.config/guilt; empty when neither
// variable is set.
std::string config_dir();

// Her own file at `path`, read whole; nothing when it is not there or cannot be opened. Throws
// StoreError naming it when it is not a regular file (a FIFO, a device, a folder): guilt never
// waits on one.
std::optional<std::string> read_own_file(const std::string& path);

// Throw UsageError naming the file and the JSON path when her file is malformed. The lexicon is
// read once and kept to the end of the run (never freed: freeing its ten thousand cues at exit
// was a fifth of `guilt show`).
const Lexicon& load_lexicon();
StrategyBook load_strategies();

// The crisis lines built into this binary (data/helplines.json), read once.
const Helplines& helplines();

}  // namespace guilt
