// SPDX-License-Identifier: MIT
// The priorities: her ranked list, and its history (each version from and until when), so
// reflect can hold a night against the priorities as they were then.
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
            "INSERT INTO priorities (uuid, rank, title, until, done, version) VALUES (?, ?, ?, ?, "
            "?, ?)");
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
        q.bind(6, m_impl->version_now());
        q.exec();
        m_impl->stamp_list("priorities");
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
                ELSE rank END,
                prev = CASE WHEN id = :id THEN version ELSE prev END,
                version = CASE WHEN id = :id THEN :version ELSE version END
            WHERE done = 0)sql");
        q.bind(":id", id);
        q.bind(":version", m_impl->version_now());
        q.bind(":to", rank);
        q.bind(":from", p->rank);
        q.exec();
        m_impl->stamp_list("priorities");
        return true;
    });
}

bool Store::finish_priority(std::int64_t id) {
    return m_impl->guarded("finishing the priority", [&] {
        auto p = find_priority(id);
        if (!p || p->done) return false;
        auto& done = m_impl->stmt(
            "UPDATE priorities SET done = 1, rank = NULL, prev = version, version = ? WHERE id = "
            "?");
        done.bind(1, m_impl->version_now());
        done.bind(2, id);
        done.exec();
        auto& close =
            m_impl->stmt("UPDATE priorities SET rank = rank - 1 WHERE done = 0 AND rank > ?");
        close.bind(1, p->rank);
        close.exec();
        m_impl->stamp_list("priorities");
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
        auto& q = m_impl->stmt(
            "UPDATE priorities SET title = ?, prev = version, version = ? WHERE id = ?");
        q.bind(1, title);
        q.bind(2, m_impl->version_now());
        q.bind(3, id);
        return q.exec() > 0;
    });
}

bool Store::remove_priority(std::int64_t id) {
    return m_impl->guarded("removing the priority", [&] {
        auto p = find_priority(id);
        if (!p) return false;
        m_impl->leave_tombstone("priorities", id);
        auto& del = m_impl->stmt("DELETE FROM priorities WHERE id = ?");
        del.bind(1, id);
        del.exec();
        if (!p->done) {
            auto& close =
                m_impl->stmt("UPDATE priorities SET rank = rank - 1 WHERE done = 0 AND rank > ?");
            close.bind(1, p->rank);
            close.exec();
            m_impl->stamp_list("priorities");
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

void store_detail::bind_priority(SQLite::Statement& q, const Priority& p) {
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
}

namespace {

// Binds a version's fields to :uuid, :rank, :title, :until, :done, :from and :to.
void bind_version(SQLite::Statement& q, const PriorityVersion& v) {
    bind_priority(q, v.priority);
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

}  // namespace guilt
