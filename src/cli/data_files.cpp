// SPDX-License-Identifier: MIT
// Choosing between her data files and the built-in ones.
#include "guilt/cli/data_files.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "guilt/cli/embedded.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/reflect.hpp"

namespace guilt {

std::string config_dir() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::string(x) + "/guilt";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/guilt";
    return "";
}

namespace {

// Her file's contents and path, or the built-in contents and the name "built-in NAME".
std::pair<std::string, std::string> data_file(const char* name) {
    auto dir = config_dir();
    if (!dir.empty()) {
        auto path = dir + "/" + name;
        std::ifstream in(path, std::ios::binary);
        if (in) {
            std::ostringstream text;
            text << in.rdbuf();
            if (in.bad()) throw StoreError(fmt::format("{}: cannot read the file", path));
            return {text.str(), path};
        }
    }
    auto built_in = embedded_file(name);
    if (!built_in) throw StoreError(fmt::format("built-in {} is missing from this build", name));
    return {std::string(*built_in), fmt::format("built-in {}", name)};
}

}  // namespace

Lexicon load_lexicon() {
    auto [text, source] = data_file("lexicon.json");
    auto lex = parse_lexicon(text, source);
    require_ids(lex, rule_topic_ids(), rule_distortion_ids(), source);
    return lex;
}

StrategyBook load_strategies() {
    auto [text, source] = data_file("strategies.json");
    return parse_strategies(text, source);
}

const Helplines& helplines() {
    static const Helplines all = [] {
        auto built_in = embedded_file("helplines.json");
        if (!built_in) throw StoreError("built-in helplines.json is missing from this build");
        return parse_helplines(*built_in, "built-in helplines.json");
    }();
    return all;
}

}  // namespace guilt
