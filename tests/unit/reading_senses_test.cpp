// SPDX-License-Identifier: MIT
// Unit tests of the reading's senses and speakers (src/core/reading/, docs/reading.md) on the
// built-in vocabulary, rules read from new writers' sets: each pinned on sentences written for
// it, none from the corpora it is measured on.
#include <catch2/catch.hpp>

#include "reading_helpers.hpp"

using test::reading::darker;
using test::reading::distortion;
using test::reading::has_topic;

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

TEST_CASE("other mothers whose minds she reads are her audience, not her measure",
          "[reading][speaker]") {
    CHECK(distortion("the other mums at the gate think I'm a disaster", "comparison").empty());
    CHECK(distortion("the other mums at the gate think I'm a disaster", "mind-reading") != "");
    // Without a mind read, the other mothers are her measure.
    CHECK(distortion("the other mums at the gate all have it together", "comparison") != "");
}

TEST_CASE("self-mockery said as praise, in English and Spanish", "[reading][distortions]") {
    CHECK(distortion("cereal for dinner again. top tier mothering", "sarcasm") != "");
    CHECK(distortion("hot cheetos for lunch. parenting over here", "sarcasm") != "");
    CHECK(distortion("Me quedé dormida mientras me contaba. Qué mamá tan presente", "sarcasm") !=
          "");
    CHECK(distortion("She's a great mum", "sarcasm").empty());
}

TEST_CASE("a call that takes her while they are there is her attention", "[reading][topics]") {
    CHECK(has_topic("Spent his whole swimming lesson on a work call in the car park", "attention"));
    CHECK(has_topic("told the 3yo shh mummy's on a call about 40 times", "attention"));
    CHECK(has_topic("Sorry mija, mami tiene un meeting", "attention"));
    CHECK_FALSE(has_topic("I'm on call this weekend", "attention"));
}

TEST_CASE("children asleep when she comes and goes are no sleep trouble", "[reading][topics]") {
    CHECK_FALSE(has_topic("She's sleeping when I leave and sleeping when I get in", "sleep"));
    CHECK_FALSE(has_topic("se quedó dormida esperándome", "sleep"));
    CHECK(has_topic("she won't sleep unless I'm there", "sleep"));
}

TEST_CASE("darker words of the kinds new writers brought", "[reading][support]") {
    CHECK(darker("I just want to not be here for a while"));
    CHECK_FALSE(darker("I'll not be here for her recital, I'm on a late"));
    CHECK(darker("No es cansancio. Es que no quiero seguir"));
    CHECK(darker("I pray God will just take me in my sleep"));
    CHECK(darker("Reviewed my will, updated the guardianship for Theo. Everything's tidy now"));
    CHECK(darker("carrying her down the stairs and a thought came, what if I just let go"));
    CHECK(darker("I've been thinking how I could make it look like an accident"));
    // Said with "nah", the thought of harm is negated.
    CHECK_FALSE(darker("nah mi nah hurt myself before anybody ask. just tired"));
}

TEST_CASE("a negation does not reach into a clause that 'when' or 'cuando' opens",
          "[reading][support]") {
    // Each of these is read as negated without the rule: the negation is of the wanting, the
    // having to, the knowing.
    CHECK(darker("Así no tendrá que buscar nada cuando yo no esté"));
    CHECK(darker("I don't want them to be sad when I'm gone"));
    CHECK(darker("no sé cuánto más aguanto"));
    // The negation of the clause itself still holds.
    CHECK_FALSE(darker("no es que quiera desaparecer, solo necesito dormir"));
}

TEST_CASE("darker words said as goodbyes, plans and images", "[reading][support]") {
    CHECK(darker("Auntie, if you read this after, the receipts are in the Bible. Mummy tried."));
    CHECK(darker("tengo las pastillas contadas en la gaveta"));
    CHECK(darker("they'd notice the gap for a week and then the water would close over it"));
    CHECK_FALSE(darker("Mummy's trying her best with the reading log"));
    CHECK_FALSE(darker("no quiero seguir peleando con ella por las tareas"));
    CHECK_FALSE(darker("me despedí de los chicos en el aeropuerto, me voy tres semanas"));
}

TEST_CASE("on a darker night the children's care she writes of is what she puts in order",
          "[reading][support][topics]") {
    // Their lunches, their school bag, who keeps them: the arrangements of a goodbye.
    const std::string goodbye =
        "made their lunches and packed the school bag. wrote them each a "
        "goodbye letter tonight";
    CHECK(darker(goodbye));
    CHECK_FALSE(has_topic(goodbye, "food"));
    CHECK_FALSE(has_topic(goodbye, "school"));
    // The same words on an ordinary night are what the guilt is about.
    CHECK(has_topic("made their lunches and packed the school bag at midnight", "food"));
    CHECK(has_topic("made their lunches and packed the school bag at midnight", "school"));
    // What the guilt is about beside the darker words stays: yelling, her job.
    CHECK(has_topic("yelled at them again. they'd be better off without me", "discipline"));
    // A tag she chose herself is hers on any night.
    auto tagged =
        guilt::read_words(test::built_in_lexicon(), "they'd be better off without me", {"school"});
    CHECK(std::ranges::find(tagged.topics, "school") != tagged.topics.end());
}

TEST_CASE("'and I' after someone else's words gives the darker words back to her",
          "[reading][speaker][support]") {
    CHECK(darker("todos dicen échale ganas y yo ya no tengo ganas de nada, ni de ellos"));
    CHECK_FALSE(darker("todos dicen que ya no tengo ganas de nada"));
    // Not her distortions: "and I should stop googling" is still the doctor's advice.
    CHECK(distortion("the GP said it's just a virus and I should stop googling", "should").empty());
}

TEST_CASE("a word that only hedges or stresses does not break a phrase", "[reading][fillers]") {
    // "just", "really", "actually", "realmente" inside a phrase leave its meaning as it was.
    CHECK(darker("they deserve a mum who actually wants to be here"));
    CHECK(darker("had a thought of just dropping him, standing at the top of the stairs"));
    CHECK(darker("nobody would actually miss me"));
    // A filler does not carry a phrase over a clause's end.
    CHECK_FALSE(
        test::reading::darker_by_cues("they deserve a mum who, honestly, wants to be here more"));
}

TEST_CASE("her own remorse is not a distortion; what she fears of others may be",
          "[reading][all-or-nothing]") {
    CHECK(distortion("Nunca me lo voy a perdonar", "all-or-nothing").empty());
    CHECK(distortion("I'll never forgive myself for that", "catastrophising").empty());
    CHECK_FALSE(distortion("He'll never forgive me. Never.", "catastrophising").empty());
}
