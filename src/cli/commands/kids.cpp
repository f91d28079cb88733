// SPDX-License-Identifier: MIT
// guilt kids [rename OLD NEW | merge FROM INTO | not-a-kid NAME | is-a-kid NAME]: the kids named
// in the journal, and changing how they are named. Names compare by fold_name (text.hpp).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

#include "command_kit/capture.hpp"
#include "command_kit/command.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/command_runs.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/entry_rules.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

// The kid a NAME argument names, in her spelling; refused when it names none.
std::string existing_kid(Context& ctx, const std::string& raw, const std::string& field) {
    const auto name = kid_rule(raw, field);
    if (auto kid = ctx.store().kid_named(name)) return *kid;
    throw UsageError(
        fmt::format("{} \"{}\" is not a kid named in the journal (see guilt kids)", field, name));
}

// "  looks like Anna" when other kids' names look like kids[i]'s though spelled with other
// letters (one name_skeleton, in `skeletons`), else "".
std::string lookalike_note(const std::vector<KidSummary>& kids,
                           const std::vector<std::string>& skeletons, std::size_t i) {
    std::vector<std::string> alike;
    for (std::size_t j = 0; j < kids.size(); ++j)
        if (j != i && skeletons[j] == skeletons[i]) alike.push_back(described_kid(kids[j].name));
    return alike.empty() ? "" : "  looks like " + join_and(alike);
}

}  // namespace

void run_kids(Context& ctx) {
    auto& store = ctx.store();
    const auto kids = store.kids();
    if (ctx.json) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& k : kids)
            out.push_back(nlohmann::ordered_json{
                {"name", k.name}, {"entries", k.entries}, {"last", format_iso(k.last)}});
        std::cout << out.dump(2) << '\n';
        return;
    }
    if (kids.empty())
        std::cerr << "No kids named yet: name one with -k NAME, or @Name in what you write.\n";
    const bool color = ctx.color(stdout);
    // A name planted by another program may hold control characters: shown escaped.
    // Two kids whose names look alike (Anna, and Аnna with a Cyrillic А) are marked.
    std::vector<std::string> shown, skeletons;
    std::size_t width = 0;
    for (const auto& k : kids) {
        shown.push_back(visible(k.name));
        skeletons.push_back(name_skeleton(k.name));
        width = std::max(width, display_width(shown.back()));
    }
    bool alike = false;
    for (std::size_t i = 0; i < kids.size(); ++i) {
        const auto& k = kids[i];
        const auto last = local_date(k.last);
        const auto note = lookalike_note(kids, skeletons, i);
        alike = alike || !note.empty();
        std::cout << fmt::format(
            "{}{}  {}  {}{}\n", shown[i], std::string(width - display_width(shown[i]), ' '),
            plural(k.entries, "entry", "entries"),
            paint(fmt::format("(last {})", dated_label(last)), Style::dim, color), note);
    }
    if (alike)
        std::cerr << "Names that look alike are spelled with other letters; if two are one "
                     "child: guilt kids merge FROM INTO\n";
    if (const auto others = store.not_kids(); !others.empty())
        std::cerr << fmt::format("Not kids: {} (guilt kids is-a-kid NAME to change that)\n",
                                 visible(join_and(others)));
}

namespace {

// One JSON object or one line on stderr saying what changed.
void confirm(Context& ctx, const std::string& kid, std::int64_t entries, std::string_view line) {
    if (ctx.json) {
        std::cout << nlohmann::ordered_json{{"kid", kid}, {"entries", entries}}.dump(2) << '\n';
        return;
    }
    std::cerr << line << '\n';
}

std::int64_t entries_naming(Context& ctx, const std::string& kid) {
    for (const auto& k : ctx.store().kids())
        if (k.name == kid) return k.entries;
    return 0;
}

}  // namespace

// guilt kids rename OLD NEW (o.name, o.other).
void run_kids_rename(const KidsOptions& o, Context& ctx) {
    const auto old_name = existing_kid(ctx, o.name, "OLD");
    const auto new_name = kid_rule(o.other, "NEW");
    if (auto other = ctx.store().kid_named(new_name); other && *other != old_name)
        throw UsageError(
            fmt::format("NEW \"{}\" is already a kid; to make them one: guilt kids "
                        "merge {} {}",
                        new_name, single_quoted(old_name), single_quoted(*other)));
    if (ctx.store().is_not_kid(new_name))
        throw UsageError(
            fmt::format("NEW \"{}\" is a name you said is not a kid (guilt kids "
                        "is-a-kid {} to change that)",
                        new_name, single_quoted(new_name)));
    auto& store = ctx.store(Store::Access::write);
    store.write([&] { store.rename_kid(old_name, new_name); });
    const auto n = entries_naming(ctx, new_name);
    confirm(
        ctx, new_name, n,
        fmt::format("Renamed {} to {} ({})", old_name, new_name, plural(n, "entry", "entries")));
}

// guilt kids merge FROM INTO (o.name, o.other).
void run_kids_merge(const KidsOptions& o, Context& ctx) {
    const auto from = existing_kid(ctx, o.name, "FROM");
    const auto into = existing_kid(ctx, o.other, "INTO");
    if (from == into)
        throw UsageError(fmt::format("FROM \"{}\" and INTO \"{}\" already name one kid, {}", o.name,
                                     o.other, into));
    auto& store = ctx.store(Store::Access::write);
    std::int64_t moved = 0;
    store.write([&] { moved = store.merge_kids(from, into); });
    confirm(
        ctx, into, entries_naming(ctx, into),
        fmt::format("Merged {} into {}: {} moved", from, into, plural(moved, "entry", "entries")));
}

// guilt kids not-a-kid NAME (o.name).
void run_kids_not_a_kid(const KidsOptions& o, Context& ctx) {
    const auto name = kid_rule(o.name, "NAME");
    if (ctx.store().is_not_kid(name))
        throw UsageError(fmt::format("NAME \"{}\" is already marked as not a kid", name));
    const auto shown = ctx.store().kid_named(name).value_or(name);
    auto& store = ctx.store(Store::Access::write);
    std::int64_t changed = 0;
    store.write([&] { changed = store.mark_not_kid(shown); });
    confirm(ctx, shown, changed,
            fmt::format("{} is not a kid now: {} no longer {} {} as a kid (the words are "
                        "unchanged). Undo: run guilt undo now to give back every link it removed",
                        shown, plural(changed, "entry", "entries"), changed == 1 ? "names" : "name",
                        shown));
}

// guilt kids is-a-kid NAME (o.name).
void run_kids_is_a_kid(const KidsOptions& o, Context& ctx) {
    const auto name = kid_rule(o.name, "NAME");
    if (!ctx.store().is_not_kid(name))
        throw UsageError(
            fmt::format("NAME \"{}\" is not marked as not a kid (see guilt kids)", name));
    auto& store = ctx.store(Store::Access::write);
    std::int64_t linked = 0;
    store.write([&] { linked = store.unmark_not_kid(name); });
    const auto shown = store.kid_named(name).value_or(name);
    confirm(ctx, shown, linked,
            fmt::format("{} is a kid again: {} {} {}", shown, plural(linked, "entry", "entries"),
                        linked == 1 ? "names" : "name", shown));
}

void setup_kids(Command& app, Context& ctx) {
    auto o = std::make_shared<KidsOptions>();
    auto cmd = app.subcommand("kids", "List the kids named in your journal, or rename them");
    cmd.footer(R"(Names compare ignoring case and Unicode form: ZOË, zoë and Zoë are one kid;
Zoe (without the diaeresis) is another until you merge them.

Examples:
  guilt kids
  guilt kids rename zoe Zoë
  guilt kids merge Zoe Zoë
  guilt kids not-a-kid Daniel)");
    cmd.callback([cmd, &ctx] {
        if (!cmd.ran_a_subcommand()) run_kids(ctx);
    });

    auto rename = cmd.subcommand("rename", "Give a kid a new name in every entry");
    rename.option("old", o->name, "The name as the journal has it").required().option_text("OLD");
    rename.option("new", o->other, "The new name").required().option_text("NEW");
    rename.footer(R"(The old spelling still names the kid: @zoe written later is Zoë too.

Examples:
  guilt kids rename zoe Zoë
  guilt kids rename Sam Samuel)");
    rename.callback([o, &ctx] { run_kids_rename(*o, ctx); });

    auto merge = cmd.subcommand("merge", "Make two kids one (two spellings of one name)");
    merge.option("from", o->name, "The kid whose entries move").required().option_text("FROM");
    merge.option("into", o->other, "The kid who keeps them, and her name")
        .required()
        .option_text("INTO");
    merge.footer(R"(Every entry naming FROM names INTO instead, and FROM's spellings name INTO.

Examples:
  guilt kids merge Zoe Zoë
  guilt kids merge Sammy Sam)");
    merge.callback([o, &ctx] { run_kids_merge(*o, ctx); });

    auto not_kid = cmd.subcommand("not-a-kid", "Say a name is not one of your kids");
    not_kid.option("name", o->name, "A name, e.g. your partner's").required().option_text("NAME");
    not_kid.footer(R"(Entries that named NAME as a kid stop doing so; their words stay as you wrote
them. From then on @NAME is only a word, and -k NAME is refused. guilt undo, as the next
change, gives back every link it removed. Later, guilt kids is-a-kid NAME makes NAME a kid
again and links the entries whose words mention @NAME (not those named only with -k).

Examples:
  guilt kids not-a-kid Daniel
  guilt kids not-a-kid @Grandma)");
    not_kid.callback([o, &ctx] { run_kids_not_a_kid(*o, ctx); });

    auto is_kid = cmd.subcommand("is-a-kid", "Undo not-a-kid: the name is a kid again");
    is_kid.option("name", o->name, "A name marked with not-a-kid").required().option_text("NAME");
    is_kid.footer(R"(Entries whose words mention @NAME name the kid again.

Examples:
  guilt kids is-a-kid Daniel
  guilt kids is-a-kid Daniel --json)");
    is_kid.callback([o, &ctx] { run_kids_is_a_kid(*o, ctx); });
}

}  // namespace guilt
