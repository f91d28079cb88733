// SPDX-License-Identifier: MIT
// guilt remind's pure parts: the evening window, the nudge's rule and line, the delivery texts.
#include "guilt/core/remind.hpp"

#include <fmt/format.h>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/zone.hpp"

namespace guilt {

int parse_clock(std::string_view text, std::string_view field) {
    auto refuse = [&]() -> int {
        throw UsageError(
            fmt::format("{} must be a time HH:MM such as 21:00, got \"{}\"", field, text));
    };
    auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3)
        return refuse();
    int hh = 0, mm = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == colon) continue;
        if (text[i] < '0' || text[i] > '9') return refuse();
        (i < colon ? hh : mm) = (i < colon ? hh : mm) * 10 + (text[i] - '0');
    }
    if (hh > 23 || mm > 59) return refuse();
    return hh * 3600 + mm * 60;
}

std::string clock_text(int seconds_of_day) {
    return fmt::format("{:02}:{:02}", seconds_of_day / 3600, seconds_of_day / 60 % 60);
}

Evening evening_of(Date d, int remind_at) {
    Evening e;
    e.to = her_day_end(d);
    // remind-at before her day-boundary is in the small hours that still belong to day d.
    Date on = remind_at < day_boundary() * 3600 ? add_days(d, 1) : d;
    for (int s = remind_at; s < 24 * 3600; s += 60) {  // a wall time the clocks skip: the next
        if (auto t = resolve_local(on, s)) {
            e.from = t->utc;
            return e;
        }
    }
    e.from = e.to;
    return e;
}

bool is_paused(const RemindState& state, Date d) {
    return state.paused_until && d <= *state.paused_until;
}

Nudge nudge(const RemindFacts& f) {
    auto evening = evening_of(f.today, f.remind_at);
    if (f.now < evening.from || f.now > evening.to) return Nudge::outside_evening;
    if (is_paused(f.state, f.today)) return Nudge::paused;
    if (f.state.snoozed_until && f.now < *f.state.snoozed_until) return Nudge::snoozed;
    if (f.reflected_tonight) return Nudge::reflected;
    if (f.state.shown && *f.state.shown == f.today) return Nudge::shown;
    return Nudge::due;
}

std::string remind_line(int evenings_this_week) {
    if (evenings_this_week <= 0)
        return "A few quiet minutes for yourself tonight? guilt reflect is here when you want it.";
    if (evenings_this_week == 1)
        return "1 evening reflected this week - want to add tonight? (guilt reflect)";
    return fmt::format("{} evenings reflected this week - want to add tonight? (guilt reflect)",
                       evenings_this_week);
}

namespace {

// Refuses a control character (a newline would end the unit's line or the crontab's entry).
void check_printable(std::string_view value, std::string_view what) {
    for (char ch : value)
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f)
            throw UsageError(fmt::format(
                "{} holds a control character, which a systemd unit or crontab cannot hold: "
                "\"{}\"",
                what, value));
}

// A word of an ExecStart= or Environment= line in double quotes: backslash and quote escaped,
// and systemd's own specifiers (%) and variables ($) doubled, so nothing in it is expanded.
std::string systemd_quoted(std::string_view value) {
    std::string out = "\"";
    for (char ch : value) {
        if (ch == '\\' || ch == '"') out += '\\';
        if (ch == '%' || ch == '$') out += ch;
        out += ch;
    }
    return out + '"';
}

}  // namespace

std::string timer_unit(int remind_at) {
    return fmt::format(
        "# Written by guilt remind timer install: tonight's reminder to reflect.\n"
        "[Unit]\n"
        "Description=guilt: a gentle reminder to reflect tonight\n"
        "\n"
        "[Timer]\n"
        "OnCalendar=*-*-* {}:00\n"
        "Persistent=true\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n",
        clock_text(remind_at));
}

std::string service_unit(std::string_view guilt_path, std::string_view journal) {
    check_printable(guilt_path, "the path of guilt");
    check_printable(journal, "GUILT_DB");
    std::string env;
    if (!journal.empty())
        env = fmt::format("Environment={}\n", systemd_quoted(fmt::format("GUILT_DB={}", journal)));
    return fmt::format(
        "# Written by guilt remind timer install: runs guilt remind notify.\n"
        "[Unit]\n"
        "Description=guilt: a gentle reminder to reflect tonight\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        "{}ExecStart={} remind notify\n",
        env, systemd_quoted(guilt_path));
}

std::string cron_line(int remind_at, std::string_view guilt_path, std::string_view journal,
                      long uid) {
    check_printable(guilt_path, "the path of guilt");
    check_printable(journal, "GUILT_DB");
    // cron ends the command at an unescaped %: every % of a value is written \%.
    auto cron_escaped = [](std::string text) {
        std::string out;
        for (char ch : text) {
            if (ch == '%') out += '\\';
            out += ch;
        }
        return out;
    };
    std::string env = fmt::format("XDG_RUNTIME_DIR=/run/user/{} ", uid);
    if (!journal.empty()) env += "GUILT_DB=" + cron_escaped(single_quoted(journal)) + " ";
    return fmt::format("{} {} * * * {}{} remind notify", remind_at / 60 % 60, remind_at / 3600, env,
                       cron_escaped(single_quoted(guilt_path)));
}

}  // namespace guilt
