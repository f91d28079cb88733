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

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <thread>
#include <unordered_map>

#include "guilt/error.hpp"
#include "guilt/schema.hpp"
#include "guilt/text.hpp"
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

// Resets a statement when leaving scope, so a single-row read does not keep a read transaction
// (and an old snapshot) open until the statement's next use.
struct ResetOnExit {
    SQLite::Statement& q;
    ~ResetOnExit() { q.tryReset(); }
};

}  // namespace

int schema_version() {
    return migrations().back().version;
}

struct Store::Impl {
    std::string path;
    mutable SQLite::Database db;  // const reads still step statements
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements;
    UndoLog undo{db};

    Impl(std::string p, const std::string& file, int flags) : path(std::move(p)), db(file, flags) {}

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
        throw StoreError(fmt::format("{}: {}: {}", path, doing, describe(e)));
    }

    template <class F>
    auto guarded(std::string_view doing, F&& fn) const -> decltype(fn()) {
        try {
            return fn();
        } catch (const SQLite::Exception& e) {
            fail(e, doing);
        }
    }

    int user_version() { return db.execAndGet("PRAGMA user_version").getInt(); }

    void migrate(int from);
    void backup(const std::string& dest) const;
    void write_links(const Entry& e, bool replace);
    std::int64_t kid_id(const std::string& name);
    std::string stored_kid_name(const std::string& name);
};

void Store::Impl::backup(const std::string& dest) const {
    // Copy into a private (0600, whatever the umask) file beside dest, then rename it over dest.
    auto dest_path = fs::path(dest);
    auto dir = dest_path.has_parent_path() ? dest_path.parent_path() : fs::path(".");
    auto tmp = (dir / ("." + dest_path.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        throw StoreError(
            fmt::format("{}: cannot create a file there: {}", dest, std::strerror(errno)));
    ::close(fd);
    try {
        {
            SQLite::Database target(tmp, SQLite::OPEN_READWRITE);
            SQLite::Backup copy(target, db);
            // One step copies every page under one read lock: a consistent snapshot. BUSY or
            // LOCKED copied nothing, so the step is tried again until the busy timeout.
            for (int waited = 0; copy.executeStep() != SQLITE_DONE; waited += kBackupRetryMs) {
                if (waited >= kBusyTimeoutMs) throw SQLite::Exception("locked", SQLITE_BUSY);
                std::this_thread::sleep_for(std::chrono::milliseconds(kBackupRetryMs));
            }
        }
        // Left beside an older dest, these would be read into the new copy as if they were its own.
        for (const char* suffix : {"-wal", "-shm", "-journal"})
            fs::remove(dest + suffix);
        if (::rename(tmp.c_str(), dest.c_str()) != 0)
            throw StoreError(fmt::format("{}: cannot write: {}", dest, std::strerror(errno)));
    } catch (...) {
        ::unlink(tmp.c_str());
        throw;
    }
}

void Store::Impl::migrate(int from) {
    const auto& all = migrations();
    if (from > 0) {
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
    SQLite::Statement broken(db, "PRAGMA foreign_key_check");
    if (broken.executeStep())
        throw StoreError(fmt::format("{}: upgrading the journal would break the links of table {}",
                                     path, broken.getColumn(0).getString()));
    tx.commit();
}

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::~Store() = default;

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
    std::unique_ptr<Impl> impl;
    try {
        int flags =
            ::access(path.c_str(), W_OK) == 0 ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY;
        impl = std::make_unique<Impl>(path, path, flags);
        impl->db.setBusyTimeout(kBusyTimeoutMs);
        impl->db.exec(
            fmt::format("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
                        "PRAGMA cache_size = -{}",
                        kCacheKib));
        int version = impl->user_version();
        if (access == Access::inspect) {
            // As it is, whatever its version.
        } else if (version > schema_version()) {
            throw StoreError(fmt::format(
                "{}: the journal was written by a newer guilt (schema {}, this build knows {}); "
                "upgrade guilt to open it",
                path, version, schema_version()));
        } else if (version < schema_version()) {
            if (version == 0) {
                bool empty =
                    impl->db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0;
                if (!empty)
                    throw StoreError(
                        fmt::format("{}: is a SQLite database but not a guilt journal", path));
                impl->db.exec("PRAGMA journal_mode = WAL");
            }
            impl->migrate(version);
        }
    } catch (const SQLite::Exception& e) {
        throw StoreError(fmt::format("{}: cannot open the journal: {}", path, describe(e)));
    }
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

std::optional<UndoneChange> Store::undo() {
    return m_impl->guarded("undoing the last change", [&] {
        return m_impl->undo.undo_latest([this](std::int64_t id) { return find(id); });
    });
}

std::int64_t Store::Impl::kid_id(const std::string& name) {
    auto& insert = stmt("INSERT INTO kids (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
    insert.bind(1, name);
    insert.exec();
    auto& select = stmt("SELECT id FROM kids WHERE name = ?");
    ResetOnExit reset{select};
    select.bind(1, name);
    select.executeStep();
    return select.getColumn(0).getInt64();
}

std::string Store::Impl::stored_kid_name(const std::string& name) {
    auto& q = stmt("SELECT name FROM kids WHERE name = ?");  // the column compares NOCASE
    ResetOnExit reset{q};
    q.bind(1, name);
    return q.executeStep() ? q.getColumn(0).getString() : name;
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
    for (const auto& kid : e.kids) {
        auto id = kid_id(kid);
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
        for (auto& kid : e.kids)
            kid = m_impl->stored_kid_name(kid);
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
        add("e.id IN (SELECT ek.entry_id FROM entry_kids ek JOIN kids k ON k.id = ek.kid_id "
            "WHERE k.name = :kid)");
    std::string query = f.contains ? fts_query(*f.contains) : "";
    if (f.contains && query.empty()) return;
    auto order = f.oldest_first ? "e.ts, e.id" : "e.ts DESC, e.id DESC";
    if (f.contains) add("e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH :match)");
    // With a limit, the entries are chosen first and only those read whole (tags, kids, ...).
    auto sql = f.limit > 0 ? fmt::format(
                                 "SELECT {} FROM entries e WHERE e.id IN (SELECT e.id FROM entries "
                                 "e{} ORDER BY {} LIMIT {}) ORDER BY {}",
                                 kEntryColumns, where, order, f.limit, order)
                           : fmt::format("SELECT {} FROM entries e{} ORDER BY {}", kEntryColumns,
                                         where, order);
    m_impl->guarded("reading entries", [&] {
        auto& q = m_impl->stmt(sql);
        ResetOnExit reset{q};
        if (f.since_utc) q.bind(":since", *f.since_utc);
        if (f.until_utc) q.bind(":until", *f.until_utc);
        if (f.from_day) q.bind(":from_day", format_date(*f.from_day));
        if (f.to_day) q.bind(":to_day", format_date(*f.to_day));
        if (f.type) q.bind(":type", std::string(to_string(*f.type)));
        if (f.tag) q.bind(":tag", *f.tag);
        if (f.kid) q.bind(":kid", *f.kid);
        if (f.contains) q.bind(":match", query);
        while (q.executeStep())
            fn(entry_from_row(q));
    });
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
    if (!q.getColumn(4).isNull()) p.until = parse_date(q.getColumn(4).getString(), "until");
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
            out.emplace_back(parse_date(q.getColumn(0).getString(), "showings.day"),
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
                parse_date(q.getColumn(1).getString(), "showings.day");
        return out;
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
    m_impl->guarded(fmt::format("copying the journal to {}", dest), [&] { m_impl->backup(dest); });
}

std::vector<std::string> Store::integrity_problems() const {
    return m_impl->guarded("checking the journal", [&] {
        std::vector<std::string> out;
        SQLite::Statement q(m_impl->db, "PRAGMA integrity_check");
        while (q.executeStep()) {
            auto line = q.getColumn(0).getString();
            if (line != "ok") out.push_back(line);
        }
        return out;
    });
}

int Store::stored_schema_version() const {
    return m_impl->guarded("reading the schema version", [&] { return m_impl->user_version(); });
}

std::optional<std::string> Store::search_index_problem() const {
    return m_impl->guarded("checking the search index", [&]() -> std::optional<std::string> {
        // integrity-check is an INSERT that changes nothing; the transaction, never committed,
        // keeps it that way.
        SQLite::Transaction tx(m_impl->db);
        try {
            m_impl->db.exec(
                "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)");
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
            "SELECT name FROM kids WHERE name >= :p AND name < :p || char(1114111) ORDER BY name "
            "LIMIT :n");
        q.bind(":p", prefix);
        q.bind(":n", limit);
        std::vector<std::string> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString());
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

std::string make_uuid() {
    std::array<unsigned char, 16> b{};
    if (getrandom(b.data(), b.size(), 0) != static_cast<ssize_t>(b.size()))
        throw StoreError("cannot read random bytes for a new entry's UUID");
    return format_uuid(b, 4);
}

}  // namespace guilt
