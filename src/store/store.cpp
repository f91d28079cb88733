// SPDX-License-Identifier: MIT
// The journal on SQLite: opening (with folder and file modes), migrations after a backup, and
// writes in one transaction with the undo log. SQLite errors become StoreError naming the file
// and what failed. PATH-checked (the journal known sound) is in store_stamp.cpp; checks and
// backups in store_health.cpp; the queries in
// store_entries.cpp, store_priorities.cpp, store_lists.cpp and store_kids.cpp.
#include "store_impl.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <sstream>
#include <string_view>
#include <thread>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/store/atomic_file.hpp"
#include "guilt/store/schema.hpp"
#include "undo_log.hpp"

namespace guilt {
namespace fs = std::filesystem;
using namespace store_detail;

namespace {

// Page cache of one connection, in KiB. A large import then stays in memory until its commit
// instead of spilling pages to the WAL again and again; the cache only grows as pages are used.
constexpr int kCacheKib = 64 * 1024;
// The write-ahead log a command leaves for the next one, at most (docs/architecture.md,
// "Checkpoints"): a command that closes the journal with a larger log folds it into the file.
constexpr std::uintmax_t kLogKeptBytes = 1024 * 1024;
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

}  // namespace

std::string store_detail::immutable_uri(const std::string& path) {
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

namespace {

// Whether no write-ahead log holds changes for the journal: none there, or an empty one (left on a
// full disk by a guilt that could not start it).
bool no_pending_log(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path + "-wal", ec)) return !ec;
    return fs::file_size(path + "-wal", ec) == 0 && !ec;
}

bool folder_writable(const std::string& path) {
    auto dir = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
    return ::access(dir.c_str(), W_OK) == 0;
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

// Creates each missing folder of `dir`, where `journal` goes, with mode 0700, and adds each one
// it made to `made` (outermost first). Existing folders are left as they are.
void make_private_dirs(const fs::path& dir, const std::string& journal,
                       std::vector<fs::path>& made) {
    if (dir.empty() || fs::exists(dir)) return;
    make_private_dirs(dir.parent_path(), journal, made);
    if (::mkdir(dir.c_str(), 0700) != 0) {
        if (errno == EEXIST) return;
        throw StoreError(fmt::format("{}: cannot create its folder {}: {}", journal, dir.string(),
                                     std::strerror(errno)));
    }
    made.push_back(dir);
    ::chmod(dir.c_str(), 0700);
}

// What opening a new journal made (its folders, its file), removed again unless the open
// succeeds: a failed first write (a full disk, a read-only place) leaves nothing behind.
class MadeForNewJournal {
  public:
    MadeForNewJournal(const std::string& journal) : m_journal(journal) {}
    MadeForNewJournal(const MadeForNewJournal&) = delete;
    MadeForNewJournal& operator=(const MadeForNewJournal&) = delete;
    ~MadeForNewJournal() {
        if (m_kept) return;
        std::error_code ec;
        if (m_file)
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                fs::remove(m_journal + suffix, ec);
        for (auto dir = m_dirs.rbegin(); dir != m_dirs.rend(); ++dir)
            fs::remove(*dir, ec);  // only while empty
    }
    void make() {
        make_private_dirs(fs::path(m_journal).parent_path(), m_journal, m_dirs);
        create_private_file(m_journal);
        m_file = true;
    }
    void keep() { m_kept = true; }

  private:
    std::string m_journal;
    std::vector<fs::path> m_dirs;
    bool m_file = false;
    bool m_kept = false;
};

}  // namespace

int schema_version() {
    return migrations().back().version;
}

namespace {

// Throws NotAJournal unless the file `impl` opened is a guilt journal (or an empty file that
// becomes one): by guilt's application_id with its tables, or, made before guilt set one, by its
// tables alone. Another program's file, even one that carries guilt's id, is left exactly as it
// is, never migrated or backed up. A journal as guilt left it (`known`: its stamp matched) was
// recognised when guilt last closed it, and is not looked at again.
void identify(Store::Impl& impl, int version, bool known) {
    if (known) return;
    auto& db = impl.db;
    int app_id = db.execAndGet("PRAGMA application_id").getInt();
    if (app_id != 0 && app_id != kApplicationId)
        throw NotAJournal(fmt::format(
            "{}: is a SQLite database of another program, not a guilt journal (check --db and "
            "GUILT_DB)",
            impl.path));
    if (version == 0) {
        if (db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0) return;
    } else if (app_id == kApplicationId && version > schema_version()) {
        return;  // a newer guilt's journal: refused as such by the caller
    } else if (has_guilt_tables(db, std::min(version, schema_version()))) {
        return;
    }
    throw NotAJournal(fmt::format(
        "{}: is a SQLite database but not a guilt journal (check --db and GUILT_DB)", impl.path));
}

}  // namespace

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
    if (!m_impl || !m_impl->on_disk) return;
    auto path = m_impl->path;
    auto known = m_impl->stamp;
    bool sound = m_impl->sound;
    auto damage = m_impl->damage;
    bool marked = m_impl->damage_marked;
    bool checked_whole = m_impl->checked_whole;
    // Every first opener of the journal rebuilds the log's index from the log itself, and with it
    // forgets which of its pages SQLite had copied into the file: the log would never start over
    // and would grow with every write, each command reading it all. Past kLogKeptBytes, this
    // close folds it (the last connection's checkpoint, which also removes it).
    std::error_code ec;
    if (auto size = fs::file_size(path + "-wal", ec); !ec && size > kLogKeptBytes)
        fold_log_on_close(true);
    m_impl.reset();  // closed first: the stamp is of the files as the connection left them
    if (damage && !marked) write_damage_mark(path, *damage);
    if (!damage && sound) write_stamp(path, known, checked_whole);
}

namespace {

// The connection to the journal's file, read-write when `file_writable`. A reader in a folder it
// cannot write, or on a full disk, reads the file as it is when no write-ahead log holds changes.
std::unique_ptr<Store::Impl> connect(const std::string& path, Store::Access access,
                                     bool file_writable) {
    std::unique_ptr<Store::Impl> impl;
    bool no_log = no_pending_log(path);
    auto open_as_it_is = [&] {
        // Read the file as it is, without the shared-memory file that a read-only folder or
        // a full disk would not let SQLite make: right when no write-ahead log holds recent
        // changes.
        impl = std::make_unique<Store::Impl>(path, immutable_uri(path),
                                             SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        impl->db.setBusyTimeout(kBusyTimeoutMs);
    };
    if (access != Store::Access::write && (!folder_writable(path) || disk_full(path)) && no_log) {
        open_as_it_is();
    } else {
        int flags = file_writable ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY;
        impl = std::make_unique<Store::Impl>(path, sqlite_file_name(path), flags);
        impl->db.setBusyTimeout(kBusyTimeoutMs);
        try {
            impl->user_version();  // the first read, which makes the shared-memory file
        } catch (const SQLite::Exception& e) {
            auto code = e.getErrorCode();
            bool no_room = code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_READONLY ||
                           code == SQLITE_CANTOPEN;
            if (access == Store::Access::write || !no_log || !no_room) throw;
            open_as_it_is();
        }
    }
    return impl;
}

// Brings the journal at schema `version` to this build's: refuses a newer one; reads an older one
// that cannot be written through a migrated copy in memory (replacing `impl`) or refuses to write
// it; migrates it otherwise.
void to_current_schema(std::unique_ptr<Store::Impl>& impl, const std::string& path,
                       Store::Access access, bool writable, int version) {
    if (version > schema_version())
        throw StoreError(fmt::format(
            "{}: the journal was written by a newer guilt (schema {}, this build knows {}); "
            "upgrade guilt to open it",
            path, version, schema_version()));
    if (version < schema_version()) {
        if (access == Store::Access::read && !writable) {
            // Read through a migrated copy; the file stays as it is until it can be written.
            impl = impl->copy_in_memory(version);
            impl->stand_in = true;
        } else if (!writable && version > 0) {
            throw StoreError(fmt::format(
                "{}: the journal is from an older guilt and must be upgraded before it is "
                "written, but it is read-only; nothing was written (make it and its folder "
                "writable for you: chmod u+w)",
                path));
        } else {
            if (version == 0) {  // an empty file becomes her journal: private, like a new one
                ::chmod(path.c_str(), 0600);
                impl->db.exec("PRAGMA journal_mode = WAL");
            }
            impl->migrate(version);
        }
    }
}

}  // namespace

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
    // Nothing is made on a full disk (SQLite would leave an empty log behind): said at once.
    if (access == Access::write && disk_full(path))
        throw StoreError(fmt::format("{}: cannot write the journal: the disk is full", path));
    MadeForNewJournal made(path);
    if (!exists) made.make();
    // A new journal is sound; one as guilt left it too (the stamp, taken before SQLite opens it).
    auto stamp = exists ? read_stamp(path) : std::nullopt;
    if (stamp && stamp != stamp_of(path)) stamp.reset();
    const bool as_left = !exists || stamp;
    std::unique_ptr<Impl> impl;
    try {
        bool file_writable = ::access(path.c_str(), W_OK) == 0;
        bool writable = file_writable && folder_writable(path);
        impl = connect(path, access, file_writable);
        // temp_store: a statement's journal (the pages it changed, kept to undo that statement
        // alone) stays in memory, where it spilled to a temporary file, a write per page.
        impl->db.exec(
            fmt::format("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
                        "PRAGMA temp_store = MEMORY; "
                        "PRAGMA cache_size = -{}",
                        kCacheKib));
        int version = impl->user_version();
        identify(*impl, version, stamp.has_value());
        if (access == Access::inspect) return std::unique_ptr<Store>(new Store(std::move(impl)));
        to_current_schema(impl, path, access, writable, version);
    } catch (const SQLite::Exception& e) {
        auto message = fmt::format("{}: cannot open the journal: {}", path, describe(e, path));
        if (e.getErrorCode() == SQLITE_CORRUPT) throw JournalDamaged(message);
        throw StoreError(message);
    }
    impl->sound = as_left;
    impl->stamp = stamp;
    impl->damage = exists ? read_damage_mark(path) : std::nullopt;
    impl->damage_marked = impl->damage.has_value();
    made.keep();
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

bool Store::writable() const {
    return !m_impl->stand_in && !m_impl->read_only();
}

void Store::Impl::require_file(std::string_view doing) const {
    if (stand_in)
        throw StoreError(fmt::format(
            "{}: {}: the journal cannot be written (it is read-only, and from an older guilt "
            "that must upgrade it first); nothing was written (make it writable: chmod u+w)",
            path, doing));
}

void Store::set_clock(std::function<std::int64_t()> now_utc) {
    m_impl->clock = std::move(now_utc);
}

void Store::write(const std::function<void()>& fn) {
    m_impl->require_file("writing");
    const std::int64_t now = m_impl->clock ? m_impl->clock() : 0;
    m_impl->guarded("writing", [&] {
        m_impl->require_sound("nothing was written");
        SQLite::Transaction tx(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
        m_impl->write_now = now;
        m_impl->write_version.reset();
        m_impl->undo.begin(now);
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

void Store::read_once_through() {
    m_impl->db.exec("PRAGMA cache_size = -4096");  // KiB
}

void Store::fold_log_on_close(bool fold) {
    sqlite3_db_config(m_impl->db.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, fold ? 0 : 1,
                      nullptr);
}

}  // namespace guilt
