// SPDX-License-Identifier: MIT
// Finding the entry an ID names, for show, edit and delete.
#pragma once

#include <string>

#include "guilt/cli/cli.hpp"
#include "guilt/core/types.hpp"

namespace guilt {

// The entry with this id. Throws UsageError (exit 2) for a malformed or unknown id.
Entry entry_by_id(Context& ctx, const std::string& id_text);

}  // namespace guilt
