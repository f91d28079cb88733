// SPDX-License-Identifier: MIT
// The pure side of `guilt import`: a guilt or jrnl JSON export read back into checked values,
// and the stable UUIDs of jrnl entries and watch activities. Text in, values out; no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "guilt/cli/journal_export.hpp"
#include "guilt/core/types.hpp"
#include "guilt/store/merge.hpp"

namespace guilt {

// What an import file holds, every value checked.
struct ImportData {
    enum class Source { guilt, jrnl };
    Source source = Source::guilt;
    std::vector<Entry> entries;  // in file order; uuids set (read_import only)
    JournalRest rest;            // a jrnl export has none of it; followups: reflection_id not yet
};

// The deepest nesting an import may have; a guilt export nests 4 levels.
inline constexpr int kMaxImportDepth = 64;

// "guilt" or "jrnl".
std::string_view to_string(ImportData::Source source);

// Parses the text of an import file. Throws UsageError "not valid JSON at line L, column C: ..."
// for anything that is not one JSON document.
nlohmann::json parse_import_json(std::string_view text);

// Reads a guilt JSON export ("format": "guilt", version 1) or a jrnl JSON export (`jrnl
// --export json`: "entries" with title, body, date, time, tags, starred), told apart by their
// shape; jrnl times are read in the process's local zone. Throws UsageError "JSON-PATH: what is
// wrong, got VALUE" (e.g. "/entries/12/intensity: must be 1-10, got 14") for the first problem.
// With `now`, a time or a day after it (an entry's "at", a reflection's "date", a motto's or a
// follow-up's time, a showing's day) is refused, as the command line refuses a WHEN in the
// future; without it, times are not compared with the clock.
ImportData read_import(const nlohmann::json& doc, std::optional<Timestamp> now = std::nullopt);

// read_import as a stream, with nlohmann's SAX interface, so memory stays bounded whatever the
// size of `in`: each entry is checked and handed to `on_entry` as soon as it is read (a jrnl
// entry met twice only once); `on_progress` gets the bytes read so far, now and then. Returns the
// rest. Throws UsageError as read_import does, "not valid JSON at line L, column C: ..." for a
// file that is not JSON and "nested deeper than 64 levels" past kMaxImportDepth; entries handed
// over before the error are then to be dropped (the import runs in one transaction).
// With `on_entry_version`, the members of "versions"/"entries" that come after the entries (as
// guilt writes them) are checked and handed over one at a time too, not kept in the rest (200k
// of them were a hundred megabytes as a JSON tree).
ImportData read_import_stream(
    std::istream& in, const std::function<void(Entry&)>& on_entry,
    const std::function<void(std::size_t)>& on_progress = {},
    std::optional<Timestamp> now = std::nullopt,
    const std::function<void(const std::string&, const RowVersion&)>& on_entry_version = {});

// guilt merge BACKUP.json (journal_merge.cpp): a guilt export as the rows of another copy, with
// the versions, tombstones and conflicts it carries (absent: the first version, none). Throws
// UsageError as read_import does, and for a jrnl export.
MergeRows merge_rows_from_json(const nlohmann::json& doc);

// The "tombstones" and "conflicts" of a guilt export's root (empty when absent), checked.
std::vector<Tombstone> tombstones_from_json(const nlohmann::json& root);
std::vector<Conflict> conflicts_from_json(const nlohmann::json& root);
// All that a guilt export carries for guilt merge, into `rest`: versions, tombstones, conflicts.
void read_merge_meta(const nlohmann::json& root, JournalRest& rest);
// One member of "versions"/KIND at `path`: [version, previous version], checked.
RowVersion row_version_from_json(const nlohmann::json& v, const std::string& path);

// One entry of a guilt export at JSON path `path`, checked like the capture commands check what
// she types. Throws UsageError naming the JSON path of the bad field.
Entry entry_from_json(const nlohmann::json& j, const std::string& path);

// One entry of a jrnl export at `path` as a guilt moment without intensity: text = title, plus a
// newline and the body when there is one; tags = jrnl's tags without their symbol (@ or #),
// lower-cased, and the #tags of the text; kids = the @Names of the text that are not jrnl tags;
// a starred entry gets the tag "starred"; at = date and time in the local zone; uuid =
// jrnl_uuid(). Throws UsageError naming the JSON path of the bad field.
Entry entry_from_jrnl(const nlohmann::json& j, const std::string& path);

// A UUID that depends only on `data`: two 64-bit FNV-1a hashes of its bytes (offset bases
// 0xcbf29ce484222325 and 0x6c62272e07bb0142, prime 0x100000001b3) as the high and low halves,
// with the version nibble set to 8 (RFC 9562, custom) and the RFC 4122 variant. Never changes
// between builds: it keeps re-imports of the same jrnl file from adding anything.
std::string stable_uuid(std::string_view data);

// The uuid of a jrnl entry: stable_uuid of "DATE TIME\nTEXT" (date and time as in the file).
std::string jrnl_uuid(std::string_view date, std::string_view time, std::string_view text);

}  // namespace guilt
