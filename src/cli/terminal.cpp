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
#include "guilt/cli/private_folder.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {
constexpr const char* kDraftName = "entry.txt";  // her words, in the editor's private folder
constexpr long kNarrowest = 20, kWidest = 1000;  // the widths taken from COLUMNS or the terminal
}  // namespace

bool is_terminal(std::FILE* stream) {
    return ::isatty(::fileno(stream)) == 1;
}

int terminal_width(std::FILE* stream) {
    // $COLUMNS first, as ls and man read it: she (or a script) can ask for any width.
    if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
        char* end = nullptr;
        long n = std::strtol(columns, &end, 10);
        if (*end == '\0' && n >= kNarrowest && n <= kWidest) return static_cast<int>(n);
    }
    winsize ws{};
    if (::ioctl(::fileno(stream), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= kNarrowest)
        return ws.ws_col;
    return 80;
}

int prose_width() {
    return terminal_width();
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

// While the editor is open, Ctrl-C and Ctrl-\ belong to the editor, as with git: guilt ignores
// them and waits for it (vim, say, takes Ctrl-C as a key). A signal that ends guilt (a closed
// terminal, kill) first ends the editor; once it has ended, guilt removes the temporary folder
// with her words and the editor's own files (a swap file), then ends as it would have. A second
// such signal kills an editor that did not end. The handler only uses calls that are safe there.
// The signals that end guilt come first, then the keys that belong to the editor.
constexpr int kEditorSignals[] = {SIGHUP, SIGTERM, SIGINT, SIGQUIT};
constexpr std::size_t kEndingSignals = 2;
volatile pid_t g_editor_pid = 0;
volatile std::sig_atomic_t g_ending_signal = 0;

extern "C" void end_editing(int sig) {
    pid_t pid = g_editor_pid;
    if (pid > 0) ::kill(pid, g_ending_signal != 0 ? SIGKILL : sig == SIGHUP ? SIGHUP : SIGTERM);
    g_ending_signal = sig;
}

// Installs end_editing and ignores the editor's keys for the life of the editor, and puts the
// old handlers back after.
class SignalsWhileEditing {
  public:
    SignalsWhileEditing() {
        g_ending_signal = 0;
        struct sigaction action {};
        action.sa_handler = end_editing;
        ::sigemptyset(&action.sa_mask);
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        ::sigemptyset(&ignore.sa_mask);
        for (std::size_t i = 0; i < std::size(kEditorSignals); ++i) {
            ::sigaction(kEditorSignals[i], nullptr, &m_old[i]);
            // A signal ignored when guilt started (nohup) stays ignored.
            if (m_old[i].sa_handler == SIG_IGN) continue;
            bool ending = i < kEndingSignals;
            ::sigaction(kEditorSignals[i], ending ? &action : &ignore, nullptr);
        }
    }
    ~SignalsWhileEditing() {
        restore();
        g_editor_pid = 0;
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

// Runs `editor` on `path` through the shell, like git, so EDITOR="code --wait" works (the path
// is passed as $1), and returns its wait status. When a signal ended guilt's wait, removes
// `draft`'s folder and ends guilt by that signal.
int run_editor(const std::string& editor, const std::string& path, EditorDraft& draft) {
    int status = 0;
    SignalsWhileEditing signals;
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
    if (g_ending_signal != 0) ::kill(pid, SIGTERM);  // it came before the editor's pid was known
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    g_editor_pid = 0;
    if (int sig = g_ending_signal; sig != 0) {
        draft.discard();
        ::signal(sig, SIG_DFL);
        ::raise(sig);
    }
    return status;
}

}  // namespace

std::string editor_command() {
    if (auto configured = configured_editor(); !configured.empty()) return configured;
    for (const char* name : {"VISUAL", "EDITOR"})
        if (const char* v = std::getenv(name); v && *v) return v;
    return "vi";
}

EditorDraft::~EditorDraft() = default;

EditorDraft::EditorDraft(EditorDraft&& other) noexcept
    : text(std::move(other.text)),
      m_path(std::exchange(other.m_path, {})),
      m_folder(std::move(other.m_folder)) {
    other.m_folder.reset();
}

void EditorDraft::discard() {
    m_folder.reset();  // the folder goes with everything in it
    m_path.clear();
}

void EditorDraft::keep() {
    if (m_folder) m_folder->keep_only(kDraftName);
}

EditorDraft edit_in_editor(const std::string& initial) {
    auto editor = editor_command();
    EditorDraft draft;
    draft.m_folder.emplace();  // $TMPDIR/guilt-XXXXXX, 0700: the editor's files stay in it
    std::string path = draft.m_folder->file(kDraftName);
    draft.m_path = path;
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    std::FILE* out = fd < 0 ? nullptr : ::fdopen(fd, "wb");
    bool written =
        out != nullptr && std::fwrite(initial.data(), 1, initial.size(), out) == initial.size();
    if (out == nullptr ? fd < 0 || ::close(fd) != 0 : std::fclose(out) != 0) written = false;
    if (!written) {
        auto err = errno;
        draft.discard();
        throw StoreError(fmt::format("{}: cannot write: {}", path, std::strerror(err)));
    }
    int status = run_editor(editor, path, draft);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        draft.discard();
        throw StoreError(fmt::format("the editor ({}) failed; nothing was saved", editor));
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        draft.keep();
        throw StoreError(fmt::format("{}: cannot read what the editor saved", path));
    }
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
        draft.keep();
        throw UsageError(kept(e));
    } catch (const std::exception& e) {
        if (draft.path().empty()) throw;
        draft.keep();
        throw StoreError(kept(e));
    }
    draft.discard();
}

}  // namespace guilt
