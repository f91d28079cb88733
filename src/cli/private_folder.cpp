// SPDX-License-Identifier: MIT
// guilt's own folder in $TMPDIR (see private_folder.hpp).
#include "guilt/cli/private_folder.hpp"

#include <fmt/format.h>
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include "guilt/core/error.hpp"

namespace guilt {

namespace fs = std::filesystem;

PrivateFolder::PrivateFolder() {
    std::error_code ec;
    auto tmp = fs::temp_directory_path(ec);
    if (ec) tmp = "/tmp";
    std::string pattern = (tmp / "guilt-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)  // mode 0700
        throw StoreError(fmt::format("{}: cannot create a private folder there: {}", tmp.string(),
                                     std::strerror(errno)));
    m_path = std::move(pattern);
}

PrivateFolder::PrivateFolder(PrivateFolder&& other) noexcept
    : m_path(std::exchange(other.m_path, {})), m_kept(other.m_kept) {}

PrivateFolder::~PrivateFolder() {
    if (!m_kept) remove();
}

std::string PrivateFolder::file(std::string_view name) const {
    return (fs::path(m_path) / name).string();
}

void PrivateFolder::keep_only(std::string_view name) {
    if (m_path.empty()) return;
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(m_path, ec))
        if (item.path().filename() != name) fs::remove_all(item.path(), ec);
    m_kept = true;
}

void PrivateFolder::remove() {
    if (m_path.empty()) return;
    std::error_code ec;
    fs::remove_all(m_path, ec);
    m_path.clear();
}

}  // namespace guilt
