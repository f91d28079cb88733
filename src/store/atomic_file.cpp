// SPDX-License-Identifier: MIT
// One atomic writer for every file guilt makes beside the journal.
#include "guilt/store/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

#include "guilt/core/error.hpp"

namespace guilt {

namespace fs = std::filesystem;

namespace {

// A temporary copy is `.<target>.guilt-tmp-` and mkstemp's six letters: a name only guilt
// gives, so that her own files beside the target (`.taxes.json.backup`, rsync's temporary
// files) never look like one of ours.
constexpr std::string_view kTempMark = ".guilt-tmp-";
constexpr std::string_view kTempTail = "XXXXXX";       // mkstemp's six letters
constexpr std::string_view kJournalTail = "-journal";  // SQLite's rollback journal of a copy

fs::path folder_of(const fs::path& path) {
    return path.parent_path().empty() ? fs::path(".") : path.parent_path();
}

// The temporary name of `dest`: hidden, beside it, so the rename stays on one file system.
std::string temp_pattern(const fs::path& dest) {
    return (folder_of(dest) /
            fmt::format(".{}{}{}", dest.filename().string(), kTempMark, kTempTail))
        .string();
}

// Whether `letters` could be what mkstemp put in place of the X's.
bool mkstemp_letters(std::string_view letters) {
    return letters.size() == kTempTail.size() &&
           std::all_of(letters.begin(), letters.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

// Removes the temporary copies of `dest` that runs killed before their rename left behind, and
// the rollback journals SQLite kept beside them. Only guilt's own names are looked at, and of
// those only the regular files of this user that no live guilt holds: a writer holds an flock
// on its copy until it is renamed or removed.
void remove_abandoned_copies(const fs::path& dest) {
    auto folder = folder_of(dest);
    auto prefix = fmt::format(".{}{}", dest.filename().string(), kTempMark);
    DIR* dir = ::opendir(folder.c_str());
    if (dir == nullptr) return;
    std::vector<std::string> journals;
    while (const dirent* d = ::readdir(dir)) {
        std::string_view name = d->d_name;
        if (!name.starts_with(prefix)) continue;
        auto letters = name.substr(prefix.size());
        auto path = (folder / name).string();
        if (letters.ends_with(kJournalTail) &&
            mkstemp_letters(letters.substr(0, letters.size() - kJournalTail.size()))) {
            journals.push_back(path);
            continue;
        }
        if (!mkstemp_letters(letters)) continue;
        int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) continue;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
            ::flock(fd, LOCK_EX | LOCK_NB) == 0)
            ::unlink(path.c_str());
        ::close(fd);
    }
    ::closedir(dir);
    // A journal whose copy is gone belongs to nothing.
    for (const auto& journal : journals) {
        auto copy = journal.substr(0, journal.size() - kJournalTail.size());
        struct stat st {};
        if (::access(copy.c_str(), F_OK) != 0 && ::lstat(journal.c_str(), &st) == 0 &&
            S_ISREG(st.st_mode) && st.st_uid == ::geteuid())
            ::unlink(journal.c_str());
    }
}

// Makes a rename in `folder` durable. Some file systems cannot sync a folder; that is no error.
void sync_folder(const fs::path& folder, const std::string& dest) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
        int err = errno;
        ::close(fd);
        throw StoreError(fmt::format("{}: cannot write: {}", dest, std::strerror(err)));
    }
    ::close(fd);
}

}  // namespace

AtomicFile::AtomicFile(std::string dest) : m_dest(std::move(dest)) {
    auto path = fs::path(m_dest);
    remove_abandoned_copies(path);
    m_temp = temp_pattern(path);
    m_fd = ::mkostemp(m_temp.data(), O_CLOEXEC);  // mode 0600
    if (m_fd < 0)
        throw StoreError(fmt::format("{}: cannot create a file there: {}", folder_of(path).string(),
                                     std::strerror(errno)));
    ::flock(m_fd, LOCK_EX);  // ours while we live: see remove_abandoned_copies
    ::fchmod(m_fd, 0600);
}

AtomicFile::~AtomicFile() {
    if (!m_committed) ::unlink(m_temp.c_str());
    if (m_fd >= 0) ::close(m_fd);
}

void AtomicFile::write(std::string_view content) {
    while (!content.empty()) {
        auto n = ::write(m_fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw StoreError(fmt::format("{}: cannot write: {}", m_dest, std::strerror(errno)));
        content.remove_prefix(static_cast<std::size_t>(n));
    }
}

void AtomicFile::commit() {
    // Another writer (SQLite) may have filled the file through its own descriptor: fsync of any
    // descriptor puts the file's data on disk.
    if (::fsync(m_fd) != 0)
        throw StoreError(fmt::format("{}: cannot write: {}", m_dest, std::strerror(errno)));
    if (::rename(m_temp.c_str(), m_dest.c_str()) != 0)
        throw StoreError(fmt::format("{}: cannot write: {}", m_dest, std::strerror(errno)));
    m_committed = true;
    sync_folder(folder_of(fs::path(m_dest)), m_dest);
}

}  // namespace guilt
