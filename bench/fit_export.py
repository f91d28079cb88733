#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a Strava export of N runs recorded as FIT files, for `make bench`.

Each run is the real Garmin fenix 2 run of tests/data/fit/ moved back by one more day (every
timestamp of the file shifted, its checksum written again), gzipped as activities/ID.fit.gz.
The rows of activities.csv have no date, time or distance, as Strava's oldest exports, so
guilt reads every FIT file.

usage: fit_export.py N FOLDER
"""
import csv
import gzip
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "tests", "data", "fit", "activity-small-fenix2-run.fit")
sys.path.insert(0, os.path.join(HERE, "..", "tests", "e2e"))
import watch_files  # noqa: E402  (Strava's header and rows)

DAY = 86400
# (global message, field) holding a date_time: every message's timestamp (253), the start of a
# session (18) and a lap (19), when the file was created (file_id 0, field 4).
TIMES = {(18, 2), (19, 2), (0, 4)}


def step(n):
    for _ in range(8):
        n = (n >> 1) ^ 0xA001 if n & 1 else n >> 1
    return n


TABLE = [step(n) for n in range(256)]


def crc(data):
    """The FIT checksum (CRC-16, reflected polynomial 0xA001, from 0), a byte at a time."""
    c, table = 0, TABLE
    for b in data:
        c = (c >> 8) ^ table[(c ^ b) & 0xFF]
    return c


def time_offsets(data):
    """The byte offsets and byte order of every date_time field of a single FIT file."""
    pos, end = data[0], data[0] + struct.unpack_from("<I", data, 4)[0]
    local, out = {}, []
    while pos < end:
        head = data[pos]
        pos += 1
        if not head & 0x80 and head & 0x40:
            order = ">" if data[pos + 1] == 1 else "<"
            number, count = struct.unpack_from(order + "HB", data, pos + 2)
            fields = [data[pos + 5 + 3 * i: pos + 8 + 3 * i] for i in range(count)]
            pos += 5 + 3 * count
            extra = 0
            if head & 0x20:
                extra = sum(data[pos + 2 + 3 * i] for i in range(data[pos]))
                pos += 1 + 3 * data[pos]
            local[head & 0x0F] = (order, number, fields, extra)
            continue
        order, number, fields, extra = local[(head >> 5) & 3 if head & 0x80 else head & 0x0F]
        for field, size, _ in fields:
            if size == 4 and (field == 253 or (number, field) in TIMES):
                out.append((pos, order))
            pos += size
        pos += extra
    return out


def main(n, folder):
    data = open(SOURCE, "rb").read()
    offsets = time_offsets(data)
    os.makedirs(os.path.join(folder, "activities"), exist_ok=True)
    rows = []
    for i in range(1, n + 1):
        copy = bytearray(data[:-2])
        for at, order in offsets:
            (t,) = struct.unpack_from(order + "I", copy, at)
            if t != 0xFFFFFFFF:
                struct.pack_into(order + "I", copy, at, t - i * DAY)
        copy += struct.pack("<H", crc(copy))
        name = f"activities/{9000 + i}.fit.gz"
        with open(os.path.join(folder, name), "wb") as f:
            f.write(gzip.compress(bytes(copy), compresslevel=6))
        row = watch_files.strava_row(9000 + i, None, f"Run {i}", "Run", "", 0, 0, name)
        for column in (5, 6, 15, 16, 17):  # no time or distance: the FIT file has them
            row[column] = ""
        rows.append(row)
    with open(os.path.join(folder, "activities.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(watch_files.STRAVA_HEADER)
        w.writerows(rows)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
