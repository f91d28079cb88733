// SPDX-License-Identifier: MIT
// The journal's entries: adding (one, or many at once for an import: write_many), changing and
// removing them with their tags, kids and companions, and reading one back. Filters and the
// search of their words are in store_search.cpp.
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

void Store::write_many(const std::function<void()>& fn) {
    write([&] {
        auto& db = m_impl->db;
        auto& many = m_impl->many.emplace();
        struct Done {
            std::optional<ManyEntries>& many;
            ~Done() { many.reset(); }
        } done{m_impl->many};
        many.before = db.execAndGet("SELECT coalesce(max(id), 0) FROM entries").getInt64();
        fn();
        if (many.trigger.empty()) return;  // no entry added: the schema as it was
        // Ids only grow: the new entries are those past the largest id before.
        SQLite::Statement index(db,
                                "INSERT INTO entries_fts (rowid, text, prompt) SELECT id, text, "
                                "coalesce(prompt, '') FROM entries WHERE id > ?");
        index.bind(1, many.before);
        index.exec();
        db.exec(many.trigger);
        m_impl->undo.triggers_made_again();
    });
}

void Store::Impl::index_later() {
    if (!many || !many->trigger.empty()) return;
    // The trigger that indexes each new entry, dropped before the first entry is added and
    // made again at the end, inside the transaction: a failed import rolls back with it in
    // place, and one that adds nothing leaves the schema untouched.
    many->trigger = db.execAndGet(
                          "SELECT coalesce(max(sql), '') FROM sqlite_master WHERE type = "
                          "'trigger' AND name = 'entries_fts_insert'")
                        .getString();
    if (!many->trigger.empty()) db.exec("DROP TRIGGER entries_fts_insert");
}

void Store::add(Entry& e) {
    m_impl->guarded("saving the entry", [&] {
        m_impl->insert_entry(e, {m_impl->version_now(), ""});
    });
}

void Store::Impl::insert_entry(Entry& e, const RowVersion& v) {
    if (e.uuid.empty()) e.uuid = make_uuid();
    index_later();
    {
        auto& q = stmt(R"sql(
            INSERT INTO entries (uuid, type, ts, utc_offset, text, intensity, distance_m, duration_s,
                                 unit, felt, kind, minutes, child_led, ref_date, strategy, prompt,
                                 version, prev)
            VALUES (:uuid, :type, :ts, :off, :text, :intensity, :distance, :duration, :unit, :felt,
                    :kind, :minutes, :child_led, :ref_date, :strategy, :prompt, :version,
                    :prev))sql");
        std::vector<std::string> kids;
        for (const auto& kid : e.kids)
            if (!is_not_kid(kid)) merge_names(kids, {stored_kid_name(kid)}, true);
        e.kids = std::move(kids);
        bind_entry(q, e);
        q.bind(":version", v.version);
        if (v.prev.empty())
            q.bind(":prev");
        else
            q.bind(":prev", v.prev);
        q.exec();
        e.id = db.getLastInsertRowid();
    }
    write_links(e, false);
}

void Store::update(const Entry& e) {
    m_impl->guarded("updating the entry", [&] {
        m_impl->update_entry(e, {m_impl->version_now(), ""}, false);
    });
}

void Store::Impl::update_entry(const Entry& e, const RowVersion& v, bool merged) {
    {
        auto& q = stmt(R"sql(
            UPDATE entries SET uuid = :uuid, type = :type, ts = :ts, utc_offset = :off, text = :text,
                intensity = :intensity, distance_m = :distance, duration_s = :duration, unit = :unit,
                felt = :felt, kind = :kind, minutes = :minutes, child_led = :child_led,
                ref_date = :ref_date, strategy = :strategy, prompt = :prompt,
                prev = CASE WHEN :merged THEN :prev ELSE version END, version = :version
            WHERE id = :id)sql");
        bind_entry(q, e);
        q.bind(":id", e.id);
        q.bind(":version", v.version);
        // A change made here replaced the version the row had; a merged one keeps the other
        // copy's.
        q.bind(":merged", merged ? 1 : 0);
        q.bind(":prev", v.prev);
        q.exec();
    }
    write_links(e, true);
}

bool Store::remove(std::int64_t id) {
    return m_impl->guarded("deleting the entry", [&] {
        m_impl->leave_tombstone("entries", id);
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

std::string make_uuid() {
    std::array<unsigned char, 16> b{};
    if (getrandom(b.data(), b.size(), 0) != static_cast<ssize_t>(b.size()))
        throw StoreError("cannot read random bytes for a new entry's UUID");
    return format_uuid(b, 4);
}

}  // namespace guilt
