// SPDX-License-Identifier: MIT
// The JSON shape of entries, priorities and mottos (cli.md, "Export and import").
#include "guilt/core/entry_json.hpp"

#include <cmath>

#include "guilt/core/entry_rules.hpp"

namespace guilt {

using ojson = nlohmann::ordered_json;

namespace {

ojson optional_int(const std::optional<int>& v) {
    return v ? ojson(*v) : ojson(nullptr);
}

ojson optional_text(const std::string& v) {
    return v.empty() ? ojson(nullptr) : ojson(v);
}

ojson field_to_json(const Entry& e, const FieldRule& rule) {
    switch (rule.field) {
        case Field::text:
        case Field::answer:
            return e.text;
        case Field::note:
            return optional_text(e.text);
        case Field::intensity:
            return optional_int(e.intensity);
        case Field::felt:
            return optional_int(e.felt);
        case Field::distance_m: {
            // Whole meters unless she typed a fraction of one (a half marathon's 0.5 m).
            double rounded = std::round(e.distance_m);
            return rounded == e.distance_m ? ojson(static_cast<std::int64_t>(rounded))
                                           : ojson(e.distance_m);
        }
        case Field::duration_s:
            return optional_int(e.duration_s);
        case Field::unit:
            return e.unit == DistanceUnit::mi ? "mi" : "km";
        case Field::with:
            return e.with;
        case Field::kind:
            return optional_text(e.kind);
        case Field::minutes:
            // An engagement always has minutes; a deposit's are null when not given.
            return e.minutes > 0 || rule.required ? ojson(e.minutes) : ojson(nullptr);
        case Field::child_led:
            return e.child_led;
        case Field::date:
            return e.date;
        case Field::strategy:
            return e.strategy;
        case Field::prompt:
            return e.prompt;
    }
    return nullptr;
}

}  // namespace

ojson entry_to_json(const Entry& e, bool with_id) {
    ojson j;
    if (with_id) j["id"] = e.id;
    j["uuid"] = e.uuid;
    j["type"] = to_string(e.type);
    j["at"] = format_iso(e.at);
    for (const auto& rule : fields_of(e.type))
        j[std::string(to_string(rule.field))] = field_to_json(e, rule);
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
