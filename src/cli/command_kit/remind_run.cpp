// SPDX-License-Identifier: MIT
// guilt remind check|notify|status|snooze and guilt pause: one read of the journal, opened
// read-only, and the reminder's state file beside it; the journal itself is never written.
#include "remind_run.hpp"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/time.hpp"
#include "remind_state.hpp"

namespace guilt {

namespace {

namespace fs = std::filesystem;

// Writes down that tonight's nudge was shown; a state that cannot be written costs only a
// second nudge, never the line.
void record_shown(Context& ctx, const Tonight& t) {
    auto state = t.facts.state;
    state.shown = t.facts.today;
    state.shown_at = t.facts.now;
    try {
        write_remind_state(remind_state_path(ctx), state);
    } catch (const std::exception&) {
    }
}

// The path of `name` on $PATH when it is an executable file there.
std::optional<std::string> on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    for (std::size_t at = 0; at <= dirs.size();) {
        auto end = dirs.find(':', at);
        if (end == std::string::npos) end = dirs.size();
        auto dir = dirs.substr(at, end - at);
        at = end + 1;
        if (dir.empty()) continue;
        auto candidate = dir + "/" + name;
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return std::nullopt;
}

// Whether a desktop session's bus is there to carry a notification.
bool session_bus() {
    const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS");
    if (address && *address) return true;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::error_code ec;
    return runtime && *runtime && fs::is_socket(fs::path(runtime) / "bus", ec);
}

// Runs notify-send with `line` as one argument (never through a shell); true when it said so.
bool send_notification(const std::string& program, const std::string& line) {
    std::cout.flush();
    pid_t pid = ::fork();
    if (pid < 0) return false;
    if (pid == 0) {
        const char* argv[] = {program.c_str(), "--app-name=guilt", "--",
                              "guilt",         line.c_str(),       nullptr};
        ::execv(program.c_str(), const_cast<char* const*>(argv));
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string iso_or_null(std::optional<std::int64_t> utc) {
    return utc ? format_iso(in_local_zone(*utc)) : std::string();
}

// When check will next say yes, as far as the state knows.
std::int64_t next_nudge(const Tonight& t) {
    const auto& f = t.facts;
    auto tonight = evening_of(f.today, f.remind_at);
    Date d = f.today;
    bool done = t.nudge == Nudge::reflected || t.nudge == Nudge::shown || f.now > tonight.to;
    if (done || is_paused(f.state, d)) d = add_days(d, 1);
    if (f.state.paused_until && d <= *f.state.paused_until) d = add_days(*f.state.paused_until, 1);
    auto at = std::max(evening_of(d, f.remind_at).from, f.now);
    if (f.state.snoozed_until && *f.state.snoozed_until > at) at = *f.state.snoozed_until;
    return at;
}

std::string_view nudge_name(Nudge n) {
    switch (n) {
        case Nudge::due:
            return "due";
        case Nudge::outside_evening:
            return "outside the evening";
        case Nudge::paused:
            return "paused";
        case Nudge::snoozed:
            return "snoozed";
        case Nudge::reflected:
            return "reflected tonight";
        case Nudge::shown:
            return "shown tonight";
    }
    return "";
}

}  // namespace

void run_remind_check(Context& ctx) {
    ctx.exit_code = kExitFailure;
    // With --json, one document either way: {"due", "line", "state"}.
    auto say = [&](bool due, std::string_view line, std::string_view state) {
        if (ctx.json)
            std::cout << nlohmann::ordered_json{{"due", due},
                                                {"line", due ? nlohmann::ordered_json(line)
                                                             : nlohmann::ordered_json(nullptr)},
                                                {"state", state}}
                             .dump(2)
                      << '\n';
        else if (due)
            std::cout << line << '\n';
    };
    if (!journal_exists(ctx)) {  // nothing to remind of, and nothing is created
        say(false, "", "no journal");
        return;
    }
    auto t = look_at_tonight(ctx);
    say(t.nudge == Nudge::due, t.line, nudge_name(t.nudge));
    if (t.nudge != Nudge::due) return;
    record_shown(ctx, t);
    ctx.exit_code = 0;
}

void run_remind_notify(Context& ctx) {
    if (!journal_exists(ctx)) return;
    auto t = look_at_tonight(ctx);
    if (t.nudge != Nudge::due || !session_bus()) return;
    auto program = on_path("notify-send");
    if (!program) return;
    if (send_notification(*program, t.line)) record_shown(ctx, t);
}

void run_remind_status(Context& ctx) {
    if (!journal_exists(ctx))
        throw StoreError(fmt::format("no journal at {} yet: nothing to remind of", ctx.db_path()));
    auto t = look_at_tonight(ctx);
    const auto& s = t.facts.state;
    auto evening = evening_of(t.facts.today, t.facts.remind_at);
    auto window =
        fmt::format("{} to {}", clock_text(t.facts.remind_at), clock_text(day_boundary() * 3600));
    auto next = iso_or_null(next_nudge(t));
    bool snoozed = s.snoozed_until && *s.snoozed_until > t.facts.now;
    bool paused = s.paused_until && *s.paused_until >= t.facts.today;
    if (ctx.json) {
        nlohmann::ordered_json j;
        j["remind_at"] = clock_text(t.facts.remind_at);
        j["evening"] = {{"from", iso_or_null(evening.from)}, {"to", iso_or_null(evening.to)}};
        j["due"] = t.nudge == Nudge::due;
        j["state"] = nudge_name(t.nudge);
        j["next"] = next;
        j["evenings_this_week"] = t.evenings_this_week;
        j["last_shown"] = s.shown_at ? nlohmann::ordered_json(iso_or_null(s.shown_at)) : nullptr;
        j["snoozed_until"] =
            snoozed ? nlohmann::ordered_json(iso_or_null(s.snoozed_until)) : nullptr;
        j["paused_until"] = paused ? nlohmann::ordered_json(format_date(*s.paused_until)) : nullptr;
        j["pause_reason"] = paused ? nlohmann::ordered_json(s.pause_reason) : nullptr;
        std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return;
    }
    std::cout << fmt::format("Evening      {} (remind-at to your day's end)\n", window);
    std::cout << fmt::format("Tonight      {}\n", nudge_name(t.nudge));
    std::cout << fmt::format("Next nudge   {}\n", next);
    std::cout << fmt::format("Last shown   {}\n", s.shown_at ? iso_or_null(s.shown_at) : "never");
    std::cout << fmt::format("Snoozed      {}\n",
                             snoozed ? "until " + iso_or_null(s.snoozed_until) : "no");
    std::cout << fmt::format(
        "Paused       {}\n",
        paused ? fmt::format("until {} (included){}", format_date(*s.paused_until),
                             s.pause_reason.empty() ? "" : ": " + visible(s.pause_reason))
               : "no");
}

// Changes the state file after checking there is a journal to remind of (never creating one).
template <typename Change>
void change_state(Context& ctx, Change change) {
    if (!journal_exists(ctx))
        throw StoreError(fmt::format(
            "no journal at {} yet: nothing to remind of (check --db and GUILT_DB)", ctx.db_path()));
    auto path = remind_state_path(ctx);
    auto state = read_remind_state(path);
    change(state);
    write_remind_state(path, state);
}

void run_remind_snooze(Context& ctx, const std::string& duration, bool end) {
    if (end == !duration.empty())
        throw UsageError("guilt remind snooze takes a DURATION (such as 1h) or --end");
    auto now = ctx.now().utc;
    int seconds = end ? 0 : parse_duration(duration, "DURATION", 24 * 3600);
    change_state(ctx, [&](RemindState& s) {
        if (end)
            s.snoozed_until.reset();
        else
            s.snoozed_until = now + seconds;
    });
    if (ctx.json) run_remind_status(ctx);
    if (end)
        std::cerr << "Snooze ended: tonight's reminder can come again.\n";
    else
        std::cerr << fmt::format("Snoozed until {}.\n", format_iso(in_local_zone(now + seconds)));
}

void run_pause(Context& ctx, const std::optional<std::string>& until,
               const std::optional<std::string>& reason, bool end) {
    if (end == until.has_value())
        throw UsageError("guilt pause takes --until DATE (such as \"next monday\") or --end");
    if (end && reason) throw UsageError("--reason goes with --until, not with --end");
    if (end) {
        change_state(ctx, [](RemindState& s) {
            s.paused_until.reset();
            s.pause_reason.clear();
        });
        if (ctx.json) run_remind_status(ctx);
        std::cerr << "Pause ended: reminders are back from tonight.\n";
        return;
    }
    ctx.settings();  // her day-boundary, for her today
    auto day = parse_until(*until, ctx.now(), "--until");
    if (day < ctx.today())
        throw UsageError(fmt::format("--until must be today or later, got \"{}\" ({})", *until,
                                     format_date(day)));
    change_state(ctx, [&](RemindState& s) {
        s.paused_until = day;
        s.pause_reason = reason.value_or("");
    });
    if (ctx.json) run_remind_status(ctx);
    std::cerr << fmt::format(
        "Paused through {}: no reminders, and those evenings are simply off. Back on {}.\n",
        long_day_label(day), long_day_label(add_days(day, 1)));
}

}  // namespace guilt
