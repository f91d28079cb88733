// SPDX-License-Identifier: MIT
// Time as guilt reads and writes it: the calendar, the local zone and the WHEN grammar.
#pragma once

#include "guilt/core/calendar.hpp"
#include "guilt/core/when.hpp"
#include "guilt/core/zone.hpp"
