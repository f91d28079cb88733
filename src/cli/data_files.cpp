// SPDX-License-Identifier: MIT
// Choosing between her data files and the built-in ones.
#include "guilt/cli/data_files.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>

#include "guilt/cli/embedded.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/reflect.hpp"

namespace guilt {

std::string config_dir() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::string(x) + "/guilt";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/guilt";
    return "";
}

std::optional<std::string> read_own_file(const std::string& path) {
    // Opened without waiting (a FIFO would block until someone writes to it), then looked at.
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw StoreError(fmt::format(
            "{}: is not a regular file, so guilt does not read it (replace it with a file, or "
            "remove it)",
            path));
    }
    std::string text;
    char buffer[65536];
    ssize_t got = 0;
    while ((got = ::read(fd, buffer, sizeof buffer)) > 0)
        text.append(buffer, static_cast<std::size_t>(got));
    ::close(fd);
    if (got < 0) throw StoreError(fmt::format("{}: cannot read the file", path));
    return text;
}

namespace {

// Her file NAME's contents and path, when she has one.
std::optional<std::pair<std::string, std::string>> her_data_file(const char* name) {
    auto dir = config_dir();
    if (dir.empty()) return std::nullopt;
    auto path = dir + "/" + name;
    if (auto text = read_own_file(path)) return std::pair{std::move(*text), path};
    return std::nullopt;
}

}  // namespace

const Lexicon& load_lexicon() {
    // Her own lexicon.json is read as JSON; the built-in one was compiled with guilt (and its
    // rule ids checked then).
    static const Lexicon* lexicon = [] {
        if (auto own = her_data_file("lexicon.json")) {
            auto lex = parse_lexicon(own->first, own->second);
            require_ids(lex, rule_topic_ids(), rule_distortion_ids(), own->second);
            return new Lexicon(std::move(lex));
        }
        auto built_in = embedded_file("lexicon.compiled");
        if (!built_in) throw StoreError("the built-in lexicon is missing from this build");
        return new Lexicon(
            read_compiled_lexicon(*built_in, "built-in lexicon", CompiledBytes::view));
    }();
    return *lexicon;
}

StrategyBook load_strategies() {
    // Her own strategies.json is read as JSON; the built-in one was compiled with guilt.
    if (auto own = her_data_file("strategies.json"))
        return parse_strategies(own->first, own->second);
    auto built_in = embedded_file("strategies.compiled");
    if (!built_in) throw StoreError("the built-in strategies are missing from this build");
    return read_compiled_strategies(*built_in, "built-in strategies");
}

const Helplines& helplines() {
    static const Helplines all = [] {
        auto built_in = embedded_file("helplines.json");
        if (!built_in) throw StoreError("built-in helplines.json is missing from this build");
        return parse_helplines(*built_in, "built-in helplines.json");
    }();
    return all;
}

}  // namespace guilt
