// SPDX-License-Identifier: MIT
// Unit tests of the run_ functions of guilt kids, priority and config (command_runs.hpp), run on
// a journal in a temporary folder without CLI11: what each writes, and that a refusal writes
// nothing.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <sstream>

#include "builders.hpp"
#include "guilt/cli/command_runs.hpp"

namespace fs = std::filesystem;
using guilt::Context;

namespace {

// A Context on a new journal file, removed afterwards; what the commands print is kept.
struct Journal {
    fs::path dir;
    Context ctx;
    std::ostringstream out, err;
    std::streambuf* old_out;
    std::streambuf* old_err;

    Journal() {
        static int n = 0;
        dir = fs::temp_directory_path() /
              ("guilt-runs-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
        fs::create_directories(dir);
        ctx.db_option = (dir / "journal.db").string();
        old_out = std::cout.rdbuf(out.rdbuf());
        old_err = std::cerr.rdbuf(err.rdbuf());
    }
    ~Journal() {
        std::cout.rdbuf(old_out);
        std::cerr.rdbuf(old_err);
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    void add(guilt::Entry e) {
        auto& store = ctx.store(guilt::Store::Access::write);
        store.write([&] { store.add(e); });
    }
    std::vector<std::string> kids() {
        std::vector<std::string> names;
        for (const auto& k : ctx.store().kids())
            names.push_back(k.name + ":" + std::to_string(k.entries));
        return names;
    }
};

guilt::PriorityOptions priority(std::string title, std::optional<std::string> rank = {},
                                std::string id = {}, std::string to_rank = {}) {
    guilt::PriorityOptions o;
    o.title = {std::move(title)};
    o.rank = std::move(rank);
    o.id = std::move(id);
    o.to_rank = std::move(to_rank);
    return o;
}

guilt::Timestamp nov(int day) {
    return test::local_at(guilt::Date{2026, 11, day}, 18, 0, 0);
}

}  // namespace

TEST_CASE("kids rename renames the kid in every entry, and refuses a name taken", "[runs]") {
    Journal j;
    j.add(test::guilt_moment(nov(2), 5, "late pickup", {}, {"zoe"}));
    j.add(test::guilt_moment(nov(3), 4, "shouted", {}, {"zoe", "Sam"}));
    guilt::run_kids_rename({"zoe", "Zoë"}, j.ctx);
    CHECK(j.kids() == std::vector<std::string>{"Zoë:2", "Sam:1"});
    CHECK(j.err.str() == "Renamed zoe to Zoë (2 entries)\n");

    CHECK(test::error_of([&] {
              guilt::run_kids_rename({"Zoë", "sam"}, j.ctx);
          }) == "NEW \"sam\" is already a kid; to make them one: guilt kids merge 'Zoë' 'Sam'");
    CHECK(test::error_of([&] {
              guilt::run_kids_rename({"Theo", "Ted"}, j.ctx);
          }) == "OLD \"Theo\" is not a kid named in the journal (see guilt kids)");
    CHECK(j.kids() == std::vector<std::string>{"Zoë:2", "Sam:1"});
}

TEST_CASE("kids merge moves one kid's entries to the other; one kid cannot merge", "[runs]") {
    Journal j;
    j.add(test::guilt_moment(nov(2), 5, "late pickup", {}, {"Zoe"}));
    j.add(test::guilt_moment(nov(3), 4, "shouted", {}, {"Zoë"}));
    CHECK(test::error_of([&] {
              guilt::run_kids_merge({"Zoe", "ZOE"}, j.ctx);
          }) == "FROM \"Zoe\" and INTO \"ZOE\" already name one kid, Zoe");
    guilt::run_kids_merge({"Zoe", "Zoë"}, j.ctx);
    CHECK(j.kids() == std::vector<std::string>{"Zoë:2"});
}

TEST_CASE("not-a-kid unlinks a name and is-a-kid links it again", "[runs]") {
    Journal j;
    j.add(test::guilt_moment(nov(2), 5, "argued with @Daniel", {}, {"Daniel"}));
    guilt::run_kids_not_a_kid({"Daniel", ""}, j.ctx);
    CHECK(j.kids().empty());
    CHECK(test::error_of([&] {
              guilt::run_kids_not_a_kid({"daniel", ""}, j.ctx);
          }) == "NAME \"daniel\" is already marked as not a kid");
    guilt::run_kids_is_a_kid({"Daniel", ""}, j.ctx);
    CHECK(j.kids() == std::vector<std::string>{"Daniel:1"});
}

TEST_CASE("priority add, move and rename change the list; the same value writes nothing",
          "[runs]") {
    Journal j;
    guilt::run_priority_add(priority("Kids"), j.ctx);
    guilt::run_priority_add(priority("Sleep", "1"), j.ctx);
    auto list = j.ctx.store().priorities();
    REQUIRE(list.size() == 2);
    CHECK(list[0].title == "Sleep");
    CHECK(list[1].title == "Kids");

    const auto move = priority("", {}, std::to_string(list[1].id), "1");
    guilt::run_priority_move(move, j.ctx);
    CHECK(j.ctx.store().priorities()[0].title == "Kids");

    j.err.str("");
    guilt::run_priority_move(move, j.ctx);
    CHECK(j.err.str() ==
          fmt::format("Nothing to change: priority {} \"Kids\" is ranked 1 already\n", move.id));
    CHECK(test::error_of([&] {
              guilt::run_priority_add(priority("Run", "4"), j.ctx);
          }).starts_with("--rank"));
    CHECK(j.ctx.store().priorities().size() == 2);
}

TEST_CASE("config set stores a checked value once; config get reads it back", "[runs]") {
    Journal j;
    CHECK(test::error_of([&] {
              guilt::run_config_set({"unit", "furlongs"}, j.ctx);
          }).starts_with("unit"));
    guilt::run_config_set({"unit", "mi"}, j.ctx);
    guilt::run_config_set({"unit", "mi"}, j.ctx);
    CHECK(j.err.str() == "unit is now mi\nunit is mi already: nothing to change\n");
    guilt::run_config_get({"unit", ""}, j.ctx);
    CHECK(j.out.str() == "mi\n");
}
