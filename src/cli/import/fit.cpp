// SPDX-License-Identifier: MIT
// Garmin's FIT, the binary format most watches record, read from the published protocol (the FIT
// SDK's description of the file header, the record headers, definition and data messages, and
// the CRC): one activity per `session` message, or one from the `record` messages when a file has
// none. Every other message is passed over, developer fields too. Every read is bounds-checked
// and every step consumes bytes, so a damaged file ends in a one-line reason, never a crash or a
// loop.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "readers.hpp"

namespace guilt::import {

namespace {

// FIT times are seconds since 1989-12-31T00:00:00Z; a value below 0x10000000 is the device's
// own count since it was switched on (its clock was not set), not a date.
constexpr std::int64_t kFitEpoch = 631065600;
constexpr std::uint64_t kFirstDateTime = 0x10000000;
// More sessions than any multisport race: a file of tiny session messages cannot fill memory.
constexpr std::size_t kMaxSessions = 1000;

// The global message numbers and field numbers read (FIT profile).
constexpr std::uint16_t kFileId = 0, kSport = 12, kSession = 18, kRecord = 20;
constexpr std::uint8_t kTimestamp = 253;
constexpr std::uint64_t kActivityFile = 4;

struct FieldDef {
    std::uint8_t number = 0, size = 0, base = 0;
    std::size_t offset = 0;  // in the data message
};

// What a definition message says the data messages of its local type hold.
struct Definition {
    bool defined = false, big_endian = false;
    std::uint16_t global = 0;
    std::vector<FieldDef> fields;
    std::size_t bytes = 0;  // of a data message: its fields, then its developer fields
    // Where the fields read are in `fields` (-1: absent): numbers 0-9, then the timestamp.
    std::array<int, 11> slots = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};

    static std::size_t slot_of(std::uint8_t number) { return number == kTimestamp ? 10 : number; }
    void add(const FieldDef& f) {
        if ((f.number < 10 || f.number == kTimestamp) && slots[slot_of(f.number)] < 0)
            slots[slot_of(f.number)] = static_cast<int>(fields.size());
        fields.push_back(f);
        bytes += f.size;
    }
};

// The width of a base type's value in bytes, or 0 for those never read (strings, floats).
std::size_t width_of(std::uint8_t base) {
    switch (base & 0x1F) {
        case 0:
        case 1:
        case 2:
        case 10:
        case 13:
            return 1;
        case 3:
        case 4:
        case 11:
            return 2;
        case 5:
        case 6:
        case 12:
            return 4;
        case 14:
        case 15:
        case 16:
            return 8;
        default:
            return 0;
    }
}

// A field's value (the first of an array), or nullopt when it holds the type's "invalid" value
// or its size does not fit its type (some devices write misaligned fields).
std::optional<std::uint64_t> decode(const FieldDef& f, const unsigned char* p, bool big_endian) {
    const std::size_t width = width_of(f.base);
    if (width == 0 || f.size < width || f.size % width != 0) return std::nullopt;
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < width; ++i)
        v = (v << 8) | p[big_endian ? i : width - 1 - i];
    const std::uint64_t ones =
        width == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * width)) - 1;
    switch (f.base & 0x1F) {
        case 10:
        case 11:
        case 12:
        case 16:  // the "z" types: 0 is invalid
            if (v == 0) return std::nullopt;
            break;
        case 1:
        case 3:
        case 5:
        case 14:  // signed: the largest positive value is invalid
            if (v == ones >> 1) return std::nullopt;
            break;
        default:
            if (v == ones) return std::nullopt;
    }
    return v;
}

std::uint16_t read_u16(const unsigned char* p) {
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

std::uint32_t read_u32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

// What one session message says.
struct Session {
    std::optional<std::uint64_t> sport, sub_sport, start, end, elapsed_ms, timer_ms, distance_cm;
};

// What the record messages say, for a file without sessions and for the key.
struct Records {
    std::optional<std::int64_t> first_utc, last_utc, first_located_utc;
    std::optional<TrackPoint> first_located;
    std::optional<std::uint64_t> distance_cm;  // the largest
};

// Reads the messages of a FIT file (or of several chained in one file).
class FitReader {
  public:
    explicit FitReader(std::string_view bytes)
        : m_p(reinterpret_cast<const unsigned char*>(bytes.data())), m_size(bytes.size()) {}

    void read() {
        std::size_t at = read_file(0);
        // Chained files (several FIT files written into one, each with its header and checksum)
        // follow one another; anything else after the last one (padding) is passed over.
        while (m_size - at >= 12 &&
               std::string_view(reinterpret_cast<const char*>(m_p + at + 8), 4) == ".FIT")
            at = read_file(at);
    }

    std::optional<std::uint64_t> type() const { return m_type; }
    const std::vector<Session>& sessions() const { return m_sessions; }
    const Records& records() const { return m_records; }
    std::string id() const {
        return fmt::format("{}:{}", m_serial.value_or(0), m_created.value_or(0));
    }
    std::optional<std::uint64_t> sport() const { return m_sport; }
    std::optional<std::uint64_t> sub_sport() const { return m_sub_sport; }

  private:
    std::size_t read_file(std::size_t at);
    std::size_t definition(std::size_t at, std::size_t end, unsigned char header);
    void data(const Definition& d, const unsigned char* p, std::optional<std::uint32_t> time);

    const unsigned char* m_p;
    std::size_t m_size;
    std::array<Definition, 16> m_defs;
    std::optional<std::uint32_t> m_last_time;  // for compressed timestamp headers
    std::optional<std::uint64_t> m_type, m_serial, m_created, m_sport, m_sub_sport;
    std::vector<Session> m_sessions;
    Records m_records;
};

// Reads one FIT file starting at `at`, and returns where it ends.
std::size_t FitReader::read_file(std::size_t at) {
    const std::size_t left = m_size - at;
    const unsigned char* h = m_p + at;
    if (left < 12 || std::string_view(reinterpret_cast<const char*>(h + 8), 4) != ".FIT")
        throw UnusableTrack("is not a FIT file: it lacks the \".FIT\" header");
    const std::size_t header = h[0];
    if (header < 12 || header > left)
        throw UnusableTrack(fmt::format("is damaged: its FIT header claims {} bytes", header));
    const std::size_t data_size = read_u32(h + 4);
    if (data_size > left - header || left - header - data_size < 2)
        throw UnusableTrack(fmt::format(
            "is cut short: its header announces {} bytes of messages and a checksum, the file "
            "holds {} (a copy that did not finish?)",
            data_size, left - header));
    // A wrong checksum means the bytes are not what the watch wrote: figures read from them could
    // be anything, so the file is refused rather than read with a warning (a header checksum of 0
    // means none was written).
    if (header >= 14 && read_u16(h + 12) != 0 &&
        read_u16(h + 12) != fit_crc({reinterpret_cast<const char*>(h), 12}))
        throw UnusableTrack("is damaged: its FIT header checksum does not match");
    const std::size_t end = at + header + data_size;
    if (read_u16(m_p + end) != fit_crc({reinterpret_cast<const char*>(h), header + data_size}))
        throw UnusableTrack("is damaged: its FIT checksum does not match its contents");
    m_defs = {};
    m_last_time.reset();
    for (std::size_t pos = at + header; pos < end;) {
        const unsigned char rh = m_p[pos++];
        if (rh & 0x40 && !(rh & 0x80)) {
            pos = definition(pos, end, rh);
            continue;
        }
        std::optional<std::uint32_t> time;
        std::size_t local = rh & 0x0F;
        if (rh & 0x80) {  // compressed timestamp header: a data message 0-31 s after the last time
            local = (rh >> 5) & 0x03;
            if (m_last_time) {
                std::uint32_t offset = rh & 0x1F, last = *m_last_time;
                time = (last & ~std::uint32_t{0x1F}) + offset + (offset < (last & 0x1F) ? 0x20 : 0);
                m_last_time = time;
            }
        }
        const Definition& d = m_defs[local];
        if (!d.defined)
            throw UnusableTrack(fmt::format(
                "is damaged: a FIT data message of local type {} has no definition before it",
                local));
        if (d.bytes > end - pos)
            throw UnusableTrack("is cut short: its last FIT message runs past the end of its data");
        data(d, m_p + pos, time);
        pos += d.bytes;
    }
    return end + 2;
}

// Reads the definition message after the record header `rh` at `at`, and returns where it ends.
std::size_t FitReader::definition(std::size_t at, std::size_t end, unsigned char rh) {
    auto need = [&](std::size_t n) {
        if (n > end - at)
            throw UnusableTrack(
                "is cut short: its last FIT definition runs past the end of its data");
    };
    need(5);
    Definition d;
    d.defined = true;
    d.big_endian = m_p[at + 1] == 1;
    d.global = d.big_endian ? static_cast<std::uint16_t>((m_p[at + 2] << 8) | m_p[at + 3])
                            : read_u16(m_p + at + 2);
    const std::size_t count = m_p[at + 4];
    at += 5;
    need(3 * count);
    for (std::size_t i = 0; i < count; ++i, at += 3) {
        d.add({m_p[at], m_p[at + 1], m_p[at + 2], d.bytes});
    }
    if (rh & 0x20) {  // developer fields: only their sizes matter, to pass over their bytes
        need(1);
        const std::size_t dev = m_p[at++];
        need(3 * dev);
        for (std::size_t i = 0; i < dev; ++i, at += 3)
            d.bytes += m_p[at + 1];
    }
    m_defs[rh & 0x0F] = std::move(d);
    return at;
}

// Takes what guilt needs from one data message.
void FitReader::data(const Definition& d, const unsigned char* p,
                     std::optional<std::uint32_t> time) {
    auto field = [&](std::uint8_t number) -> std::optional<std::uint64_t> {
        const int i = d.slots[Definition::slot_of(number)];
        if (i < 0) return std::nullopt;
        const FieldDef& f = d.fields[static_cast<std::size_t>(i)];
        return decode(f, p + f.offset, d.big_endian);
    };
    if (auto t = field(kTimestamp)) {
        time = static_cast<std::uint32_t>(*t);
        m_last_time = time;
    }
    switch (d.global) {
        case kFileId:
            if (!m_type) {
                m_type = field(0);
                m_serial = field(3);
                m_created = field(4);
            }
            break;
        case kSport:
            if (!m_sport) m_sport = field(0), m_sub_sport = field(1);
            break;
        case kSession: {
            if (m_sessions.size() >= kMaxSessions)
                throw UnusableTrack(fmt::format("holds more than {} FIT sessions", kMaxSessions));
            m_sessions.push_back(
                {field(5), field(6), field(2), time, field(7), field(8), field(9)});
            break;
        }
        case kRecord: {
            if (!time || *time < kFirstDateTime) break;
            Records& r = m_records;
            const std::int64_t utc = kFitEpoch + *time;
            if (!r.first_utc) r.first_utc = utc;
            r.last_utc = utc;
            if (auto cm = field(5); cm && (!r.distance_cm || *cm > *r.distance_cm))
                r.distance_cm = cm;
            if (r.first_located) break;
            if (auto lat = field(0), lon = field(1); lat && lon) {
                // Semicircles: 2^31 of them make 180 degrees.
                const double scale = 180.0 / 2147483648.0;
                r.first_located = TrackPoint{static_cast<std::int32_t>(*lat) * scale,
                                             static_cast<std::int32_t>(*lon) * scale, true, utc};
                r.first_located_utc = utc;
            }
            break;
        }
        default:
            break;
    }
}

std::int64_t utc_of(std::uint64_t fit_time) {
    return kFitEpoch + static_cast<std::int64_t>(fit_time);
}

// The activity of the session `index`; `only` when it is the file's only one (the records are
// its own).
Activity session_activity(const FitReader& fit, const Session& s, std::size_t index, bool only) {
    const Records& r = fit.records();
    Activity a;
    a.source = "fit";
    a.sport = sport_name(s.sport ? s.sport : fit.sport(), s.sport ? s.sub_sport : fit.sub_sport());
    if (a.sport.empty()) a.sport = "generic";  // not a run by default: nothing says it is one
    auto ms = s.elapsed_ms ? s.elapsed_ms : s.timer_ms;
    if (ms) a.duration_s = static_cast<int>(std::min<std::uint64_t>((*ms + 500) / 1000, 1u << 30));
    std::optional<std::int64_t> start;
    if (s.start && *s.start >= kFirstDateTime)
        start = utc_of(*s.start);
    else if (s.end && *s.end >= kFirstDateTime && a.duration_s)
        start = utc_of(*s.end) - *a.duration_s;
    else if (only)
        start = r.first_utc;
    if (!start)
        throw UnusableTrack(
            "has a FIT session without a clock time (the watch had not set its clock), so guilt "
            "cannot tell when it was");
    a.start = in_local_zone(*start);
    if (s.distance_cm)
        a.distance_m = static_cast<double>(*s.distance_cm) / 100.0;
    else if (only && r.distance_cm)
        a.distance_m = static_cast<double>(*r.distance_cm) / 100.0;
    if (only && r.first_located) {
        TrackSummary key;
        key.first_located = r.first_located;
        key.first_utc = r.first_located_utc;
        a.key = track_key(key);  // the key a GPX or TCX of the same activity has
    } else {
        a.key = fmt::format("fit:{}:{}:{}", fit.id(), *start, index);
    }
    return a;
}

// The activity of a file without sessions, from its records.
Activity records_activity(const FitReader& fit) {
    const Records& r = fit.records();
    if (!r.first_utc)
        throw UnusableTrack(
            "holds no FIT session and no timed records: nothing says when the activity was or "
            "how long it took");
    if (auto problem = span_problem(*r.first_utc, *r.last_utc)) throw UnusableTrack(*problem);
    if (*r.last_utc == *r.first_utc)
        throw UnusableTrack("has a single time in its FIT records; a run needs a start and an end");
    Session s;
    s.start = static_cast<std::uint64_t>(*r.first_utc - kFitEpoch);
    s.elapsed_ms = static_cast<std::uint64_t>(*r.last_utc - *r.first_utc) * 1000;
    return session_activity(fit, s, 0, true);
}

}  // namespace

std::uint16_t fit_crc(std::string_view bytes) {
    // CRC-16 with the reflected polynomial 0xA001 and an initial value of 0, as the protocol
    // specifies. Four bytes at a time: table k holds what byte n does to the CRC when k more
    // bytes follow it (a FIT import checks every byte of every file, so this is its hot loop).
    static constexpr auto kTables = [] {
        std::array<std::array<std::uint32_t, 256>, 4> t{};
        for (unsigned n = 0; n < 256; ++n) {
            unsigned crc = n;
            for (int bit = 0; bit < 8; ++bit)
                crc = (crc & 1) ? (crc >> 1) ^ 0xA001 : crc >> 1;
            t[0][n] = crc;
        }
        for (std::size_t k = 1; k < 4; ++k)
            for (unsigned n = 0; n < 256; ++n)
                t[k][n] = (t[k - 1][n] >> 8) ^ t[0][t[k - 1][n] & 0xFF];
        return t;
    }();
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    std::uint32_t crc = 0;
    for (; n >= 4; n -= 4, p += 4) {
        const std::uint32_t x = crc ^ read_u32(p);
        crc = kTables[3][x & 0xFF] ^ kTables[2][(x >> 8) & 0xFF] ^ kTables[1][(x >> 16) & 0xFF] ^
              kTables[0][x >> 24];
    }
    for (; n > 0; --n, ++p)
        crc = (crc >> 8) ^ kTables[0][(crc ^ *p) & 0xFF];
    return static_cast<std::uint16_t>(crc);
}

std::vector<Activity> read_fit(std::string_view bytes) {
    FitReader fit(bytes);
    fit.read();
    if (fit.type() && *fit.type() != kActivityFile)
        throw UnusableTrack(
            fmt::format("is a FIT {} file, not a recorded activity", file_type_name(*fit.type())));
    if (fit.sessions().empty()) return {records_activity(fit)};
    std::vector<Activity> out;
    for (std::size_t i = 0; i < fit.sessions().size(); ++i)
        out.push_back(session_activity(fit, fit.sessions()[i], i, fit.sessions().size() == 1));
    return out;
}

}  // namespace guilt::import
