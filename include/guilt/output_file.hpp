// SPDX-License-Identifier: MIT
// The files guilt writes beside the journal (exports, summaries, backups): one atomic writer,
// and the rules of -o, kept in one place so that every command that writes a file obeys them.
#pragma once

#include <string>
#include <string_view>

namespace guilt {

// A file written under a private (0600) temporary name beside its destination and renamed over
// it once complete and on disk (the file and its folder are fsynced), so the destination holds
// the old file or the whole new one, never half of it. A temporary copy that an earlier run left
// behind when it was killed is removed when the next one for the same destination starts.
class AtomicFile {
  public:
    // Creates the temporary file. Throws StoreError naming the folder when it cannot.
    explicit AtomicFile(std::string dest);
    // Removes the temporary file unless commit() succeeded.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Where the content goes until commit(), for writers that open the file themselves (SQLite).
    const std::string& temp_path() const { return m_temp; }

    // Appends `content`. Throws StoreError naming the destination (a full disk, say).
    void write(std::string_view content);

    // Puts the file on disk and in place of the destination. Throws StoreError naming it.
    void commit();

  private:
    std::string m_dest;
    std::string m_temp;
    int m_fd = -1;
    bool m_committed = false;
};

// Names the journal, whose files (the journal by any path or hard link, its -wal, -shm and
// -journal) no output ever replaces. Called when a command opens the journal.
void protect_from_output(const std::string& journal);

// Whether -o PATH means standard output: "-" or /dev/stdout.
bool is_stdout_path(std::string_view path);

// Checks that `option` PATH may be written: refuses the journal's files (even with `force`), a
// device, a FIFO, a socket, a symbolic link or a folder, and an existing file unless `force`.
// Throws UsageError naming the option and the path.
void check_output_path(const std::string& path, bool force, std::string_view option = "-o");

// Writes `content` to -o `path`: to stdout when is_stdout_path(path), else through an
// AtomicFile after check_output_path(path, force). Returns false when it went to stdout.
// Throws UsageError for a path the rules refuse, StoreError when writing fails.
bool write_file_atomically(const std::string& path, std::string_view content, bool force = false);

}  // namespace guilt
