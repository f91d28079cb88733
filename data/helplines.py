#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes data/helplines.json from the checked table of crisis lines (shared/docs/helplines.md).

usage: python3 data/helplines.py ../shared/docs/helplines.md > data/helplines.json

The table is the source of truth, checked by hand row by row (its date is copied into the JSON);
this script only carries it over: § 1 (the primary line of each country), § 5 (the international
directory), § 6 (time zone -> country, from IANA's zone.tab and `backward`) and § 7 (the pages
each row was checked against). Re-run it, and review the diff, whenever the table is re-checked.
"""
import json
import re
import sys

NAMES = {  # how the support line names a country ("in the UK: ...")
    "US": "the US", "CA": "Canada", "GB": "the UK", "IE": "Ireland", "AU": "Australia",
    "NZ": "New Zealand", "ZA": "South Africa", "IN": "India", "ES": "Spain", "MX": "Mexico",
    "DE": "Germany", "FR": "France", "NL": "the Netherlands", "BE": "Belgium", "IT": "Italy",
    "PT": "Portugal", "BR": "Brazil", "AR": "Argentina", "CO": "Colombia", "CL": "Chile",
    "SE": "Sweden", "NO": "Norway", "DK": "Denmark", "FI": "Finland", "PL": "Poland",
    "AT": "Austria", "CH": "Switzerland", "JP": "Japan", "SG": "Singapore",
    "PH": "the Philippines", "NG": "Nigeria", "KE": "Kenya",
}


def section(text, number):
    m = re.search(rf"^## {number}\..*?$(.*?)(?=^## |\Z)", text, re.S | re.M)
    if not m:
        sys.exit(f"helplines.md has no section {number}")
    return m.group(1)


def rows(body):
    out = []
    for line in body.splitlines():
        if not line.startswith("| ") or line.startswith("|---") or line.startswith("| ISO"):
            continue
        out.append([c.strip() for c in line.strip().strip("|").split(" | ")])
    return out


def plain(cell):
    """A cell without Markdown marks and without the not-confirmed sign."""
    cell = cell.replace("\\*", "*").replace("⚠", "").replace("`", "")
    return re.sub(r"\s+", " ", cell).strip()


def short_call(cell):
    """The numbers to dial, without the notes in brackets: '116 123 (free ...)' -> '116 123'."""
    cell = plain(cell)
    numbers = [re.sub(r"\s*\(.*$", "", part).strip() for part in cell.split(" · ")]
    return " or ".join(n for n in numbers[:2] if n)


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    checked = re.search(r"\*\*Checked: (\d{4}-\d\d-\d\d)\.\*\*", text).group(1)
    countries = {}
    for iso, service, call, chat, hours, languages, website, perinatal, sources in rows(section(text, 1)):
        countries[iso] = {
            "name": NAMES[iso],
            "service": plain(service),
            "short": re.sub(r"\s*\(.*?\)", "", plain(service).split(" · ")[0]).rstrip(","),
            "call": short_call(call),
            "call_notes": plain(call),
            "text": plain(chat) if plain(chat) != "n/s" else None,
            "hours": plain(hours),
            "website": None if plain(website) == "n/s" else plain(website).split(" · ")[0],
            "confirmed": "⚠" not in service + call + hours,
            "sources": [s.strip() for s in sources.split(",")],
            "zones": [],
        }
    zones, legacy = section(text, 6).split("Legacy names", 1)
    for iso, names, _shared in rows(zones):
        if iso in countries:
            countries[iso]["zones"] += re.findall(r"`([^`]+)`", names)
    for iso, names in rows(legacy):
        if iso in countries:
            countries[iso]["zones"] += re.findall(r"`([^`]+)`", names)
    pages = {}
    for m in re.finditer(r"^- \*\*([A-Z]{2}-\d+)\*\*[^:]*:(.*?)(?=^- \*\*|\Z)", section(text, 7), re.S | re.M):
        pages[m.group(1)] = re.findall(r"https?://[^\s·]+", m.group(2))
    for c in countries.values():
        c["source_pages"] = [url for s in c["sources"] for url in pages.get(s, [])]
    fallback = {
        "service": "Find A Helpline",
        "website": "https://findahelpline.com",
        "also": ["https://www.iasp.info/crisis-centres-helplines/",
                 "https://befrienders.org/find-support-now/"],
    }
    json.dump({"checked": checked,
               "source": "shared/docs/helplines.md (§ 1 primary lines, § 5 international, "
                         "§ 6 time zones from IANA tzdata 2025b, § 7 pages)",
               "recheck": "before each release, row by row",
               "international": fallback,
               "countries": countries}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


main()
