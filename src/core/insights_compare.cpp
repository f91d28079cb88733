// SPDX-License-Identifier: MIT
// The comparison of a factor's days with and without: moments a day on each side, and a seeded
// bootstrap of the difference that gives the same interval on every platform.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "guilt/core/insights.hpp"

namespace guilt {

namespace {

// splitmix64: a small generator whose sequence is the same on every platform.
class SplitMix {
  public:
    explicit SplitMix(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

  private:
    std::uint64_t m_state;
};

SideFigures side_figures(const std::vector<DayGuilt>& days) {
    SideFigures s;
    s.days = static_cast<int>(days.size());
    int moments = 0, sum = 0, rated = 0;
    for (const auto& d : days) {
        moments += d.moments;
        sum += d.intensity_sum;
        rated += d.rated;
    }
    if (s.days > 0) s.moments_per_day = static_cast<double>(moments) / s.days;
    if (rated > 0) s.mean_intensity = static_cast<double>(sum) / rated;
    return s;
}

double resampled_mean(const std::vector<DayGuilt>& days, SplitMix& rng) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < days.size(); ++i)
        sum += days[rng.below(days.size())].moments;
    return static_cast<double>(sum) / static_cast<double>(days.size());
}

}  // namespace

Comparison compare_days(const std::vector<DayGuilt>& with, const std::vector<DayGuilt>& without,
                        std::uint64_t seed) {
    Comparison c;
    c.with = side_figures(with);
    c.without = side_figures(without);
    if (with.empty() || without.empty()) return c;
    c.difference = c.with.moments_per_day - c.without.moments_per_day;
    if (c.with.days < kMinDaysEachSide || c.without.days < kMinDaysEachSide) return c;

    SplitMix rng(seed);
    std::vector<double> diffs;
    diffs.reserve(kBootstrapRounds);
    for (int r = 0; r < kBootstrapRounds; ++r)
        diffs.push_back(resampled_mean(with, rng) - resampled_mean(without, rng));
    std::sort(diffs.begin(), diffs.end());
    auto tail = static_cast<std::size_t>(kIntervalTail * kBootstrapRounds);
    c.interval = std::array<double, 2>{diffs[tail], diffs[diffs.size() - 1 - tail]};
    // An interval of no width (every resample the same: no day differs from another on either
    // side) says nothing about how sure the difference is.
    bool has_width = (*c.interval)[1] > (*c.interval)[0];
    bool excludes_zero = (*c.interval)[0] > 0 || (*c.interval)[1] < 0;
    c.verdict = has_width && excludes_zero ? Verdict::clear : Verdict::unclear;
    return c;
}

std::uint64_t data_seed(std::string_view factor, const std::vector<DayGuilt>& with,
                        const std::vector<DayGuilt>& without) {
    // FNV-1a over the factor id and every figure, so the seed follows the data alone.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    auto mix = [&h](std::uint64_t v) {
        for (int i = 0; i < 8; ++i) {
            h ^= (v >> (8 * i)) & 0xff;
            h *= 0x100000001b3ULL;
        }
    };
    for (char c : factor)
        mix(static_cast<unsigned char>(c));
    for (const auto* side : {&with, &without}) {
        mix(side->size());
        for (const auto& d : *side) {
            mix(static_cast<std::uint64_t>(d.moments));
            mix(static_cast<std::uint64_t>(d.intensity_sum));
            mix(static_cast<std::uint64_t>(d.rated));
        }
    }
    return h;
}

}  // namespace guilt
