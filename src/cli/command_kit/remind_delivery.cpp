// SPDX-License-Identifier: MIT
// guilt remind hook|cron|ics|timer: the texts that let a shell, cron, systemd or a phone's
// calendar ask guilt remind check (or notify) in the evening; guilt itself never waits.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "guilt/cli/output_file.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/remind.hpp"
#include "guilt/core/time.hpp"
#include "guilt/store/atomic_file.hpp"
#include "remind_run.hpp"
#include "remind_state.hpp"

namespace guilt {

namespace {

namespace fs = std::filesystem;

constexpr int kHookEverySeconds = 5 * 60;
constexpr const char* kTimer = "guilt-remind.timer";
constexpr const char* kService = "guilt-remind.service";

// GUILT_DB as she set it, made absolute (the service does not run in her folder); empty when
// she did not set one.
std::string journal_for_units() {
    const char* db = std::getenv("GUILT_DB");
    if (db == nullptr || *db == '\0') return "";
    return fs::absolute(db).lexically_normal().string();
}

// $XDG_CONFIG_HOME/systemd/user, else ~/.config/systemd/user.
fs::path user_units_folder() {
    const char* config = std::getenv("XDG_CONFIG_HOME");
    if (config && *config == '/') return fs::path(config) / "systemd" / "user";
    const char* home = std::getenv("HOME");
    if (!home || !*home) throw UsageError("cannot find the systemd user folder: HOME is not set");
    return fs::path(home) / ".config" / "systemd" / "user";
}

void write_unit(const fs::path& path, const std::string& text) {
    AtomicFile file(path.string());
    file.write(text);
    file.commit();
    std::error_code ec;
    fs::permissions(path, fs::perms(0644), ec);  // systemd reads it; it holds no words of hers
}

}  // namespace

std::optional<std::string> refresh_installed_timer(int remind_at) {
    auto folder = user_units_folder();
    // Only guilt's own timer, installed for this journal (its service names the same guilt and
    // journal): another journal's, or a unit she wrote herself, is left as it is.
    auto read = [](const fs::path& path) -> std::optional<std::string> {
        std::error_code ec;
        if (!fs::is_regular_file(fs::symlink_status(path, ec))) return std::nullopt;
        std::ifstream in(path, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return in.bad() ? std::nullopt : std::optional(text);
    };
    auto first_line = [](const std::string& text) { return text.substr(0, text.find('\n')); };
    auto now = timer_unit(remind_at);
    auto timer = read(folder / kTimer);
    auto service = read(folder / kService);
    if (!timer || !service || first_line(*timer) != first_line(now) ||
        *service != service_unit(own_path(), journal_for_units()) || *timer == now)
        return std::nullopt;
    write_unit(folder / kTimer, now);
    return (folder / kTimer).string();
}

void run_remind_hook(Context&, const std::string& shell) {
    auto text = remind_hook(shell, own_path(), kHookEverySeconds);
    if (!text) throw UsageError(fmt::format("SHELL must be bash, zsh or fish, got \"{}\"", shell));
    std::cout << *text;
}

void run_remind_cron(Context& ctx) {
    auto line = cron_line(ctx.settings().remind_at, own_path(), journal_for_units(),
                          static_cast<long>(::getuid()));
    std::cout
        << "# guilt: tonight's reminder (add with crontab -e). A machine with systemd can use\n"
           "# guilt remind timer install instead.\n"
        << line << '\n';
}

void run_remind_ics(Context& ctx, const std::string& file, bool force) {
    auto text = remind_ics(ctx.today(), ctx.settings().remind_at, ctx.now().utc);
    if (write_file_atomically(file, text, force))
        std::cerr << fmt::format(
            "Saved {}: open it on your phone or import it into your calendar.\n", file);
}

void run_remind_timer(Context& ctx, const std::string& action) {
    auto timer = timer_unit(ctx.settings().remind_at);
    auto service = service_unit(own_path(), journal_for_units());
    if (action == "print") {
        std::cout << "# " << kTimer << "\n" << timer << "\n# " << kService << "\n" << service;
        return;
    }
    auto folder = user_units_folder();
    if (action == "uninstall") {
        int removed = 0;
        for (const char* name : {kTimer, kService}) {
            std::error_code ec;
            if (fs::remove(folder / name, ec)) ++removed;
        }
        std::cerr << (removed ? fmt::format("Removed the timer from {}. To stop it now:\n  "
                                            "systemctl --user disable --now {}\n",
                                            folder.string(), kTimer)
                              : fmt::format("No guilt timer in {}.\n", folder.string()));
        return;
    }
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw StoreError(fmt::format("cannot make {}: {}", folder.string(), ec.message()));
    write_unit(folder / kService, service);
    write_unit(folder / kTimer, timer);
    std::cerr << fmt::format(
        "Saved {} and {} in {}. To start it:\n  systemctl --user daemon-reload && systemctl "
        "--user enable --now {}\n",
        kTimer, kService, folder.string(), kTimer);
}

}  // namespace guilt
