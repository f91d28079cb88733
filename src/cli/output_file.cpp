// SPDX-License-Identifier: MIT
// The rules of -o: stdout for -, --force, never the journal, a device or a link.
#include "guilt/cli/output_file.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "guilt/core/error.hpp"
#include "guilt/store/atomic_file.hpp"

namespace guilt {

namespace fs = std::filesystem;

namespace {

constexpr const char* kJournalSuffixes[] = {"", "-wal", "-shm", "-journal"};  // SQLite's files

std::vector<std::string>& protected_journals() {
    static std::vector<std::string> journals;
    return journals;
}

bool same_file(const struct stat& a, const struct stat& b) {
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// Whether `path` (`st` when it exists) is, or when missing would be, one of the journal's files:
// the same file (any name, any hard link), or the same name once links and dots are resolved.
bool is_journal_file(const std::string& path, const struct stat* st) {
    std::error_code ec;
    auto wanted = fs::weakly_canonical(fs::absolute(path, ec), ec);
    bool by_name = !ec;
    for (const auto& journal : protected_journals()) {
        for (const char* suffix : kJournalSuffixes) {
            auto file = journal + suffix;
            struct stat js {};
            if (st != nullptr && ::stat(file.c_str(), &js) == 0 && same_file(*st, js)) return true;
            if (by_name && fs::weakly_canonical(file, ec) == wanted && !ec) return true;
        }
    }
    return false;
}

}  // namespace

void protect_from_output(const std::string& journal) {
    std::error_code ec;
    auto absolute = fs::absolute(journal, ec);
    protected_journals().push_back(ec ? journal : absolute.string());
}

bool is_stdout_path(std::string_view path) {
    return path == "-" || path == "/dev/stdout";
}

void check_output_path(const std::string& path, bool force, std::string_view option) {
    if (path.empty())
        throw UsageError(fmt::format("{} is empty; give a file name, or - for stdout", option));
    struct stat st {};
    bool exists = ::lstat(path.c_str(), &st) == 0;
    if (is_journal_file(path, exists ? &st : nullptr))
        throw UsageError(fmt::format(
            "{} {} is the journal itself; write to another file (guilt backup copies the journal)",
            option, path));
    if (!exists) return;
    const char* what = S_ISLNK(st.st_mode)                          ? "a symbolic link"
                       : S_ISDIR(st.st_mode)                        ? "a folder"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                       : S_ISFIFO(st.st_mode)                       ? "a FIFO (named pipe)"
                       : S_ISSOCK(st.st_mode)                       ? "a socket"
                       : !S_ISREG(st.st_mode)                       ? "not a regular file"
                                                                    : nullptr;
    if (what != nullptr)
        throw UsageError(fmt::format(
            "{} {} is {}; give the name of a file (or - to write to stdout)", option, path, what));
    if (!force)
        throw UsageError(
            fmt::format("{} {} already exists; use --force to replace it", option, path));
}

bool write_file_atomically(const std::string& path, std::string_view content, bool force) {
    if (is_stdout_path(path)) {
        std::cout << content << std::flush;
        if (!std::cout)
            throw StoreError(fmt::format("cannot write the output: {}", std::strerror(errno)));
        return false;
    }
    check_output_path(path, force);
    AtomicFile file(path);
    file.write(content);
    file.commit();
    return true;
}

}  // namespace guilt
