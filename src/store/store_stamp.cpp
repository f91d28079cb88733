// SPDX-License-Identifier: MIT
// The journal known sound: PATH-checked, the stamp of the journal as the last guilt that knew it
// sound closed it, or the damage guilt doctor found. Store::open reads it, ~Store writes it
// (store.cpp).
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "store_impl.hpp"

namespace guilt::store_detail {

// ---- the journal known sound ------------------------------------------------------------------
// A whole check of the journal costs time in its size, too much for every `guilt log`. So guilt
// checks it before the first write only when the file is not as guilt left it: PATH-checked
// holds the journal and its write-ahead log as the last guilt that knew it sound closed them
// (FileStamp). Another
// program's write, a copy or `touch -r` changes the change time or the inode; damage that keeps
// all of them (bit rot) changes the digest when it falls on a sampled page, and guilt doctor's
// whole check finds it anywhere. What doctor finds stays in PATH-checked ("damaged PROBLEM"):
// writes are refused, without checking again, until a whole check finds the journal sound.
// PATH-checked is only ever a regular file: one that is a link, a FIFO or a folder is neither
// read nor written, and the journal is then checked before each first write.

namespace {

constexpr std::uintmax_t kSampledPages = 16;  // the first, the last, and 14 between

// The page size a journal's header gives, or SQLite's default.
std::uintmax_t journal_page_size(int fd) {
    unsigned char header[100] = {};
    if (::pread(fd, header, sizeof header, 0) != static_cast<ssize_t>(sizeof header)) return 4096;
    unsigned given = static_cast<unsigned>(header[16]) << 8 | header[17];
    if (given == 1) return 65536;
    if (given >= 512 && (given & (given - 1)) == 0) return given;
    return 4096;
}

// A digest of a file's first page (a journal's header and schema, a log's header) and pages
// spread evenly over it: 16 pages read, whatever the file's size.
std::uint64_t sampled_digest(int fd, std::uintmax_t size, std::uintmax_t page) {
    const auto pages = std::max<std::uintmax_t>(1, (size + page - 1) / page);
    std::string buffer(page, '\0');
    std::uint64_t digest = 0;
    std::uintmax_t previous = pages;
    for (std::uintmax_t i = 0; i < kSampledPages; ++i) {
        auto n = i * (pages - 1) / (kSampledPages - 1);
        if (n == previous) continue;
        previous = n;
        auto got = ::pread(fd, buffer.data(), page, static_cast<off_t>(n * page));
        if (got < 0) return 0;
        auto bytes = std::string_view(buffer.data(), static_cast<std::size_t>(got));
        digest = digest * 1'000'003 ^ std::hash<std::string_view>{}(bytes);
    }
    return digest;
}

std::string stamp_file(const std::string& path) {
    return path + "-checked";
}

// PATH-checked's first line, when it is a regular file; never waits on a FIFO or follows a link.
std::string read_stamp_line(const std::string& path) {
    int fd = ::open(stamp_file(path).c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return "";
    struct stat st {};
    std::string text(4096, '\0');
    ssize_t got = 0;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) got = ::read(fd, text.data(), text.size());
    ::close(fd);
    text.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return text.substr(0, text.find('\n'));
}

// Replaces PATH-checked with `line` at once (a new file renamed over it), unless it is something
// other than a regular file. Best effort: without it, the next write checks the journal first.
void replace_stamp_file(const std::string& path, const std::string& line) noexcept {
    auto target = stamp_file(path);
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return;
    auto temp = target + ".XXXXXX";
    int fd = ::mkstemp(temp.data());
    if (fd < 0) return;
    auto text = line + "\n";
    bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    written = ::close(fd) == 0 && written;
    if (!written || ::rename(temp.c_str(), target.c_str()) != 0) ::unlink(temp.c_str());
}

}  // namespace

namespace {

// The facts of the regular file at `path`, or nothing (no such file, or not a regular file);
// `log`: a write-ahead log, sampled by 4 KiB.
std::optional<FileFacts> facts_of(const std::string& path, bool log) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    std::optional<FileFacts> facts;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
        facts = FileFacts{static_cast<std::uintmax_t>(st.st_size),
                          st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec,
                          st.st_ctim.tv_sec * 1'000'000'000LL + st.st_ctim.tv_nsec,
                          static_cast<std::uintmax_t>(st.st_dev),
                          static_cast<std::uintmax_t>(st.st_ino),
                          sampled_digest(fd, static_cast<std::uintmax_t>(st.st_size),
                                         log ? 4096 : journal_page_size(fd))};
    ::close(fd);
    return facts;
}

bool read_facts(std::istream& in, FileFacts& f) {
    return static_cast<bool>(in >> f.size >> f.mtime_ns >> f.ctime_ns >> f.device >> f.inode >>
                             f.digest);
}

std::string facts_text(const FileFacts& f) {
    return fmt::format("{} {} {} {} {} {}", f.size, f.mtime_ns, f.ctime_ns, f.device, f.inode,
                       f.digest);
}

}  // namespace

// The journal's file and its write-ahead log, when the journal is a regular file. A log that is
// not there (or not a regular file) stands as all zeros.
std::optional<FileStamp> stamp_of(const std::string& path) {
    auto journal = facts_of(path, false);
    if (!journal) return std::nullopt;
    return FileStamp{*journal, facts_of(path + "-wal", true).value_or(FileFacts{})};
}

// What PATH-checked keeps: twelve numbers, the journal's six then its log's. A stamp of an older
// guilt (six numbers, before the log outlived guilt) is not read: the journal is checked once.
std::optional<FileStamp> read_stamp(const std::string& path) {
    std::istringstream in(read_stamp_line(path));
    FileStamp s;
    if (!read_facts(in, s.journal) || !read_facts(in, s.log)) return std::nullopt;
    return s;
}

// The damage guilt doctor found and PATH-checked keeps, or nothing.
std::optional<std::string> read_damage_mark(const std::string& path) {
    constexpr std::string_view kMark = "damaged ";
    auto line = read_stamp_line(path);
    if (!line.starts_with(kMark)) return std::nullopt;
    return line.substr(kMark.size());
}

// Records the journal as it is now, unless `known` says so already (a read that changed
// nothing). A damage mark is replaced only after a whole check found the journal sound
// (`clears_mark`), not by a guilt that opened the journal before doctor wrote the mark.
void write_stamp(const std::string& path, const std::optional<FileStamp>& known,
                 bool clears_mark) noexcept {
    auto stamp = stamp_of(path);
    if (!stamp || stamp == known) return;
    if (!clears_mark && read_damage_mark(path)) return;
    replace_stamp_file(path, facts_text(stamp->journal) + " " + facts_text(stamp->log));
}

// Records the damage guilt doctor found, in place of an existing PATH-checked only: beside a
// file guilt never knew sound, nothing is made.
void write_damage_mark(const std::string& path, const std::string& problem) noexcept {
    struct stat st {};
    if (::lstat(stamp_file(path).c_str(), &st) != 0) return;
    auto line = problem;
    std::replace_if(
        line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    replace_stamp_file(path, "damaged " + line);
}

}  // namespace guilt::store_detail
