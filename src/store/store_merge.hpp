// SPDX-License-Identifier: MIT
// guilt merge's inside, shared by store_merge.cpp (entries, mottos, settings, tombstones,
// conflicts) and store_merge_priorities.cpp (the priorities and the order of their list).
#pragma once

#include <fmt/format.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "guilt/store/merge.hpp"
#include "store_impl.hpp"

namespace guilt::merge_detail {

using ConflictKey = std::tuple<std::string, std::string, std::string, std::string, std::string>;
inline ConflictKey key_of(const Conflict& c) {
    return {c.table, c.uuid, c.field, c.version, c.text};
}

// One merge: the two copies' rows, what it found so far, and whether it writes.
struct Merger {
    Store::Impl& impl;
    const MergeRows& mine;
    const MergeRows& other;
    bool apply;
    Store& store;  // its own calls, where the store has one (kids merged, not-a-kid)
    MergeCounts n = {};
    std::set<std::pair<std::string, std::string>> dead = {};  // (table, uuid) of either copy
    std::set<ConflictKey> kept = {};                          // conflicts here, and those added

    bool is_dead(const char* table, const std::string& uuid) const {
        return dead.count({table, uuid}) > 0;
    }

    // The losing words, when they are not the winner's and the winner was not written over them.
    void keep_loser(const char* table, const std::string& uuid, const std::string& field,
                    const std::string& losing_text, const RowVersion& lost, const RowVersion& won,
                    const std::string& winning_text, std::int64_t entry_id) {
        if (losing_text.empty() || losing_text == winning_text || lost.version == won.prev) return;
        Conflict c{table, uuid, field, lost.version, losing_text, entry_id, ""};
        add_conflict(c, true);
    }

    void add_conflict(const Conflict& c, bool fresh) {
        if (!kept.insert(key_of(c)).second) return;
        ++(fresh ? n.conflicts : n.bookkeeping);
        if (!apply) return;
        auto& q = impl.stmt(
            "INSERT OR IGNORE INTO conflicts (entry_id, tbl, uuid, field, version, text) VALUES "
            "(?, ?, ?, ?, ?, ?)");
        if (c.entry_id > 0)
            q.bind(1, c.entry_id);
        else
            q.bind(1);
        q.bind(2, c.table);
        q.bind(3, c.uuid);
        q.bind(4, c.field);
        q.bind(5, c.version);
        q.bind(6, c.text);
        q.exec();
    }

    // Two copies of a row that say the same under two versions: both keep the newer one, so
    // each copy ends with the same versions. Nothing she would see changes.
    void newer_version(const char* table, const std::string& key, const RowVersion& local,
                       const RowVersion& in) {
        if (in.version <= local.version) return;
        ++n.bookkeeping;
        if (apply) impl.put_row_version(table, key, in);
    }

    // One key per kid, whichever copy's spelling names her: folded spelling -> the least
    // spelling of all that lead to her in either copy ("" for a name either says is no kid).
    std::map<std::string, std::string> kid_keys = {};

    void put_kid(const std::vector<std::string>& spellings,
                 const std::pair<std::string, std::string>& best);
    void kids();     // the registry (store_merge_more.cpp), before the entries that name kids
    void history();  // the priorities' history, follow-ups, prompts shown
    void priority_history();
    void entries();
    void priorities();
    void mottos_and_settings();
    void tombstones();
    void their_conflicts();
    // The priorities (store_merge_priorities.cpp): each row by its version, then the order of
    // the list, which has one version of its own (a move shifts the others without a change
    // of theirs).
    void priorities_order(const std::map<std::string, MergePriority>& merged);
    void put_priority(const MergePriority& p);
};

// kid_keys for two copies (store_merge_more.cpp).
std::map<std::string, std::string> kid_keys(const MergeRows& a, const MergeRows& b);

}  // namespace guilt::merge_detail
