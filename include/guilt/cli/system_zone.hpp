// SPDX-License-Identifier: MIT
// The process's time zone (TZ, else /etc/localtime), which the command line installs for the
// core with use_zone() before it reads a time.
#pragma once

#include "guilt/core/zone.hpp"

namespace guilt {

const Zone& system_zone();

}  // namespace guilt
