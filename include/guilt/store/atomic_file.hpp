// SPDX-License-Identifier: MIT
// The one atomic writer of the files guilt makes beside the journal: backups, exports,
// summaries. What -o may write over is the command line's rule (guilt/cli/output_file.hpp).
#pragma once

#include <string>
#include <string_view>

namespace guilt {

// A file written under a private (0600) temporary name beside its destination and renamed over
// it once complete and on disk (the file and its folder are fsynced), so the destination holds
// the old file or the whole new one, never half of it. The temporary name is guilt's own,
// `.<name>.guilt-tmp-XXXXXX`; such a copy that an earlier run left behind when it was killed (no
// live guilt holds its lock) is removed when the next one for the same destination starts.
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

}  // namespace guilt
