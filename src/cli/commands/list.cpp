// SPDX-License-Identifier: MIT
// guilt list: entries newest first, filtered; a compact table or JSON.
#include <fmt/format.h>

#include <iostream>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "command_kit/range.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

std::vector<std::string> entry_type_names() {
    std::vector<std::string> names;
    for (auto t : kEntryTypes)
        names.emplace_back(to_string(t));
    return names;
}

struct ListOptions {
    std::optional<std::string> since, until, type, tag, kid, contains, limit;
};

EntryFilter make_filter(const ListOptions& o, Context& ctx) {
    EntryFilter f;
    set_range(f, o.since, o.until, ctx.now());
    if (o.type) {
        f.type = entry_type_from(*o.type);  // a type's name: set_choices
    }
    if (o.tag) {
        auto tag = to_lower(trim(*o.tag));
        if (!tag.empty() && tag.front() == '#') tag.erase(0, 1);
        if (tag.empty()) throw UsageError("--tag needs a tag, got \"\"");
        f.tag = tag;
    }
    if (o.kid) {
        auto kid = std::string(trim(*o.kid));
        if (!kid.empty() && kid.front() == '@') kid.erase(0, 1);
        if (kid.empty()) throw UsageError("--kid needs a name, got \"\"");
        f.kid = kid;
    }
    if (o.contains) {
        check_text(*o.contains, "--contains");
        if (trim(*o.contains).empty())
            throw UsageError("--contains needs words to look for, got \"\"");
        f.contains = *o.contains;
    }
    if (o.limit) f.limit = static_cast<int>(parse_count(*o.limit, "-n", 1'000'000));
    return f;
}

// " Bob is not a kid in your journal (your kids: Sam, Theo)." when --kid names no kid she has;
// "" otherwise. A filter that matches nothing is no error (exit 0), but she is told why.
std::string not_a_kid_note(const std::optional<std::string>& given, Context& ctx) {
    if (!given) return "";
    auto name = std::string(trim(*given));
    if (!name.empty() && name.front() == '@') name.erase(0, 1);
    auto& store = ctx.store();
    if (store.kid_named(name)) return "";
    if (store.is_not_kid(name))
        return fmt::format(
            " {} is a name you said is not a kid (guilt kids is-a-kid {} to change that).",
            visible(name), single_quoted(name));
    std::vector<std::string> kids;
    for (const auto& k : store.kids())
        kids.push_back(visible(k.name));
    if (kids.empty())
        return fmt::format(
            " {} is not a kid in your journal, which names no kids yet (-k NAME or @Name when you "
            "log).",
            visible(name));
    return fmt::format(" {} is not a kid in your journal (your kids: {}).", visible(name),
                       fmt::join(kids, ", "));
}

void print_table(const std::vector<Entry>& entries, Context& ctx) {
    bool color = ctx.color(stdout);
    // On a terminal a row fits the width; piped, rows are whole so tools see everything.
    std::size_t width = is_terminal(stdout) ? static_cast<std::size_t>(terminal_width()) : 0;
    std::size_t id_width = 2;
    for (const auto& e : entries)
        id_width = std::max(id_width, std::to_string(e.id).size());
    std::cout << paint(fmt::format("{:>{}}  {:<10}  {:<5}  {:<10}  {}", "ID", id_width, "DATE",
                                   "TIME", "TYPE", "SUMMARY"),
                       Style::bold, color)
              << '\n';
    for (const auto& e : entries) {
        auto head =
            fmt::format("{:>{}}  {}  {}  {:<10}  ", e.id, id_width, format_date(local_date(e.at)),
                        clock_label(local_seconds_of_day(e.at)), to_string(e.type));
        auto text = summary(e);
        if (width > head.size() + 10) text = shorten(text, width - head.size());
        std::cout << paint(head, Style::dim, color) << text << '\n';
    }
}

void run_list(const ListOptions& o, Context& ctx) {
    auto filter = make_filter(o, ctx);
    auto entries = ctx.store().entries(filter);
    if (ctx.json) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& e : entries)
            out.push_back(entry_to_json(e, true));
        std::cout << out.dump(2) << '\n';
        if (const auto note = not_a_kid_note(o.kid, ctx); entries.empty() && !note.empty())
            std::cerr << trim(note) << '\n';
    } else if (entries.empty()) {
        std::cerr << "No entries match." << not_a_kid_note(o.kid, ctx) << '\n';
    } else {
        print_table(entries, ctx);
    }
}

}  // namespace

void setup_list(Command& app, Context& ctx) {
    auto o = std::make_shared<ListOptions>();
    auto cmd = app.subcommand("list", "List entries, newest first");
    cmd.option("--since", o->since, "From this WHEN on (a day alone: from its start)");
    cmd.option("--until", o->until, "Up to this WHEN (a day alone: to its end)");
    cmd.option("--type", o->type, "Only entries of this type").choices(entry_type_names());
    cmd.option("--tag", o->tag, "Only entries with this tag");
    cmd.option("--kid", o->kid, "Only entries naming this child");
    cmd.option("--contains", o->contains, "Only entries holding all these words");
    cmd.option("-n", o->limit, "At most N entries");
    cmd.footer(R"(Examples:
  guilt list -n 10
  guilt list --type guilt --since mon --kid Theo
  guilt list --contains "bedtime story" --json)");
    cmd.callback([o, &ctx] { run_list(*o, ctx); });
}

}  // namespace guilt
