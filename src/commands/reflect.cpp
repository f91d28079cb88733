// SPDX-License-Identifier: MIT
// guilt reflect: one day held against the ten strategies; prompts with her own data, and on a
// terminal her answers, stored as reflection entries.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "guilt/cli.hpp"
#include "guilt/data_files.hpp"
#include "guilt/entry_json.hpp"
#include "guilt/error.hpp"
#include "guilt/parse.hpp"
#include "guilt/reflect.hpp"
#include "guilt/strategies.hpp"
#include "guilt/terminal.hpp"
#include "guilt/text.hpp"

namespace guilt {

namespace {

constexpr std::size_t kShownByDefault = 3;

constexpr const char* kTherapyNote =
    "guilt is a journal, not therapy. If guilt comes with hopelessness or thoughts of harming "
    "yourself or anyone else, please talk to a doctor or call a crisis line (in the US, call or "
    "text 988).";

struct ReflectOptions {
    std::optional<std::string> date;
    bool all = false;
    bool no_input = false;
};

// The day reviewed: --date, else today, or yesterday before the day-boundary hour.
Date reviewed_day(const ReflectOptions& o, Context& ctx) {
    auto now = ctx.now();
    auto today = local_date(now);
    if (!o.date) {
        int boundary = parse_scale(ctx.setting("day-boundary"), "config day-boundary", 0, 23);
        return local_seconds_of_day(now) < boundary * 3600 ? add_days(today, -1) : today;
    }
    auto day = parse_day(*o.date, now, "--date");
    if (!day) day = local_date(parse_when(*o.date, now, "--date"));
    if (*day > today) throw UsageError(fmt::format("--date {} is in the future", *o.date));
    return *day;
}

ReflectInput gather(Context& ctx, Date day) {
    auto& store = ctx.store();
    ReflectInput in;
    in.day = day;
    EntryFilter window;
    window.from_day = add_days(day, -(kReflectWindowDays - 1));
    window.to_day = day;
    window.oldest_first = true;
    in.entries = store.entries(window);
    in.priorities = store.priorities(true);
    // The motto in force when the day ended, in the zone she is in now.
    auto end_of_day = from_local(add_days(day, 1), 0, "--date", format_date(day)).utc - 1;
    in.motto = store.motto_at(end_of_day);
    in.last_shown = store.last_showings_before(day);
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

std::string balance_line(const Balance& b) {
    std::string since =
        !b.days_since_deposit ? "no deposit in 4 weeks"
        : *b.days_since_deposit == 0
            ? "last deposit today"
            : fmt::format("last deposit {} ago", plural(*b.days_since_deposit, "day", "days"));
    return fmt::format("Your bank, last 7 days: {} in, {} out, balance {:+} ({})",
                       plural(b.deposits, "deposit", "deposits"),
                       plural(b.withdrawals, "withdrawal", "withdrawals"), b.value, since);
}

// `text` wrapped to `width` columns, each line starting with `indent`.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
    std::string out, line;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        auto word = text.substr(start, end - start);
        if (!line.empty() &&
            display_width(line) + 1 + display_width(word) > width - indent.size()) {
            out += std::string(indent) + line + "\n";
            line.clear();
        }
        if (!word.empty()) line += (line.empty() ? "" : " ") + std::string(word);
        start = end + 1;
    }
    if (!line.empty()) out += std::string(indent) + line + "\n";
    return out;
}

std::size_t output_width() { return static_cast<std::size_t>(prose_width()); }

void print_prompt(const Prompt& p, std::size_t number, bool color) {
    auto width = output_width();
    std::vector<std::string> cited;
    for (const Entry* e : p.evidence) {
        int secs = local_seconds_of_day(e->at);
        auto d = local_date(e->at);
        cited.push_back(fmt::format("#{} {} {:02}-{:02} {:02}:{:02}", e->id, to_string(e->type),
                                    d.month, d.day, secs / 3600, secs / 60 % 60));
    }
    std::cout << '\n'
              << paint(fmt::format("{}. {}", number, p.title), Style::bold, color) << '\n'
              << wrap(visible(p.message), width, "   ")  // it may quote her words
              << paint(wrap(p.attribution, width, "   "), Style::dim, color)
              << paint(wrap("from your journal: " + fmt::format("{}", fmt::join(cited, ", ")),
                            width, "   "),
                       Style::dim, color)
              << paint(wrap("→ " + visible(p.question), width, "   "), Style::accent, color);
}

void run_reflect(const ReflectOptions& o, Context& ctx) {
    auto day = reviewed_day(o, ctx);
    auto in = gather(ctx, day);
    auto lexicon = load_lexicon();
    auto book = load_strategies();
    auto findings = reflect(in, lexicon);
    auto balance = bank_balance(in);
    std::vector<Prompt> prompts;
    for (const auto& f : findings)
        prompts.push_back(make_prompt(f, book, day));

    bool show_all = o.all || ctx.json;
    std::size_t shown = show_all ? prompts.size() : std::min(prompts.size(), kShownByDefault);
    std::vector<std::string> shown_ids;
    for (std::size_t i = 0; i < shown; ++i)
        shown_ids.push_back(prompts[i].strategy);
    bool interactive =
        !ctx.json && !o.no_input && shown > 0 && is_terminal(stdin) && is_terminal(stderr);

    auto save = [&](std::vector<Entry>& answers) {
        if (shown_ids.empty() && answers.empty()) return;
        auto& store = ctx.store(Store::Access::write);
        store.write([&] {
            store.record_showings(day, shown_ids);
            for (auto& a : answers)
                store.add(a);
        });
    };

    if (ctx.json) {
        std::vector<Entry> none;
        save(none);
        nlohmann::ordered_json out;
        out["date"] = format_date(day);
        out["balance"] = balance_json(balance);
        out["prompts"] = nlohmann::ordered_json::array();
        for (const auto& p : prompts) {
            auto evidence = nlohmann::ordered_json::array();
            for (const Entry* e : p.evidence)
                evidence.push_back(evidence_json(*e));
            out["prompts"].push_back({{"strategy", p.strategy},
                                      {"title", p.title},
                                      {"message", p.message},
                                      {"question", p.question},
                                      {"attribution", p.attribution},
                                      {"evidence", evidence}});
        }
        std::cout << out.dump(2) << '\n';
        return;
    }

    bool color = ctx.color(stdout);
    std::vector<Entry> answers;
    if (!interactive) save(answers);
    std::cout << paint(fmt::format("Reflection for {}", format_date(day)), Style::bold, color)
              << '\n'
              << wrap(balance_line(balance), output_width(), "");
    if (prompts.empty()) {
        std::cout << "\nNothing in your journal asks for a closer look tonight. Rest well.\n";
        return;
    }
    for (std::size_t i = 0; i < shown; ++i) {
        print_prompt(prompts[i], i + 1, color);
        if (!interactive) continue;
        std::cout << std::flush;
        auto answer = ask("   > ");
        if (!answer) {
            // Ctrl-D: stop asking, keep what she wrote; the prompts she never saw stay unshown.
            shown_ids.resize(i + 1);
            break;
        }
        if (trim(*answer).empty()) continue;
        check_text(*answer, "answer");
        Entry e;
        e.type = EntryType::reflection;
        e.at = ctx.now();
        e.date = format_date(day);
        e.strategy = prompts[i].strategy;
        e.prompt = prompts[i].message + " " + prompts[i].question;
        e.text = std::string(trim(*answer));
        answers.push_back(std::move(e));
    }
    if (shown < prompts.size())
        std::cout << '\n'
                  << paint(fmt::format("{} more: guilt reflect --all", prompts.size() - shown),
                           Style::dim, color)
                  << '\n';
    if (interactive) {
        save(answers);
        if (!answers.empty())
            std::cerr << fmt::format("Saved {}. Sleep well.\n",
                                     plural(static_cast<std::int64_t>(answers.size()), "answer", "answers"));
    }
}

}  // namespace

void setup_reflect(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ReflectOptions>();
    auto* cmd = app.add_subcommand(
        "reflect", "Hold a day against ten coping strategies and answer a few questions");
    cmd->add_option(
        "--date", o->date,
        "The day to review: 2026-11-25, yesterday, mon (default: today; before 04:00, yesterday)");
    cmd->add_flag("--all", o->all, "Show every prompt that fired, not only the top 3");
    cmd->add_flag("--no-input", o->no_input, "Do not ask the questions, only show the prompts");
    cmd->footer(fmt::format(R"(Examples:
  guilt reflect
  guilt reflect --date yesterday --all
  guilt reflect --json --no-input

{})",
                            kTherapyNote));
    cmd->callback([o, &ctx] { run_reflect(*o, ctx); });
}

}  // namespace guilt
