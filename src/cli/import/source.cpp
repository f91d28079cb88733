// SPDX-License-Identifier: MIT
// Where the watch importers take their bytes from: files, gzip streams (zlib) and zip members
// (libzip), each read a block at a time.
//
// libzip is opened when she imports a .zip, never at start-up (shared_library.hpp).
#include <fmt/format.h>
#include <zip.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "guilt/cli/shared_library.hpp"
#include "guilt/core/text.hpp"
#include "readers.hpp"

namespace guilt::import {

namespace {

// The libzip functions guilt calls, found the first time a zip is opened.
// clang-format off
#define GUILT_LIBZIP_FUNCTIONS(X, p)                                                          \
    X(p, open) X(p, discard) X(p, error_init_with_code) X(p, error_strerror) X(p, error_fini) \
    X(p, get_num_entries) X(p, get_name) X(p, name_locate) X(p, fopen_index) X(p, strerror)  \
    X(p, fread) X(p, fclose) X(p, file_get_error)
// clang-format on
GUILT_SHARED_LIBRARY(Libzip, libzip, GUILT_LIBZIP_FUNCTIONS, zip_, GUILT_LIBZIP_SONAME,
                     "reading a .zip", "libzip4")

class FileSource : public ByteSource {
  public:
    FileSource(std::FILE* f, std::string path) : m_file(f), m_path(std::move(path)) {}
    ~FileSource() override { std::fclose(m_file); }
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;

    std::size_t read(char* buf, std::size_t n) override {
        std::size_t got = std::fread(buf, 1, n, m_file);
        if (got == 0 && std::ferror(m_file))
            throw UsageError(fmt::format("cannot read it: {}", std::strerror(errno)));
        return got;
    }

  private:
    std::FILE* m_file;
    std::string m_path;
};

class GzipSource : public ByteSource {
  public:
    explicit GzipSource(std::unique_ptr<ByteSource> in) : m_in(std::move(in)) {
        // 16 + MAX_WBITS: gzip framing only.
        if (inflateInit2(&m_z, 16 + MAX_WBITS) != Z_OK)
            throw StoreError("cannot start zlib (out of memory?)");
    }
    ~GzipSource() override { inflateEnd(&m_z); }
    GzipSource(const GzipSource&) = delete;
    GzipSource& operator=(const GzipSource&) = delete;

    std::size_t read(char* buf, std::size_t n) override {
        m_z.next_out = reinterpret_cast<Bytef*>(buf);
        m_z.avail_out = static_cast<uInt>(n);
        while (m_z.avail_out == n && !m_done) {
            if (m_z.avail_in == 0) {
                m_z.avail_in = static_cast<uInt>(m_in->read(m_buf, sizeof m_buf));
                m_z.next_in = reinterpret_cast<Bytef*>(m_buf);
                if (m_z.avail_in == 0) {
                    if (m_ended) {
                        m_done = true;
                        break;
                    }
                    throw UsageError("is a gzip file that ends too soon (cut off?)");
                }
            }
            if (m_ended) {  // gzip allows members one after another
                inflateReset(&m_z);
                m_ended = false;
            }
            int rc = inflate(&m_z, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                m_ended = true;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                throw UsageError(
                    fmt::format("is a damaged gzip file ({})", m_z.msg ? m_z.msg : "no detail"));
            }
        }
        return n - m_z.avail_out;
    }

  private:
    std::unique_ptr<ByteSource> m_in;
    z_stream m_z{};
    char m_buf[1 << 16];
    bool m_ended = false;
    bool m_done = false;
};

class PeekedSource : public ByteSource {
  public:
    PeekedSource(std::unique_ptr<ByteSource> in, std::string head)
        : m_in(std::move(in)), m_head(std::move(head)) {}
    std::size_t read(char* buf, std::size_t n) override {
        if (m_at < m_head.size()) {
            n = std::min(n, m_head.size() - m_at);
            std::memcpy(buf, m_head.data() + m_at, n);
            m_at += n;
            return n;
        }
        return m_in->read(buf, n);
    }

  private:
    std::unique_ptr<ByteSource> m_in;
    std::string m_head;
    std::size_t m_at = 0;
};

class ZipMemberSource : public ByteSource {
  public:
    explicit ZipMemberSource(zip_file_t* f) : m_file(f) {}
    ~ZipMemberSource() override { libzip().fclose(m_file); }
    ZipMemberSource(const ZipMemberSource&) = delete;
    ZipMemberSource& operator=(const ZipMemberSource&) = delete;
    std::size_t read(char* buf, std::size_t n) override {
        zip_int64_t got = libzip().fread(m_file, buf, n);
        if (got < 0)
            throw UsageError(fmt::format("is damaged in the zip ({})",
                                         libzip().error_strerror(libzip().file_get_error(m_file))));
        return static_cast<std::size_t>(got);
    }

  private:
    zip_file_t* m_file;
};

}  // namespace

std::unique_ptr<ByteSource> open_file(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw UsageError(fmt::format("cannot read it: {}", std::strerror(errno)));
    return std::make_unique<FileSource>(f, path);
}

std::unique_ptr<ByteSource> gunzip(std::unique_ptr<ByteSource> compressed) {
    return std::make_unique<GzipSource>(std::move(compressed));
}

std::unique_ptr<ByteSource> peek(std::unique_ptr<ByteSource> source, std::string& head,
                                 std::size_t n) {
    head.resize(n);
    std::size_t got = 0;
    while (got < n) {
        std::size_t k = source->read(head.data() + got, n - got);
        if (k == 0) break;
        got += k;
    }
    head.resize(got);
    return std::make_unique<PeekedSource>(std::move(source), head);
}

struct ZipArchive::Impl {
    zip_t* archive = nullptr;
};

ZipArchive::ZipArchive(const std::string& path) : m_impl(std::make_unique<Impl>()) {
    const auto& z = libzip();
    int error = 0;
    m_impl->archive = z.open(path.c_str(), ZIP_RDONLY, &error);
    if (!m_impl->archive) {
        zip_error_t e;
        z.error_init_with_code(&e, error);
        std::string why = z.error_strerror(&e);
        z.error_fini(&e);
        throw UsageError(fmt::format("is not a zip guilt can read ({})", why));
    }
}

ZipArchive::~ZipArchive() {
    if (m_impl->archive) libzip().discard(m_impl->archive);
}

std::vector<std::string> ZipArchive::names() const {
    std::vector<std::string> out;
    const auto& z = libzip();
    zip_int64_t n = z.get_num_entries(m_impl->archive, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        const char* name = z.get_name(m_impl->archive, static_cast<zip_uint64_t>(i), 0);
        if (name && !std::string_view(name).ends_with('/')) out.emplace_back(name);
    }
    return out;
}

std::unique_ptr<ByteSource> ZipArchive::open(const std::string& name) {
    const auto& z = libzip();
    zip_int64_t index = z.name_locate(m_impl->archive, name.c_str(), 0);
    if (index < 0) return nullptr;
    zip_file_t* f = z.fopen_index(m_impl->archive, static_cast<zip_uint64_t>(index), 0);
    if (!f)
        throw UsageError(
            fmt::format("{}: cannot be read from the zip ({})", name, z.strerror(m_impl->archive)));
    return std::make_unique<ZipMemberSource>(f);
}

}  // namespace guilt::import
