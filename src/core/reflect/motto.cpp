// SPDX-License-Identifier: MIT
// motto: 'create a "no mom guilt" motto'. Fires on harsh words about herself tonight, a label
// (sarcastic too: "great parenting, as usual") or a catastrophe ("I ruin everything"), with her
// motto; with no motto set yet, on those or on a heavy moment, it suggests one. With a motto set,
// never for intensity alone; and as a generic opener it ranks below every prompt that answers
// tonight's words.
#include <fmt/format.h>

#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

// Its thresholds, named.
struct MottoThresholds {
    int intensity = 7;  // with no motto yet, a moment this heavy calls for one
};
constexpr MottoThresholds kMotto;

bool labels_herself(const Moment& m) {
    return m.distorted("labelling") || m.distorted("sarcasm");
}

bool harsh(const Moment& m) {
    return labels_herself(m) || m.distorted("catastrophising");
}

}  // namespace

Outcome motto(const Journal& j) {
    auto today = j.today_moments();
    const Moment* labelled = nullptr;
    const Moment* heaviest = nullptr;  // the heaviest moment with harsh words (today is sorted)
    for (const Moment* m : today) {
        if (!labelled && labels_herself(*m)) labelled = m;
        if (!heaviest && harsh(*m)) heaviest = m;
    }
    const auto& motto = j.input().motto;
    if (!heaviest && !motto && !today.empty() && today.front()->intensity() >= kMotto.intensity)
        heaviest = today.front();
    if (!heaviest && !motto && !today.empty())
        return Outcome::silent(fmt::format(
            "below threshold: no harsh words tonight, and its heaviest moment is at {}, under "
            "the {} that calls for a motto",
            today.front()->intensity(), kMotto.intensity));
    if (!heaviest) return std::nullopt;

    const Moment* cited = labelled ? labelled : heaviest;
    Finding f;
    if (!motto) {
        f = finding("motto", "no-motto", 0.6, Relevance::generic);
    } else if (labelled) {
        f = finding("motto", "labelling", 0.8, Relevance::generic);
        for (const auto& h : labelled->distortions)
            if (h.id == "labelling" || h.id == "sarcasm") {
                f.vars["label"] = "\"" + h.words + "\"";
                break;
            }
    } else {
        f = finding("motto", "intense", heaviest->intensity() / 10.0, Relevance::generic);
    }
    f.vars["intensity"] = std::to_string(cited->intensity());
    if (motto) f.vars["motto"] = "\"" + motto->text + "\"";
    f.vars["quote"] = quote_moment(j, *cited);
    f.why = labelled ? fmt::format("harsh self-label in today's moment #{}", cited->entry->id)
                     : fmt::format("{} at intensity {} in today's moment #{}",
                                   harsh(*cited) ? "catastrophising" : "a heavy moment",
                                   cited->intensity(), cited->entry->id);
    if (!motto) f.why += "; no motto set yet";
    f.evidence.push_back(cited->entry);
    f.own.push_back(cited->entry);
    if (heaviest != cited) f.evidence.push_back(heaviest->entry);
    return f;
}

// Its situations, with the placeholders each fills, for the table (table.cpp).
namespace {

constexpr std::string_view kMottoIntense[] = {"motto", "intensity", "quote"};
constexpr std::string_view kMottoLabelling[] = {"motto", "label", "quote"};
constexpr std::string_view kMottoNoMotto[] = {"intensity", "quote"};
constexpr SituationDef kMottoSituations[] = {
    {"intense", kMottoIntense},
    {"labelling", kMottoLabelling},
    {"no-motto", kMottoNoMotto},
};

}  // namespace

extern constinit const Strategy kMottoStrategy{"motto", kMottoSituations, motto};

}  // namespace guilt::reflect_rules
