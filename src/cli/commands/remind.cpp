// SPDX-License-Identifier: MIT
// guilt remind check|notify|status|snooze|hook|timer|ics|cron and guilt pause: declared here,
// run in remind_run.cpp and remind_delivery.cpp.

#include <memory>
#include <vector>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "command_kit/remind_run.hpp"
#include "guilt/cli/cli.hpp"

namespace guilt {

namespace {

void setup_remind_delivery(Command& cmd, Context& ctx) {
    auto shell = std::make_shared<std::string>();
    auto hook = cmd.subcommand("hook", "Print the snippet that checks at your shell's prompt");
    hook.option("shell", *shell, "bash, zsh or fish")
        .required()
        .choices(std::vector<std::string>{"bash", "zsh", "fish"})
        .option_text("SHELL");
    hook.footer(R"EX(Add the line that runs it to your shell's rc file:
  bash, ~/.bashrc:                  eval "$(guilt remind hook bash)"
  zsh, ~/.zshrc:                    eval "$(guilt remind hook zsh)"
  fish, ~/.config/fish/config.fish: guilt remind hook fish | source

Examples:
  guilt remind hook bash
  guilt remind hook fish | source)EX");
    hook.callback([shell, &ctx] { run_remind_hook(ctx, *shell); });

    auto timer =
        cmd.subcommand("timer", "A systemd user timer that runs guilt remind notify at remind-at");
    auto print = std::make_shared<bool>(false);
    timer.flag("--print", *print, "Print the two units instead of writing them");
    timer.require_subcommand(0, 1);
    for (const char* action : {"install", "uninstall"}) {
        auto sub =
            timer.subcommand(action, std::string(action) == "install"
                                         ? "Write the units under $XDG_CONFIG_HOME/systemd/user"
                                         : "Remove the units");
        sub.footer(std::string(action) == "install"
                       ? "Examples:\n  guilt remind timer install\n  guilt remind timer "
                         "--print"
                       : "Examples:\n  guilt remind timer uninstall\n  guilt remind timer "
                         "install");
        sub.callback([action, &ctx] { run_remind_timer(ctx, action); });
    }
    timer.footer(R"(Examples:
  guilt remind timer install
  systemctl --user daemon-reload && systemctl --user enable --now guilt-remind.timer
  guilt remind timer --print)");
    timer.callback([timer, print, &ctx] {
        if (timer.ran_a_subcommand()) return;
        if (!*print) throw UsageError("guilt remind timer takes install, uninstall or --print");
        run_remind_timer(ctx, "print");
    });

    auto notify =
        cmd.subcommand("notify", "Show tonight's nudge as a desktop notification when it is due");
    notify.footer(R"(Silent without a desktop session's bus or notify-send; the timer runs it.

Examples:
  guilt remind notify
  guilt remind timer install)");
    notify.callback([&ctx] { run_remind_notify(ctx); });

    auto file = std::make_shared<std::string>("-");
    auto force = std::make_shared<bool>(false);
    auto ics = cmd.subcommand("ics", "Write a daily calendar event with an alarm (.ics)");
    ics.option("-o,--output", *file, "The file (default: stdout)").option_text("FILE");
    ics.flag("--force", *force, "Replace an existing file");
    ics.footer(R"(Examples:
  guilt remind ics -o ~/guilt-evening.ics
  guilt remind ics > evening.ics)");
    ics.callback([file, force, &ctx] { run_remind_ics(ctx, *file, *force); });

    auto cron = cmd.subcommand("cron", "Print a crontab line (machines without systemd)");
    cron.footer(R"(Examples:
  guilt remind cron
  guilt remind cron >> my-crontab)");
    cron.callback([&ctx] { run_remind_cron(ctx); });
}

}  // namespace

void setup_remind(Command& app, Context& ctx) {
    auto cmd = app.subcommand("remind", "A gentle evening reminder to reflect");
    cmd.require_subcommand(1);
    cmd.footer(R"(Examples:
  guilt remind check
  guilt config set remind-at 21:30
  guilt remind snooze 1h
  guilt remind status)");
    auto check = cmd.subcommand(
        "check", "Print one gentle line and exit 0 when tonight's reflection is due, else exit 1");
    check.footer(R"(Examples:
  guilt remind check
  guilt remind check && guilt reflect)");
    check.callback([&ctx] { run_remind_check(ctx); });

    auto status = cmd.subcommand("status", "The evening window, the next nudge, any pause");
    status.footer(R"(Examples:
  guilt remind status
  guilt remind status --json)");
    status.callback([&ctx] { run_remind_status(ctx); });

    auto duration = std::make_shared<std::string>();
    auto rest = std::make_shared<std::vector<std::string>>();
    auto end = std::make_shared<bool>(false);
    auto snooze = cmd.subcommand("snooze", "No reminder for a while (kept over a restart)");
    snooze.option("duration", *duration, "30m, 1h, an hour").option_text("DURATION");
    snooze.option("rest", *rest).group("");
    snooze.flag("--end", *end, "End the snooze now");
    snooze.footer(R"(Examples:
  guilt remind snooze 1h
  guilt remind snooze half an hour
  guilt remind snooze --end)");
    snooze.callback([duration, rest, end, &ctx] {
        auto text = *duration;
        for (const auto& w : *rest)
            text += " " + w;
        run_remind_snooze(ctx, text, *end);
    });
    setup_remind_delivery(cmd, ctx);
}

void setup_pause(Command& app, Context& ctx) {
    struct Options {
        std::optional<std::string> until, reason;
        bool end = false;
    };
    auto o = std::make_shared<Options>();
    auto cmd = app.subcommand("pause", "Pause reminders for a while (a holiday, a hard week)");
    cmd.option("--until", o->until, "The last day of the pause (included)").option_text("DATE");
    cmd.option("--reason", o->reason, "A word for yourself").option_text("TEXT");
    cmd.flag("--end", o->end, "End the pause now");
    cmd.footer(R"(A paused evening is simply off: nothing counts it as missed.

Examples:
  guilt pause --until "next monday" --reason "holiday"
  guilt pause --until 2026-12-24
  guilt pause --end)");
    cmd.callback([o, &ctx] { run_pause(ctx, o->until, o->reason, o->end); });
}

}  // namespace guilt
