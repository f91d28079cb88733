// SPDX-License-Identifier: MIT
// guilt merge: another copy of the journal brought into this one. A union by uuid where the newer
// version of a row wins (row by row, not field by field), ties broken by the rows' contents; the
// words that lose are kept in `conflicts`; a tombstone in either copy deletes. Every decision
// looks only at the two rows (or the two sets), never at which copy is "here", so merging A into
// B and B into A give the same rows. Reading the rows: store_merge_rows.cpp.
#include <fmt/format.h>

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "guilt/core/entry_rules.hpp"
#include "guilt/core/text.hpp"
#include "guilt/store/merge.hpp"
#include "store_impl.hpp"
#include "store_merge.hpp"

namespace guilt {
using namespace store_detail;
using namespace merge_detail;

namespace {

// An entry's contents in one string, for "are the two rows the same" and the tie-break. Kids by
// their folded names (each copy keeps its own spelling of a kid); a field the entry's type does
// not have is left out.
std::string entry_key(const Entry& e, const std::map<std::string, std::string>& kid_keys) {
    const auto has = [&](Field f) { return has_field(e.type, f); };
    auto opt = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
    std::vector<std::string> kids;
    for (const auto& kid : e.kids) {
        auto folded = fold_name(kid);
        auto it = kid_keys.find(folded);
        if (it == kid_keys.end())
            kids.push_back(folded);
        else if (!it->second.empty())  // a name either copy says is no kid names none
            kids.push_back(it->second);
    }
    return fmt::format(
        "{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}"
        "\x1f{}\x1f{}",
        to_string(e.type), e.at.utc, e.at.offset, e.text,
        has(Field::intensity) ? opt(e.intensity) : "", fmt::join(e.tags, "\x1e"),
        fmt::join(kids, "\x1e"), fmt::join(e.with, "\x1e"),
        has(Field::distance_m) ? fmt::format("{:.17g}", e.distance_m) : "",
        has(Field::distance_m) && e.unit == DistanceUnit::mi ? "mi" : "",
        has(Field::duration_s) ? opt(e.duration_s) : "", has(Field::felt) ? opt(e.felt) : "",
        has(Field::kind) ? e.kind : "", has(Field::minutes) ? std::to_string(e.minutes) : "",
        has(Field::child_led) && e.child_led ? "1" : "", has(Field::date) ? e.date : "",
        fmt::format("{}\x1f{}", has(Field::strategy) ? e.strategy : "",
                    has(Field::prompt) ? e.prompt : ""));
}

}  // namespace

namespace merge_detail {

void Merger::entries() {
    std::unordered_map<std::string, const MergeEntry*> here;
    for (const auto& e : mine.entries)
        here.emplace(e.entry.uuid, &e);
    for (const auto& in : other.entries) {
        const auto& uuid = in.entry.uuid;
        if (is_dead("entries", uuid)) continue;
        auto it = here.find(uuid);
        if (it == here.end()) {
            ++n.added;
            if (!apply) continue;
            Entry e = in.entry;
            e.id = 0;  // a new id here: ids are never reused
            impl.insert_entry(e, in.v);
            continue;
        }
        const auto& local = *it->second;
        auto local_key = entry_key(local.entry, kid_keys), in_key = entry_key(in.entry, kid_keys);
        if (local_key == in_key) {
            newer_version("entries", uuid, local.v, in.v);
            continue;
        }
        bool in_wins = std::tie(in.v.version, in_key) > std::tie(local.v.version, local_key);
        const auto& win = in_wins ? in : local;
        const auto& lose = in_wins ? local : in;
        keep_loser("entries", uuid, "text", lose.entry.text, lose.v, win.v, win.entry.text,
                   local.entry.id);
        if (!in_wins) continue;
        ++n.changed;
        if (!apply) continue;
        Entry e = in.entry;
        e.id = local.entry.id;
        impl.update_entry(e, in.v, true);
    }
}

void Merger::mottos_and_settings() {
    std::set<std::string> mottos;
    for (const auto& m : mine.mottos)
        mottos.insert(motto_uuid(m));
    for (const auto& m : other.mottos) {
        if (!mottos.insert(motto_uuid(m)).second) continue;
        ++n.mottos;
        if (!apply) continue;
        impl.put_motto(m);
    }
    std::unordered_map<std::string, const MergeSetting*> here;
    for (const auto& s : mine.settings)
        here.emplace(s.key, &s);
    for (const auto& in : other.settings) {
        auto it = here.find(in.key);
        if (it != here.end() && it->second->value == in.value) {
            newer_version("settings", in.key, {it->second->version, ""}, {in.version, ""});
            continue;
        }
        if (it != here.end() &&
            std::tie(it->second->version, it->second->value) > std::tie(in.version, in.value))
            continue;
        ++n.settings;
        if (!apply) continue;
        impl.put_setting(in.key, in.value, in.version);
    }
}

void Merger::tombstones() {
    std::set<std::pair<std::string, std::string>> alive_entries, alive_priorities;
    for (const auto& e : mine.entries)
        alive_entries.insert({"entries", e.entry.uuid});
    for (const auto& p : mine.priorities)
        alive_priorities.insert({"priorities", p.priority.uuid});
    std::map<std::pair<std::string, std::string>, std::string> here;
    for (const auto& t : mine.tombstones)
        here[{t.table, t.uuid}] = t.version;
    for (const auto& t : other.tombstones) {
        if (t.table != "entries" && t.table != "priorities") continue;  // a later guilt's
        std::pair key{t.table, t.uuid};
        if (alive_entries.count(key) > 0) ++n.deleted;
        if (alive_priorities.count(key) > 0) ++n.priorities;
        auto known = here.find(key);
        if (known != here.end() && known->second >= t.version) continue;
        ++n.bookkeeping;
        if (!apply) continue;
        auto& del = impl.stmt(fmt::format("DELETE FROM {} WHERE uuid = ?", t.table));
        del.bind(1, t.uuid);
        del.exec();
        auto& words = impl.stmt("DELETE FROM conflicts WHERE tbl = ? AND uuid = ?");
        words.bind(1, t.table);
        words.bind(2, t.uuid);
        words.exec();
        auto& q = impl.stmt(
            "INSERT INTO tombstones (tbl, uuid, version) VALUES (?, ?, ?) ON CONFLICT (tbl, uuid) "
            "DO UPDATE SET version = max(version, excluded.version)");
        q.bind(1, t.table);
        q.bind(2, t.uuid);
        q.bind(3, t.version);
        q.exec();
    }
}

void Merger::their_conflicts() {
    for (auto c : other.conflicts) {
        if (c.table != "entries" && c.table != "priorities") continue;
        if (is_dead(c.table.c_str(), c.uuid)) continue;
        c.entry_id = 0;
        if (apply && c.table == "entries") {
            auto& q = impl.stmt("SELECT id FROM entries WHERE uuid = ?");
            ResetOnExit reset{q};
            q.bind(1, c.uuid);
            if (!q.executeStep()) continue;  // its entry is gone: so are its words
            c.entry_id = q.getColumn(0).getInt64();
        }
        add_conflict(c, false);
    }
}

}  // namespace merge_detail

namespace {

// The newest version the other copy holds: this copy's clock moves past it.
std::string newest_version(const MergeRows& rows) {
    std::string newest;
    for (const auto& e : rows.entries)
        newest = std::max(newest, e.v.version);
    for (const auto& p : rows.priorities)
        newest = std::max(newest, p.v.version);
    for (const auto& s : rows.settings)
        newest = std::max(newest, s.version);
    for (const auto& t : rows.tombstones)
        newest = std::max(newest, t.version);
    return newest;
}

}  // namespace

MergeCounts Store::merge(const MergeRows& other, bool apply) {
    auto mine = merge_rows();
    return m_impl->guarded("merging", [&] {
        Merger m{*m_impl, mine, other, apply, *this};
        for (const MergeRows* rows : std::initializer_list<const MergeRows*>{&mine, &other})
            for (const auto& t : rows->tombstones)
                m.dead.insert({t.table, t.uuid});
        for (const auto& c : mine.conflicts)
            m.kept.insert(key_of(c));
        m.kid_keys = kid_keys(mine, other);
        m.tombstones();
        m.kids();
        m.entries();
        m.priorities();
        m.mottos_and_settings();
        m.their_conflicts();
        m.history();
        if (apply && !m.n.nothing()) m_impl->clock_past(newest_version(other));
        return m.n;
    });
}

}  // namespace guilt
