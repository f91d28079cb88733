// SPDX-License-Identifier: MIT
// The words of the ten strategies (data/strategies.json): titles, ideas, attributions, the
// wordings of each situation and the question, and turning a finding into a prompt.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/reflect.hpp"

namespace guilt {

struct StrategyText {
    std::string title;
    std::string idea;
    std::string attribution;
    std::string question;
    std::map<std::string, std::vector<std::string>> messages;  // situation -> wordings
};

using StrategyBook = std::map<std::string, StrategyText, std::less<>>;

// Reads and validates strategies.json: all ten strategies, every situation of situations()
// with at least one wording, and only the placeholders that situation fills. Throws UsageError
// naming `source` and the JSON path of the first problem.
StrategyBook parse_strategies(std::string_view json_text, std::string_view source);

// A prompt ready to show: the finding in her words.
struct Prompt {
    std::string strategy;
    std::string title;
    std::string message;
    std::string attribution;
    std::string question;
    std::vector<const Entry*> evidence;
};

// Fills `tmpl`'s {placeholders} from `vars`; unknown ones are left as written.
std::string fill(std::string_view tmpl, const std::map<std::string, std::string>& vars);

// The prompt for a finding on `day`. The wording is picked from the situation's list by the
// date, so it varies from night to night and is the same when reflect runs again.
Prompt make_prompt(const Finding& f, const StrategyBook& book, Date day);

}  // namespace guilt
