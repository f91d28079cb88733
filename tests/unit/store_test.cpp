// SPDX-License-Identifier: MIT
// The journal store: entries of every type, filters and full-text search, priorities, mottos,
// transactions, and opening files (modes, migrations, refusals). Each test runs in a fresh
// temporary folder; most run twice, once in memory and once on disk.
#include "guilt/store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <grp.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/store/schema.hpp"

namespace fs = std::filesystem;
using namespace guilt;
using Names = std::vector<std::string>;

namespace {

// A fresh folder under the system's temporary folder, removed with everything in it.
class TempDir {
  public:
    TempDir() {
        auto pattern = (fs::temp_directory_path() / "guilt-store-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temp folder");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const fs::path& path() const { return m_path; }

  private:
    fs::path m_path;
};

// Sets the process umask for one scope.
class Umask {
  public:
    explicit Umask(mode_t mask) : m_old(::umask(mask)) {}
    ~Umask() { ::umask(m_old); }

  private:
    mode_t m_old;
};

int mode_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return -1;
    return static_cast<int>(st.st_mode & 07777);
}

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What `look` returns when run as a user whom file modes bind. Root ignores them, so under root
// (as CI runs) `look` runs in a child process as nobody, after `dir` and what it holds are given
// to nobody (their modes unchanged); otherwise it runs here. An exception in `look` comes back as
// "error: " and its message.
std::string as_unprivileged_user(const TempDir& dir, const std::function<std::string()>& look) {
    auto run = [&]() -> std::string {
        try {
            return look();
        } catch (const std::exception& e) {
            return std::string("error: ") + e.what();
        }
    };
    if (::geteuid() != 0) return run();
    constexpr uid_t kNobody = 65534;
    REQUIRE(::chown(dir.path().c_str(), kNobody, kNobody) == 0);
    for (const auto& f : fs::recursive_directory_iterator(dir.path()))
        REQUIRE(::chown(f.path().c_str(), kNobody, kNobody) == 0);
    int out[2];
    REQUIRE(::pipe(out) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(out[0]);
        std::string said = ::setgroups(0, nullptr) == 0 && ::setgid(kNobody) == 0 &&
                                   ::setuid(kNobody) == 0 && ::geteuid() == kNobody
                               ? run()
                               : std::string("error: cannot become nobody");
        auto written = ::write(out[1], said.data(), said.size());
        ::_exit(written == static_cast<ssize_t>(said.size()) ? 0 : 1);
    }
    ::close(out[1]);
    std::string said;
    char buf[4096];
    for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;)
        said.append(buf, static_cast<std::size_t>(n));
    ::close(out[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    return said;
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// The moment `hour:minute` on day `d` in a zone `offset_minutes` east of UTC.
Timestamp at(Date d, int hour, int minute, int offset_minutes = -5 * 60) {
    int offset = offset_minutes * 60;
    return {days_from_civil(d) * 86'400 + hour * 3600 + minute * 60 - offset, offset};
}

constexpr Date kMon{2026, 11, 23};
constexpr Date kTue{2026, 11, 24};
constexpr Date kWed{2026, 11, 25};

Entry guilt_moment(const std::string& text, Timestamp when, int intensity = 5, Names tags = {},
                   Names kids = {}) {
    Entry e;
    e.type = EntryType::guilt;
    e.at = when;
    e.text = text;
    e.intensity = intensity;
    e.tags = std::move(tags);
    e.kids = std::move(kids);
    return e;
}

Entry a_run(double meters, Timestamp when, Names with = {"solo"}) {
    Entry e;
    e.type = EntryType::run;
    e.at = when;
    e.distance_m = meters;
    e.duration_s = 1710;
    e.unit = DistanceUnit::km;
    e.with = std::move(with);
    e.felt = 8;
    e.kind = "easy";
    e.text = "legs heavy after the hills";
    return e;
}

Entry an_engagement(int minutes, Timestamp when, Names kids, bool child_led = false) {
    Entry e;
    e.type = EntryType::engage;
    e.at = when;
    e.minutes = minutes;
    e.kids = std::move(kids);
    e.child_led = child_led;
    e.text = "lego castle";
    return e;
}

Entry a_deposit(int minutes, const std::string& text, Timestamp when) {
    Entry e;
    e.type = EntryType::deposit;
    e.at = when;
    e.minutes = minutes;
    e.text = text;
    return e;
}

Entry a_reflection(const std::string& answer, Timestamp when) {
    Entry e;
    e.type = EntryType::reflection;
    e.at = when;
    e.date = "2026-11-25";
    e.strategy = "facts";
    e.prompt = "Look at the facts. What did you actually do with them today?";
    e.text = answer;
    return e;
}

// Saves `e` in its own transaction and returns it as stored (id and uuid filled in).
Entry save(Store& s, Entry e) {
    s.write([&] { s.add(e); });
    return e;
}

std::vector<std::int64_t> ids_of(const std::vector<Entry>& entries) {
    std::vector<std::int64_t> out;
    for (const auto& e : entries)
        out.push_back(e.id);
    return out;
}

using Ids = std::vector<std::int64_t>;

// Every field that a stored entry gives back.
void check_same_entry(const Entry& got, const Entry& want) {
    INFO("entry " << want.id << " (" << to_string(want.type) << ")");
    CHECK(got.id == want.id);
    CHECK(got.uuid == want.uuid);
    CHECK(got.type == want.type);
    CHECK(got.at == want.at);
    CHECK(got.text == want.text);
    CHECK(got.intensity == want.intensity);
    CHECK(got.tags == want.tags);
    CHECK(got.kids == want.kids);
    CHECK(got.distance_m == want.distance_m);
    CHECK(got.duration_s == want.duration_s);
    CHECK(got.unit == want.unit);
    CHECK(got.with == want.with);
    CHECK(got.felt == want.felt);
    CHECK(got.kind == want.kind);
    CHECK(got.minutes == want.minutes);
    CHECK(got.child_led == want.child_led);
    CHECK(got.date == want.date);
    CHECK(got.strategy == want.strategy);
    CHECK(got.prompt == want.prompt);
}

// A store in memory or in a fresh file, so the same test runs against both.
std::unique_ptr<Store> open_store(const std::string& where, const TempDir& dir) {
    if (where == "memory") return Store::open_in_memory();
    return Store::open(dir.file("journal.db"), Store::Access::write);
}

// A second, plain SQLite connection to a journal file, to look under the store.
SQLite::Database raw(const std::string& path, int flags = SQLite::OPEN_READONLY) {
    return SQLite::Database(path, flags);
}

// Builds a journal at schema `version` by hand, from the store's own migrations.
void make_journal_at_version(const std::string& path, int version) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = WAL");
    // Migration 6 keys kids by guilt_fold, which the store registers on its own connections.
    db.createFunction("guilt_fold", 1, true, nullptr,
                      [](sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
                          const auto* text =
                              reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
                          const auto folded = guilt::fold_name(text ? text : "");
                          sqlite3_result_text(ctx, folded.data(), static_cast<int>(folded.size()),
                                              SQLITE_TRANSIENT);
                      });
    // Migration 9 gives mottos their uuid by guilt_motto_uuid, registered the same way.
    db.createFunction(
        "guilt_motto_uuid", 2, true, nullptr,
        [](sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[1]));
            const auto uuid =
                guilt::motto_uuid({text ? text : "", {sqlite3_value_int64(argv[0]), 0}});
            sqlite3_result_text(ctx, uuid.data(), static_cast<int>(uuid.size()), SQLITE_TRANSIENT);
        });
    for (const auto& m : migrations()) {
        if (m.version > version) break;
        db.exec(std::string(m.sql));
    }
    db.exec("PRAGMA user_version = " + std::to_string(version));
}

}  // namespace

// ---- entries ----------------------------------------------------------------------------------

TEST_CASE("every entry type is stored and found again with all its fields", "[store][entries]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);

    auto run = a_run(21097.5, at(kWed, 7, 0), {"moms", "kids"});
    run.unit = DistanceUnit::mi;
    std::vector<Entry> saved = {
        save(*store, guilt_moment("Missed pickup #school", at(kWed, 18, 5), 7, {"school", "work"},
                                  {"Sam", "Theo"})),
        save(*store, run),
        save(*store, an_engagement(20, at(kWed, 16, 10), {"Sam"}, true)),
        save(*store, a_deposit(30, "nap", at(kWed, 14, 0))),
        save(*store, a_reflection("I was there for dinner", at(kWed, 21, 0))),
    };
    for (const auto& e : saved) {
        CHECK(e.id > 0);
        CHECK(e.uuid.size() == 36);
        auto found = store->find(e.id);
        REQUIRE(found);
        check_same_entry(*found, e);
    }
    CHECK(store->count_entries() == 5);
    CHECK(store->has_uuid(saved[2].uuid));
    CHECK_FALSE(store->has_uuid(make_uuid()));
    CHECK_FALSE(store->find(9999));
}

TEST_CASE("fields that do not belong to an entry's type are not stored", "[store][entries]") {
    auto store = Store::open_in_memory();
    auto e = guilt_moment("late again", at(kWed, 8, 0), 6);
    e.felt = 9;
    e.distance_m = 5000;
    e.minutes = 30;
    e.strategy = "facts";
    auto saved = save(*store, e);
    auto found = store->find(saved.id);
    REQUIRE(found);
    CHECK(found->intensity == 6);
    CHECK_FALSE(found->felt);
    CHECK(found->distance_m == 0);
    CHECK(found->minutes == 0);
    CHECK(found->strategy.empty());
}

TEST_CASE("a uuid given with an entry is kept; a missing one is made", "[store][entries]") {
    auto store = Store::open_in_memory();
    auto mine = guilt_moment("imported", at(kWed, 9, 0));
    mine.uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    CHECK(save(*store, mine).uuid == "0f8fad5b-d9cb-469f-a165-70867728950e");
    auto other = save(*store, guilt_moment("new", at(kWed, 9, 5)));
    CHECK(other.uuid != mine.uuid);
    CHECK(other.uuid[14] == '4');  // version 4
}

TEST_CASE("a second entry with the same uuid fails with StoreError and stores nothing",
          "[store][entries]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);
    auto first = save(*store, guilt_moment("first", at(kWed, 9, 0)));
    auto twin = guilt_moment("twin", at(kWed, 9, 5));
    twin.uuid = first.uuid;
    CHECK_THROWS_AS(save(*store, twin), StoreError);
    CHECK(store->count_entries() == 1);
    CHECK(store->entries({}).size() == 1);
}

TEST_CASE("a kid keeps the first spelling stored and is matched case-insensitively",
          "[store][kids]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);

    auto first = save(*store, guilt_moment("snapped at @Sam", at(kMon, 8, 0), 5, {}, {"Sam"}));
    auto second = save(*store, an_engagement(30, at(kTue, 16, 0), {"sam", "Théo"}));
    // The new entry is handed back with the stored spelling.
    CHECK(second.kids == Names{"Sam", "Théo"});
    CHECK(store->find(second.id)->kids == Names{"Sam", "Théo"});

    for (const char* name : {"Sam", "sam", "SAM"}) {
        EntryFilter f;
        f.kid = name;
        INFO(name);
        CHECK(ids_of(store->entries(f)) == Ids{second.id, first.id});
    }
    EntryFilter theo;
    theo.kid = "Théo";
    CHECK(ids_of(store->entries(theo)) == Ids{second.id});
    EntryFilter nobody;
    nobody.kid = "Sa";
    CHECK(store->entries(nobody).empty());
    CHECK(store->kids_with_prefix("sa", 10) == Names{"Sam"});
}

TEST_CASE("update replaces an entry's fields, tags, kids and run companions", "[store][entries]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);

    auto moment = save(
        *store, guilt_moment("old words", at(kMon, 8, 0), 3, {"school", "work"}, {"Sam", "Theo"}));
    auto run = save(*store, a_run(5000, at(kMon, 7, 0), {"moms", "friends"}));
    auto other = save(*store, guilt_moment("untouched", at(kMon, 9, 0), 4, {"school"}, {"Sam"}));

    moment.text = "new words";
    moment.intensity = 9;
    moment.at = at(kTue, 22, 15, 60);
    moment.tags = {"bedtime"};
    moment.kids = {"Theo"};
    run.distance_m = 10000;
    run.duration_s = std::nullopt;
    run.unit = DistanceUnit::mi;
    run.with = {"partner"};
    run.felt = std::nullopt;
    run.kind = "long";
    run.text = "";
    store->write([&] {
        store->update(moment);
        store->update(run);
    });
    check_same_entry(*store->find(moment.id), moment);
    check_same_entry(*store->find(run.id), run);
    check_same_entry(*store->find(other.id), other);

    EntryFilter school;
    school.tag = "school";
    CHECK(ids_of(store->entries(school)) == Ids{other.id});
}

TEST_CASE("remove deletes an entry and its links, and reports an unknown id", "[store][entries]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);

    auto gone =
        save(*store, guilt_moment("bad day #work @Sam", at(kMon, 8, 0), 5, {"work"}, {"Sam"}));
    auto run = save(*store, a_run(5000, at(kMon, 7, 0), {"moms"}));
    auto kept = save(*store, guilt_moment("kept", at(kMon, 9, 0), 5, {"work"}, {"Sam"}));

    bool removed = false;
    store->write([&] { removed = store->remove(gone.id); });
    CHECK(removed);
    store->write([&] { removed = store->remove(run.id); });
    CHECK(removed);
    store->write([&] { removed = store->remove(gone.id); });
    CHECK_FALSE(removed);
    CHECK_FALSE(store->find(gone.id));
    CHECK(ids_of(store->entries({})) == Ids{kept.id});
    check_same_entry(*store->find(kept.id), kept);

    if (where == "disk") {
        // Foreign keys are on: the links went with the entry.
        auto db = raw(dir.file("journal.db"));
        CHECK(db.execAndGet("SELECT count(*) FROM tags").getInt() == 1);
        CHECK(db.execAndGet("SELECT count(*) FROM entry_kids").getInt() == 1);
        CHECK(db.execAndGet("SELECT count(*) FROM run_with").getInt() == 0);
    }
}

TEST_CASE("undo reverts adds, updates and deletes, one change at a time", "[store][undo]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);

    auto first =
        save(*store, guilt_moment("bad day #work @Sam", at(kMon, 8, 0), 5, {"work"}, {"Sam"}));
    auto run = save(*store, a_run(5000.123456789012, at(kMon, 7, 0), {"moms", "kids"}));
    auto edited = first;
    edited.text = "better day";
    edited.tags = {"home"};
    edited.kids = {"Theo"};
    store->write([&] { store->update(edited); });
    store->write([&] { store->remove(run.id); });

    std::optional<UndoneChange> undone;
    store->write([&] { undone = store->undo(); });  // the delete
    REQUIRE(undone);
    CHECK(undone->entries_restored == 1);
    REQUIRE(undone->entry);
    CHECK(undone->entry->id == run.id);
    check_same_entry(*store->find(run.id), run);

    store->write([&] { undone = store->undo(); });  // the edit
    CHECK(undone->entries_reverted == 1);
    check_same_entry(*store->find(first.id), first);

    store->write([&] { undone = store->undo(); });  // the run
    CHECK(undone->entries_removed == 1);
    CHECK(undone->entry->uuid == run.uuid);
    CHECK_FALSE(store->find(run.id));
    store->write([&] { undone = store->undo(); });  // the first moment
    store->write([&] { undone = store->undo(); });
    CHECK_FALSE(undone);
    CHECK(store->entries({}).empty());
    // Ids are not given again.
    auto next = save(*store, guilt_moment("next", at(kMon, 9, 0), 5));
    CHECK(next.id > run.id);
}

TEST_CASE("one change that adds, edits and deletes in any order is undone whole", "[store][undo]") {
    TempDir dir;
    auto store = open_store("disk", dir);
    auto kept = save(*store, guilt_moment("kept #work @Sam", at(kMon, 8, 0), 5, {"work"}, {"Sam"}));
    auto gone = save(*store, guilt_moment("deleted in the change", at(kMon, 8, 30), 4));
    const auto before = store->entries({});
    // Adds between edits and a delete of rows that were there, and edits of rows it added: the
    // added rows are one range however the steps fall between them.
    store->write([&] {
        std::vector<Entry> added;
        for (int i = 0; i < 6; ++i) {
            added.push_back(guilt_moment(fmt::format("added {} #home @Theo", i), at(kMon, 10, i), 3,
                                         {"home"}, {"Theo"}));
            store->add(added.back());
            if (i == 2) {
                auto edited = kept;
                edited.text = "edited in the change";
                edited.tags = {"school"};
                store->update(edited);
                store->remove(gone.id);
            }
            if (i % 2 == 1) {
                added[static_cast<std::size_t>(i - 1)].text = "added, then edited";
                store->update(added[static_cast<std::size_t>(i - 1)]);
            }
        }
    });
    CHECK(store->entries({}).size() == 7);
    std::optional<UndoneChange> undone;
    store->write([&] { undone = store->undo(); });
    REQUIRE(undone);
    CHECK(undone->entries_removed == 6);
    CHECK(undone->entries_reverted == 1);
    CHECK(undone->entries_restored == 1);
    auto after = store->entries({});
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i)
        check_same_entry(after[i], before[i]);
}

TEST_CASE("undo says a change was made at the time its caller's clock gave, read per write",
          "[store][undo]") {
    auto store = Store::open_in_memory();
    std::int64_t clock = at(kMon, 10, 0).utc;
    int asked = 0;
    store->set_clock([&] {
        ++asked;
        return clock;
    });
    save(*store, guilt_moment("first", at(kMon, 8, 0), 5));
    clock = at(kMon, 11, 0).utc;
    save(*store, guilt_moment("second", at(kMon, 9, 0), 5));
    CHECK(asked == 2);
    std::optional<UndoneChange> undone;
    store->write([&] { undone = store->undo(); });
    REQUIRE(undone);
    CHECK(undone->made_utc == at(kMon, 11, 0).utc);
    store->write([&] { undone = store->undo(); });
    REQUIRE(undone);
    CHECK(undone->made_utc == at(kMon, 10, 0).utc);
}

TEST_CASE("a rolled-back write leaves nothing to undo, and the log keeps recording",
          "[store][undo]") {
    auto store = Store::open_in_memory();
    auto kept = save(*store, guilt_moment("kept", at(kMon, 8, 0), 5));
    CHECK_THROWS_AS(store->write([&] {
        Entry e = guilt_moment("rolled back", at(kMon, 9, 0), 5);
        store->add(e);
        throw UsageError("refused");
    }),
                    UsageError);
    std::optional<UndoneChange> undone;
    store->write([&] { undone = store->undo(); });
    REQUIRE(undone);
    CHECK(undone->entry->id == kept.id);
}

// ---- queries ----------------------------------------------------------------------------------

TEST_CASE("entries come newest first by default, oldest first on request, ties by id",
          "[store][entries][filter]") {
    auto store = Store::open_in_memory();
    auto b = save(*store, guilt_moment("b", at(kTue, 8, 0)));
    auto a = save(*store, guilt_moment("a", at(kMon, 8, 0)));
    auto c1 = save(*store, guilt_moment("c1", at(kWed, 8, 0)));
    auto c2 = save(*store, guilt_moment("c2", at(kWed, 8, 0)));

    CHECK(ids_of(store->entries({})) == Ids{c2.id, c1.id, b.id, a.id});
    EntryFilter oldest;
    oldest.oldest_first = true;
    CHECK(ids_of(store->entries(oldest)) == Ids{a.id, b.id, c1.id, c2.id});

    EntryFilter newest_two;
    newest_two.limit = 2;
    CHECK(ids_of(store->entries(newest_two)) == Ids{c2.id, c1.id});
    oldest.limit = 3;
    CHECK(ids_of(store->entries(oldest)) == Ids{a.id, b.id, c1.id});
}

TEST_CASE("entries filter by instant, inclusive at both ends", "[store][entries][filter]") {
    auto store = Store::open_in_memory();
    auto mon = save(*store, guilt_moment("mon", at(kMon, 8, 0)));
    auto tue = save(*store, guilt_moment("tue", at(kTue, 8, 0)));
    auto wed = save(*store, guilt_moment("wed", at(kWed, 8, 0)));

    EntryFilter f;
    f.since_utc = tue.at.utc;
    CHECK(ids_of(store->entries(f)) == Ids{wed.id, tue.id});
    f.until_utc = tue.at.utc;
    CHECK(ids_of(store->entries(f)) == Ids{tue.id});
    f.since_utc = std::nullopt;
    CHECK(ids_of(store->entries(f)) == Ids{tue.id, mon.id});
    f.until_utc = mon.at.utc - 1;
    CHECK(store->entries(f).empty());
}

TEST_CASE("day windows use each entry's own local day, not UTC's", "[store][entries][filter]") {
    auto store = Store::open_in_memory();
    // Late on Tuesday in New York is already Wednesday in UTC.
    auto ny_late = save(*store, guilt_moment("ny late", at(kTue, 23, 30, -5 * 60)));
    // Just after midnight on Wednesday in Paris is still Tuesday in UTC.
    auto paris_early = save(*store, guilt_moment("paris early", at(kWed, 0, 30, 60)));
    // Early on Tuesday in Auckland is Monday in UTC.
    auto auckland = save(*store, guilt_moment("auckland", at(kTue, 6, 0, 13 * 60)));
    auto mon = save(*store, guilt_moment("mon", at(kMon, 8, 0)));

    // Newest first means by instant: ny_late, paris_early, auckland, mon.
    struct Row {
        std::optional<Date> from, to;
        Ids want;
    };
    const Row rows[] = {
        {kTue, kTue, {ny_late.id, auckland.id}},
        {kWed, kWed, {paris_early.id}},
        {kMon, kMon, {mon.id}},
        {kTue, std::nullopt, {ny_late.id, paris_early.id, auckland.id}},
        {std::nullopt, kTue, {ny_late.id, auckland.id, mon.id}},
        {kMon, kWed, {ny_late.id, paris_early.id, auckland.id, mon.id}},
        {Date{2026, 11, 26}, std::nullopt, {}},
    };
    for (const auto& r : rows) {
        EntryFilter f;
        f.from_day = r.from;
        f.to_day = r.to;
        INFO("from " << (r.from ? format_date(*r.from) : "-") << " to "
                     << (r.to ? format_date(*r.to) : "-"));
        CHECK(ids_of(store->entries(f)) == r.want);
    }
}

TEST_CASE("entries filter by type, tag and kid, and the filters combine",
          "[store][entries][filter]") {
    auto store = Store::open_in_memory();
    auto g1 = save(*store, guilt_moment("g1", at(kMon, 8, 0), 5, {"school"}, {"Sam"}));
    auto g2 = save(*store, guilt_moment("g2", at(kTue, 8, 0), 5, {"work", "school"}, {"Theo"}));
    auto run = save(*store, a_run(5000, at(kTue, 7, 0)));
    auto eng = save(*store, an_engagement(20, at(kWed, 16, 0), {"Sam"}));
    auto dep = save(*store, a_deposit(30, "coffee", at(kWed, 10, 0)));
    auto ref = save(*store, a_reflection("fine", at(kWed, 21, 0)));

    struct Row {
        const char* what;
        EntryFilter f;
        Ids want;
    };
    auto filter = [](auto&& set) {
        EntryFilter f;
        set(f);
        return f;
    };
    const Row rows[] = {
        {"type guilt", filter([](auto& f) { f.type = EntryType::guilt; }), {g2.id, g1.id}},
        {"type run", filter([](auto& f) { f.type = EntryType::run; }), {run.id}},
        {"type engage", filter([](auto& f) { f.type = EntryType::engage; }), {eng.id}},
        {"type deposit", filter([](auto& f) { f.type = EntryType::deposit; }), {dep.id}},
        {"type reflection", filter([](auto& f) { f.type = EntryType::reflection; }), {ref.id}},
        {"tag school", filter([](auto& f) { f.tag = "school"; }), {g2.id, g1.id}},
        {"tag work", filter([](auto& f) { f.tag = "work"; }), {g2.id}},
        {"tag none", filter([](auto& f) { f.tag = "nothing"; }), {}},
        {"kid Sam", filter([](auto& f) { f.kid = "Sam"; }), {eng.id, g1.id}},
        {"kid Sam, type guilt",
         filter([](auto& f) {
             f.kid = "sam";
             f.type = EntryType::guilt;
         }),
         {g1.id}},
        {"tag school, since Tuesday",
         filter([](auto& f) {
             f.tag = "school";
             f.from_day = kTue;
         }),
         {g2.id}},
        {"every field at once",
         filter([&](auto& f) {
             f.type = EntryType::guilt;
             f.tag = "school";
             f.kid = "THEO";
             f.since_utc = g2.at.utc;
             f.until_utc = g2.at.utc;
             f.from_day = kTue;
             f.to_day = kTue;
             f.contains = "g2";
             f.limit = 5;
         }),
         {g2.id}},
    };
    for (const auto& r : rows) {
        INFO(r.what);
        CHECK(ids_of(store->entries(r.f)) == r.want);
    }
}

TEST_CASE("the newest entries holding a common word are the same however the ids lie in time",
          "[store][entries][search]") {
    TempDir dir;
    auto store = open_store("disk", dir);
    // Ten of the newest moments get the lowest ids; 2,000 more follow in time order (every third
    // of the first 1,400 a run without the word; of the newest 600, one in 20 holds it, so the
    // newest entries hold too few matches at first); then 40 backdated moments get the highest.
    const Date sunday{2026, 11, 29};
    std::vector<Entry> entries;
    for (int i = 0; i < 10; ++i)
        entries.push_back(guilt_moment("dinner rush, newest", at(sunday, 20, i)));
    for (int i = 0; i < 2000; ++i) {
        auto when = Timestamp{at(kMon, 6, 0).utc + i * 60, at(kMon, 6, 0).offset};
        if (i < 1400 && i % 3 == 0)
            entries.push_back(a_run(5000, when));
        else
            entries.push_back(guilt_moment(
                i < 1400 || i % 20 == 0 ? "late dinner again" : "a quiet evening", when));
    }
    for (int i = 0; i < 40; ++i)
        entries.push_back(guilt_moment("an old dinner, written down late",
                                       Timestamp{at(kMon, 5, 0).utc - i * 3600, 0}));
    store->write([&] {
        for (auto& e : entries)
            store->add(e);
    });
    for (bool oldest_first : {false, true}) {
        for (auto type : {std::optional<EntryType>{}, std::optional{EntryType::guilt}}) {
            EntryFilter all;
            all.contains = "dinner";
            all.oldest_first = oldest_first;
            all.type = type;
            auto every = ids_of(store->entries(all));  // each match read and sorted: the reference
            REQUIRE(every.size() > 500);
            for (int limit : {1, 20, 300}) {
                INFO("oldest first " << oldest_first << ", type " << type.has_value() << ", limit "
                                     << limit);
                auto f = all;
                f.limit = limit;
                CHECK(ids_of(store->entries(f)) == Ids(every.begin(), every.begin() + limit));
            }
        }
    }
}

TEST_CASE("contains finds entries holding all the words, in any case and text field",
          "[store][entries][search]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);
    auto story =
        save(*store, guilt_moment("Skipped the Bedtime story for a work call", at(kMon, 20, 0)));
    auto school =
        save(*store, guilt_moment("Late for school, no story in the car", at(kTue, 8, 0)));
    auto ecole = save(*store, guilt_moment("Réunion à l'école", at(kTue, 9, 0)));
    auto run = save(*store, a_run(5000, at(kTue, 7, 0)));  // note: "legs heavy after the hills"
    auto ref = save(*store, a_reflection("dinner together", at(kWed, 21, 0)));

    struct Row {
        const char* query;
        Ids want;
    };
    const Row rows[] = {
        {"story", {school.id, story.id}},
        {"bedtime story", {story.id}},
        {"story bedtime", {story.id}},
        {"BEDTIME", {story.id}},
        {"story  \t school", {school.id}},
        {"story dinosaur", {}},
        {"ecole", {ecole.id}},  // diacritics do not matter
        {"école", {ecole.id}},
        {"hills", {run.id}},     // a run's note
        {"facts", {ref.id}},     // a reflection's prompt
        {"together", {ref.id}},  // a reflection's answer
        {"stor", {}},            // whole words, no prefix search
    };
    for (const auto& r : rows) {
        EntryFilter f;
        f.contains = r.query;
        INFO("contains \"" << r.query << "\"");
        CHECK(ids_of(store->entries(f)) == r.want);
    }
}

TEST_CASE("quotes and full-text syntax in a search are read as plain words",
          "[store][entries][search]") {
    auto store = Store::open_in_memory();
    auto a = save(*store, guilt_moment("she said \"not now\" AND walked off", at(kMon, 8, 0)));
    auto b = save(*store, guilt_moment("NEAR the door, text: later", at(kTue, 8, 0)));

    struct Row {
        const char* query;
        Ids want;
    };
    const Row rows[] = {
        {"\"not now\"", {a.id}},
        {"AND", {a.id}},
        {"not OR missing", {}},    // OR is a word here, and no entry holds "missing"
        {"NEAR(door later)", {}},  // as FTS syntax this would match b
        {"NEAR(the door)", {b.id}},
        {"text:later", {b.id}},
        {"walked*", {a.id}},
        {"-walked", {a.id}},
        {"^she", {a.id}},
        {"(", {}},
        {"\"", {}},
        {"\"\"\"", {}},
        {"*", {}},
        {"'; DROP TABLE entries; --", {}},
    };
    for (const auto& r : rows) {
        EntryFilter f;
        f.contains = r.query;
        INFO("contains " << r.query);
        std::vector<Entry> got;
        REQUIRE_NOTHROW(got = store->entries(f));
        CHECK(ids_of(got) == r.want);
    }
    CHECK(store->count_entries() == 2);
}

TEST_CASE("full-text search stays in step after update and delete", "[store][entries][search]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);
    auto find = [&](const char* words) {
        EntryFilter f;
        f.contains = words;
        return ids_of(store->entries(f));
    };
    auto e = save(*store, guilt_moment("forgot the permission slip", at(kMon, 8, 0)));
    auto other = save(*store, guilt_moment("permission to rest", at(kMon, 9, 0)));
    REQUIRE(find("slip") == Ids{e.id});

    e.text = "forgot the lunchbox";
    store->write([&] { store->update(e); });
    CHECK(find("slip").empty());
    CHECK(find("lunchbox") == Ids{e.id});
    CHECK(find("permission") == Ids{other.id});

    // An update that leaves the words alone keeps them findable.
    e.intensity = 9;
    store->write([&] { store->update(e); });
    CHECK(find("lunchbox") == Ids{e.id});

    store->write([&] { store->remove(e.id); });
    CHECK(find("lunchbox").empty());
    CHECK(find("forgot").empty());
    CHECK(find("permission") == Ids{other.id});

    if (where == "disk") {
        auto db = raw(dir.file("journal.db"), SQLite::OPEN_READWRITE);
        CHECK_NOTHROW(
            db.exec("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)"));
    }
}

// ---- priorities and mottos --------------------------------------------------------------------

namespace {

// Titles of the active priorities in rank order, checking the ranks are exactly 1..n.
Names ranked_titles(const Store& s) {
    Names out;
    int want_rank = 1;
    for (const auto& p : s.priorities()) {
        CHECK(p.rank == want_rank++);
        CHECK_FALSE(p.done);
        out.push_back(p.title);
    }
    return out;
}

Priority add_priority(Store& s, const std::string& title, int rank = 0) {
    Priority p;
    p.title = title;
    p.rank = rank;
    s.write([&] { s.add_priority(p); });
    return p;
}

}  // namespace

TEST_CASE("priorities are added last by default or at a rank, moving the others down",
          "[store][priorities]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);

    auto kids = add_priority(*store, "Kids");
    CHECK(kids.rank == 1);
    CHECK(kids.id > 0);
    CHECK(kids.uuid.size() == 36);
    add_priority(*store, "Work");
    auto health = add_priority(*store, "Health", 1);
    CHECK(health.rank == 1);
    add_priority(*store, "Friends", 3);
    add_priority(*store, "Sleep", 5);
    CHECK(ranked_titles(*store) == Names{"Health", "Kids", "Friends", "Work", "Sleep"});

    Priority season;
    season.title = "Spring marathon";
    season.until = Date{2027, 4, 20};
    store->write([&] { store->add_priority(season); });
    auto found = store->find_priority(season.id);
    REQUIRE(found);
    CHECK(found->until == Date{2027, 4, 20});
    CHECK(found->rank == 6);
    CHECK_FALSE(store->find_priority(9999));
    CHECK(store->has_priority_uuid(season.uuid));
    CHECK_FALSE(store->has_priority_uuid(make_uuid()));
}

TEST_CASE("moving a priority shifts the ones between and keeps ranks contiguous",
          "[store][priorities]") {
    auto store = Store::open_in_memory();
    std::vector<Priority> p;
    for (const char* t : {"A", "B", "C", "D", "E"})
        p.push_back(add_priority(*store, t));
    auto move = [&](const Priority& which, int rank) {
        bool ok = false;
        store->write([&] { ok = store->move_priority(which.id, rank); });
        return ok;
    };
    CHECK(move(p[3], 1));
    CHECK(ranked_titles(*store) == Names{"D", "A", "B", "C", "E"});
    CHECK(move(p[3], 5));
    CHECK(ranked_titles(*store) == Names{"A", "B", "C", "E", "D"});
    CHECK(move(p[1], 3));
    CHECK(ranked_titles(*store) == Names{"A", "C", "B", "E", "D"});
    CHECK(move(p[1], 3));  // already there
    CHECK(ranked_titles(*store) == Names{"A", "C", "B", "E", "D"});
    Priority unknown;
    unknown.id = 9999;
    CHECK_FALSE(move(unknown, 1));
    CHECK(ranked_titles(*store) == Names{"A", "C", "B", "E", "D"});
}

TEST_CASE("a done priority leaves the ranking and the gap closes", "[store][priorities]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);
    std::vector<Priority> p;
    for (const char* t : {"A", "B", "C", "D"})
        p.push_back(add_priority(*store, t));
    auto finish = [&](const Priority& which) {
        bool ok = false;
        store->write([&] { ok = store->finish_priority(which.id); });
        return ok;
    };
    CHECK(finish(p[1]));
    CHECK(ranked_titles(*store) == Names{"A", "C", "D"});
    CHECK_FALSE(finish(p[1]));  // already done
    bool moved = true;
    store->write([&] { moved = store->move_priority(p[1].id, 1); });
    CHECK_FALSE(moved);
    CHECK(finish(p[0]));
    CHECK(ranked_titles(*store) == Names{"C", "D"});

    auto done = store->find_priority(p[1].id);
    REQUIRE(done);
    CHECK(done->done);
    CHECK(done->rank == 0);
    auto all = store->priorities(true);
    REQUIRE(all.size() == 4);
    CHECK(all[2].done);
    CHECK(all[3].done);

    // A new one goes after the active ones, not after the done ones.
    CHECK(add_priority(*store, "E").rank == 3);
    CHECK(ranked_titles(*store) == Names{"C", "D", "E"});
}

TEST_CASE("mottos keep their history and motto_at gives the one in force", "[store][mottos]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);
    CHECK_FALSE(store->motto_at(at(kWed, 12, 0).utc));

    Motto first{"You're a good mom.", at(kMon, 9, 0)};
    Motto second{"Good enough is good.", at(kWed, 9, 0)};
    store->write([&] { store->add_motto(second); });  // stored out of order on purpose
    store->write([&] { store->add_motto(first); });

    auto history = store->mottos();
    REQUIRE(history.size() == 2);
    CHECK(history[0].text == first.text);
    CHECK(history[0].at == first.at);
    CHECK(history[1].text == second.text);

    CHECK_FALSE(store->motto_at(first.at.utc - 1));
    CHECK(store->motto_at(first.at.utc)->text == first.text);
    CHECK(store->motto_at(second.at.utc - 1)->text == first.text);
    CHECK(store->motto_at(second.at.utc)->text == second.text);
    CHECK(store->motto_at(second.at.utc + 86'400)->text == second.text);
    CHECK(store->has_motto(first));
    CHECK_FALSE(store->has_motto(Motto{"You're a good mom.", at(kTue, 9, 0)}));
}

// ---- transactions -----------------------------------------------------------------------------

TEST_CASE("write() rolls back everything when the function throws", "[store][write]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);
    auto kept = save(*store, guilt_moment("kept", at(kMon, 8, 0), 5, {"work"}, {"Sam"}));

    struct Boom : std::runtime_error {
        using std::runtime_error::runtime_error;
    };
    CHECK_THROWS_AS(store->write([&] {
        auto e = guilt_moment("lost #gone", at(kTue, 8, 0), 5, {"gone"}, {"Newkid"});
        store->add(e);
        auto changed = kept;
        changed.text = "changed";
        store->update(changed);
        Priority p;
        p.title = "lost";
        store->add_priority(p);
        store->add_motto({"lost", at(kTue, 8, 0)});
        throw Boom("stop");
    }),
                    Boom);

    CHECK(ids_of(store->entries({})) == Ids{kept.id});
    check_same_entry(*store->find(kept.id), kept);
    CHECK(store->priorities(true).empty());
    CHECK(store->mottos().empty());
    EntryFilter lost;
    lost.contains = "lost";
    CHECK(store->entries(lost).empty());
    CHECK(store->kids_with_prefix("new", 10).empty());
    CHECK(store->tags_with_prefix("go", 10).empty());

    // The store is still usable afterwards.
    auto next = save(*store, guilt_moment("next", at(kWed, 8, 0)));
    CHECK(store->count_entries() == 2);
    CHECK(store->find(next.id));
}

TEST_CASE("a usage error thrown inside write() reaches the caller unchanged", "[store][write]") {
    auto store = Store::open_in_memory();
    CHECK_THROWS_AS(store->write([] { throw UsageError("--intensity must be 1-10, got 12"); }),
                    UsageError);
    CHECK(store->count_entries() == 0);
}

// ---- files: creation, modes, migrations, refusals ---------------------------------------------

TEST_CASE("a new journal is created at the current schema, in WAL mode, 0600 in a 0700 folder",
          "[store][file]") {
    TempDir dir;
    Umask open_umask(0);
    auto folder = dir.file("data/guilt");
    auto path = folder + "/journal.db";
    auto store = Store::open(path, Store::Access::write);
    save(*store, guilt_moment("first", at(kMon, 8, 0)));

    CHECK(mode_of(dir.file("data")) == 0700);
    CHECK(mode_of(folder) == 0700);
    CHECK(mode_of(path) == 0600);
    // While the journal is open, its write-ahead log and shared memory are private too.
    CHECK(mode_of(path + "-wal") == 0600);
    CHECK(mode_of(path + "-shm") == 0600);

    auto db = raw(path);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == schema_version());
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(store->path() == path);
    CHECK(store->integrity_problems().empty());
}

TEST_CASE("a journal in an existing folder leaves the folder's mode alone", "[store][file]") {
    TempDir dir;
    auto folder = dir.file("shared");
    fs::create_directory(folder);
    fs::permissions(folder, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
    Umask open_umask(0);
    auto store = Store::open(folder + "/journal.db", Store::Access::write);
    CHECK(mode_of(folder) == 0750);
    CHECK(mode_of(folder + "/journal.db") == 0600);
}

TEST_CASE("reading a missing journal gives an empty one and creates nothing", "[store][file]") {
    TempDir dir;
    auto path = dir.file("missing/journal.db");
    auto store = Store::open(path, Store::Access::read);
    CHECK(store->count_entries() == 0);
    CHECK(store->entries({}).empty());
    CHECK(store->priorities(true).empty());
    CHECK_FALSE(fs::exists(dir.file("missing")));
}

TEST_CASE("an existing up-to-date journal is opened as it is, without a backup", "[store][file]") {
    TempDir dir;
    auto path = dir.file("journal.db");
    Entry first;
    {
        auto store = Store::open(path, Store::Access::write);
        first = save(*store, guilt_moment("kept across opens", at(kMon, 8, 0), 6, {"work"}));
    }
    for (auto access : {Store::Access::read, Store::Access::write}) {
        auto store = Store::open(path, access);
        REQUIRE(store->find(first.id));
        check_same_entry(*store->find(first.id), first);
    }
    std::vector<std::string> others;
    for (const auto& f : fs::directory_iterator(dir.file(".")))
        if (f.path().filename() != "journal.db") others.push_back(f.path().filename().string());
    INFO("files beside the journal: " << others.size());
    for (const auto& name : others)
        CHECK(name.find("backup") == std::string::npos);
}

TEST_CASE("a journal built from the migrations list by hand is what the store expects",
          "[store][file][migrations]") {
    TempDir dir;
    auto path = dir.file("journal.db");
    make_journal_at_version(path, schema_version());
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec(
            "INSERT INTO entries (uuid, type, ts, utc_offset, text, intensity) "
            "VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', 'guilt', 1764111900, -18000, "
            "'written by hand', 4)");
    }
    auto store = Store::open(path, Store::Access::write);
    auto all = store->entries({});
    REQUIRE(all.size() == 1);
    CHECK(all[0].text == "written by hand");
    CHECK(all[0].at == Timestamp{1764111900, -18000});
    EntryFilter f;
    f.contains = "hand";
    CHECK(store->entries(f).size() == 1);
    CHECK_FALSE(fs::exists(path + ".v" + std::to_string(schema_version()) + ".backup"));
}

TEST_CASE("the upgrade from schema 7 drops its undo triggers and keeps the changes to undo",
          "[store][undo][migrations]") {
    TempDir dir;
    auto path = dir.file("journal.db");
    make_journal_at_version(path, 7);
    {
        // A log as schema 7 recorded it, and one of the triggers it recorded it with.
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec(
            "INSERT INTO entries (uuid, type, ts, utc_offset, text, intensity) "
            "VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', 'guilt', 1764111900, 0, 'kept', 4);"
            "INSERT INTO undo_changes (id, ts) VALUES (1, 1764111900);"
            "INSERT INTO undo_steps (change_id, tbl, op, lo, hi) VALUES (1, 'entries', 'added', "
            "1, 1);"
            "CREATE TRIGGER undo_entries_added AFTER INSERT ON entries WHEN EXISTS (SELECT 1 "
            "FROM undo_now) BEGIN SELECT 1; END;");
    }
    auto store = Store::open(path, Store::Access::write);
    {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name "
                            "LIKE 'undo%'")
                  .getInt() == 0);
        CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").getInt() ==
              3);  // the full-text index's
    }
    std::optional<UndoneChange> undone;
    store->write([&] { undone = store->undo(); });
    REQUIRE(undone);
    CHECK(undone->entries_removed == 1);
    CHECK(store->entries({}).empty());
}

TEST_CASE("a value SQLite shows the undo log with another column's affinity comes back exact",
          "[store][undo]") {
    // entries.day, a generated column, shifts SQLite 3.40's pre-update affinities by one place:
    // duration_s came as a double, distance_m as an integer.
    TempDir dir;
    auto store = open_store("disk", dir);
    auto run = a_run(5234.5678901234567, at(kWed, 7, 0), {"moms"});
    run.duration_s = 1710;
    auto saved = save(*store, run);
    store->write([&] { store->remove(saved.id); });
    std::optional<UndoneChange> undone;
    store->write([&] { undone = store->undo(); });
    REQUIRE(undone);
    auto back = store->find(saved.id);
    REQUIRE(back);
    CHECK(back->distance_m == saved.distance_m);
    CHECK(back->duration_s == 1710);
    SQLite::Database db(dir.file("journal.db"), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT typeof(duration_s) || ' ' || typeof(distance_m) FROM entries")
              .getString() == "integer real");
}

TEST_CASE("the migrations are numbered from 1 without gaps", "[store][migrations]") {
    const auto& all = migrations();
    REQUIRE_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i].version == static_cast<int>(i) + 1);
        CHECK_FALSE(all[i].what.empty());
        CHECK_FALSE(all[i].sql.empty());
    }
    CHECK(schema_version() == all.back().version);
}

TEST_CASE("an older journal is migrated after a backup copy is made beside it",
          "[store][file][migrations]") {
    // Runs once per older schema; with a single migration there is no older journal yet.
    for (int version = 1; version < schema_version(); ++version) {
        INFO("from schema " << version);
        TempDir dir;
        auto path = dir.file("journal.db");
        make_journal_at_version(path, version);
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE);
            db.exec(
                "INSERT INTO entries (uuid, type, ts, utc_offset, text, intensity) "
                "VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', 'guilt', 1764111900, -18000, "
                "'from an older guilt', 4)");
        }
        auto store = Store::open(path, Store::Access::read);

        auto backup = path + ".v" + std::to_string(version) + ".backup";
        REQUIRE(fs::exists(backup));
        CHECK(mode_of(backup) == 0600);
        CHECK(raw(backup).execAndGet("PRAGMA user_version").getInt() == version);
        CHECK(raw(backup).execAndGet("SELECT text FROM entries").getString() ==
              "from an older guilt");
        CHECK(raw(path).execAndGet("PRAGMA user_version").getInt() == schema_version());
        REQUIRE(store->entries({}).size() == 1);
        CHECK(store->entries({})[0].text == "from an older guilt");
    }
    SUCCEED("schema " << schema_version() << " has " << schema_version() - 1 << " older versions");
}

TEST_CASE("upgrading a schema-3 journal keeps every tag, kid and companion of its entries",
          "[store][file][migrations]") {
    TempDir dir;
    auto path = dir.file("journal.db");
    make_journal_at_version(path, 3);
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec(
            "PRAGMA foreign_keys = ON;"
            "INSERT INTO entries (id, uuid, type, ts, utc_offset, text, intensity) VALUES "
            "(7, '0f8fad5b-d9cb-469f-a165-70867728950e', 'guilt', 1764111900, -18000, "
            "'missed the recital', 8);"
            "INSERT INTO tags VALUES (7, 0, 'school');"
            "INSERT INTO kids (id, name) VALUES (1, 'Sam');"
            "INSERT INTO entry_kids VALUES (7, 0, 1);");
    }
    auto store = Store::open(path, Store::Access::write);
    auto found = store->find(7);
    REQUIRE(found);
    CHECK(found->tags == std::vector<std::string>{"school"});
    CHECK(found->kids == std::vector<std::string>{"Sam"});
    EntryFilter f;
    f.contains = "recital";
    CHECK(store->entries(f).size() == 1);
    CHECK(raw(path).execAndGet("PRAGMA foreign_keys").getInt() == 0);  // a fresh connection
}

TEST_CASE("an entry id is never given again, even after the newest entry is deleted",
          "[store][entries]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);
    save(*store, guilt_moment("first", at(kMon, 8, 0)));
    auto newest = save(*store, guilt_moment("second", at(kMon, 9, 0)));
    REQUIRE(store->remove(newest.id));
    auto next = save(*store, guilt_moment("third", at(kMon, 10, 0)));
    CHECK(next.id == newest.id + 1);
    CHECK_FALSE(store->find(newest.id));
}

TEST_CASE("a journal newer than this build is refused and left untouched", "[store][file]") {
    TempDir dir;
    auto path = dir.file("journal.db");
    {
        auto store = Store::open(path, Store::Access::write);
        save(*store, guilt_moment("from the future", at(kMon, 8, 0)));
    }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = " + std::to_string(schema_version() + 1));
    }
    auto before = bytes_of(path);
    for (auto access : {Store::Access::read, Store::Access::write}) {
        try {
            Store::open(path, access);
            FAIL("a newer journal was opened");
        } catch (const StoreError& e) {
            CHECK_THAT(e.what(), Catch::Contains(path));
            CHECK_THAT(e.what(), Catch::Contains("newer"));
        }
    }
    CHECK(bytes_of(path) == before);
    CHECK_FALSE(fs::exists(path + ".v" + std::to_string(schema_version() + 1) + ".backup"));
    CHECK(raw(path).execAndGet("PRAGMA user_version").getInt() == schema_version() + 1);
}

TEST_CASE("a file that is not a SQLite database is refused, naming it, and left untouched",
          "[store][file]") {
    TempDir dir;
    auto path = dir.file("notes.txt");
    const std::string text = "Dear diary,\nthis is not a database.\n";
    write_bytes(path, text);
    for (auto access : {Store::Access::read, Store::Access::write}) {
        try {
            Store::open(path, access);
            FAIL("a text file was opened as a journal");
        } catch (const StoreError& e) {
            CHECK_THAT(e.what(), Catch::StartsWith(path + ": "));
        }
    }
    CHECK(bytes_of(path) == text);
}

TEST_CASE("a SQLite database of another program is refused and left untouched", "[store][file]") {
    TempDir dir;
    auto path = dir.file("other.db");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')");
    }
    auto before = bytes_of(path);
    try {
        Store::open(path, Store::Access::write);
        FAIL("another program's database was opened as a journal");
    } catch (const StoreError& e) {
        CHECK_THAT(e.what(), Catch::StartsWith(path + ": "));
    }
    CHECK(bytes_of(path) == before);
}

TEST_CASE("another program's database with a schema version and guilt-like names is refused",
          "[store][file]") {
    TempDir dir;
    auto path = dir.file("other.db");
    auto version = GENERATE(1, 2, 3);
    INFO("user_version " << version);
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, title TEXT); "
            "CREATE TABLE tags (name TEXT); PRAGMA user_version = " +
            std::to_string(version));
    }
    auto before = bytes_of(path);
    for (auto access : {Store::Access::read, Store::Access::write})
        CHECK_THROWS_WITH(Store::open(path, access), Catch::Contains("not a guilt journal"));
    CHECK(bytes_of(path) == before);
    CHECK_FALSE(fs::exists(path + ".v" + std::to_string(version) + ".backup"));
    fs::remove(path);
}

TEST_CASE(
    "a journal carries guilt's application_id from its creation or its upgrade, and a "
    "file of another application is refused",
    "[store][file]") {
    TempDir dir;
    auto fresh = dir.file("journal.db");
    Store::open(fresh, Store::Access::write).reset();
    auto id = raw(fresh).execAndGet("PRAGMA application_id").getInt();
    CHECK(id == 0x6775696c);

    auto old = dir.file("old.db");
    make_journal_at_version(old, 1);
    CHECK(raw(old).execAndGet("PRAGMA application_id").getInt() == 0);
    Store::open(old, Store::Access::write).reset();
    CHECK(raw(old).execAndGet("PRAGMA application_id").getInt() == id);

    raw(old, SQLite::OPEN_READWRITE).exec("PRAGMA application_id = 42");
    auto before = bytes_of(old);
    CHECK_THROWS_WITH(Store::open(old, Store::Access::read),
                      Catch::Contains("not a guilt journal"));
    CHECK(bytes_of(old) == before);
}

TEST_CASE("a read-only journal of an older schema is read through a copy, the file unchanged",
          "[store][file][migrations]") {
    TempDir dir;
    auto path = dir.file("journal.db");
    make_journal_at_version(path, 1);
    raw(path, SQLite::OPEN_READWRITE)
        .exec(
            "INSERT INTO entries (uuid, type, ts, utc_offset, text, intensity) VALUES "
            "('0f8fad5b-d9cb-469f-a165-70867728950e', 'guilt', 1764111900, -18000, 'old', 4)");
    fs::permissions(path, fs::perms::owner_read);
    auto before = bytes_of(path);
    auto seen = as_unprivileged_user(dir, [&] {
        auto store = Store::open(path, Store::Access::read);
        auto entries = store->entries({});
        // A table schema 1 did not have reads as empty.
        return fmt::format("{} entries, the first \"{}\", unit {}", entries.size(),
                           entries.empty() ? "" : entries.front().text,
                           store->setting("unit") ? "set" : "unset");
    });
    CHECK(seen == "1 entries, the first \"old\", unit unset");
    CHECK(bytes_of(path) == before);
    CHECK_FALSE(fs::exists(path + ".v1.backup"));
}

TEST_CASE("a folder is refused as a journal, naming it", "[store][file]") {
    TempDir dir;
    auto path = dir.file("folder");
    fs::create_directory(path);
    for (auto access : {Store::Access::read, Store::Access::write}) {
        try {
            Store::open(path, access);
            FAIL("a folder was opened as a journal");
        } catch (const StoreError& e) {
            CHECK_THAT(e.what(), Catch::StartsWith(path + ": "));
            CHECK_THAT(e.what(), Catch::Contains("folder"));
        }
    }
    CHECK(fs::is_empty(path));
}

TEST_CASE("a backup copy is a private, complete journal", "[store][file]") {
    TempDir dir;
    Umask open_umask(0);
    auto store = Store::open(dir.file("journal.db"), Store::Access::write);
    auto e = save(*store, guilt_moment("backed up", at(kMon, 8, 0), 5, {"work"}, {"Sam"}));
    auto copy_path = dir.file("copy.db");
    store->backup_to(copy_path);
    CHECK(mode_of(copy_path) == 0600);
    auto copy = Store::open(copy_path, Store::Access::read);
    REQUIRE(copy->find(e.id));
    check_same_entry(*copy->find(e.id), e);
}

TEST_CASE("a backup replaces an older file whole and leaves nothing else beside it",
          "[store][file][backup]") {
    TempDir dir;
    auto store = Store::open(dir.file("journal.db"), Store::Access::write);
    auto e = save(*store, guilt_moment("kept", at(kMon, 8, 0)));
    auto copy_path = dir.file("copy.db");
    std::ofstream(copy_path) << "an older file";
    std::ofstream(copy_path + "-wal") << "a stale write-ahead log";
    store->backup_to(copy_path);
    CHECK_FALSE(fs::exists(copy_path + "-wal"));
    Names files;
    for (const auto& f : fs::directory_iterator(fs::path(copy_path).parent_path()))
        if (!f.path().filename().string().starts_with("journal.db"))
            files.push_back(f.path().filename().string());
    CHECK(files == Names{"copy.db"});
    auto copy = Store::open(copy_path, Store::Access::read);
    REQUIRE(copy->find(e.id));
    CHECK(copy->integrity_problems().empty());
}

TEST_CASE("inspecting a journal neither creates nor upgrades it", "[store][file][doctor]") {
    TempDir dir;
    auto path = dir.file("journal.db");
    CHECK_THROWS_AS(Store::open(path, Store::Access::inspect), StoreError);
    CHECK_FALSE(fs::exists(path));
    Store::open(path, Store::Access::write).reset();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("DROP TABLE settings; PRAGMA user_version = 2");
    }
    auto inspected = Store::open(path, Store::Access::inspect);
    CHECK(inspected->stored_schema_version() == 2);
    inspected.reset();
    CHECK(Store::open(path, Store::Access::read)->stored_schema_version() == schema_version());
}

TEST_CASE("an emptied search index is found out of step, and a rebuild mends it",
          "[store][file][doctor]") {
    TempDir dir;
    auto path = dir.file("journal.db");
    {
        auto store = Store::open(path, Store::Access::write);
        save(*store, guilt_moment("bedtime story skipped", at(kMon, 20, 0)));
        CHECK_FALSE(store->search_index_problem());
    }
    SQLite::Database(path, SQLite::OPEN_READWRITE)
        .exec("INSERT INTO entries_fts (entries_fts) VALUES ('delete-all')");
    EntryFilter story;
    story.contains = "story";
    auto store = Store::open(path, Store::Access::write);
    CHECK(store->search_index_problem());
    CHECK(store->entries(story).empty());
    store->write([&] { store->rebuild_search_index(); });
    CHECK_FALSE(store->search_index_problem());
    CHECK(store->entries(story).size() == 1);
}

TEST_CASE("tags and kids complete from a prefix; kids ignoring case", "[store][complete]") {
    auto store = Store::open_in_memory();
    save(*store, guilt_moment("a", at(kMon, 8, 0), 5, {"school", "screens", "work"}, {"Theo"}));
    save(*store, guilt_moment("b", at(kMon, 9, 0), 5, {"school"}, {"Sam", "theodora"}));
    CHECK(store->tags_with_prefix("sc", 10) == Names{"school", "screens"});
    CHECK(store->tags_with_prefix("SC", 1) == Names{"school"});
    CHECK(store->kids_with_prefix("th", 10) == Names{"Theo", "theodora"});
    CHECK(store->kids_with_prefix("", 10) == Names{"Sam", "Theo", "theodora"});
}

TEST_CASE("day_tagged finds a day she tagged a moment so, on or before a day", "[store][tags]") {
    auto store = Store::open_in_memory();
    save(*store, guilt_moment("a", at(kMon, 8, 0), 5, {"school"}));
    save(*store, guilt_moment("b", at(kWed, 9, 0), 5, {"school", "work"}));
    CHECK(store->day_tagged("school", kWed) == kMon);
    CHECK(store->day_tagged("school", kMon) == kMon);
    CHECK(store->day_tagged("work", kWed) == kWed);
    CHECK_FALSE(store->day_tagged("work", add_days(kWed, -1)));
    CHECK_FALSE(store->day_tagged("school", add_days(kMon, -1)));
    CHECK_FALSE(store->day_tagged("sleep", kWed));
}

// ---- follow-ups ----------------------------------------------------------------------------

namespace {

Entry a_reflection(const std::string& date, const std::string& strategy, Timestamp when) {
    Entry e;
    e.type = EntryType::reflection;
    e.at = when;
    e.date = date;
    e.strategy = strategy;
    e.prompt = "What do the facts say?";
    e.text = "Two hours at the park, really.";
    return e;
}

FollowUp a_followup(const Entry& reflection, std::optional<Helped> answer, Date night) {
    FollowUp f;
    f.reflection_id = reflection.id;
    f.answer = answer;
    f.night = night;
    f.at = at(night, 21, 5);
    return f;
}

}  // namespace

TEST_CASE("a follow-up is stored once per reflection; a later answer replaces it",
          "[store][followups]") {
    auto store = Store::open_in_memory();
    auto r = a_reflection("2026-11-24", "facts", at(kTue, 21, 30));
    store->write([&] { store->add(r); });
    CHECK_FALSE(store->followup_of(r.id));

    store->write([&] { store->set_followup(a_followup(r, Helped::little, kWed)); });
    auto f = store->followup_of(r.id);
    REQUIRE(f);
    CHECK(f->answer == Helped::little);
    CHECK(f->reflection_uuid == r.uuid);
    CHECK(f->night == kWed);
    CHECK(f->at == at(kWed, 21, 5));

    store->write([&] { store->set_followup(a_followup(r, Helped::yes, kWed)); });
    CHECK(store->followups().size() == 1);
    CHECK(store->followup_of(r.id)->answer == Helped::yes);

    // A skip is kept too (so it is not asked again), without an answer.
    store->write([&] { store->set_followup(a_followup(r, std::nullopt, kWed)); });
    REQUIRE(store->followup_of(r.id));
    CHECK_FALSE(store->followup_of(r.id)->answer);
}

TEST_CASE("undo reverts follow-up answers, then goes on with the changes before",
          "[store][followups][undo]") {
    auto store = Store::open_in_memory();
    auto r = a_reflection("2026-11-24", "facts", at(kTue, 21, 30));
    store->write([&] { store->add(r); });
    store->write([&] { store->set_followup(a_followup(r, Helped::little, kWed)); });
    store->write([&] { store->set_followup(a_followup(r, Helped::yes, kWed)); });

    std::optional<UndoneChange> undone;
    store->write([&] { undone = store->undo(); });  // the second answer
    REQUIRE(undone);
    CHECK(undone->entries_reverted == 1);
    CHECK(store->followup_of(r.id)->answer == Helped::little);
    store->write([&] { undone = store->undo(); });  // the first answer
    CHECK_FALSE(store->followup_of(r.id));
    store->write([&] { undone = store->undo(); });  // the reflection
    CHECK(undone->entries_removed == 1);
    CHECK(store->count_entries() == 0);
}

TEST_CASE("a purge forgets the entry's words in the undo log, and undo goes on without it",
          "[store][undo]") {
    auto store = Store::open_in_memory();
    auto kept = save(*store, guilt_moment("kept", at(kMon, 8, 0), 5, {}, {}));
    auto secret = save(*store, guilt_moment("secret #x", at(kMon, 9, 0), 5, {"x"}, {}));
    store->write([&] { store->remove(secret.id); });
    std::optional<std::int64_t> forgotten;
    store->write([&] { forgotten = store->purge(secret.id); });
    REQUIRE(forgotten);
    CHECK(*forgotten >= 2);  // its row and its tag
    store->write([&] { forgotten = store->purge(secret.id); });
    CHECK_FALSE(forgotten);  // nothing left of it
    std::optional<UndoneChange> undone;
    store->write([&] { undone = store->undo(); });
    REQUIRE(undone);
    CHECK(undone->entries_removed == 1);
    CHECK_FALSE(store->find(kept.id));
    store->write([&] { undone = store->undo(); });
    CHECK_FALSE(undone);
}

TEST_CASE("deleting a reflection deletes its follow-up", "[store][followups]") {
    auto store = Store::open_in_memory();
    auto r = a_reflection("2026-11-24", "facts", at(kTue, 21, 30));
    store->write([&] {
        store->add(r);
        store->set_followup(a_followup(r, Helped::no, kWed));
    });
    store->write([&] { store->remove(r.id); });
    CHECK(store->followups().empty());
}

TEST_CASE("a follow-up about an entry that is not stored fails and stores nothing",
          "[store][followups]") {
    auto store = Store::open_in_memory();
    Entry ghost;
    ghost.id = 42;
    CHECK_THROWS_AS(
        store->write([&] { store->set_followup(a_followup(ghost, Helped::yes, kWed)); }),
        StoreError);
    CHECK(store->followups().empty());
}

TEST_CASE("reflections are found by the day they reviewed, not the day they were written",
          "[store][followups]") {
    auto store = Store::open_in_memory();
    auto monday = a_reflection("2026-11-23", "bank", at(kMon, 22, 0));
    auto tuesday_late = a_reflection("2026-11-24", "facts", at(kWed, 1, 30));  // after midnight
    auto guilt = guilt_moment("Missed pickup", at(kTue, 15, 0));
    store->write([&] {
        store->add(monday);
        store->add(tuesday_late);
        store->add(guilt);
    });
    auto found = store->reflections_for_days(kTue, kWed);
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == tuesday_late.id);
    CHECK(store->reflections_for_days(kMon, kWed).size() == 2);
    CHECK(store->reflections_for_days(kWed, kWed).empty());
}

TEST_CASE("her rated answers of a range of nights come by strategy, skips left out",
          "[store][followups]") {
    auto store = Store::open_in_memory();
    auto facts_mon = a_reflection("2026-11-23", "facts", at(kMon, 21, 0));
    auto bank_mon = a_reflection("2026-11-23", "bank", at(kMon, 21, 1));
    auto facts_tue = a_reflection("2026-11-24", "facts", at(kTue, 21, 0));
    store->write([&] {
        for (auto* e : {&facts_mon, &bank_mon, &facts_tue})
            store->add(*e);
        store->set_followup(a_followup(facts_mon, Helped::no, kTue));
        store->set_followup(a_followup(bank_mon, std::nullopt, kTue));
        store->set_followup(a_followup(facts_tue, Helped::yes, kWed));
    });
    auto helped = store->helped_between(kMon, kWed);
    CHECK(helped.size() == 1);  // bank was skipped
    REQUIRE(helped["facts"].size() == 2);
    CHECK(helped["facts"][0].asked_for == kMon);
    CHECK(helped["facts"][0].answer == Helped::no);
    CHECK(helped["facts"][1].asked_for == kTue);
    CHECK(helped["facts"][1].answer == Helped::yes);
    // Wednesday's answer is outside nights Mon-Tue.
    CHECK(store->helped_between(kMon, kTue)["facts"].size() == 1);
}

TEST_CASE("entry_id finds an entry by its uuid", "[store][followups]") {
    auto store = Store::open_in_memory();
    auto r = a_reflection("2026-11-24", "facts", at(kTue, 21, 30));
    store->write([&] { store->add(r); });
    CHECK(store->entry_id(r.uuid) == r.id);
    CHECK_FALSE(store->entry_id("0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60"));
}

// ---- kids by folded name, and names that are not kids -----------------------------------------

TEST_CASE("kids are one kid in any case or Unicode form, and keep the first spelling",
          "[store][kids]") {
    TempDir dir;
    auto where = GENERATE(as<std::string>{}, "memory", "disk");
    INFO(where);
    auto store = open_store(where, dir);
    auto first = save(*store, guilt_moment("for Zoë", at(kMon, 8, 0), 5, {}, {"Zoë"}));
    auto second =
        save(*store, guilt_moment("for ZOË", at(kTue, 8, 0), 5, {}, {"ZOË", "Zoe\xcc\x88"}));
    auto other = save(*store, guilt_moment("for zoe", at(kWed, 8, 0), 5, {}, {"zoe"}));
    CHECK(second.kids == Names{"Zoë"});
    CHECK(store->find(second.id)->kids == Names{"Zoë"});
    EntryFilter f;
    f.kid = "ZOË";
    CHECK(ids_of(store->entries(f)) == Ids{second.id, first.id});
    f.kid = "Zoe";
    CHECK(ids_of(store->entries(f)) == Ids{other.id});
    const auto kids = store->kids();
    REQUIRE(kids.size() == 2);
    CHECK(kids[0].name == "Zoë");
    CHECK(kids[0].entries == 2);
    CHECK(kids[0].last == second.at);
    CHECK(kids[1].name == "zoe");
    CHECK(store->kid_named("zoË") == std::optional<std::string>("Zoë"));
    CHECK_FALSE(store->kid_named("Sam"));
    CHECK(store->kids_with_prefix("ZO", 10) == Names{"zoe", "Zoë"});  // the names' own order
}

TEST_CASE("renaming a kid renames every entry and keeps the old spelling leading to her",
          "[store][kids]") {
    auto store = Store::open_in_memory();
    auto a = save(*store, guilt_moment("a @zoe", at(kMon, 8, 0), 5, {}, {"zoe"}));
    store->write([&] { store->rename_kid("ZOE", "Zoé"); });
    CHECK(store->find(a.id)->kids == Names{"Zoé"});
    auto b = save(*store, guilt_moment("b", at(kTue, 8, 0), 5, {}, {"Zoe"}));
    CHECK(b.kids == Names{"Zoé"});
    CHECK(store->kids().size() == 1);
}

TEST_CASE("merging kids moves entries and spellings, one link per entry", "[store][kids]") {
    auto store = Store::open_in_memory();
    auto a = save(*store, guilt_moment("a", at(kMon, 8, 0), 5, {}, {"Zoe"}));
    auto both = save(*store, guilt_moment("b", at(kTue, 8, 0), 5, {}, {"Sam", "Zoe", "Zoë"}));
    std::int64_t moved = 0;
    store->write([&] { moved = store->merge_kids("zoe", "ZOË"); });
    CHECK(moved == 2);
    CHECK(store->find(a.id)->kids == Names{"Zoë"});
    CHECK(store->find(both.id)->kids == Names{"Sam", "Zoë"});
    CHECK(save(*store, guilt_moment("c", at(kWed, 8, 0), 5, {}, {"ZOE"})).kids == Names{"Zoë"});
    REQUIRE(store->kids().size() == 2);
    CHECK(store->kids()[0].entries == 3);
}

TEST_CASE("the kids registry comes back whole in another journal, which keeps its own word",
          "[store][kids]") {
    auto from = Store::open_in_memory();
    save(*from, guilt_moment("@Zoë cried", at(kMon, 8, 0), 5, {}, {"Zoë"}));
    save(*from, guilt_moment("@Zoe again", at(kTue, 8, 0), 5, {}, {"Zoe"}));
    save(*from, guilt_moment("@Daniel cooked", at(kTue, 9, 0), 5, {}, {"Daniel"}));
    from->write([&] {
        from->merge_kids("Zoe", "Zoë");
        from->mark_not_kid("Daniel");
    });
    const auto kids = from->kid_registry();
    REQUIRE(kids.size() == 1);
    CHECK(kids[0].name == "Zoë");
    CHECK(kids[0].spellings == Names{"zoe", "zoë"});
    const auto not_kids = from->not_kid_registry();
    REQUIRE(not_kids.size() == 1);
    CHECK(not_kids[0].name == "Daniel");

    auto into = Store::open_in_memory();
    save(*into, guilt_moment("@Daniel's tooth", at(kMon, 8, 0), 5, {}, {"Daniel"}));
    bool kid_added = false, not_kid_added = true;
    into->write([&] {
        kid_added = into->add_kid_names(kids[0]);
        not_kid_added = into->add_not_kid_names(not_kids[0]);
    });
    CHECK(kid_added);
    CHECK_FALSE(not_kid_added);  // a kid in this journal stays one
    CHECK(into->kid_named("ZOE") == "Zoë");
    CHECK(into->kid_named("Daniel") == "Daniel");
}

TEST_CASE("a name that is not a kid loses its links and is never linked again, until undone",
          "[store][kids]") {
    auto store = Store::open_in_memory();
    auto a = save(
        *store, guilt_moment("@Daniel cooked for @Sam", at(kMon, 8, 0), 5, {}, {"Daniel", "Sam"}));
    std::int64_t changed = 0;
    store->write([&] { changed = store->mark_not_kid("daniel"); });
    CHECK(changed == 1);
    CHECK(store->find(a.id)->kids == Names{"Sam"});
    CHECK(store->find(a.id)->text == "@Daniel cooked for @Sam");
    CHECK(store->is_not_kid("DANIEL"));
    CHECK(store->not_kids() == Names{"daniel"});
    auto b = save(*store, guilt_moment("@Daniel again", at(kTue, 8, 0), 5, {}, {"Daniel"}));
    CHECK(b.kids.empty());
    CHECK(store->find(b.id)->kids.empty());

    store->write([&] { changed = store->unmark_not_kid("Daniel"); });
    CHECK(changed == 2);
    CHECK_FALSE(store->is_not_kid("Daniel"));
    CHECK(store->find(a.id)->kids == Names{"Sam", "Daniel"});
    CHECK(store->find(b.id)->kids == Names{"Daniel"});
}

TEST_CASE("migration 6 makes kids spelled alike one kid, keeping the first",
          "[store][migrations]") {
    TempDir dir;
    auto path = dir.file("journal.db");
    make_journal_at_version(path, 4);
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec(R"sql(
            INSERT INTO entries (id, uuid, type, ts, utc_offset, text, intensity) VALUES
                (1, '0f8fad5b-d9cb-469f-a165-70867728950e', 'guilt', 1764111900, -18000, 'a', 4),
                (2, '1f8fad5b-d9cb-469f-a165-70867728950e', 'guilt', 1764111960, -18000, 'b', 4);
            INSERT INTO kids (id, name) VALUES (1, 'Zoë'), (2, 'ZOË'), (3, 'Sam');
            INSERT INTO entry_kids (entry_id, pos, kid_id) VALUES (1, 0, 2), (2, 0, 1), (2, 1, 3),
                (2, 2, 2);
            INSERT INTO priorities (id, uuid, rank, title) VALUES
                (1, '2b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60', 1, 'Kids');
        )sql");
    }
    auto store = Store::open(path, Store::Access::write);
    CHECK(store->find(1)->kids == Names{"Zoë"});
    CHECK(store->find(2)->kids == Names{"Zoë", "Sam"});
    CHECK(store->kids().size() == 2);
    // The list before the history began counts for every earlier day.
    REQUIRE(store->priorities_at(0).size() == 1);
    CHECK(store->priorities_at(0)[0].title == "Kids");
}

// ---- priorities' history ----------------------------------------------------------------------

TEST_CASE("priorities_at gives the list as it was at an instant", "[store][priorities]") {
    auto store = Store::open_in_memory();
    const auto day = [](int d) { return at(Date{2026, 11, d}, 8, 0).utc; };
    const auto titles = [&](std::int64_t utc) {
        Names out;
        for (const auto& p : store->priorities_at(utc))
            out.push_back(fmt::format("{}{}", p.done ? "done:" : "", p.title));
        return out;
    };
    Priority kids, work, sleep;
    kids.title = "Kids";
    work.title = "Work";
    sleep.title = "Sleep";
    store->write([&] {
        store->add_priority(kids);
        store->add_priority(work);
        store->note_priorities(day(20));
    });
    store->write([&] {
        store->add_priority(sleep);
        store->note_priorities(day(22));
    });
    store->write([&] {
        store->rename_priority(kids.id, "Family");
        store->move_priority(sleep.id, 1);
        store->note_priorities(day(24));
    });
    store->write([&] {
        store->remove_priority(work.id);
        store->finish_priority(sleep.id);
        store->note_priorities(day(26));
    });
    CHECK(titles(day(19)).empty());
    CHECK(titles(day(20)) == Names{"Kids", "Work"});
    CHECK(titles(day(23)) == Names{"Kids", "Work", "Sleep"});
    CHECK(titles(day(24)) == Names{"Sleep", "Family", "Work"});
    CHECK(titles(day(27)) == Names{"Family", "done:Sleep"});
    CHECK(store->priorities_at(day(24))[1].rank == 2);
    // A removed priority's id is not given to the next one.
    Priority health;
    health.title = "Health";
    store->write([&] { store->add_priority(health); });
    CHECK(health.id > sleep.id);
    // One the history never saw (an import) counts as it is, at any instant.
    CHECK(titles(day(19)) == Names{"Health"});
}
