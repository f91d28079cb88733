// SPDX-License-Identifier: MIT
// guilt show ID: one entry in full.
#include <fmt/format.h>

#include <iostream>

#include "command_kit/command.hpp"
#include "command_kit/entry_ref.hpp"
#include "guilt/cli/data_files.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

Entry entry_by_id(Context& ctx, const std::string& id_text) {
    auto id = parse_count(id_text, "ID", std::numeric_limits<std::int64_t>::max());
    auto e = ctx.store().find(id);
    if (!e) throw UsageError(fmt::format("ID {} is not in the journal (see guilt list)", id_text));
    return *e;
}

namespace {

// What guilt understood of a guilt moment, as `guilt reflect` reads it.
std::optional<Reading> read_moment(const Entry& e) {
    if (e.type != EntryType::guilt) return std::nullopt;
    return read_words(load_lexicon(), e.text, e.tags);
}

void print_entry(const Entry& e, const std::optional<Reading>& reading, Context& ctx) {
    bool color = ctx.color(stdout);
    auto row = [&](std::string_view label, const std::string& value) {
        if (value.empty()) return;
        std::cout << paint(fmt::format("  {:<12}", label), Style::dim, color) << visible(value)
                  << '\n';
    };
    std::cout << paint(describe_entry(e), Style::bold, color) << '\n';
    row("at", format_iso(e.at));
    switch (e.type) {
        case EntryType::guilt:
            row("intensity", e.intensity ? std::to_string(*e.intensity) : "unknown");
            break;
        case EntryType::run:
            row("distance", format_distance(e.distance_m, e.unit));
            if (e.duration_s) {
                row("time", format_duration(*e.duration_s));
                row("pace", format_pace(e.distance_m, *e.duration_s, e.unit));
            }
            row("with", join_and(e.with));
            row("felt", e.felt ? std::to_string(*e.felt) : "");
            row("type", e.kind);
            break;
        case EntryType::engage:
            row("time", format_minutes(e.minutes));
            row("child-led", e.child_led ? "yes" : "no");
            break;
        case EntryType::deposit:
            row("time", e.minutes > 0 ? format_minutes(e.minutes) : "");
            break;
        case EntryType::reflection:
            row("reviewed", e.date);
            row("strategy", e.strategy);
            row("prompt", e.prompt);
            break;
        case EntryType::win:
            break;
    }
    std::vector<std::string> tags;
    for (const auto& t : e.tags)
        tags.push_back("#" + t);
    row("tags", fmt::format("{}", fmt::join(tags, " ")));
    row("kids", fmt::format("{}", fmt::join(e.kids, ", ")));
    if (reading) {
        std::vector<std::string> topics, distortions;
        for (const auto& t : reading->topics)
            topics.push_back(topic_label(load_lexicon(), t));  // read once per run
        row("about", join_and(topics));
        for (const auto& d : reading->distortions)
            distortions.push_back(fmt::format("{} (\"{}\")", d.id, d.words));
        row("distortions", fmt::format("{}", fmt::join(distortions, ", ")));
    }
    row("uuid", e.uuid);
    if (!e.text.empty()) {
        std::cout << '\n' << visible(e.text) << '\n';
    }
}

void run_show(const std::string& id, Context& ctx) {
    auto e = entry_by_id(ctx, id);
    auto reading = read_moment(e);
    if (!ctx.json) return print_entry(e, reading, ctx);
    auto out = entry_to_json(e, true);
    if (reading) {
        auto distortions = nlohmann::ordered_json::array();
        for (const auto& d : reading->distortions)
            distortions.push_back({{"id", d.id}, {"words", d.words}});
        out["reading"] = {{"topics", reading->topics},
                          {"distortions", std::move(distortions)},
                          {"support", !reading->support.empty()}};
    }
    std::cout << out.dump(2) << '\n';
}

}  // namespace

void setup_show(Command& app, Context& ctx) {
    auto id = std::make_shared<std::string>();
    auto cmd = app.subcommand("show", "Show one entry in full");
    cmd.option("id", *id, "The entry's id (see guilt list)").required().option_text("ID");
    cmd.footer(R"(Examples:
  guilt show 12
  guilt show 12 --json)");
    cmd.callback([id, &ctx] { run_show(*id, ctx); });
}

}  // namespace guilt
