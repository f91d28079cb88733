// SPDX-License-Identifier: MIT
// The rules of -o, kept in one place so that every command that writes a file obeys them; the
// file itself is written by AtomicFile (guilt/store/atomic_file.hpp).
#pragma once

#include <string>
#include <string_view>

namespace guilt {

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
