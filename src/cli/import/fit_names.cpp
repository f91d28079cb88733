// SPDX-License-Identifier: MIT
// The names FIT files give by number (the FIT profile): sports and sub-sports as guilt names them,
// and the types of file that are not a recorded activity. The reader is in fit.cpp.
#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "readers.hpp"

namespace guilt::import {

namespace {

constexpr std::uint64_t kRunning = 1;  // the sport number of running

constexpr std::array<const char*, 49> kSportNames = {"generic",
                                                     "running",
                                                     "cycling",
                                                     "transition",
                                                     "fitness equipment",
                                                     "swimming",
                                                     "basketball",
                                                     "soccer",
                                                     "tennis",
                                                     "american football",
                                                     "training",
                                                     "walking",
                                                     "cross country skiing",
                                                     "alpine skiing",
                                                     "snowboarding",
                                                     "rowing",
                                                     "mountaineering",
                                                     "hiking",
                                                     "multisport",
                                                     "paddling",
                                                     "flying",
                                                     "e-biking",
                                                     "motorcycling",
                                                     "boating",
                                                     "driving",
                                                     "golf",
                                                     "hang gliding",
                                                     "horseback riding",
                                                     "hunting",
                                                     "fishing",
                                                     "inline skating",
                                                     "rock climbing",
                                                     "sailing",
                                                     "ice skating",
                                                     "sky diving",
                                                     "snowshoeing",
                                                     "snowmobiling",
                                                     "stand up paddleboarding",
                                                     "surfing",
                                                     "wakeboarding",
                                                     "water skiing",
                                                     "kayaking",
                                                     "rafting",
                                                     "windsurfing",
                                                     "kitesurfing",
                                                     "tactical",
                                                     "jumpmaster",
                                                     "boxing",
                                                     "floor climbing"};

}  // namespace

const char* file_type_name(std::uint64_t type) {
    switch (type) {
        case 1:
            return "device";
        case 2:
            return "settings";
        case 3:
            return "sport settings";
        case 5:
            return "workout";
        case 6:
            return "course";
        case 7:
            return "schedules";
        case 9:
            return "weight";
        case 10:
            return "totals";
        case 11:
            return "goals";
        case 14:
            return "blood pressure";
        case 15:
        case 28:
        case 32:
            return "monitoring";
        case 20:
            return "activity summary";
        case 34:
        case 35:
            return "segment";
        default:
            return "non-activity";
    }
}

// The sport as guilt names it: running with its sub-sport ("trail running"), else the FIT name.
std::string sport_name(std::optional<std::uint64_t> sport, std::optional<std::uint64_t> sub) {
    if (!sport) return "";
    if (*sport == kRunning && sub) {
        switch (*sub) {
            case 1:
                return "treadmill running";
            case 2:
                return "street running";
            case 3:
                return "trail running";
            case 4:
                return "track running";
            case 45:
                return "indoor running";
            case 58:
                return "virtual running";
            default:
                break;
        }
    }
    if (*sport == 10 && sub) {  // training
        switch (*sub) {
            case 19:
                return "flexibility training";
            case 20:
                return "strength training";
            case 26:
                return "cardio training";
            case 43:
                return "yoga";
            case 44:
                return "pilates";
            default:
                break;
        }
    }
    if (*sport < kSportNames.size()) return kSportNames[*sport];
    return fmt::format("FIT sport {}", *sport);
}

}  // namespace guilt::import
