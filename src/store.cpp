// SPDX-License-Identifier: MIT
// The journal on SQLite: opening (with folder and file modes), migrations after a backup, and
// every query guilt runs. SQLite errors become StoreError naming the file and what failed.
#include "guilt/store.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "guilt/error.hpp"
#include "guilt/output_file.hpp"
#include "guilt/schema.hpp"
#include "guilt/text.hpp"
#include "guilt/time.hpp"
#include "undo_log.hpp"

namespace guilt {
namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 10'000;  // a concurrent guilt holds the lock for milliseconds
constexpr int kBackupRetryMs = 20;      // between attempts at a backup step that found a lock
constexpr char kSeparator = '\x1f';     // joins tags, kids and companions in one column
// Page cache of one connection, in KiB. A large import then stays in memory until its commit
// instead of spilling pages to the WAL again and again; the cache only grows as pages are used.
constexpr int kCacheKib = 64 * 1024;
// PRAGMA application_id of a guilt journal ("guil"): what tells it from another program's SQLite
// file. Set when a journal is created or migrated.
constexpr int kApplicationId = 0x6775696c;

// The tables of guilt's schema (from the version that added them) and columns each must have:
// how a journal made before guilt set its application_id is recognised.
struct TableShape {
    int since;
    const char* table;
    std::vector<const char*> columns;
};
const std::vector<TableShape>& guilt_tables() {
    static const std::vector<TableShape> kTables = {
        {1,
         "entries",
         {"id", "uuid", "type", "ts", "utc_offset", "text", "intensity", "distance_m", "duration_s",
          "unit", "felt", "kind", "minutes", "child_led", "ref_date", "strategy", "prompt"}},
        {1, "tags", {"entry_id", "pos", "tag"}},
        {1, "kids", {"id", "name"}},
        {1, "entry_kids", {"entry_id", "pos", "kid_id"}},
        {1, "run_with", {"entry_id", "pos", "who"}},
        {1, "priorities", {"id", "uuid", "rank", "title", "until", "done"}},
        {1, "mottos", {"id", "text", "ts", "utc_offset"}},
        {1, "entries_fts", {"text", "prompt"}},
        {2, "showings", {"strategy", "day"}},
        {3, "settings", {"key", "value"}},
    };
    return kTables;
}

// Whether `db` holds the tables and columns of guilt's schema `version`.
bool has_guilt_tables(SQLite::Database& db, int version) {
    SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?)");
    for (const auto& shape : guilt_tables()) {
        if (shape.since > version) continue;
        q.reset();
        q.bind(1, shape.table);
        std::vector<std::string> names;
        while (q.executeStep())
            names.push_back(q.getColumn(0).getString());
        for (const char* column : shape.columns)
            if (std::find(names.begin(), names.end(), column) == names.end()) return false;
    }
    return true;
}

// The name to give SQLite for the file `path`: a path starting with "file:" would be read as a
// URI (file:x?mode=memory opens no file at all), so it is made relative to the current folder.
std::string sqlite_file_name(const std::string& path) {
    return path.starts_with("file:") ? "./" + path : path;
}

// `path` as a URI that opens it read-only and immutable: for a journal in a folder where SQLite
// cannot make the shared-memory file that reading a WAL journal otherwise needs.
std::string immutable_uri(const std::string& path) {
    std::error_code ec;
    auto absolute = fs::absolute(path, ec).string();
    std::string uri = "file:";
    for (unsigned char c : absolute.empty() ? path : absolute) {
        if (std::isalnum(c) || std::strchr("/-._~", c) != nullptr)
            uri += static_cast<char>(c);
        else
            uri += fmt::format("%{:02X}", c);
    }
    return uri + "?immutable=1";
}

bool folder_writable(const std::string& path) {
    auto dir = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
    return ::access(dir.c_str(), W_OK) == 0;
}

std::string describe(const SQLite::Exception& e) {
    switch (e.getErrorCode()) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return fmt::format("the journal is locked by another program (waited {} s)",
                               kBusyTimeoutMs / 1000);
        case SQLITE_FULL:
            return "the disk is full";
        case SQLITE_READONLY:
            return "the journal is read-only";
        case SQLITE_NOTADB:
            return "not a guilt journal (file is not a database)";
        case SQLITE_CORRUPT:
            return "the journal is damaged (database disk image is malformed)";
        case SQLITE_CANTOPEN:
            return "cannot open the file (check it exists and is readable)";
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return "permission denied";
        case SQLITE_IOERR:
            return fmt::format("an input/output error ({})", e.what());
        default:
            return e.what();
    }
}

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

// Creates each missing folder of `dir`, where `journal` goes, with mode 0700. Existing folders
// are left as they are.
void make_private_dirs(const fs::path& dir, const std::string& journal) {
    if (dir.empty() || fs::exists(dir)) return;
    make_private_dirs(dir.parent_path(), journal);
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw StoreError(fmt::format("{}: cannot create its folder {}: {}", journal, dir.string(),
                                     std::strerror(errno)));
    ::chmod(dir.c_str(), 0700);
}

// Creates an empty file with mode 0600, whatever the umask; fine if it already exists.
void create_private_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return;
        throw StoreError(
            fmt::format("{}: cannot create the journal: {}", path, std::strerror(errno)));
    }
    ::fchmod(fd, 0600);
    ::close(fd);
}

const char* kEntryColumns = R"sql(
    e.id, e.uuid, e.type, e.ts, e.utc_offset, e.text, e.intensity, e.distance_m, e.duration_s,
    e.unit, e.felt, e.kind, e.minutes, e.child_led, e.ref_date, e.strategy, e.prompt,
    (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM tags WHERE entry_id = e.id ORDER BY pos)),
    (SELECT group_concat(name, char(31)) FROM (SELECT k.name FROM entry_kids ek JOIN kids k ON k.id = ek.kid_id
                                               WHERE ek.entry_id = e.id ORDER BY ek.pos)),
    (SELECT group_concat(who, char(31)) FROM (SELECT who FROM run_with WHERE entry_id = e.id ORDER BY pos))
)sql";

std::optional<int> optional_int(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt();
}

std::string text_or_empty(const SQLite::Column& c) {
    return c.isNull() ? "" : c.getString();
}

Entry entry_from_row(SQLite::Statement& q) {
    Entry e;
    e.id = q.getColumn(0).getInt64();
    e.uuid = q.getColumn(1).getString();
    e.type = entry_type_from(q.getColumn(2).getString()).value_or(EntryType::guilt);
    e.at = {q.getColumn(3).getInt64(), q.getColumn(4).getInt()};
    e.text = q.getColumn(5).getString();
    e.intensity = optional_int(q.getColumn(6));
    e.distance_m = q.getColumn(7).isNull() ? 0 : q.getColumn(7).getDouble();
    e.duration_s = optional_int(q.getColumn(8));
    e.unit = text_or_empty(q.getColumn(9)) == "mi" ? DistanceUnit::mi : DistanceUnit::km;
    e.felt = optional_int(q.getColumn(10));
    e.kind = text_or_empty(q.getColumn(11));
    e.minutes = optional_int(q.getColumn(12)).value_or(0);
    e.child_led = optional_int(q.getColumn(13)).value_or(0) != 0;
    e.date = text_or_empty(q.getColumn(14));
    e.strategy = text_or_empty(q.getColumn(15));
    e.prompt = text_or_empty(q.getColumn(16));
    e.tags = split(text_or_empty(q.getColumn(17)));
    e.kids = split(text_or_empty(q.getColumn(18)));
    e.with = split(text_or_empty(q.getColumn(19)));
    return e;
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

// guilt_fold(TEXT): fold_name in SQL, for the migration that keys kids by it.
void fold_sql(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
    const auto* text = sqlite3_value_text(argv[0]);
    if (text == nullptr) {
        sqlite3_result_null(ctx);
        return;
    }
    const auto folded =
        fold_name(std::string_view(reinterpret_cast<const char*>(text),
                                   static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
    sqlite3_result_text(ctx, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

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
Date stored_date(const std::string& text, std::string_view column) {
    try {
        return parse_date(text, column);
    } catch (const UsageError& e) {
        throw BadStoredValue(e.what());
    }
}

}  // namespace

int schema_version() {
    return migrations().back().version;
}

// ---- the journal known sound ------------------------------------------------------------------
// A whole check of the journal costs time in its size, too much for every `guilt log`. So guilt
// checks it before the first write only when the file is not as guilt left it: PATH-checked
// holds the size and modification time the journal had when the last guilt that knew it sound
// closed it. Another program's write (or a disk's damage that changes the file) does not match.

// The journal file's size and modification time.
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

namespace {

std::optional<FileStamp> stamp_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileStamp{static_cast<std::uintmax_t>(st.st_size),
                     st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec};
}

std::string stamp_file(const std::string& path) {
    return path + "-checked";
}

std::optional<FileStamp> read_stamp(const std::string& path) {
    std::ifstream in(stamp_file(path));
    FileStamp s;
    if (!(in >> s.size >> s.mtime_ns)) return std::nullopt;
    return s;
}

// Records the journal as it is now, unless `known` says so already (a read that changed
// nothing). Best effort: without it, the next write checks the journal first.
void write_stamp(const std::string& path, const std::optional<FileStamp>& known) noexcept {
    auto stamp = stamp_of(path);
    if (!stamp || stamp == known) return;
    int fd = ::open(stamp_file(path).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return;
    auto text = fmt::format("{} {}\n", stamp->size, stamp->mtime_ns);
    [[maybe_unused]] auto written = ::write(fd, text.data(), text.size());
    ::close(fd);
}

}  // namespace

struct Store::Impl {
    std::string path;
    mutable SQLite::Database db;  // const reads still step statements
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements;
    UndoLog undo{db};
    bool on_disk;
    mutable bool sound = false;      // as guilt left it, or checked whole since it was opened
    std::optional<FileStamp> stamp;  // what PATH-checked said when it matched the file

    Impl(std::string p, const std::string& file, int flags)
        : path(std::move(p)), db(file, flags), on_disk(file != ":memory:") {
        sqlite3_create_function_v2(db.getHandle(), "guilt_fold", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, fold_sql, nullptr,
                                   nullptr, nullptr);
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
        auto message = fmt::format("{}: {}: {}", path, doing, describe(e));
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
        } catch (const BadStoredValue& e) {
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
    // damaged. A journal as guilt left it is not checked again.
    void require_sound(std::string_view refused) const;
    void backup(const std::string& dest) const;
    void write_links(const Entry& e, bool replace);
    std::int64_t kid_id(const std::string& name);
    std::optional<std::int64_t> find_kid(const std::string& name);
    std::string stored_kid_name(const std::string& name);
    bool is_not_kid(const std::string& name);
};

std::optional<std::string> Store::Impl::quick_check_problem() const {
    SQLite::Statement q(db, "PRAGMA quick_check(1)");
    auto line = q.executeStep() ? q.getColumn(0).getString() : std::string("ok");
    if (line == "ok") {
        sound = true;
        return std::nullopt;
    }
    // "*** in database main ***\nPage 48: btreeInitPage() returns error code 11"
    if (auto end = line.rfind('\n'); end != std::string::npos) line.erase(0, end + 1);
    if (!line.empty())
        line[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(line[0])));
    return line;
}

void Store::Impl::require_sound(std::string_view refused) const {
    if (sound || !on_disk) return;
    std::optional<std::string> problem;
    try {
        problem = quick_check_problem();
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() != SQLITE_CORRUPT && e.getErrorCode() != SQLITE_NOTADB) throw;
        problem = describe(e);
    }
    if (problem)
        throw JournalDamaged(fmt::format(
            "{}: the journal is damaged ({}), so {}; guilt doctor says what to do, and guilt "
            "export -o rescue.json saves every entry that can still be read",
            path, *problem, refused));
}

void Store::Impl::copy_into(SQLite::Database& target) const {
    SQLite::Backup copy(target, db);
    // One step copies every page under one read lock: a consistent snapshot. BUSY or LOCKED
    // copied nothing, so the step is tried again until the busy timeout.
    for (int waited = 0; copy.executeStep() != SQLITE_DONE; waited += kBackupRetryMs) {
        if (waited >= kBusyTimeoutMs) throw SQLite::Exception("locked", SQLITE_BUSY);
        std::this_thread::sleep_for(std::chrono::milliseconds(kBackupRetryMs));
    }
}

std::unique_ptr<Store::Impl> Store::Impl::copy_in_memory(int version) const {
    auto copy =
        std::make_unique<Impl>(path, ":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    copy_into(copy->db);
    copy->db.exec("PRAGMA foreign_keys = ON");
    if (version < schema_version()) copy->migrate(version, false);
    return copy;
}

void Store::Impl::backup(const std::string& dest) const {
    AtomicFile copy_file(dest);
    {
        SQLite::Database target(sqlite_file_name(copy_file.temp_path()), SQLite::OPEN_READWRITE);
        copy_into(target);
    }
    // Left beside an older dest, these would be read into the new copy as if they were its own.
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        fs::remove(dest + suffix);
    copy_file.commit();
}

void Store::Impl::migrate(int from, bool keep_copy) {
    const auto& all = migrations();
    if (from > 0 && keep_copy) {
        auto dest = fmt::format("{}.v{}.backup", path, from);
        guarded("copying the journal before upgrading it", [&] { backup(dest); });
    }
    // A migration may rebuild a table that others reference (SQLite's twelve-step ALTER):
    // with foreign keys on, dropping the old table would cascade into tags and kids. The pragma
    // only takes effect outside a transaction; the keys are checked before the commit instead.
    db.exec("PRAGMA foreign_keys = OFF");
    struct KeysBackOn {
        SQLite::Database& db;
        ~KeysBackOn() {
            try {
                db.exec("PRAGMA foreign_keys = ON");
            } catch (const SQLite::Exception&) {  // the connection is going away with the error
            }
        }
    } keys_back_on{db};
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    int current = user_version();  // another guilt may have migrated while we waited
    for (const auto& m : all) {
        if (m.version <= current) continue;
        db.exec(std::string(m.sql));
        db.exec(fmt::format("PRAGMA user_version = {}", m.version));
    }
    db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    SQLite::Statement broken(db, "PRAGMA foreign_key_check");
    if (broken.executeStep())
        throw StoreError(fmt::format("{}: upgrading the journal would break the links of table {}",
                                     path, broken.getColumn(0).getString()));
    tx.commit();
}

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Store::~Store() {
    if (!m_impl || !m_impl->on_disk || !m_impl->sound) return;
    auto path = m_impl->path;
    auto known = m_impl->stamp;
    m_impl.reset();  // closed first: SQLite's last checkpoint changes the file
    write_stamp(path, known);
}

std::unique_ptr<Store> Store::open(const std::string& path, Access access) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)  // e.g. a file where a folder should be
        throw StoreError(fmt::format("{}: cannot reach the journal: {}", path, ec.message()));
    if (fs::is_directory(status))
        throw StoreError(
            fmt::format("{}: is a folder, not a journal (give a file path with --db)", path));
    bool exists = fs::exists(status);
    if (!exists && access == Access::inspect)
        throw StoreError(fmt::format("{}: no journal here", path));
    if (!exists && access == Access::read) {
        auto store = open_in_memory();
        store->m_impl->path = path;
        return store;
    }
    if (!exists) {
        make_private_dirs(fs::path(path).parent_path(), path);
        create_private_file(path);
    }
    // A new journal is sound; one as guilt left it too (the stamp, taken before SQLite opens it).
    auto stamp = exists ? read_stamp(path) : std::nullopt;
    if (stamp && stamp != stamp_of(path)) stamp.reset();
    const bool as_left = !exists || stamp;
    std::unique_ptr<Impl> impl;
    try {
        bool file_writable = ::access(path.c_str(), W_OK) == 0;
        bool writable = file_writable && folder_writable(path);
        std::error_code wal_ec;
        bool no_log = !fs::exists(path + "-wal", wal_ec);
        auto open_as_it_is = [&] {
            // Read the file as it is, without the shared-memory file that a read-only folder or
            // a full disk would not let SQLite make: right when no write-ahead log holds recent
            // changes.
            impl = std::make_unique<Impl>(path, immutable_uri(path),
                                          SQLite::OPEN_READONLY | SQLite::OPEN_URI);
            impl->db.setBusyTimeout(kBusyTimeoutMs);
        };
        if (access != Access::write && !folder_writable(path) && no_log) {
            open_as_it_is();
        } else {
            int flags = file_writable ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY;
            impl = std::make_unique<Impl>(path, sqlite_file_name(path), flags);
            impl->db.setBusyTimeout(kBusyTimeoutMs);
            try {
                impl->user_version();  // the first read, which makes the shared-memory file
            } catch (const SQLite::Exception& e) {
                auto code = e.getErrorCode();
                bool no_room = code == SQLITE_IOERR || code == SQLITE_FULL ||
                               code == SQLITE_READONLY || code == SQLITE_CANTOPEN;
                if (access == Access::write || !no_log || !no_room) throw;
                open_as_it_is();
            }
        }
        impl->db.exec(
            fmt::format("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
                        "PRAGMA cache_size = -{}",
                        kCacheKib));
        int version = impl->user_version();
        if (access == Access::inspect) return std::unique_ptr<Store>(new Store(std::move(impl)));
        int app_id = impl->db.execAndGet("PRAGMA application_id").getInt();
        bool empty = impl->db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0;
        // Before guilt set its application_id, a journal is known by its tables. Anything else
        // is another program's file and is left exactly as it is.
        bool ours = app_id == kApplicationId;
        bool fresh = app_id == 0 && version == 0 && empty;
        bool from_before_ids = app_id == 0 && version > 0 &&
                               has_guilt_tables(impl->db, std::min(version, schema_version()));
        if (!ours && !fresh && !from_before_ids)
            throw StoreError(fmt::format(
                "{}: is a SQLite database but not a guilt journal (check --db and GUILT_DB)",
                path));
        if (version > schema_version())
            throw StoreError(fmt::format(
                "{}: the journal was written by a newer guilt (schema {}, this build knows {}); "
                "upgrade guilt to open it",
                path, version, schema_version()));
        if (version < schema_version()) {
            if (access == Access::read && !writable) {
                // Read through a migrated copy; the file stays as it is until it can be written.
                impl = impl->copy_in_memory(version);
            } else {
                if (version == 0) impl->db.exec("PRAGMA journal_mode = WAL");
                impl->migrate(version);
            }
        }
    } catch (const SQLite::Exception& e) {
        auto message = fmt::format("{}: cannot open the journal: {}", path, describe(e));
        if (e.getErrorCode() == SQLITE_CORRUPT) throw JournalDamaged(message);
        throw StoreError(message);
    }
    impl->sound = as_left;
    impl->stamp = stamp;
    return std::unique_ptr<Store>(new Store(std::move(impl)));
}

std::unique_ptr<Store> Store::open_in_memory() {
    auto impl = std::make_unique<Impl>(
        ":memory:", ":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    impl->db.exec("PRAGMA foreign_keys = ON");
    impl->migrate(0);
    return std::unique_ptr<Store>(new Store(std::move(impl)));
}

const std::string& Store::path() const {
    return m_impl->path;
}

void Store::write(const std::function<void()>& fn) {
    m_impl->guarded("writing", [&] {
        m_impl->require_sound("nothing was written");
        SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
        m_impl->undo.begin(std::time(nullptr));
        try {
            fn();
        } catch (...) {
            m_impl->undo.abandon();
            throw;
        }
        m_impl->undo.end();
        tx.commit();
    });
}

std::optional<std::int64_t> Store::Impl::find_kid(const std::string& name) {
    auto& q = stmt("SELECT kid_id FROM kid_names WHERE folded = ?");
    ResetOnExit reset{q};
    q.bind(1, fold_name(name));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
}

std::optional<UndoneChange> Store::undo() {
    return m_impl->guarded("undoing the last change", [&] {
        return m_impl->undo.undo_latest([this](std::int64_t id) { return find(id); });
    });
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
    bind_opt(":intensity", e.type == EntryType::guilt ? e.intensity : std::nullopt);
    bool run = e.type == EntryType::run;
    if (run) {
        q.bind(":distance", e.distance_m);
        q.bind(":unit", e.unit == DistanceUnit::mi ? "mi" : "km");
    } else {
        q.bind(":distance");
        q.bind(":unit");
    }
    bind_opt(":duration", run ? e.duration_s : std::nullopt);
    bind_opt(":felt", run ? e.felt : std::nullopt);
    bind_text(":kind", run ? e.kind : "");
    bool timed = e.type == EntryType::engage || e.type == EntryType::deposit;
    bind_opt(":minutes", timed ? std::optional<int>(e.minutes) : std::nullopt);
    bind_opt(":child_led",
             e.type == EntryType::engage ? std::optional<int>(e.child_led) : std::nullopt);
    bool reflection = e.type == EntryType::reflection;
    bind_text(":ref_date", reflection ? e.date : "");
    bind_text(":strategy", reflection ? e.strategy : "");
    bind_text(":prompt", reflection ? e.prompt : "");
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

namespace {

Priority priority_from_row(SQLite::Statement& q) {
    Priority p;
    p.id = q.getColumn(0).getInt64();
    p.uuid = q.getColumn(1).getString();
    p.rank = q.getColumn(2).isNull() ? 0 : q.getColumn(2).getInt();
    p.title = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull()) p.until = stored_date(q.getColumn(4).getString(), "until");
    p.done = q.getColumn(5).getInt() != 0;
    return p;
}

}  // namespace

std::vector<Priority> Store::priorities(bool include_done) const {
    return m_impl->guarded("reading priorities", [&] {
        auto& q = m_impl->stmt(fmt::format(
            "SELECT id, uuid, rank, title, until, done FROM priorities {} ORDER BY done, rank, id",
            include_done ? "" : "WHERE done = 0"));
        std::vector<Priority> out;
        while (q.executeStep())
            out.push_back(priority_from_row(q));
        return out;
    });
}

std::optional<Priority> Store::find_priority(std::int64_t id) const {
    return m_impl->guarded("reading priorities", [&]() -> std::optional<Priority> {
        auto& q =
            m_impl->stmt("SELECT id, uuid, rank, title, until, done FROM priorities WHERE id = ?");
        ResetOnExit reset{q};
        q.bind(1, id);
        if (!q.executeStep()) return std::nullopt;
        return priority_from_row(q);
    });
}

void Store::insert_priority(Priority& p) {
    if (p.uuid.empty()) p.uuid = make_uuid();
    m_impl->guarded("saving the priority", [&] {
        auto& q = m_impl->stmt(
            "INSERT INTO priorities (uuid, rank, title, until, done) VALUES (?, ?, ?, ?, ?)");
        q.bind(1, p.uuid);
        if (p.done)
            q.bind(2);
        else
            q.bind(2, p.rank);
        q.bind(3, p.title);
        if (p.until)
            q.bind(4, format_date(*p.until));
        else
            q.bind(4);
        q.bind(5, p.done ? 1 : 0);
        q.exec();
        p.id = m_impl->db.getLastInsertRowid();
    });
}

void Store::add_priority(Priority& p) {
    m_impl->guarded("saving the priority", [&] {
        auto active =
            m_impl->db.execAndGet("SELECT count(*) FROM priorities WHERE done = 0").getInt();
        if (p.rank <= 0 || p.rank > active + 1) p.rank = active + 1;
        auto& shift =
            m_impl->stmt("UPDATE priorities SET rank = rank + 1 WHERE done = 0 AND rank >= ?");
        shift.bind(1, p.rank);
        shift.exec();
        p.done = false;
        insert_priority(p);
    });
}

bool Store::move_priority(std::int64_t id, int rank) {
    return m_impl->guarded("moving the priority", [&] {
        auto p = find_priority(id);
        if (!p || p->done) return false;
        auto& q = m_impl->stmt(R"sql(
            UPDATE priorities SET rank = CASE
                WHEN id = :id THEN :to
                WHEN :to < :from AND rank >= :to AND rank < :from THEN rank + 1
                WHEN :to > :from AND rank <= :to AND rank > :from THEN rank - 1
                ELSE rank END
            WHERE done = 0)sql");
        q.bind(":id", id);
        q.bind(":to", rank);
        q.bind(":from", p->rank);
        q.exec();
        return true;
    });
}

bool Store::finish_priority(std::int64_t id) {
    return m_impl->guarded("finishing the priority", [&] {
        auto p = find_priority(id);
        if (!p || p->done) return false;
        auto& done = m_impl->stmt("UPDATE priorities SET done = 1, rank = NULL WHERE id = ?");
        done.bind(1, id);
        done.exec();
        auto& close =
            m_impl->stmt("UPDATE priorities SET rank = rank - 1 WHERE done = 0 AND rank > ?");
        close.bind(1, p->rank);
        close.exec();
        return true;
    });
}

bool Store::has_priority_uuid(const std::string& uuid) const {
    return m_impl->guarded("reading priorities", [&] {
        auto& q = m_impl->stmt("SELECT 1 FROM priorities WHERE uuid = ?");
        ResetOnExit reset{q};
        q.bind(1, uuid);
        return q.executeStep();
    });
}

bool Store::rename_priority(std::int64_t id, const std::string& title) {
    return m_impl->guarded("renaming the priority", [&] {
        auto& q = m_impl->stmt("UPDATE priorities SET title = ? WHERE id = ?");
        q.bind(1, title);
        q.bind(2, id);
        return q.exec() > 0;
    });
}

bool Store::remove_priority(std::int64_t id) {
    return m_impl->guarded("removing the priority", [&] {
        auto p = find_priority(id);
        if (!p) return false;
        auto& del = m_impl->stmt("DELETE FROM priorities WHERE id = ?");
        del.bind(1, id);
        del.exec();
        if (!p->done) {
            auto& close =
                m_impl->stmt("UPDATE priorities SET rank = rank - 1 WHERE done = 0 AND rank > ?");
            close.bind(1, p->rank);
            close.exec();
        }
        return true;
    });
}

void Store::note_priorities(std::int64_t utc) {
    m_impl->guarded("keeping the history of priorities", [&] {
        // Versions the list no longer matches end now; priorities without an open version (new,
        // changed, or imported) start one now.
        auto& close = m_impl->stmt(R"sql(
            UPDATE priority_history SET valid_to = :now WHERE valid_to IS NULL AND NOT EXISTS (
                SELECT 1 FROM priorities p WHERE p.id = priority_history.priority_id
                    AND p.uuid = priority_history.uuid AND p.rank IS priority_history.rank
                    AND p.title = priority_history.title AND p.until IS priority_history.until
                    AND p.done = priority_history.done))sql");
        close.bind(":now", utc);
        close.exec();
        auto& open = m_impl->stmt(R"sql(
            INSERT INTO priority_history (priority_id, uuid, rank, title, until, done, valid_from)
            SELECT id, uuid, rank, title, until, done, :now FROM priorities p WHERE NOT EXISTS (
                SELECT 1 FROM priority_history h WHERE h.priority_id = p.id AND h.valid_to IS NULL))sql");
        open.bind(":now", utc);
        open.exec();
    });
}

std::vector<Priority> Store::priorities_at(std::int64_t utc) const {
    return m_impl->guarded("reading the history of priorities", [&] {
        // Priorities the history has never seen (imported) count as they are now.
        auto& q = m_impl->stmt(R"sql(
            SELECT priority_id, uuid, rank, title, until, done FROM priority_history
                WHERE (valid_from IS NULL OR valid_from <= :at) AND (valid_to IS NULL OR valid_to > :at)
            UNION ALL
            SELECT id, uuid, rank, title, until, done FROM priorities p
                WHERE NOT EXISTS (SELECT 1 FROM priority_history h WHERE h.priority_id = p.id)
            ORDER BY 6, 3, 1)sql");
        q.bind(":at", utc);
        std::vector<Priority> out;
        while (q.executeStep())
            out.push_back(priority_from_row(q));
        return out;
    });
}

std::vector<PriorityVersion> Store::priority_history() const {
    return m_impl->guarded("reading the history of priorities", [&] {
        auto& q = m_impl->stmt(R"sql(
            SELECT coalesce(p.id, 0), h.uuid, h.rank, h.title, h.until, h.done, h.valid_from,
                   h.valid_to
            FROM priority_history h LEFT JOIN priorities p ON p.id = h.priority_id
            ORDER BY h.valid_from IS NOT NULL, h.valid_from, h.valid_to IS NULL, h.valid_to,
                     h.done, h.rank, h.uuid)sql");
        std::vector<PriorityVersion> out;
        while (q.executeStep()) {
            PriorityVersion v{priority_from_row(q), std::nullopt, std::nullopt};
            if (!q.getColumn(6).isNull()) v.from_utc = q.getColumn(6).getInt64();
            if (!q.getColumn(7).isNull()) v.to_utc = q.getColumn(7).getInt64();
            out.push_back(std::move(v));
        }
        return out;
    });
}

namespace {

// Binds a version's fields to :uuid, :rank, :title, :until, :done, :from and :to.
void bind_version(SQLite::Statement& q, const PriorityVersion& v) {
    const auto& p = v.priority;
    q.bind(":uuid", p.uuid);
    if (p.done)
        q.bind(":rank");
    else
        q.bind(":rank", p.rank);
    q.bind(":title", p.title);
    if (p.until)
        q.bind(":until", format_date(*p.until));
    else
        q.bind(":until");
    q.bind(":done", p.done ? 1 : 0);
    if (v.from_utc)
        q.bind(":from", *v.from_utc);
    else
        q.bind(":from");
    if (v.to_utc)
        q.bind(":to", *v.to_utc);
    else
        q.bind(":to");
}

}  // namespace

bool Store::has_priority_version(const PriorityVersion& v) const {
    return m_impl->guarded("reading the history of priorities", [&] {
        auto& q = m_impl->stmt(R"sql(
            SELECT 1 FROM priority_history WHERE uuid = :uuid AND rank IS :rank
                AND title = :title AND until IS :until AND done = :done
                AND valid_from IS :from AND valid_to IS :to)sql");
        ResetOnExit reset{q};
        bind_version(q, v);
        return q.executeStep();
    });
}

bool Store::add_priority_version(const PriorityVersion& v) {
    if (has_priority_version(v)) return false;
    m_impl->guarded("saving the history of priorities", [&] {
        // The priority of that uuid; for one since removed, the id its other versions have, or
        // a new negative one, which no priority is ever given.
        auto& q = m_impl->stmt(R"sql(
            INSERT INTO priority_history
                (priority_id, uuid, rank, title, until, done, valid_from, valid_to)
            VALUES (coalesce((SELECT id FROM priorities WHERE uuid = :uuid),
                             (SELECT priority_id FROM priority_history WHERE uuid = :uuid),
                             min(0, (SELECT coalesce(min(priority_id), 0) FROM priority_history))
                                 - 1),
                    :uuid, :rank, :title, :until, :done, :from, :to))sql");
        bind_version(q, v);
        q.exec();
    });
    return true;
}

void Store::add_motto(const Motto& m) {
    m_impl->guarded("saving the motto", [&] {
        auto& q = m_impl->stmt("INSERT INTO mottos (text, ts, utc_offset) VALUES (?, ?, ?)");
        q.bind(1, m.text);
        q.bind(2, m.at.utc);
        q.bind(3, m.at.offset);
        q.exec();
    });
}

std::vector<Motto> Store::mottos() const {
    return m_impl->guarded("reading mottos", [&] {
        auto& q = m_impl->stmt("SELECT text, ts, utc_offset FROM mottos ORDER BY ts, id");
        std::vector<Motto> out;
        while (q.executeStep())
            out.push_back(
                {q.getColumn(0).getString(), {q.getColumn(1).getInt64(), q.getColumn(2).getInt()}});
        return out;
    });
}

std::optional<Motto> Store::motto_at(std::int64_t utc) const {
    return m_impl->guarded("reading mottos", [&]() -> std::optional<Motto> {
        auto& q = m_impl->stmt(
            "SELECT text, ts, utc_offset FROM mottos WHERE ts <= ? ORDER BY ts DESC, id DESC LIMIT "
            "1");
        ResetOnExit reset{q};
        q.bind(1, utc);
        if (!q.executeStep()) return std::nullopt;
        return Motto{q.getColumn(0).getString(),
                     {q.getColumn(1).getInt64(), q.getColumn(2).getInt()}};
    });
}

bool Store::has_motto(const Motto& m) const {
    return m_impl->guarded("reading mottos", [&] {
        auto& q = m_impl->stmt("SELECT 1 FROM mottos WHERE text = ? AND ts = ?");
        q.bind(1, m.text);
        ResetOnExit reset{q};
        q.bind(2, m.at.utc);
        return q.executeStep();
    });
}

void Store::record_showings(Date day, const std::vector<std::string>& strategies) {
    m_impl->guarded("recording the reflection", [&] {
        auto& clear = m_impl->stmt("DELETE FROM showings WHERE day = ?");
        clear.bind(1, format_date(day));
        clear.exec();
        for (const auto& s : strategies) {
            auto& q = m_impl->stmt("INSERT INTO showings (strategy, day) VALUES (?, ?)");
            q.bind(1, s);
            q.bind(2, format_date(day));
            q.exec();
        }
    });
}

std::vector<std::pair<Date, std::string>> Store::showings_between(Date from, Date to) const {
    return m_impl->guarded("reading earlier reflections", [&] {
        auto& q = m_impl->stmt(
            "SELECT day, strategy FROM showings WHERE day BETWEEN ? AND ? ORDER BY day, strategy");
        q.bind(1, format_date(from));
        q.bind(2, format_date(to));
        std::vector<std::pair<Date, std::string>> out;
        while (q.executeStep())
            out.emplace_back(stored_date(q.getColumn(0).getString(), "showings.day"),
                             q.getColumn(1).getString());
        return out;
    });
}

bool Store::add_showing(Date day, const std::string& strategy) {
    return m_impl->guarded("recording the reflection", [&] {
        auto& q = m_impl->stmt("INSERT OR IGNORE INTO showings (strategy, day) VALUES (?, ?)");
        q.bind(1, strategy);
        q.bind(2, format_date(day));
        return q.exec() > 0;
    });
}

std::map<std::string, Date> Store::last_showings_before(Date day) const {
    return m_impl->guarded("reading earlier reflections", [&] {
        auto& q =
            m_impl->stmt("SELECT strategy, max(day) FROM showings WHERE day < ? GROUP BY strategy");
        q.bind(1, format_date(day));
        std::map<std::string, Date> out;
        while (q.executeStep())
            out[q.getColumn(0).getString()] =
                stored_date(q.getColumn(1).getString(), "showings.day");
        return out;
    });
}

namespace {

FollowUp followup_from_row(SQLite::Statement& q) {
    FollowUp f;
    f.reflection_id = q.getColumn(0).getInt64();
    f.reflection_uuid = q.getColumn(1).getString();
    if (!q.getColumn(2).isNull()) f.answer = helped_from(q.getColumn(2).getString());
    f.night = stored_date(q.getColumn(3).getString(), "followups.night");
    f.at = {q.getColumn(4).getInt64(), q.getColumn(5).getInt()};
    return f;
}

constexpr const char* kFollowUpColumns =
    "f.reflection_id, e.uuid, f.answer, f.night, f.ts, f.utc_offset FROM followups f "
    "JOIN entries e ON e.id = f.reflection_id";

}  // namespace

void Store::set_followup(const FollowUp& f) {
    m_impl->guarded("saving the follow-up", [&] {
        auto& q = m_impl->stmt(R"sql(
            INSERT INTO followups (reflection_id, answer, night, ts, utc_offset)
            VALUES (:id, :answer, :night, :ts, :off)
            ON CONFLICT (reflection_id) DO UPDATE SET answer = excluded.answer,
                night = excluded.night, ts = excluded.ts, utc_offset = excluded.utc_offset)sql");
        q.bind(":id", f.reflection_id);
        if (f.answer)
            q.bind(":answer", std::string(to_string(*f.answer)));
        else
            q.bind(":answer");
        q.bind(":night", format_date(f.night));
        q.bind(":ts", f.at.utc);
        q.bind(":off", f.at.offset);
        q.exec();
    });
}

std::optional<FollowUp> Store::followup_of(std::int64_t reflection_id) const {
    return m_impl->guarded("reading follow-ups", [&]() -> std::optional<FollowUp> {
        auto& q =
            m_impl->stmt(fmt::format("SELECT {} WHERE f.reflection_id = ?", kFollowUpColumns));
        ResetOnExit reset{q};
        q.bind(1, reflection_id);
        if (!q.executeStep()) return std::nullopt;
        return followup_from_row(q);
    });
}

std::vector<FollowUp> Store::followups() const {
    return m_impl->guarded("reading follow-ups", [&] {
        auto& q = m_impl->stmt(fmt::format("SELECT {} ORDER BY e.ts, e.id", kFollowUpColumns));
        std::vector<FollowUp> out;
        while (q.executeStep())
            out.push_back(followup_from_row(q));
        return out;
    });
}

std::vector<Entry> Store::reflections_for_days(Date from, Date to) const {
    // A reflection is written on or after the day it reviews: the bound on ts (earliest start of
    // that day in any zone, UTC+14) lets the index on (type, ts) keep this query small.
    constexpr std::int64_t kEarliestOffset = 14 * 3600;
    std::vector<Entry> out;
    m_impl->guarded("reading earlier reflections", [&] {
        auto& q = m_impl->stmt(
            fmt::format("SELECT {} FROM entries e WHERE e.type = 'reflection' AND e.ts >= :from_ts "
                        "AND e.ref_date BETWEEN :from AND :to ORDER BY e.ts, e.id",
                        kEntryColumns));
        ResetOnExit reset{q};
        q.bind(":from_ts", days_from_civil(from) * 86400 - kEarliestOffset);
        q.bind(":from", format_date(from));
        q.bind(":to", format_date(to));
        while (q.executeStep())
            out.push_back(entry_from_row(q));
    });
    return out;
}

std::map<std::string, std::vector<HelpedAnswer>> Store::helped_between(Date from, Date to) const {
    return m_impl->guarded("reading follow-ups", [&] {
        auto& q = m_impl->stmt(
            "SELECT e.strategy, e.ref_date, f.answer FROM followups f JOIN entries e ON e.id = "
            "f.reflection_id WHERE f.night BETWEEN ? AND ? AND f.answer IS NOT NULL "
            "ORDER BY e.ref_date, e.id");
        q.bind(1, format_date(from));
        q.bind(2, format_date(to));
        std::map<std::string, std::vector<HelpedAnswer>> out;
        while (q.executeStep()) {
            auto answer = helped_from(q.getColumn(2).getString());
            if (!answer) continue;
            out[q.getColumn(0).getString()].push_back(
                {stored_date(q.getColumn(1).getString(), "entries.ref_date"), *answer});
        }
        return out;
    });
}

std::optional<std::int64_t> Store::entry_id(const std::string& uuid) const {
    return m_impl->guarded("reading the journal", [&]() -> std::optional<std::int64_t> {
        auto& q = m_impl->stmt("SELECT id FROM entries WHERE uuid = ?");
        ResetOnExit reset{q};
        q.bind(1, uuid);
        if (!q.executeStep()) return std::nullopt;
        return q.getColumn(0).getInt64();
    });
}

std::optional<std::string> Store::setting(const std::string& key) const {
    return m_impl->guarded("reading preferences", [&]() -> std::optional<std::string> {
        auto& q = m_impl->stmt("SELECT value FROM settings WHERE key = ?");
        ResetOnExit reset{q};
        q.bind(1, key);
        if (!q.executeStep()) return std::nullopt;
        return q.getColumn(0).getString();
    });
}

std::vector<std::pair<std::string, std::string>> Store::settings() const {
    return m_impl->guarded("reading preferences", [&] {
        auto& q = m_impl->stmt("SELECT key, value FROM settings ORDER BY key");
        std::vector<std::pair<std::string, std::string>> out;
        while (q.executeStep())
            out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
        return out;
    });
}

void Store::set_setting(const std::string& key, const std::string& value) {
    m_impl->guarded("saving the preference", [&] {
        auto& q = m_impl->stmt(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value "
            "= excluded.value");
        q.bind(1, key);
        q.bind(2, value);
        q.exec();
    });
}

void Store::backup_to(const std::string& dest) const {
    m_impl->guarded(fmt::format("copying the journal to {}", dest), [&] {
        m_impl->sound = false;  // a backup is checked whole, always
        m_impl->require_sound("no backup was made (it would copy the damage)");
        m_impl->backup(dest);
    });
}

std::vector<std::string> Store::integrity_problems() const {
    return m_impl->guarded("checking the journal", [&] {
        std::vector<std::string> out;
        SQLite::Statement q(m_impl->db, "PRAGMA integrity_check");
        while (q.executeStep()) {
            auto line = q.getColumn(0).getString();
            if (line != "ok") out.push_back(line);
        }
        m_impl->sound = out.empty();
        return out;
    });
}

int Store::stored_schema_version() const {
    return m_impl->guarded("reading the schema version", [&] { return m_impl->user_version(); });
}

std::optional<std::string> Store::search_index_problem() const {
    return m_impl->guarded("checking the search index", [&]() -> std::optional<std::string> {
        // integrity-check is an INSERT that changes nothing. A journal that cannot be written
        // is checked in a copy; else in a transaction that is never committed, begun IMMEDIATE
        // so that a write under way elsewhere is waited for rather than failed on.
        std::unique_ptr<Impl> copy;
        if (m_impl->read_only()) copy = m_impl->copy_in_memory(schema_version());
        auto& db = copy ? copy->db : m_impl->db;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        try {
            db.exec("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)");
        } catch (const SQLite::Exception& e) {
            if (e.getErrorCode() != SQLITE_CORRUPT) throw;
            return e.what();
        }
        return std::nullopt;
    });
}

void Store::rebuild_search_index() {
    m_impl->guarded("rebuilding the search index", [&] {
        m_impl->db.exec("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')");
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

std::vector<std::int64_t> Store::entries_with_unprintable() const {
    return m_impl->guarded("reading entries", [&] {
        // GLOB compares code points: C0 but tab and newline, DEL and C1, bidi controls.
        const std::string chars = "\x01-\x08\x0b-\x1f\x7f-\xc2\x9f\u202a-\u202e\u2066-\u2069";
        auto& q = m_impl->stmt(R"sql(
            SELECT e.id FROM entries e
            WHERE e.text GLOB :p OR coalesce(e.prompt, '') GLOB :p OR coalesce(e.kind, '') GLOB :p
               OR coalesce(e.strategy, '') GLOB :p OR coalesce(e.ref_date, '') GLOB :p
               OR EXISTS (SELECT 1 FROM tags WHERE entry_id = e.id AND tag GLOB :p)
               OR EXISTS (SELECT 1 FROM run_with WHERE entry_id = e.id AND who GLOB :p)
               OR EXISTS (SELECT 1 FROM entry_kids ek JOIN kids k ON k.id = ek.kid_id
                          WHERE ek.entry_id = e.id AND k.name GLOB :p)
            ORDER BY e.id)sql");
        q.bind(":p", "*[" + chars + "]*");
        std::vector<std::int64_t> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getInt64());
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
            for (const auto& kid : extract_kids(texts.getColumn(1).getString())) {
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

std::string make_uuid() {
    std::array<unsigned char, 16> b{};
    if (getrandom(b.data(), b.size(), 0) != static_cast<ssize_t>(b.size()))
        throw StoreError("cannot read random bytes for a new entry's UUID");
    return format_uuid(b, 4);
}

}  // namespace guilt
