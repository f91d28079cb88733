// SPDX-License-Identifier: MIT
// The store's inside, shared by its files and private to them (the rest of guilt sees store.hpp):
// store.cpp opens, migrates and writes the journal (store_stamp.cpp: the journal known sound;
// store_errors.cpp: SQLite's failures in words; store_health.cpp: checks and backups);
// store_entries.cpp holds the entries, store_search.cpp their filters and search;
// store_lists.cpp the priorities, mottos, showings, follow-ups and settings; store_kids.cpp the
// kids.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "guilt/core/error.hpp"
#include "guilt/core/time.hpp"
#include "guilt/store/store.hpp"
#include "undo_log.hpp"

namespace guilt {

namespace store_detail {

constexpr int kBusyTimeoutMs = 10'000;  // a concurrent guilt holds the lock for milliseconds
constexpr int kBackupRetryMs = 20;      // between attempts at a backup step that found a lock

// The name to give SQLite for the file `path`: a path starting with "file:" would be read as a
// URI (file:x?mode=memory opens no file at all), so it is made relative to the current folder.
std::string sqlite_file_name(const std::string& path);

// Resets a statement when leaving scope, so a single-row read does not keep a read transaction
// (and an old snapshot) open until the statement's next use.
struct ResetOnExit {
    SQLite::Statement& q;
    ~ResetOnExit() { q.tryReset(); }
};

// A value in the journal that cannot be read (changed by hand or by another program): a store
// error (exit 1) naming the journal, never the usage error a value she typed gets.
class BadStoredValue : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A date stored in `column`. Throws BadStoredValue when it is not one.
inline Date stored_date(const std::string& text, std::string_view column) {
    try {
        return parse_date(text, column);
    } catch (const UsageError& e) {
        throw BadStoredValue(e.what());
    }
}

// Room the disk must have for SQLite's shared-memory file and write-ahead log to be made.
constexpr std::uintmax_t kRoomForLog = 64 * 1024;

// Whether the disk that holds (or will hold) the journal `path` has less than kRoomForLog left.
bool disk_full(const std::string& path);

// Whether the journal `path` is on a file system mounted read-only.
bool on_read_only_mount(const std::string& path);

// What SQLite's error means, in her words ("the disk is full"), for the journal `path` (empty:
// without looking at its disk).
std::string describe(const SQLite::Exception& e, const std::string& path = "");

// guilt_fold(TEXT): fold_name in SQL, for the migration that keys kids by it.
void fold_sql(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv);

// guilt_motto_uuid(TS, TEXT): motto_uuid in SQL, for the migration that gives mottos a uuid.
void motto_uuid_sql(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv);

// `path` as a URI that opens it read-only and immutable: for a journal in a folder where SQLite
// cannot make the shared-memory file that reading a WAL journal otherwise needs, or one that must
// not change at all (the other copy guilt merge reads).
std::string immutable_uri(const std::string& path);

// The columns of an entry with its tags, kids and companions, for SELECT ... FROM entries e.
extern const char* const kEntryColumns;

// The entry in the current row of a query on kEntryColumns.
Entry entry_from_row(SQLite::Statement& q);

// Binds a priority's fields to :uuid, :rank (NULL once done), :title, :until and :done.
void bind_priority(SQLite::Statement& q, const Priority& p);

}  // namespace store_detail

// One file as guilt last knew it: its size, modification and change times, which file it is
// (device and inode), and a digest of sampled pages (store_stamp.cpp). All zero: no such file.
struct FileFacts {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uintmax_t device = 0;
    std::uintmax_t inode = 0;
    std::uint64_t digest = 0;
    bool operator==(const FileFacts&) const = default;
};

// The journal as guilt last knew it sound: its file and its write-ahead log, which holds the
// latest changes until SQLite checkpoints them into the file.
struct FileStamp {
    FileFacts journal;
    FileFacts log;
    bool operator==(const FileStamp&) const = default;
};

namespace store_detail {

// PATH-checked (store_stamp.cpp): the stamp of the file at `path` now; the stamp PATH-checked
// keeps; the damage guilt doctor found and PATH-checked keeps.
std::optional<FileStamp> stamp_of(const std::string& path);
std::optional<FileStamp> read_stamp(const std::string& path);
std::optional<std::string> read_damage_mark(const std::string& path);
// Records the journal as it is now, unless `known` says so already; a damage mark is replaced
// only when `clears_mark` (a whole check found the journal sound).
void write_stamp(const std::string& path, const std::optional<FileStamp>& known,
                 bool clears_mark) noexcept;
// Records the damage guilt doctor found, in place of an existing PATH-checked only.
void write_damage_mark(const std::string& path, const std::string& problem) noexcept;

// Inside Store::write_many: the largest entry id before it, and the search index's insert
// trigger once it was dropped for the rest of the write (Impl::index_later).
struct ManyEntries {
    std::int64_t before = 0;
    std::string trigger;
};

}  // namespace store_detail

struct Store::Impl {
    std::string path;
    mutable SQLite::Database db;  // const reads still step statements
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements;
    UndoLog undo{db};
    std::function<std::int64_t()> clock;  // the caller's, for when a change was made
    bool on_disk;
    // A copy in memory standing in for a journal that cannot be written (an older schema read
    // through a migrated copy): it may be read, never written, since nothing would be kept.
    bool stand_in = false;
    mutable bool sound = false;      // as guilt left it, or checked whole since it was opened
    std::optional<FileStamp> stamp;  // what PATH-checked said when it matched the file
    // The damage guilt doctor found, kept in PATH-checked: writes are refused until a whole
    // check finds the journal sound. `damage_marked`: PATH-checked says so already.
    mutable std::optional<std::string> damage;
    bool damage_marked = false;
    mutable bool checked_whole = false;  // guilt doctor's check ran: its verdict replaces a mark
    // Inside Store::write_many: what index_later dropped (store_detail::ManyEntries).
    std::optional<store_detail::ManyEntries> many;
    void index_later();
    // The write under way: its time (UTC seconds) and, once a row asked for it, the version its
    // rows get (store_merge_clock.cpp).
    std::int64_t write_now = 0;
    std::optional<std::string> write_version;

    // guilt uses each connection from one thread: SQLite's lock around every call and its count
    // of the memory in use are work for nothing (the count is switched off once, before SQLite
    // starts; asked later, SQLite refuses harmlessly).
    static int one_thread(int flags) {
        [[maybe_unused]] static const int once = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return flags | SQLITE_OPEN_NOMUTEX;
    }

    Impl(std::string p, const std::string& file, int flags)
        : path(std::move(p)), db(file, one_thread(flags)), on_disk(file != ":memory:") {
        sqlite3_create_function_v2(db.getHandle(), "guilt_fold", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                   store_detail::fold_sql, nullptr, nullptr, nullptr);
        sqlite3_create_function_v2(db.getHandle(), "guilt_motto_uuid", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                   store_detail::motto_uuid_sql, nullptr, nullptr, nullptr);
    }

    // A prepared statement, cached and reset, ready for binds.
    SQLite::Statement& stmt(const std::string& sql) {
        auto& slot = statements[sql];
        if (!slot) {
            slot = std::make_unique<SQLite::Statement>(db, sql);
        } else {
            slot->reset();
            slot->clearBindings();
        }
        return *slot;
    }

    [[noreturn]] void fail(const SQLite::Exception& e, std::string_view doing) const {
        auto message = fmt::format("{}: {}: {}", path, doing, store_detail::describe(e, path));
        auto code = e.getErrorCode();
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) throw JournalDamaged(message);
        throw StoreError(message);
    }

    template <class F>
    auto guarded(std::string_view doing, F&& fn) const -> decltype(fn()) {
        try {
            return fn();
        } catch (const SQLite::Exception& e) {
            fail(e, doing);
        } catch (const store_detail::BadStoredValue& e) {
            throw StoreError(fmt::format(
                "{}: {}: the journal holds a value guilt cannot read, changed outside guilt "
                "({})",
                path, doing, e.what()));
        }
    }

    int user_version() { return db.execAndGet("PRAGMA user_version").getInt(); }

    // Applies the migrations after `from`, and sets guilt's application_id, in one transaction;
    // first copies the journal to PATH.vFROM.backup when `keep_copy` and from > 0.
    void migrate(int from, bool keep_copy = true);
    // The journal's pages copied into `target` in one step (a consistent snapshot).
    void copy_into(SQLite::Database& target) const;
    // A copy of this journal in memory, migrated to the current schema: to read an older journal
    // that cannot be written, or to run a check that writes.
    std::unique_ptr<Impl> copy_in_memory(int version) const;
    // Throws StoreError, saying what was `doing`, when this is a stand-in that cannot be written.
    void require_file(std::string_view doing) const;
    bool read_only() const { return sqlite3_db_readonly(db.getHandle(), "main") == 1; }
    // With `--contains` a common word and a limit: the ids of the newest `limit` entries that
    // match (FTS5 query `match`) and `where`, in `order`, without reading every match; nothing
    // for a rarer word, which the plain query reads at once. `bind` binds `where`'s values.
    std::optional<std::vector<std::int64_t>> newest_matches(
        const std::string& where, std::string_view order, const std::string& match, int limit,
        const std::function<void(SQLite::Statement&)>& bind);
    // The first problem of SQLite's quick check, or nothing; a sound result is remembered.
    std::optional<std::string> quick_check_problem() const;
    // Before a write or a copy: throws JournalDamaged, saying `refused`, when the journal is
    // damaged, or when guilt doctor found it damaged. A journal as guilt left it is not checked
    // again.
    void require_sound(std::string_view refused) const;
    // `without_deleted`: the copy through scrub_copy (guilt backup; not the copy kept before a
    // migration, which is the journal as it was).
    void backup(const std::string& dest, bool without_deleted = false) const;
    // A backup copy without the words of deleted entries: the undo log's steps that hold rows
    // of entries no longer in the journal are forgotten, the search index merged, and the file
    // rebuilt (VACUUM), so that free pages keep nothing either (store_undo.cpp).
    static void scrub_copy(SQLite::Database& copy);
    void write_links(const Entry& e, bool replace);
    // An entry stored with version `v` (fills in id and, when empty, uuid); an entry replaced
    // by `e` at version `v` (an empty v.prev: the version it had).
    void insert_entry(Entry& e, const RowVersion& v);
    void update_entry(const Entry& e, const RowVersion& v, bool merged);
    std::int64_t kid_id(const std::string& name);
    std::optional<std::int64_t> find_kid(const std::string& name);
    std::string stored_kid_name(const std::string& name);
    bool is_not_kid(const std::string& name);
    // The version of the rows this write changes: the hybrid logical clock moved on once per
    // write, and the device id made again when the journal is another file than it was
    // (store_merge_clock.cpp).
    const std::string& version_now();
    // Moves the clock past `version` (a version merged in), so later changes here are newer.
    void clock_past(const std::string& version);
    // Records that the row `id` of `table` (entries, priorities) is deleted: its uuid and the
    // version of the delete, so a merge carries the delete over. Never its words.
    void leave_tombstone(const char* table, std::int64_t id);
    // Records that the order of the list `list` ("priorities") changed in this write; or that
    // it has the version `version` (a merge, an import).
    void stamp_list(const char* list);
    void put_list_version(const std::string& list, const std::string& version);
    // A setting, or a motto (once: by its uuid), stored as given (store_lists.cpp).
    void put_setting(const std::string& key, const std::string& value, const std::string& version);
    void put_motto(const Motto& m);
    // The version of kid `id`'s name (store_merge_more.cpp).
    void put_kid_version(std::int64_t id, const std::string& version);
    // The row `key` of `table` (entries, priorities by uuid; settings by key) at version `v`
    // (store_merge_rows.cpp).
    void put_row_version(const std::string& table, const std::string& key, const RowVersion& v);
};

}  // namespace guilt
