// SPDX-License-Identifier: MIT
// A month (and a year) at a glance as figures: one pass over the entries of the month and the
// month before, bucketed by each entry's own local day.
#include "guilt/core/month.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/zone.hpp"

namespace guilt {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Adds up entries, one by one: for one day's cell or for the totals of many days.
class Accumulator {
  public:
    void add(const Entry& e) {
        switch (e.type) {
            case EntryType::guilt:
                ++m_moments;
                m_guilt_days.insert(days_from_civil(her_day(e.at)));
                if (e.intensity) {
                    ++m_rated;
                    m_sum += *e.intensity;
                }
                break;
            case EntryType::run:
                ++m_runs;
                m_run_meters += e.distance_m;
                break;
            case EntryType::engage:
                m_engaged_minutes += e.minutes;
                break;
            case EntryType::win:
                ++m_wins;
                break;
            // Deposits and reflections have no mark on the calendar.
            case EntryType::deposit:
            case EntryType::reflection:
                break;
        }
    }

    std::optional<double> mean_intensity() const {
        if (m_rated == 0) return std::nullopt;
        return static_cast<double>(m_sum) / m_rated;
    }

    MonthDay day(Date date, bool ahead) const {
        return {date,         m_moments,         mean_intensity(), m_runs,
                m_run_meters, m_engaged_minutes, m_wins,           ahead};
    }

    MonthTotals totals(int days) const {
        return {days,   m_moments,    mean_intensity(),  static_cast<int>(m_guilt_days.size()),
                m_runs, m_run_meters, m_engaged_minutes, m_wins};
    }

  private:
    int m_moments = 0, m_rated = 0, m_sum = 0, m_runs = 0, m_engaged_minutes = 0, m_wins = 0;
    double m_run_meters = 0;
    std::set<std::int64_t> m_guilt_days;
};

Date first_of(YearMonth m) {
    return Date{m.year, m.month, 1};
}

Date last_of(YearMonth m) {
    return Date{m.year, m.month, days_in(m)};
}

// How many days of `m` have happened by `today` (0 to its length).
int days_so_far(YearMonth m, Date today) {
    if (today < first_of(m)) return 0;
    if (today > last_of(m)) return days_in(m);
    return today.day;
}

}  // namespace

YearMonth month_of(Date d) {
    return {d.year, d.month};
}

YearMonth add_months(YearMonth m, int n) {
    int index = m.year * 12 + (m.month - 1) + n;
    return {index / 12, index % 12 + 1};
}

int days_in(YearMonth m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (m.year % 4 == 0 && m.year % 100 != 0) || m.year % 400 == 0;
    return m.month == 2 && leap ? 29 : kDays[(m.month - 1) % 12];
}

std::string format_month(YearMonth m) {
    return fmt::format("{:04}-{:02}", m.year, m.month);
}

std::string month_title(YearMonth m) {
    return fmt::format("{} {}", month_name(m.month), m.year);
}

YearMonth parse_month(std::string_view text, Timestamp now, std::string_view field) {
    auto s = trim(text);
    YearMonth m;
    if (s.size() == 7 && s[4] == '-' && all_digits(s.substr(0, 4)) && all_digits(s.substr(5))) {
        m = {std::stoi(std::string(s.substr(0, 4))), std::stoi(std::string(s.substr(5)))};
        if (m.year < 1 || m.month < 1 || m.month > 12)
            throw UsageError(
                fmt::format("{} must be a month like 2026-11 (YYYY-MM), got \"{}\"", field, s));
    } else {
        std::optional<Date> day;
        try {
            day = parse_day(s, now, field);
            if (!day) day = local_date(parse_when(s, now, field));
        } catch (const UsageError&) {
            throw UsageError(fmt::format(
                "{} must be a month like 2026-11 (YYYY-MM) or a day in it, got \"{}\"", field, s));
        }
        m = month_of(*day);
    }
    auto today = local_date(now);
    if (first_of(m) > today)
        throw UsageError(fmt::format("{} \"{}\" is in the future (this month is {})", field, s,
                                     format_month(month_of(today))));
    return m;
}

int parse_year(std::string_view text, Timestamp now, std::string_view field) {
    auto s = trim(text);
    if (s.size() != 4 || !all_digits(s) || std::stoi(std::string(s)) < 1)
        throw UsageError(fmt::format("{} must be a year like 2026 (YYYY), got \"{}\"", field, s));
    int year = std::stoi(std::string(s));
    auto today = local_date(now);
    if (year > today.year)
        throw UsageError(
            fmt::format("{} {} is in the future (this year is {})", field, year, today.year));
    return year;
}

int guilt_shade(const MonthDay& d) {
    if (d.moments == 0) return 0;
    // The mean covers the rated moments; the others weigh kUnknownIntensity each.
    double weight = d.mean_intensity.value_or(kUnknownIntensity) * d.moments;
    int shade = 1;
    for (int limit : kShadeLimits) {
        if (weight <= limit) return shade;
        ++shade;
    }
    return kGuiltShades - 1;
}

Date month_window_start(YearMonth m) {
    return first_of(add_months(m, -1));
}

Date month_window_end(YearMonth m) {
    return add_days(last_of(m), 1);
}

MonthSummary summarize_month(YearMonth m, Date today, const std::vector<Entry>& entries) {
    MonthSummary s;
    s.month = m;
    s.previous_month = add_months(m, -1);
    s.complete = today > last_of(m);
    const int length = days_in(m);
    const int so_far = days_so_far(m, today);
    const int compared =
        s.complete ? days_in(s.previous_month) : std::min(so_far, days_in(s.previous_month));

    std::vector<Accumulator> days(static_cast<std::size_t>(length));
    Accumulator totals, previous;
    for (const auto& e : entries) {
        auto d = her_day(e.at);
        auto em = month_of(d);
        if (em == m && d.day <= so_far) {
            days[d.day - 1].add(e);
            totals.add(e);
        } else if (em == s.previous_month && d.day <= compared) {
            previous.add(e);
        }
    }
    for (int i = 0; i < length; ++i)
        s.days.push_back(days[i].day(Date{m.year, m.month, i + 1}, i >= so_far));
    s.totals = totals.totals(so_far);
    s.previous = previous.totals(compared);
    return s;
}

YearSummary summarize_year(int year, Date today, const std::vector<Entry>& entries) {
    YearSummary y;
    y.year = year;
    int so_far = 0;
    Accumulator totals;
    for (int month = 1; month <= 12; ++month) {
        YearMonth m{year, month};
        y.months.push_back(summarize_month(m, today, entries));
        so_far += days_so_far(m, today);
    }
    for (const auto& e : entries) {
        auto d = her_day(e.at);
        if (d.year == year && d <= today) totals.add(e);
    }
    y.totals = totals.totals(so_far);
    return y;
}

}  // namespace guilt
