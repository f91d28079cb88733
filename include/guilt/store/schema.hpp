// SPDX-License-Identifier: MIT
// The numbered schema migrations of the journal, applied in order by the store.
#pragma once

#include <string_view>
#include <vector>

namespace guilt {

struct Migration {
    int version;            // PRAGMA user_version once applied
    std::string_view what;  // one line for humans
    std::string_view sql;   // run inside the migration's transaction
};

// All migrations, in ascending version order, starting at 1 with no gaps.
const std::vector<Migration>& migrations();

}  // namespace guilt
