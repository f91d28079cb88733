// SPDX-License-Identifier: MIT
// motto: 'create a "no mom guilt" motto'. Fires on a heavy moment tonight or on harsh
// self-labelling (sarcastic too: "great parenting, as usual"), with her motto, or suggests one.
#include <fmt/format.h>

#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

constexpr int kMottoIntensity = 7;  // a moment this heavy calls for the motto

bool labels_herself(const Moment& m) {
    return m.distorted("labelling") || m.distorted("sarcasm");
}

}  // namespace

std::optional<Finding> motto(const Journal& j) {
    auto today = j.today_moments();
    const Moment* labelled = nullptr;
    for (const Moment* m : today)
        if (!labelled && labels_herself(*m)) labelled = m;
    const Moment* heaviest = today.empty() ? nullptr : today.front();
    bool intense = heaviest && heaviest->intensity() >= kMottoIntensity;
    if (!labelled && !intense) return std::nullopt;

    const auto& motto = j.input().motto;
    const Moment* cited = labelled ? labelled : heaviest;
    Finding f;
    if (!motto) {
        f = finding("motto", "no-motto", 0.6, Relevance::answers_tonight);
    } else if (labelled) {
        f = finding("motto", "labelling", 0.8, Relevance::answers_tonight);
        for (const auto& h : labelled->distortions)
            if (h.id == "labelling" || h.id == "sarcasm") {
                f.vars["label"] = "\"" + h.words + "\"";
                break;
            }
    } else {
        f = finding("motto", "intense", heaviest->intensity() / 10.0, Relevance::answers_tonight);
    }
    f.vars["intensity"] = std::to_string(cited->intensity());
    if (motto) f.vars["motto"] = "\"" + motto->text + "\"";
    f.vars["quote"] = quote_moment(j, *cited);
    f.why = labelled ? fmt::format("harsh self-label in today's moment #{}", cited->entry->id)
                     : fmt::format("intensity {} in today's moment #{}", cited->intensity(),
                                   cited->entry->id);
    if (!motto) f.why += "; no motto set yet";
    f.evidence.push_back(cited->entry);
    f.own.push_back(cited->entry);
    if (intense && heaviest != cited) f.evidence.push_back(heaviest->entry);
    return f;
}

}  // namespace guilt::reflect_rules
