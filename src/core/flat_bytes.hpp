// SPDX-License-Identifier: MIT
// The flat forms guilt compiles its built-in data into when it is built (the lexicon, the
// strategies): 32-bit little-endian numbers and strings as their length and bytes, read back by
// the same build only. Internal to src/core/.
#pragma once

#include <fmt/format.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "guilt/core/error.hpp"

namespace guilt::flat {

class Writer {
  public:
    explicit Writer(std::string_view magic) : m_out(magic) {}
    void number(std::int64_t n) {
        auto u = static_cast<std::uint32_t>(static_cast<std::int32_t>(n));
        for (int i = 0; i < 4; ++i)
            m_out += static_cast<char>((u >> (8 * i)) & 0xFF);
    }
    void text(std::string_view s) {
        number(static_cast<std::int64_t>(s.size()));
        m_out += s;
    }
    void bytes(std::string_view s) { m_out += s; }
    std::string take() { return std::exchange(m_out, {}); }

  private:
    std::string m_out;
};

// Reads what Writer wrote; anything else is refused as "SOURCE: is not WHAT of this build of
// guilt" (WHAT: "a compiled lexicon").
class Reader {
  public:
    Reader(std::string_view bytes, std::string_view magic, std::string_view source,
           std::string_view what)
        : m_in(bytes), m_source(source), m_what(what) {
        if (!m_in.starts_with(magic)) damaged();
        m_at = magic.size();
    }
    std::int32_t number() {
        need(4);
        return unchecked();
    }
    // A count of things each at least `least` bytes long, checked against what is left.
    std::size_t count(std::size_t least) {
        auto n = number();
        if (n < 0 || static_cast<std::size_t>(n) > (m_in.size() - m_at) / least) damaged();
        return static_cast<std::size_t>(n);
    }
    std::string_view text() {
        auto n = count(1);
        auto out = m_in.substr(m_at, n);
        m_at += n;
        return out;
    }
    void need(std::size_t bytes) const {
        if (m_in.size() - m_at < bytes) damaged();
    }
    bool done() const { return m_at == m_in.size(); }
    [[noreturn]] void damaged() const {
        throw UsageError(fmt::format("{}: is not {} of this build of guilt", m_source, m_what));
    }

  protected:
    // A number, its 4 bytes known to be there.
    std::int32_t unchecked() {
        std::uint32_t u = 0;
        std::memcpy(&u, m_in.data() + m_at, 4);
        if constexpr (std::endian::native == std::endian::big) u = __builtin_bswap32(u);
        m_at += 4;
        return static_cast<std::int32_t>(u);
    }

    std::string_view m_in;
    std::string_view m_source;
    std::string_view m_what;
    std::size_t m_at = 0;
};

}  // namespace guilt::flat
