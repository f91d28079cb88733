// SPDX-License-Identifier: MIT
// Options shared by the capture commands and edit, and how they become an entry's fields.
#include "capture.hpp"
#include "command_kit/command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "command_kit/cli_model.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/entry_rules.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

std::vector<std::string> parse_tags(const std::vector<std::string>& raw) {
    std::vector<std::string> given, out;
    for (const auto& t : raw)
        given.push_back(tag_rule(t, "--tag"));
    merge_names(out, given, false);
    return out;
}

std::vector<std::string> parse_kids(const std::vector<std::string>& raw) {
    std::vector<std::string> given, out;
    for (const auto& k : raw)
        given.push_back(kid_rule(k, "--kid"));
    merge_names(out, given, true);
    return out;
}

// "Kate", "Zoë", "Mary-Jo": one capitalised word of letters, as a person's name is written.
bool looks_like_a_name(std::string_view s) {
    constexpr std::size_t kLongestName = 40;
    const auto letter = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '\'' ||
               static_cast<unsigned char>(c) >= 0x80;
    };
    return !s.empty() && s.size() <= kLongestName &&
           ((s[0] >= 'A' && s[0] <= 'Z') || static_cast<unsigned char>(s[0]) >= 0x80) &&
           std::all_of(s.begin(), s.end(), letter) && visible(s) == s;
}

// Refuses an option for a field entries of this type do not have.
void refuse(const std::optional<std::string>& given, const char* option, const Entry& e) {
    if (given)
        throw UsageError(fmt::format("{} does not apply to a {} entry, got \"{}\"", option,
                                     to_string(e.type), *given));
}

// Whether entries of this type have any of `fields`.
bool has_any(const Entry& e, std::initializer_list<Field> fields) {
    return std::any_of(fields.begin(), fields.end(), [&](Field f) { return has_field(e.type, f); });
}

}  // namespace

void add_when_option(Command& cmd, CaptureOptions& o, std::string_view fallback) {
    cmd.option("-w,--when", o.when,
               fmt::format("When it happened: now, yesterday 6pm, 6pm yesterday, this "
                           "morning, last night, mon 7:30, 20 minutes ago, Nov 5, "
                           "2026-11-25 18:00 (default: {})",
                           fallback));
}

void add_guilt_options(Command& cmd, CaptureOptions& o) {
    cmd.option("-i,--intensity", o.intensity, "How heavy it felt, 1-10 (default: 5)");
    add_tag_kid_options(cmd, o);
}

void add_tag_kid_options(Command& cmd, CaptureOptions& o) {
    cmd.option("-t,--tag", o.tags, "A tag (repeatable; #word in the text is a tag too)")
        .allow_extra_args(false);
    cmd.option("-k,--kid", o.kids, "A child it concerns (repeatable; @Name in the text too)")
        .allow_extra_args(false);
}

void add_run_options(Command& cmd, CaptureOptions& o) {
    // The hint runs before the choices' check: a person's name gets a hint that works as typed.
    cmd.option("--with", o.with, "Who ran with you (repeatable, or moms,friends; default: solo)")
        .allow_extra_args(false)
        .delimiter(',')
        .choices(kRunCompanions)
        .precheck(
            [](const std::string& value) {
                const auto given = std::string(trim(value));
                if (std::find(std::begin(kRunCompanions), std::end(kRunCompanions),
                              to_lower(given)) == std::end(kRunCompanions) &&
                    looks_like_a_name(given))
                    throw UsageError(fmt::format(
                        "--with must be one of {}, got {}; a friend by name goes in the note: "
                        "--with friends --note {}",
                        fmt::join(kRunCompanions, ", "), guilt::quoted(given),
                        guilt::quoted("with " + given)));
            },
            "companion");
    cmd.option("--felt", o.felt, "How the run felt, 1-10");
    cmd.option("--type", o.kind, "The kind of run").choices(kRunKinds);
    cmd.option("--note", o.note, "A note");
}

void add_engage_options(Command& cmd, CaptureOptions& o) {
    cmd.option("-k,--kid", o.kids, "A child you were with (repeatable)").allow_extra_args(false);
    cmd.flag("--child-led", o.child_led, "The child chose what you did");
    cmd.option("--note", o.note, "What you did together");
}

void capture_entry(EntryType type, const CaptureOptions& o, Context& ctx, std::string_view example,
                   const std::function<void(Entry&)>& save) {
    auto build = [&](std::string text) {
        // Trailing newlines from a pipe or an editor are not part of what she wrote.
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
            text.pop_back();
        if (is_blank(text))
            throw UsageError(fmt::format(
                "TEXT is empty; nothing was saved (write what happened, e.g. {})", example));
        Entry e;
        e.type = type;
        set_text(e, text, "TEXT");
        e.at = ctx.now();
        apply_options(o, e, ctx);
        save(e);
    };
    if (!o.words.empty()) {
        build(fmt::format("{}", fmt::join(o.words, " ")));
    } else if (!is_terminal(stdin)) {
        build(read_all(stdin));
    } else {
        // Her options are checked before she writes a word in the editor.
        Entry probe;
        probe.type = type;
        probe.at = ctx.now();
        apply_options(o, probe, ctx);
        auto draft = edit_in_editor("");
        if (is_blank(draft.text)) draft.discard();  // nothing of hers to keep
        saving_draft(draft, [&] { build(draft.text); });
    }
}

std::string joined_duration(const std::vector<std::string>& words, std::string_view takes,
                            const std::function<std::string(const std::string&)>& hint) {
    const auto n = leading_duration(words);
    // No duration at all: parse_duration says what one looks like.
    if (n == 0 || n == words.size()) return fmt::format("{}", fmt::join(words, " "));
    const auto duration = fmt::format("{}", fmt::join(words.begin(), words.begin() + n, " "));
    throw UsageError(
        fmt::format("{}, got {} too ({})", takes, single_quoted(words[n]), hint(duration)));
}

int parse_minutes(const std::string& text, const std::string& field) {
    int seconds = parse_duration(text, field, kMaxEngageSeconds);
    int minutes = static_cast<int>(std::lround(seconds / 60.0));
    if (minutes < 1)
        throw UsageError(fmt::format("{} must be at least 1 minute, got {}", field, text));
    return minutes;
}

void set_text(Entry& e, std::string text, const std::string& field) {
    check_text(text, field);
    merge_names(e.tags, extract_tags(text), false);
    merge_names(e.kids, extract_kids(text), true);
    e.text = std::move(text);
}

void apply_options(const CaptureOptions& o, Entry& e, Context& ctx) {
    if (o.when) e.at = parse_when(*o.when, ctx.now());
    merge_names(e.tags, parse_tags(o.tags), false);
    const auto kids = parse_kids(o.kids);
    for (const auto& kid : kids)
        if (ctx.store().is_not_kid(kid))
            throw UsageError(fmt::format(
                "--kid \"{}\" is a name you said is not a kid (guilt kids is-a-kid {} to change "
                "that)",
                kid, single_quoted(kid)));
    merge_names(e.kids, kids, true);
    if (!has_field(e.type, Field::intensity)) refuse(o.intensity, "--intensity", e);
    if (!has_field(e.type, Field::felt)) refuse(o.felt, "--felt", e);
    if (!has_field(e.type, Field::kind)) refuse(o.kind, "--type", e);
    if (!has_field(e.type, Field::distance_m)) refuse(o.distance, "--distance", e);
    if (!has_field(e.type, Field::with) && !o.with.empty()) refuse(o.with.front(), "--with", e);
    if (!has_field(e.type, Field::child_led) && (o.child_led || o.not_child_led))
        throw UsageError(
            fmt::format("--child-led does not apply to a {} entry", to_string(e.type)));
    if (!has_field(e.type, Field::note)) refuse(o.note, "--note", e);
    if (!has_any(e, {Field::duration_s, Field::minutes})) refuse(o.duration, "--duration", e);

    if (o.intensity) e.intensity = parse_scale(*o.intensity, "--intensity", kMinScale, kMaxScale);
    const bool run = e.type == EntryType::run;
    if (run) {
        if (o.distance) {
            auto d = parse_distance(*o.distance, "DISTANCE");
            e.distance_m = d.meters;
            e.unit = d.unit;
        }
        if (o.duration) e.duration_s = parse_duration(*o.duration, "DURATION");
        if ((o.distance || o.duration) && e.duration_s && e.distance_m > 0)
            check_pace(e.distance_m, *e.duration_s, e.unit, o.duration ? "DURATION" : "DISTANCE",
                       o.duration ? *o.duration : *o.distance);
        if (!o.with.empty()) e.with = companions_rule(o.with, "--with");
        if (o.felt) e.felt = parse_scale(*o.felt, "--felt", kMinScale, kMaxScale);
        if (o.kind) e.kind = *o.kind;  // one of kRunKinds: set_choices
    }
    if (has_field(e.type, Field::minutes) && o.duration)
        e.minutes = parse_minutes(*o.duration, "DURATION");
    if (o.child_led) e.child_led = true;
    if (o.not_child_led) e.child_led = false;
    if (o.note) set_text(e, *o.note, "--note");
    if (o.text) {
        if (is_blank(*o.text)) throw UsageError("--text is empty; an entry needs its words");
        set_text(e, *o.text, "--text");
    }
    check_name_count(e.tags.size(), "--tag and #tags", "tags");
    check_name_count(e.kids.size(), "--kid and @names", "kids");
}

std::string described_kid(const std::string& name) {
    const auto letter = lookalike_letter(name);
    return letter.empty() ? visible(name) : fmt::format("{} (with a {})", visible(name), letter);
}

namespace {

// A hint for each new kid of `e` whose name looks like a kid's already in the journal though
// spelled with other letters (Аnna with a Cyrillic А, and Anna): two kids shown alike.
std::vector<std::string> lookalike_hints(const Store& store, const Entry& e) {
    std::vector<std::string> hints;
    if (e.kids.empty()) return hints;
    const auto kids = store.kids();
    for (const auto& name : e.kids) {
        if (store.kid_named(name)) continue;
        const auto skeleton = name_skeleton(name);
        for (const auto& k : kids)
            if (name_skeleton(k.name) == skeleton)
                hints.push_back(fmt::format(
                    "{} is a new kid who looks like {}; if they are one child: guilt kids merge "
                    "{} {}",
                    described_kid(name), described_kid(k.name), single_quoted(name),
                    single_quoted(k.name)));
    }
    return hints;
}

}  // namespace

void save_and_confirm(Entry& e, Context& ctx) {
    auto& store = ctx.store(Store::Access::write);
    const auto hints = lookalike_hints(store, e);
    store.write([&] { store.add(e); });
    if (ctx.json)
        std::cout << entry_to_json(e, true).dump(2) << '\n';
    else
        std::cerr << "Saved " << describe_entry(e) << ": " << summary(e) << '\n';
    for (const auto& hint : hints)
        std::cerr << hint << '\n';
}

}  // namespace guilt
