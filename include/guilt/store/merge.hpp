// SPDX-License-Identifier: MIT
// What two copies of one journal merge by (guilt merge): each row that can be merged with its
// uuid and version, the tombstones of deleted rows, and the words that lost a merge. The rule is
// in Store::merge (store_merge.cpp); docs/architecture.md says why it is commutative.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "guilt/core/followup.hpp"
#include "guilt/core/types.hpp"

namespace guilt {

// A row's version: a hybrid logical clock as text that sorts as it compares,
// "MMMMMMMMMMMMM-CCCCCC-DEVICE" (wall-clock ms, a counter, the copy's device id); and the
// version it replaced (empty when none is known), so a change made over the other copy's text
// is no conflict.
struct RowVersion {
    std::string version;
    std::string prev;
    bool operator==(const RowVersion&) const = default;
};

// The version every row written before guilt kept versions has, in every copy.
inline constexpr const char* kFirstVersion = "0000000000000-000000-0";

struct MergeEntry {
    Entry entry;
    RowVersion v;
};
struct MergePriority {
    Priority priority;
    RowVersion v;
};
struct MergeSetting {
    std::string key, value, version;
};
// A deleted row: which table, its uuid, the version of the delete. Never any words.
struct Tombstone {
    std::string table, uuid, version;
};
// Words that lost a merge: the row (table and uuid), the field, the losing version and text.
struct Conflict {
    std::string table, uuid, field, version, text;
    std::int64_t entry_id = 0;  // listing: the entry it belongs to here (0 for a priority)
    std::string about;          // listing: the priority's title, or the entry's day and type
};

// A kid of the registry: her spelling, every folded spelling that leads to her, and the version
// of her name (a rename).
struct MergeKid {
    std::string name;
    std::vector<std::string> spellings;
    std::string version;
};

// Everything of one copy that merges.
struct MergeRows {
    std::vector<MergeEntry> entries;
    std::vector<MergePriority> priorities;
    std::string priority_order;  // the version of the list's order (kFirstVersion: never set)
    std::vector<Motto> mottos;   // keyed by motto_uuid
    std::vector<MergeSetting> settings;
    std::vector<Tombstone> tombstones;
    std::vector<Conflict> conflicts;
    // Unions, and her latest answer to each follow-up (store_merge_more.cpp).
    std::vector<PriorityVersion> priority_history;
    std::vector<FollowUp> followups;  // reflection_uuid set
    std::vector<std::pair<Date, std::string>> showings;
    std::vector<MergeKid> kids;
    std::vector<MergeKid> not_kids;  // names that are no kid (no version)
};

// What a merge did (or, for a dry run, would do).
struct MergeCounts {
    std::int64_t added = 0;                                 // entries new here
    std::int64_t changed = 0;                               // entries whose other version won
    std::int64_t deleted = 0;                               // entries deleted there
    std::int64_t conflicts = 0;                             // words kept because they lost
    std::int64_t priorities = 0, mottos = 0, settings = 0;  // added or changed
    std::int64_t kids = 0;         // kids added, renamed, made one, or names marked not a kid
    std::int64_t history = 0;      // priorities' history, follow-ups, prompts shown: taken in
    std::int64_t bookkeeping = 0;  // tombstones and conflicts of the other copy taken in
    bool nothing() const {
        return added + changed + deleted + conflicts + priorities + mottos + settings + kids +
                   history + bookkeeping ==
               0;
    }
};

// A version as text; and its clock (ms, counter), 0 for what does not read as one.
std::string format_version(std::int64_t ms, std::int64_t counter, const std::string& device);
std::pair<std::int64_t, std::int64_t> version_clock(const std::string& version);

// A motto's uuid: made from its instant and words (a motto is never edited), so two copies, and
// an export without uuids, agree on it.
std::string motto_uuid(const Motto& m);

}  // namespace guilt
