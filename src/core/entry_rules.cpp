// SPDX-License-Identifier: MIT
// Which fields each type of entry has, and the rules of the values they hold.
#include "guilt/core/entry_rules.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

using R = FieldRule;
constexpr R kGuilt[] = {{Field::text, true}, {Field::intensity}};
constexpr R kRun[] = {{Field::distance_m, true},
                      {Field::duration_s},
                      {Field::unit},
                      {Field::with},
                      {Field::felt},
                      {Field::kind},
                      {Field::note}};
constexpr R kEngage[] = {{Field::minutes, true}, {Field::child_led}, {Field::note}};
constexpr R kDeposit[] = {{Field::minutes}, {Field::text, true}};
constexpr R kReflection[] = {
    {Field::date, true}, {Field::strategy, true}, {Field::prompt}, {Field::answer, true}};
constexpr R kWin[] = {{Field::text, true}};

}  // namespace

std::string_view to_string(Field field) {
    // clang-format off
    constexpr std::array<std::string_view, 15> kNames = {
        "text", "intensity", "distance_m", "duration_s", "unit", "with", "felt", "kind", "note",
        "minutes", "child_led", "date", "strategy", "prompt", "answer"};
    // clang-format on
    return kNames[static_cast<std::size_t>(field)];
}

std::span<const FieldRule> fields_of(EntryType type) {
    switch (type) {
        case EntryType::guilt:
            return kGuilt;
        case EntryType::run:
            return kRun;
        case EntryType::engage:
            return kEngage;
        case EntryType::deposit:
            return kDeposit;
        case EntryType::reflection:
            return kReflection;
        case EntryType::win:
            return kWin;
    }
    return {};
}

bool has_field(EntryType type, Field field) {
    const auto fields = fields_of(type);
    return std::any_of(fields.begin(), fields.end(),
                       [field](const FieldRule& r) { return r.field == field; });
}

bool in_future(Timestamp at, Timestamp now) {
    return at.utc - now.utc > kFutureSlackSeconds;
}

bool in_future(Date day, Timestamp now) {
    return day > local_date(now);
}

std::string tag_rule(std::string_view raw, std::string_view field) {
    auto tag = to_lower(trim(raw));
    if (!tag.empty() && tag.front() == '#') tag.erase(0, 1);
    check_text(tag, field);
    if (extract_tags("#" + tag) != std::vector<std::string>{tag})
        throw UsageError(
            fmt::format("{} must be a tag of letters, digits, '-' and '_' with a letter, got {}",
                        field, quoted(raw)));
    return tag;
}

std::string kid_rule(std::string_view raw, std::string_view field) {
    std::string name(trim(raw));
    if (!name.empty() && name.front() == '@') name.erase(0, 1);
    check_text(name, field);
    if (is_blank(name))
        throw UsageError(fmt::format("{} needs a name, got {}", field, quoted(raw)));
    if (name.find_first_of(" \t\r\n,") != std::string::npos)
        throw UsageError(fmt::format("{} must be one name without spaces or commas, got {}", field,
                                     quoted(raw)));
    return name;
}

std::string one_of_rule(std::string_view raw, std::span<const std::string_view> allowed,
                        std::string_view field) {
    const auto lowered = to_lower(trim(raw));
    for (auto a : allowed)
        if (a == lowered) return std::string(a);
    throw UsageError(
        fmt::format("{} must be one of {}, got {}", field, fmt::join(allowed, ", "), quoted(raw)));
}

std::vector<std::string> companions_rule(const std::vector<std::string>& raw,
                                         std::string_view field) {
    std::vector<std::string> given, out;
    for (const auto& w : raw)
        given.push_back(one_of_rule(w, kRunCompanions, field));
    merge_names(out, given, false);
    if (out.size() > 1 && std::find(out.begin(), out.end(), "solo") != out.end())
        throw UsageError(
            fmt::format("{} cannot hold solo with others, got {}", field, fmt::join(out, ", ")));
    return out;
}

}  // namespace guilt
