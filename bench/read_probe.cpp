// SPDX-License-Identifier: MIT
// guilt_read_probe LEXICON.json < MOMENTS.jsonl: what the reading finds in each labelled moment,
// with the words that carried it, one JSON object a line:
//   {"id": "d001", "topics": {"discipline": "told her"}, "distortions": {...}, "support": "..."}
// For bench/cues.py, which measures every cue of a vocabulary on its own (`make cues`).
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "guilt/core/lexicon.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: guilt_read_probe LEXICON.json < MOMENTS.jsonl\n";
        return 2;
    }
    try {
        std::ifstream file(argv[1]);
        std::stringstream text;
        text << file.rdbuf();
        const auto lex = guilt::parse_lexicon(text.str(), argv[1]);
        std::string line;
        while (std::getline(std::cin, line)) {
            if (line.empty()) continue;
            const auto moment = nlohmann::json::parse(line);
            const std::string words = moment.at("text");
            const auto reading = guilt::read_words(lex, words);
            nlohmann::json out = {{"id", moment.at("id")},
                                  {"topics", nlohmann::json::object()},
                                  {"distortions", nlohmann::json::object()},
                                  {"support", reading.support}};
            for (const auto& topic : reading.topics) {
                auto at = reading.topic_at.find(topic);
                out["topics"][topic] =
                    at == reading.topic_at.end()
                        ? ""
                        : words.substr(at->second.first, at->second.second - at->second.first);
            }
            for (const auto& d : reading.distortions)
                out["distortions"][d.id] = d.words;
            std::cout << out.dump() << '\n';
        }
    } catch (const std::exception& e) {
        std::cerr << "guilt_read_probe: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
