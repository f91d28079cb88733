// SPDX-License-Identifier: MIT
// The learned second reading of the darker words: features, the sum, and the model's JSON.
#include "learned.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "guilt/core/error.hpp"
#include "guilt/core/lexicon.hpp"

namespace guilt::reading {

namespace {

constexpr double kMilli = 1000.0;  // the model's numbers are kept in thousandths

std::int32_t milli(double x) {
    return static_cast<std::int32_t>(std::lround(x * kMilli));
}

// The weight of the feature hashed `h`, 0 when the model has none.
std::int32_t weight(const DarkerModel& model, std::uint32_t h) {
    auto it = std::ranges::lower_bound(model.weights, h, {},
                                       &std::pair<std::uint32_t, std::int32_t>::first);
    return it != model.weights.end() && it->first == h ? it->second : 0;
}

// What darker_features names, as a list of hashes, each once: the strings are made only for
// the probe.
template <typename Out>
void each_feature(const std::vector<Word>& words, Out out) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        out({"e:", words[i].stem[en]});
        out({"s:", words[i].stem[es]});
        if (i + 1 < words.size() && words[i + 1].clause == words[i].clause)
            out({"b:", words[i].stem[en], "_", words[i + 1].stem[en]});
    }
}

}  // namespace

std::vector<std::string> darker_features(const std::vector<Word>& words) {
    std::vector<std::string> out;
    each_feature(words, [&](std::initializer_list<std::string_view> parts) {
        auto& f = out.emplace_back();
        for (auto part : parts)
            f += part;
    });
    std::ranges::sort(out);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::optional<std::size_t> darker_word(const Lexicon& lex, const std::vector<Word>& words) {
    const auto& model = lex.darker_model;
    std::vector<std::uint32_t> hashes;
    hashes.reserve(3 * words.size());
    each_feature(words,
                 [&](std::initializer_list<std::string_view> f) { hashes.push_back(key_hash(f)); });
    std::ranges::sort(hashes);
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    std::int64_t sum = model.bias;
    for (auto h : hashes)
        sum += weight(model, h);
    if (words.empty() || sum <= model.threshold) return std::nullopt;
    // The word whose own stems weigh the most toward the darker words.
    std::size_t strongest = 0;
    std::int32_t best = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        auto w = weight(model, key_hash({"e:", words[i].stem[en]})) +
                 weight(model, key_hash({"s:", words[i].stem[es]}));
        if (w > best) best = w, strongest = i;
    }
    return strongest;
}

void read_darker_model(const nlohmann::json& doc, Lexicon& lex, std::string_view source) {
    if (!doc.contains("darker_model")) return;
    auto bad = [&](const std::string& path, std::string_view what) {
        throw UsageError(fmt::format("{}: /darker_model{}: {}", source, path, what));
    };
    const auto& m = doc["darker_model"];
    if (!m.is_object()) bad("", "must be an object");
    if (!m.contains("threshold") || !m["threshold"].is_number() ||
        !(m["threshold"].get<double>() > 0 && m["threshold"].get<double>() < 1))
        bad("/threshold", "must be a number between 0 and 1 (a probability)");
    if (!m.contains("bias") || !m["bias"].is_number()) bad("/bias", "must be a number");
    if (!m.contains("weights") || !m["weights"].is_object() || m["weights"].empty())
        bad("/weights", "must be an object of features and their weights");
    auto p = m["threshold"].get<double>();
    auto& model = lex.darker_model;
    model.threshold = milli(std::log(p / (1 - p)));
    model.bias = milli(m["bias"].get<double>());
    for (const auto& [feature, w] : m["weights"].items()) {
        if (feature.empty() || !w.is_number() || std::abs(w.get<double>()) > 1000)
            bad("/weights/" + feature, "must be a feature and a number of at most 1000");
        model.weights.emplace_back(key_hash(feature), milli(w.get<double>()));
    }
    std::ranges::sort(model.weights);
    auto same =
        std::ranges::adjacent_find(model.weights, {}, [](const auto& e) { return e.first; });
    if (same != model.weights.end()) bad("/weights", "two features share a hash");
}

}  // namespace guilt::reading

namespace guilt {

std::vector<std::string> darker_features(const Lexicon& lex, std::string_view text) {
    auto words = reading::split_words(text, *lex.stemmers);
    reading::respell(lex, words);
    return reading::darker_features(words);
}

}  // namespace guilt
