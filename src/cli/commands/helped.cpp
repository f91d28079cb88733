// SPDX-License-Identifier: MIT
// guilt helped REFLECTION_ID yes|little|no: her answer to the follow-up ("did it help?") about
// one of her reflections, from a script; the same answer the interactive reflect asks for.
#include <fmt/format.h>

#include <iostream>
#include <limits>

#include "command_kit/command.hpp"
#include "command_kit/reflect_session.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/followup.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

struct HelpedOptions {
    std::string id;
    std::string answer;
    std::vector<std::string> rest;  // the answer's other words, hidden from help
};

void run_helped(const HelpedOptions& o, Context& ctx) {
    // Her answer in as many words as she typed it ("sort of", "a little"), joined: refused or
    // understood as a whole, never by CLI11 word by word.
    auto words = o.rest;
    words.insert(words.begin(), o.answer);
    const auto typed = fmt::format("{}", fmt::join(words, " "));
    const auto lowered = to_lower(trim(typed));
    auto answer = helped_from(lowered == "a little" ? "little" : lowered);
    if (!answer)
        throw UsageError(fmt::format(
            "the answer must be yes, little or no, got {} (e.g. guilt helped {} little)",
            guilt::quoted(typed), visible(o.id)));
    auto id = parse_count(o.id, "REFLECTION_ID", std::numeric_limits<std::int64_t>::max());
    auto found = ctx.store().find(id);
    if (!found)
        throw UsageError(fmt::format(
            "REFLECTION_ID {} is not in the journal (see guilt list --type reflection)", o.id));
    const auto& e = *found;
    if (e.type != EntryType::reflection)
        throw UsageError(fmt::format(
            "REFLECTION_ID {} is {}, not a reflection (see guilt list --type reflection)", o.id,
            describe_entry(e)));

    FollowUp f;
    f.reflection_id = e.id;
    f.reflection_uuid = e.uuid;
    f.answer = answer;
    f.night = tonight(ctx);
    f.at = ctx.now();
    auto& store = ctx.store(Store::Access::write);
    store.write([&] { store.set_followup(f); });

    if (ctx.json) {
        nlohmann::ordered_json out{{"reflection_id", e.id},
                                   {"strategy", e.strategy},
                                   {"asked_for", e.date},
                                   {"answer", to_string(*answer)},
                                   {"at", format_iso(f.at)}};
        std::cout << out.dump(2) << '\n';
    } else {
        std::cerr << fmt::format("Noted: your answer for {} ({}) helped: {}.\n", e.date, e.strategy,
                                 *answer == Helped::little ? "a little" : to_string(*answer));
    }
}

}  // namespace

void setup_helped(Command& app, Context& ctx) {
    auto o = std::make_shared<HelpedOptions>();
    auto cmd = app.subcommand(
        "helped", "Say whether a reflection helped (the follow-up reflect asks, from a script)");
    cmd.option("id", o->id, "The reflection entry's id (see guilt list --type reflection)")
        .required()
        .option_text("REFLECTION_ID");
    cmd.option("answer", o->answer, "yes, little or no").required().option_text("ANSWER");
    cmd.option("rest", o->rest).group("");
    cmd.footer(R"(A later answer about the same reflection replaces the earlier one. Her answers
feed the ranking of reflect's prompts from the next night on.

Examples:
  guilt helped 31 yes
  guilt helped 31 little
  guilt --json reflect --no-input | jq '.followups')");
    cmd.callback([o, &ctx] { run_helped(*o, ctx); });
}

}  // namespace guilt
