// SPDX-License-Identifier: MIT
// guilt_read_probe LEXICON.json < MOMENTS.jsonl: what the reading finds in each labelled moment,
// with the words that carried it, one JSON object a line:
//   {"id": "d001", "topics": {"discipline": "told her"}, "distortions": {...}, "support": "..."}
// For bench/cues.py, which measures every cue of a vocabulary on its own (`make cues`).
// guilt_read_probe --features LEXICON.json < MOMENTS.jsonl: the features of each moment's words
// that the learned reading of the darker words weighs, {"id": ..., "features": [...]}, for
// bench/train_darker.py.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "guilt/core/lexicon.hpp"

int main(int argc, char** argv) {
    bool features = argc == 3 && std::string_view(argv[1]) == "--features";
    if (argc != 2 && !features) {
        std::cerr << "usage: guilt_read_probe [--features] LEXICON.json < MOMENTS.jsonl\n";
        return 2;
    }
    try {
        const char* path = argv[argc - 1];
        std::ifstream file(path);
        std::stringstream text;
        text << file.rdbuf();
        const auto lex = guilt::parse_lexicon(text.str(), path);
        std::string line;
        while (std::getline(std::cin, line)) {
            if (line.empty()) continue;
            const auto moment = nlohmann::json::parse(line);
            const std::string words = moment.at("text");
            if (features) {
                nlohmann::json out = {{"id", moment.at("id")},
                                      {"features", guilt::darker_features(lex, words)}};
                std::cout << out.dump() << '\n';
                continue;
            }
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
