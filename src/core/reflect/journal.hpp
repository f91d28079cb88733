// SPDX-License-Identifier: MIT
// What every strategy's rule shares: the window of her journal read once (moments with their
// topics and distortions, runs, deposits, engaged time, by local day), how a finding is started
// and cites its evidence, and her words quoted whole. Internal to src/reflect/.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "guilt/core/lexicon.hpp"
#include "guilt/core/reflect.hpp"
#include "guilt/core/zone.hpp"

namespace guilt::reflect_rules {

// "Guilt keeps coming": a moment in the last three days.
inline constexpr int kRecentDays = 3;
// Engaged time and the bank look back one week.
inline constexpr int kWeekDays = 7;

struct Moment {
    const Entry* entry;
    std::int64_t day;
    std::vector<std::string> topics;
    std::vector<DistortionHit> distortions;
    bool hopeful = false;  // a hopeful or grateful line with no harsh words: nothing to argue with
    std::string support;   // her darker words, or ""
    std::map<std::string, std::pair<std::size_t, std::size_t>> topic_at;  // where each topic stands

    int intensity() const { return entry->intensity.value_or(0); }
    bool about(std::string_view topic) const;
    bool distorted(std::string_view id) const;
    // Guilt about time for herself: running or other me-time.
    bool about_her_time() const { return about("running") || about("me-time"); }
};

// The window, read once: entries by kind, each with its local day number.
class Journal {
  public:
    Journal(const ReflectInput& in, const Lexicon& lex);

    static std::int64_t day_of(const Entry& e);

    const ReflectInput& input() const { return m_in; }
    const Lexicon& lexicon() const { return m_lex; }

    // Days the journal covers in the window, the reviewed day included.
    int covered_days() const { return static_cast<int>(today - first_day + 1); }

    std::vector<const Moment*> moments_since(std::int64_t from_day) const;
    // Today's moments, heaviest first (then latest); hopeful ones left out unless `all`.
    std::vector<const Moment*> today_moments(bool all = false) const;
    bool guilt_recently() const { return !moments_since(today - kRecentDays + 1).empty(); }
    // The day number `strategy` was last shown on before today, if it was.
    std::optional<std::int64_t> last_shown(std::string_view strategy) const;
    // Whether she has logged a run in the window.
    bool runs_at_all() const { return !runs.empty(); }

    static std::vector<const Entry*> since(const std::vector<const Entry*>& list,
                                           std::int64_t from_day);

    std::int64_t today = 0;
    std::int64_t first_day = 0;
    std::vector<const Entry*> all;  // oldest first
    std::vector<Moment> moments;
    std::vector<const Entry*> runs, deposits, engagements;
    std::vector<const Entry*> wins;  // her good moments

  private:
    const ReflectInput& m_in;
    const Lexicon& m_lex;
};

// What a rule says of tonight: a finding, or silence, with why when the rule can say more than
// "nothing in the window calls for it" (reflect --explain).
struct Outcome {
    Outcome(std::nullopt_t) {}  // NOLINT: a rule returns std::nullopt for plain silence
    Outcome(Finding f) : finding(std::move(f)) {}                 // NOLINT: and a finding as it is
    Outcome(std::optional<Finding> f) : finding(std::move(f)) {}  // NOLINT
    static Outcome silent(std::string why);

    std::optional<Finding> finding;
    std::string why;  // why it stays silent; "" when nothing calls for it
};

// A stock line (one that does not come from tonight's words) held against tonight's guilt: the
// first of tonight's moments (heaviest first) about one of `answers` (topic ids, in the order the
// line prefers them) and that topic, and the line names it; else, when one of tonight's moments
// names no topic, nothing tells the line it is about something else, and it speaks as it is; else
// it stays silent, and `silent` says why, naming tonight's topics by id: "tonight's guilt is about
// work and school, which this line does not answer".
struct Tonight {
    const Moment* moment = nullptr;
    std::string topic;   // its topic, as her words are labelled (topic_label), or ""
    std::string silent;  // why the line stays silent, or ""
};
Tonight answers_tonight(const Journal& j, std::span<const std::string_view> answers);

// A new finding of `strategy` in `situation`.
Finding finding(std::string_view strategy, std::string_view situation, double strength,
                Relevance relevance);

void cite(Finding& f, const std::vector<const Moment*>& moments, bool own = false);
void cite(Finding& f, const std::vector<const Entry*>& entries, bool own = false);

// Her words around [cue.first, cue.second) of her text, in quotation marks: the whole text when
// short, else the sentence or clause that holds the cue, cut at word boundaries, with "…" only
// where something was left out.
std::string quote(const Entry& e, std::pair<std::size_t, std::size_t> cue = {0, 0});
// Quoted around the first distortion, or the first cue of `topic`, or from the start.
std::string quote_moment(const Journal& j, const Moment& m, std::string_view topic = "");

// "#14" or "#14, #15 and #17".
std::string ids_of(const std::vector<const Entry*>& entries);
std::string ids_of(const std::vector<const Moment*>& moments);

// "Tue Feb 10"; the year added when not the reviewed day's.
std::string short_day(Date d, Date reviewed);
// "07:00" (24-hour clock, local).
std::string clock(const Entry& e);
// "Sat 07:00-08:35", the run's whole span.
std::string run_span(const Entry& run, Date reviewed);
// "5 km", "13.1 mi": the distance without trailing zeros.
std::string distance(const Entry& run);
// "1 run", "3 runs".
std::string counted(std::int64_t n, std::string_view one, std::string_view many);
// "4 of the last 7 days", or "every one of the last 7 days".
std::string days_of(int n, int of);

bool ran_with(const Entry& run, std::string_view who);
bool solo(const Entry& run);
const Entry* latest(const std::vector<const Entry*>& list);

// The kids of `entries`, in the order she first wrote them in the window.
std::vector<std::string> kids_of(const Journal& j, const std::vector<const Entry*>& entries);

// What engaged time the last seven days hold.
struct Engaged {
    int today_minutes = 0;
    int week_minutes = 0;
    int days = 0;  // of the last seven with engaged time
    std::vector<const Entry*> today, week;
    std::vector<std::int64_t> days_without;  // of the last seven, oldest first
};
Engaged engaged(const Journal& j);

// One situation a strategy's rule tells apart: its id, the key of its wordings in
// strategies.json, and the placeholders its findings fill.
struct SituationDef {
    std::string_view id;
    std::span<const std::string_view> placeholders;
};

// A strategy as the engine runs it: its id (strategies.md), its situations and its rule. Each
// strategy's file defines one (constant, so the table can be read at any time), with its
// thresholds named at its top; table.cpp lists them, in the order of strategies.md.
struct Strategy {
    std::string_view id;
    std::span<const SituationDef> situations;
    Outcome (*rule)(const Journal&);
};

// Every strategy, in the order of strategies.md (table.cpp).
std::span<const Strategy* const> strategy_table();

// Whether her entries of the window tell `context` (one of kContexts), and the first of kContexts
// they tell, or "" (context.cpp).
bool in_context(const Journal& j, std::string_view context);
std::string family_context(const Journal& j);

// Whether `run` falls in family hours (schedule.cpp).
bool in_family_hours(const Entry& run);

// Orders the findings, most relevant first, setting each one's score, efficacy and note, and
// drops a strategy that rests after three "no"s (rank.cpp).
// With `silent`, says why each one dropped stayed silent.
void rank(std::vector<Finding>& findings, const ReflectInput& in,
          std::vector<Silence>* silent = nullptr);

}  // namespace guilt::reflect_rules
