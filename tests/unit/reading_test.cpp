// SPDX-License-Identifier: MIT
// Unit tests of the reading of her words (src/core/reading/, docs/reading.md) on the built-in
// vocabulary: stems, senses, who speaks, negation in a cue's gap, questions, sarcasm, Spanish,
// typos, and the darker words. Each rule is pinned on sentences written for it, none from the
// corpora it is measured on.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "builders.hpp"
#include "guilt/core/lexicon.hpp"

namespace {

const guilt::Lexicon& lex() {
    return test::built_in_lexicon();
}

bool has_topic(const std::string& text, const std::string& id) {
    auto r = guilt::read_words(lex(), text);
    return std::find(r.topics.begin(), r.topics.end(), id) != r.topics.end();
}

std::string distortion(const std::string& text, const std::string& id) {
    for (const auto& h : guilt::read_words(lex(), text).distortions)
        if (h.id == id) return h.words;
    return "";
}

bool darker(const std::string& text) {
    return !guilt::read_words(lex(), text).support.empty();
}

}  // namespace

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
                             "ran out of milk", "nose running all week"}) {
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
    auto r = guilt::read_words(lex(), text);
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
    auto r = guilt::read_words(lex(), "dishes, laundry, emails");
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
    auto r = guilt::read_words(lex(), "some nights I want to go to sleep and not wake up");
    CHECK_FALSE(r.support.empty());
    CHECK(std::find(r.topics.begin(), r.topics.end(), "sleep") == r.topics.end());
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
    auto r = guilt::read_words(lex(), "Every mother I know seems to cope with this stage");
    REQUIRE(!distortion("Every mother I know seems to cope with this stage", "comparison").empty());
    CHECK(std::find(r.topics.begin(), r.topics.end(), "comparison") != r.topics.end());
    CHECK(r.topic_at.count("comparison") == 1);
}

TEST_CASE("a negation does not reach past a question word into a clause of its own",
          "[reading][negation]") {
    CHECK(darker("I don't know why I'm still here"));
    CHECK(has_topic("I don't know how I forgot her lunch again", "food"));
    // Within its reach and its clause it still cancels.
    CHECK_FALSE(darker("I don't want to disappear"));
}

TEST_CASE("other mothers watching her are not the measure of her", "[reading][topics]") {
    CHECK(distortion("the other mums at pickup were staring at his pyjamas", "comparison").empty());
    CHECK_FALSE(
        distortion("the other mums at pickup all bake their own bread", "comparison").empty());
}

TEST_CASE("what happens in a show or a book is not hers", "[reading][speaker]") {
    CHECK_FALSE(darker("Watched a film where the mum writes her kids a goodbye letter. Sobbed"));
    CHECK(darker("wrote the kids a goodbye letter tonight"));
    CHECK(distortion("read a book where the mother is a total failure", "labelling").empty());
}

TEST_CASE("a dark time that is over is not tonight's", "[reading][support]") {
    CHECK_FALSE(darker("Two years ago I thought they'd be better off without me. Doing ok now"));
    CHECK_FALSE(darker("Hace un año pensaba que estarían mejor sin mí"));
    CHECK(darker("I think they'd be better off without me"));
}

TEST_CASE("putting her affairs in order and giving her things away are darker words",
          "[reading][support]") {
    CHECK(darker("Told Dan where the life insurance papers are"));
    CHECK(darker("gave my sister my running gear, won't be needing it"));
    CHECK(darker("Ya arreglé lo del seguro, que nadie se preocupe"));
    CHECK_FALSE(darker("I feel nothing about skipping the bake sale"));
}

TEST_CASE("scrolling social media beside them is her attention, not her measure",
          "[reading][topics]") {
    CHECK(distortion("scrolled instagram while she told me about her day", "comparison").empty());
    CHECK(has_topic("scrolled instagram while she told me about her day", "attention"));
    CHECK_FALSE(
        distortion("scrolling insta at 1am, everyone's perfect lunchboxes and mine", "comparison")
            .empty());
}

TEST_CASE("text-speak is read as the words it stands for", "[reading][words]") {
    CHECK(darker("honestly they'd b happier w/o me"));
    CHECK(darker("wat if i just wasnt here anymore"));
    CHECK(darker("keep thinking abt the pills in the drawer"));
    CHECK(darker("ya no se para q sigo"));
    // The words spelled out keep their senses and their exceptions.
    CHECK_FALSE(darker("they'd b better off w/o the dummy tbh"));
    // A slash joins two single letters only: "work/life" is still two words.
    CHECK(has_topic("the work/life juggle", "work"));
}

TEST_CASE("a story on a screen is someone else's, and a passing mood is no long numbness",
          "[reading][support]") {
    CHECK_FALSE(darker("In the film the mum walks into the sea and I had to turn it off"));
    CHECK_FALSE(darker("came home numb after the late shift and went straight to bed"));
    CHECK_FALSE(darker("if I see one more unicorn lunchbox I'm walking into the sea"));
    CHECK(darker("weeks now of not feeling anything, I just go through the day"));
}

TEST_CASE("her affairs settled and her means looked at, said another way", "[reading][support]") {
    CHECK(darker("updated my will and wrote every password in a notebook for Sam"));
    CHECK(darker("Dejé las claves del banco anotadas para mi hermana"));
    CHECK(darker("sat on the edge of the bath looking at the razor"));
    CHECK(darker("If God takes me tonight, so be it"));
}

TEST_CASE("a label alone in its sentence, with a word of tone beside it", "[reading][labels]") {
    CHECK_FALSE(distortion("forgot the costume again. useless, honestly", "labelling").empty());
    CHECK_FALSE(distortion("screens all afternoon. total failure today", "labelling").empty());
    CHECK(distortion("forgot the costume. honestly", "labelling").empty());
}

TEST_CASE("other mothers' minds, read by her, whoever stands between", "[reading][speaker]") {
    CHECK(distortion("the other mams at the school gate think I'm a mess", "mind-reading") != "");
    CHECK(distortion("I think I'm a mess", "mind-reading").empty());
}

TEST_CASE("a child asking again and again while she keeps on is her attention",
          "[reading][topics]") {
    CHECK(
        has_topic("he asked me three times to look at his drawing and i kept typing", "attention"));
    CHECK(has_topic("La niña me llamó 4 veces desde la pieza", "attention"));
    CHECK_FALSE(has_topic("he asked me to look at his drawing", "attention"));
}

TEST_CASE("a word of a topic in another sense stays out of it", "[reading][topics]") {
    // Grounded is a punishment; the ground is not.
    CHECK(has_topic("grounded him for a week", "discipline"));
    CHECK_FALSE(has_topic("a sad face on the ground", "discipline"));
    // Bringing something up is no waking up.
    CHECK_FALSE(has_topic("my mother-in-law brings it up every single time", "sleep"));
    // Pacing a car park is no run.
    CHECK_FALSE(has_topic("spent the call pacing the car park", "running"));
    // A quiet house is an empty one, not housework; "solo" is "only", not "alone".
    CHECK_FALSE(has_topic("the house is so quiet without them", "house"));
    CHECK_FALSE(has_topic("yo solo les grito", "loneliness"));
    CHECK(has_topic("me siento sola con los tres", "loneliness"));
    // Asleep when she got home is a missed evening, not their sleep.
    CHECK_FALSE(has_topic("cuando llegué ya estaban dormidos", "sleep"));
    CHECK(has_topic("cuando llegué ya estaban dormidos", "family-time"));
}

TEST_CASE("the children adjusting or coping without her are darker words", "[reading][support]") {
    CHECK(darker("I keep thinking the kids would adjust. They're young"));
    CHECK(darker("what if I just kept going. Everyone would cope"));
    CHECK(darker("pienso en no volver. Los niños ni lo notarían"));
    CHECK_FALSE(darker("He'll end up with no future if he keeps gaming"));
}

TEST_CASE("a negation in a condition is the condition's, not the darker words'",
          "[reading][support]") {
    CHECK(darker("if I just didn't turn up one day the kids would adjust"));
    CHECK(darker("if i never came home they'd be better off"));
    CHECK(darker("if I didn't come back everyone would cope"));
    CHECK(darker("sometimes I wish I didn't wake up"));
    CHECK(darker("if I just didn't wake up one day"));
    // Outside a condition the negation still holds, and her child's sleep is no wish.
    CHECK_FALSE(darker("I don't think they'd be better off without me"));
    CHECK_FALSE(darker("she didn't wake up till 7, bliss"));
    CHECK_FALSE(darker("I wish I didn't wake up at 5 every day"));
}
