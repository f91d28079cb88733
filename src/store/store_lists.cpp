// SPDX-License-Identifier: MIT
// The journal's smaller lists beside the entries: mottos, the prompts reflect showed,
// follow-ups, reflections by day, and settings.
#include "store_impl.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <cerrno>
#include <optional>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/time.hpp"

namespace guilt {
using namespace store_detail;

void Store::add_motto(const Motto& m) {
    m_impl->guarded("saving the motto", [&] { m_impl->put_motto(m); });
}

void Store::Impl::put_motto(const Motto& m) {
    auto& q = stmt("INSERT OR IGNORE INTO mottos (uuid, text, ts, utc_offset) VALUES (?, ?, ?, ?)");
    q.bind(1, motto_uuid(m));
    q.bind(2, m.text);
    q.bind(3, m.at.utc);
    q.bind(4, m.at.offset);
    q.exec();
}

std::vector<Motto> Store::mottos() const {
    return m_impl->guarded("reading mottos", [&] {
        auto& q = m_impl->stmt("SELECT text, ts, utc_offset FROM mottos ORDER BY ts, id");
        std::vector<Motto> out;
        while (q.executeStep())
            out.push_back(
                {q.getColumn(0).getString(), {q.getColumn(1).getInt64(), q.getColumn(2).getInt()}});
        return out;
    });
}

std::optional<Motto> Store::motto_at(std::int64_t utc) const {
    return m_impl->guarded("reading mottos", [&]() -> std::optional<Motto> {
        auto& q = m_impl->stmt(
            "SELECT text, ts, utc_offset FROM mottos WHERE ts <= ? ORDER BY ts DESC, id DESC LIMIT "
            "1");
        ResetOnExit reset{q};
        q.bind(1, utc);
        if (!q.executeStep()) return std::nullopt;
        return Motto{q.getColumn(0).getString(),
                     {q.getColumn(1).getInt64(), q.getColumn(2).getInt()}};
    });
}

bool Store::has_motto(const Motto& m) const {
    return m_impl->guarded("reading mottos", [&] {
        auto& q = m_impl->stmt("SELECT 1 FROM mottos WHERE text = ? AND ts = ?");
        q.bind(1, m.text);
        ResetOnExit reset{q};
        q.bind(2, m.at.utc);
        return q.executeStep();
    });
}

void Store::record_showings(Date day, const std::vector<std::string>& strategies) {
    m_impl->guarded("recording the reflection", [&] {
        auto& clear = m_impl->stmt("DELETE FROM showings WHERE day = ?");
        clear.bind(1, format_date(day));
        clear.exec();
        for (const auto& s : strategies) {
            auto& q = m_impl->stmt("INSERT INTO showings (strategy, day) VALUES (?, ?)");
            q.bind(1, s);
            q.bind(2, format_date(day));
            q.exec();
        }
    });
}

std::vector<std::pair<Date, std::string>> Store::showings_between(Date from, Date to) const {
    return m_impl->guarded("reading earlier reflections", [&] {
        auto& q = m_impl->stmt(
            "SELECT day, strategy FROM showings WHERE day BETWEEN ? AND ? ORDER BY day, strategy");
        q.bind(1, format_date(from));
        q.bind(2, format_date(to));
        std::vector<std::pair<Date, std::string>> out;
        while (q.executeStep())
            out.emplace_back(stored_date(q.getColumn(0).getString(), "showings.day"),
                             q.getColumn(1).getString());
        return out;
    });
}

bool Store::add_showing(Date day, const std::string& strategy) {
    return m_impl->guarded("recording the reflection", [&] {
        auto& q = m_impl->stmt("INSERT OR IGNORE INTO showings (strategy, day) VALUES (?, ?)");
        q.bind(1, strategy);
        q.bind(2, format_date(day));
        return q.exec() > 0;
    });
}

std::map<std::string, Date> Store::last_showings_before(Date day) const {
    return m_impl->guarded("reading earlier reflections", [&] {
        auto& q =
            m_impl->stmt("SELECT strategy, max(day) FROM showings WHERE day < ? GROUP BY strategy");
        q.bind(1, format_date(day));
        std::map<std::string, Date> out;
        while (q.executeStep())
            out[q.getColumn(0).getString()] =
                stored_date(q.getColumn(1).getString(), "showings.day");
        return out;
    });
}

namespace {

FollowUp followup_from_row(SQLite::Statement& q) {
    FollowUp f;
    f.reflection_id = q.getColumn(0).getInt64();
    f.reflection_uuid = q.getColumn(1).getString();
    if (!q.getColumn(2).isNull()) f.answer = helped_from(q.getColumn(2).getString());
    f.night = stored_date(q.getColumn(3).getString(), "followups.night");
    f.at = {q.getColumn(4).getInt64(), q.getColumn(5).getInt()};
    return f;
}

constexpr const char* kFollowUpColumns =
    "f.reflection_id, e.uuid, f.answer, f.night, f.ts, f.utc_offset FROM followups f "
    "JOIN entries e ON e.id = f.reflection_id";

}  // namespace

void Store::set_followup(const FollowUp& f) {
    m_impl->guarded("saving the follow-up", [&] {
        auto& q = m_impl->stmt(R"sql(
            INSERT INTO followups (reflection_id, answer, night, ts, utc_offset)
            VALUES (:id, :answer, :night, :ts, :off)
            ON CONFLICT (reflection_id) DO UPDATE SET answer = excluded.answer,
                night = excluded.night, ts = excluded.ts, utc_offset = excluded.utc_offset)sql");
        q.bind(":id", f.reflection_id);
        if (f.answer)
            q.bind(":answer", std::string(to_string(*f.answer)));
        else
            q.bind(":answer");
        q.bind(":night", format_date(f.night));
        q.bind(":ts", f.at.utc);
        q.bind(":off", f.at.offset);
        q.exec();
    });
}

std::optional<FollowUp> Store::followup_of(std::int64_t reflection_id) const {
    return m_impl->guarded("reading follow-ups", [&]() -> std::optional<FollowUp> {
        auto& q =
            m_impl->stmt(fmt::format("SELECT {} WHERE f.reflection_id = ?", kFollowUpColumns));
        ResetOnExit reset{q};
        q.bind(1, reflection_id);
        if (!q.executeStep()) return std::nullopt;
        return followup_from_row(q);
    });
}

std::vector<FollowUp> Store::followups() const {
    return m_impl->guarded("reading follow-ups", [&] {
        auto& q = m_impl->stmt(fmt::format("SELECT {} ORDER BY e.ts, e.id", kFollowUpColumns));
        std::vector<FollowUp> out;
        while (q.executeStep())
            out.push_back(followup_from_row(q));
        return out;
    });
}

std::vector<Entry> Store::reflections_for_days(Date from, Date to) const {
    // A reflection is written on or after the day it reviews: the bound on ts (earliest start of
    // that day in any zone, UTC+14) lets the index on (type, ts) keep this query small.
    constexpr std::int64_t kEarliestOffset = 14 * 3600;
    std::vector<Entry> out;
    m_impl->guarded("reading earlier reflections", [&] {
        auto& q = m_impl->stmt(
            fmt::format("SELECT {} FROM entries e WHERE e.type = 'reflection' AND e.ts >= :from_ts "
                        "AND e.ref_date BETWEEN :from AND :to ORDER BY e.ts, e.id",
                        kEntryColumns));
        ResetOnExit reset{q};
        q.bind(":from_ts", days_from_civil(from) * 86400 - kEarliestOffset);
        q.bind(":from", format_date(from));
        q.bind(":to", format_date(to));
        while (q.executeStep())
            out.push_back(entry_from_row(q));
    });
    return out;
}

std::map<std::string, std::vector<HelpedAnswer>> Store::helped_between(Date from, Date to) const {
    return m_impl->guarded("reading follow-ups", [&] {
        auto& q = m_impl->stmt(
            "SELECT e.strategy, e.ref_date, f.answer FROM followups f JOIN entries e ON e.id = "
            "f.reflection_id WHERE f.night BETWEEN ? AND ? AND f.answer IS NOT NULL "
            "ORDER BY e.ref_date, e.id");
        q.bind(1, format_date(from));
        q.bind(2, format_date(to));
        std::map<std::string, std::vector<HelpedAnswer>> out;
        while (q.executeStep()) {
            auto answer = helped_from(q.getColumn(2).getString());
            if (!answer) continue;
            out[q.getColumn(0).getString()].push_back(
                {stored_date(q.getColumn(1).getString(), "entries.ref_date"), *answer});
        }
        return out;
    });
}

std::optional<std::int64_t> Store::entry_id(const std::string& uuid) const {
    return m_impl->guarded("reading the journal", [&]() -> std::optional<std::int64_t> {
        auto& q = m_impl->stmt("SELECT id FROM entries WHERE uuid = ?");
        ResetOnExit reset{q};
        q.bind(1, uuid);
        if (!q.executeStep()) return std::nullopt;
        return q.getColumn(0).getInt64();
    });
}

std::optional<std::string> Store::setting(const std::string& key) const {
    return m_impl->guarded("reading preferences", [&]() -> std::optional<std::string> {
        auto& q = m_impl->stmt("SELECT value FROM settings WHERE key = ?");
        ResetOnExit reset{q};
        q.bind(1, key);
        if (!q.executeStep()) return std::nullopt;
        return q.getColumn(0).getString();
    });
}

std::vector<std::pair<std::string, std::string>> Store::settings() const {
    return m_impl->guarded("reading preferences", [&] {
        auto& q = m_impl->stmt("SELECT key, value FROM settings ORDER BY key");
        std::vector<std::pair<std::string, std::string>> out;
        while (q.executeStep())
            out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
        return out;
    });
}

void Store::set_setting(const std::string& key, const std::string& value) {
    m_impl->guarded("saving the preference",
                    [&] { m_impl->put_setting(key, value, m_impl->version_now()); });
}

void Store::Impl::put_setting(const std::string& key, const std::string& value,
                              const std::string& version) {
    auto& q = stmt(
        "INSERT INTO settings (key, value, version) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE "
        "SET value = excluded.value, version = excluded.version");
    q.bind(1, key);
    q.bind(2, value);
    q.bind(3, version);
    q.exec();
}

}  // namespace guilt
