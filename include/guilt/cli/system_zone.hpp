// SPDX-License-Identifier: MIT
// The process's time zone (TZ, else /etc/localtime), which the command line installs for the
// core with use_zone() before it reads a time.
#pragma once

#include <string>

#include "guilt/core/zone.hpp"

namespace guilt {

const Zone& system_zone();

// The IANA name of the process's zone ("Europe/London"): from TZ (":Europe/London", or a path
// under a zoneinfo folder), else the link /etc/localtime, else /etc/timezone; empty when none
// names one (TZ=UTC names no country, and a POSIX rule such as EST5EDT no zone).
std::string system_zone_name();

}  // namespace guilt
