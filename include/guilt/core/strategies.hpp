// SPDX-License-Identifier: MIT
// The words of the ten strategies (data/strategies.json): titles, ideas, attributions, the
// wordings of each situation and the question, and turning a finding into a prompt.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/core/reflect.hpp"

namespace guilt {

struct StrategyText {
    std::string title;
    std::string idea;
    std::string attribution;
    std::vector<std::string> questions;  // at least kMinQuestions, asked in turn
    std::map<std::string, std::vector<std::string>> messages;  // situation -> wordings
};

// Questions each strategy must have, so that none is asked two nights running. Default: 4.
inline constexpr std::size_t kMinQuestions = 4;

// The ten strategies by id, and the calm line shown above the prompts on a night whose words
// carry hopelessness or harm.
struct StrategyBook : std::map<std::string, StrategyText, std::less<>> {
    std::string support;
    // context id -> the words that tell it ("contexts" in strategies.json; optional)
    std::map<std::string, std::vector<std::string>> contexts;
};

// Reads and validates strategies.json: all ten strategies, every situation of situations()
// with at least one wording (and optional variants "SITUATION@CONTEXT", CONTEXT one of
// kContexts), at least kMinQuestions questions, only the placeholders that
// situation fills, and the support line. Throws UsageError naming `source` and the JSON path of
// the first problem.
StrategyBook parse_strategies(std::string_view json_text, std::string_view source);

// The compiled form of a book: the built-in strategies.json is compiled when guilt is built
// (src/tools/compile_data.cpp), so guilt does not parse JSON at every start; her own
// strategies.json is read as JSON.
std::string compiled_strategies(const StrategyBook& book);
// Reads what compiled_strategies wrote (by this same build). Throws UsageError naming `source`
// when the bytes are not that.
StrategyBook read_compiled_strategies(std::string_view bytes, std::string_view source);

// A prompt ready to show: the finding in her words.
struct Prompt {
    std::string strategy;
    std::string title;
    std::string message;
    std::string attribution;
    std::string question;
    std::vector<const Entry*> evidence;
    double score = 0;
    std::string why;
    Efficacy efficacy;
    std::string helped_note;  // "This has helped you before: 4 of 5 times.", or ""
};

// On a night whose words are darker (`heavy`: those moments, see support()), what she is shown
// is gentle: no prompt that cites one of them or quotes its words, and at most one prompt.
void keep_gentle(std::vector<Prompt>& prompts, const std::vector<const Entry*>& heavy);

// Fills `tmpl`'s {placeholders} from `vars`; unknown ones are left as written.
std::string fill(std::string_view tmpl, const std::map<std::string, std::string>& vars);

// The prompt for a finding, the strategy having been shown on `times_shown` earlier days. The
// wording is taken in turn by that count, and the question too unless the finding names one
// (f.question, see pick_question), so the question differs from the night before and is the same
// when reflect runs again for the same day.
Prompt make_prompt(const Finding& f, const StrategyBook& book, int times_shown);

// Which of `t`'s questions a stored prompt (a reflection's message and question) ends with,
// whatever its placeholders were filled with; nullopt when none.
std::optional<std::size_t> question_of(const StrategyText& t, std::string_view prompt);

}  // namespace guilt
