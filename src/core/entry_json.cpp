// SPDX-License-Identifier: MIT
// The JSON shape of entries, priorities and mottos (cli.md, "Export and import").
#include "guilt/core/entry_json.hpp"

#include <cmath>

namespace guilt {

using ojson = nlohmann::ordered_json;

namespace {

ojson optional_int(const std::optional<int>& v) {
    return v ? ojson(*v) : ojson(nullptr);
}

ojson optional_text(const std::string& v) {
    return v.empty() ? ojson(nullptr) : ojson(v);
}

}  // namespace

ojson entry_to_json(const Entry& e, bool with_id) {
    ojson j;
    if (with_id) j["id"] = e.id;
    j["uuid"] = e.uuid;
    j["type"] = to_string(e.type);
    j["at"] = format_iso(e.at);
    switch (e.type) {
        case EntryType::guilt:
            j["text"] = e.text;
            j["intensity"] = optional_int(e.intensity);
            break;
        case EntryType::run: {
            // Whole meters unless she typed a fraction of one (a half marathon's 0.5 m).
            double rounded = std::round(e.distance_m);
            j["distance_m"] = rounded == e.distance_m ? ojson(static_cast<std::int64_t>(rounded))
                                                      : ojson(e.distance_m);
            j["duration_s"] = optional_int(e.duration_s);
            j["unit"] = e.unit == DistanceUnit::mi ? "mi" : "km";
            j["with"] = e.with;
            j["felt"] = optional_int(e.felt);
            j["kind"] = optional_text(e.kind);
            j["note"] = optional_text(e.text);
            break;
        }
        case EntryType::engage:
            j["minutes"] = e.minutes;
            j["child_led"] = e.child_led;
            j["note"] = optional_text(e.text);
            break;
        case EntryType::deposit:
            j["minutes"] = e.minutes > 0 ? ojson(e.minutes) : ojson(nullptr);
            j["text"] = e.text;
            break;
        case EntryType::reflection:
            j["date"] = e.date;
            j["strategy"] = e.strategy;
            j["prompt"] = e.prompt;
            j["answer"] = e.text;
            break;
        case EntryType::win:
            j["text"] = e.text;
            break;
    }
    j["tags"] = e.tags;
    j["kids"] = e.kids;
    return j;
}

ojson priority_to_json(const Priority& p, bool with_id) {
    ojson j;
    if (with_id) j["id"] = p.id;
    j["uuid"] = p.uuid;
    j["rank"] = p.done ? ojson(nullptr) : ojson(p.rank);
    j["title"] = p.title;
    j["until"] = p.until ? ojson(format_date(*p.until)) : ojson(nullptr);
    j["done"] = p.done;
    return j;
}

ojson priority_version_to_json(const PriorityVersion& v) {
    auto instant = [](const std::optional<std::int64_t>& utc) {
        return utc ? ojson(format_iso(in_local_zone(*utc))) : ojson(nullptr);
    };
    auto j = priority_to_json(v.priority, false);
    j["from"] = instant(v.from_utc);
    j["to"] = instant(v.to_utc);
    return j;
}

ojson motto_to_json(const Motto& m) {
    return ojson{{"text", m.text}, {"at", format_iso(m.at)}};
}

ojson followup_to_json(const FollowUp& f) {
    return ojson{{"reflection", f.reflection_uuid},
                 {"answer", f.answer ? ojson(to_string(*f.answer)) : ojson(nullptr)},
                 {"night", format_date(f.night)},
                 {"at", format_iso(f.at)}};
}

}  // namespace guilt
