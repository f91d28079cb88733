// SPDX-License-Identifier: MIT
// The compiled form of the strategies' words (include/guilt/core/strategies.hpp): the book
// parse_strategies made of strategies.json, checked, in a flat form that reads back without
// parsing JSON (which was a tenth of the work of `guilt reflect`). Written and read by the same
// build only.
#include <map>
#include <vector>

#include "flat_bytes.hpp"
#include "guilt/core/strategies.hpp"

namespace guilt {

namespace {

constexpr std::string_view kMagic = "guilt-strategies-1\n";

void write_list(flat::Writer& out, const std::vector<std::string>& list) {
    out.number(static_cast<std::int64_t>(list.size()));
    for (const auto& s : list)
        out.text(s);
}

void write_lists(flat::Writer& out, const std::map<std::string, std::vector<std::string>>& lists) {
    out.number(static_cast<std::int64_t>(lists.size()));
    for (const auto& [name, list] : lists) {
        out.text(name);
        write_list(out, list);
    }
}

std::vector<std::string> read_list(flat::Reader& in) {
    std::vector<std::string> list(in.count(4));
    for (auto& s : list)
        s = in.text();
    return list;
}

std::map<std::string, std::vector<std::string>> read_lists(flat::Reader& in) {
    std::map<std::string, std::vector<std::string>> lists;
    for (auto n = in.count(8); n > 0; --n) {
        auto name = std::string(in.text());
        lists[name] = read_list(in);
    }
    return lists;
}

}  // namespace

std::string compiled_strategies(const StrategyBook& book) {
    flat::Writer out(kMagic);
    out.text(book.support);
    write_lists(out, book.contexts);
    out.number(static_cast<std::int64_t>(book.size()));
    for (const auto& [id, t] : book) {
        out.text(id);
        out.text(t.title);
        out.text(t.idea);
        out.text(t.attribution);
        write_list(out, t.questions);
        write_lists(out, t.messages);
    }
    return out.take();
}

StrategyBook read_compiled_strategies(std::string_view bytes, std::string_view source) {
    flat::Reader in(bytes, kMagic, source, "the compiled strategies");
    StrategyBook book;
    book.support = in.text();
    book.contexts = read_lists(in);
    for (auto n = in.count(24); n > 0; --n) {
        auto id = std::string(in.text());
        auto& t = book[id];
        t.title = in.text();
        t.idea = in.text();
        t.attribution = in.text();
        t.questions = read_list(in);
        t.messages = read_lists(in);
    }
    // The book of this build names every strategy, each with its questions.
    if (!in.done() || book.size() != strategy_ids().size()) in.damaged();
    for (auto id : strategy_ids()) {
        auto it = book.find(id);
        if (it == book.end() || it->second.questions.size() < kMinQuestions) in.damaged();
    }
    return book;
}

}  // namespace guilt
