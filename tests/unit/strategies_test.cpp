// SPDX-License-Identifier: MIT
// Unit tests of the strategy wording (src/core/strategies.cpp): the built-in strategies.json
// against the engine's situations, validation errors that name the JSON path, fill() and
// make_prompt().
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "builders.hpp"
#include "guilt/cli/embedded.hpp"
#include "guilt/core/calendar.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/reflect.hpp"
#include "guilt/core/strategies.hpp"

using guilt::Finding;
using guilt::StrategyBook;
using Vars = std::map<std::string, std::string>;

namespace {

nlohmann::json built_in_json() {
    return nlohmann::json::parse(*guilt::embedded_file("strategies.json"));
}

StrategyBook built_in() {
    return guilt::parse_strategies(*guilt::embedded_file("strategies.json"), "strategies.json");
}

// The message of the UsageError parse_strategies throws for `doc`, or "" when it throws none.
std::string strategies_error(const std::string& text) {
    try {
        guilt::parse_strategies(text, "my strategies.json");
    } catch (const guilt::UsageError& e) {
        return e.what();
    }
    return "";
}

std::string strategies_error(const nlohmann::json& doc) {
    return strategies_error(doc.dump());
}

Finding many_moments(std::string count) {
    Finding f;
    f.strategy = "expectations";
    f.situation = "many-moments";
    f.vars = {{"count", std::move(count)}, {"kids", "Sam and Mia"}, {"kid", "Sam"}};
    return f;
}

}  // namespace

// ---- the built-in wording ---------------------------------------------------------------------

TEST_CASE("the built-in strategies.json passes validation with three wordings per situation",
          "[strategies]") {
    auto book = built_in();
    CHECK(book.size() == guilt::strategy_ids().size());
    for (auto id : guilt::strategy_ids()) {
        CAPTURE(id);
        REQUIRE(book.count(id) == 1);
        const auto& t = book.find(id)->second;
        CHECK_FALSE(t.title.empty());
        CHECK_FALSE(t.idea.empty());
        CHECK_FALSE(t.attribution.empty());
        CHECK(t.questions.size() >= guilt::kMinQuestions);
        CHECK(std::set<std::string>(t.questions.begin(), t.questions.end()).size() ==
              t.questions.size());
    }
    CHECK_FALSE(book.support.empty());
    for (const auto& sit : guilt::situations()) {
        CAPTURE(sit.strategy, sit.id);
        const auto& messages = book.find(sit.strategy)->second.messages;
        REQUIRE(messages.count(std::string(sit.id)) == 1);
        const auto& wordings = messages.at(std::string(sit.id));
        CHECK(wordings.size() >= 3);
        CHECK(std::set<std::string>(wordings.begin(), wordings.end()).size() == wordings.size());
    }
}

TEST_CASE("the compiled built-in strategies are strategies.json as parse_strategies reads it",
          "[strategies]") {
    auto parsed = built_in();
    auto compiled = guilt::read_compiled_strategies(*guilt::embedded_file("strategies.compiled"),
                                                    "built-in strategies");
    CHECK(compiled.support == parsed.support);
    CHECK(compiled.contexts == parsed.contexts);
    REQUIRE(compiled.size() == parsed.size());
    for (const auto& [id, t] : parsed) {
        CAPTURE(id);
        const auto& c = compiled.at(id);
        CHECK(std::tie(c.title, c.idea, c.attribution, c.questions, c.messages) ==
              std::tie(t.title, t.idea, t.attribution, t.questions, t.messages));
    }
    // And the same bytes again when compiled again.
    CHECK(guilt::compiled_strategies(compiled) == *guilt::embedded_file("strategies.compiled"));
}

TEST_CASE("compiled strategies that are not those of this build are refused, naming them",
          "[strategies][validation]") {
    auto bytes = guilt::compiled_strategies(built_in());
    auto fewer = built_in();
    fewer.erase(fewer.begin());
    for (const auto& bad : {std::string("{}"), bytes.substr(0, bytes.size() / 2), bytes + "x",
                            std::string(), guilt::compiled_strategies(fewer)})
        CHECK(test::error_of([&] { guilt::read_compiled_strategies(bad, "built-in"); }) ==
              "built-in: is not the compiled strategies of this build of guilt");
}

TEST_CASE("every strategy has at least one situation", "[strategies]") {
    for (auto id : guilt::strategy_ids()) {
        CAPTURE(id);
        bool found = false;
        for (const auto& sit : guilt::situations())
            found = found || sit.strategy == id;
        CHECK(found);
    }
}

// Every message and question of the built-in wording, with where it is.
static std::vector<std::pair<std::string, std::string>> built_in_wordings() {
    std::vector<std::pair<std::string, std::string>> out;
    // Kept alive for the loop: items() of a temporary's member would dangle.
    const auto doc = built_in_json();
    for (const auto& [id, s] : doc.at("strategies").items()) {
        for (const auto& [sit, list] : s["messages"].items())
            for (const auto& m : list)
                out.emplace_back(id + "/" + sit, m.get<std::string>());
        for (const auto& q : s["questions"])
            out.emplace_back(id + "/questions", q.get<std::string>());
    }
    return out;
}

TEST_CASE("the wording reads right for one child: {kids} may be one name", "[strategies]") {
    // "their mother" for one child, "when Sam see you": a sentence that names {kids} or {kid}
    // takes no plural pronoun for them and no verb that agrees with a plural.
    const std::regex plural(
        R"(\b(they|them|their|theirs|themselves)\b|\{kids\} (are|were|have|see|learn|do|know|need|want|watch)\b)",
        std::regex::icase);
    for (const auto& [where, text] : built_in_wordings()) {
        CAPTURE(where, text);
        if (text.find("{kids}") == std::string::npos && text.find("{kid}") == std::string::npos)
            continue;
        CHECK_FALSE(std::regex_search(text, plural));
    }
}

TEST_CASE("no message says \"this week\" of figures that are the last 7 days", "[strategies]") {
    // The engine counts days back from the reviewed one; a calendar week is week's word only.
    const std::regex week(R"(\b(this|your) week\b)", std::regex::icase);
    for (const auto& [where, text] : built_in_wordings()) {
        CAPTURE(where, text);
        if (where.ends_with("/questions")) continue;  // "when this week could you...": ahead
        CHECK_FALSE(std::regex_search(text, week));
    }
}

// ---- validation -------------------------------------------------------------------------------

TEST_CASE("validation names the JSON path of a missing strategy", "[strategies][validation]") {
    auto doc = built_in_json();
    doc["strategies"].erase("motto");
    CHECK(strategies_error(doc) == "my strategies.json: /strategies/motto: is missing");
}

TEST_CASE("validation names the JSON path of a missing situation", "[strategies][validation]") {
    auto doc = built_in_json();
    doc["strategies"]["bank"]["messages"].erase("never");
    CHECK(strategies_error(doc) ==
          "my strategies.json: /strategies/bank/messages/never: must be a non-empty array of "
          "wordings");

    auto empty = built_in_json();
    empty["strategies"]["facts"]["messages"]["none"] = nlohmann::json::array();
    CHECK(strategies_error(empty) ==
          "my strategies.json: /strategies/facts/messages/none: must be a non-empty array of "
          "wordings");
}

TEST_CASE("validation names the JSON path of an unknown situation", "[strategies][validation]") {
    auto doc = built_in_json();
    doc["strategies"]["bank"]["messages"]["broke"] = {"You are broke."};
    CHECK(strategies_error(doc) ==
          "my strategies.json: /strategies/bank/messages/broke: is not a situation of this "
          "strategy, nor SITUATION@CONTEXT (baby, teen, injury)");
}

TEST_CASE("a situation's wording for a context is checked like the situation's own",
          "[strategies][validation]") {
    auto doc = built_in_json();
    doc["strategies"]["bank"]["messages"]["low@baby"] = {"Balance {value}, {nap_time}."};
    CHECK_THAT(strategies_error(doc),
               Catch::Contains("/strategies/bank/messages/low@baby/0: unknown placeholder "
                               "{nap_time}"));
    doc["strategies"]["bank"]["messages"]["low@toddler"] = {"Balance {value}."};
    doc["strategies"]["bank"]["messages"].erase("low@baby");
    CHECK_THAT(strategies_error(doc), Catch::Contains("/strategies/bank/messages/low@toddler: is "
                                                      "not a situation"));
    doc["strategies"]["bank"]["messages"].erase("low@toddler");
    doc["contexts"]["toddler"] = {"toddler"};
    CHECK(strategies_error(doc) ==
          "my strategies.json: /contexts/toddler: is not one of baby, teen, injury");
}

TEST_CASE("make_prompt takes the context's wordings when the finding has one",
          "[strategies][prompt]") {
    auto doc = built_in_json();
    doc["strategies"]["expectations"]["messages"]["many-moments@teen"] = {"Teen {count}"};
    auto book = guilt::parse_strategies(doc.dump(), "test");
    auto f = many_moments("4");
    CHECK(guilt::make_prompt(f, book, 0).message != "Teen 4");
    f.context = "teen";
    CHECK(guilt::make_prompt(f, book, 0).message == "Teen 4");
    f.context = "baby";  // no wording for it: the situation's own
    CHECK(guilt::make_prompt(f, book, 0).message != "Teen 4");
    CHECK(book.contexts.at("baby").size() > 3);
}

TEST_CASE("validation names the JSON path of an unknown strategy", "[strategies][validation]") {
    auto doc = built_in_json();
    doc["strategies"]["coffee"] = doc["strategies"]["bank"];
    CHECK(strategies_error(doc) ==
          "my strategies.json: /strategies/coffee: is not one of the ten strategies");
}

TEST_CASE("validation names the JSON path of an unknown placeholder", "[strategies][validation]") {
    auto doc = built_in_json();
    // {last_deposit} belongs to "no-deposit"; "never" has no deposit to name.
    doc["strategies"]["bank"]["messages"]["never"][1] = "Nothing since {last_deposit}.";
    auto error = strategies_error(doc);
    CHECK_THAT(error, Catch::StartsWith("my strategies.json: /strategies/bank/messages/never/1: "
                                        "unknown placeholder {last_deposit}"));
    // The hint lists what this situation can use, the common placeholders included.
    CHECK_THAT(error, Catch::Contains("{withdrawals}") && Catch::Contains("{window_days}") &&
                          Catch::Contains("{kids}"));

    auto question = built_in_json();
    question["strategies"]["facts"]["questions"][2] = "What did {quote} leave out?";
    CHECK_THAT(strategies_error(question),
               Catch::StartsWith("my strategies.json: /strategies/facts/questions/2: unknown "
                                 "placeholder {quote}"));

    auto three = built_in_json();
    three["strategies"]["motto"]["questions"] = {"One?", "Two?", "Three?"};
    CHECK(strategies_error(three) ==
          "my strategies.json: /strategies/motto/questions: must be an array of at least 4 "
          "questions");

    auto no_support = built_in_json();
    no_support.erase("support");
    CHECK(strategies_error(no_support) ==
          "my strategies.json: /support: must be a non-empty string");

    auto unclosed = built_in_json();
    unclosed["strategies"]["motto"]["messages"]["intense"][0] = "Say {motto to yourself.";
    CHECK(strategies_error(unclosed) ==
          "my strategies.json: /strategies/motto/messages/intense/0: has a '{' without its '}'");
}

TEST_CASE("validation accepts the common placeholders everywhere", "[strategies][validation]") {
    auto doc = built_in_json();
    doc["strategies"]["listen"]["messages"]["recurring"][0] =
        "On {weekday}, {date}: {kids}, {kid}, {topic}.";
    doc["strategies"]["listen"]["questions"][0] = "What would {kid} say?";
    CHECK(strategies_error(doc) == "");
}

TEST_CASE("validation names the JSON path of a missing or empty field",
          "[strategies][validation]") {
    auto title = built_in_json();
    title["strategies"]["schedule"].erase("title");
    CHECK(strategies_error(title) ==
          "my strategies.json: /strategies/schedule/title: must be a non-empty string");

    auto attribution = built_in_json();
    attribution["strategies"]["listen"]["attribution"] = "";
    CHECK(strategies_error(attribution) ==
          "my strategies.json: /strategies/listen/attribution: must be a non-empty string");

    auto wording = built_in_json();
    wording["strategies"]["example"]["messages"]["about-running"][2] = 42;
    CHECK(strategies_error(wording) ==
          "my strategies.json: /strategies/example/messages/about-running/2: must be a non-empty "
          "string");

    auto messages = built_in_json();
    messages["strategies"]["community"]["messages"] = "none";
    CHECK(strategies_error(messages) ==
          "my strategies.json: /strategies/community/messages: must be an object");
}

TEST_CASE("validation names the file and the root for invalid JSON", "[strategies][validation]") {
    CHECK_THAT(strategies_error(std::string(R"({"strategies": {)")),
               Catch::StartsWith("my strategies.json: /: not valid JSON"));
    CHECK(strategies_error(std::string("[]")) ==
          "my strategies.json: /strategies: must be an object keyed by strategy id");
    CHECK(strategies_error(std::string(R"({"strategies": []})")) ==
          "my strategies.json: /strategies: must be an object keyed by strategy id");
}

// ---- fill and make_prompt ---------------------------------------------------------------------

TEST_CASE("fill replaces known placeholders and leaves unknown ones as written",
          "[strategies][fill]") {
    Vars vars = {{"kid", "Sam"}, {"count", "3"}, {"brace", "{count}"}};
    struct Row {
        const char* tmpl;
        const char* want;
    };
    const Row rows[] = {
        {"", ""},
        {"no placeholders", "no placeholders"},
        {"{kid}", "Sam"},
        {"{count} moments with {kid}, {kid}!", "3 moments with Sam, Sam!"},
        {"Hello {nobody} and {kid}", "Hello {nobody} and Sam"},
        {"a {brace} b", "a {count} b"},  // a value is not filled in again
        {"open {kid and more", "open {kid and more"},
        {"{} and {kid}", "{} and Sam"},
        {"} {kid} {", "} Sam {"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.tmpl);
        CHECK(guilt::fill(row.tmpl, vars) == row.want);
    }
}

TEST_CASE("make_prompt fills the wording, the question and the strategy's words",
          "[strategies][prompt]") {
    auto book = built_in();
    auto f = many_moments("4");
    auto p = guilt::make_prompt(f, book, 0);
    const auto& t = book.find("expectations")->second;
    CHECK(p.strategy == "expectations");
    CHECK(p.title == t.title);
    CHECK(p.attribution == t.attribution);
    CHECK(p.question == guilt::fill(t.questions[0], f.vars));
    CHECK(p.message == guilt::fill(t.messages.at("many-moments")[0], f.vars));
    CHECK_THAT(p.message, Catch::Contains("4"));
    CHECK_THAT(p.message, !Catch::Contains("{"));
}

TEST_CASE("make_prompt gives the same prompt for the same count of earlier showings",
          "[strategies][prompt]") {
    auto book = built_in();
    auto f = many_moments("4");
    CHECK(guilt::make_prompt(f, book, 5).message == guilt::make_prompt(f, book, 5).message);
    CHECK(guilt::make_prompt(f, book, 5).question == guilt::make_prompt(f, book, 5).question);
}

TEST_CASE("make_prompt never asks a strategy's question two showings running",
          "[strategies][prompt]") {
    auto book = built_in();
    for (auto id : guilt::strategy_ids()) {
        CAPTURE(id);
        guilt::Finding f;
        f.strategy = id;
        for (const auto& sit : guilt::situations())
            if (sit.strategy == id) f.situation = sit.id;
        std::set<std::string> seen;
        for (int shown = 0; shown < 12; ++shown) {
            auto now = guilt::make_prompt(f, book, shown).question;
            CHECK(now != guilt::make_prompt(f, book, shown + 1).question);
            seen.insert(now);
        }
        CHECK(seen.size() >= guilt::kMinQuestions);  // every question comes round in turn
    }
}

TEST_CASE("make_prompt takes the wordings in turn by the count of earlier showings",
          "[strategies][prompt]") {
    auto doc = built_in_json();
    doc["strategies"]["expectations"]["messages"]["many-moments"] = {"A {count}", "B {count}",
                                                                     "C {count}"};
    auto book = guilt::parse_strategies(doc.dump(), "test");
    auto f = many_moments("4");
    std::vector<std::string> seen;
    for (int n = 0; n < 4; ++n)
        seen.push_back(guilt::make_prompt(f, book, n).message);
    CHECK(seen == std::vector<std::string>{"A 4", "B 4", "C 4", "A 4"});
}

TEST_CASE("make_prompt asks the question the finding picked", "[strategies][prompt]") {
    auto book = built_in();
    auto f = many_moments("4");
    f.question = 2;
    const auto& t = book.find("expectations")->second;
    CHECK(guilt::make_prompt(f, book, 0).question == guilt::fill(t.questions[2], f.vars));
}

TEST_CASE("question_of finds the question a stored prompt ends with, whatever it filled in",
          "[strategies][question]") {
    auto book = built_in();
    const auto& t = book.find("example")->second;
    for (std::size_t i = 0; i < t.questions.size(); ++i) {
        CAPTURE(i);
        auto prompt =
            "You wrote \"a bath\" today. " + guilt::fill(t.questions[i], {{"kids", "Sam and Ava"}});
        CHECK(guilt::question_of(t, prompt) == i);
    }
    CHECK_FALSE(guilt::question_of(t, "A message and a question of another strategy?"));
}

namespace {
guilt::Date day(int d) {
    return guilt::add_days(guilt::Date{2026, 11, 1}, d);
}
}  // namespace

TEST_CASE("pick_question asks in turn, never one twice in 30 days more than twice",
          "[strategies][question]") {
    REQUIRE(guilt::kMaxAsksPerMonth == 2);
    // Shown every night: four questions go round twice, then the strategy is silent until the
    // first asking leaves the 30 days.
    std::vector<guilt::Date> shown;
    std::vector<std::size_t> asked;
    for (int d = 0; d < 8; ++d) {
        auto q = guilt::pick_question(4, shown, {}, day(d));
        REQUIRE(q);
        asked.push_back(*q);
        shown.push_back(day(d));
    }
    CHECK(asked == std::vector<std::size_t>{0, 1, 2, 3, 0, 1, 2, 3});
    CHECK_FALSE(guilt::pick_question(4, shown, {}, day(8)));
    CHECK_FALSE(guilt::pick_question(4, shown, {}, day(29)));
    CHECK(guilt::pick_question(4, shown, {}, day(30)) == 0u);
    // The same history gives the same question on a rerun.
    CHECK(guilt::pick_question(4, shown, {}, day(30)) ==
          guilt::pick_question(4, shown, {}, day(30)));
}

TEST_CASE("pick_question rests a question she answered no to for kQuestionRestDays",
          "[strategies][question]") {
    REQUIRE(guilt::kQuestionRestDays == 28);
    std::vector<guilt::Date> shown = {day(0)};  // asked question 0, answered "no"
    std::vector<std::pair<guilt::Date, std::size_t>> said_no = {{day(0), 1}};
    // Question 1 would be next: it rests, so 2 is asked.
    CHECK(guilt::pick_question(4, shown, said_no, day(1)) == 2u);
    said_no = {{day(0), 0}};
    std::vector<std::size_t> asked;
    for (int d = 1; d < 8; ++d) {
        auto q = guilt::pick_question(4, shown, said_no, day(d));
        if (q) asked.push_back(*q);
        shown.push_back(day(d));
    }
    CHECK(std::count(asked.begin(), asked.end(), 0u) == 0);
    // Rested on the 28 nights after, asked again on the next.
    CHECK_FALSE(guilt::pick_question(1, {}, {{day(0), 0}}, day(28)));
    CHECK(guilt::pick_question(1, {}, {{day(0), 0}}, day(29)) == 0u);
}

TEST_CASE("a darker night shows at most one prompt, and none that cites or quotes it",
          "[strategies][support]") {
    guilt::Entry heavy;
    heavy.text = "They would be better off without me";
    guilt::Entry other;
    other.text = "Late with dinner";
    auto prompt = [](std::string id, std::vector<const guilt::Entry*> evidence,
                     std::string message) {
        guilt::Prompt p;
        p.strategy = std::move(id);
        p.evidence = std::move(evidence);
        p.message = std::move(message);
        return p;
    };
    std::vector<guilt::Prompt> prompts = {
        prompt("motto", {&heavy}, "Tonight you wrote it down."),
        prompt("facts", {&other}, "You wrote \"They would be better off without me\"."),
        prompt("bank", {&other}, "Your bank is low."),
        prompt("schedule", {&other}, "A fixed time helps."),
    };
    guilt::keep_gentle(prompts, {&heavy});
    REQUIRE(prompts.size() == 1);
    CHECK(prompts[0].strategy == "bank");

    std::vector<guilt::Prompt> only_about_it = {prompt("motto", {&heavy}, "...")};
    guilt::keep_gentle(only_about_it, {&heavy});
    CHECK(only_about_it.empty());
}
