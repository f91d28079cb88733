// SPDX-License-Identifier: MIT
// libFuzzer target: tag and kid extraction, UTF-8 checks and shortening on any bytes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    bool valid = true;
    try {
        guilt::check_text(text, "TEXT");
    } catch (const guilt::UsageError&) {
        valid = false;
    }
    auto lowered = guilt::to_lower(text);
    for (const auto& tag : guilt::extract_tags(text))  // a tag is a lower-cased piece of the text
        if (tag.empty() || tag != guilt::to_lower(tag) || lowered.find(tag) == std::string::npos)
            std::abort();
    for (const auto& kid : guilt::extract_kids(text))
        if (kid.empty() || text.find(kid) == std::string_view::npos) std::abort();
    if (valid) {
        auto short_text = guilt::shorten(text, 20);
        guilt::check_text(short_text, "shortened");  // never splits a character
        if (guilt::display_width(short_text) > 20) std::abort();
    }
    return 0;
}
