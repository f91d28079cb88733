// SPDX-License-Identifier: MIT
// guilt reflect: one day held against the ten strategies; prompts with her own data, and on a
// terminal her answers, stored as reflection entries.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <optional>

#include "command_kit/command.hpp"
#include "command_kit/reflect_session.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/data_files.hpp"
#include "guilt/cli/system_zone.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/followup.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/reflect.hpp"
#include "guilt/core/strategies.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

constexpr std::size_t kShownByDefault = 3;

// The note under guilt reflect --help: the crisis line of her time zone's country (her
// `country` setting is in the journal, which --help does not open).
std::string therapy_note() {
    return fmt::format(
        "guilt is a journal, not therapy. If guilt comes with hopelessness or thoughts of "
        "harming yourself or anyone else, please talk to a doctor or call a crisis line ({}; "
        "guilt config set country CODE names another country's, and man guilt lists them).",
        helpline_words(helpline_for(helplines(), "", system_zone_name())));
}

// The night's support line, naming the crisis line of her country (her `country` setting, else
// her time zone's).
std::string support_line(const StrategyBook& book, Context& ctx) {
    const auto& line = helpline_for(helplines(), ctx.settings().country, system_zone_name());
    return fill(book.support, {{"helpline", helpline_words(line)}});
}

struct ReflectOptions {
    std::optional<std::string> date;
    bool all = false;
    bool no_input = false;
    bool record = false;
    bool explain = false;
};

// The day reviewed: --date, else today, or yesterday before the day-boundary hour.
Date reviewed_day(const ReflectOptions& o, Context& ctx) {
    if (!o.date) return tonight(ctx);
    auto now = ctx.now();
    auto today = local_date(now);
    auto day = parse_day(*o.date, now, "--date");
    if (!day) day = local_date(parse_when(*o.date, now, "--date"));
    if (*day > today) throw UsageError(fmt::format("--date {} is in the future", *o.date));
    return *day;
}

// Her written answers of the last kHelpedWindowDays nights that say "no" (says_no): each rests
// the question it answered, and counts as a "no" to "did it help?" unless she rated it herself.
void read_written_nos(Context& ctx, const StrategyBook& book, ReflectInput& in) {
    auto& store = ctx.store();
    for (const auto& e :
         store.reflections_for_days(add_days(in.day, -kHelpedWindowDays), add_days(in.day, -1))) {
        auto text = book.find(e.strategy);
        if (text == book.end() || e.date.empty() || !says_no(e.text)) continue;
        auto night = parse_date(e.date, "reflection date");
        if (auto q = question_of(text->second, e.prompt))
            in.said_no[e.strategy].emplace_back(night, *q);
        if (store.followup_of(e.id)) continue;
        auto& answers = in.helped[e.strategy];
        answers.push_back({night, Helped::no});
        std::stable_sort(answers.begin(), answers.end(),
                         [](const auto& a, const auto& b) { return a.asked_for < b.asked_for; });
    }
}

ReflectInput gather(Context& ctx, Date day, const StrategyBook& book) {
    auto& store = ctx.store();
    ReflectInput in;
    in.day = day;
    EntryFilter window;
    window.from_day = add_days(day, -(kReflectWindowDays - 1));
    // One calendar day more: her day ends at the day-boundary hour of the next morning.
    window.to_day = add_days(day, 1);
    window.oldest_first = true;
    in.entries = store.entries(window);
    // The priorities and the motto in force when her day ended, in the zone she is in now.
    auto end_of_day = her_day_end(day);
    in.priorities = store.priorities_at(end_of_day);
    in.motto = store.motto_at(end_of_day);
    in.last_shown = store.last_showings_before(day);
    // Her answers up to the night before: tonight's would change tonight's prompts on a rerun.
    in.helped = store.helped_between(add_days(day, -kHelpedWindowDays), add_days(day, -1));
    for (const auto& [shown_on, strategy] :
         store.showings_between(Date{1970, 1, 1}, add_days(day, -1))) {
        ++in.times_shown[strategy];
        in.shown_on[strategy].push_back(shown_on);
    }
    for (const auto& [id, text] : book)
        in.question_counts[id] = text.questions.size();
    in.context_cues = book.contexts;
    read_written_nos(ctx, book, in);
    return in;
}

nlohmann::ordered_json evidence_json(const Entry& e) {
    return {{"id", e.id},
            {"type", to_string(e.type)},
            {"at", format_iso(e.at)},
            {"summary", summary(e)}};
}

nlohmann::ordered_json balance_json(const Balance& b) {
    return {
        {"deposits", b.deposits},
        {"withdrawals", b.withdrawals},
        {"value", b.value},
        {"days_since_deposit", b.days_since_deposit ? nlohmann::ordered_json(*b.days_since_deposit)
                                                    : nlohmann::ordered_json(nullptr)}};
}

// Days since the first entry of her journal, when it is younger than the reviewed window (the
// bank's four weeks); nullopt when it is older.
std::optional<std::int64_t> days_since_start(Context& ctx, const ReflectInput& in) {
    EntryFilter older;
    older.to_day = add_days(in.day, -kReflectWindowDays);
    older.limit = 1;
    if (!ctx.store().entries(older).empty()) return std::nullopt;
    if (in.entries.empty()) return 0;
    return days_from_civil(in.day) - days_from_civil(local_date(in.entries.front().at));
}

// What is true of a journal without a deposit: none in the four weeks, or none since she started
// (a journal a day old has not gone four weeks without one).
std::string no_deposit(std::optional<std::int64_t> started) {
    if (!started) return fmt::format("no deposit in the last {} weeks", kReflectWindowDays / 7);
    if (*started == 0) return "no deposit yet since you started today";
    return fmt::format("no deposit yet since you started, {} ago", plural(*started, "day", "days"));
}

std::string balance_line(const Balance& b, std::optional<std::int64_t> started) {
    std::string since =
        !b.days_since_deposit ? no_deposit(started)
        : *b.days_since_deposit == 0
            ? "last deposit today"
            : fmt::format("last deposit {} ago", plural(*b.days_since_deposit, "day", "days"));
    return fmt::format("Your bank: {} (last 7 days: {} paid in, {} drawn by the days; {})",
                       plural(b.value, "point", "points"), plural(b.deposits, "point", "points"),
                       plural(b.withdrawals, "point", "points"), since);
}

// "Tue Feb 10 03:10", with the year when it is not the reviewed day's.
std::string evidence_time(const Entry& e, Date reviewed) {
    return moment_label(e.at, local_date(e.at).year != reviewed.year);
}

// The width she reads in: $COLUMNS or her terminal's, 80 when piped; at least 40.
std::size_t output_width() {
    return static_cast<std::size_t>(std::max(40, terminal_width()));
}

void print_prompt(const Prompt& p, std::size_t number, bool color, Date day) {
    auto width = output_width();
    std::vector<std::string> cited;
    for (const Entry* e : p.evidence)
        cited.push_back(
            fmt::format("#{} {} {}", e->id, to_string(e->type), evidence_time(*e, day)));
    std::cout << '\n'
              << paint(fmt::format("{}. {}", number, p.title), Style::bold, color) << '\n'
              << wrap(visible(p.helped_note.empty() ? p.message : p.message + " " + p.helped_note),
                      width, "   ")  // it may quote her words
              << paint(wrap(p.attribution, width, "   "), Style::dim, color)
              << paint(wrap("from your journal: " + fmt::format("{}", fmt::join(cited, ", ")),
                            width, "   "),
                       Style::dim, color)
              << paint(wrap("→ " + visible(p.question), width, "   "), Style::accent, color);
}

// Whether exactly `ids` are recorded as shown for `day` already.
bool already_recorded(const Store& store, Date day, std::vector<std::string> ids) {
    std::vector<std::string> recorded;
    for (const auto& [_, strategy] : store.showings_between(day, day))
        recorded.push_back(strategy);
    std::sort(ids.begin(), ids.end());
    std::sort(recorded.begin(), recorded.end());
    return ids == recorded;
}

// One prompt of guilt reflect --json.
nlohmann::ordered_json prompt_json(const Prompt& p) {
    auto evidence = nlohmann::ordered_json::array();
    for (const Entry* e : p.evidence)
        evidence.push_back(evidence_json(*e));
    nlohmann::ordered_json out{
        {"strategy", p.strategy},
        {"title", p.title},
        {"message", p.message},
        {"question", p.question},
        {"attribution", p.attribution},
        {"evidence", evidence},
        {"score", std::round(p.score * 100) / 100},
        {"why", p.why},
        {"efficacy",
         {{"yes", p.efficacy.yes}, {"little", p.efficacy.little}, {"no", p.efficacy.no}}}};
    if (!p.helped_note.empty()) out["helped"] = p.helped_note;
    return out;
}

// guilt reflect --json: the night as one JSON document.
void print_json(const ReflectOptions& o, Date day, const Balance& balance, const Support& night,
                const StrategyBook& book, const std::vector<Prompt>& prompts,
                const std::vector<Entry>& due, const std::vector<Silence>& silent, Context& ctx) {
    nlohmann::ordered_json out;
    out["date"] = format_date(day);
    out["balance"] = balance_json(balance);
    if (!night.moments.empty()) out["support"] = support_line(book, ctx);
    out["prompts"] = nlohmann::ordered_json::array();
    for (const auto& p : prompts)
        out["prompts"].push_back(prompt_json(p));
    out["followups"] = followups_json(due);
    if (o.explain) {
        out["silent"] = nlohmann::ordered_json::array();
        for (const auto& s : silent)
            out["silent"].push_back({{"strategy", s.strategy}, {"why", s.why}});
    }
    std::cout << out.dump(2) << '\n';
}

// What she was shown is recorded (the no-nagging rule, week's "Reflected", insights), and
// only that: interactive, each prompt when it is asked (not here); the text view (a terminal,
// --no-input, or a pipe to her pager or a file), the prompts it printed (`ids`), never those
// ranked below them. --json is for programs and records nothing unless --record is given, which
// records the prompts the text view shows (the top 3, or every one with --all). A run that
// records nothing writes nothing: it works on a read-only journal or a full disk, and so does
// one whose `ids` are recorded for `day` already.
// (shared/scenarios/run records the earlier nights of a scenario with --no-input; cli.md
// says --no-input and piped output record nothing. The scenarios decide here; see README.)
void record_showings(const ReflectOptions& o, Context& ctx, Date day,
                     const std::vector<std::string>& ids, bool interactive) {
    const bool printed_to_her = !ctx.json;
    if (ids.empty() || interactive || !(o.record || printed_to_her)) return;
    if (already_recorded(ctx.store(), day, ids)) return;  // nothing new: no write
    try {
        auto& store = ctx.store(Store::Access::write);
        store.write([&] { store.record_showings(day, ids); });
    } catch (const StoreError& e) {
        // The view is the job; the record is bookkeeping. A journal that cannot be written
        // (read-only, a full disk, locked) still shows her the night, and says what it kept.
        if (o.record) throw;
        std::cerr << fmt::format(
            "guilt: note: which prompts you were shown was not recorded "
            "({})\n",
            e.what());
    }
}

// --explain: the strategies that stayed silent, and why.
void print_silent_ones(const std::vector<Silence>& silent, bool color) {
    std::cout << '\n' << paint("Silent tonight:", Style::dim, color) << '\n';
    for (const auto& s : silent)
        std::cout << paint(wrap(s.strategy + ": " + s.why, output_width(), "   "), Style::dim,
                           color);
}

void run_reflect(const ReflectOptions& o, Context& ctx) {
    auto day = reviewed_day(o, ctx);
    auto book = load_strategies();
    auto in = gather(ctx, day, book);
    const auto& lexicon = load_lexicon();
    std::vector<Silence> silent;
    auto [findings, night] = read_night(in, lexicon, o.explain ? &silent : nullptr);
    auto balance = bank_balance(in);
    std::vector<Prompt> prompts;
    for (const auto& f : findings)
        prompts.push_back(make_prompt(f, book, in.times_shown[f.strategy]));
    if (!night.moments.empty()) keep_gentle(prompts, night.moments);

    bool show_all = o.all || ctx.json;
    std::size_t shown = show_all ? prompts.size() : std::min(prompts.size(), kShownByDefault);
    bool at_terminal = !ctx.json && !o.no_input && is_terminal(stdin) && is_terminal(stderr);
    bool interactive = at_terminal && shown > 0;
    auto due = followups_due(ctx, day);
    std::size_t seen = o.all ? prompts.size() : std::min(prompts.size(), kShownByDefault);
    std::vector<std::string> shown_ids;
    for (std::size_t i = 0; i < seen; ++i)
        shown_ids.push_back(prompts[i].strategy);
    auto record_shown = [&] { record_showings(o, ctx, day, shown_ids, interactive); };

    if (ctx.json) {
        record_shown();
        print_json(o, day, balance, night, book, prompts, due, silent, ctx);
        return;
    }

    bool color = ctx.color(stdout);
    record_shown();
    std::optional<AnswerSession> session;
    if (at_terminal && (interactive || !due.empty())) session.emplace(ctx, day);
    std::cout << paint(fmt::format("Reflection for {}", format_date(day)), Style::bold, color)
              << '\n'
              << wrap(balance_line(balance, days_since_start(ctx, in)), output_width(), "");
    if (!night.moments.empty())
        std::cout << '\n'
                  << paint(wrap(support_line(book, ctx), output_width(), ""), Style::warn, color);
    if (session) session->ask_followups(due, book);
    auto print_silent = [&] {
        if (o.explain) print_silent_ones(silent, color);
    };
    if (prompts.empty()) {
        print_silent();
        if (night.moments.empty())
            std::cout << "\nNothing in your journal asks for a closer look tonight. Rest well.\n";
        return;
    }
    for (std::size_t i = 0; i < shown; ++i) {
        print_prompt(prompts[i], i + 1, color, day);
        if (!interactive) continue;
        // Ctrl-D: stop asking; the prompts she never saw stay unshown.
        std::vector<std::string> shown_so_far(shown_ids.begin(), shown_ids.begin() + i + 1);
        if (!session->ask(prompts[i], shown_so_far)) break;
    }
    print_silent();
    if (shown < prompts.size())
        std::cout << '\n'
                  << paint(fmt::format("{} more: guilt reflect --all", prompts.size() - shown),
                           Style::dim, color)
                  << '\n';
    if (interactive && session->answers() > 0)
        std::cerr << fmt::format(
            "Saved {}. Sleep well.\n",
            plural(static_cast<std::int64_t>(session->answers()), "answer", "answers"));
}

}  // namespace

void setup_reflect(Command& app, Context& ctx) {
    auto o = std::make_shared<ReflectOptions>();
    auto cmd = app.subcommand(
        "reflect", "Hold a day against ten coping strategies and answer a few questions");
    cmd.option(
        "--date", o->date,
        "The day to review: 2026-11-25, yesterday, mon (default: today; before 04:00, yesterday)");
    cmd.flag("--all", o->all, "Show every prompt that fired, not only the top 3");
    cmd.flag("--no-input", o->no_input, "Do not ask the questions, only show the prompts");
    cmd.flag("--explain", o->explain,
             "Also list the strategies that stayed silent and why (rested, no new evidence, "
             "nothing that calls for it); with --json as \"silent\"");
    cmd.flag("--record", o->record,
             "With --json: record the prompts the text view would show as shown (for a "
             "script that shows them to you; --json records nothing without it)");
    cmd.footer([] {
        return fmt::format(R"(Examples:
  guilt reflect
  guilt reflect --date yesterday --all
  guilt reflect --json --no-input
  guilt reflect --json --record | my-notifier

{})",
                           therapy_note());
    });
    cmd.callback([o, &ctx] { run_reflect(*o, ctx); });
}

}  // namespace guilt
