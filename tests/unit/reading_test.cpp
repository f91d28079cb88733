// SPDX-License-Identifier: MIT
// Unit tests of the reading of her words (src/core/reading/, docs/reading.md) on the built-in
// vocabulary: stems, senses, who speaks, negation in a cue's gap, questions, sarcasm, Spanish,
// typos, and the darker words. Each rule is pinned on sentences written for it, none from the
// corpora it is measured on.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "builders.hpp"
#include "guilt/core/lexicon.hpp"

#include "reading_helpers.hpp"

using test::reading::darker;
using test::reading::distortion;
using test::reading::has_topic;

TEST_CASE("one cue covers its inflections, in English and Spanish", "[reading][stems]") {
    for (const char* text : {"I yelled at her", "yelling again", "he yells back and I yell"})
        CHECK(has_topic(text, "discipline"));
    for (const char* text : {"Le grité", "estuve gritando toda la tarde", "grito demasiado"}) {
        CAPTURE(text);
        CHECK(has_topic(text, "discipline"));
    }
    CHECK(has_topic("Mamá está muy cansada, no duerme nadie", "sleep"));
}

TEST_CASE("a word in another sense is no cue", "[reading][senses]") {
    for (const char* text : {"running late again", "third night running she woke at 3",
                             "did the school run in the rain", "I run this house alone",
                             "ran out of milk", "nose running all week", "the team lunch ran long",
                             "a netflix marathon while they slept"}) {
        CAPTURE(text);
        CHECK_FALSE(has_topic(text, "running"));
    }
    CHECK(has_topic("ran 5k before they woke", "running"));
    CHECK(has_topic("skipped my long run", "running"));
    CHECK_FALSE(has_topic("dropped them at Daddy's house", "house"));
    CHECK(has_topic("the house is a tip", "house"));
    CHECK_FALSE(has_topic("so sick and tired of everything", "health"));
}

TEST_CASE("someone else's words are not hers", "[reading][speaker]") {
    CHECK(distortion("my husband says I'm selfish", "labelling").empty());
    CHECK(distortion("Mi madre dice que soy una egoísta", "labelling").empty());
    CHECK(distortion("she said \"you never listen\"", "all-or-nothing").empty());
    CHECK(distortion("the teacher thinks I'm hopeless", "labelling").empty());
    CHECK_FALSE(distortion("the teacher thinks I'm hopeless", "mind-reading").empty());
    CHECK(distortion("I think I'm ruining them", "mind-reading").empty());
    CHECK_FALSE(distortion("I'm so selfish", "labelling").empty());
    // A label she imagines in others' minds is mind-reading, not a label of hers.
    CHECK(distortion("the other parents must think I'm a joke", "labelling").empty());
    CHECK_FALSE(distortion("the other parents must think I'm a joke", "mind-reading").empty());
    CHECK_FALSE(distortion("I'm a joke. They must think so too", "labelling").empty());
}

TEST_CASE("a negation inside a cue's gap cancels it", "[reading][negation]") {
    CHECK(distortion("I'm not a bad mum for needing a break", "labelling").empty());
    CHECK(distortion("I'm not lazy", "labelling").empty());
    CHECK(distortion("I'm not lazy, I'm a disaster", "labelling") == "I'm a disaster");
    CHECK(distortion("am I a bad mom for letting him?", "labelling").empty());
}

TEST_CASE("a sentence that is nothing but a label is hers", "[reading][bare-label]") {
    CHECK(distortion("Forgot the bake sale again. Useless.", "labelling") == "Useless");
    CHECK(distortion("Me fui al gym y lloró toda la tarde. Egoísta.", "labelling") == "Egoísta");
    CHECK(distortion("Booked the race anyway. Selfish selfish selfish", "labelling") ==
          "Selfish selfish selfish");
    CHECK(distortion("Shouted before school. What a loser.", "labelling") == "What a loser");
    // A word of the situation, alone, is no label of her; nor a label inside a longer sentence
    // that no cue reads, nor one in someone else's mouth.
    CHECK(distortion("Today was awful. Awful.", "labelling").empty());
    CHECK(distortion("the useless printer jammed again", "labelling").empty());
    CHECK(distortion("\"Selfish.\" That's what she called me.", "labelling").empty());
}

TEST_CASE("self-mockery is sarcasm, not a label", "[reading][sarcasm]") {
    auto text = "forgot the costume, terrible mother, mother of the year";
    CHECK_FALSE(distortion(text, "sarcasm").empty());
    CHECK(distortion(text, "labelling").empty());
}

TEST_CASE("a swapped pair of letters is read past", "[reading][typos]") {
    CHECK(has_topic("homewrok fight again", "school"));
    // In a cue's second word too: the index's glance at the next word (NextWord) lets it through.
    CHECK(has_topic("missed parents evenign again", "school"));
    CHECK_FALSE(has_topic("tried 6 creams", "sleep"));  // too short to guess: tried, not tired
}

TEST_CASE("a Spanish cue is read only in a Spanish sentence", "[reading][languages]") {
    // "notas" (school marks) shares its Spanish stem with the English "not".
    CHECK_FALSE(has_topic("I'm not coping at all", "school"));
    CHECK(has_topic("Sus notas son malas y es mi culpa", "school"));
    CHECK(has_topic("La niña tiene fiebre and I still went to the office", "health"));
    CHECK(has_topic("La niña tiene fiebre and I still went to the office", "work"));
}

TEST_CASE("a moment that mixes the languages is read in both throughout", "[reading][languages]") {
    // The first sentence has only Spanish function words, but the moment is mixed: her English
    // words there are read as English.
    CHECK(has_topic("Night shift otra vez, los niños con la abuela. Feel like I'm missing out",
                    "work"));
    // Spanish cues still stay out of a moment that is English only: with a Spanish cue "notas"
    // (whose Spanish stem is "not"), "not" in an English moment is no school, in a mixed one
    // neither unless the Spanish word is there.
    auto notas = guilt::parse_lexicon(R"({"version": 2,
        "classes": {"lang_en": ["the", "i'm"], "lang_es": ["las", "son"]},
        "topics": [{"id": "school", "label": "school", "senses": [{"meaning": "marks",
                    "es": ["notas"]}]}],
        "distortions": [], "negation": []})",
                                      "test");
    auto school = [&](const char* text) {
        auto r = guilt::read_words(notas, text);
        return std::find(r.topics.begin(), r.topics.end(), "school") != r.topics.end();
    };
    CHECK_FALSE(school("I'm not coping with the baby"));
    CHECK(school("Las notas son malas"));
    CHECK(school("Las notas son malas. I'm not surprised"));
}

TEST_CASE("the darker words are patterns of meaning, not fixed phrases", "[reading][support]") {
    for (const char* text :
         {"picturing myself stepping off the platform", "a flash of dropping her, out of nowhere",
          "we would all be happier if I vanished", "they'd hardly miss me",
          "they'd be better off with their dad",
          "no encuentro motivo para nada, ni para levantarme", "un mes sin sentir nada por nadie",
          "nobody would even notice if I left for good", "I don't see a future where I'm okay",
          "sería más fácil si no estuviera", "if a bus hit me it wouldn't be the worst thing",
          "a voice keeps telling me to drop her. I never would, but it won't stop",
          "me vienen imágenes de que le hago daño", "es como si fuera la hija de otra",
          "pensé que sería más fácil si simplemente no estuviera"}) {
        CAPTURE(text);
        CHECK(darker(text));
    }
    for (const char* text :
         {"she'd be better off with a different maths tutor than me",
          "me quiero morir de la vergüenza", "I could die of embarrassment",
          "I want to run away and not come back till someone else has made dinner",
          "ran at 5am so nobody would miss me at breakfast",
          "he told his friends I sing in the car. so embarrassing, I want to die"}) {
        CAPTURE(text);
        CHECK_FALSE(darker(text));
    }
}

TEST_CASE("the darker words are heard, however they are put", "[reading][support]") {
    for (const char* text :
         {"sometimes I think they'd be better off without me", "I wish I could just disappear",
          "I can't keep doing this. I don't see how it ends", "I hold her and feel nothing",
          "a veces pienso que estarían mejor sin mí", "what's the point anymore",
          "keep thinking about the pills in the cupboard"}) {
        CAPTURE(text);
        CHECK(darker(text));
    }
    for (const char* text :
         {"not suicidal, just exhausted", "I'd never hurt him, I'm just so angry", "I could cry",
          "felt nothing but relief when she settled",
          "I can't do this anymore - the group chat I mean", "estoy muerta de sueño"}) {
        CAPTURE(text);
        CHECK_FALSE(darker(text));
    }
}

TEST_CASE("plans, goodbyes and the ways she thinks of it are darker words", "[reading][support]") {
    for (const char* text :
         {"wrote a letter to my son tonight in case",
          "I keep working out how many tablets it would take",
          "who would raise them after I'm gone, I keep thinking",
          "sat in the garage with the engine running",
          "I thought about turning the wheel into the wall", "so tired of existing",
          "they'd have it easier if I wasn't in the picture",
          "the kids would have been better off with someone else as their mother",
          "en casa yo sobro", "cuando paso por la vía pienso en tirarme",
          "no point trying anymore"}) {
        CAPTURE(text);
        CHECK(darker(text));
    }
    for (const char* text : {"I just want it all to stop for a minute, the noise and the pinging",
                             "ganas de tirar la toalla con el potty training",
                             "wrote a shopping list in case I forget"}) {
        CAPTURE(text);
        CHECK_FALSE(darker(text));
    }
}

TEST_CASE("a question someone asked her, or a joke of theirs, is not her darker words",
          "[reading][support][speaker]") {
    CHECK_FALSE(darker("the GP asked if I ever think about hurting myself. I said no"));
    CHECK_FALSE(darker("my partner jokes that they'd be better off with the childminder"));
    CHECK(darker("I think about hurting myself"));
    // "honestly" gives the sentence back to her, as "but" does.
    CHECK(darker("she said she hates me and honestly I think she'd be happier if I wasn't around"));
}

TEST_CASE("a laugh after the darker words makes them a saying", "[reading][support]") {
    CHECK(darker("I can't do this anymore"));
    CHECK_FALSE(darker("I can't do this anymore 😂 the dog ate the homework"));
    CHECK_FALSE(darker("I can't do this anymore lol"));
    CHECK_FALSE(darker("quiero desaparecer jajaja"));
}

TEST_CASE("a negation in someone else's part of the clause does not reach her words",
          "[reading][support]") {
    CHECK(darker("when he won't settle I get thoughts about hurting him"));
    CHECK(darker("I want to hurt him"));
    CHECK_FALSE(darker("I would never ever want to hurt him"));
}

TEST_CASE("a contrast word gives the sentence back to her", "[reading][speaker]") {
    CHECK(distortion("my sister says I'm too hard on myself but I'm a terrible mother",
                     "labelling") == "terrible mother");
    CHECK(distortion("my sister says I'm a terrible mother", "labelling").empty());
}

TEST_CASE("topics keep the order of her words and say where they stand", "[reading][topics]") {
    auto text = std::string("Yelled at bedtime, then the iPad");
    auto r = guilt::read_words(test::built_in_lexicon(), text);
    REQUIRE(r.topics.size() >= 3);
    CHECK(r.topics[0] == "discipline");
    CHECK(r.topics[1] == "sleep");
    CHECK(r.topics[2] == "screens");
    auto [from, to] = r.topic_at.at("screens");
    CHECK(text.substr(from, to - from) == "iPad");
}

TEST_CASE("her tasks count as overload only as the items of a list", "[reading][lists]") {
    for (const char* text :
         {"laundry, dishes, two packed lunches and the dentist at 4",
          "Work, the kids, the house, my marriage. I'm failing at all of it",
          "two jobs + the baby + my mum's appointments",
          "Tengo que hacer la compra, lavar, planchar uniformes y estudiar para mi examen"}) {
        CAPTURE(text);
        CHECK(has_topic(text, "overload"));
    }
    // One task, or tasks in one clause, or spread over sentences, is no list.
    for (const char* text : {"did the laundry while she napped",
                             "came home from work and the kids had wrecked the house",
                             "Laundry done. Dishes done. Bed."}) {
        CAPTURE(text);
        CHECK_FALSE(has_topic(text, "overload"));
    }
    // A listed cue alone is not the topic's first word: the list's own are.
    auto r = guilt::read_words(test::built_in_lexicon(), "dishes, laundry, emails");
    REQUIRE(r.topic_at.count("overload") == 1);
    CHECK(r.topic_at.at("overload").first == 0);
}

TEST_CASE("a cue with a topic counts only beside that topic's cues", "[reading][with]") {
    // Their events are family time where work kept her from them, in the same sentence.
    CHECK(has_topic("his game was at 4 and I was stuck in a meeting", "family-time"));
    CHECK_FALSE(has_topic("his game was great, he scored twice", "family-time"));
    CHECK_FALSE(has_topic("His game was at 4. The meeting ran late", "family-time"));
}

TEST_CASE("the darker words are not read for their topics", "[reading][support]") {
    const char* night = "some nights I want to go to sleep and not wake up";
    CHECK(darker(night));
    CHECK_FALSE(has_topic(night, "sleep"));
    CHECK(has_topic("she woke at 3 and again at 5, I'm wrecked", "sleep"));
}

TEST_CASE("Spanish says its negation twice: 'no ... nada' is not a negation",
          "[reading][negation]") {
    CHECK(distortion("hoy no hice nada bien", "all-or-nothing") == "nada bien");
    CHECK(distortion("nunca los escucho", "all-or-nothing") == "nunca los escucho");
    // An English negation still cancels what follows it.
    CHECK(distortion("I'm not always late", "all-or-nothing").empty());
}

TEST_CASE("measuring herself against other mothers is also what the guilt is about",
          "[reading][topics]") {
    const char* measure = "Every mother I know seems to cope with this stage";
    REQUIRE(!distortion(measure, "comparison").empty());
    CHECK(has_topic(measure, "comparison"));
    CHECK(guilt::read_words(test::built_in_lexicon(), measure).topic_at.count("comparison") == 1);
}
