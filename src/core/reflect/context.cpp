// SPDX-License-Identifier: MIT
// What her journal says of her family's life (kContexts: a baby, a teenager, an injury), from the
// words of every entry of the window, matched whole against the cues of strategies.json.
#include <cctype>

#include "guilt/core/text.hpp"
#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

// Whether `text` holds `cue` as whole words.
bool holds(const std::string& text, const std::string& cue) {
    for (auto at = text.find(cue); at != std::string::npos; at = text.find(cue, at + 1)) {
        auto end = at + cue.size();
        if ((at == 0 || !word_char(text[at - 1])) && (end == text.size() || !word_char(text[end])))
            return true;
    }
    return false;
}

}  // namespace

bool in_context(const Journal& j, std::string_view context) {
    auto cues = j.input().context_cues.find(std::string(context));
    if (cues == j.input().context_cues.end()) return false;
    for (const Entry* e : j.all) {
        auto text = to_lower(e->text);
        for (const auto& cue : cues->second)
            if (holds(text, cue)) return true;
    }
    return false;
}

std::string family_context(const Journal& j) {
    for (auto context : kContexts)
        if (in_context(j, context)) return std::string(context);
    return "";
}

}  // namespace guilt::reflect_rules
