// SPDX-License-Identifier: MIT
// Telling a file's format from its first bytes (a zip, a gzip or FIT signature, a GPX or TCX
// root, a Strava or Garmin CSV header), and reading a track file by it. The gathering of what
// the files hold is in watch.cpp.
#include "guilt/cli/watch_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_set>

#include "guilt/core/entry_rules.hpp"
#include "guilt/core/text.hpp"
#include "readers.hpp"

namespace guilt {

namespace fs = std::filesystem;
using namespace guilt::import;

namespace {

// The fields of a CSV header line, split at its own delimiter; empty when it is no CSV line.
std::vector<std::string> header_fields(std::string_view line) {
    std::vector<std::string> fields;
    try {
        StringSource source(line);
        CsvReader csv(source, csv_delimiter(line));
        csv.next(fields);
    } catch (const UsageError&) {
        fields.clear();  // a quote that does not end on the line: not a header guilt knows
    }
    return fields;
}

}  // namespace

namespace import {

// The header line of a CSV (up to the first newline), or empty.
std::string_view first_line(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    return head.substr(0, head.find_first_of("\r\n"));
}

FileKind sniff(std::string_view head) {
    if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06")) return FileKind::zip;
    if (head.starts_with("\x1f\x8b")) return FileKind::gzip;
    if (head.size() >= 12 && head.substr(8, 4) == ".FIT") return FileKind::fit;
    auto text = head;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    text = trim(text);
    if (text.starts_with('<')) {
        if (text.find("<TrainingCenterDatabase") != std::string_view::npos ||
            text.find(":TrainingCenterDatabase") != std::string_view::npos)
            return FileKind::tcx;
        return FileKind::gpx;  // the GPX reader names any other root element
    }
    if (text.empty()) return FileKind::empty;
    if (head.find('\0') != std::string_view::npos) return FileKind::binary;
    switch (match_csv_header(header_fields(first_line(head))).format) {
        case CsvFormat::strava:
        case CsvFormat::strava_2014:
            return FileKind::strava_csv;
        case CsvFormat::garmin:
            return FileKind::garmin_csv;
        case CsvFormat::none:
            break;
    }
    return FileKind::unknown;
}

std::vector<Activity> read_track_source(std::unique_ptr<ByteSource> source,
                                        const std::string& name) {
    (void)name;
    std::string head;
    source = peek_text(std::move(source), head, kSniffBytes);
    if (sniff(head) == FileKind::gzip)
        source = peek_text(gunzip(std::move(source)), head, kSniffBytes);
    switch (sniff(head)) {
        case FileKind::fit:
            return read_fit(read_whole(*source, kMaxTrackFileBytes));
        case FileKind::gpx:
            return read_gpx(read_whole(*source, kMaxTrackFileBytes));
        case FileKind::tcx:
            return read_tcx(read_whole(*source, kMaxTrackFileBytes));
        case FileKind::empty:
            throw UsageError("is empty: neither a GPX, a TCX nor a FIT file");
        default:
            throw UsageError("is neither a GPX, a TCX nor a FIT file");
    }
}

}  // namespace import

bool is_watch_input(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return true;
    try {
        std::string head;
        bool utf16 = false;
        peek_text(open_file(path), head, kSniffBytes, &utf16);
        if (utf16 || sniff(head) != FileKind::unknown) return true;
        // JSON and jrnl's text go to the journal reader; anything else is refused here, with
        // the formats guilt reads.
        auto text = trim(std::string_view(head).substr(head.starts_with("\xEF\xBB\xBF") ? 3 : 0));
        return !text.starts_with('{') && !text.starts_with('[');
    } catch (const std::exception&) {
        return false;  // the JSON reader says why it cannot be read
    }
}

}  // namespace guilt
