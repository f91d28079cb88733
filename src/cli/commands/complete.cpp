// SPDX-License-Identifier: MIT
// guilt complete tags|kids [PREFIX] (hidden): her tags or kid names starting with PREFIX, one a
// line, for the shell completions; an indexed prefix query, so it stays fast on a big journal.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

constexpr std::string_view kWhat[] = {"tags", "kids"};
constexpr int kMaxNames = 200;  // more than a shell shows usefully

struct CompleteOptions {
    std::string what, prefix;
};

void run_complete(const CompleteOptions& o, Context& ctx) {
    // What she typed may carry the marker of the text form: #school, @Theo.
    auto prefix = std::string(trim(o.prefix));
    if (!prefix.empty() && (prefix.front() == '#' || prefix.front() == '@')) prefix.erase(0, 1);
    std::vector<std::string> names;
    ctx.quiet_when_missing = true;  // the shell shows what this prints, even on stderr
    if (o.what == "tags")
        names = ctx.store().tags_with_prefix(prefix, kMaxNames);
    else  // kids: set_choices
        names = ctx.store().kids_with_prefix(prefix, kMaxNames);
    // The shells read one name a line and insert it: a name another program planted with a
    // control character, a newline or a tab cannot be typed, and is not offered.
    std::erase_if(names, [](const std::string& name) {
        return has_unprintable(name) || name.find_first_of("\n\t") != std::string::npos;
    });
    if (ctx.json) {
        std::cout << nlohmann::json(names).dump(2) << '\n';
        return;
    }
    for (const auto& name : names)
        std::cout << name << '\n';
}

}  // namespace

void setup_complete(Command& app, Context& ctx) {
    auto o = std::make_shared<CompleteOptions>();
    auto cmd = app.subcommand("complete", "Print your tags or kid names starting with PREFIX");
    cmd.group("");  // for the completion scripts, not for her: kept out of guilt --help
    cmd.option("what", o->what, "tags or kids").required().choices(kWhat);
    cmd.option("prefix", o->prefix, "What is typed so far (default: everything)");
    cmd.footer(R"(Examples:
  guilt complete tags sc
  guilt complete kids th)");
    cmd.callback([o, &ctx] { run_complete(*o, ctx); });
}

}  // namespace guilt
