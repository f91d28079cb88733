// SPDX-License-Identifier: MIT
// Run by the build, not installed: compiles data/lexicon.json or data/strategies.json into the
// form guilt embeds (compiled_lexicon in include/guilt/core/lexicon.hpp, compiled_strategies in
// include/guilt/core/strategies.hpp), checked as guilt checks her own file.
//
//   compile_data lexicon|strategies FILE.json OUT
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include "guilt/core/lexicon.hpp"
#include "guilt/core/reflect.hpp"
#include "guilt/core/strategies.hpp"

int main(int argc, char** argv) {
    std::string_view kind = argc == 4 ? argv[1] : "";
    if (kind != "lexicon" && kind != "strategies") {
        std::cerr << "usage: compile_data lexicon|strategies FILE.json OUT\n";
        return 2;
    }
    try {
        std::ifstream in(argv[2], std::ios::binary);
        std::stringstream json;
        json << in.rdbuf();
        if (!in) throw std::runtime_error(std::string(argv[2]) + ": cannot read it");
        std::string compiled;
        if (kind == "lexicon") {
            auto lex = guilt::parse_lexicon(json.str(), argv[2]);
            guilt::require_ids(lex, guilt::rule_topic_ids(), guilt::rule_distortion_ids(), argv[2]);
            compiled = guilt::compiled_lexicon(lex);
        } else {
            compiled = guilt::compiled_strategies(guilt::parse_strategies(json.str(), argv[2]));
        }
        std::ofstream out(argv[3], std::ios::binary | std::ios::trunc);
        out << compiled;
        out.close();
        if (!out) throw std::runtime_error(std::string(argv[3]) + ": cannot write it");
    } catch (const std::exception& e) {
        std::cerr << "compile_data: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
