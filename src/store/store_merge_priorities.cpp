// SPDX-License-Identifier: MIT
// guilt merge, the priorities: each priority's title, season and done by its row's version (the
// losing title kept), then the order of the list as one value with its own version: the order of
// the copy that changed its order last, priorities it does not rank placed after, by their own
// rank. Both are decided from the two copies alike, so A into B and B into A rank the same.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "guilt/core/time.hpp"
#include "store_merge.hpp"

namespace guilt::merge_detail {

namespace {

// A priority's contents but its rank (the list's order carries that).
std::string priority_key(const Priority& p) {
    return fmt::format("{}\x1f{}\x1f{}", p.title, p.until ? format_date(*p.until) : "",
                       p.done ? 1 : 0);
}

// The active priorities of one copy, by rank.
std::vector<std::string> active_order(const std::vector<MergePriority>& rows) {
    std::vector<const MergePriority*> active;
    for (const auto& p : rows)
        if (!p.priority.done) active.push_back(&p);
    std::sort(active.begin(), active.end(), [](const auto* a, const auto* b) {
        return std::tie(a->priority.rank, a->priority.uuid) <
               std::tie(b->priority.rank, b->priority.uuid);
    });
    std::vector<std::string> out;
    for (const auto* p : active)
        out.push_back(p->priority.uuid);
    return out;
}

}  // namespace

void Merger::put_priority(const MergePriority& in) {
    const auto& p = in.priority;
    auto& q = impl.stmt(R"sql(
        INSERT INTO priorities (uuid, rank, title, until, done, version, prev)
        VALUES (:uuid, :rank, :title, :until, :done, :version, :prev)
        ON CONFLICT (uuid) DO UPDATE SET rank = excluded.rank, title = excluded.title,
            until = excluded.until, done = excluded.done, version = excluded.version,
            prev = excluded.prev)sql");
    store_detail::bind_priority(q, p);
    q.bind(":version", in.v.version);
    q.bind(":prev", in.v.prev);
    q.exec();
}

void Merger::priorities() {
    std::unordered_map<std::string, const MergePriority*> here;
    std::map<std::string, MergePriority> merged;  // the winning row of each live priority
    for (const auto& p : mine.priorities) {
        here.emplace(p.priority.uuid, &p);
        if (!is_dead("priorities", p.priority.uuid)) merged[p.priority.uuid] = p;
    }
    for (const auto& in : other.priorities) {
        const auto& p = in.priority;
        if (is_dead("priorities", p.uuid)) continue;
        auto it = here.find(p.uuid);
        if (it != here.end()) {
            const auto& local = *it->second;
            auto local_key = priority_key(local.priority), in_key = priority_key(p);
            if (local_key == in_key) {
                newer_version("priorities", p.uuid, local.v, in.v);
                continue;
            }
            bool in_wins = std::tie(in.v.version, in_key) > std::tie(local.v.version, local_key);
            const auto& win = in_wins ? in : local;
            const auto& lose = in_wins ? local : in;
            keep_loser("priorities", p.uuid, "title", lose.priority.title, lose.v, win.v,
                       win.priority.title, 0);
            if (!in_wins) continue;
        }
        merged[p.uuid] = in;
        ++n.priorities;
        if (apply) put_priority(in);
    }
    priorities_order(merged);
}

void Merger::priorities_order(const std::map<std::string, MergePriority>& merged) {
    auto mine_order = active_order(mine.priorities), their_order = active_order(other.priorities);
    auto joined = [](const std::vector<std::string>& v) {
        return fmt::format("{}", fmt::join(v, ","));
    };
    bool theirs = std::pair(other.priority_order, joined(their_order)) >
                  std::pair(mine.priority_order, joined(mine_order));
    std::vector<std::string> order;
    std::set<std::string> placed;
    for (const auto& uuid : theirs ? their_order : mine_order) {
        auto it = merged.find(uuid);
        if (it == merged.end() || it->second.priority.done) continue;
        order.push_back(uuid);
        placed.insert(uuid);
    }
    std::vector<std::pair<int, std::string>> rest;  // not ranked by that copy: after, by rank
    for (const auto& [uuid, p] : merged)
        if (!p.priority.done && placed.count(uuid) == 0) rest.emplace_back(p.priority.rank, uuid);
    std::sort(rest.begin(), rest.end());
    for (const auto& [rank, uuid] : rest)
        order.push_back(uuid);

    if (theirs && other.priority_order > mine.priority_order) {
        ++n.bookkeeping;
        if (apply) impl.put_list_version("priorities", other.priority_order);
    }
    // What she sees of the order: the active priorities here, ranked 1..n as `order` says.
    std::map<std::string, int> ranks_here;
    for (const auto& p : mine.priorities)
        if (!p.priority.done && !is_dead("priorities", p.priority.uuid))
            ranks_here[p.priority.uuid] = p.priority.rank;
    bool same = ranks_here.size() == order.size();
    for (std::size_t i = 0; same && i < order.size(); ++i) {
        auto it = ranks_here.find(order[i]);
        same = it != ranks_here.end() && it->second == static_cast<int>(i) + 1;
    }
    if (same && n.priorities == 0) return;
    if (!same && n.priorities == 0) ++n.priorities;  // only the order changed
    if (!apply) return;
    for (std::size_t i = 0; i < order.size(); ++i) {
        auto& q = impl.stmt("UPDATE priorities SET rank = ? WHERE uuid = ? AND rank IS NOT ?");
        q.bind(1, static_cast<int>(i) + 1);
        q.bind(2, order[i]);
        q.bind(3, static_cast<int>(i) + 1);
        q.exec();
    }
}

}  // namespace guilt::merge_detail
