// SPDX-License-Identifier: MIT
// The process's time zone, by the C library's rules for TZ, and its name.
#include "guilt/cli/system_zone.hpp"

#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <fstream>

namespace guilt {
namespace {

class SystemZone final : public Zone {
  public:
    int offset_at(std::int64_t utc) const override {
        const auto t = static_cast<std::time_t>(utc);
        std::tm tm{};
        if (localtime_r(&t, &tm) == nullptr) return 0;
        return static_cast<int>(tm.tm_gmtoff);
    }
};

// The zone name in a path such as /usr/share/zoneinfo/Europe/London; empty when it has none.
std::string zone_in_path(const std::string& path) {
    auto at = path.find("zoneinfo/");
    return at == std::string::npos ? std::string() : path.substr(at + 9);
}

}  // namespace

std::string system_zone_name() {
    if (const char* tz = std::getenv("TZ"); tz != nullptr) {
        std::string name(*tz == ':' ? tz + 1 : tz);
        return name.starts_with('/') ? zone_in_path(name) : name;
    }
    char target[512];
    auto n = ::readlink("/etc/localtime", target, sizeof target - 1);
    if (n > 0) return zone_in_path(std::string(target, static_cast<std::size_t>(n)));
    std::ifstream in("/etc/timezone");
    std::string name;
    std::getline(in, name);
    return name;
}

const Zone& system_zone() {
    static const SystemZone zone;
    return zone;
}

}  // namespace guilt
