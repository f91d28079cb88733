// SPDX-License-Identifier: MIT
// The process's time zone, by the C library's rules for TZ.
#include "guilt/cli/system_zone.hpp"

#include <ctime>

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

}  // namespace

const Zone& system_zone() {
    static const SystemZone zone;
    return zone;
}

}  // namespace guilt
