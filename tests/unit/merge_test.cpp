// SPDX-License-Identifier: MIT
// guilt merge on the store: property tests over random edit histories on two copies of one
// journal (seeded, so a failure names the seed that repeats it), and the rules one by one.
#include <fmt/format.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "guilt/store/store.hpp"

namespace fs = std::filesystem;
using namespace guilt;

namespace {

class TempDir {
  public:
    TempDir() {
        auto pattern = (fs::temp_directory_path() / "guilt-merge-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temp folder");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (m_path / name).string(); }

  private:
    fs::path m_path;
};

constexpr std::int64_t kStart = 1764200000;  // 2025-11-26, UTC seconds
constexpr int kOffset = -18000;

// The clock both copies share (as two computers' clocks would roughly agree).
struct Clock {
    std::int64_t now = kStart;
};

std::unique_ptr<Store> open_at(const std::string& path, Clock& clock) {
    auto s = Store::open(path, Store::Access::write);
    s->set_clock([&clock] { return clock.now; });
    return s;
}

Entry moment(const std::string& text, std::int64_t at, std::vector<std::string> kids = {}) {
    Entry e;
    e.type = EntryType::guilt;
    e.at = {at, kOffset};
    e.text = text;
    e.intensity = 5;
    e.kids = std::move(kids);
    return e;
}

// Everything that merges, keyed by uuid and without local ids: two journals with the same dump
// hold the same for her.
std::string dump(const Store& s) {
    auto rows = s.merge_rows();
    std::set<std::string> lines;
    for (const auto& e : rows.entries)
        lines.insert(fmt::format("entry {} {} {} [{}] [{}] {}", e.entry.uuid, e.entry.at.utc,
                                 e.entry.text, fmt::join(e.entry.tags, ","),
                                 fmt::join(e.entry.kids, ","), e.v.version));
    for (const auto& p : rows.priorities)
        lines.insert(fmt::format("priority {} {} {} {} {}", p.priority.uuid, p.priority.rank,
                                 p.priority.title, p.priority.done, p.v.version));
    for (const auto& m : rows.mottos)
        lines.insert(fmt::format("motto {} {} {}", motto_uuid(m), m.at.utc, m.text));
    for (const auto& x : rows.settings)
        lines.insert(fmt::format("setting {} {} {}", x.key, x.value, x.version));
    for (const auto& t : rows.tombstones)
        lines.insert(fmt::format("tombstone {} {} {}", t.table, t.uuid, t.version));
    for (const auto& k : rows.kids) {
        auto spellings = k.spellings;
        std::sort(spellings.begin(), spellings.end());
        lines.insert(fmt::format("kid {} [{}] {}", k.name, fmt::join(spellings, ","), k.version));
    }
    for (const auto& k : rows.not_kids) {
        auto spellings = k.spellings;
        std::sort(spellings.begin(), spellings.end());
        lines.insert(fmt::format("not a kid {} [{}]", k.name, fmt::join(spellings, ",")));
    }
    for (const auto& c : rows.conflicts)
        lines.insert(
            fmt::format("conflict {} {} {} {} {}", c.table, c.uuid, c.field, c.version, c.text));
    return fmt::format("{}", fmt::join(lines, "\n"));
}

// One random change on a copy, in its own write (one command), each text unique.
void random_change(Store& s, std::mt19937& rng, int& serial, Clock& clock) {
    auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    auto entries = s.entries({});
    auto priorities = s.priorities(false);
    auto text = [&] { return fmt::format("words {}", ++serial); };
    static const std::vector<std::string> kKids = {"Sam", "Zoë", "Theo"};
    s.write([&] {
        switch (pick(11)) {
            case 0:
            case 1: {
                auto e = moment(text(), clock.now, {kKids[pick(kKids.size())]});
                s.add(e);
                break;
            }
            case 2:
            case 3:
                if (!entries.empty()) {
                    auto e = entries[pick(entries.size())];
                    e.text = text();
                    s.update(e);
                }
                break;
            case 4:
                if (!entries.empty()) s.remove(entries[pick(entries.size())].id);
                break;
            case 5: {
                Priority p;
                p.title = text();
                s.add_priority(p);
                break;
            }
            case 6:
                if (!priorities.empty()) {
                    const auto& p = priorities[pick(priorities.size())];
                    switch (pick(4)) {
                        case 0:
                            s.rename_priority(p.id, text());
                            break;
                        case 1:
                            s.move_priority(p.id, static_cast<int>(pick(priorities.size())) + 1);
                            break;
                        case 2:
                            s.finish_priority(p.id);
                            break;
                        default:
                            s.remove_priority(p.id);
                            break;
                    }
                }
                break;
            case 7:
                s.add_motto({text(), {clock.now, kOffset}});
                break;
            case 9: {
                auto kids = s.kid_registry();
                if (!kids.empty())
                    s.rename_kid(kids[pick(kids.size())].name, fmt::format("Kid{}", ++serial));
                break;
            }
            case 10: {
                auto kids = s.kid_registry();
                if (!kids.empty() && pick(3) == 0)
                    s.mark_not_kid(kids[pick(kids.size())].name);
                else if (kids.size() >= 2)
                    s.merge_kids(kids[0].name, kids[1].name);
                break;
            }
            default:
                s.set_setting("unit", pick(2) == 0 ? "km" : "mi");
                break;
        }
    });
    clock.now += static_cast<std::int64_t>(pick(3));  // sometimes two changes in one second
}

// Her words in one copy: uuid -> (text, version of the row).
struct Texts {
    std::map<std::string, std::pair<std::string, std::string>> entries, priorities;
};
Texts texts_of(const Store& s) {
    Texts t;
    auto rows = s.merge_rows();
    for (const auto& e : rows.entries)
        t.entries[e.entry.uuid] = {e.entry.text, e.v.version};
    for (const auto& p : rows.priorities)
        t.priorities[p.priority.uuid] = {p.priority.title, p.v.version};
    return t;
}

// uuid -> the version each row of the result replaced (prev).
std::map<std::string, std::string> prevs_of(const Store& s) {
    std::map<std::string, std::string> out;
    auto rows = s.merge_rows();
    for (const auto& e : rows.entries)
        out[e.entry.uuid] = e.v.prev;
    for (const auto& p : rows.priorities)
        out[p.priority.uuid] = p.v.prev;
    return out;
}

// a.db holding one entry, #1 with `text`, and its copy b.db.
void one_entry_in_two_copies(const TempDir& dir, Clock& clock, const std::string& text) {
    {
        auto s = open_at(dir.file("a.db"), clock);
        s->write([&] {
            auto e = moment(text, clock.now);
            s->add(e);
        });
    }
    fs::copy_file(dir.file("a.db"), dir.file("b.db"));
}

MergeCounts merge_into(const std::string& into, const std::string& from, Clock& clock) {
    auto rows = Store::read_other(from);
    auto s = open_at(into, clock);
    MergeCounts n;
    s->write([&] { n = s->merge(rows, true); });
    return n;
}

}  // namespace

TEST_CASE("random edits on two copies merge the same both ways, once, losing no words",
          "[merge][property]") {
    const int kSeeds =
        std::getenv("GUILT_MERGE_SEEDS") ? std::atoi(std::getenv("GUILT_MERGE_SEEDS")) : 40;
    for (int seed = 1; seed <= kSeeds; ++seed) {
        INFO("seed " << seed);
        TempDir dir;
        Clock clock;
        std::mt19937 rng(static_cast<unsigned>(seed));
        int serial = 0;
        {
            auto base = open_at(dir.file("base.db"), clock);
            for (int i = 0; i < 8; ++i)
                random_change(*base, rng, serial, clock);
        }
        fs::copy_file(dir.file("base.db"), dir.file("a.db"));
        fs::copy_file(dir.file("base.db"), dir.file("b.db"));
        {
            auto a = open_at(dir.file("a.db"), clock);
            auto b = open_at(dir.file("b.db"), clock);
            for (int i = 0; i < 30; ++i)
                random_change(std::uniform_int_distribution<int>(0, 1)(rng) ? *a : *b, rng, serial,
                              clock);
        }
        Texts before_a, before_b;
        std::set<std::string> dead;
        for (const auto* name : {"a.db", "b.db"}) {
            auto s = Store::open(dir.file(name), Store::Access::read);
            (std::string(name) == "a.db" ? before_a : before_b) = texts_of(*s);
            for (const auto& t : s->merge_rows().tombstones)
                dead.insert(t.uuid);
        }
        fs::copy_file(dir.file("a.db"), dir.file("ab.db"));  // B merged into A
        fs::copy_file(dir.file("b.db"), dir.file("ba.db"));  // A merged into B
        merge_into(dir.file("ab.db"), dir.file("b.db"), clock);
        merge_into(dir.file("ba.db"), dir.file("a.db"), clock);
        auto ab = Store::open(dir.file("ab.db"), Store::Access::read);
        auto ba = Store::open(dir.file("ba.db"), Store::Access::read);
        auto dump_ab = dump(*ab), dump_ba = dump(*ba);
        if (dump_ab != dump_ba) {
            std::ofstream("/tmp/guilt-merge-ab.txt") << dump_ab;
            std::ofstream("/tmp/guilt-merge-ba.txt") << dump_ba;
        }
        REQUIRE(dump_ab == dump_ba);

        // Deletes carried over: nothing either copy deleted is in the result.
        auto after = texts_of(*ab);
        for (const auto& uuid : dead) {
            CHECK(after.entries.count(uuid) == 0);
            CHECK(after.priorities.count(uuid) == 0);
        }
        // No words lost: every text either copy held is in the result or among the conflicts,
        // unless deleted, or written over in the other copy by a change made to that very
        // version (the result's prev: she replaced those words herself).
        std::set<std::string> kept;
        for (const auto& [uuid, text] : after.entries)
            kept.insert(uuid + "\n" + text.first);
        for (const auto& [uuid, text] : after.priorities)
            kept.insert(uuid + "\n" + text.first);
        for (const auto& c : ab->conflicts())
            kept.insert(c.uuid + "\n" + c.text);
        auto prevs = prevs_of(*ab);
        for (const auto* side : {&before_a, &before_b})
            for (const auto* texts : {&side->entries, &side->priorities})
                for (const auto& [uuid, text] : *texts) {
                    if (dead.count(uuid) > 0 || kept.count(uuid + "\n" + text.first) > 0) continue;
                    INFO("uuid " << uuid << ": " << text.first);
                    CHECK(prevs[uuid] == text.second);
                }
        // Active priorities ranked 1..n.
        auto active = ab->priorities(false);
        for (std::size_t i = 0; i < active.size(); ++i)
            CHECK(active[i].rank == static_cast<int>(i) + 1);
        ab.reset();
        ba.reset();

        // Idempotent: merging the same copy again finds nothing new and writes nothing.
        auto rows = Store::read_other(dir.file("b.db"));
        auto again = open_at(dir.file("ab.db"), clock);
        CHECK(again->merge(rows, false).nothing());
        auto before = dump(*again);
        again->write([&] { CHECK(again->merge(rows, true).nothing()); });
        CHECK(dump(*again) == before);
    }
}

TEST_CASE("a copy gets its own device id, so two copies never write the same version", "[merge]") {
    TempDir dir;
    Clock clock;
    one_entry_in_two_copies(dir, clock, "first");
    std::string va, vb;
    for (const auto* name : {"a.db", "b.db"}) {
        auto s = open_at(dir.file(name), clock);
        s->write([&] {
            auto e = moment("same second, same counter", clock.now);
            s->add(e);
        });
        auto rows = s->merge_rows();
        (std::string(name) == "a.db" ? va : vb) = rows.entries.back().v.version;
    }
    CHECK(va.substr(0, 20) == vb.substr(0, 20));  // the same clock reading...
    CHECK(va != vb);                              // ...on two devices
}

TEST_CASE("a delete wins over an edit in the other copy, and its words are gone with it",
          "[merge]") {
    TempDir dir;
    Clock clock;
    one_entry_in_two_copies(dir, clock, "to be deleted");
    clock.now += 10;
    {
        auto a = open_at(dir.file("a.db"), clock);
        a->write([&] { a->remove(1); });
    }
    clock.now += 10;
    {
        auto b = open_at(dir.file("b.db"), clock);
        b->write([&] {
            auto e = *b->find(1);
            e.text = "edited after the delete";
            b->update(e);
        });
    }
    auto n = merge_into(dir.file("b.db"), dir.file("a.db"), clock);
    CHECK(n.deleted == 1);
    auto b = Store::open(dir.file("b.db"), Store::Access::read);
    CHECK(b->count_entries() == 0);
    CHECK(b->conflicts().empty());
    auto m = merge_into(dir.file("a.db"), dir.file("b.db"), clock);
    CHECK(m.added == 0);
}

TEST_CASE("the words that lose a merge are listed, and go when their entry is purged", "[merge]") {
    TempDir dir;
    Clock clock;
    one_entry_in_two_copies(dir, clock, "the first words");
    for (const auto* name : {"b.db", "a.db"}) {  // a's edit is the newer one
        clock.now += 5;
        auto s = open_at(dir.file(name), clock);
        s->write([&] {
            auto e = *s->find(1);
            e.text = fmt::format("edited in {}", name);
            s->update(e);
        });
    }
    auto n = merge_into(dir.file("b.db"), dir.file("a.db"), clock);
    CHECK(n.changed == 1);
    CHECK(n.conflicts == 1);
    auto b = open_at(dir.file("b.db"), clock);
    CHECK(b->find(1)->text == "edited in a.db");
    auto kept = b->conflicts();
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].text == "edited in b.db");
    CHECK(kept[0].entry_id == 1);
    b->write([&] { b->purge(1); });
    CHECK(b->conflicts().empty());
    CHECK(b->merge_rows().tombstones.size() == 1);
}
