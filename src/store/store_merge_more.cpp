// SPDX-License-Identifier: MIT
// guilt merge, beside the rows with versions: the kids registry (a kid is every spelling that
// leads to her in either copy; her name, the newest rename's; a name either copy says is no kid
// stays none), the priorities' history and the record of prompts shown (unions), and follow-ups
// (her latest answer about each reflection). Each is decided from both copies alike.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "guilt/core/text.hpp"
#include "guilt/core/time.hpp"
#include "store_merge.hpp"

namespace guilt {
using namespace store_detail;

void Store::Impl::put_kid_version(std::int64_t id, const std::string& version) {
    auto& q = stmt(
        "INSERT INTO kid_versions (kid_id, version) VALUES (?, ?) ON CONFLICT (kid_id) DO UPDATE "
        "SET version = excluded.version");
    q.bind(1, id);
    q.bind(2, version);
    q.exec();
}

namespace merge_detail {

namespace {

std::vector<std::string> spellings_of(const std::string& name, std::vector<std::string> folded) {
    folded.push_back(fold_name(name));
    return folded;
}

// Union-find over spellings.
struct Components {
    std::map<std::string, std::string> parent;
    std::string find(const std::string& s) {
        auto it = parent.find(s);
        if (it == parent.end() || it->second == s) return s;
        return it->second = find(it->second);
    }
    void join(const std::string& a, const std::string& b) {
        parent.try_emplace(a, a);
        parent.try_emplace(b, b);
        auto ra = find(a), rb = find(b);
        if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);  // the least spelling leads
    }
};

}  // namespace

namespace {

// The kids' spellings of both copies, joined into one kid per component.
Components kid_components(const MergeRows& a, const MergeRows& b) {
    Components c;
    for (const auto* rows : {&a, &b})
        for (const auto& k : rows->kids) {
            auto all = spellings_of(k.name, k.spellings);
            for (const auto& s : all)
                c.join(all.front(), s);
        }
    return c;
}

// The names that are no kid after the merge: every spelling either copy says is none, and every
// spelling of a kid (in either copy) one of whose spellings is; each kept under the least name
// that says so.
std::map<std::string, std::string> no_kids(const MergeRows& a, const MergeRows& b) {
    auto c = kid_components(a, b);
    std::map<std::string, std::string> none, by_kid;  // spelling -> name; kid component -> name
    auto keep = [](std::map<std::string, std::string>& m, const std::string& k,
                   const std::string& name) {
        auto [it, fresh] = m.emplace(k, name);
        if (!fresh && name < it->second) it->second = name;
    };
    for (const auto* rows : {&a, &b})
        for (const auto& n : rows->not_kids)
            for (const auto& s : spellings_of(n.name, n.spellings)) {
                keep(none, s, n.name);
                if (c.parent.count(s)) keep(by_kid, c.find(s), n.name);
            }
    for (const auto& [s, parent] : c.parent)
        if (auto it = by_kid.find(c.find(s)); it != by_kid.end()) keep(none, s, it->second);
    return none;
}

}  // namespace

std::map<std::string, std::string> kid_keys(const MergeRows& a, const MergeRows& b) {
    auto c = kid_components(a, b);
    std::map<std::string, std::string> keys;
    for (const auto& [s, parent] : c.parent)
        keys[s] = c.find(s);
    for (const auto& [s, name] : no_kids(a, b))
        keys[s] = "";
    return keys;
}

void Merger::kids() {
    // Names that are no kid in either copy are none here (her words stay; the links go).
    std::map<std::string, std::string> none_here;  // folded spelling -> the name it is kept under
    for (const auto& none : mine.not_kids)
        for (const auto& s : spellings_of(none.name, none.spellings))
            none_here[s] = none.name;
    for (const auto& [s, name] : no_kids(mine, other)) {
        auto it = none_here.find(s);
        if (it != none_here.end() && it->second == name) continue;
        ++(it == none_here.end() ? n.kids : n.bookkeeping);
        if (!apply) continue;
        if (impl.find_kid(s)) store.mark_not_kid(s);
        auto& q = impl.stmt(
            "INSERT INTO not_kids (folded, name) VALUES (?, ?) ON CONFLICT (folded) DO UPDATE SET "
            "name = excluded.name");
        q.bind(1, s);
        q.bind(2, name);
        q.exec();
    }
    // A kid is a component of spellings over both registries; her name the newest rename's of
    // any kid in it (then the greatest name), the same whichever copy merges into which.
    auto c = kid_components(mine, other);
    std::map<std::string, std::pair<std::string, std::string>> best;  // root -> (version, name)
    std::map<std::string, std::set<std::string>> spellings;           // root -> spellings
    std::set<std::string> theirs;
    std::map<std::string, const MergeKid*> here;
    for (const auto* rows : {&mine, &other})
        for (const auto& k : rows->kids) {
            auto all = spellings_of(k.name, k.spellings);
            auto root = c.find(all.front());
            auto [it, fresh] = best.emplace(root, std::pair(k.version, k.name));
            if (!fresh) it->second = std::max(it->second, std::pair(k.version, k.name));
            spellings[root].insert(all.begin(), all.end());
            if (rows == &other) theirs.insert(root);
            if (rows == &mine)
                for (const auto& s : all)
                    here[s] = &k;
        }
    for (const auto& root : theirs) {
        const auto& all = spellings[root];
        if (std::any_of(all.begin(), all.end(), [&](const auto& s) { return kid_keys[s].empty(); }))
            continue;  // no kid, in one copy or the other
        std::set<const MergeKid*> locals;
        for (const auto& s : all)
            if (auto it = here.find(s); it != here.end()) locals.insert(it->second);
        const auto& name = best[root];
        bool seen =
            locals.size() == 1 && (*locals.begin())->name == name.second &&
            std::all_of(all.begin(), all.end(), [&](const auto& s) { return here.count(s); });
        if (seen && (*locals.begin())->version == name.first) continue;
        ++(seen ? n.bookkeeping : n.kids);
        if (apply) put_kid({all.begin(), all.end()}, name);
    }
}

// The kid that `spellings` name here (one, made one, or new), named `best` (version, name).
void Merger::put_kid(const std::vector<std::string>& spellings,
                     const std::pair<std::string, std::string>& best) {
    std::set<std::int64_t> ids;
    for (const auto& s : spellings)
        if (auto id = impl.find_kid(s)) ids.insert(*id);
    std::int64_t target = ids.empty() ? impl.kid_id(best.second) : *ids.begin();
    if (auto named = impl.find_kid(best.second); named && ids.count(*named)) target = *named;
    auto name_of = [&](std::int64_t id) {
        auto& q = impl.stmt("SELECT name FROM kids WHERE id = ?");
        ResetOnExit reset{q};
        q.bind(1, id);
        return q.executeStep() ? q.getColumn(0).getString() : std::string();
    };
    for (auto id : ids)
        if (id != target) store.merge_kids(name_of(id), name_of(target));
    for (const auto& s : spellings) {
        auto& q = impl.stmt("INSERT OR IGNORE INTO kid_names (folded, kid_id) VALUES (?, ?)");
        q.bind(1, s);
        q.bind(2, target);
        q.exec();
    }
    if (name_of(target) != best.second) {
        auto& q = impl.stmt("UPDATE kids SET name = ? WHERE id = ?");
        q.bind(1, best.second);
        q.bind(2, target);
        q.exec();
    }
    impl.put_kid_version(target, best.first);
}

void Merger::priority_history() {
    // A state of a priority is one row whichever copy closed it: a closed one closes the same
    // state still open here, and an open one adds nothing to the same state closed here.
    auto bind_state = [](SQLite::Statement& q, int at, const PriorityVersion& v) {
        const auto& p = v.priority;
        q.bind(at, p.uuid);
        if (p.done)
            q.bind(at + 1);
        else
            q.bind(at + 1, p.rank);
        q.bind(at + 2, p.title);
        if (p.until)
            q.bind(at + 3, format_date(*p.until));
        else
            q.bind(at + 3);
        q.bind(at + 4, p.done ? 1 : 0);
        if (v.from_utc)
            q.bind(at + 5, *v.from_utc);
        else
            q.bind(at + 5);
    };
    constexpr const char* kState =
        "uuid = ? AND rank IS ? AND title = ? AND until IS ? AND done = ? AND valid_from IS ?";
    for (const auto& v : other.priority_history) {
        if (store.has_priority_version(v)) continue;
        auto& q = impl.stmt(fmt::format(
            "SELECT max(valid_to IS NULL) FROM priority_history WHERE {} HAVING count(*) > 0",
            kState));
        bool same_state = false, open_here = false;
        {
            ResetOnExit reset{q};
            bind_state(q, 1, v);
            same_state = q.executeStep();
            open_here = same_state && q.getColumn(0).getInt() == 1;
        }
        if (same_state && (!v.to_utc || !open_here)) continue;
        ++n.history;
        if (!apply) continue;
        if (!same_state) {
            store.add_priority_version(v);
            continue;
        }
        auto& close = impl.stmt(fmt::format(
            "UPDATE priority_history SET valid_to = ? WHERE {} AND valid_to IS NULL", kState));
        close.bind(1, *v.to_utc);
        bind_state(close, 2, v);
        close.exec();
    }
}

void Merger::history() {
    priority_history();
    std::set<std::pair<Date, std::string>> shown(mine.showings.begin(), mine.showings.end());
    for (const auto& s : other.showings) {
        if (!shown.insert(s).second) continue;
        ++n.history;
        if (apply) store.add_showing(s.first, s.second);
    }
    // Her answer about a reflection: the later one (then the greater, for two at one instant).
    auto key = [](const FollowUp& f) {
        return std::pair(f.at.utc, f.answer ? static_cast<int>(*f.answer) : -1);
    };
    std::map<std::string, const FollowUp*> answered;
    for (const auto& f : mine.followups)
        answered[f.reflection_uuid] = &f;
    for (auto f : other.followups) {
        if (is_dead("entries", f.reflection_uuid)) continue;
        auto it = answered.find(f.reflection_uuid);
        if (it != answered.end() && key(*it->second) >= key(f)) continue;
        ++n.history;
        if (!apply) continue;
        auto id = store.entry_id(f.reflection_uuid);
        if (!id) continue;  // its reflection is in neither copy: nothing to answer
        f.reflection_id = *id;
        store.set_followup(f);
    }
}

}  // namespace merge_detail
}  // namespace guilt
