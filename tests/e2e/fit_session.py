#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""An independent reading of a FIT file's session messages, to check what guilt stores.

Written for the tests from the FIT protocol, apart from guilt's reader (python3 only, no
third-party modules): prints one JSON object per file with its file_id (type, manufacturer,
product) and each session's sport, start (UTC), elapsed and timer seconds and distance in meters.
No checksum is checked: it reads what the file says.

usage: fit_session.py FILE.fit
"""
import datetime as dt
import json
import struct
import sys

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.timezone.utc)
# base type (low 5 bits) -> struct code; strings and bytes are left as bytes
CODES = {0: "B", 1: "b", 2: "B", 3: "h", 4: "H", 5: "i", 6: "I", 8: "f", 9: "d",
         10: "B", 11: "H", 12: "I", 13: "B", 14: "q", 15: "Q", 16: "Q"}


def messages(data, start=0):
    """Yields (global number, {field: raw value}) for each data message of the file at start."""
    size = data[start]
    pos = start + size
    end = pos + struct.unpack_from("<I", data, start + 4)[0]
    local = {}
    last_time = None
    while pos < end:
        head = data[pos]
        pos += 1
        if head & 0x80:  # compressed timestamp
            kind, offset = (head >> 5) & 3, head & 0x1F
            last_time = (last_time & ~0x1F) + offset + (0x20 if offset < (last_time & 0x1F) else 0)
            stamp = last_time
        elif head & 0x40:  # definition
            order = ">" if data[pos + 1] == 1 else "<"
            number, count = struct.unpack_from(order + "HB", data, pos + 2)
            pos += 5
            fields = [tuple(data[pos + 3 * i: pos + 3 * i + 3]) for i in range(count)]
            pos += 3 * count
            extra = 0
            if head & 0x20:
                dev = data[pos]
                extra = sum(data[pos + 1 + 3 * i + 1] for i in range(dev))
                pos += 1 + 3 * dev
            local[head & 0x0F] = (order, number, fields, extra)
            continue
        else:
            kind, stamp = head & 0x0F, None
        order, number, fields, extra = local[kind]
        values = {}
        for field, fsize, base in fields:
            code = CODES.get(base & 0x1F)
            raw = data[pos: pos + fsize]
            pos += fsize
            if code and fsize == struct.calcsize(code):
                values[field] = struct.unpack(order + code, raw)[0]
        pos += extra
        if 253 in values:
            last_time = values[253]
        elif stamp is not None:
            values[253] = stamp
        yield number, values


def when(raw):
    return None if raw in (None, 0xFFFFFFFF) else (
        FIT_EPOCH + dt.timedelta(seconds=raw)).strftime("%Y-%m-%dT%H:%M:%SZ")


def scaled(raw, scale):
    return None if raw in (None, 0xFFFFFFFF) else raw / scale


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    out = {"file": path, "sessions": []}
    starts = [0]  # chained files follow one another, each with its header and checksum
    while True:
        following = starts[-1] + data[starts[-1]] + struct.unpack_from("<I", data, starts[-1] + 4)[0] + 2
        if data[following + 8: following + 12] != b".FIT":
            break
        starts.append(following)
    out["files"] = len(starts)
    for number, v in (m for start in starts for m in messages(data, start)):
        if number == 0 and "type" not in out:
            out.update(type=v.get(0), manufacturer=v.get(1), product=v.get(2))
        elif number == 18:
            out["sessions"].append({
                "sport": v.get(5), "sub_sport": v.get(6), "start": when(v.get(2)),
                "elapsed_s": scaled(v.get(7), 1000), "timer_s": scaled(v.get(8), 1000),
                "distance_m": scaled(v.get(9), 100)})
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
