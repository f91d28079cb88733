// SPDX-License-Identifier: MIT
// libFuzzer target: topic and distortion detection with the built-in lexicon on any text; every
// distortion reports words that are in the text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "guilt/cli/embedded.hpp"
#include "guilt/core/lexicon.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const guilt::Lexicon lex =
        guilt::read_compiled_lexicon(*guilt::embedded_file("lexicon.compiled"), "lexicon");
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto newline = text.find('\n');
    std::vector<std::string> tags;
    if (newline != std::string_view::npos) tags.emplace_back(text.substr(0, newline));
    (void)guilt::detect_topics(lex, text, tags);
    for (const auto& hit : guilt::detect_distortions(lex, text))
        if (hit.words.empty() || text.find(hit.words) == std::string_view::npos) std::abort();
    return 0;
}
