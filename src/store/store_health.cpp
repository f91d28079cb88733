// SPDX-License-Identifier: MIT
// The journal's health and copies: the checks before a write, guilt doctor's checks and
// repairs, backups (a copy of a sound journal only), and guilt restore's check and swap.
#include "store_impl.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/store/atomic_file.hpp"
#include "guilt/store/schema.hpp"

namespace guilt {
using namespace store_detail;
namespace fs = std::filesystem;

std::optional<std::string> Store::Impl::quick_check_problem() const {
    SQLite::Statement q(db, "PRAGMA quick_check(1)");
    auto line = q.executeStep() ? q.getColumn(0).getString() : std::string("ok");
    if (line == "ok") {
        sound = true;
        return std::nullopt;
    }
    // "*** in database main ***\nPage 48: btreeInitPage() returns error code 11"
    if (auto end = line.rfind('\n'); end != std::string::npos) line.erase(0, end + 1);
    // "Page 48: ..." continues a sentence as "page 48: ..."; a word in capitals, such as SQLite's
    // "CHECK constraint failed", stays as it is.
    auto capital = [&](std::size_t i) {
        return i < line.size() && std::isupper(static_cast<unsigned char>(line[i])) != 0;
    };
    if (capital(0) && !capital(1))
        line[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(line[0])));
    return line;
}

void Store::Impl::require_sound(std::string_view refused) const {
    if (damage)
        throw JournalDamaged(fmt::format(
            "{}: guilt doctor found the journal damaged ({}), so {}; restore a backup in its "
            "place, or save every entry that can still be read with guilt export -o "
            "rescue.json; guilt doctor checks it again",
            path, *damage, refused));
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

void Store::Impl::backup(const std::string& dest, bool without_deleted) const {
    AtomicFile copy_file(dest);
    {
        SQLite::Database target(sqlite_file_name(copy_file.temp_path()), SQLite::OPEN_READWRITE);
        copy_into(target);
        if (without_deleted) scrub_copy(target);
    }
    // Left beside an older dest, these would be read into the new copy as if they were its own.
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        fs::remove(dest + suffix);
    copy_file.commit();
}

void Store::backup_to(const std::string& dest) const {
    m_impl->guarded(fmt::format("copying the journal to {}", dest), [&] {
        m_impl->sound = false;  // a backup is checked whole, always
        m_impl->require_sound("no backup was made (it would copy the damage)");
        m_impl->backup(dest, true);
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
        // Kept in PATH-checked, so that later writes are refused until a check finds it sound.
        m_impl->damage = out.empty() ? std::nullopt : std::optional(out.front());
        m_impl->checked_whole = true;
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

}  // namespace guilt

namespace guilt {

std::int64_t Store::check_restored(const std::string& copy) {
    std::int64_t entries = 0;
    {
        auto store = open(copy, Access::inspect);
        auto& impl = *store->m_impl;
        auto version = store->stored_schema_version();
        if (version == 0)
            throw NotAJournal(fmt::format("{}: is a SQLite database but holds no journal", copy));
        if (version > schema_version())
            throw StoreError(
                fmt::format("{}: was written by a newer guilt (schema {}, this guilt "
                            "knows {}); upgrade guilt to restore it",
                            copy, version, schema_version()));
        auto problems = store->integrity_problems();
        impl.damage.reset();  // said below; no mark beside the copy
        impl.sound = false;   // and no stamp: the copy is about to take the journal's name
        if (!problems.empty())
            throw JournalDamaged(fmt::format("{}: is damaged ({})", copy, problems.front()));
        entries = store->count_entries();
    }
    std::error_code ec;
    fs::remove(copy + "-checked", ec);
    return entries;
}

namespace {

// Keeps `path` as `kept` too (a hard link). Throws StoreError naming both.
void keep_as(const std::string& path, const std::string& kept) {
    if (::link(path.c_str(), kept.c_str()) != 0)
        throw StoreError(fmt::format("{}: cannot keep the journal as {}: {}; nothing was changed",
                                     path, kept, std::strerror(errno)));
}

// Removes PATH-checked when it is a regular file: the stamp of a journal that is gone.
void forget_stamp(const std::string& path) {
    struct stat st {};
    auto stamp = path + "-checked";
    if (::lstat(stamp.c_str(), &st) == 0 && S_ISREG(st.st_mode)) ::unlink(stamp.c_str());
}

}  // namespace

void Store::replace_journal(const std::string& path, const std::string& kept,
                            const std::function<void()>& swap) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return swap();
    std::unique_ptr<Store> old;
    try {
        old = open(path, Access::inspect);
    } catch (const JournalDamaged&) {
        // SQLite cannot read it: kept as it is, with its log (which the new journal must not
        // read as its own).
    }
    if (!old) {
        keep_as(path, kept);
        if (fs::exists(path + "-wal", ec)) fs::rename(path + "-wal", kept + "-wal", ec);
        fs::remove(path + "-shm", ec);
        swap();
        forget_stamp(path);
        return;
    }
    auto& impl = *old->m_impl;
    impl.guarded("emptying its log before it is replaced", [&] {
        auto& db = impl.db;
        // Waits (the busy timeout) for the guilt or program that writes or reads it.
        SQLite::Statement q(db, "PRAGMA wal_checkpoint(TRUNCATE)");
        if (q.executeStep() && q.getColumn(0).getInt() != 0)
            throw SQLite::Exception("busy", SQLITE_BUSY);
        q.reset();
        SQLite::Transaction hold(db, SQLite::TransactionBehavior::IMMEDIATE);
        keep_as(path, kept);
        try {
            swap();
        } catch (...) {
            ::unlink(kept.c_str());
            throw;
        }
    });
    impl.sound = false;  // the stamp was the old journal's
    impl.damage.reset();
    old.reset();
    forget_stamp(path);
}

}  // namespace guilt
