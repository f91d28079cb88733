// SPDX-License-Identifier: MIT
// Entries, priorities and mottos as JSON, in the shape of cli.md's export format: what
// `--json`, `guilt export` and `guilt import` share.
#pragma once

#include <nlohmann/json.hpp>

#include "guilt/core/followup.hpp"
#include "guilt/core/types.hpp"

namespace guilt {

// An entry as in the export ("uuid", "type", "at", ...); with `with_id`, its "id" too.
nlohmann::ordered_json entry_to_json(const Entry& e, bool with_id);

nlohmann::ordered_json priority_to_json(const Priority& p, bool with_id);

nlohmann::ordered_json motto_to_json(const Motto& m);

// A priority as the list held it ({"uuid", "rank", "title", "until", "done"}) and when:
// "from" and "to", instants or null (since before the history was kept; still so).
nlohmann::ordered_json priority_version_to_json(const PriorityVersion& v);

// {"reflection": uuid, "answer": "yes"|"little"|"no"|null (skipped), "night", "at"}.
nlohmann::ordered_json followup_to_json(const FollowUp& f);

}  // namespace guilt
