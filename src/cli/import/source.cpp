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

// Counts the bytes a decompressor hands out and refuses them past kMaxInflatedBytes, so a small
// archive cannot inflate without end.
class InflatedBytes {
  public:
    std::size_t count(std::size_t n) {
        m_total += n;
        if (m_total > kMaxInflatedBytes)
            throw ImportLimit(fmt::format(
                "inflates to more than {} MB, more than any watch export holds (a zip bomb?)",
                kMaxInflatedBytes >> 20));
        return n;
    }

  private:
    std::size_t m_total = 0;
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
        return m_inflated.count(n - m_z.avail_out);
    }

  private:
    std::unique_ptr<ByteSource> m_in;
    InflatedBytes m_inflated;
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

// UTF-16 text (after its byte order mark) as UTF-8, a block at a time.
class Utf16Source : public ByteSource {
  public:
    Utf16Source(std::unique_ptr<ByteSource> in, bool big_endian)
        : m_in(std::move(in)), m_big_endian(big_endian) {}

    std::size_t read(char* buf, std::size_t n) override {
        while (m_out.size() - m_at < n && !m_ended)
            decode_more();
        n = std::min(n, m_out.size() - m_at);
        std::memcpy(buf, m_out.data() + m_at, n);
        m_at += n;
        if (m_at == m_out.size()) {
            m_out.clear();
            m_at = 0;
        }
        return n;
    }

  private:
    [[noreturn]] static void damaged() {
        throw UsageError("is damaged UTF-16 text (a lone surrogate, or cut in a character)");
    }

    void decode_more() {
        char raw[1 << 14];
        std::size_t got = m_in->read(raw, sizeof raw);
        if (got == 0) {
            m_ended = true;
            if (!m_carry.empty() || m_high) damaged();
            return;
        }
        m_carry.append(raw, got);
        std::size_t i = 0;
        for (; i + 1 < m_carry.size(); i += 2) {
            auto a = static_cast<unsigned char>(m_carry[i]),
                 b = static_cast<unsigned char>(m_carry[i + 1]);
            char32_t unit = m_big_endian ? (a << 8 | b) : (b << 8 | a);
            bool low = unit >= 0xDC00 && unit <= 0xDFFF;
            if (m_high) {
                if (!low) damaged();
                append(0x10000 + ((m_high - 0xD800) << 10) + (unit - 0xDC00));
                m_high = 0;
            } else if (unit >= 0xD800 && unit <= 0xDBFF) {
                m_high = unit;
            } else if (low) {
                damaged();
            } else if (m_started || unit != 0xFEFF) {  // the byte order mark is not text
                append(unit);
            }
            m_started = true;
        }
        m_carry.erase(0, i);
    }

    void append(char32_t cp) {
        if (cp < 0x80) {
            m_out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            m_out += static_cast<char>(0xC0 | (cp >> 6));
            m_out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            m_out += static_cast<char>(0xE0 | (cp >> 12));
            m_out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            m_out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            m_out += static_cast<char>(0xF0 | (cp >> 18));
            m_out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            m_out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            m_out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::unique_ptr<ByteSource> m_in;
    bool m_big_endian;
    std::string m_carry, m_out;
    std::size_t m_at = 0;
    char32_t m_high = 0;
    bool m_started = false, m_ended = false;
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
        return m_inflated.count(static_cast<std::size_t>(got));
    }

  private:
    zip_file_t* m_file;
    InflatedBytes m_inflated;
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

std::unique_ptr<ByteSource> peek_text(std::unique_ptr<ByteSource> source, std::string& head,
                                      std::size_t n, bool* was_utf16) {
    source = peek(std::move(source), head, n);
    bool le = head.starts_with("\xFF\xFE"), be = head.starts_with("\xFE\xFF");
    if (was_utf16) *was_utf16 = le || be;
    if (!le && !be) return source;
    return peek(std::make_unique<Utf16Source>(std::move(source), be), head, n);
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
