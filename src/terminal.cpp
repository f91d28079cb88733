// SPDX-License-Identifier: MIT
// Terminal detection, colour, questions, the editor and atomic file writes.
#include "guilt/terminal.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <utility>

#include "guilt/error.hpp"
#include "guilt/text.hpp"

namespace guilt {

bool is_terminal(std::FILE* stream) { return ::isatty(::fileno(stream)) == 1; }

int terminal_width() {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
    return 80;
}

int prose_width() { return std::min(terminal_width(), 80); }

bool utf8_locale() {
    // The first of these that is set decides, as in setlocale(LC_CTYPE, "").
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* v = std::getenv(name);
        if (v == nullptr || *v == '\0') continue;
        auto lower = to_lower(v);
        return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
    }
    return false;
}

std::string read_all(std::FILE* stream) {
    std::string out;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stream)) > 0) out.append(buf, n);
    return out;
}

std::string paint(std::string_view text, Style style, bool on) {
    if (!on) return std::string(text);
    const char* code = "";
    switch (style) {
        case Style::bold: code = "1"; break;
        case Style::dim: code = "2"; break;
        case Style::accent: code = "36"; break;
        case Style::warn: code = "33"; break;
    }
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

std::optional<std::string> ask(std::string_view question) {
    std::cerr << question << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) {
        std::cerr << '\n';
        return std::nullopt;
    }
    return line;
}

std::string editor_command(const std::string& preferred) {
    if (!preferred.empty()) return preferred;
    for (const char* name : {"VISUAL", "EDITOR"})
        if (const char* v = std::getenv(name); v && *v) return v;
    return "vi";
}

namespace {

void write_all(int fd, std::string_view content, const std::string& path) {
    while (!content.empty()) {
        auto n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw StoreError(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
        content.remove_prefix(static_cast<std::size_t>(n));
    }
}

}  // namespace

std::string edit_in_editor(const std::string& initial, const std::string& editor) {
    auto dir = std::filesystem::temp_directory_path().string();
    std::string path = dir + "/guilt-XXXXXX.txt";
    int fd = ::mkstemps(path.data(), 4);  // mode 0600
    if (fd < 0) throw StoreError(fmt::format("{}: cannot create a temporary file: {}", dir, std::strerror(errno)));
    struct Cleanup {
        std::string path;
        int fd;
        ~Cleanup() {
            if (fd >= 0) ::close(fd);
            ::unlink(path.c_str());
        }
    } cleanup{path, fd};
    write_all(fd, initial, path);
    ::close(std::exchange(cleanup.fd, -1));

    // Through the shell, like git, so EDITOR="code --wait" works; the path is passed as $1.
    pid_t pid = ::fork();
    if (pid < 0) throw StoreError(fmt::format("cannot start the editor: {}", std::strerror(errno)));
    if (pid == 0) {
        std::string script = editor + " \"$1\"";
        ::execl("/bin/sh", "sh", "-c", script.c_str(), "sh", path.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw StoreError(fmt::format("the editor ({}) failed; nothing was saved", editor));
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw StoreError(fmt::format("{}: cannot read what the editor saved", path));
    auto text = read_all(f);
    std::fclose(f);
    return text;
}

void write_file_atomically(const std::string& path, std::string_view content) {
    auto target = std::filesystem::path(path);
    auto dir = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    std::string tmp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(tmp.data());  // mode 0600
    if (fd < 0) throw StoreError(fmt::format("{}: cannot create a file there: {}", dir.string(), std::strerror(errno)));
    try {
        write_all(fd, content, path);
        if (::fsync(fd) != 0) throw StoreError(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
    } catch (...) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw;
    }
    ::fchmod(fd, 0600);
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw StoreError(fmt::format("{}: cannot write: {}", path, std::strerror(err)));
    }
}

}  // namespace guilt
