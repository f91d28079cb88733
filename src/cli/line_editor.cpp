// SPDX-License-Identifier: MIT
// The line editor on libedit (BSD licensed, like guilt), the one-key question on termios, and
// the signal handling that gives the terminal back as it was whatever ends the process.
// libedit is opened when she first answers at the terminal, never at start-up
// (shared_library.hpp).
#include "guilt/cli/line_editor.hpp"

#include <fmt/format.h>
#include <histedit.h>
#include <langinfo.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstring>
#include <cwchar>
#include <iostream>

#include "guilt/cli/shared_library.hpp"
#include "guilt/core/error.hpp"

namespace guilt {

std::optional<char32_t> first_control_character(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x20 || c == 0x7f) return c;
        // C1 controls, U+0080-U+009F, are 0xC2 0x80-0x9F in UTF-8.
        if (c == 0xc2 && i + 1 < line.size()) {
            auto next = static_cast<unsigned char>(line[i + 1]);
            if (next >= 0x80 && next <= 0x9f) return next;
        }
    }
    return std::nullopt;
}

std::string flatten_paste(std::string_view pasted) {
    std::string out;
    bool in_break = false;
    for (char ch : pasted) {
        auto c = static_cast<unsigned char>(ch);
        if (c == '\n' || c == '\r' || c == '\t') {
            in_break = true;
            continue;
        }
        if (c < 0x20 || c == 0x7f) continue;
        if (in_break && !out.empty() && out.back() != ' ') out += ' ';
        in_break = false;
        out += ch;
    }
    return out;
}

std::string without_control_characters(std::string_view line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x20 || c == 0x7f) continue;
        if (c == 0xc2 && i + 1 < line.size()) {
            auto next = static_cast<unsigned char>(line[i + 1]);
            if (next >= 0x80 && next <= 0x9f) {
                ++i;
                continue;
            }
        }
        out += line[i];
    }
    return out;
}

std::string control_character_name(char32_t c) {
    return fmt::format("0x{:02x}", static_cast<std::uint32_t>(c));
}

namespace {

// The libedit functions guilt calls, found by the first LineEditor.
// clang-format off
#define GUILT_LIBEDIT_FUNCTIONS(X, p) \
    X(p, init) X(p, end) X(p, set) X(p, get) X(p, gets) X(p, wgetc) X(p, insertstr) X(p, push)
// clang-format on
GUILT_SHARED_LIBRARY(Libedit, libedit, GUILT_LIBEDIT_FUNCTIONS, el_, GUILT_LIBEDIT_SONAME,
                     "typing answers", "libedit2")

constexpr char kPasteOn[] = "\x1b[?2004h";
constexpr char kPasteOff[] = "\x1b[?2004l";
constexpr char kPasteEnd[] = "\x1b[201~";
constexpr int kSignals[] = {SIGINT, SIGHUP, SIGTERM, SIGQUIT};

// What the signal handler must undo. Plain globals: a handler can reach nothing else.
termios g_cooked{};
volatile std::sig_atomic_t g_raw = 0;       // the terminal is in read_key's mode
volatile std::sig_atomic_t g_paste_on = 0;  // bracketed paste is on

extern "C" void restore_terminal_and_reraise(int sig) {
    if (g_paste_on) {
        auto n = ::write(STDERR_FILENO, kPasteOff, sizeof kPasteOff - 1);
        (void)n;
    }
    if (g_raw) ::tcsetattr(STDIN_FILENO, TCSANOW, &g_cooked);
    ::signal(sig, SIG_DFL);
    ::raise(sig);  // delivered, with its usual effect, once this handler returns
}

// Installs restore_terminal_and_reraise for the signals that end a session, for one read.
// libedit's own handlers (EL_SIGNAL) restore its terminal mode first, then call these.
class SignalGuard {
  public:
    SignalGuard() {
        struct sigaction sa {};
        sa.sa_handler = restore_terminal_and_reraise;
        sigemptyset(&sa.sa_mask);
        for (std::size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &sa, &m_old[i]);
    }
    ~SignalGuard() {
        for (std::size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &m_old[i], nullptr);
    }
    SignalGuard(const SignalGuard&) = delete;
    SignalGuard& operator=(const SignalGuard&) = delete;

  private:
    struct sigaction m_old[std::size(kSignals)]{};
};

// One wide character as UTF-8 (the locale is a UTF-8 one while the editor lives).
std::string to_utf8(wchar_t c) {
    char buf[MB_LEN_MAX];
    std::mbstate_t state{};
    auto n = std::wcrtomb(buf, c, &state);
    return n == static_cast<std::size_t>(-1) ? std::string() : std::string(buf, n);
}

// Bound to the start of a bracketed paste: reads up to its end and inserts it as one line, so
// a pasted paragraph becomes one answer instead of ending it at its first line break.
unsigned char insert_paste(EditLine* el, int) {
    std::string pasted;
    wchar_t c;
    while (libedit().wgetc(el, &c) == 1) {
        pasted += to_utf8(c);
        if (pasted.ends_with(kPasteEnd)) {
            pasted.resize(pasted.size() - (sizeof kPasteEnd - 1));
            break;
        }
    }
    auto line = flatten_paste(pasted);
    if (!line.empty()) libedit().insertstr(el, line.c_str());
    return CC_REFRESH;
}

// Keys that terminals send in more than one way, bound for every one of them.
constexpr std::pair<const char*, const char*> kBindings[] = {
    {"\x1b[H", "ed-move-to-beg"},       {"\x1bOH", "ed-move-to-beg"},
    {"\x1b[1~", "ed-move-to-beg"},      {"\x1b[7~", "ed-move-to-beg"},
    {"\x1b[F", "ed-move-to-end"},       {"\x1bOF", "ed-move-to-end"},
    {"\x1b[4~", "ed-move-to-end"},      {"\x1b[8~", "ed-move-to-end"},
    {"\x1b[3~", "ed-delete-next-char"}, {"\x1b[1;5D", "ed-prev-word"},
    {"\x1b[1;5C", "em-next-word"},      {"^W", "ed-delete-prev-word"},
    {"\x1b[200~", "guilt-paste"},
};

}  // namespace

struct LineEditor::Impl {
    EditLine* el = nullptr;
    std::string prompt;
    std::string old_locale;
};

namespace {

char* prompt_of(EditLine* el) {
    void* data = nullptr;
    libedit().get(el, EL_CLIENTDATA, &data);
    return static_cast<LineEditor::Impl*>(data)->prompt.data();
}

bool utf8_codeset() {
    return std::strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

}  // namespace

LineEditor::LineEditor() : m_impl(std::make_unique<Impl>()) {
    // Her answers are UTF-8 whatever the locale says; libedit reads characters by LC_CTYPE.
    if (const char* old = std::setlocale(LC_CTYPE, nullptr)) m_impl->old_locale = old;
    if (!std::setlocale(LC_CTYPE, "") || !utf8_codeset()) std::setlocale(LC_CTYPE, "C.UTF-8");
    const auto& e = libedit();
    m_impl->el = e.init("guilt", stdin, stderr, stderr);
    if (!m_impl->el) {
        std::setlocale(LC_CTYPE, m_impl->old_locale.c_str());
        throw StoreError("cannot set up the terminal for typing answers");
    }
    auto* el = m_impl->el;
    e.set(el, EL_CLIENTDATA, m_impl.get());
    e.set(el, EL_PROMPT, prompt_of);
    e.set(el, EL_EDITOR, "emacs");
    e.set(el, EL_SIGNAL, 1);  // restores the terminal on Ctrl-C and follows a resized window
    e.set(el, EL_ADDFN, "guilt-paste", "Insert a bracketed paste as one line", insert_paste);
    for (const auto& [keys, function] : kBindings)
        e.set(el, EL_BIND, keys, function, nullptr);
    // No history, and no ~/.editrc: nothing she types is written anywhere but the journal.
}

LineEditor::~LineEditor() {
    libedit().end(m_impl->el);
    std::setlocale(LC_CTYPE, m_impl->old_locale.c_str());
}

std::optional<std::string> LineEditor::read_line(std::string_view prompt,
                                                 std::string_view initial) {
    m_impl->prompt = std::string(prompt);
    SignalGuard guard;
    // Typed ahead for her: the line starts with `initial`, which she edits like her own typing.
    auto start = without_control_characters(initial);
    if (!start.empty()) libedit().push(m_impl->el, start.c_str());
    std::cerr << kPasteOn << std::flush;
    g_paste_on = 1;
    int count = 0;
    const char* line = libedit().gets(m_impl->el, &count);
    std::cerr << kPasteOff << std::flush;
    g_paste_on = 0;
    if (!line || count <= 0) {
        std::cerr << '\n';
        return std::nullopt;
    }
    std::string out(line, static_cast<std::size_t>(count));
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

std::optional<char> LineEditor::read_key(std::string_view question, std::string_view keys) {
    std::cerr << question << std::flush;
    termios cooked{};
    if (::tcgetattr(STDIN_FILENO, &cooked) != 0) return std::nullopt;
    termios raw = cooked;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    SignalGuard guard;
    g_cooked = cooked;
    g_raw = 1;
    ::tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    auto next = []() -> int {
        unsigned char c;
        for (;;) {
            auto n = ::read(STDIN_FILENO, &c, 1);
            if (n < 0 && errno == EINTR) continue;
            return n == 1 ? c : -1;
        }
    };
    std::optional<char> key;
    for (int c = next(); c >= 0 && c != 0x04; c = next()) {
        if (c == 0x1b) {
            // An arrow or function key: its whole sequence is one key, and not an answer.
            int second = next();
            if (second == '[' || second == 'O')
                for (int k = next(); k >= 0 && !(k >= 0x40 && k <= 0x7e); k = next()) {
                }
            continue;
        }
        if (c == '\r') c = '\n';
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        if (keys.find(static_cast<char>(c)) != std::string_view::npos) {
            key = static_cast<char>(c);
            break;
        }
    }
    ::tcsetattr(STDIN_FILENO, TCSANOW, &cooked);
    g_raw = 0;
    return key;
}

}  // namespace guilt
