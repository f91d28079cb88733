// SPDX-License-Identifier: MIT
// pugixml helpers shared by the GPX and TCX readers: a parsed document that can say on which
// line a node is, and element lookup by local name (GPX and TCX files use namespace prefixes
// or not, as their writer pleased). Private to src/import/.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace guilt::import {

class Xml {
  public:
    // Parses `text`. Throws UsageError "line L: not well-formed XML (...)".
    explicit Xml(std::string text);

    // The document element, which must have the local name `name`; else throws UsageError
    // "is not WHAT (its root element is <x>)".
    pugi::xml_node root(const char* name, const char* what) const;

    // "line L" of a node.
    std::string line(pugi::xml_node node) const;

    // A <time>-like element's text as seconds since the epoch. Throws UsageError naming the
    // line, the element and the value.
    std::int64_t time(pugi::xml_node element) const;

    // A number in an element or attribute's text. Throws UsageError naming the line and value.
    double number(pugi::xml_node element) const;

    // A number from `lo` to `hi` in a child element that must be there (a coordinate).
    double number_in(pugi::xml_node element, double lo, double hi) const;

  private:
    std::string m_text;
    pugi::xml_document m_doc;
};

// The name without its namespace prefix.
const char* local_name(pugi::xml_node node);

// The first child element with this local name (empty when none), and all of them.
pugi::xml_node child(pugi::xml_node parent, const char* name);
std::vector<pugi::xml_node> children(pugi::xml_node parent, const char* name);

// The text of the first child element with this local name, trimmed; empty when none.
std::string child_text(pugi::xml_node parent, const char* name);

}  // namespace guilt::import
