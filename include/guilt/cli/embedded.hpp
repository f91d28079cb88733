// SPDX-License-Identifier: MIT
// The files of data/ (strategies, lexicon, JSON Schemas), compiled into the binary.
#pragma once

#include <optional>
#include <string_view>

namespace guilt {

// The contents of data/NAME as built in, or nullopt when there is no such file.
std::optional<std::string_view> embedded_file(std::string_view name);

}  // namespace guilt
