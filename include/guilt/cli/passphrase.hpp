// SPDX-License-Identifier: MIT
// A passphrase asked at the terminal itself (/dev/tty) with echo off: never from argv, the
// environment or a pipe, and never stored.
#pragma once

#include <string>
#include <string_view>

namespace guilt {

// Shows `prompt` on the terminal and reads one line without echo. Throws UsageError, saying
// `instead` (what to do without a terminal), when guilt has no terminal; UsageError at Ctrl-D.
std::string ask_passphrase(std::string_view prompt, std::string_view instead);

// A new passphrase, asked twice: UsageError when it is empty or the two differ.
std::string ask_new_passphrase(std::string_view instead);

// Overwrites `secret` with zeros and empties it.
void forget_secret(std::string& secret);

}  // namespace guilt
