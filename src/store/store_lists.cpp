// SPDX-License-Identifier: MIT
// The journal's lists beside the entries: priorities and their history, mottos, the prompts
// reflect showed, follow-ups, reflections by day, and settings.
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

namespace {

Priority priority_from_row(SQLite::Statement& q) {
    Priority p;
    p.id = q.getColumn(0).getInt64();
    p.uuid = q.getColumn(1).getString();
    p.rank = q.getColumn(2).isNull() ? 0 : q.getColumn(2).getInt();
    p.title = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull()) p.until = stored_date(q.getColumn(4).getString(), "until");
    p.done = q.getColumn(5).getInt() != 0;
    return p;
}

}  // namespace

std::vector<Priority> Store::priorities(bool include_done) const {
    return m_impl->guarded("reading priorities", [&] {
        auto& q = m_impl->stmt(fmt::format(
            "SELECT id, uuid, rank, title, until, done FROM priorities {} ORDER BY done, rank, id",
            include_done ? "" : "WHERE done = 0"));
        std::vector<Priority> out;
        while (q.executeStep())
            out.push_back(priority_from_row(q));
        return out;
    });
}

std::optional<Priority> Store::find_priority(std::int64_t id) const {
    return m_impl->guarded("reading priorities", [&]() -> std::optional<Priority> {
        auto& q =
            m_impl->stmt("SELECT id, uuid, rank, title, until, done FROM priorities WHERE id = ?");
        ResetOnExit reset{q};
        q.bind(1, id);
        if (!q.executeStep()) return std::nullopt;
        return priority_from_row(q);
    });
}

void Store::insert_priority(Priority& p) {
    if (p.uuid.empty()) p.uuid = make_uuid();
    m_impl->guarded("saving the priority", [&] {
        auto& q = m_impl->stmt(
            "INSERT INTO priorities (uuid, rank, title, until, done) VALUES (?, ?, ?, ?, ?)");
        q.bind(1, p.uuid);
        if (p.done)
            q.bind(2);
        else
            q.bind(2, p.rank);
        q.bind(3, p.title);
        if (p.until)
            q.bind(4, format_date(*p.until));
        else
            q.bind(4);
        q.bind(5, p.done ? 1 : 0);
        q.exec();
        p.id = m_impl->db.getLastInsertRowid();
    });
}

void Store::add_priority(Priority& p) {
    m_impl->guarded("saving the priority", [&] {
        auto active =
            m_impl->db.execAndGet("SELECT count(*) FROM priorities WHERE done = 0").getInt();
        if (p.rank <= 0 || p.rank > active + 1) p.rank = active + 1;
        auto& shift =
            m_impl->stmt("UPDATE priorities SET rank = rank + 1 WHERE done = 0 AND rank >= ?");
        shift.bind(1, p.rank);
        shift.exec();
        p.done = false;
        insert_priority(p);
    });
}

bool Store::move_priority(std::int64_t id, int rank) {
    return m_impl->guarded("moving the priority", [&] {
        auto p = find_priority(id);
        if (!p || p->done) return false;
        auto& q = m_impl->stmt(R"sql(
            UPDATE priorities SET rank = CASE
                WHEN id = :id THEN :to
                WHEN :to < :from AND rank >= :to AND rank < :from THEN rank + 1
                WHEN :to > :from AND rank <= :to AND rank > :from THEN rank - 1
                ELSE rank END
            WHERE done = 0)sql");
        q.bind(":id", id);
        q.bind(":to", rank);
        q.bind(":from", p->rank);
        q.exec();
        return true;
    });
}

bool Store::finish_priority(std::int64_t id) {
    return m_impl->guarded("finishing the priority", [&] {
        auto p = find_priority(id);
        if (!p || p->done) return false;
        auto& done = m_impl->stmt("UPDATE priorities SET done = 1, rank = NULL WHERE id = ?");
        done.bind(1, id);
        done.exec();
        auto& close =
            m_impl->stmt("UPDATE priorities SET rank = rank - 1 WHERE done = 0 AND rank > ?");
        close.bind(1, p->rank);
        close.exec();
        return true;
    });
}

bool Store::has_priority_uuid(const std::string& uuid) const {
    return m_impl->guarded("reading priorities", [&] {
        auto& q = m_impl->stmt("SELECT 1 FROM priorities WHERE uuid = ?");
        ResetOnExit reset{q};
        q.bind(1, uuid);
        return q.executeStep();
    });
}

bool Store::rename_priority(std::int64_t id, const std::string& title) {
    return m_impl->guarded("renaming the priority", [&] {
        auto& q = m_impl->stmt("UPDATE priorities SET title = ? WHERE id = ?");
        q.bind(1, title);
        q.bind(2, id);
        return q.exec() > 0;
    });
}

bool Store::remove_priority(std::int64_t id) {
    return m_impl->guarded("removing the priority", [&] {
        auto p = find_priority(id);
        if (!p) return false;
        auto& del = m_impl->stmt("DELETE FROM priorities WHERE id = ?");
        del.bind(1, id);
        del.exec();
        if (!p->done) {
            auto& close =
                m_impl->stmt("UPDATE priorities SET rank = rank - 1 WHERE done = 0 AND rank > ?");
            close.bind(1, p->rank);
            close.exec();
        }
        return true;
    });
}

void Store::note_priorities(std::int64_t utc) {
    m_impl->guarded("keeping the history of priorities", [&] {
        // Versions the list no longer matches end now; priorities without an open version (new,
        // changed, or imported) start one now.
        auto& close = m_impl->stmt(R"sql(
            UPDATE priority_history SET valid_to = :now WHERE valid_to IS NULL AND NOT EXISTS (
                SELECT 1 FROM priorities p WHERE p.id = priority_history.priority_id
                    AND p.uuid = priority_history.uuid AND p.rank IS priority_history.rank
                    AND p.title = priority_history.title AND p.until IS priority_history.until
                    AND p.done = priority_history.done))sql");
        close.bind(":now", utc);
        close.exec();
        auto& open = m_impl->stmt(R"sql(
            INSERT INTO priority_history (priority_id, uuid, rank, title, until, done, valid_from)
            SELECT id, uuid, rank, title, until, done, :now FROM priorities p WHERE NOT EXISTS (
                SELECT 1 FROM priority_history h WHERE h.priority_id = p.id AND h.valid_to IS NULL))sql");
        open.bind(":now", utc);
        open.exec();
    });
}

std::vector<Priority> Store::priorities_at(std::int64_t utc) const {
    return m_impl->guarded("reading the history of priorities", [&] {
        // Priorities the history has never seen (imported) count as they are now.
        auto& q = m_impl->stmt(R"sql(
            SELECT priority_id, uuid, rank, title, until, done FROM priority_history
                WHERE (valid_from IS NULL OR valid_from <= :at) AND (valid_to IS NULL OR valid_to > :at)
            UNION ALL
            SELECT id, uuid, rank, title, until, done FROM priorities p
                WHERE NOT EXISTS (SELECT 1 FROM priority_history h WHERE h.priority_id = p.id)
            ORDER BY 6, 3, 1)sql");
        q.bind(":at", utc);
        std::vector<Priority> out;
        while (q.executeStep())
            out.push_back(priority_from_row(q));
        return out;
    });
}

std::vector<PriorityVersion> Store::priority_history() const {
    return m_impl->guarded("reading the history of priorities", [&] {
        auto& q = m_impl->stmt(R"sql(
            SELECT coalesce(p.id, 0), h.uuid, h.rank, h.title, h.until, h.done, h.valid_from,
                   h.valid_to
            FROM priority_history h LEFT JOIN priorities p ON p.id = h.priority_id
            ORDER BY h.valid_from IS NOT NULL, h.valid_from, h.valid_to IS NULL, h.valid_to,
                     h.done, h.rank, h.uuid)sql");
        std::vector<PriorityVersion> out;
        while (q.executeStep()) {
            PriorityVersion v{priority_from_row(q), std::nullopt, std::nullopt};
            if (!q.getColumn(6).isNull()) v.from_utc = q.getColumn(6).getInt64();
            if (!q.getColumn(7).isNull()) v.to_utc = q.getColumn(7).getInt64();
            out.push_back(std::move(v));
        }
        return out;
    });
}

namespace {

// Binds a version's fields to :uuid, :rank, :title, :until, :done, :from and :to.
void bind_version(SQLite::Statement& q, const PriorityVersion& v) {
    const auto& p = v.priority;
    q.bind(":uuid", p.uuid);
    if (p.done)
        q.bind(":rank");
    else
        q.bind(":rank", p.rank);
    q.bind(":title", p.title);
    if (p.until)
        q.bind(":until", format_date(*p.until));
    else
        q.bind(":until");
    q.bind(":done", p.done ? 1 : 0);
    if (v.from_utc)
        q.bind(":from", *v.from_utc);
    else
        q.bind(":from");
    if (v.to_utc)
        q.bind(":to", *v.to_utc);
    else
        q.bind(":to");
}

}  // namespace

bool Store::has_priority_version(const PriorityVersion& v) const {
    return m_impl->guarded("reading the history of priorities", [&] {
        auto& q = m_impl->stmt(R"sql(
            SELECT 1 FROM priority_history WHERE uuid = :uuid AND rank IS :rank
                AND title = :title AND until IS :until AND done = :done
                AND valid_from IS :from AND valid_to IS :to)sql");
        ResetOnExit reset{q};
        bind_version(q, v);
        return q.executeStep();
    });
}

bool Store::add_priority_version(const PriorityVersion& v) {
    if (has_priority_version(v)) return false;
    m_impl->guarded("saving the history of priorities", [&] {
        // The priority of that uuid; for one since removed, the id its other versions have, or
        // a new negative one, which no priority is ever given.
        auto& q = m_impl->stmt(R"sql(
            INSERT INTO priority_history
                (priority_id, uuid, rank, title, until, done, valid_from, valid_to)
            VALUES (coalesce((SELECT id FROM priorities WHERE uuid = :uuid),
                             (SELECT priority_id FROM priority_history WHERE uuid = :uuid),
                             min(0, (SELECT coalesce(min(priority_id), 0) FROM priority_history))
                                 - 1),
                    :uuid, :rank, :title, :until, :done, :from, :to))sql");
        bind_version(q, v);
        q.exec();
    });
    return true;
}

void Store::add_motto(const Motto& m) {
    m_impl->guarded("saving the motto", [&] {
        auto& q = m_impl->stmt("INSERT INTO mottos (text, ts, utc_offset) VALUES (?, ?, ?)");
        q.bind(1, m.text);
        q.bind(2, m.at.utc);
        q.bind(3, m.at.offset);
        q.exec();
    });
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
    m_impl->guarded("saving the preference", [&] {
        auto& q = m_impl->stmt(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value "
            "= excluded.value");
        q.bind(1, key);
        q.bind(2, value);
        q.exec();
    });
}

}  // namespace guilt
