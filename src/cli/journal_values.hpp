// SPDX-License-Identifier: MIT
// The parts of a guilt export besides its entries, read into checked values
// (journal_entry_import.cpp), for the reader in journal_import.cpp. Each throws UsageError naming
// the JSON path of the bad field. Private to src/cli/.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "guilt/core/followup.hpp"
#include "guilt/core/types.hpp"

namespace guilt::journal_values {

Priority priority_from_json(const nlohmann::json& j, const std::string& path);
// One version of the priorities' history: a priority as the list held it, "from" and "to".
PriorityVersion priority_version_from_json(const nlohmann::json& j, const std::string& path);
Motto motto_from_json(const nlohmann::json& j, const std::string& path);
// One follow-up: the uuid of its reflection, her answer (null: skipped), the night she answered.
FollowUp followup_from_json(const nlohmann::json& j, const std::string& path);

}  // namespace guilt::journal_values
