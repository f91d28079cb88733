// SPDX-License-Identifier: MIT
// The weekly summary as Markdown: headings, lists and GitHub-style pipe tables, her words
// escaped.
#include "guilt/cli/week_render.hpp"

#include <fmt/format.h>

#include "guilt/core/markup.hpp"
#include "guilt/core/text.hpp"
#include "week_words.hpp"

namespace guilt {

namespace {

std::string md(std::string_view text) {
    return md_inline(text);
}

}  // namespace

std::string render_markdown(const WeekSummary& s) {
    std::string out = fmt::format("# Your week: {}\n\n", md(week_words::week_title(s, "to")));
    if (!s.complete) out += "*So far: the week is not over yet.*\n\n";
    if (s.motto) out += fmt::format("**Motto:** {}\n\n", md(s.motto->text));
    if (!s.priorities.empty()) {
        out += "**Priorities:**\n\n";
        for (const auto& p : s.priorities) {
            out += fmt::format("{}. {}", p.rank, md(p.title));
            if (p.until) out += fmt::format(" (until {})", format_date(*p.until));
            out += "\n";
        }
        out += "\n";
    }

    out += "## At a glance\n\n";
    out += fmt::format("- **Guilt:** {}; {}.\n", md(week_words::guilt_line(s.guilt)),
                       md(week_words::guilt_change(s)));
    out += fmt::format("- **Good moments:** {}.\n", md(week_words::wins_line(s)));
    out += fmt::format("- **Runs:** {}.\n", md(week_words::runs_line(s)));
    out += fmt::format("- **Engaged time:** {}; {}.\n", md(week_words::engaged_line(s)),
                       md(week_words::engaged_change(s)));
    out += fmt::format("- **Deposits:** {}.\n", md(week_words::deposits_line(s)));
    out +=
        fmt::format("- **Bank:** {}; {}.\n", md(week_words::bank_line(s)), week_words::kBankNote);
    out += fmt::format("- **Reflected:** {} of {} nights.\n\n", s.nights_reflected, kWeekLength);

    out += "## Day by day\n\n";
    out += md_table(week_words::kDayTableHead, week_words::day_rows(s, md_inline, "-"));
    out += "\n";

    out += "## Guilt\n\n";
    if (!s.topics.empty()) out += fmt::format("- About: {}\n", md(week_words::tallies(s.topics)));
    if (!s.tags.empty()) out += fmt::format("- Tags: {}\n", md(week_words::tallies(s.tags, "#")));
    if (!s.kids_named.empty())
        out += fmt::format("- Kids named: {}\n", md(week_words::tallies(s.kids_named)));
    for (const auto& m : s.moments)
        out += fmt::format("- {}, intensity {}: {}\n", md(week_words::moment_when(m)),
                           week_words::intensity_of(m), md(m.text));
    if (s.moments.empty()) out += "No guilt moments this week.\n";
    out += "\n## Good moments\n\n";
    for (const auto& w : s.wins)
        out += fmt::format("- {}: {}\n", md(week_words::win_when(w)), md(w.text));
    if (s.wins.empty()) out += "No good moments written down this week.\n";
    out += "\n## Runs\n\n" + md(week_words::runs_line(s)) + ".";
    if (s.runs.count > 0)
        out += " " + md(week_words::runs_with(s)) + "; " + md(week_words::runs_when(s)) + ".";
    out += "\n\n## Engaged time\n\n" + md(week_words::engaged_line(s)) + ".\n\n";
    for (const auto& k : s.engaged.kids)
        out += "- " + md(week_words::kid_line(k)) + "\n";

    out += "\n## Reflection\n\n";
    out += fmt::format("You reflected {} of {} nights.\n\n", s.nights_reflected, kWeekLength);
    for (const auto& st : s.strategies) {
        out += fmt::format("- **{}** ({})\n", md(st.title), md(week_words::days_list(st.days)));
        for (const auto& a : st.answers)
            out += fmt::format("  - {}: {}\n", md(day_label(a.date)), md(a.text));
    }
    return out;
}

}  // namespace guilt
