// SPDX-License-Identifier: MIT
// The pure side of `guilt export` and `guilt import`: the JSON, CSV and Markdown writers' pieces,
// reading a guilt or jrnl JSON export back into checked values, and the stable UUIDs of jrnl
// entries. Values in, text or values out; no I/O.
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
};

// The end of "entries" (`any_entries`: whether json_export_entry was called), then the
// priorities, their history, follow-ups, settings ({"unit": "mi"}) and showings ([{"date": ...,
// "strategy": ...}]), and the closing brace with a final newline.
std::string json_export_close(bool any_entries, const JournalRest& rest);

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

// `text` as Markdown that shows exactly these characters: punctuation that would start markup is
// backslash-escaped, leading blanks are dropped, line breaks become hard breaks ("\" at the end
// of a line) and blank lines paragraph breaks. CR characters are dropped.
std::string md_escape(std::string_view text);

// The title and export line that open the Markdown journal, ending in a blank line.
std::string md_open(Timestamp exported_at);

// "## Wednesday, November 25, 2026" and a blank line, preceded by a blank line unless `first`.
std::string md_day_heading(Date day, bool first);

// One entry as a list item: its local time in bold, what it was, her words; continuation lines
// are indented so they stay inside the item. Ends in a newline.
std::string md_entry(const Entry& e);

// ---- import ------------------------------------------------------------------------------------

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
ImportData read_import(const nlohmann::json& doc);

// read_import as a stream, with nlohmann's SAX interface, so memory stays bounded whatever the
// size of `in`: each entry is checked and handed to `on_entry` as soon as it is read (a jrnl
// entry met twice only once); `on_progress` gets the bytes read so far, now and then. Returns the
// rest. Throws UsageError as read_import does, "not valid JSON at line L, column C: ..." for a
// file that is not JSON and "nested deeper than 64 levels" past kMaxImportDepth; entries handed
// over before the error are then to be dropped (the import runs in one transaction).
ImportData read_import_stream(std::istream& in, const std::function<void(Entry&)>& on_entry,
                              const std::function<void(std::size_t)>& on_progress = {});

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
