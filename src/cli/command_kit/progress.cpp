// SPDX-License-Identifier: MIT
#include "progress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "guilt/cli/terminal.hpp"

namespace guilt {

Progress::Progress(std::string_view what, std::size_t total, std::size_t file_bytes)
    : m_what(what),
      m_total(total),
      m_bytes(file_bytes),
      m_on((total > 0 ? total > kFromItems : file_bytes == 0 || file_bytes > kFromBytes) &&
           is_terminal(stderr)) {}

Progress::~Progress() {
    if (m_on && m_shown) std::cerr << "\r\033[K" << std::flush;  // clear the line
}

void Progress::step(std::size_t done) {
    if (!m_on) return;
    std::string line;
    if (m_total > 0) {
        if (done % std::max<std::size_t>(1, m_total / 100) != 0 && done != m_total) return;
        line = fmt::format("\r{}: {} of {} ({}%)", m_what, done, m_total, done * 100 / m_total);
    } else if (m_bytes > 0) {
        std::size_t percent = std::min<std::size_t>(99, m_read * 100 / m_bytes);
        if (percent == m_percent) return;
        m_percent = percent;
        line = fmt::format("\r{}: {} ({}%)", m_what, done, percent);
    } else {
        if (done % kCountEvery != 0) return;
        line = fmt::format("\r{}: {}", m_what, done);
    }
    m_shown = true;
    std::cerr << line << std::flush;
}

}  // namespace guilt
