// SPDX-License-Identifier: MIT
// The journal's kids: one kid for every spelling of a name (Unicode folding), renames and
// merges, and the names that are not kids.
#include "store_impl.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <optional>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {
using namespace store_detail;

std::optional<std::int64_t> Store::Impl::find_kid(const std::string& name) {
    auto& q = stmt("SELECT kid_id FROM kid_names WHERE folded = ?");
    ResetOnExit reset{q};
    q.bind(1, fold_name(name));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
}

std::int64_t Store::Impl::kid_id(const std::string& name) {
    if (auto id = find_kid(name)) return *id;
    auto& insert = stmt("INSERT INTO kids (name) VALUES (?)");
    insert.bind(1, name);
    insert.exec();
    const auto id = db.getLastInsertRowid();
    auto& spelling = stmt("INSERT INTO kid_names (folded, kid_id) VALUES (?, ?)");
    spelling.bind(1, fold_name(name));
    spelling.bind(2, id);
    spelling.exec();
    return id;
}

std::string Store::Impl::stored_kid_name(const std::string& name) {
    auto& q =
        stmt("SELECT k.name FROM kid_names n JOIN kids k ON k.id = n.kid_id WHERE n.folded = ?");
    ResetOnExit reset{q};
    q.bind(1, fold_name(name));
    return q.executeStep() ? q.getColumn(0).getString() : name;
}

bool Store::Impl::is_not_kid(const std::string& name) {
    auto& q = stmt("SELECT 1 FROM not_kids WHERE folded = ?");
    ResetOnExit reset{q};
    q.bind(1, fold_name(name));
    return q.executeStep();
}

std::vector<KidSummary> Store::kids() const {
    return m_impl->guarded("reading kids", [&] {
        // The offset comes from the row holding max(ts), as SQLite defines for bare columns.
        auto& q = m_impl->stmt(R"sql(
            SELECT k.name, count(*), max(e.ts), e.utc_offset FROM kids k
            JOIN entry_kids ek ON ek.kid_id = k.id JOIN entries e ON e.id = ek.entry_id
            GROUP BY k.id ORDER BY count(*) DESC, k.name)sql");
        std::vector<KidSummary> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(),
                           q.getColumn(1).getInt64(),
                           {q.getColumn(2).getInt64(), q.getColumn(3).getInt()}});
        return out;
    });
}

std::optional<std::string> Store::kid_named(const std::string& name) const {
    return m_impl->guarded("reading kids", [&]() -> std::optional<std::string> {
        if (!m_impl->find_kid(name)) return std::nullopt;
        return m_impl->stored_kid_name(name);
    });
}

std::vector<std::string> Store::not_kids() const {
    return m_impl->guarded("reading kids", [&] {
        auto& q = m_impl->stmt("SELECT DISTINCT name FROM not_kids ORDER BY name");
        std::vector<std::string> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString());
        return out;
    });
}

bool Store::is_not_kid(const std::string& name) const {
    return m_impl->guarded("reading kids", [&] { return m_impl->is_not_kid(name); });
}

void Store::rename_kid(const std::string& name, const std::string& new_name) {
    m_impl->guarded("renaming the kid", [&] {
        const auto id = m_impl->find_kid(name).value_or(0);
        auto& q = m_impl->stmt("UPDATE kids SET name = ? WHERE id = ?");
        q.bind(1, new_name);
        q.bind(2, id);
        q.exec();
        m_impl->put_kid_version(id, m_impl->version_now());
        // The old spelling keeps leading to her, so "@zoe" next week is still Zoë.
        auto& spelling =
            m_impl->stmt("INSERT OR IGNORE INTO kid_names (folded, kid_id) VALUES (?, ?)");
        spelling.bind(1, fold_name(new_name));
        spelling.bind(2, id);
        spelling.exec();
    });
}

std::int64_t Store::merge_kids(const std::string& from, const std::string& into) {
    return m_impl->guarded("merging the kids", [&] {
        const auto from_id = m_impl->find_kid(from).value_or(0);
        const auto into_id = m_impl->find_kid(into).value_or(0);
        auto& moved = m_impl->stmt("SELECT count(*) FROM entry_kids WHERE kid_id = ?");
        std::int64_t count = 0;
        {
            ResetOnExit reset{moved};
            moved.bind(1, from_id);
            if (moved.executeStep()) count = moved.getColumn(0).getInt64();
        }
        for (const char* sql : {
                 // An entry naming both keeps one link, at the earlier place.
                 "DELETE FROM entry_kids WHERE kid_id = :from AND entry_id IN "
                 "(SELECT entry_id FROM entry_kids WHERE kid_id = :into)",
                 "UPDATE entry_kids SET kid_id = :into WHERE kid_id = :from",
                 "UPDATE kid_names SET kid_id = :into WHERE kid_id = :from",
                 "DELETE FROM kids WHERE id = :from",
             }) {
            auto& q = m_impl->stmt(sql);
            if (std::string_view(sql).find(":into") != std::string_view::npos)
                q.bind(":into", into_id);
            q.bind(":from", from_id);
            q.exec();
        }
        return count;
    });
}

std::int64_t Store::mark_not_kid(const std::string& name) {
    return m_impl->guarded("marking the name as not a kid", [&] {
        std::vector<std::string> spellings = {fold_name(name)};
        std::int64_t count = 0;
        if (const auto id = m_impl->find_kid(name)) {
            auto& names = m_impl->stmt("SELECT folded FROM kid_names WHERE kid_id = ?");
            names.bind(1, *id);
            while (names.executeStep())
                merge_names(spellings, {names.getColumn(0).getString()}, false);
            auto& unlink = m_impl->stmt("DELETE FROM entry_kids WHERE kid_id = ?");
            unlink.bind(1, *id);
            count = unlink.exec();
            auto& forget = m_impl->stmt("DELETE FROM kids WHERE id = ?");  // and its spellings
            forget.bind(1, *id);
            forget.exec();
        }
        for (const auto& folded : spellings) {
            auto& q = m_impl->stmt("INSERT OR REPLACE INTO not_kids (folded, name) VALUES (?, ?)");
            q.bind(1, folded);
            q.bind(2, name);
            q.exec();
        }
        return count;
    });
}

std::int64_t Store::unmark_not_kid(const std::string& name) {
    return m_impl->guarded("marking the name as a kid", [&] {
        // Every spelling recorded with this one is a kid again.
        std::vector<std::string> spellings;
        auto& q = m_impl->stmt(
            "SELECT folded FROM not_kids WHERE name = (SELECT name FROM not_kids WHERE folded = "
            "?)");
        q.bind(1, fold_name(name));
        while (q.executeStep())
            spellings.push_back(q.getColumn(0).getString());
        for (const auto& folded : spellings) {
            auto& del = m_impl->stmt("DELETE FROM not_kids WHERE folded = ?");
            del.bind(1, folded);
            del.exec();
        }
        // The entries whose words name her get the link back.
        std::vector<std::pair<std::int64_t, std::string>> mentions;
        auto& texts = m_impl->stmt("SELECT id, text FROM entries WHERE text LIKE '%@%'");
        while (texts.executeStep()) {
            for (const auto& kid : extract_mentions(texts.getColumn(1).getString())) {
                const auto folded = fold_name(kid);
                if (std::find(spellings.begin(), spellings.end(), folded) != spellings.end()) {
                    mentions.emplace_back(texts.getColumn(0).getInt64(), kid);
                    break;
                }
            }
        }
        for (const auto& [entry_id, kid] : mentions) {
            auto& link = m_impl->stmt(R"sql(
                INSERT INTO entry_kids (entry_id, pos, kid_id)
                SELECT :entry, coalesce(max(pos) + 1, 0), :kid FROM entry_kids WHERE entry_id = :entry
                )sql");
            link.bind(":entry", entry_id);
            link.bind(":kid", m_impl->kid_id(kid));
            link.exec();
        }
        return static_cast<std::int64_t>(mentions.size());
    });
}

namespace {

// Rows of (name, folded), ordered by name, as one KidNames each.
std::vector<KidNames> grouped(SQLite::Statement& q) {
    std::vector<KidNames> out;
    while (q.executeStep()) {
        auto name = q.getColumn(0).getString();
        if (out.empty() || out.back().name != name) out.push_back({name, {}});
        if (!q.getColumn(1).isNull()) out.back().spellings.push_back(q.getColumn(1).getString());
    }
    return out;
}

}  // namespace

std::vector<KidNames> Store::kid_registry() const {
    return m_impl->guarded("reading kids", [&] {
        auto& q = m_impl->stmt(
            "SELECT k.name, n.folded FROM kids k LEFT JOIN kid_names n ON n.kid_id = k.id "
            "ORDER BY k.name, k.id, n.folded");
        return grouped(q);
    });
}

std::vector<KidNames> Store::not_kid_registry() const {
    return m_impl->guarded("reading kids", [&] {
        auto& q = m_impl->stmt("SELECT name, folded FROM not_kids ORDER BY name, folded");
        return grouped(q);
    });
}

bool Store::add_kid_names(const KidNames& kid) {
    return m_impl->guarded("adding the kid", [&] {
        if (m_impl->is_not_kid(kid.name)) return false;
        bool added = !m_impl->find_kid(kid.name);
        const auto id = m_impl->kid_id(kid.name);
        for (const auto& spelling : kid.spellings) {
            if (m_impl->find_kid(spelling) || m_impl->is_not_kid(spelling)) continue;
            auto& q = m_impl->stmt("INSERT INTO kid_names (folded, kid_id) VALUES (?, ?)");
            q.bind(1, fold_name(spelling));
            q.bind(2, id);
            q.exec();
            added = true;
        }
        return added;
    });
}

bool Store::add_not_kid_names(const KidNames& names) {
    return m_impl->guarded("adding the name that is not a kid", [&] {
        bool added = false;
        auto spellings = names.spellings;
        spellings.push_back(names.name);
        for (const auto& spelling : spellings) {
            if (m_impl->find_kid(spelling) || m_impl->is_not_kid(spelling)) continue;
            auto& q = m_impl->stmt("INSERT INTO not_kids (folded, name) VALUES (?, ?)");
            q.bind(1, fold_name(spelling));
            q.bind(2, names.name);
            q.exec();
            added = true;
        }
        return added;
    });
}

}  // namespace guilt
