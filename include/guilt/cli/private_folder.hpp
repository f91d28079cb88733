// SPDX-License-Identifier: MIT
// A folder of guilt's own in $TMPDIR, for files that hold her words or her journal for a moment
// (the editor's draft, the copy `guilt backup -` streams): mode 0700, made by mkdtemp, and removed
// with everything in it when it goes out of scope.
#pragma once

#include <string>
#include <string_view>

namespace guilt {

class PrivateFolder {
  public:
    // Makes $TMPDIR/guilt-XXXXXX (mode 0700). Throws StoreError naming $TMPDIR when it cannot.
    PrivateFolder();
    // Removes the folder and everything in it, unless keep() was called.
    ~PrivateFolder();
    PrivateFolder(PrivateFolder&& other) noexcept;
    PrivateFolder(const PrivateFolder&) = delete;
    PrivateFolder& operator=(const PrivateFolder&) = delete;
    PrivateFolder& operator=(PrivateFolder&&) = delete;

    const std::string& path() const { return m_path; }
    // `name` inside the folder.
    std::string file(std::string_view name) const;

    // Removes everything in the folder but `name`, and keeps the folder when it goes out of
    // scope: `name` holds what she must not lose.
    void keep_only(std::string_view name);
    // Removes the folder and everything in it now.
    void remove();

  private:
    std::string m_path;
    bool m_kept = false;
};

}  // namespace guilt
