// SPDX-License-Identifier: MIT
// The journal's entries: adding, changing and removing them with their tags, kids and
// companions, reading them back, and searching their words (FTS5).
#include "store_impl.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sys/random.h>

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "guilt/core/entry_rules.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/time.hpp"

namespace guilt {
using namespace store_detail;

namespace {

constexpr char kSeparator = '\x1f';  // joins tags, kids and companions in one column

std::vector<std::string> split(const std::string& joined) {
    std::vector<std::string> out;
    if (joined.empty()) return out;
    std::size_t start = 0;
    for (;;) {
        auto end = joined.find(kSeparator, start);
        out.push_back(joined.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::optional<int> optional_int(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt();
}

std::string text_or_empty(const SQLite::Column& c) {
    return c.isNull() ? "" : c.getString();
}

// The words in a text column of entry `id`, or "" for NULL. A BLOB another program stored there
// is read as text when it is UTF-8; else the entry cannot be read (BadStoredValue naming it).
std::string stored_text(const SQLite::Column& c, std::int64_t id, std::string_view field) {
    if (c.isNull()) return "";
    auto text = c.getString();
    if (c.isBlob() && !is_utf8(text))
        throw BadStoredValue(
            fmt::format("entry #{} holds binary data, not text, as its {}", id, field));
    return text;
}

// The names of entry `id` joined in one column (tags, kids, companions). Guilt stores only UTF-8
// names; bytes that are not (planted by another program, as a BLOB or not) make the entry
// unreadable, as in stored_text.
std::vector<std::string> stored_names(const SQLite::Column& c, std::int64_t id,
                                      std::string_view field) {
    auto joined = text_or_empty(c);
    if (!is_utf8(joined))
        throw BadStoredValue(
            fmt::format("entry #{} holds binary data, not text, among its {}", id, field));
    return split(joined);
}

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

namespace store_detail {

const char* const kEntryColumns = R"sql(
    e.id, e.uuid, e.type, e.ts, e.utc_offset, e.text, e.intensity, e.distance_m, e.duration_s,
    e.unit, e.felt, e.kind, e.minutes, e.child_led, e.ref_date, e.strategy, e.prompt,
    (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM tags WHERE entry_id = e.id ORDER BY pos)),
    (SELECT group_concat(name, char(31)) FROM (SELECT k.name FROM entry_kids ek JOIN kids k ON k.id = ek.kid_id
                                               WHERE ek.entry_id = e.id ORDER BY ek.pos)),
    (SELECT group_concat(who, char(31)) FROM (SELECT who FROM run_with WHERE entry_id = e.id ORDER BY pos))
)sql";

Entry entry_from_row(SQLite::Statement& q) {
    Entry e;
    e.id = q.getColumn(0).getInt64();
    e.uuid = stored_text(q.getColumn(1), e.id, "uuid");
    e.type = entry_type_from(q.getColumn(2).getString()).value_or(EntryType::guilt);
    e.at = {q.getColumn(3).getInt64(), q.getColumn(4).getInt()};
    e.text = stored_text(q.getColumn(5), e.id, "text");
    e.intensity = optional_int(q.getColumn(6));
    e.distance_m = q.getColumn(7).isNull() ? 0 : q.getColumn(7).getDouble();
    e.duration_s = optional_int(q.getColumn(8));
    e.unit = text_or_empty(q.getColumn(9)) == "mi" ? DistanceUnit::mi : DistanceUnit::km;
    e.felt = optional_int(q.getColumn(10));
    e.kind = stored_text(q.getColumn(11), e.id, "kind");
    e.minutes = optional_int(q.getColumn(12)).value_or(0);
    e.child_led = optional_int(q.getColumn(13)).value_or(0) != 0;
    e.date = stored_text(q.getColumn(14), e.id, "date");
    e.strategy = stored_text(q.getColumn(15), e.id, "strategy");
    e.prompt = stored_text(q.getColumn(16), e.id, "prompt");
    e.tags = stored_names(q.getColumn(17), e.id, "tags");
    e.kids = stored_names(q.getColumn(18), e.id, "kids");
    e.with = stored_names(q.getColumn(19), e.id, "companions");
    return e;
}

}  // namespace store_detail

void Store::Impl::write_links(const Entry& e, bool replace) {
    if (replace) {  // an updated entry loses its old links; a new one has none yet
        for (const char* table : {"tags", "entry_kids", "run_with"}) {
            auto& del = stmt(fmt::format("DELETE FROM {} WHERE entry_id = ?", table));
            del.bind(1, e.id);
            del.exec();
        }
    }
    int pos = 0;
    for (const auto& tag : e.tags) {
        auto& q = stmt("INSERT INTO tags (entry_id, pos, tag) VALUES (?, ?, ?)");
        q.bind(1, e.id);
        q.bind(2, pos++);
        q.bind(3, tag);
        q.exec();
    }
    pos = 0;
    std::vector<std::int64_t> linked;
    for (const auto& kid : e.kids) {
        if (is_not_kid(kid)) continue;
        auto id = kid_id(kid);
        // Two spellings of one kid ("Zoë" and "@ZOË") are one link.
        if (std::find(linked.begin(), linked.end(), id) != linked.end()) continue;
        linked.push_back(id);
        auto& q = stmt("INSERT INTO entry_kids (entry_id, pos, kid_id) VALUES (?, ?, ?)");
        q.bind(1, e.id);
        q.bind(2, pos++);
        q.bind(3, id);
        q.exec();
    }
    pos = 0;
    for (const auto& who : e.with) {
        auto& q = stmt("INSERT INTO run_with (entry_id, pos, who) VALUES (?, ?, ?)");
        q.bind(1, e.id);
        q.bind(2, pos++);
        q.bind(3, who);
        q.exec();
    }
}

namespace {

// Binds the fields of an entry to the named parameters of an INSERT or UPDATE.
void bind_entry(SQLite::Statement& q, const Entry& e) {
    auto bind_opt = [&](const char* name, const std::optional<int>& v) {
        if (v)
            q.bind(name, *v);
        else
            q.bind(name);
    };
    auto bind_text = [&](const char* name, const std::string& v) {
        if (v.empty())
            q.bind(name);
        else
            q.bind(name, v);
    };
    q.bind(":uuid", e.uuid);
    q.bind(":type", std::string(to_string(e.type)));
    q.bind(":ts", e.at.utc);
    q.bind(":off", e.at.offset);
    q.bind(":text", e.text);
    // A column holds a value only for the types that have its field (entry_rules.hpp).
    const auto has = [&](Field f) { return has_field(e.type, f); };
    bind_opt(":intensity", has(Field::intensity) ? e.intensity : std::nullopt);
    if (has(Field::distance_m)) {
        q.bind(":distance", e.distance_m);
        q.bind(":unit", e.unit == DistanceUnit::mi ? "mi" : "km");
    } else {
        q.bind(":distance");
        q.bind(":unit");
    }
    bind_opt(":duration", has(Field::duration_s) ? e.duration_s : std::nullopt);
    bind_opt(":felt", has(Field::felt) ? e.felt : std::nullopt);
    bind_text(":kind", has(Field::kind) ? e.kind : "");
    bind_opt(":minutes", has(Field::minutes) ? std::optional<int>(e.minutes) : std::nullopt);
    bind_opt(":child_led", has(Field::child_led) ? std::optional<int>(e.child_led) : std::nullopt);
    bind_text(":ref_date", has(Field::date) ? e.date : "");
    bind_text(":strategy", has(Field::strategy) ? e.strategy : "");
    bind_text(":prompt", has(Field::prompt) ? e.prompt : "");
}

}  // namespace

void Store::add(Entry& e) {
    if (e.uuid.empty()) e.uuid = make_uuid();
    m_impl->guarded("saving the entry", [&] {
        auto& q = m_impl->stmt(R"sql(
            INSERT INTO entries (uuid, type, ts, utc_offset, text, intensity, distance_m, duration_s,
                                 unit, felt, kind, minutes, child_led, ref_date, strategy, prompt)
            VALUES (:uuid, :type, :ts, :off, :text, :intensity, :distance, :duration, :unit, :felt,
                    :kind, :minutes, :child_led, :ref_date, :strategy, :prompt))sql");
        std::vector<std::string> kids;
        for (const auto& kid : e.kids)
            if (!m_impl->is_not_kid(kid)) merge_names(kids, {m_impl->stored_kid_name(kid)}, true);
        e.kids = std::move(kids);
        bind_entry(q, e);
        q.exec();
        e.id = m_impl->db.getLastInsertRowid();
        m_impl->write_links(e, false);
    });
}

void Store::update(const Entry& e) {
    m_impl->guarded("updating the entry", [&] {
        auto& q = m_impl->stmt(R"sql(
            UPDATE entries SET uuid = :uuid, type = :type, ts = :ts, utc_offset = :off, text = :text,
                intensity = :intensity, distance_m = :distance, duration_s = :duration, unit = :unit,
                felt = :felt, kind = :kind, minutes = :minutes, child_led = :child_led,
                ref_date = :ref_date, strategy = :strategy, prompt = :prompt
            WHERE id = :id)sql");
        bind_entry(q, e);
        q.bind(":id", e.id);
        q.exec();
        m_impl->write_links(e, true);
    });
}

bool Store::remove(std::int64_t id) {
    return m_impl->guarded("deleting the entry", [&] {
        auto& q = m_impl->stmt("DELETE FROM entries WHERE id = ?");
        q.bind(1, id);
        return q.exec() > 0;
    });
}

std::optional<Entry> Store::find(std::int64_t id) const {
    return m_impl->guarded("reading the entry", [&]() -> std::optional<Entry> {
        auto& q =
            m_impl->stmt(fmt::format("SELECT {} FROM entries e WHERE e.id = ?", kEntryColumns));
        ResetOnExit reset{q};
        q.bind(1, id);
        if (!q.executeStep()) return std::nullopt;
        return entry_from_row(q);
    });
}

bool Store::has_uuid(const std::string& uuid) const {
    return m_impl->guarded("reading the journal", [&] {
        auto& q = m_impl->stmt("SELECT 1 FROM entries WHERE uuid = ?");
        ResetOnExit reset{q};
        q.bind(1, uuid);
        return q.executeStep();
    });
}

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

std::string make_uuid() {
    std::array<unsigned char, 16> b{};
    if (getrandom(b.data(), b.size(), 0) != static_cast<ssize_t>(b.size()))
        throw StoreError("cannot read random bytes for a new entry's UUID");
    return format_uuid(b, 4);
}

}  // namespace guilt
