// SPDX-License-Identifier: MIT
// Reading entries back: filters, the search of their words (FTS5), counts, the day a tag was
// last used, and the tags and kids that complete what she is typing. Adding, changing and
// removing entries is in store_entries.cpp.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/time.hpp"
#include "store_impl.hpp"

namespace guilt {
using namespace store_detail;

namespace {

// Words for an FTS5 query: each one quoted, so nothing she types is read as FTS syntax.
std::string fts_query(const std::string& words) {
    std::string query;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        std::string quoted = "\"";
        for (char c : word)
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        query += (query.empty() ? "" : " ") + quoted + "\"";
        word.clear();
    };
    for (char c : words) {
        if (c == ' ' || c == '\t' || c == '\n')
            flush();
        else
            word += c;
    }
    flush();
    return query;
}

}  // namespace

std::vector<Entry> Store::entries(const EntryFilter& f) const {
    std::vector<Entry> out;
    for_each_entry(f, [&](const Entry& e) { out.push_back(e); });
    return out;
}

namespace {

// Words so common that reading every match costs more than walking the newest entries: from this
// many matches on, the newest matches are looked for among the newest entries first.
constexpr int kCommonWordMatches = 500;
// The newest entries looked at first for each match wanted, then four times as many each round.
constexpr std::int64_t kEntriesPerMatchWanted = 8;

}  // namespace

void Store::for_each_entry(const EntryFilter& f,
                           const std::function<void(const Entry&)>& fn) const {
    std::string where;
    auto add = [&](std::string_view clause) {
        where += where.empty() ? " WHERE " : " AND ";
        where += clause;
    };
    if (f.since_utc) add("e.ts >= :since");
    if (f.until_utc) add("e.ts <= :until");
    if (f.from_day) add("e.day >= :from_day");
    if (f.to_day) add("e.day <= :to_day");
    if (f.type) add("e.type = :type");
    if (f.tag) add("e.id IN (SELECT entry_id FROM tags WHERE tag = :tag)");
    if (f.kid)
        add("e.id IN (SELECT ek.entry_id FROM entry_kids ek JOIN kid_names n ON n.kid_id = "
            "ek.kid_id WHERE n.folded = :kid)");
    std::string query = f.contains ? fts_query(*f.contains) : "";
    if (f.contains && query.empty()) return;
    auto order = f.oldest_first ? "e.ts, e.id" : "e.ts DESC, e.id DESC";
    auto bind = [&](SQLite::Statement& q) {
        if (f.since_utc) q.bind(":since", *f.since_utc);
        if (f.until_utc) q.bind(":until", *f.until_utc);
        if (f.from_day) q.bind(":from_day", format_date(*f.from_day));
        if (f.to_day) q.bind(":to_day", format_date(*f.to_day));
        if (f.type) q.bind(":type", std::string(to_string(*f.type)));
        if (f.tag) q.bind(":tag", *f.tag);
        if (f.kid) q.bind(":kid", fold_name(*f.kid));
    };
    m_impl->guarded("reading entries", [&] {
        std::string chosen;  // with a limit: the ids of the entries to read whole
        if (f.contains && f.limit > 0) {
            if (auto ids = m_impl->newest_matches(where, order, query, f.limit, bind)) {
                if (ids->empty()) return;
                chosen = fmt::format(" WHERE e.id IN ({})", fmt::join(*ids, ","));
            }
        }
        if (f.contains)
            add("e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH :match)");
        // With a limit, the entries are chosen first and only those read whole (tags, kids, ...).
        std::string sql;
        if (!chosen.empty())
            sql =
                fmt::format("SELECT {} FROM entries e{} ORDER BY {}", kEntryColumns, chosen, order);
        else if (f.limit > 0)
            sql = fmt::format(
                "SELECT {} FROM entries e WHERE e.id IN (SELECT e.id FROM entries e{} ORDER BY {} "
                "LIMIT {}) ORDER BY {}",
                kEntryColumns, where, order, f.limit, order);
        else
            sql =
                fmt::format("SELECT {} FROM entries e{} ORDER BY {}", kEntryColumns, where, order);
        auto& q = m_impl->stmt(sql);
        ResetOnExit reset{q};
        if (chosen.empty()) {
            bind(q);
            if (f.contains) q.bind(":match", query);
        }
        while (q.executeStep())
            fn(entry_from_row(q));
    });
}

std::optional<std::vector<std::int64_t>> Store::Impl::newest_matches(
    const std::string& where, std::string_view order, const std::string& match, int limit,
    const std::function<void(SQLite::Statement&)>& bind) {
    // A rarer word: its matches are read and sorted at once (the plain query).
    auto& probe = stmt(fmt::format(
        "SELECT count(*) FROM (SELECT 1 FROM entries_fts WHERE entries_fts MATCH :match LIMIT {})",
        kCommonWordMatches));
    ResetOnExit reset_probe{probe};
    probe.bind(":match", match);
    if (!probe.executeStep() || probe.getColumn(0).getInt() < kCommonWordMatches)
        return std::nullopt;
    probe.reset();
    // A common word: among the newest K entries (by the filters but the words), the matches are
    // found in one read of the search index over their ids' range (narrow when, as usual, ids
    // follow time). Enough of them, or no older entries left: those are the newest matches.
    for (std::int64_t k = limit * kEntriesPerMatchWanted;; k *= 4) {
        auto& newest =
            stmt(fmt::format("SELECT e.id FROM entries e{} ORDER BY {} LIMIT {}", where, order, k));
        ResetOnExit reset_newest{newest};
        bind(newest);
        std::vector<std::int64_t> ids;
        while (newest.executeStep())
            ids.push_back(newest.getColumn(0).getInt64());
        if (ids.empty()) return ids;
        auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
        auto& in_range = stmt(
            "SELECT rowid FROM entries_fts WHERE entries_fts MATCH :match AND rowid BETWEEN :lo "
            "AND "
            ":hi");
        ResetOnExit reset_range{in_range};
        in_range.bind(":match", match);
        in_range.bind(":lo", *lo);
        in_range.bind(":hi", *hi);
        std::unordered_set<std::int64_t> matched;
        while (in_range.executeStep())
            matched.insert(in_range.getColumn(0).getInt64());
        std::vector<std::int64_t> picked;
        for (auto id : ids)
            if (matched.contains(id) && static_cast<int>(picked.size()) < limit)
                picked.push_back(id);
        if (static_cast<int>(picked.size()) >= limit || static_cast<std::int64_t>(ids.size()) < k)
            return picked;
    }
}

std::int64_t Store::salvage_entries(const EntryFilter& f,
                                    const std::function<void(const Entry&)>& fn) const {
    // The highest id ever given, from wherever it can still be read.
    std::int64_t last = 0;
    for (const char* sql : {"SELECT seq FROM sqlite_sequence WHERE name = 'entries'",
                            "SELECT max(id) FROM entries"}) {
        try {
            SQLite::Statement q(m_impl->db, sql);
            if (q.executeStep() && !q.getColumn(0).isNull())
                last = std::max(last, q.getColumn(0).getInt64());
        } catch (const SQLite::Exception&) {  // that part is damaged too
        }
    }
    auto wanted = [&](const Entry& e) {
        auto day = local_date(e.at);
        return (!f.since_utc || e.at.utc >= *f.since_utc) &&
               (!f.until_utc || e.at.utc <= *f.until_utc) && (!f.from_day || day >= *f.from_day) &&
               (!f.to_day || day <= *f.to_day) && (!f.type || e.type == *f.type);
    };
    std::vector<Entry> found;
    std::int64_t unreadable = 0;
    for (std::int64_t id = 1; id <= last; ++id) {
        try {
            if (auto e = find(id); e && wanted(*e)) found.push_back(std::move(*e));
        } catch (const StoreError&) {
            ++unreadable;
        }
    }
    std::stable_sort(found.begin(), found.end(), [&](const Entry& a, const Entry& b) {
        return f.oldest_first ? a.at.utc < b.at.utc : a.at.utc > b.at.utc;
    });
    for (const auto& e : found)
        fn(e);
    return unreadable;
}

std::int64_t Store::count_entries() const {
    return m_impl->guarded("counting entries", [&] {
        return m_impl->db.execAndGet("SELECT count(*) FROM entries").getInt64();
    });
}

std::optional<Date> Store::day_tagged(const std::string& tag, Date last) const {
    return m_impl->guarded("reading tags", [&]() -> std::optional<Date> {
        auto& q = m_impl->stmt(
            "SELECT e.day FROM tags t JOIN entries e ON e.id = t.entry_id WHERE t.tag = :tag AND "
            "e.type = 'guilt' AND e.day <= :last LIMIT 1");
        ResetOnExit reset{q};
        q.bind(":tag", tag);
        q.bind(":last", format_date(last));
        if (!q.executeStep()) return std::nullopt;
        return parse_date(q.getColumn(0).getString(), "day");
    });
}

std::vector<std::string> Store::tags_with_prefix(const std::string& prefix, int limit) const {
    return m_impl->guarded("reading tags", [&] {
        auto& q = m_impl->stmt(
            "SELECT DISTINCT tag FROM tags WHERE tag >= :p AND tag < :p || char(1114111) ORDER BY "
            "tag LIMIT :n");
        q.bind(":p", to_lower(prefix));
        q.bind(":n", limit);
        std::vector<std::string> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString());
        return out;
    });
}

std::vector<std::string> Store::kids_with_prefix(const std::string& prefix, int limit) const {
    return m_impl->guarded("reading kids", [&] {
        auto& q = m_impl->stmt(
            "SELECT DISTINCT k.name FROM kid_names n JOIN kids k ON k.id = n.kid_id WHERE n.folded "
            ">= :p AND n.folded < :p || char(1114111) ORDER BY k.name LIMIT :n");
        q.bind(":p", fold_name(prefix));
        q.bind(":n", limit);
        std::vector<std::string> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString());
        return out;
    });
}

}  // namespace guilt
