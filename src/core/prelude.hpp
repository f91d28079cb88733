// SPDX-License-Identifier: MIT
// The precompiled header of guilt_core, and so the first thing every core file reads: the
// standard and library headers the core uses, then the rules that keep the core pure. From
// here on, naming the environment or the system clock stops the build, and so does including
// <unistd.h>, the store's or the command line's headers, SQLiteCpp or CLI11 (they resolve to
// headers that say why: guilt_forbid in CMakeLists.txt). The clock and TZ come in from the
// command line: current_time() and use_zone().
#pragma once

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#define GUILT_CORE_PRELUDE_DONE 1

// clang-format off
#pragma GCC poison getenv secure_getenv setenv unsetenv putenv clearenv environ
#pragma GCC poison localtime localtime_r mktime tzset gettimeofday clock_gettime
#pragma GCC poison system_clock steady_clock high_resolution_clock
// clang-format on
