// SPDX-License-Identifier: MIT
// guilt edit ID: change an entry with its capture options, or in the editor.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "command_kit/capture.hpp"
#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "command_kit/entry_ref.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/entry_rules.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

struct EditOptions {
    std::string id;
    CaptureOptions capture;
};

// Removes from `names` those in `gone`; `fold` compares as one name (same_name).
void remove_names(std::vector<std::string>& names, const std::vector<std::string>& gone,
                  bool fold) {
    std::erase_if(names, [&](const std::string& name) {
        return std::any_of(gone.begin(), gone.end(), [&](const std::string& g) {
            return fold ? same_name(name, g) : name == g;
        });
    });
}

// Whether `e` is what is stored as `before`, kids compared as the journal spells them: then
// nothing is written, and undo still reverts the change before.
bool same_as_stored(Entry e, const Entry& before, Context& ctx) {
    for (auto& kid : e.kids)
        kid = ctx.store().kid_named(kid).value_or(kid);
    return entry_to_json(e, true) == entry_to_json(before, true);
}

bool any_given(const CaptureOptions& o) {
    return o.text || o.intensity || o.when || o.felt || o.kind || o.note || o.distance ||
           o.duration || !o.tags.empty() || !o.kids.empty() || !o.with.empty() || o.child_led ||
           o.not_child_led;
}

// Applies `given` to entry `e` and saves it, in one transaction that first checks the entry is
// still there (another guilt may have deleted it while the editor was open).
void apply_and_save(CaptureOptions given, Entry e, Context& ctx) {
    const Entry before = e;
    // --text and --note both mean the entry's words: a run's or engagement's note, a guilt
    // moment's or deposit's text, a reflection's answer (entry_rules.hpp says which it has).
    if (has_field(e.type, Field::note)) {
        if (given.text && given.note) throw UsageError("give --text or --note, not both");
        if (given.text) given.note = std::exchange(given.text, std::nullopt);
    } else if (given.note && !given.text) {
        given.text = std::exchange(given.note, std::nullopt);
    }
    // Tags and kids given by flag replace the old ones; those in the text always count. New
    // words take the #tags and @kids of the old words with them (apply_options adds the new ones).
    bool new_words = given.text || given.note;
    auto text_tags = new_words ? std::vector<std::string>{} : extract_tags(e.text);
    auto text_kids = new_words ? std::vector<std::string>{} : extract_kids(e.text);
    if (new_words) {
        remove_names(e.tags, extract_tags(e.text), false);
        remove_names(e.kids, extract_kids(e.text), true);
    }
    if (!given.tags.empty()) e.tags = text_tags;
    if (!given.kids.empty()) e.kids = text_kids;
    apply_options(given, e, ctx);
    if (same_as_stored(e, before, ctx)) {
        if (ctx.json)
            std::cout << entry_to_json(before, true).dump(2) << '\n';
        else
            std::cerr << "Nothing to change: " << describe_entry(before)
                      << " holds those values already.\n";
        return;
    }

    auto& store = ctx.store(Store::Access::write);
    store.write([&] {
        if (!store.find(e.id))
            throw StoreError(
                fmt::format("{} was deleted while you were changing it; nothing was "
                            "saved",
                            describe_entry(e)));
        store.update(e);
    });
    auto saved = store.find(e.id).value_or(e);
    if (ctx.json)
        std::cout << entry_to_json(saved, true).dump(2) << '\n';
    else
        std::cerr << "Changed " << describe_entry(saved) << ": " << summary(saved) << '\n';
}

void run_edit(const EditOptions& o, Context& ctx) {
    auto e = entry_by_id(ctx, o.id);
    if (any_given(o.capture)) {
        apply_and_save(o.capture, e, ctx);
        return;
    }
    auto draft = edit_in_editor(e.text);
    auto text = draft.text;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    if (text == e.text) {
        draft.discard();
        std::cerr << "No change to " << describe_entry(e) << ".\n";
        return;
    }
    if (is_blank(text)) draft.discard();  // nothing of hers to keep
    saving_draft(draft, [&] {
        if (is_blank(text) && (e.type == EntryType::guilt || e.type == EntryType::deposit ||
                               e.type == EntryType::win))
            throw UsageError(
                "the text is empty; nothing was changed (use guilt delete to remove it)");
        CaptureOptions given;
        given.text = text;
        apply_and_save(given, e, ctx);
    });
}

}  // namespace

void setup_edit(Command& app, Context& ctx) {
    auto o = std::make_shared<EditOptions>();
    auto& c = o->capture;
    auto cmd = app.subcommand("edit", "Change an entry (with no options: in your editor)");
    cmd.option("id", o->id, "The entry's id (see guilt list)").required().option_text("ID");
    cmd.option("--text", c.text,
               "New words (guilt moment, good moment, deposit, reflection answer)");
    cmd.option("-i,--intensity", c.intensity, "guilt: how heavy it felt, 1-10");
    cmd.option("-t,--tag", c.tags, "Tags (repeatable; replace the old ones)")
        .allow_extra_args(false);
    cmd.option("-k,--kid", c.kids, "Kids (repeatable; replace the old ones)")
        .allow_extra_args(false);
    cmd.option("--distance", c.distance, "run: DISTANCE, e.g. 5k");
    cmd.option("--duration", c.duration, "run, engage, deposit: DURATION, e.g. 28:30 or 20m");
    cmd.option("--with", c.with, "run: who ran with you (repeatable; replaces)")
        .allow_extra_args(false)
        .choices(kRunCompanions);
    cmd.option("--felt", c.felt, "run: how it felt, 1-10");
    cmd.option("--type", c.kind, "run: the kind of run").choices(kRunKinds);
    cmd.option("--note", c.note, "run, engage: the note");
    cmd.flag("--child-led", c.child_led, "engage: the child chose what you did");
    cmd.flag("--no-child-led", c.not_child_led, "engage: you chose what you did");
    add_when_option(cmd, c, "unchanged");
    cmd.footer(R"(Examples:
  guilt edit 12 -i 4
  guilt edit 15 --distance 10k --duration 55:00
  guilt edit 12)");
    cmd.callback([o, &ctx] { run_edit(*o, ctx); });
}

}  // namespace guilt
