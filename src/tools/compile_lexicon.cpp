// SPDX-License-Identifier: MIT
// Run by the build, not installed: compiles data/lexicon.json into the form guilt embeds
// (compiled_lexicon in include/guilt/core/lexicon.hpp), checked as guilt checks her own file.
//
//   compile_lexicon data/lexicon.json OUT
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "guilt/core/lexicon.hpp"
#include "guilt/core/reflect.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: compile_lexicon LEXICON.json OUT\n";
        return 2;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        std::stringstream json;
        json << in.rdbuf();
        if (!in) throw std::runtime_error(std::string(argv[1]) + ": cannot read it");
        auto lex = guilt::parse_lexicon(json.str(), argv[1]);
        guilt::require_ids(lex, guilt::rule_topic_ids(), guilt::rule_distortion_ids(), argv[1]);
        std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
        out << guilt::compiled_lexicon(lex);
        out.close();
        if (!out) throw std::runtime_error(std::string(argv[2]) + ": cannot write it");
    } catch (const std::exception& e) {
        std::cerr << "compile_lexicon: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
