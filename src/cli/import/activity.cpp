// SPDX-License-Identifier: MIT
// The pure pieces of the watch importers: byte streams in memory, CSV records, and track
// distance and time. The dates and numbers of the files are in activity_values.cpp, the
// activity-to-entry rules in activity_map.cpp.
#include "guilt/cli/activity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "guilt/cli/journal_import.hpp"
#include "guilt/core/calendar.hpp"
#include "guilt/core/entry_rules.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"
#include "readers.hpp"

namespace guilt {

using import::kMaxDurationSeconds;
using import::kSecondsPerDay;

namespace {

constexpr double kEarthRadiusMeters = 6'371'000;

}  // namespace

// ---- byte streams ------------------------------------------------------------------------------

std::size_t StringSource::read(char* buf, std::size_t n) {
    n = std::min(n, m_text.size() - m_at);
    std::memcpy(buf, m_text.data() + m_at, n);
    m_at += n;
    return n;
}

std::string read_whole(ByteSource& source, std::size_t max_bytes) {
    std::string out;
    char buf[1 << 16];
    while (std::size_t n = source.read(buf, sizeof buf)) {
        if (out.size() + n > max_bytes)
            throw UsageError(fmt::format("is larger than {} MB, more than one activity can hold",
                                         max_bytes >> 20));
        out.append(buf, n);
    }
    return out;
}

// ---- CSV ---------------------------------------------------------------------------------------

int CsvReader::get() {
    if (m_pos == m_buf.size()) {
        if (m_eof) return -1;
        m_buf.resize(1 << 16);
        m_buf.resize(m_source.read(m_buf.data(), m_buf.size()));
        m_pos = 0;
        if (m_buf.empty()) {
            m_eof = true;
            return -1;
        }
        if (!m_started) {
            m_started = true;
            if (m_buf.starts_with("\xEF\xBB\xBF")) m_pos = 3;
            if (m_pos == m_buf.size()) return get();
        }
    }
    return static_cast<unsigned char>(m_buf[m_pos++]);
}

void CsvReader::take_lf() {
    int next = get();
    if (next != '\n' && next != -1) --m_pos;  // a byte of the next record: read it again
}

void CsvReader::end_field(std::vector<std::string>& fields, std::string& field) {
    if (fields.size() >= kMaxFields)
        throw UsageError(fmt::format(
            "line {}: a row has more than {} fields; Strava and Garmin write fewer than 100",
            m_record_line, kMaxFields));
    fields.push_back(std::move(field));
    field.clear();
}

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    int c = get();
    if (c == -1) return false;
    m_record_line = m_line;
    std::string field;
    std::size_t record_bytes = 0;
    auto push = [&](char ch) {
        if (field.size() >= kMaxFieldBytes)
            throw UsageError(fmt::format("line {}: a field is longer than {} MB", m_record_line,
                                         kMaxFieldBytes >> 20));
        field += ch;
    };
    bool quoted = false;
    for (;; c = get()) {
        if (++record_bytes > kMaxRecordBytes)
            throw UsageError(fmt::format("line {}: a row is longer than {} MB", m_record_line,
                                         kMaxRecordBytes >> 20));
        if (quoted) {
            if (c == -1)
                throw UsageError(fmt::format("line {}: a quoted field never ends (a \" is missing)",
                                             m_record_line));
            if (c == '"') {
                int after = get();
                if (after == '"') {
                    push('"');
                    continue;
                }
                quoted = false;
                c = after;  // falls through to the unquoted handling of what follows
            } else {
                if (c == '\n') ++m_line;
                push(static_cast<char>(c));
                continue;
            }
        }
        if (c == -1 || c == '\n' || c == '\r') {
            // CRLF, LF and the old Mac's lone CR each end a record.
            if (c == '\r') take_lf();
            if (c != -1) ++m_line;
            end_field(fields, field);
            return true;
        }
        if (c == m_delimiter) {
            end_field(fields, field);
        } else if (c == '"' && field.empty()) {
            quoted = true;
        } else {
            push(static_cast<char>(c));
        }
    }
}

CsvHeader::CsvHeader(const std::vector<std::string>& names) {
    for (const auto& n : names)
        m_names.emplace_back(trim(n));
}

std::optional<std::size_t> CsvHeader::find(std::string_view name, std::size_t nth) const {
    for (std::size_t i = 0; i < m_names.size(); ++i)
        if (iequals(m_names[i], name) && nth-- == 0) return i;
    return std::nullopt;
}

std::size_t CsvHeader::count(std::string_view name) const {
    return static_cast<std::size_t>(std::count_if(
        m_names.begin(), m_names.end(), [&](const std::string& n) { return iequals(n, name); }));
}

// ---- tracks ------------------------------------------------------------------------------------

double distance_between(const TrackPoint& a, const TrackPoint& b) {
    constexpr double kRad = M_PI / 180.0;
    double dlat = (b.lat - a.lat) * kRad, dlon = (b.lon - a.lon) * kRad;
    double h =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusMeters * std::asin(std::min(1.0, std::sqrt(h)));
}

void TrackBuilder::add(const TrackPoint& p) {
    ++m_summary.points;
    if (p.utc) {
        if (!m_summary.first_utc) m_summary.first_utc = p.utc;
        m_summary.last_utc = p.utc;
    }
    if (!p.has_position) return;
    if (!m_summary.first_located) m_summary.first_located = p;
    if (m_previous) m_summary.distance_m += distance_between(*m_previous, p);
    m_previous = p;
}

std::optional<std::string> track_problem(const TrackSummary& s) {
    if (s.points == 0) return "has no track points";
    if (s.points == 1) return "has a single track point; a run needs a start and an end";
    if (!s.first_utc)
        return "has no times in its track, so guilt cannot tell when the run was or how long it "
               "took (export it with times)";
    return std::nullopt;
}

std::optional<std::string> span_problem(std::int64_t first, std::int64_t last) {
    if (last < first)
        return fmt::format("has times that go backwards ({} s from its first to its last)",
                           last - first);
    const std::int64_t span = last - first;
    if (span <= kMaxDurationSeconds) return std::nullopt;
    return fmt::format(
        "spans {} from its first time to its last ({} s), longer than the 48 hours a run may "
        "last (a wrong clock?)",
        span >= 3 * kSecondsPerDay ? plural(span / kSecondsPerDay, "day", "days")
                                   : plural(span / 3600, "hour", "hours"),
        span);
}

std::string track_key(const TrackSummary& s) {
    if (!s.first_located) return fmt::format("track:@{}", s.first_utc.value_or(0));
    return fmt::format("track:{:.5f},{:.5f}@{}", s.first_located->lat, s.first_located->lon,
                       s.first_utc.value_or(0));
}

}  // namespace guilt
