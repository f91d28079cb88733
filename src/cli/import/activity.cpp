// SPDX-License-Identifier: MIT
// The pure pieces of the watch importers: byte streams in memory, CSV records, the dates and
// numbers of Strava and Garmin files, track distance and time, and activity-to-entry rules.
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

namespace {

constexpr std::size_t kShownChars = 40;  // of a bad value quoted in an error
constexpr double kEarthRadiusMeters = 6'371'000;
constexpr int kMaxDurationSeconds = 48 * 3600;  // one run, as parse_duration allows
constexpr int kMaxMinutes = 24 * 60;            // one deposit, as capture allows
constexpr std::int64_t kSecondsPerDay = 86400;

[[noreturn]] void bad_value(std::string_view field, std::string_view what, std::string_view got) {
    throw UsageError(
        fmt::format("{} must be {}, got \"{}\"", field, what, shorten(got, kShownChars)));
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Reads an unsigned decimal integer at `s[i]`, advancing `i`; nullopt when there is none.
std::optional<int> scan_int(std::string_view s, std::size_t& i, std::size_t max_digits = 4) {
    std::size_t start = i;
    int v = 0;
    while (i < s.size() && is_digit(s[i]) && i - start < max_digits)
        v = v * 10 + (s[i++] - '0');
    if (i == start) return std::nullopt;
    return v;
}

// More digits before the point than this is no distance, time or code a file means.
constexpr std::size_t kMaxWholeDigits = 15;
// Digits after the point beyond these say nothing about meters or seconds.
constexpr std::size_t kMaxFractionDigits = 6;

// The number `whole`.`fraction` (ASCII digits, `fraction` may be empty); nullopt when `whole`
// has more than kMaxWholeDigits digits.
std::optional<double> decimal_value(std::string_view whole, std::string_view fraction) {
    whole.remove_prefix(std::min(whole.find_first_not_of('0'), whole.size()));
    if (whole.size() > kMaxWholeDigits) return std::nullopt;
    auto digits = fmt::format("0{}.{}0", whole, fraction.substr(0, kMaxFractionDigits));
    double v = 0;
    auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), v, std::chars_format::fixed);
    if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return v;
}

bool valid_civil(Date d) {
    if (d.year < 1900 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    return civil_from_days(days_from_civil(d)) == d;
}

// "2025-07-01 06:30:00" at `s[i]`, advancing `i`: a real date and the seconds of its day. With
// `strict` (XML Schema), a 'T' before the time and the seconds are required.
std::optional<std::pair<Date, int>> scan_wall_time(std::string_view s, std::size_t& i,
                                                   bool strict) {
    auto y = scan_int(s, i);
    if (!y || i >= s.size() || s[i++] != '-') return std::nullopt;
    auto mo = scan_int(s, i, 2);
    if (!mo || i >= s.size() || s[i++] != '-') return std::nullopt;
    auto dd = scan_int(s, i, 2);
    if (!dd || i >= s.size() || (s[i] != 'T' && (strict || s[i] != ' '))) return std::nullopt;
    ++i;
    auto hh = scan_int(s, i, 2);
    if (!hh || i >= s.size() || s[i++] != ':') return std::nullopt;
    auto mm = scan_int(s, i, 2);
    if (!mm) return std::nullopt;
    std::optional<int> ss = 0;
    if (i < s.size() && s[i] == ':')
        ss = scan_int(s, ++i, 2);
    else if (strict)
        ss.reset();
    Date d{*y, *mo, *dd};
    // A leap second (60) counts as the last second of its minute.
    if (!ss || *hh > 23 || *mm > 59 || *ss > (strict ? 60 : 59) || !valid_civil(d))
        return std::nullopt;
    return std::pair{d, *hh * 3600 + *mm * 60 + std::min(*ss, 59)};
}

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

// ---- values ------------------------------------------------------------------------------------

namespace {

// Whether `p` is "1", "12" or "123", then groups of three after `mark`: "1,234,567".
bool grouped(std::string_view p, char mark) {
    auto first = p.find(mark);
    if (first == std::string_view::npos)
        return !p.empty() && std::all_of(p.begin(), p.end(), is_digit);
    if (first < 1 || first > 3) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        bool at_mark = i >= first && (i - first) % 4 == 0;
        if (at_mark ? p[i] != mark : !is_digit(p[i])) return false;
    }
    return (p.size() - first) % 4 == 0;
}

}  // namespace

std::optional<double> parse_activity_number(std::string_view text, std::string_view field) {
    auto s = trim(text);
    if (s.empty() || s == "--") return std::nullopt;
    // Spaces between digit groups ("1 234,5"; also the no-break and narrow no-break spaces).
    std::string compact;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ' ') continue;
        if (s.substr(i).starts_with("\xC2\xA0") || s.substr(i).starts_with("\xE2\x80\xAF")) {
            i += s[i] == '\xC2' ? 1 : 2;
            continue;
        }
        compact += s[i];
    }
    std::string_view v = compact;
    // The decimal mark is the last '.' or ','; the other one groups thousands. A lone comma is
    // a thousands mark before exactly three digits ("1,234", as English exports write it), else
    // a decimal comma ("5,02", "21,1"); a lone point is always decimal.
    auto dot = v.rfind('.'), comma = v.rfind(',');
    char mark = 0;
    if (dot != std::string_view::npos && comma != std::string_view::npos)
        mark = dot > comma ? '.' : ',';
    else if (dot != std::string_view::npos)
        mark = v.find('.') == dot ? '.' : 0;
    else if (comma != std::string_view::npos)
        mark = v.find(',') == comma && v.size() - comma - 1 != 3 ? ',' : 0;
    const char group = mark == ',' ? '.' : ',';
    auto point = mark ? v.rfind(mark) : std::string_view::npos;
    auto whole = v.substr(0, point);
    auto fraction = point == std::string_view::npos ? std::string_view() : v.substr(point + 1);
    bool ok = grouped(whole, group) || (mark == 0 && grouped(whole, '.'));
    if (point != std::string_view::npos)
        ok = ok && !fraction.empty() && std::all_of(fraction.begin(), fraction.end(), is_digit);
    if (!ok) bad_value(field, "a number", text);
    std::string digits;
    for (char c : whole)
        if (is_digit(c)) digits += c;
    auto value = decimal_value(digits, fraction);
    if (!value)
        bad_value(field, fmt::format("a number of at most {} digits", kMaxWholeDigits), text);
    return value;
}

namespace {

// "18:30:00", "6:30:00 AM" at the end of `s` from `i`: the seconds of the day. With `twelve`,
// only the AM/PM form.
std::optional<int> clock_at_end(std::string_view s, std::size_t i, bool twelve) {
    auto hh = scan_int(s, i, 2);
    if (!hh || i >= s.size() || s[i++] != ':') return std::nullopt;
    auto mm = scan_int(s, i, 2);
    std::optional<int> ss = 0;
    if (mm && i < s.size() && s[i] == ':') ss = scan_int(s, ++i, 2);
    if (!mm || !ss || *mm > 59 || *ss > 59) return std::nullopt;
    // A space or the narrow no-break space (U+202F) newer locales put before AM/PM.
    while (i < s.size() && (s[i] == ' ' || s[i] == '\xE2' || s[i] == '\x80' || s[i] == '\xAF'))
        ++i;
    auto ampm = to_lower(s.substr(i));
    int h = *hh;
    if (ampm == "am" || ampm == "pm") {
        if (h < 1 || h > 12) return std::nullopt;
        h = h % 12 + (ampm == "pm" ? 12 : 0);
    } else if (twelve || !ampm.empty() || h > 23) {
        return std::nullopt;
    }
    return h * 3600 + *mm * 60 + *ss;
}

// The day-first dates of Strava's other languages, read as UTC: "9 mei 2026, 19:00:00",
// "4 févr. 2026, 17:31:41", "1. Jan. 2026, 08:00:00", "3 de feb. de 2026, 7:00:00",
// "21.07.2026, 15:09:27", "21/07/2026 15:09:27". nullopt for anything else.
std::optional<std::int64_t> day_first_date(std::string_view s) {
    std::size_t i = 0;
    auto skip = [&](std::string_view chars) {
        while (i < s.size() && chars.find(s[i]) != std::string_view::npos)
            ++i;
    };
    auto day = scan_int(s, i, 2);
    if (!day) return std::nullopt;
    std::optional<int> month;
    if (i < s.size() && (s[i] == '.' || s[i] == '/' || s[i] == '-') && i + 1 < s.size() &&
        is_digit(s[i + 1])) {
        ++i;
        month = scan_int(s, i, 2);
        if (i >= s.size() || (s[i] != '.' && s[i] != '/' && s[i] != '-')) return std::nullopt;
        ++i;
    } else {
        skip(". ");
        if (s.substr(i).starts_with("de ")) i += 3;
        auto start = i;
        while (i < s.size() && s[i] != ' ' && !is_digit(s[i]))
            ++i;
        month = import::localised_month(s.substr(start, i - start));
        skip(". ");
        if (s.substr(i).starts_with("de ")) i += 3;
    }
    auto year = scan_int(s, i);
    if (!month || !year) return std::nullopt;
    skip(", ");
    // A word before the time, as some locales write it ("um", "à", "alle", "kl.").
    if (i < s.size() && !is_digit(s[i])) {
        while (i < s.size() && s[i] != ' ')
            ++i;
        skip(" ");
    }
    auto seconds = clock_at_end(s, i, false);
    Date d{*year, *month, *day};
    if (!seconds || !valid_civil(d)) return std::nullopt;
    return days_from_civil(d) * kSecondsPerDay + *seconds;
}

}  // namespace

std::optional<double> parse_distance_number(std::string_view text, std::string_view field) {
    auto s = trim(text);
    if (std::count(s.begin(), s.end(), ',') != 1 || s.find('.') != std::string_view::npos)
        return parse_activity_number(text, field);
    std::string dotted(s);
    dotted[dotted.find(',')] = '.';
    try {
        return parse_activity_number(dotted, field);
    } catch (const UsageError&) {
        bad_value(field, "a number", text);
    }
}

std::optional<std::int64_t> parse_strava_date(std::string_view text, std::string_view field) {
    auto s = trim(text);
    if (s.empty()) return std::nullopt;
    auto fail = [&]() -> std::int64_t {
        bad_value(field, "a date like \"Jul 1, 2025, 6:30:00 AM\"", text);
    };
    std::size_t i = 0;
    if (s.size() >= 4 && is_digit(s[0])) {  // "2025-07-01 06:30:00"
        auto wall = scan_wall_time(s, i, false);
        if (wall && i == s.size())
            return days_from_civil(wall->first) * kSecondsPerDay + wall->second;
        if (auto utc = day_first_date(s)) return *utc;  // "9 mei 2026, 19:00:00", "21.07.2026, ..."
        return fail();
    }
    // "Jul 1, 2025, 6:30:00 AM"
    while (i < s.size() && s[i] != ' ' && s[i] != '.' && !is_digit(s[i]))
        ++i;
    auto named = import::localised_month(s.substr(0, i));
    if (!named) return fail();
    const int month = *named;
    if (i < s.size() && s[i] == '.') ++i;  // "Sept." in some locales' exports
    while (i < s.size() && s[i] == ' ')
        ++i;
    auto day = scan_int(s, i, 2);
    if (!day || i >= s.size() || s[i++] != ',') return fail();
    while (i < s.size() && s[i] == ' ')
        ++i;
    auto year = scan_int(s, i);
    if (!year) return fail();
    if (i < s.size() && s[i] == ',') ++i;
    while (i < s.size() && s[i] == ' ')
        ++i;
    auto seconds = clock_at_end(s, i, true);  // English: "6:30:00 AM"
    Date d{*year, month, *day};
    if (!seconds || !valid_civil(d)) return fail();
    return days_from_civil(d) * kSecondsPerDay + *seconds;
}

std::pair<Date, int> parse_garmin_date(std::string_view text, std::string_view field) {
    auto s = trim(text);
    std::size_t i = 0;
    auto wall = scan_wall_time(s, i, false);
    if (!wall || i != s.size()) bad_value(field, "a date like \"2025-07-01 06:30:00\"", text);
    return *wall;
}

std::optional<int> parse_clock_duration(std::string_view text, std::string_view field) {
    auto s = trim(text);
    if (s.empty() || s == "--") return std::nullopt;
    auto fail = [&]() -> std::optional<int> {
        bad_value(field, "a duration like \"00:28:30\"", text);
    };
    std::vector<int> parts;
    std::size_t i = 0;
    for (;;) {
        auto v = scan_int(s, i, 3);
        if (!v) return fail();
        parts.push_back(*v);
        if (i < s.size() && s[i] == ':' && parts.size() < 3) {
            ++i;
            continue;
        }
        break;
    }
    double fraction = 0;
    if (i < s.size() && s[i] == '.') {
        std::size_t start = ++i;
        while (i < s.size() && is_digit(s[i]))
            ++i;
        if (i == start) return fail();
        fraction = decimal_value("0", s.substr(start, i - start)).value_or(0);
    }
    if (i != s.size() || parts.size() < 2) return fail();
    for (std::size_t k = 1; k < parts.size(); ++k)
        if (parts[k] > 59) return fail();
    long total = 0;
    for (int p : parts)
        total = total * 60 + p;
    total += std::lround(fraction);
    if (total > kMaxDurationSeconds) fail();
    return static_cast<int>(total);
}

std::optional<std::int64_t> parse_xml_time(std::string_view text) {
    auto s = trim(text);
    std::size_t i = 0;
    auto wall = scan_wall_time(s, i, true);
    if (!wall) return std::nullopt;
    if (i < s.size() && s[i] == '.') {
        std::size_t start = ++i;
        while (i < s.size() && is_digit(s[i]))
            ++i;
        if (i == start) return std::nullopt;
    }
    int offset = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        int sign = s[i++] == '-' ? -1 : 1;
        auto oh = scan_int(s, i, 2);
        if (!oh || i >= s.size() || s[i++] != ':') return std::nullopt;
        auto om = scan_int(s, i, 2);
        if (!om || *oh > 14 || *om > 59) return std::nullopt;
        offset = sign * (*oh * 3600 + *om * 60);
    }
    if (i != s.size()) return std::nullopt;
    return days_from_civil(wall->first) * kSecondsPerDay + wall->second - offset;
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

// ---- what becomes what -------------------------------------------------------------------------

std::string_view activity_noun(std::string_view sport) {
    // Another language's name ("Laufen", "Hardlopen", "Løb") as its table says.
    if (auto noun = import::localised_sport_noun(sport)) return *noun;
    auto s = to_lower(trim(sport));
    auto has = [&](std::string_view w) { return s.find(w) != std::string::npos; };
    // GPX tracks without a type, and Strava's GPX code 9, are runs: she imports runs.
    if (s.empty() || s == "9" || has("run") || s == "treadmill" || s == "race") return "run";
    if (has("ride") || has("cycl") || has("bik") || s == "1") return "ride";
    if (has("swim")) return "swim";
    if (has("walk") || s == "10") return "walk";
    if (has("hik") || s == "4") return "hike";
    if (has("yoga")) return "yoga session";
    if (has("strength") || has("weight")) return "strength workout";
    return "other activity";
}

std::string strava_workout_kind(std::optional<double> code) {
    // Strava's codes are small whole numbers; anything else (1e10, NaN) is no kind, and is never
    // converted to an int it does not fit.
    if (!code || !(*code >= 0 && *code <= 100)) return "";
    switch (static_cast<int>(*code)) {
        case 1:
            return "race";
        case 2:
            return "long";
        case 3:
            return "workout";
        default:
            return "";
    }
}

namespace {

// Her words for an entry: the name and the description, checked.
std::string entry_text(const Activity& a) {
    std::string text = std::string(trim(a.name));
    auto description = trim(a.description);
    if (!description.empty()) text += (text.empty() ? "" : "\n") + std::string(description);
    check_text(text, "the name and description");
    if (is_blank(text)) text.clear();  // only NBSP or zero-width spaces: no words
    return text;
}

// Why its start cannot be true: before RunLimits' first year (a clock that lost its date), or
// in the future.
std::optional<std::string> date_problem(const Activity& a, const MapRules& rules) {
    if (!a.start) return std::nullopt;
    auto day = local_date(*a.start);
    if (day.year < RunLimits::kEarliestYear)
        return fmt::format("starts on {}, before {} (a watch whose clock lost its date?)",
                           format_date(day), RunLimits::kEarliestYear);
    if (rules.now && in_future(*a.start, *rules.now))
        return fmt::format("starts in the future (now is {}), got {}", format_iso(*rules.now),
                           format_iso(*a.start));
    return std::nullopt;
}

// Why a run's figures are no run's, by RunLimits; `fastest` and `slowest` are the paces it may
// have. `other` says the figures are plainly another activity's (a pace no runner keeps).
std::optional<std::string> run_problem(const Activity& a, int fastest, int slowest, bool& other) {
    other = false;
    if (a.duration_s && *a.duration_s > kMaxDurationSeconds)
        return fmt::format("lasts {} s, more than the 48 hours a run may last", *a.duration_s);
    if (a.distance_m > kMaxDistanceMeters)
        return fmt::format("is {:.0f} m, more than the {} km a run may be", a.distance_m,
                           kMaxDistanceMeters / 1000);
    if (a.distance_m < RunLimits::kShortestMeters)
        return fmt::format("is {:.0f} m, shorter than the {:.0f} m a run needs", a.distance_m,
                           RunLimits::kShortestMeters);
    if (!a.duration_s || *a.duration_s <= 0) return std::nullopt;
    const double per_km = *a.duration_s / (a.distance_m / 1000);
    other = per_km < fastest || per_km > slowest;
    if (per_km < fastest)
        return fmt::format("has a pace of {} ({:.1f} km in {}), faster than a run's {}",
                           format_pace(a.distance_m, *a.duration_s, DistanceUnit::km),
                           a.distance_m / 1000, format_duration(*a.duration_s),
                           format_pace(1000, fastest, DistanceUnit::km));
    if (per_km > slowest)
        return fmt::format("has a pace of {} ({:.1f} km in {}), slower than a run's {}",
                           format_pace(a.distance_m, *a.duration_s, DistanceUnit::km),
                           a.distance_m / 1000, format_duration(*a.duration_s),
                           format_pace(1000, slowest, DistanceUnit::km));
    return std::nullopt;
}

Mapped as_deposit(const Activity& a, Mapped out, const std::string& text) {
    if (a.duration_s && *a.duration_s > kMaxMinutes * 60) {
        out.problem =
            fmt::format("lasts {} s, more than the 24 hours a deposit may hold", *a.duration_s);
        return out;
    }
    Entry& e = out.entry;
    out.as = Mapped::As::deposit;
    e.type = EntryType::deposit;
    if (a.duration_s && *a.duration_s > 0)
        e.minutes = std::clamp((*a.duration_s + 59) / 60, 1, kMaxMinutes);
    // Her words when the source has them, else what it was ("Biking") and the file it is.
    std::string what = trim(a.sport).empty() || iequals(trim(a.sport), "other")
                           ? std::string(out.noun == "run" ? "run" : out.noun)
                           : std::string(trim(a.sport));
    if (!what.empty())
        what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
    e.text = !text.empty() ? text : a.label.empty() ? what : fmt::format("{}: {}", what, a.label);
    return out;
}

}  // namespace

Mapped map_activity(const Activity& a, const MapRules& rules) {
    Mapped out;
    out.noun = activity_noun(a.sport);
    const bool untyped = trim(a.sport).empty();
    Entry& e = out.entry;
    e.uuid = stable_uuid(a.key);
    e.at = a.start.value_or(Timestamp{});
    const auto text = entry_text(a);
    // What it is first: another sport she does not import is passed over whatever its values.
    const bool deposit_it = untyped ? rules.untyped == UntypedAs::deposit
                                    : out.noun != "run" && rules.others_as_deposits;
    if (!untyped && out.noun != "run" && !deposit_it) {
        out.why = out.noun;
        return out;
    }
    if (auto problem = date_problem(a, rules)) {
        out.problem = *problem;
        return out;
    }
    if (deposit_it) return as_deposit(a, std::move(out), text);
    // Stored to a tenth of a metre: a distance that rounds to nothing is none.
    if (!(std::round(a.distance_m * 10) / 10 > 0)) {
        if (rules.others_as_deposits && a.duration_s && *a.duration_s > 0)
            return as_deposit(a, std::move(out), text);
        out.why = "run without a distance";
        return out;
    }
    bool other = false;
    const bool by_pace = untyped && rules.untyped == UntypedAs::pace;
    if (auto problem = run_problem(
            a, by_pace ? RunLimits::kUntypedFastestPace : RunLimits::kFastestPace,
            by_pace ? RunLimits::kUntypedSlowestPace : RunLimits::kSlowestPace, other)) {
        if (other && by_pace) {
            out.problem = fmt::format(
                "has no sport type and {}: not taken as a run (--as run or --as deposit decides)",
                problem->substr(std::string_view("has ").size()));
            return out;
        }
        if (other && rules.others_as_deposits) return as_deposit(a, std::move(out), text);
        out.problem =
            other ? *problem + " (--others deposit brings it in as time for yourself)" : *problem;
        return out;
    }
    out.as = Mapped::As::run;
    e.type = EntryType::run;
    e.distance_m = std::round(a.distance_m * 10) / 10;
    if (a.duration_s && *a.duration_s > 0) e.duration_s = a.duration_s;
    e.unit = rules.unit;
    e.with = {"solo"};
    e.kind = a.kind;
    e.text = text;
    return out;
}

Mapped map_activity(const Activity& a, DistanceUnit unit, bool others_as_deposits,
                    std::string_view where) {
    MapRules rules;
    rules.unit = unit;
    rules.others_as_deposits = others_as_deposits;
    Mapped out;
    try {
        out = map_activity(a, rules);
    } catch (const UsageError& e) {
        throw UsageError(fmt::format("{}: {}", where, e.what()));
    }
    if (!out.problem.empty()) throw UsageError(fmt::format("{}: {}", where, out.problem));
    return out;
}

bool same_run(const Entry& typed, const Entry& imported) {
    if (typed.type != EntryType::run || imported.type != EntryType::run) return false;
    if (std::llabs(typed.at.utc - imported.at.utc) > kSameRunSeconds) return false;
    return std::fabs(typed.distance_m - imported.distance_m) <=
           kSameRunDistanceShare * imported.distance_m;
}

bool same_recording(const Entry& earlier, const Entry& imported) {
    return earlier.type == EntryType::run && imported.type == EntryType::run &&
           std::llabs(earlier.at.utc - imported.at.utc) <= kSameRecordingSeconds &&
           std::fabs(earlier.distance_m - imported.distance_m) <=
               kSameRunDistanceShare * imported.distance_m;
}

bool is_stable_uuid(std::string_view uuid) {
    return uuid.size() == 36 && uuid[14] == '8';
}

}  // namespace guilt
