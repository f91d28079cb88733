// SPDX-License-Identifier: MIT
// The pure side of `guilt export`: the JSON, CSV and Markdown writers' pieces. Values in, text
// out; no I/O. (Reading an export back: journal_import.hpp.)
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "guilt/core/followup.hpp"
#include "guilt/core/types.hpp"
#include "guilt/store/store.hpp"

namespace guilt {

// ---- export: JSON ------------------------------------------------------------------------------
// The export is written in pieces so a large journal streams: open, one piece per entry (oldest
// first), close. Together they make exactly the document nlohmann's dump(2) gives for the whole.

// `{"format": "guilt", "version": 1, "exported_at": ..., "entries": [` (no newline after '[').
std::string json_export_open(Timestamp exported_at);

// One entry of the "entries" array (without its id); `first` for the first one written.
std::string json_export_entry(const Entry& e, bool first);

// Everything of the journal besides its entries, as the export carries it after them.
struct JournalRest {
    std::vector<Priority> priorities;               // active by rank, then the done ones
    std::vector<PriorityVersion> priority_history;  // oldest first; ids not carried
    std::vector<Motto> mottos;                      // oldest first
    std::vector<FollowUp> followups;  // of the exported reflections; reflection_uuid set
    std::vector<std::pair<std::string, std::string>> settings;  // key, value; by key
    std::vector<std::pair<Date, std::string>> showings;         // day, strategy; by day
    std::vector<KidNames> kids;      // the kids registry: every kid, with its spellings
    std::vector<KidNames> not_kids;  // names she said are not kids, with their spellings
    // For guilt merge BACKUP.json (absent from older exports): each row's version, the order's,
    // the deletes (uuids only) and the words merges kept.
    std::vector<std::pair<std::string, RowVersion>> entry_versions, priority_versions;
    std::vector<std::pair<std::string, std::string>> setting_versions;  // key, version
    std::vector<std::pair<std::string, std::string>> kid_versions;      // kid's name, version
    std::string priority_order;
    std::vector<Tombstone> tombstones;
    std::vector<Conflict> conflicts;
};

// The exported entries' versions for json_export_close, handed to the function it is given one
// at a time, in the order of the uuids: (uuid, version).
using EntryVersions =
    std::function<void(const std::function<void(const std::string&, const RowVersion&)>&)>;

// The end of "entries" (`any_entries`: whether json_export_entry was called), then the
// priorities, their history, follow-ups, settings ({"unit": "mi"}), showings ([{"date": ...,
// "strategy": ...}]), the kids registry ("kids" and "not_kids": [{"name": ..., "spellings":
// [...]}]) and what guilt merge reads ("versions", with `entry_versions` for its entries;
// "tombstones", "conflicts"), and the closing brace with a final newline, handed to `emit` in
// pieces (the versions of 200k entries are some 20 MB of text).
void json_export_close(bool any_entries, const JournalRest& rest,
                       const EntryVersions& entry_versions,
                       const std::function<void(std::string_view)>& emit);

// ---- export: CSV (RFC 4180) --------------------------------------------------------------------

// The CSV columns, in order: the union of the JSON export's entry fields.
inline constexpr std::array<std::string_view, 20> kCsvColumns = {
    "uuid",       "type",       "at",   "text",     "intensity", "tags",  "kids",
    "distance_m", "duration_s", "unit", "with",     "felt",      "kind",  "note",
    "minutes",    "child_led",  "date", "strategy", "prompt",    "answer"};

// One field: quoted when it holds a comma, a double quote, CR or LF, with quotes doubled.
std::string csv_field(std::string_view value);

// The header row, ending in CRLF.
std::string csv_header();

// One entry as a row, ending in CRLF: fields as in the JSON export, lists joined with "; ",
// absent and null fields empty, booleans true/false.
std::string csv_row(const Entry& e);

// ---- export: Markdown --------------------------------------------------------------------------

// The title and export line that open the Markdown journal, ending in a blank line.
std::string md_open(Timestamp exported_at);

// "## Wednesday, November 25, 2026" and a blank line, preceded by a blank line unless `first`.
std::string md_day_heading(Date day, bool first);

// One entry as a list item: its local time in bold, what it was, her words; continuation lines
// are indented so they stay inside the item. Ends in a newline.
std::string md_entry(const Entry& e);

}  // namespace guilt
