// SPDX-License-Identifier: MIT
// The runs of guilt remind's commands, apart from their CLI11 declarations (remind.cpp).
#pragma once

#include <optional>
#include <string>

#include "guilt/cli/cli.hpp"

namespace guilt {

void run_remind_check(Context& ctx);
void run_remind_notify(Context& ctx);
void run_remind_status(Context& ctx);
void run_remind_snooze(Context& ctx, const std::string& duration, bool end);
void run_remind_hook(Context& ctx, const std::string& shell);
void run_remind_cron(Context& ctx);
void run_remind_ics(Context& ctx, const std::string& file, bool force);
// action: "install", "uninstall" or "print".
void run_remind_timer(Context& ctx, const std::string& action);
// After `config set remind-at`: rewrites guilt's installed timer (guilt remind timer install)
// for this journal with the new time. Returns its path when it changed it.
std::optional<std::string> refresh_installed_timer(int remind_at);
void run_pause(Context& ctx, const std::optional<std::string>& until,
               const std::optional<std::string>& reason, bool end);

}  // namespace guilt
