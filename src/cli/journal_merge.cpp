// SPDX-License-Identifier: MIT
// What a guilt export carries for guilt merge (since schema 9; all optional): "versions" (each
// exported entry's and priority's version and the one it replaced, each setting's, the order of
// the priorities'), "tombstones" (uuids of deleted rows) and "conflicts" (words a merge kept).
// guilt import restores them; guilt merge BACKUP.json reads the export as another copy's rows. In
// an older export every row has the first version (kFirstVersion): it wins only where this
// journal holds nothing newer, and what loses is kept.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "guilt/cli/journal_import.hpp"
#include "guilt/core/error.hpp"
#include "guilt/store/merge.hpp"
#include "json_values.hpp"

namespace guilt {

using json = nlohmann::json;
using namespace json_values;

namespace {

// The list `key` of the document; empty when absent.
const json& list_at(const json& doc, std::string_view key) {
    static const json kEmpty = json::array();
    const json* v = member(doc, key);
    if (!v) return kEmpty;
    if (!v->is_array()) bad(child("", key), fmt::format("must be a list, got {}", shown(*v)));
    return *v;
}

// A version as text: only its shape is checked (versions compare as text).
std::string checked_version(const json& v, const std::string& path) {
    if (!v.is_string()) bad(path, fmt::format("must be a version (text), got {}", shown(v)));
    auto s = v.get<std::string>();
    check_text(s, path + ":");
    return s;
}

// "versions"/KIND: uuid -> [version, prev].
std::vector<std::pair<std::string, RowVersion>> row_versions(const json& versions,
                                                             std::string_view kind) {
    std::vector<std::pair<std::string, RowVersion>> out;
    const json* of_kind = member(versions, kind);
    if (!of_kind) return out;
    auto path = child("/versions", kind);
    need_object(*of_kind, path);
    for (const auto& [uuid, v] : of_kind->items())
        out.emplace_back(uuid, row_version_from_json(v, child(path, uuid)));
    return out;
}

}  // namespace

RowVersion row_version_from_json(const json& v, const std::string& path) {
    if (!v.is_array() || v.size() != 2)
        bad(path, fmt::format("must be [version, previous version], got {}", shown(v)));
    return {checked_version(v[0], path + "/0"), checked_version(v[1], path + "/1")};
}

std::vector<Tombstone> tombstones_from_json(const json& doc) {
    std::vector<Tombstone> out;
    const auto& list = list_at(doc, "tombstones");
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto path = fmt::format("/tombstones/{}", i);
        need_object(list[i], path);
        out.push_back({need_text(list[i], "table", path), checked_uuid(list[i], path),
                       need_text(list[i], "version", path)});
    }
    return out;
}

std::vector<Conflict> conflicts_from_json(const json& doc) {
    std::vector<Conflict> out;
    const auto& list = list_at(doc, "conflicts");
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto path = fmt::format("/conflicts/{}", i);
        need_object(list[i], path);
        const auto& c = list[i];
        out.push_back({need_text(c, "table", path), checked_uuid(c, path),
                       need_text(c, "field", path), need_text(c, "version", path),
                       need_text(c, "text", path), 0, ""});
    }
    return out;
}

void read_merge_meta(const json& root, JournalRest& rest) {
    if (const json* versions = member(root, "versions")) {
        need_object(*versions, "/versions");
        rest.entry_versions = row_versions(*versions, "entries");
        rest.priority_versions = row_versions(*versions, "priorities");
        if (const json* settings = member(*versions, "settings")) {
            need_object(*settings, "/versions/settings");
            for (const auto& [key, v] : settings->items())
                rest.setting_versions.emplace_back(
                    key, checked_version(v, child("/versions/settings", key)));
        }
        if (const json* order = member(*versions, "priority_order"))
            rest.priority_order = checked_version(*order, "/versions/priority_order");
        if (const json* kids = member(*versions, "kids")) {
            need_object(*kids, "/versions/kids");
            for (const auto& [name, v] : kids->items())
                rest.kid_versions.emplace_back(name,
                                               checked_version(v, child("/versions/kids", name)));
        }
    }
    rest.tombstones = tombstones_from_json(root);
    rest.conflicts = conflicts_from_json(root);
}

MergeRows merge_rows_from_json(const json& doc) {
    auto data = read_import(doc);
    if (data.source != ImportData::Source::guilt)
        throw UsageError("is a jrnl export, not a guilt journal or export (guilt import reads it)");
    auto& rest = data.rest;
    auto versions = [](const std::vector<std::pair<std::string, RowVersion>>& list) {
        return std::unordered_map<std::string, RowVersion>(list.begin(), list.end());
    };
    auto version_of = [](const std::unordered_map<std::string, RowVersion>& known,
                         const std::string& uuid) {
        auto it = known.find(uuid);
        return it == known.end() ? RowVersion{kFirstVersion, ""} : it->second;
    };
    MergeRows rows;
    auto entry_versions = versions(rest.entry_versions);
    for (auto& e : data.entries) {
        auto v = version_of(entry_versions, e.uuid);
        rows.entries.push_back({std::move(e), std::move(v)});
    }
    auto priority_versions = versions(rest.priority_versions);
    for (auto& p : rest.priorities)
        rows.priorities.push_back({p, version_of(priority_versions, p.uuid)});
    rows.priority_order = rest.priority_order.empty() ? kFirstVersion : rest.priority_order;
    rows.mottos = rest.mottos;
    std::unordered_map<std::string, std::string> setting_versions(rest.setting_versions.begin(),
                                                                  rest.setting_versions.end());
    for (const auto& [key, value] : rest.settings) {
        auto it = setting_versions.find(key);
        rows.settings.push_back(
            {key, value, it == setting_versions.end() ? kFirstVersion : it->second});
    }
    rows.tombstones = std::move(rest.tombstones);
    rows.conflicts = std::move(rest.conflicts);
    rows.priority_history = std::move(rest.priority_history);
    rows.followups = std::move(rest.followups);
    rows.showings = std::move(rest.showings);
    std::unordered_map<std::string, std::string> kid_versions(rest.kid_versions.begin(),
                                                              rest.kid_versions.end());
    for (auto& k : rest.kids) {
        auto it = kid_versions.find(k.name);
        rows.kids.push_back({k.name, std::move(k.spellings),
                             it == kid_versions.end() ? kFirstVersion : it->second});
    }
    for (auto& k : rest.not_kids)
        rows.not_kids.push_back({std::move(k.name), std::move(k.spellings), ""});
    return rows;
}

}  // namespace guilt
