// SPDX-License-Identifier: MIT
// pugixml helpers for the GPX and TCX readers.
#include "xml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "guilt/cli/activity.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "readers.hpp"

namespace guilt::import {

namespace {

// pugixml's memory, counted across the one document parsed at a time: a tree past
// kMaxXmlTreeBytes is refused, for a file of "<a/>" repeated makes 64 bytes of tree for every 4
// bytes of text. Each block carries its size in front of it.
std::size_t g_tree_bytes = 0;
constexpr std::size_t kBlockHeader = alignof(std::max_align_t);

void* counted_allocate(std::size_t size) {
    if (size > kMaxXmlTreeBytes - g_tree_bytes) return nullptr;  // pugixml: out of memory
    auto* block = static_cast<unsigned char*>(std::malloc(size + kBlockHeader));
    if (!block) return nullptr;
    std::memcpy(block, &size, sizeof size);
    g_tree_bytes += size;
    return block + kBlockHeader;
}

void counted_deallocate(void* p) {
    if (!p) return;
    auto* block = static_cast<unsigned char*>(p) - kBlockHeader;
    std::size_t size = 0;
    std::memcpy(&size, block, sizeof size);
    g_tree_bytes -= size;
    std::free(block);
}

// Installed before any document exists, so every block pugixml frees is one of these.
const bool kCountedMemory =
    (pugi::set_memory_management_functions(counted_allocate, counted_deallocate), true);

}  // namespace

std::string line_of(std::string_view text, std::ptrdiff_t offset) {
    auto end = text.begin() + std::clamp<std::ptrdiff_t>(offset, 0, std::ssize(text));
    return fmt::format("line {}", 1 + std::count(text.begin(), end, '\n'));
}

Xml::Xml(std::string text) : m_text(std::move(text)) {
    (void)kCountedMemory;
    auto result = m_doc.load_buffer(m_text.data(), m_text.size(), pugi::parse_default);
    if (result.status == pugi::status_out_of_memory)
        throw UsageError(fmt::format(
            "holds more XML than guilt reads in one file (its elements would take more than {} "
            "MB of memory); a recorded activity takes far less",
            kMaxXmlTreeBytes >> 20));
    if (!result)
        throw UsageError(fmt::format("{}: not well-formed XML ({})", line_of(m_text, result.offset),
                                     result.description()));
}

pugi::xml_node Xml::root(const char* name, const char* what) const {
    auto root = m_doc.document_element();
    if (std::strcmp(local_name(root), name) != 0)
        throw UsageError(fmt::format("is not {} (its root element is <{}>)", what, root.name()));
    return root;
}

std::string Xml::line(pugi::xml_node node) const {
    return line_of(m_text, node.offset_debug());
}

std::int64_t Xml::time(pugi::xml_node element) const {
    std::string text = element.text().get();
    auto t = parse_xml_time(text);
    if (!t)
        throw UsageError(
            fmt::format("{}: <{}> must be a time like 2025-07-01T10:30:00Z, got \"{}\"",
                        line(element), element.name(), shorten(text, 40)));
    return *t;
}

double Xml::number(pugi::xml_node element) const {
    std::string text(trim(element.text().get()));
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(v >= 0) || v > 1e9)
        throw UsageError(fmt::format("{}: <{}> must be a number, got \"{}\"", line(element),
                                     element.name(), shorten(text, 40)));
    return v;
}

double Xml::number_in(pugi::xml_node element, double lo, double hi) const {
    std::string text(trim(element.text().get()));
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (!element || text.empty() || *end != '\0' || !(v >= lo && v <= hi))
        throw UsageError(fmt::format("{}: <{}> must be a number from {} to {}, got \"{}\"",
                                     line(element ? element : element.parent()),
                                     element ? element.name() : "a coordinate", lo, hi,
                                     shorten(text, 40)));
    return v;
}

const char* local_name(pugi::xml_node node) {
    const char* name = node.name();
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
}

pugi::xml_node child(pugi::xml_node parent, const char* name) {
    for (auto c = parent.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && std::strcmp(local_name(c), name) == 0) return c;
    return {};
}

std::vector<pugi::xml_node> children(pugi::xml_node parent, const char* name) {
    std::vector<pugi::xml_node> out;
    for (auto c = parent.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && std::strcmp(local_name(c), name) == 0)
            out.push_back(c);
    return out;
}

std::string child_text(pugi::xml_node parent, const char* name) {
    return std::string(trim(child(parent, name).text().get()));
}

}  // namespace guilt::import
