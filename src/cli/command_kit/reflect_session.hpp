// SPDX-License-Identifier: MIT
// The interactive side of guilt reflect: the follow-ups asked first ("did it help?"), then her
// answers to the prompts, each stored the moment she gives it, so Ctrl-C, a closed terminal or
// a crash loses at most the line she is typing.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "guilt/cli/cli.hpp"
#include "guilt/cli/line_editor.hpp"
#include "guilt/core/strategies.hpp"

namespace guilt {

// The day `reflect` reviews when no --date is given: today, or yesterday before the
// day-boundary hour of guilt config (default 04:00).
Date tonight(Context& ctx);

// The reflections whose follow-up is due when she reviews `day` (see due_followups()).
std::vector<Entry> followups_due(Context& ctx, Date day);

// reflect --json's "followups": [{"reflection_id", "strategy", "asked_for"}] for `due`.
nlohmann::ordered_json followups_json(const std::vector<Entry>& due);

// One night's questions at the terminal.
class AnswerSession {
  public:
    // Throws StoreError when the terminal cannot be set up for editing.
    AnswerSession(Context& ctx, Date day);

    // Asks "did it help?" about each reflection in `due` with a one-key answer, and stores each
    // answer (a skip too, so it is not asked again) at once. Ctrl-D stops asking them.
    void ask_followups(const std::vector<Entry>& due, const StrategyBook& book);

    // Records `shown` as the prompts shown for the day, then asks `p`'s question and stores a
    // non-empty answer as a reflection entry at once. An answer holding a control character is
    // refused and the question asked again, her words on the line without it. An answer the
    // journal cannot take is kept in a file under $XDG_STATE_HOME/guilt/ (a guilt export of
    // that reflection) and StoreError says where. False when she pressed Ctrl-D: stop asking.
    bool ask(const Prompt& p, const std::vector<std::string>& shown);

    // How many answers to prompts were stored.
    std::size_t answers() const { return m_answers; }

  private:
    // Stores `e`; when the journal cannot take it, keeps it (see ask) and throws StoreError.
    void save_answer(Entry& e);

    Context& m_ctx;
    Date m_day;
    LineEditor m_editor;
    std::size_t m_answers = 0;
};

}  // namespace guilt
