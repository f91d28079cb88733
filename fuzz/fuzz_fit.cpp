// SPDX-License-Identifier: MIT
// libFuzzer target: reading a FIT file either yields activities that map to valid entries or
// throws UsageError (UnusableTrack); it never crashes, loops or throws anything else. Mutated
// bytes almost never keep a valid checksum, so for inputs whose first byte is even the target
// writes the right checksums in first, to reach the messages behind them.
#include <cstdint>
#include <string>

#include "fuzz_watch.hpp"

namespace {

void put_crc(std::string& bytes, std::size_t at, std::size_t covered) {
    auto crc = guilt::import::fit_crc(std::string_view(bytes).substr(0, covered));
    bytes[at] = static_cast<char>(crc & 0xFF);
    bytes[at + 1] = static_cast<char>(crc >> 8);
}

void fix_checksums(std::string& bytes) {
    if (bytes.size() < 14) return;
    auto u = [&](std::size_t i) {
        return static_cast<std::size_t>(static_cast<unsigned char>(bytes[i]));
    };
    const std::size_t header = u(0);
    const std::size_t data = u(4) | u(5) << 8 | u(6) << 16 | u(7) << 24;
    if (header >= 14 && header <= bytes.size()) put_crc(bytes, 12, 12);
    if (header <= bytes.size() && data <= bytes.size() - header &&
        bytes.size() - header - data >= 2)
        put_crc(bytes, header + data, header + data);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::fixed_zone();
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (size > 0 && data[0] % 2 == 0) fix_checksums(bytes);
    try {
        for (const auto& a : guilt::import::read_fit(bytes))
            fuzz::check_activity(a, "session");
    } catch (const guilt::UsageError&) {
    }
    return 0;
}
