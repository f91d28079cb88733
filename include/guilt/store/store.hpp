// SPDX-License-Identifier: MIT
// The journal: one SQLite file. The only part of guilt that talks to SQLite; it hands out the
// plain values of types.hpp. Every change runs inside write(), one transaction per command.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "guilt/core/error.hpp"
#include "guilt/core/followup.hpp"
#include "guilt/core/types.hpp"
#include "guilt/store/merge.hpp"

namespace guilt {

// Which entries a query returns. Empty fields do not filter.
struct EntryFilter {
    std::optional<std::int64_t> since_utc;  // at or after this instant
    std::optional<std::int64_t> until_utc;  // at or before this instant
    std::optional<Date> from_day;           // local day (under each entry's own offset) >= this
    std::optional<Date> to_day;             // local day <= this
    std::optional<EntryType> type;
    std::optional<std::string> tag;       // lower-case
    std::optional<std::string> kid;       // matched case-insensitively
    std::optional<std::string> contains;  // words, all of which must appear (full-text search)
    int limit = 0;                        // 0: no limit. Default: none
    bool oldest_first = false;            // Default: newest first
};

// A kid named in the journal, as `guilt kids` lists them.
struct KidSummary {
    std::string name;      // her spelling
    std::int64_t entries;  // how many entries name this kid
    Timestamp last;        // the latest of them
};

// A name in the kids registry, for the export: a kid (her spelling) or a name that is no kid,
// with every folded spelling (fold_name) that leads to it, the name's own among them.
struct KidNames {
    std::string name;
    std::vector<std::string> spellings;
};

// Damage found in the journal while reading it (SQLite: malformed, or not a database): a
// StoreError that a reader may answer with Store::salvage_entries.
class JournalDamaged : public StoreError {
  public:
    using StoreError::StoreError;
};

// A file that is not a guilt journal (another program's SQLite file): left exactly as it is.
class NotAJournal : public StoreError {
  public:
    using StoreError::StoreError;
};

// What `guilt undo` reverted.
struct UndoneChange {
    std::int64_t made_utc = 0;          // when the change was made
    std::int64_t entries_removed = 0;   // entries the change had added, now gone
    std::int64_t entries_restored = 0;  // entries it had deleted, back with their own ids
    std::int64_t entries_reverted = 0;  // entries it had changed, now as they were
    std::optional<Entry> entry;         // the entry, when it touched exactly one
    std::vector<std::string> others;    // other parts it touched: "mottos", "priorities", ...
};

// The changes the undo log keeps (guilt undo); older ones are forgotten as new ones come.
inline constexpr int kUndoKeptChanges = 100;

// The current schema version; a journal with a higher PRAGMA user_version is refused.
int schema_version();

class Store {
  public:
    enum class Access {
        read,     // a missing journal reads as empty and is not created
        write,    // a missing journal is created, with its folder (0700) and file (0600)
        inspect,  // an existing journal as it is: never created or migrated (guilt doctor)
    };

    // Opens the journal at `path`, migrating an older schema after copying the file beside
    // itself with SQLite's backup API (for reading, a journal that cannot be written is read
    // through a migrated copy in memory instead). A journal is guilt's by its application_id,
    // or, made before guilt set one, by its tables. Throws StoreError (naming the file) when the
    // path is a folder, not a guilt journal (left exactly as it is), unreadable, locked past the
    // busy timeout, or newer than this build.
    static std::unique_ptr<Store> open(const std::string& path, Access access);

    // An empty journal in memory, for tests.
    static std::unique_ptr<Store> open_in_memory();

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::string& path() const;

    // Whether write() can change the journal's file: false for a journal opened read-only, or
    // read through a copy in memory (an older schema that cannot be written), whose writes are
    // refused with StoreError rather than kept nowhere.
    bool writable() const;

    // Runs `fn` in one IMMEDIATE transaction: committed when it returns, rolled back when it
    // throws (the exception propagates). SQLite failures become StoreError. What `fn` changes
    // is recorded in the undo log in the same transaction (the last 100 changes).
    void write(const std::function<void()>& fn);
    // write() for an import, which adds many entries and changes none: from the first entry
    // added, the search index takes the new entries in one statement at the end, in the same
    // transaction, rather than one index segment per entry (FTS5 writes its pending terms at
    // every statement's savepoint).
    void write_many(const std::function<void()>& fn);

    // The clock write() asks for the time it records as when each change was made (guilt undo
    // shows it): the caller's, as every other `now`, since the store reads no clock. It is asked
    // once per write, before the transaction starts. Without one, changes are recorded at 0.
    void set_clock(std::function<std::int64_t()> now_utc);
    // Whether closing the journal folds its write-ahead log into the file (SQLite's checkpoint
    // on close, the default). The journal's everyday commands leave the log for the next write,
    // which saves two fsyncs a write; backup, export and doctor fold it, and SQLite itself when
    // the log reaches 1000 pages (docs/architecture.md, "Checkpoints").
    void fold_log_on_close(bool fold);
    // For a command that reads the journal once through (export): a page cache of a few MB, not
    // of the whole journal (an export of 200k entries held 47 MB of pages it never read again).
    void read_once_through();

    // Reverts the latest change in the undo log and forgets it (inside write()): added rows go,
    // deleted ones come back with their ids, changed ones are as they were. nullopt when
    // nothing is left to undo; StoreError when the journal no longer allows it.
    std::optional<UndoneChange> undo();

    // Stores a new entry (inside write()); fills in id and, when empty, uuid. Kid names are
    // replaced by their first spelling in the journal.
    void add(Entry& e);

    // Replaces the stored entry with the same id, tags, kids and companions included.
    void update(const Entry& e);

    // Deletes an entry; false when there was no such id.
    bool remove(std::int64_t id);

    // The entry with this id, or nullopt.
    std::optional<Entry> find(std::int64_t id) const;

    // True when an entry with this uuid is stored.
    bool has_uuid(const std::string& uuid) const;

    // Entries matching `filter`, ordered by time.
    std::vector<Entry> entries(const EntryFilter& filter) const;

    // Calls `fn` with each entry matching `filter`, in the order of entries(), one at a time,
    // so a large journal streams without being held whole. `fn` must not write to the journal.
    void for_each_entry(const EntryFilter& filter,
                        const std::function<void(const Entry&)>& fn) const;

    // For a damaged journal: calls `fn` with each entry that can still be read and matches the
    // time and type fields of `filter`, in its order; returns how many entries (by id) could not
    // be read. Throws nothing for the damage itself.
    std::int64_t salvage_entries(const EntryFilter& filter,
                                 const std::function<void(const Entry&)>& fn) const;

    // Number of entries in the journal.
    std::int64_t count_entries() const;

    // Priorities: the active ones ranked 1..n, then (with include_done) the done ones.
    std::vector<Priority> priorities(bool include_done = false) const;
    std::optional<Priority> find_priority(std::int64_t id) const;
    // Adds at `rank` (1..n+1, default last), moving the ones below down. Fills in id and uuid.
    void add_priority(Priority& p);
    // Moves an active priority to `rank` (1..n); false when there is no such active id.
    bool move_priority(std::int64_t id, int rank);
    // Marks it done and closes the gap in the ranks; false when there is no such active id.
    bool finish_priority(std::int64_t id);
    // Stores a priority exactly as given (import): uuid, rank, done. Fills in id.
    void insert_priority(Priority& p);
    bool has_priority_uuid(const std::string& uuid) const;
    // Gives it a new title; false when there is no such id.
    bool rename_priority(std::int64_t id, const std::string& title);
    // Deletes it, closing the gap in the ranks when it was active; false when there is no such
    // id. Its history stays.
    bool remove_priority(std::int64_t id);
    // Records the list as it is now in the priorities' history (inside write(), after every
    // change to the list): `utc` is the instant the change was made.
    void note_priorities(std::int64_t utc);
    // The priorities, active and done, as the list was at `utc` (ordered as priorities(true)).
    // Priorities the history never saw (imported ones) count as they are now.
    std::vector<Priority> priorities_at(std::int64_t utc) const;
    // The whole history, for the export: oldest first (those from before it was kept first).
    std::vector<PriorityVersion> priority_history() const;
    // Whether the journal holds that version (its uuid, fields and span) already.
    bool has_priority_version(const PriorityVersion& v) const;
    // Adds a version from an export, tied to the priority of its uuid (imported first);
    // false when the journal holds that version already.
    bool add_priority_version(const PriorityVersion& v);

    // Mottos: the history, oldest first, and the one in force at an instant.
    void add_motto(const Motto& m);
    std::vector<Motto> mottos() const;
    std::optional<Motto> motto_at(std::int64_t utc) const;
    bool has_motto(const Motto& m) const;

    // Records which strategies `guilt reflect` showed for a reviewed day, replacing earlier
    // records for that day.
    void record_showings(Date day, const std::vector<std::string>& strategies);
    // The (day, strategy) pairs reflect showed for days from..to, ordered by day.
    std::vector<std::pair<Date, std::string>> showings_between(Date from, Date to) const;
    // Records one (day, strategy) showing (import); false when it was recorded already.
    bool add_showing(Date day, const std::string& strategy);
    // For each strategy, the latest day before `day` for which it was shown.
    std::map<std::string, Date> last_showings_before(Date day) const;

    // Follow-ups: her answer to "did it help?", at most one per reflection entry.
    // Stores `f` (inside write()), replacing an earlier answer about the same reflection.
    void set_followup(const FollowUp& f);
    // The follow-up about this reflection entry, or nullopt when none was answered or skipped.
    std::optional<FollowUp> followup_of(std::int64_t reflection_id) const;
    // Every follow-up, in the order of their reflections (the export).
    std::vector<FollowUp> followups() const;
    // Her reflection entries for the reviewed days from..to (their `date`), in the order written.
    std::vector<Entry> reflections_for_days(Date from, Date to) const;
    // Her rated follow-ups of the nights from..to (the night she answered), by strategy, each
    // list ordered by the reflection's date: what ReflectInput::helped holds.
    std::map<std::string, std::vector<HelpedAnswer>> helped_between(Date from, Date to) const;
    // The id of the entry with this uuid, or nullopt.
    std::optional<std::int64_t> entry_id(const std::string& uuid) const;

    // Preferences kept in the journal (guilt config).
    std::optional<std::string> setting(const std::string& key) const;
    void set_setting(const std::string& key, const std::string& value);
    // Every preference stored, by key.
    std::vector<std::pair<std::string, std::string>> settings() const;

    // An online copy of the journal to `dest` (mode 0600), safe while others write: all pages in
    // one step of SQLite's backup API, into a file beside `dest` renamed over it once complete,
    // so `dest` is the old file or a whole copy. Throws StoreError naming `dest`.
    void backup_to(const std::string& dest) const;

    // guilt restore: checks that the file `copy` is a whole guilt journal this guilt can open
    // (SQLite's integrity check; a newer schema is refused) and returns its entries. Throws
    // NotAJournal, JournalDamaged or StoreError naming `copy`. Leaves nothing beside it.
    static std::int64_t check_restored(const std::string& copy);

    // guilt restore: keeps the journal at `path` as it is under the name `kept` (a hard link,
    // made after its write-ahead log is emptied into it) and runs `swap`, which puts the new
    // journal in its place, all while holding the journal's write lock. Another program that
    // holds the journal past the busy timeout: StoreError, and nothing changes. The journal's
    // -checked stamp goes (the new journal is checked before its first write). A journal SQLite
    // cannot read at all is kept with its -wal. No journal at `path`: only `swap`.
    static void replace_journal(const std::string& path, const std::string& kept,
                                const std::function<void()>& swap);

    // PRAGMA integrity_check's findings; empty when healthy.
    std::vector<std::string> integrity_problems() const;

    // The schema version written in the file (PRAGMA user_version); it equals schema_version()
    // unless the journal was opened with Access::inspect.
    int stored_schema_version() const;

    // What FTS5's integrity-check finds wrong with the full-text index against the entries, or
    // nullopt when they agree. Writes nothing (it runs in a transaction that is rolled back, or
    // in a copy of a journal that cannot be written); throws StoreError when the journal is
    // locked past the busy timeout.
    std::optional<std::string> search_index_problem() const;

    // Ids of the entries whose words, tags or kids hold control or bidi characters (written by
    // another program: guilt refuses them), in id order.
    std::vector<std::int64_t> entries_with_unprintable() const;

    // Rebuilds the full-text index from the entries (inside write()).
    void rebuild_search_index();

    // The local day of a guilt moment tagged `tag` on or before `last`, or nullopt when there is
    // none: the one first in the tags index (about the first she tagged so), found in one step
    // however long the journal, for "had she tagged it before?" (insights).
    std::optional<Date> day_tagged(const std::string& tag, Date last) const;

    // Distinct tags and kid names starting with `prefix` (case-insensitive), for completion.
    std::vector<std::string> tags_with_prefix(const std::string& prefix, int limit) const;
    std::vector<std::string> kids_with_prefix(const std::string& prefix, int limit) const;

    // Kids, compared by fold_name (text.hpp). The kids named in at least one entry, most named
    // first.
    std::vector<KidSummary> kids() const;
    // Her spelling of the kid that `name` names (any spelling of it), or nullopt.
    std::optional<std::string> kid_named(const std::string& name) const;
    // The names she said are not kids, and whether `name` is one of them.
    std::vector<std::string> not_kids() const;
    bool is_not_kid(const std::string& name) const;
    // The kid `name` names is called `new_name` from now on; the old spelling still names her.
    // (Inside write(); `name` must name a kid, and `new_name` no other one.)
    void rename_kid(const std::string& name, const std::string& new_name);
    // Moves every entry and spelling of kid `from` to kid `into`, and forgets `from`; returns
    // the entries moved. (Inside write(); both must name kids, not the same one.)
    std::int64_t merge_kids(const std::string& from, const std::string& into);
    // From now on `name` (and every spelling of the kid it names) is not a kid: the entries
    // that named it lose that link (their words stay as written), and "@name" is only a word.
    // Returns the entries changed. (Inside write().)
    std::int64_t mark_not_kid(const std::string& name);
    // The registry, for the export: every kid (named by entries or not) and every name that is
    // no kid, by name, with their spellings.
    std::vector<KidNames> kid_registry() const;
    std::vector<KidNames> not_kid_registry() const;
    // Import: the kid and those of its spellings that name nothing in the journal yet (a name
    // she marked as no kid stays so); the name that is no kid, with those of its spellings that
    // name no kid. Return whether anything was added. (Inside write().)
    bool add_kid_names(const KidNames& kid);
    bool add_not_kid_names(const KidNames& names);
    // Undoes mark_not_kid: the name is a kid again, and entries whose words mention it get the
    // link back. Returns those entries. (Inside write().)
    std::int64_t unmark_not_kid(const std::string& name);

    // guilt delete --purge: deletes the entry when it is there and forgets every step of the
    // undo log that holds its rows (its words, deleted or before an edit; its tags and kids), in
    // write(), recording nothing: the purge cannot be undone. Returns the steps forgotten, or
    // nullopt when there was neither the entry nor anything of it in the log.
    std::optional<std::int64_t> purge(std::int64_t id);
    // After a purge, outside write(): the file rebuilt without free space (VACUUM, with the
    // search index merged) and the write-ahead log emptied, so the purged words are in none of
    // the journal's files. False when another program reading the journal kept the -wal from
    // being emptied (it is, once that program closes it).
    bool compact();
    // How many changes in the undo log undo cannot read (written outside guilt); and forgetting
    // them (inside write()), so that undo goes on with the others.
    std::int64_t unreadable_undo_changes() const;
    void forget_unreadable_undo();

    // guilt merge (store_merge.cpp). Everything of this journal that merges (without its
    // entries unless `with_entries`).
    MergeRows merge_rows(bool with_entries = true) const;
    // Each entry's id, uuid and version, in the order of the uuids (the export's "versions"),
    // one at a time.
    void for_each_entry_version(
        const std::function<void(std::int64_t, const std::string&, const RowVersion&)>& fn) const;
    // Import (inside write()): a tombstone, unless a row of that uuid lives here or the journal
    // holds it already; words kept by a merge, when their row lives here and they are not kept
    // yet. Return whether it was added.
    bool add_tombstone(const Tombstone& t);
    bool add_conflict(const Conflict& c);
    // Import (inside write()): the row of `table` (entries, priorities: by uuid; settings: by
    // key) gets the version an export carried; the order of `list` ("priorities") too.
    void set_row_version(const std::string& table, const std::string& key, const RowVersion& v);
    void set_list_version(const std::string& list, const std::string& version);
    // The rows of another journal file, opened read-only and never changed (an older schema is
    // read through a migrated copy in memory). Throws NotAJournal for a file that is no guilt
    // journal, StoreError for a newer schema or one that cannot be read.
    static MergeRows read_other(const std::string& path);
    // Merges `other` into this journal: a union by uuid where the newer version of a row wins and
    // the losing words are kept as conflicts; a tombstone on either side deletes. With `apply`
    // (inside write()) writes it, else only counts. Returns what it did.
    MergeCounts merge(const MergeRows& other, bool apply);
    // The words kept by merges, oldest first.
    std::vector<Conflict> conflicts() const;

    struct Impl;

  private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// A new random (version 4) UUID.
std::string make_uuid();

}  // namespace guilt
