// SPDX-License-Identifier: MIT
// The passphrase of an encrypted backup, typed at the terminal (see passphrase.hpp).
#include "guilt/cli/passphrase.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <optional>
#include <string>

#include "guilt/core/error.hpp"

namespace guilt {

namespace {

constexpr int kEndSignals[] = {SIGINT, SIGHUP, SIGTERM, SIGQUIT};
constexpr std::size_t kMaxPassphrase = 4096;

// What a signal during the question must undo: echo comes back on before the signal's usual
// effect. Plain globals: a handler reaches nothing else.
int g_tty = -1;
termios g_echoing{};

extern "C" void echo_back_and_reraise(int sig) {
    if (g_tty >= 0) ::tcsetattr(g_tty, TCSANOW, &g_echoing);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void say(int fd, std::string_view text) {
    auto n = ::write(fd, text.data(), text.size());
    (void)n;
}

// Turns echo off, shows `prompt` and reads one line from `fd`; nullopt at Ctrl-D or when the
// terminal goes. Echo is off before the prompt shows, so nothing typed after it is echoed.
std::optional<std::string> read_hidden(int fd, std::string_view prompt) {
    termios echoing{};
    if (::tcgetattr(fd, &echoing) != 0) return std::nullopt;
    termios hidden = echoing;
    hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHOE | ECHOK | ECHONL);
    struct sigaction sa {};
    sa.sa_handler = echo_back_and_reraise;
    sigemptyset(&sa.sa_mask);
    struct sigaction old[std::size(kEndSignals)]{};
    g_echoing = echoing;
    g_tty = fd;
    for (std::size_t i = 0; i < std::size(kEndSignals); ++i)
        ::sigaction(kEndSignals[i], &sa, &old[i]);
    ::tcsetattr(fd, TCSAFLUSH, &hidden);
    say(fd, prompt);
    std::string line;
    bool ended = false;
    for (;;) {
        char c;
        auto n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ended = true;
            break;
        }
        if (c == '\n' || c == '\r') break;
        if (line.size() < kMaxPassphrase) line += c;
    }
    ::tcsetattr(fd, TCSANOW, &echoing);
    g_tty = -1;
    for (std::size_t i = 0; i < std::size(kEndSignals); ++i)
        ::sigaction(kEndSignals[i], &old[i], nullptr);
    say(fd, "\n");
    if (ended && line.empty()) return std::nullopt;
    return line;
}

}  // namespace

void forget_secret(std::string& secret) {
    if (!secret.empty()) sodium_memzero(secret.data(), secret.size());
    secret.clear();
}

std::string ask_passphrase(std::string_view prompt, std::string_view instead) {
    int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        throw UsageError(
            fmt::format("--passphrase asks at the terminal, and there is none here; {}", instead));
    auto line = read_hidden(fd, prompt);
    ::close(fd);
    if (!line) throw UsageError("no passphrase was typed (Ctrl-D); nothing was done");
    return *line;
}

std::string ask_new_passphrase(std::string_view instead) {
    auto first = ask_passphrase("Passphrase for the backup: ", instead);
    if (first.empty()) throw UsageError("the passphrase is empty; nothing was written");
    auto second = ask_passphrase("The same passphrase again: ", instead);
    bool same = first == second;
    forget_secret(second);
    if (!same) {
        forget_secret(first);
        throw UsageError("the two passphrases differ; nothing was written");
    }
    return first;
}

}  // namespace guilt
