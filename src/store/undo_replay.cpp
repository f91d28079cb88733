// SPDX-License-Identifier: MIT
// The undo log played back: reading the steps of the latest change, checking them, saying what
// they touched (the summary `guilt undo` prints), playing them backwards, and forgetting changes
// or the rows of forgotten entries. Recording them is in undo_log.cpp.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "undo_log.hpp"
#include "undo_sql.hpp"

namespace guilt {

using namespace undo_sql;

const UndoLog::Table* UndoLog::table(const std::string& name) const {
    for (const auto& t : m_tables)
        if (t.name == name) return &t;
    return nullptr;
}

std::string UndoLog::key_match(const Table& t) const {
    std::string where;
    for (const auto& k : t.key)
        where += fmt::format("{}{} = json_extract(:key, {})", where.empty() ? "" : " AND ",
                             k == "rowid" ? "rowid" : ident(k), path(k));
    return where;
}

std::vector<UndoLog::StoredStep> UndoLog::read_steps(std::int64_t change) {
    std::vector<StoredStep> steps;
    SQLite::Statement read(m_db,
                           "SELECT seq, tbl, op, lo, hi, key, row FROM main.undo_steps WHERE "
                           "change_id = ? ORDER BY seq DESC");
    read.bind(1, change);
    while (read.executeStep()) {
        auto text = [&](int i) {
            return read.getColumn(i).isNull() ? std::string() : read.getColumn(i).getString();
        };
        steps.push_back({read.getColumn(0).getInt64(), text(1), text(2), text(5), text(6),
                         read.getColumn(3).getInt64(), read.getColumn(4).getInt64()});
    }
    return steps;
}

// What is wrong with a step as stored (written by another program, or by hand), or "" when
// undo can play it: a table it knows, an op, and the JSON the op needs.
std::string UndoLog::step_problem(const StoredStep& s) const {
    const Table* t = table(s.tbl);
    if (!t) return fmt::format("it names no table {}", s.tbl);
    auto object = [](const std::string& text) {
        auto j = nlohmann::json::parse(text, nullptr, false);
        return !j.is_discarded() && j.is_object();
    };
    if (s.op == "added") {
        if (t->has_rowid ? s.lo <= s.hi : object(s.key)) return "";
    } else if (s.op == "deleted") {
        if (object(s.row)) return "";
    } else if (s.op == "updated") {
        if (object(s.key) && object(s.row)) return "";
    }
    return fmt::format("a step of {} ({}) cannot be read", s.tbl, s.op);
}

// The ids of the entries a step names: the entries it adds, deletes or changes, or those its
// rows belong to (tags.entry_id, followups.reflection_id). Rows added to a rowid table are read
// from the table, so this runs before they go.
std::vector<std::int64_t> UndoLog::step_entries(const StoredStep& s) const {
    const Table& t = *table(s.tbl);
    std::vector<std::int64_t> out;
    auto member = [&](const std::string& text, const std::string& name) {
        auto j = nlohmann::json::parse(text, nullptr, false);
        if (j.is_object() && j.contains(name) && j[name].is_number_integer())
            out.push_back(j[name].get<std::int64_t>());
    };
    std::string column = s.tbl == kEntries ? t.columns.front() : t.entry_column;
    if (column.empty()) return out;
    if (s.op == "added" && t.has_rowid) {
        if (s.tbl == kEntries) {
            for (auto id = s.lo; id <= s.hi; ++id)
                out.push_back(id);
            return out;
        }
        SQLite::Statement q(m_db, fmt::format("SELECT {} FROM main.{} WHERE rowid BETWEEN ? AND ?",
                                              ident(column), ident(t.name)));
        q.bind(1, s.lo);
        q.bind(2, s.hi);
        while (q.executeStep())
            if (q.getColumn(0).isInteger()) out.push_back(q.getColumn(0).getInt64());
    } else if (s.op == "added") {
        member(s.key, column);
    } else if (s.tbl == kEntries && s.op == "updated") {
        member(s.key, "rowid");
    } else {
        member(s.row, column);  // the old row names its entry, deleted or updated
    }
    return out;
}

// The summary of a change, read before its rows go: which entries, and what else.
UndoneChange UndoLog::summarize(const std::vector<StoredStep>& steps,
                                const std::function<std::optional<Entry>(std::int64_t)>& find,
                                std::optional<std::int64_t>& one) const {
    UndoneChange out;
    std::set<std::int64_t> removed, restored, reverted;
    std::set<std::string> others;
    bool kids = false;
    for (const auto& s : steps) {
        const Table& t = *table(s.tbl);
        auto ids = step_entries(s);
        if (s.tbl == kEntries) {
            auto& into = s.op == "added" ? removed : s.op == "deleted" ? restored : reverted;
            into.insert(ids.begin(), ids.end());
        } else if (!t.entry_column.empty()) {
            reverted.insert(ids.begin(), ids.end());
        } else if (s.tbl == "kids" || s.tbl == "kid_names" || s.tbl == "kid_versions") {
            kids = true;  // a new kid's name (and its spellings) goes with the entry naming it
        } else if (s.tbl == "priority_history" || s.tbl == "list_versions") {
            others.insert("priorities");  // the history and order follow the list: one part
        } else if (s.tbl == "tombstones") {
            // The uuid a delete leaves for guilt merge: the delete is named by its own row.
        } else {
            others.insert(s.tbl);
        }
    }
    if (kids && removed.empty() && restored.empty() && reverted.empty()) others.insert("kids");
    for (auto id : removed)
        reverted.erase(id);
    for (auto id : restored)
        reverted.erase(id);
    out.entries_removed = static_cast<std::int64_t>(removed.size());
    out.entries_restored = static_cast<std::int64_t>(restored.size());
    out.entries_reverted = static_cast<std::int64_t>(reverted.size());
    out.others.assign(others.begin(), others.end());
    if (removed.size() + restored.size() + reverted.size() == 1)
        one = !removed.empty()    ? *removed.begin()
              : !restored.empty() ? *restored.begin()
                                  : *reverted.begin();
    if (one && !removed.empty()) out.entry = find(*one);
    return out;
}

// Plays the steps (newest first) backwards. Rows come back before the rows they name are
// checked: the keys are checked at commit.
void UndoLog::play(const std::vector<StoredStep>& steps) {
    m_db.exec("PRAGMA defer_foreign_keys = ON");
    for (const auto& s : steps) {
        const Table& t = *table(s.tbl);
        auto on = fmt::format("main.{}", ident(t.name));
        if (s.op == "added" && t.has_rowid) {
            SQLite::Statement q(m_db,
                                fmt::format("DELETE FROM {} WHERE rowid BETWEEN ? AND ?", on));
            q.bind(1, s.lo);
            q.bind(2, s.hi);
            q.exec();
        } else if (s.op == "added") {
            SQLite::Statement q(m_db, fmt::format("DELETE FROM {} WHERE {}", on, key_match(t)));
            q.bind(":key", s.key);
            q.exec();
        } else if (s.op == "deleted") {
            std::string names, values;
            for (std::size_t i = 0; i < t.columns.size(); ++i) {
                names += (i ? ", " : "") + ident(t.columns[i]);
                values +=
                    fmt::format("{}json_extract(:row, {})", i ? ", " : "", path(t.columns[i]));
            }
            SQLite::Statement q(m_db,
                                fmt::format("INSERT INTO {} ({}) VALUES ({})", on, names, values));
            q.bind(":row", s.row);
            q.exec();
        } else {
            std::string sets;
            for (std::size_t i = 0; i < t.columns.size(); ++i)
                sets += fmt::format("{}{} = json_extract(:row, {})", i ? ", " : "",
                                    ident(t.columns[i]), path(t.columns[i]));
            SQLite::Statement q(m_db,
                                fmt::format("UPDATE {} SET {} WHERE {}", on, sets, key_match(t)));
            q.bind(":row", s.row);
            q.bind(":key", s.key);
            q.exec();
        }
    }
}

std::optional<UndoneChange> UndoLog::undo_latest(
    const std::function<std::optional<Entry>(std::int64_t)>& find) {
    // What undo itself does is not recorded: undo is not a change to be undone (the change
    // begin() opened stays empty, and end() drops it).
    sqlite3_preupdate_hook(m_db.getHandle(), nullptr, nullptr);
    clear_steps();
    load_tables();
    SQLite::Statement latest(
        m_db, "SELECT id, ts FROM main.undo_changes WHERE id <> ? ORDER BY id DESC LIMIT 1");
    latest.bind(1, m_current);
    if (!latest.executeStep()) return std::nullopt;
    const auto change = latest.getColumn(0).getInt64();
    const auto made = latest.getColumn(1).getInt64();
    latest.reset();

    auto steps = read_steps(change);
    for (const auto& s : steps)
        if (auto problem = step_problem(s); !problem.empty())
            throw SQLite::Exception(fmt::format(
                "the undo log's record of the last change is damaged ({}); guilt doctor --fix "
                "removes it, and undo goes on with the change before",
                problem));
    std::optional<std::int64_t> one;
    auto out = summarize(steps, find, one);
    out.made_utc = made;
    play(steps);
    SQLite::Statement forget(m_db, "DELETE FROM main.undo_changes WHERE id = ?");
    forget.bind(1, change);
    forget.exec();
    if (one && out.entries_removed == 0) out.entry = find(*one);
    return out;
}

std::vector<std::int64_t> UndoLog::unreadable_changes() {
    load_tables();
    std::vector<std::int64_t> out;
    SQLite::Statement changes(m_db, "SELECT id FROM main.undo_changes ORDER BY id");
    while (changes.executeStep()) {
        auto change = changes.getColumn(0).getInt64();
        auto steps = read_steps(change);
        if (std::any_of(steps.begin(), steps.end(),
                        [&](const auto& s) { return !step_problem(s).empty(); }))
            out.push_back(change);
    }
    return out;
}

void UndoLog::forget_changes(const std::vector<std::int64_t>& changes) {
    SQLite::Statement drop(m_db, "DELETE FROM main.undo_changes WHERE id = ?");
    for (auto change : changes) {
        drop.bind(1, change);
        drop.exec();
        drop.reset();
    }
}

std::int64_t UndoLog::forget_entries(const std::function<bool(std::int64_t)>& forgotten) {
    load_tables();
    std::vector<std::int64_t> changes;
    SQLite::Statement all(m_db, "SELECT id FROM main.undo_changes ORDER BY id");
    while (all.executeStep())
        changes.push_back(all.getColumn(0).getInt64());
    all.reset();
    SQLite::Statement drop(m_db, "DELETE FROM main.undo_steps WHERE seq = ?");
    std::int64_t dropped = 0;
    std::vector<std::int64_t> emptied;
    for (auto change : changes) {
        auto steps = read_steps(change);
        // A delete's tombstone (a uuid, no words) is not left to undo once its entry is forgotten.
        std::size_t left = static_cast<std::size_t>(std::count_if(
            steps.begin(), steps.end(), [](const StoredStep& s) { return s.tbl != "tombstones"; }));
        for (const auto& s : steps) {
            if (!step_problem(s).empty()) continue;
            // A range of added rows holds no words: it goes when all it names are forgotten
            // (then undoing it would remove nothing). Rows of other tables are read from the
            // table, and those of a forgotten entry are gone already.
            bool range = s.op == "added" && table(s.tbl)->has_rowid;
            if (range && s.tbl != kEntries) continue;
            auto ids = step_entries(s);
            bool named = range ? !ids.empty() && std::all_of(ids.begin(), ids.end(), forgotten)
                               : std::any_of(ids.begin(), ids.end(), forgotten);
            if (!named) continue;
            drop.bind(1, s.seq);
            drop.exec();
            drop.reset();
            ++dropped;
            --left;
        }
        if (left == 0 && !steps.empty()) emptied.push_back(change);
    }
    forget_changes(emptied);  // nothing left of them to undo
    return dropped;
}

}  // namespace guilt
