// SPDX-License-Identifier: MIT
// The reminder's state file and tonight's facts (see remind_state.hpp).
#include "remind_state.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "guilt/core/time.hpp"
#include "guilt/core/week.hpp"
#include "guilt/store/atomic_file.hpp"

namespace guilt {

namespace fs = std::filesystem;

std::string remind_state_path(Context& ctx) {
    return ctx.db_path() + "-remind";
}

bool journal_exists(Context& ctx) {
    std::error_code ec;
    return fs::is_regular_file(ctx.db_path(), ec);
}

namespace {

std::optional<Date> date_of(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
    try {
        return parse_date(j[key].get<std::string>(), key);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<std::int64_t> number_of(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || !j[key].is_number_integer()) return std::nullopt;
    return j[key].get<std::int64_t>();
}

}  // namespace

RemindState read_remind_state(const std::string& path) {
    RemindState s;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return s;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    auto j = nlohmann::json::parse(text.str(), nullptr, false);
    if (!j.is_object()) return s;
    s.shown = date_of(j, "shown");
    s.shown_at = number_of(j, "shown_at");
    s.snoozed_until = number_of(j, "snoozed_until");
    s.paused_until = date_of(j, "paused_until");
    if (j.contains("pause_reason") && j["pause_reason"].is_string())
        s.pause_reason = j["pause_reason"].get<std::string>();
    return s;
}

void write_remind_state(const std::string& path, const RemindState& s) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    if (s.shown) j["shown"] = format_date(*s.shown);
    if (s.shown_at) j["shown_at"] = *s.shown_at;
    if (s.snoozed_until) j["snoozed_until"] = *s.snoozed_until;
    if (s.paused_until) j["paused_until"] = format_date(*s.paused_until);
    if (!s.pause_reason.empty()) j["pause_reason"] = s.pause_reason;
    AtomicFile file(path);
    file.write(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    file.commit();
}

Tonight look_at_tonight(Context& ctx) {
    Tonight t;
    auto& store = ctx.store();
    const auto& settings = ctx.settings();
    t.facts.now = ctx.now().utc;
    t.facts.today = ctx.today();
    t.facts.remind_at = settings.remind_at;
    t.facts.state = read_remind_state(remind_state_path(ctx));
    // A night counts as reflected when she answered a prompt or reflect showed her its prompts.
    auto first = week_start_of(t.facts.today, settings.sunday_start);
    std::set<Date> nights;
    for (const auto& e : store.reflections_for_days(first, t.facts.today)) {
        try {
            nights.insert(parse_date(e.date, "date"));
        } catch (const std::exception&) {
        }
    }
    for (const auto& [day, strategy] : store.showings_between(first, t.facts.today))
        nights.insert(day);
    t.facts.reflected_tonight = nights.contains(t.facts.today);
    nights.erase(t.facts.today);
    t.evenings_this_week = static_cast<int>(nights.size());
    t.nudge = nudge(t.facts);
    t.line = remind_line(t.evenings_this_week);
    return t;
}

std::string own_path() {
    std::error_code ec;
    auto p = fs::read_symlink("/proc/self/exe", ec);
    if (ec) throw StoreError(fmt::format("cannot find guilt's own path: {}", ec.message()));
    return p.string();
}

}  // namespace guilt
