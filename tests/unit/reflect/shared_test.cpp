// SPDX-License-Identifier: MIT
// Unit tests of what the reflection engine does with every strategy's finding
// (src/core/reflect/reflect.cpp, rank.cpp): the no-nagging rule, the ranking and the 28-day
// window, the placeholders every finding fills, reading her words right across strategies,
// the support line, and the JSON Schemas that name the table's strategies. Each strategy's own
// tests are in the file named after it.
#include <fstream>
#include <nlohmann/json.hpp>

#include "fixtures.hpp"

using namespace reflect_test;

// ---- the no-nagging rule ----------------------------------------------------------------------

TEST_CASE("a strategy shown yesterday does not fire again without newer evidence",
          "[reflect][nagging]") {
    auto j = nothing_new_tonight();
    REQUIRE(fires(j, "bank"));
    j.in.last_shown["bank"] = day(-1);
    CHECK_FALSE(fires(j, "bank"));
}

TEST_CASE("a strategy shown earlier fires again on evidence of its own kind after that day",
          "[reflect][nagging]") {
    auto j = nothing_new_tonight();
    j.in.last_shown["bank"] = day(-4);  // three dry days with guilt since then
    CHECK(fires(j, "bank"));

    auto k = nothing_new_tonight();
    k.in.last_shown["bank"] = day(-1);
    k.guilt(0, "19:00", 3, "Cereal for dinner");
    CHECK_FALSE(fires(k, "bank"));  // one more moment is not a longer dry spell
}

TEST_CASE("the no-nagging rule holds back only the strategy that was shown", "[reflect][nagging]") {
    auto j = nothing_new_tonight();
    j.in.last_shown["community"] = day(-1);
    j.in.last_shown["motto"] = day(-1);
    CHECK(fires(j, "bank"));
}

TEST_CASE("reflecting twice on the same day gives identical findings", "[reflect][nagging]") {
    Journal j;
    j.motto("You're a good mom.");
    j.run(-3, "17:00", 30);
    j.guilt(-3, "19:00", 5, "Missed bath time");
    j.engage(-2, "16:00", 30, {"Sam"});
    j.guilt(-1, "18:00", 5, "Missed pickup", {"school"});
    j.guilt(0, "08:00", 8, "I'm a bad mom, I always yell");
    j.guilt(0, "19:00", 4, "Homework left undone");
    j.in.last_shown["listen"] = day(-3);
    auto first = j.reflect();
    auto second = j.reflect();
    REQUIRE(first.size() >= 3);
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].strategy == second[i].strategy);
        CHECK(first[i].situation == second[i].situation);
        CHECK(first[i].vars == second[i].vars);
        CHECK(ids(first[i]) == ids(second[i]));
        CHECK(first[i].score == second[i].score);
    }
}

// ---- ranking and the window -------------------------------------------------------------------

TEST_CASE("a generic opener ranks below every prompt that answers tonight's words",
          "[reflect][ranking]") {
    Journal j;
    j.motto("You're a good mom.");
    j.guilt(-6, "17:00", 5, "Screens all afternoon", {"screens"});
    j.guilt(-2, "17:00", 5, "Screens again", {"screens"});
    j.guilt(0, "17:00", 10, "I'm a lazy mother, screens all day", {"screens"});
    auto findings = j.reflect();
    REQUIRE(find(findings, "motto"));
    REQUIRE(find(findings, "listen"));
    double lowest_direct = 2, highest_generic = -1;
    for (const auto& f : findings) {
        if (f.relevance == guilt::Relevance::generic)
            highest_generic = std::max(highest_generic, f.score);
        else if (f.relevance != guilt::Relevance::observation)
            lowest_direct = std::min(lowest_direct, f.score);
    }
    REQUIRE(lowest_direct < 2);
    CHECK(highest_generic < lowest_direct);
}

TEST_CASE("reflect says why each strategy that did not fire stayed silent", "[reflect][explain]") {
    Journal j;
    j.guilt(0, "19:00", 4, "Late with dinner");
    std::vector<guilt::Silence> silent;
    auto findings = guilt::reflect(j.in, lexicon(), &silent);
    std::set<std::string> all;
    for (const auto& f : findings)
        all.insert(f.strategy);
    for (const auto& s : silent) {
        CAPTURE(s.strategy);
        CHECK(all.insert(s.strategy).second);  // once each
        CHECK_FALSE(s.why.empty());
    }
    CHECK(all.size() == guilt::strategy_ids().size());
    CHECK(guilt::reflect(j.in, lexicon()).size() == findings.size());
}

TEST_CASE("findings come most relevant first", "[reflect][ranking]") {
    Journal j;
    j.motto("You're a good mom.");
    j.guilt(-5, "18:00", 2, "Missed pickup");
    j.guilt(0, "08:00", 9, "I'm a bad mom");
    auto findings = j.reflect();
    REQUIRE(findings.size() >= 3);
    CHECK(std::is_sorted(findings.begin(), findings.end(),
                         [](const Finding& a, const Finding& b) { return a.score > b.score; }));
    // facts weighs 0.6, priorities without a list 0.5, both answering tonight's moment of
    // intensity 9; motto on labelling weighs 0.8 but is a generic opener, below every direct
    // answer (issue 20: it came first on any heavy night).
    std::vector<std::string> order;
    for (const auto& f : findings)
        if (f.strategy == "motto" || f.strategy == "facts" || f.strategy == "priorities")
            order.push_back(f.strategy);
    CHECK(order == std::vector<std::string>{"facts", "priorities", "motto"});
    // bank "never" (and schedule, six days without engaged time) are observations from her
    // data: they rank below the direct answers.
    auto rank_of = [&](std::string_view id) {
        return std::find_if(findings.begin(), findings.end(),
                            [&](const Finding& f) { return f.strategy == id; }) -
               findings.begin();
    };
    CHECK(rank_of("bank") > rank_of("priorities"));
    CHECK(rank_of("bank") < static_cast<std::ptrdiff_t>(findings.size()));
}

TEST_CASE("findings weigh tonight's moments by their intensity", "[reflect][ranking]") {
    Journal j;
    j.guilt(-4, "18:00", 5, "Missed pickup");
    j.guilt(-1, "18:00", 5, "Late with dinner");
    j.guilt(0, "18:00", 5, "Cereal for dinner");
    auto today = j.reflect();
    j.in.entries.pop_back();
    auto yesterday = j.reflect();
    const Finding* a = find(today, "bank");
    const Finding* b = find(yesterday, "bank");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->score == Approx(b->score + 0.2 * 5 / 10));  // kIntensityWeight times 5 / 10
}

TEST_CASE("entries after the reviewed day are ignored", "[reflect][window]") {
    Journal j;
    j.motto("You're a good mom.");
    j.guilt(0, "19:00", 3, "Late with dinner");
    j.guilt(1, "08:00", 9, "I'm a bad mom");
    j.guilt(1, "09:00", 9, "Forgot the lunch box");
    j.guilt(1, "10:00", 9, "Late for school");
    auto findings = j.reflect();
    CHECK_FALSE(find(findings, "motto"));
    CHECK_FALSE(find(findings, "expectations"));
    for (const auto& f : findings)
        for (const Entry* e : f.evidence)
            CHECK(guilt::local_date(e->at) <= kDay);
}

TEST_CASE("the engine reads 28 days ending with the reviewed day", "[reflect][window]") {
    Journal j;
    j.guilt(-27, "12:00", 5, "The window's first day");
    j.guilt(-1, "18:00", 5, "Late with dinner");
    j.guilt(0, "18:00", 5, "Cereal for dinner");
    auto findings = j.reflect();
    const Finding* f = find(findings, "bank");
    REQUIRE(f);
    CHECK(f->vars.at("window_days") == "28");
    CHECK(f->vars.at("moments") == "3 guilt moments");

    Journal k;
    k.guilt(-28, "12:00", 5, "Before the window");
    k.run(-28, "06:00");
    k.guilt(-2, "18:00", 5, "Late with dinner");
    k.guilt(0, "18:00", 5, "Cereal for dinner");
    auto later = k.reflect();
    const Finding* g = find(later, "bank");
    REQUIRE(g);
    CHECK(g->situation == "never");
    CHECK(g->vars.at("window_days") == "3");
    CHECK(g->vars.at("moments") == "2 guilt moments");
}

TEST_CASE("a finding cites at most eight entries, the newest", "[reflect][evidence]") {
    Journal j;
    Ids moments;
    for (int n = -9; n <= 0; ++n)
        moments.push_back(j.guilt(n, "12:00", 3, "Late again"));
    auto findings = j.reflect();
    const Finding* f = find(findings, "bank");
    REQUIRE(f);
    CHECK(f->vars.at("moments") == "10 guilt moments");
    CHECK(ids(*f) == Ids(moments.rbegin(), moments.rbegin() + 8));
}

TEST_CASE("a finding quotes her words up to 90 characters, never through a word",
          "[reflect][evidence]") {
    std::string ninety(90, 'x');
    Journal j;
    j.guilt(0, "19:00", 8, ninety);
    auto findings = j.reflect();
    const Finding* f = find(findings, "motto");
    REQUIRE(f);
    CHECK(f->vars.at("quote") == "\"" + ninety + "\"");

    Journal k;
    k.guilt(0, "19:00", 8, ninety + "yz");
    auto longer = k.reflect();
    const Finding* g = find(longer, "motto");
    REQUIRE(g);
    CHECK(g->vars.at("quote") == "\"" + ninety + "yz\"");  // one word is kept whole

    Journal huge;  // ...unless it is far too long to show
    huge.guilt(0, "19:00", 8, std::string(300, 'x'));
    auto cut = huge.reflect();
    REQUIRE(find(cut, "motto"));
    CHECK(find(cut, "motto")->vars.at("quote") == "\"" + std::string(89, 'x') + "\u2026\"");
}

// ---- placeholders -----------------------------------------------------------------------------

TEST_CASE("every finding fills every placeholder of its situation", "[reflect][placeholders]") {
    // One journal per situation of situations(), built by the scenarios above.
    std::vector<std::function<Journal()>> journals = {
        [] {  // priorities out of season
            Journal j;
            j.priority(1, "Kids");
            j.priority(2, "Housework", day(-1));
            j.guilt(0, "19:00", 3, "The garden is full of weeds");
            return j;
        },
        [] {  // example about me-time, better-mom about running with enough days
            Journal j;
            j.deposit(0, "10:00", 60, "massage");
            j.guilt(0, "12:00", 4, "Felt guilty at my massage");
            return j;
        },
        [] {  // better-mom about running, with days enough to compare and no lower run days
            Journal j;
            for (int d = -8; d <= -1; ++d) {
                if (d % 2 == 0) j.run(d, "06:00");
                j.guilt(d, "20:00", 4, "Late with dinner");
            }
            j.guilt(0, "20:00", 4, "Guilty about my run this morning");
            return j;
        },
        [] {  // schedule: early runs that reach into family hours
            Journal j;
            j.run(-2, "06:30", 60);
            j.guilt(-2, "09:00", 5, "Missed breakfast with them for my run");
            j.run(0, "06:30", 60);
            j.guilt(0, "09:00", 5, "Missed breakfast with them for my run again");
            return j;
        },
        [] {  // bank no-deposit, community all-solo, example kids-not-involved-no-race
            Journal j;
            for (int n : {-20, -14, -7, -4})
                j.run(n, "06:00");
            j.guilt(-1, "18:00", 5, "Missed pickup", {}, {"Sam"});
            j.guilt(0, "19:00", 4, "Late with dinner");
            return j;
        },
        [] {  // example kids-not-involved (one of the runs a race)
            Journal j;
            for (int n : {-20, -14, -7, -4})
                j.run(n, "06:00");
            j.in.entries.back().kind = "race";
            j.guilt(0, "19:00", 4, "Late with dinner");
            return j;
        },
        [] {  // priorities lower-got-more
            Journal j;
            j.priority(1, "Kids");
            j.priority(2, "Work");
            j.guilt(0, "20:00", 7, "Worked late again and missed bedtime", {"work"}, {"Sam"});
            return j;
        },
        [] { return nothing_new_tonight(); },  // bank never
        [] {                                   // bank overdrawn, motto no-motto
            Journal j;
            j.guilt(-5, "18:00", 8, "Screamed at bedtime");
            j.deposit(-2, "13:00", 30, "nap");
            j.guilt(0, "19:00", 8, "Late with dinner");
            return j;
        },
        [] {  // community no-moms, priorities no-list
            Journal j;
            j.run(-3, "06:00", 30, {"friends"});
            j.guilt(0, "19:00", 6, "Every other mom at the gate has it together");
            return j;
        },
        [] {  // example and better-mom about-running
            Journal j;
            j.run(-1, "06:00");
            j.guilt(0, "08:00", 6, "Left them with their dad for my long run");
            return j;
        },
        [] { return run_and_rest_days(3, 3, 3, 4); },  // better-mom lower-on-run-days
        [] {                                           // better-mom lower-on-run-days-topic
            auto j = run_and_rest_days(3, 3, 3, 4);
            j.guilt(0, "20:00", 4, "Too distracted to listen to Sam at dinner");
            return j;
        },
        [] {  // example kids-not-involved-no-race-topic
            Journal j;
            for (int n : {-20, -14, -7, -4})
                j.run(n, "06:00");
            j.guilt(0, "19:00", 4, "Missed family dinner again");
            return j;
        },
        [] {  // example kids-not-involved-topic
            Journal j;
            for (int n : {-20, -14, -7, -4})
                j.run(n, "06:00");
            j.in.entries.back().kind = "race";
            j.guilt(0, "19:00", 4, "Missed family dinner again");
            return j;
        },
        [] {  // priorities ranked-low
            Journal j;
            j.priority(1, "Kids");
            j.priority(2, "Health");
            j.priority(3, "Work");
            j.guilt(0, "19:00", 5, "Behind on work emails again");
            return j;
        },
        [] {  // priorities out-of-season
            Journal j;
            j.priority(1, "Housework", day(-1));
            j.guilt(0, "19:00", 5, "Weeds everywhere again");
            return j;
        },
        [] {  // listen recurring, expectations many-moments
            Journal j;
            j.guilt(-2, "16:00", 4, "Gave him the iPad so I could think");
            j.guilt(0, "09:00", 4, "iPad at breakfast");
            j.guilt(0, "12:00", 4, "Movie at lunch");
            j.guilt(0, "17:00", 5, "Netflix babysat again");
            return j;
        },
        [] {  // facts engaged-today
            Journal j;
            j.engage(0, "16:10", 120, {"Sam"});
            j.guilt(0, "20:00", 6, "I never play with him");
            return j;
        },
        [] {  // facts engaged-this-week
            Journal j;
            j.engage(-2, "17:00", 20, {"Mia"});
            j.guilt(0, "20:00", 6, "I should have played with them");
            return j;
        },
        [] {  // facts none, schedule engaged-few-days
            return engaged_week(0, 0, kAboutAttention);
        },
        [] {  // schedule family-hour-runs
            Journal j;
            j.run(-2, "07:30", 30);
            j.guilt(-2, "09:00", 5, "Rushed breakfast for my run");
            j.run(-1, "17:00", 45);
            j.guilt(-1, "19:00", 5, "Missed bath time");
            return j;
        },
        [] {  // expectations todo
            Journal j;
            j.guilt(0, "21:00", 5, "So much to do and the laundry is still there");
            return j;
        },
        [] {  // motto intense
            Journal j;
            j.motto("You're a good mom.");
            j.guilt(0, "19:00", 7, "I ruin everything for them");
            return j;
        },
        [] {  // motto labelling
            Journal j;
            j.motto("You're a good mom.");
            j.guilt(0, "19:00", 3, "I'm a bad mom");
            return j;
        },
    };

    auto book =
        guilt::parse_strategies(*guilt::embedded_file("strategies.json"), "strategies.json");
    std::set<std::string> seen;
    for (const auto& make : journals) {
        auto j = make();
        for (const auto& f : j.reflect()) {
            seen.insert(f.strategy + "/" + f.situation);
            const guilt::Situation* sit = nullptr;
            for (const auto& s : guilt::situations())
                if (s.strategy == f.strategy && s.id == f.situation) sit = &s;
            INFO(f.strategy << "/" << f.situation);
            REQUIRE(sit);
            for (auto name : sit->placeholders) {
                INFO("{" << name << "}");
                CHECK(f.vars.count(std::string(name)) == 1);
            }
            for (auto name : guilt::common_placeholders()) {
                INFO("{" << name << "}");
                CHECK(f.vars.count(std::string(name)) == 1);
            }
            // Every wording and every question, taken in turn, reads without a brace.
            for (int shown = 0; shown < 5; ++shown) {
                auto p = guilt::make_prompt(f, book, shown);
                CHECK_THAT(p.message, !Contains("{") && !Contains("}"));
                CHECK_THAT(p.question, !Contains("{") && !Contains("}"));
            }
        }
    }
    std::set<std::string> all;
    for (const auto& s : guilt::situations())
        all.insert(std::string(s.strategy) + "/" + std::string(s.id));
    CHECK(seen == all);
}

TEST_CASE("findings name the kids of their evidence, else the window's, else 'your kids'",
          "[reflect][placeholders]") {
    Journal j;
    j.guilt(-3, "18:00", 5, "Missed pickup", {}, {"Mia"});
    j.guilt(-2, "18:00", 5, "Forgot the lunch box", {}, {"Mia"});
    j.engage(-1, "17:00", 20, {"Theo"});
    j.guilt(0, "19:00", 8, "Screamed at them over shoes", {}, {"Sam"});
    auto findings = j.reflect();
    const Finding* motto = find(findings, "motto");
    REQUIRE(motto);
    CHECK(motto->vars.at("kids") == "Sam");
    CHECK(motto->vars.at("kid") == "Sam");
    CHECK(motto->vars.at("date") == "Wednesday, Nov 25");
    CHECK(motto->vars.at("weekday") == "Wednesday");

    Journal k;
    k.guilt(-3, "18:00", 5, "Missed pickup", {}, {"Mia"});
    k.guilt(-2, "18:00", 5, "Forgot the lunch box", {}, {"Mia", "Theo"});
    k.guilt(0, "19:00", 8, "Screamed at them over shoes");
    auto theirs = k.reflect();
    const Finding* m = find(theirs, "motto");
    REQUIRE(m);
    CHECK(m->vars.at("kids") == "Mia and Theo");
    CHECK(m->vars.at("kid") == "Mia");

    Journal none;
    none.guilt(0, "19:00", 8, "Screamed at them over shoes");
    auto nobody = none.reflect();
    const Finding* n = find(nobody, "motto");
    REQUIRE(n);
    CHECK(n->vars.at("kids") == "your kids");
    CHECK(n->vars.at("kid") == "your child");
}

// ---- ranking: relevance, efficacy and rest ------------------------------------------------------

TEST_CASE("the direct answer to tonight's words outranks an observation from her data",
          "[reflect][ranking]") {
    auto j = facts_and_numbers();
    auto findings = j.reflect();
    REQUIRE(find(findings, "facts"));
    REQUIRE(find(findings, "better-mom"));
    CHECK(findings.front().strategy == "facts");
    CHECK(find(findings, "facts")->score > find(findings, "better-mom")->score);
    CHECK_THAT(find(findings, "facts")->why, Contains("catastrophising in today's moment #"));
    CHECK_THAT(find(findings, "facts")->why, Contains("engaged time logged today"));
}

TEST_CASE("her answers count in the ranking from the first, through a Beta(2, 2) prior",
          "[reflect][ranking][efficacy]") {
    auto j = facts_and_numbers();
    double base = score_of(j, "better-mom");
    // One "yes": (1 + 2) / (1 + 4) = 0.6, so 0.3 x (2 x 0.6 - 1) = 0.06 more.
    j.in.helped["better-mom"] = answers({Helped::yes});
    CHECK(score_of(j, "better-mom") == Approx(base + 0.06));
    // Five: (5 + 2) / (5 + 4), 0.17 more.
    j.in.helped["better-mom"] =
        answers({Helped::yes, Helped::yes, Helped::yes, Helped::yes, Helped::yes});
    CHECK(score_of(j, "better-mom") == Approx(base + 0.3 * (2 * 7.0 / 9 - 1)));
    j.in.helped["better-mom"] = answers({Helped::no});
    CHECK(score_of(j, "better-mom") == Approx(base - 0.06));
    j.in.helped["better-mom"] = answers({Helped::yes, Helped::no, Helped::little});
    CHECK(score_of(j, "better-mom") == Approx(base));
    j.in.helped["better-mom"] = answers({Helped::no, Helped::little, Helped::no});
    CHECK(score_of(j, "better-mom") < base);
}

TEST_CASE("each finding carries her efficacy figures and says when it has helped",
          "[reflect][ranking][efficacy]") {
    auto j = facts_and_numbers();
    j.in.helped["facts"] = answers({Helped::no, Helped::no, Helped::yes, Helped::no});
    j.in.helped["better-mom"] =
        answers({Helped::yes, Helped::yes, Helped::little, Helped::yes, Helped::no});
    auto findings = j.reflect();
    const Finding* f = find(findings, "better-mom");
    REQUIRE(f);
    CHECK(f->efficacy.yes == 3);
    CHECK(f->efficacy.little == 1);
    CHECK(f->efficacy.no == 1);
    CHECK(f->helped_note == "This has helped you before: 4 of 5 times.");
    CHECK(find(findings, "facts")->helped_note.empty());
}

TEST_CASE("three 'no's in a row rest a strategy for two weeks after the last",
          "[reflect][ranking][efficacy]") {
    auto j = facts_and_numbers();  // motto: no motto set, strength 0.6
    j.in.helped["motto"] = answers({Helped::yes, Helped::no, Helped::no, Helped::no}, -1);
    CHECK_FALSE(fires(j, "motto"));
    j.in.helped["motto"] = answers({Helped::no, Helped::no, Helped::no}, -13);
    CHECK_FALSE(fires(j, "motto"));
    j.in.helped["motto"] = answers({Helped::no, Helped::no, Helped::no}, -14);
    CHECK(fires(j, "motto"));  // rested long enough
    j.in.helped["motto"] = answers({Helped::no, Helped::yes, Helped::no, Helped::no}, -1);
    CHECK(fires(j, "motto"));  // not three in a row
}

TEST_CASE("strong evidence speaks through a rest", "[reflect][ranking][efficacy]") {
    auto j = facts_and_numbers();
    // Catastrophising gives facts a strength of 0.9, the threshold.
    j.in.helped["facts"] = answers({Helped::no, Helped::no, Helped::no}, -1);
    CHECK(fires(j, "facts"));
    Journal light;
    light.engage(0, "17:00", 30, {"Owen"});
    light.guilt(0, "21:00", 4, "I always rush him in the morning");
    REQUIRE(fires(light, "facts"));
    light.in.helped["facts"] = answers({Helped::no, Helped::no, Helped::no}, -1);
    CHECK_FALSE(fires(light, "facts"));
}

TEST_CASE("a strategy shown the three nights before is not first a fourth, unless it helps",
          "[reflect][ranking]") {
    auto j = facts_and_numbers();
    REQUIRE(j.reflect().front().strategy == "facts");
    j.in.shown_on["facts"] = {day(-3), day(-2), day(-1)};
    j.in.last_shown["facts"] = day(-1);  // its evidence is tonight's: it speaks again
    auto findings = j.reflect();
    REQUIRE(find(findings, "facts"));
    CHECK(findings.front().strategy != "facts");
    CHECK_THAT(find(findings, "facts")->why, Contains("not first tonight"));
    j.in.shown_on["facts"] = {day(-4), day(-2), day(-1)};  // not three running
    CHECK(j.reflect().front().strategy == "facts");
    j.in.shown_on["facts"] = {day(-3), day(-2), day(-1)};
    j.in.helped["facts"] = answers({Helped::yes, Helped::little});
    CHECK(j.reflect().front().strategy == "facts");
}

// ---- reading her right
// ---------------------------------------------------------------------------

TEST_CASE("a mother who does not run is never told about runs", "[reflect][me-time]") {
    Journal j;
    for (int d = -8; d <= -1; ++d)
        j.engage(d, "17:00", 30, {"Tomas"});
    j.deposit(0, "19:30", 120, "choir rehearsal");
    j.guilt(0, "22:00", 6, "Left Tomas with grandma again for choir, feels selfish to sing", {},
            {"Tomas"});
    auto findings = j.reflect();
    REQUIRE(find(findings, "example"));
    CHECK(find(findings, "example")->situation == "about-me-time");
    CHECK_FALSE(find(findings, "better-mom"));
    auto book =
        guilt::parse_strategies(*guilt::embedded_file("strategies.json"), "strategies.json");
    for (const auto& f : findings) {
        CAPTURE(f.strategy);
        for (int shown = 0; shown < 5; ++shown) {
            auto p = guilt::make_prompt(f, book, shown);
            for (const char* word : {" run", "running", "miles"}) {
                CHECK_THAT(p.message, !Contains(word));
                CHECK_THAT(p.question, !Contains(word));
            }
        }
    }
}

TEST_CASE("a hopeful, grateful line is not guilt to argue with", "[reflect][hopeful]") {
    Journal j;
    j.engage(0, "16:00", 30, {"Leo"});
    j.guilt(0, "21:00", 2,
            "Hard week, but tonight he hugged me and I'm grateful. Maybe we're okay.");
    CHECK(j.reflect().empty());
    Journal heavy;
    heavy.engage(0, "16:00", 30, {"Leo"});
    heavy.guilt(0, "21:00", 2, "Grateful for today, but I always snap at him in the morning");
    CHECK(fires(heavy, "facts"));  // harsh words keep it guilt
}

TEST_CASE("quotes are cut at word boundaries and keep the cue", "[reflect][evidence]") {
    Journal j;
    j.guilt(0, "21:00", 6,
            "Spent the whole afternoon on the laundry and the dishes and the emails and the "
            "forms, and by the evening I felt like a failure with nothing to show for it at all");
    auto findings = j.reflect();
    const Finding* f = find(findings, "motto");
    REQUIRE(f);
    const auto& q = f->vars.at("quote");
    CHECK_THAT(q, Contains("failure"));
    CHECK(q.front() == '"');
    CHECK(q.back() == '"');
    CHECK(guilt::display_width(q) <= 92 + 2);
    // Each word of the quote is one of her words, whole.
    std::string inner = q.substr(1, q.size() - 2);
    for (const char* cut : {"…"})
        for (auto at = inner.find(cut); at != std::string::npos; at = inner.find(cut))
            inner.replace(at, std::string(cut).size(), "");
    std::istringstream words(inner);
    std::string text = " " + j.in.entries.back().text + " ";
    for (std::string w; words >> w;) {
        CAPTURE(w);
        CHECK(text.find(" " + w) != std::string::npos);
    }
    Journal short_one;
    short_one.guilt(0, "21:00", 8, "I felt like a failure");
    auto s = short_one.reflect();
    REQUIRE(find(s, "motto"));
    CHECK(find(s, "motto")->vars.at("quote") == "\"I felt like a failure\"");  // nothing left out
}

TEST_CASE("kids are named in the order she wrote them", "[reflect][evidence]") {
    Journal j;
    j.engage(-1, "17:00", 30, {"Zoe"});
    j.engage(0, "17:00", 30, {"Adam", "Zoe"});
    j.guilt(0, "21:00", 5, "I always rush them", {}, {"Zoe", "Adam"});
    auto findings = j.reflect();
    REQUIRE(find(findings, "facts"));
    CHECK(find(findings, "facts")->vars.at("kids") == "Zoe and Adam");
}

// ---- the support line
// -----------------------------------------------------------------------------

TEST_CASE("words of hopelessness or harm tonight call for the support line", "[reflect][support]") {
    Journal j;
    j.guilt(-1, "21:00", 9, "He would be better off with another mother");
    CHECK(guilt::support(j.in, lexicon()).moments.empty());  // not tonight
    auto id = j.guilt(0, "23:00", 10, "Maybe he would be better off with another mother");
    auto s = guilt::support(j.in, lexicon());
    REQUIRE(s.moments.size() == 1);
    CHECK(s.moments.front()->id == id);
    CHECK(s.words == "better off with another mother");
    // Never a strategy.
    for (const auto& f : j.reflect())
        CHECK(f.strategy != "support");
}

TEST_CASE("the support line respects negation and quotation", "[reflect][support]") {
    for (const char* text : {"I would never want to hurt him, I just felt so tired",
                             "I don't feel hopeless, only worn out",
                             "She joked \"I want to die\" about the bake sale"}) {
        CAPTURE(text);
        Journal j;
        j.guilt(0, "21:00", 6, text);
        CHECK(guilt::support(j.in, lexicon()).moments.empty());
    }
    Journal j;
    j.guilt(0, "21:00", 9, "I feel hopeless tonight");
    CHECK(guilt::support(j.in, lexicon()).words == "feel hopeless");
}

// ---- the table and the JSON Schemas
// --------------------------------------------------------------

namespace {

// Every "enum" of `schema` that names "bank", the strategy ids it lists.
void strategy_enums(const nlohmann::json& schema, std::vector<std::vector<std::string>>& found) {
    if (schema.is_object()) {
        auto e = schema.find("enum");
        if (e != schema.end() && e->is_array() && !e->empty() && (*e)[0] == "bank")
            found.push_back(e->get<std::vector<std::string>>());
        for (const auto& [key, value] : schema.items())
            strategy_enums(value, found);
    } else if (schema.is_array()) {
        for (const auto& value : schema)
            strategy_enums(value, found);
    }
}

}  // namespace

TEST_CASE("the JSON Schemas in data/ name the strategies of the table, in its order",
          "[reflect][table]") {
    auto read = [](const char* name) {
        std::ifstream in(std::string(GUILT_SOURCE_DIR) + "/data/" + name);
        REQUIRE(in);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    };
    std::vector<std::string> ids(guilt::strategy_ids().begin(), guilt::strategy_ids().end());
    std::vector<std::vector<std::string>> found;
    strategy_enums(nlohmann::json::parse(read("export.schema.json")), found);
    REQUIRE(found.size() == 2);  // a showing's strategy, and a reflection's
    for (const auto& list : found)
        CHECK(list == ids);
    std::string alternatives;
    for (const auto& id : ids)
        alternatives += (alternatives.empty() ? "" : "|") + id;
    CHECK_THAT(read("insights.schema.json"),
               Contains("(strategy|answered):(" + alternatives + ")"));
}
