// SPDX-License-Identifier: MIT
// The versions of the rows that two copies of a journal merge by (guilt merge): a hybrid logical
// clock per copy, its device id, the tombstones deletes leave, and the uuids of mottos.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "guilt/core/text.hpp"
#include "guilt/store/merge.hpp"
#include "store_impl.hpp"

namespace guilt {
using namespace store_detail;

namespace {

constexpr std::size_t kMsDigits = 13;       // milliseconds since 1970, until the year 2286
constexpr std::size_t kCounterDigits = 6;   // changes within one millisecond
constexpr std::size_t kDeviceLetters = 16;  // 64 random bits

// The device and inode of the journal's file (0, 0 in memory or when it cannot be read).
std::pair<std::int64_t, std::int64_t> file_identity(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {0, 0};
    return {static_cast<std::int64_t>(st.st_dev), static_cast<std::int64_t>(st.st_ino)};
}

std::string new_device_id() {
    auto uuid = make_uuid();
    uuid.erase(std::remove(uuid.begin(), uuid.end(), '-'), uuid.end());
    return uuid.substr(0, kDeviceLetters);
}

// The FNV-1a hash of `data` from `basis`.
std::uint64_t fnv1a(std::string_view data, std::uint64_t basis) {
    for (unsigned char c : data) {
        basis ^= c;
        basis *= 0x100000001b3ULL;
    }
    return basis;
}

}  // namespace

std::string format_version(std::int64_t ms, std::int64_t counter, const std::string& device) {
    return fmt::format("{:0{}d}-{:0{}d}-{}", ms, kMsDigits, counter, kCounterDigits, device);
}

std::pair<std::int64_t, std::int64_t> version_clock(const std::string& version) {
    // A version from another copy is data: what does not read as one counts as the oldest.
    auto number = [&](std::size_t at, std::size_t digits) -> std::int64_t {
        if (version.size() < at + digits) return 0;
        std::int64_t n = 0;
        for (std::size_t i = at; i < at + digits; ++i) {
            if (version[i] < '0' || version[i] > '9') return 0;
            n = n * 10 + (version[i] - '0');
        }
        return n;
    };
    return {number(0, kMsDigits), number(kMsDigits + 1, kCounterDigits)};
}

std::string motto_uuid(const Motto& m) {
    auto data = fmt::format("motto\n{}\n{}", m.at.utc, m.text);
    std::array<unsigned char, 16> b{};
    auto hi = fnv1a(data, 0xcbf29ce484222325ULL), lo = fnv1a(data, 0x6c62272e07bb0142ULL);
    for (int i = 0; i < 8; ++i) {
        b[static_cast<std::size_t>(i)] = static_cast<unsigned char>(hi >> (56 - 8 * i));
        b[static_cast<std::size_t>(8 + i)] = static_cast<unsigned char>(lo >> (56 - 8 * i));
    }
    return format_uuid(b, 8);
}

void store_detail::motto_uuid_sql(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
    const auto* text = sqlite3_value_text(argv[1]);
    Motto m;
    m.at.utc = sqlite3_value_int64(argv[0]);
    if (text != nullptr)
        m.text.assign(reinterpret_cast<const char*>(text),
                      static_cast<std::size_t>(sqlite3_value_bytes(argv[1])));
    auto uuid = motto_uuid(m);
    sqlite3_result_text(ctx, uuid.data(), static_cast<int>(uuid.size()), SQLITE_TRANSIENT);
}

namespace {

// The clock as merge_clock keeps it, with a new device id when the journal is another file than
// the one it was written for (a copy keeps the table, never the file's identity).
struct Clock {
    std::string device;
    std::int64_t ms = 0, counter = 0;
};

Clock read_clock(Store::Impl& impl) {
    auto [dev, ino] = file_identity(impl.path);
    auto& q = impl.stmt("SELECT device, file_dev, file_ino, ms, counter FROM merge_clock");
    ResetOnExit reset{q};
    Clock c;
    if (q.executeStep() && q.getColumn(1).getInt64() == dev && q.getColumn(2).getInt64() == ino) {
        c.device = q.getColumn(0).getString();
        c.ms = q.getColumn(3).getInt64();
        c.counter = q.getColumn(4).getInt64();
    } else {
        c.device = new_device_id();
        if (q.hasRow()) {  // this copy goes on from where the copy it came from was
            c.ms = q.getColumn(3).getInt64();
            c.counter = q.getColumn(4).getInt64();
        }
    }
    return c;
}

void write_clock(Store::Impl& impl, const Clock& c) {
    auto [dev, ino] = file_identity(impl.path);
    impl.db.exec("DELETE FROM merge_clock");
    auto& q = impl.stmt(
        "INSERT INTO merge_clock (device, file_dev, file_ino, ms, counter) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, c.device);
    q.bind(2, dev);
    q.bind(3, ino);
    q.bind(4, c.ms);
    q.bind(5, c.counter);
    q.exec();
}

}  // namespace

const std::string& Store::Impl::version_now() {
    if (write_version) return *write_version;
    auto c = read_clock(*this);
    const std::int64_t wall = write_now * 1000;
    if (wall > c.ms) {
        c.ms = wall;
        c.counter = 0;
    } else {
        ++c.counter;
    }
    write_clock(*this, c);
    write_version = format_version(c.ms, c.counter, c.device);
    return *write_version;
}

void Store::Impl::clock_past(const std::string& version) {
    auto c = read_clock(*this);
    auto [ms, counter] = version_clock(version);
    if (std::pair(ms, counter) <= std::pair(c.ms, c.counter)) return;
    c.ms = ms;
    c.counter = counter;
    write_clock(*this, c);
    write_version.reset();  // rows changed after this get a version past it
}

void Store::Impl::stamp_list(const char* list) {
    put_list_version(list, version_now());
}

void Store::Impl::put_list_version(const std::string& list, const std::string& version) {
    auto& q = stmt(
        "INSERT INTO list_versions (list, version) VALUES (?, ?) ON CONFLICT (list) DO UPDATE SET "
        "version = excluded.version");
    q.bind(1, list);
    q.bind(2, version);
    q.exec();
}

void Store::Impl::leave_tombstone(const char* table, std::int64_t id) {
    auto& there = stmt(fmt::format("SELECT 1 FROM {} WHERE id = ?", table));
    ResetOnExit reset{there};
    there.bind(1, id);
    if (!there.executeStep()) return;  // nothing deleted: nothing to record, the clock unmoved
    auto& q = stmt(fmt::format(R"sql(
        INSERT INTO tombstones (tbl, uuid, version) SELECT '{0}', uuid, ? FROM {0} WHERE id = ?
        ON CONFLICT (tbl, uuid) DO UPDATE SET version = excluded.version)sql",
                               table));
    q.bind(1, version_now());
    q.bind(2, id);
    q.exec();
    // The words that lost a merge go with the row (an entry's also by its foreign key).
    auto& words = stmt(fmt::format(
        "DELETE FROM conflicts WHERE tbl = '{0}' AND uuid = (SELECT uuid FROM {0} WHERE id = ?)",
        table));
    words.bind(1, id);
    words.exec();
}

}  // namespace guilt
