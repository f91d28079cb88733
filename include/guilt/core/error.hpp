// SPDX-License-Identifier: MIT
// The two kinds of failure guilt reports: the user's input was wrong (exit 2), or something
// else failed (exit 1). Both are caught once, in main, and printed as one line.
#pragma once

#include <stdexcept>
#include <string>

namespace guilt {

// Bad usage or a bad value the user typed. The message names the field and the value given,
// e.g. "--intensity must be 1-10, got 12". Exit code 2; nothing is written.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Any other failure: the journal cannot be opened, read or written. The message names the file
// and what failed. Exit code 1; nothing is written.
class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Exit codes of the command-line contract.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
// `import` imported what it could and skipped items it could not read.
inline constexpr int kExitSkipped = 3;

}  // namespace guilt
