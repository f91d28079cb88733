// SPDX-License-Identifier: MIT
// The progress line of a long import, on stderr, rewritten in place, only on a terminal:
// "Importing entries: 12000 of 200000 (6%)" when the total is known, "Importing entries: 12000
// (6%)" with the share of the file read when it is not, "Reading activities: 1200" when neither
// is. Cleared when done, so the summary line stands alone.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace guilt {

class Progress {
  public:
    // `what`: "Importing entries". `total`: items to come, or 0 when unknown. `file_bytes`: the
    // size of the file read, or 0 when unknown. Short work (a total or a file under the
    // thresholds below, or under kCountEvery items) shows nothing.
    Progress(std::string_view what, std::size_t total, std::size_t file_bytes);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    static constexpr std::size_t kFromItems = 2000;     // smaller known totals finish at once
    static constexpr std::size_t kFromBytes = 1 << 20;  // the same, for a file of unknown count
    static constexpr std::size_t kCountEvery = 100;     // items between counts, when neither

    // The bytes of the file read so far (for the share when the total is unknown).
    void read_to(std::size_t byte) { m_read = byte; }
    // `done` items so far.
    void step(std::size_t done);

  private:
    std::string m_what;
    std::size_t m_total, m_bytes, m_read = 0, m_percent = 0;
    bool m_on, m_shown = false;
};

}  // namespace guilt
