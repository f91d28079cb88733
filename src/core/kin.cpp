// SPDX-License-Identifier: MIT
// Whether an @Name in her words is someone other than her child, by the word that says so:
// "my niece @Mia", "@Mia (my niece)", "my sister @Ana". A short closed list, like the
// pronouns: the people a mother names beside her kids, in English and Spanish.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>

#include "guilt/core/text.hpp"

namespace guilt {

namespace {

// Someone who is never her own child, whoever's they are: "his friend @Leo" is her son's.
constexpr std::array<std::string_view, 78> kNeverHerChild = {
    "niece",         "nieces",        "nephew",         "nephews",       "cousin",
    "cousins",       "husband",       "hubby",          "wife",          "partner",
    "boyfriend",     "girlfriend",    "fiance",         "fiancé",        "ex",
    "mom",           "mum",           "mother",         "mama",          "dad",
    "father",        "papa",          "grandma",        "grandpa",       "granny",
    "grandmother",   "grandfather",   "grandson",       "granddaughter", "grandchild",
    "aunt",          "auntie",        "uncle",          "godson",        "goddaughter",
    "godchild",      "friend",        "friends",        "bff",           "neighbour",
    "neighbor",      "boss",          "colleague",      "coworker",      "co-worker",
    "manager",       "teacher",       "coach",          "nanny",         "babysitter",
    "sitter",        "doctor",        "therapist",      "mil",           "mother-in-law",
    "father-in-law", "sister-in-law", "brother-in-law", "sobrina",       "sobrino",
    "prima",         "primo",         "marido",         "esposo",        "esposa",
    "pareja",        "novio",         "novia",          "amiga",         "amigo",
    "suegra",        "suegro",        "abuela",         "abuelo",        "tía",
    "tío",           "vecina",        "niñera"};

// Her children are each other's siblings ("his sister @Ana"): a sibling is hers only as "my".
constexpr std::array<std::string_view, 8> kSibling = {"sister",  "brother",  "sis",     "bro",
                                                      "sisters", "brothers", "hermana", "hermano"};
constexpr std::array<std::string_view, 6> kMine = {"my", "our", "mi", "mis", "nuestra", "nuestro"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

bool word_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80 || c == '-' || c == '\'';
}

// The lower-cased word that ends before `pos` (spaces skipped), and where it starts.
std::pair<std::string, std::size_t> word_before(std::string_view text, std::size_t pos) {
    while (pos > 0 && text[pos - 1] == ' ')
        --pos;
    auto end = pos;
    while (pos > 0 && word_byte(text[pos - 1]))
        --pos;
    return {to_lower(text.substr(pos, end - pos)), pos};
}

// The lower-cased word that starts at `pos` (spaces skipped), and where it ends.
std::pair<std::string, std::size_t> word_after(std::string_view text, std::size_t pos) {
    while (pos < text.size() && text[pos] == ' ')
        ++pos;
    auto start = pos;
    while (pos < text.size() && word_byte(text[pos]))
        ++pos;
    return {to_lower(text.substr(start, pos - start)), pos};
}

bool relation(std::string_view word, std::string_view before) {
    return among(kNeverHerChild, word) || (among(kSibling, word) && among(kMine, before));
}

}  // namespace

bool names_someone_else(std::string_view text, std::size_t at, std::size_t end) {
    // Before: "my niece @Mia", "her friend @Zoe".
    auto [word, start] = word_before(text, at);
    if (relation(word, word_before(text, start).first)) return true;
    // After, set apart: "@Mia (my niece)", "@Mia, my niece".
    auto pos = end;
    while (pos < text.size() && text[pos] == ' ')
        ++pos;
    if (pos >= text.size() || (text[pos] != ',' && text[pos] != '(')) return false;
    auto [first, after] = word_after(text, pos + 1);
    if (among(kMine, first)) return relation(word_after(text, after).first, first);
    return relation(first, "");
}

}  // namespace guilt
