// SPDX-License-Identifier: MIT
// The store's words for SQLite's failures (a full disk, a read-only mount, a lock held too long,
// a file that is not a database), and guilt_fold, the SQL function the kid migration keys by.
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "guilt/core/text.hpp"
#include "store_impl.hpp"

namespace guilt {
namespace fs = std::filesystem;

namespace store_detail {

std::string sqlite_file_name(const std::string& path) {
    return path.starts_with("file:") ? "./" + path : path;
}

namespace {

// The file system of the journal's folder, or of its nearest folder that exists (a new
// journal's folders are made later).
std::optional<struct statvfs> file_system_of(const std::string& path) {
    std::error_code ec;
    auto dir = fs::absolute(path, ec).parent_path();
    while (!dir.empty() && !fs::is_directory(dir, ec) && dir != dir.parent_path())
        dir = dir.parent_path();
    struct statvfs vfs {};
    if (dir.empty() || ::statvfs(dir.c_str(), &vfs) != 0) return std::nullopt;
    return vfs;
}

}  // namespace

bool disk_full(const std::string& path) {
    auto vfs = file_system_of(path);
    if (!vfs) return false;
    // Root may use the blocks a file system keeps back; anyone else may not.
    auto blocks = ::geteuid() == 0 ? vfs->f_bfree : vfs->f_bavail;
    return static_cast<std::uintmax_t>(blocks) * vfs->f_frsize < kRoomForLog;
}

bool on_read_only_mount(const std::string& path) {
    auto vfs = file_system_of(path);
    return vfs && (vfs->f_flag & ST_RDONLY) != 0;
}

std::string describe(const SQLite::Exception& e, const std::string& path) {
    auto code = e.getErrorCode();
    // SQLite says "disk I/O error" when it cannot grow its shared-memory file on a full disk.
    bool file_error = code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_CANTOPEN;
    if (file_error && !path.empty() && disk_full(path)) return "the disk is full";
    switch (code) {
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
            if (!path.empty() && on_read_only_mount(path))
                return "it is on a read-only file system, so it cannot be written";
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

}  // namespace store_detail

}  // namespace guilt
