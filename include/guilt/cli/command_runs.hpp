// SPDX-License-Identifier: MIT
// What some commands do, apart from how CLI11 declares them: each run_ function takes the
// command's options as plain values and the Context, so it can be read and tested on its own.
// Bad input throws UsageError; what it prints goes to std::cout and std::cerr.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "guilt/cli/cli.hpp"

namespace guilt {

// guilt kids: the kids named in the journal, with their entries and last day.
void run_kids(Context& ctx);

struct KidsOptions {
    std::string name;   // OLD, FROM or NAME
    std::string other;  // NEW or INTO
};
void run_kids_rename(const KidsOptions& o, Context& ctx);     // guilt kids rename OLD NEW
void run_kids_merge(const KidsOptions& o, Context& ctx);      // guilt kids merge FROM INTO
void run_kids_not_a_kid(const KidsOptions& o, Context& ctx);  // guilt kids not-a-kid NAME
void run_kids_is_a_kid(const KidsOptions& o, Context& ctx);   // guilt kids is-a-kid NAME

struct PriorityOptions {
    std::vector<std::string> title;          // TITLE, in words
    std::optional<std::string> rank, until;  // add: --rank, --until
    std::string id, to_rank;                 // ID; move: RANK
};
void run_priority_add(const PriorityOptions& o, Context& ctx);     // guilt priority add TITLE
void run_priority_list(Context& ctx);                              // guilt priority list
void run_priority_move(const PriorityOptions& o, Context& ctx);    // guilt priority move ID RANK
void run_priority_done(const PriorityOptions& o, Context& ctx);    // guilt priority done ID
void run_priority_rename(const PriorityOptions& o, Context& ctx);  // guilt priority rename ID T
void run_priority_remove(const PriorityOptions& o, Context& ctx);  // guilt priority remove ID

struct ConfigOptions {
    std::string key;    // a setting's key, as CLI11's choices left it
    std::string value;  // set: the new value, as she typed it
};
void run_config_get(const ConfigOptions& o, Context& ctx);  // guilt config get KEY
void run_config_set(const ConfigOptions& o, Context& ctx);  // guilt config set KEY VALUE
void run_config_list(Context& ctx);                         // guilt config list

}  // namespace guilt
