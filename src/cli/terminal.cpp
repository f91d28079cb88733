// SPDX-License-Identifier: MIT
// Terminal detection, colour, questions, the editor and atomic file writes.
#include "guilt/cli/terminal.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <utility>

#include "guilt/cli/data_files.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

bool is_terminal(std::FILE* stream) {
    return ::isatty(::fileno(stream)) == 1;
}

int terminal_width() {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
    return 80;
}

int prose_width() {
    return std::min(terminal_width(), 80);
}

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
    while ((n = std::fread(buf, 1, sizeof buf, stream)) > 0)
        out.append(buf, n);
    return out;
}

std::string paint(std::string_view text, Style style, bool on) {
    if (!on) return std::string(text);
    const char* code = "";
    switch (style) {
        case Style::bold:
            code = "1";
            break;
        case Style::dim:
            code = "2";
            break;
        case Style::accent:
            code = "36";
            break;
        case Style::warn:
            code = "33";
            break;
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

namespace {

// `editor = COMMAND` from her own config file, or empty.
std::string configured_editor() {
    auto dir = config_dir();
    if (dir.empty()) return "";
    std::istringstream in(read_own_file(dir + "/config").value_or(""));
    std::string line;
    std::string editor;
    while (std::getline(in, line)) {
        auto text = trim(line);
        if (text.empty() || text.front() == '#') continue;
        auto eq = text.find('=');
        if (eq == std::string_view::npos || trim(text.substr(0, eq)) != "editor") continue;
        editor = std::string(trim(text.substr(eq + 1)));  // the last one counts
    }
    return editor;
}

// While the editor is open, a signal that ends guilt (Ctrl-C, a closed terminal, kill) first
// ends the editor and removes the temporary file with her words, then ends guilt as it would
// have: the handler only uses calls that are safe in a signal handler.
constexpr int kEditorSignals[] = {SIGINT, SIGHUP, SIGTERM, SIGQUIT};
char g_draft_path[PATH_MAX];
volatile pid_t g_editor_pid = 0;

extern "C" void end_editing(int sig) {
    if (g_editor_pid > 0) ::kill(g_editor_pid, sig == SIGHUP ? SIGHUP : SIGTERM);
    ::unlink(g_draft_path);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

// Installs end_editing for the life of the editor, and puts the old handlers back after.
class SignalsWhileEditing {
  public:
    explicit SignalsWhileEditing(const std::string& path) {
        std::snprintf(g_draft_path, sizeof g_draft_path, "%s", path.c_str());
        struct sigaction action {};
        action.sa_handler = end_editing;
        ::sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < std::size(kEditorSignals); ++i) {
            ::sigaction(kEditorSignals[i], nullptr, &m_old[i]);
            // A signal ignored when guilt started (nohup) stays ignored.
            if (m_old[i].sa_handler != SIG_IGN) ::sigaction(kEditorSignals[i], &action, nullptr);
        }
    }
    ~SignalsWhileEditing() {
        restore();
        g_editor_pid = 0;
        g_draft_path[0] = '\0';
    }
    // Puts the handlers back as they were (also in the editor's process, before its exec).
    void restore() const {
        for (std::size_t i = 0; i < std::size(kEditorSignals); ++i)
            ::sigaction(kEditorSignals[i], &m_old[i], nullptr);
    }
    SignalsWhileEditing(const SignalsWhileEditing&) = delete;
    SignalsWhileEditing& operator=(const SignalsWhileEditing&) = delete;

  private:
    struct sigaction m_old[std::size(kEditorSignals)]{};
};

}  // namespace

std::string editor_command() {
    if (auto configured = configured_editor(); !configured.empty()) return configured;
    for (const char* name : {"VISUAL", "EDITOR"})
        if (const char* v = std::getenv(name); v && *v) return v;
    return "vi";
}

EditorDraft::~EditorDraft() = default;

void EditorDraft::discard() {
    if (!m_path.empty()) ::unlink(m_path.c_str());
    m_path.clear();
}

EditorDraft edit_in_editor(const std::string& initial) {
    auto editor = editor_command();
    auto dir = std::filesystem::temp_directory_path().string();
    EditorDraft draft;
    std::string path = dir + "/guilt-XXXXXX.txt";
    int fd = ::mkstemps(path.data(), 4);  // mode 0600
    if (fd < 0)
        throw StoreError(
            fmt::format("{}: cannot create a temporary file: {}", dir, std::strerror(errno)));
    draft.m_path = path;
    std::FILE* out = ::fdopen(fd, "wb");
    bool written =
        out != nullptr && std::fwrite(initial.data(), 1, initial.size(), out) == initial.size();
    if (out == nullptr ? ::close(fd) != 0 : std::fclose(out) != 0) written = false;
    if (!written) {
        draft.discard();
        throw StoreError(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
    }

    int status = 0;
    {
        SignalsWhileEditing signals(path);
        // Through the shell, like git, so EDITOR="code --wait" works; the path is passed as $1.
        pid_t pid = ::fork();
        if (pid < 0) {
            draft.discard();
            throw StoreError(fmt::format("cannot start the editor: {}", std::strerror(errno)));
        }
        if (pid == 0) {
            signals.restore();
            // exec: the editor takes the shell's place, so a signal sent to it reaches the editor.
            std::string script = "exec " + editor + " \"$1\"";
            ::execl("/bin/sh", "sh", "-c", script.c_str(), "sh", path.c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        g_editor_pid = pid;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        draft.discard();
        throw StoreError(fmt::format("the editor ({}) failed; nothing was saved", editor));
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw StoreError(fmt::format("{}: cannot read what the editor saved", path));
    draft.text = read_all(f);
    std::fclose(f);
    return draft;
}

void saving_draft(EditorDraft& draft, const std::function<void()>& save) {
    auto kept = [&](const std::exception& e) {
        return fmt::format("{} (your text is kept in {})", e.what(), draft.path());
    };
    try {
        save();
    } catch (const UsageError& e) {
        if (draft.path().empty()) throw;
        throw UsageError(kept(e));
    } catch (const std::exception& e) {
        if (draft.path().empty()) throw;
        throw StoreError(kept(e));
    }
    draft.discard();
}

}  // namespace guilt
