#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes watch and phone exports in the shapes Strava, Garmin Connect, watches and phones
really write, for tests/e2e/watch_import_test.sh. Each command writes into the current folder.

    watch_files.py strava-folder|strava-zip|garmin|gpx11-hr|gpx10|gpx-untimed|gpx-one-point|
                   tcx-laps|fit|strava-many N
"""
import csv
import datetime as dt
import gzip
import io
import os
import sys
import zipfile

# Strava's activities.csv header as its bulk export writes it (abridged at the end): "Elapsed
# Time", "Distance", "Max Heart Rate", "Relative Effort" and "Commute" come twice.
STRAVA_HEADER = [
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description",
    "Elapsed Time", "Distance", "Max Heart Rate", "Relative Effort", "Commute",
    "Activity Private Note", "Activity Gear", "Filename", "Athlete Weight", "Bike Weight",
    "Elapsed Time", "Moving Time", "Distance", "Max Speed", "Average Speed", "Elevation Gain",
    "Elevation Loss", "Max Heart Rate", "Average Heart Rate", "Calories", "Relative Effort",
    "Commute", "Workout Type", "From Upload", "Grade Adjusted Distance",
]


def strava_date(t):
    """Jul 1, 2025, 6:30:00 AM (UTC)."""
    hour = t.hour % 12 or 12
    return f"{t:%b} {t.day}, {t.year}, {hour}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"


def strava_row(aid, when, name, kind, desc, seconds, meters, filename, workout=""):
    row = dict.fromkeys(range(len(STRAVA_HEADER)), "")
    values = {
        0: str(aid), 1: strava_date(when) if when else "", 2: name, 3: kind, 4: desc,
        5: str(int(seconds)), 6: f"{meters / 1000:.2f}", 7: "171.0", 8: "40", 9: "false",
        12: filename, 15: f"{seconds:.1f}", 16: f"{seconds - 30:.1f}", 17: f"{meters:.1f}",
        22: "171.0", 23: "150.2", 24: "512", 25: "40.0", 26: "0.0", 27: workout, 28: "1.0",
    }
    row.update(values)
    return [row[i] for i in range(len(STRAVA_HEADER))]


def gpx(points, name="Morning Run", kind="running", version="1.1", hr=False, times=True):
    """A GPX document; points are (lat, lon, utc datetime or None)."""
    ns = ("http://www.topografix.com/GPX/1/1" if version == "1.1"
          else "http://www.topografix.com/GPX/1/0")
    out = [f'<?xml version="1.0" encoding="UTF-8"?>',
           f'<gpx creator="StravaGPX" version="{version}" xmlns="{ns}"'
           ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">',
           f"  <metadata><time>2025-07-01T10:30:00Z</time></metadata>" if version == "1.1" else "",
           f"  <trk>\n    <name>{name}</name>\n    <type>{kind}</type>\n    <trkseg>"]
    for i, (lat, lon, t) in enumerate(points):
        out.append(f'      <trkpt lat="{lat:.7f}" lon="{lon:.7f}">')
        out.append(f"        <ele>{10 + i % 7}.2</ele>")
        if times and t:
            out.append(f"        <time>{t:%Y-%m-%dT%H:%M:%SZ}</time>")
        if hr:
            out.append("        <extensions><gpxtpx:TrackPointExtension>"
                       f"<gpxtpx:hr>{140 + i % 20}</gpxtpx:hr><gpxtpx:cad>84</gpxtpx:cad>"
                       "</gpxtpx:TrackPointExtension></extensions>")
        out.append("      </trkpt>")
    out.append("    </trkseg>\n  </trk>\n</gpx>\n")
    return "\n".join(line for line in out if line)


def straight(start, n, step_deg=0.0001, seconds=5, lat=40.7800, lon=-73.9650):
    """n points due north, step_deg of latitude (about 11.1 m) and `seconds` apart."""
    return [(lat + i * step_deg, lon, start + dt.timedelta(seconds=i * seconds)) for i in range(n)]


def tcx_laps(start):
    """A TCX of a run in two laps with their own totals (3000 m in 16:00, 2000 m in 11:30)."""
    laps, t = [], start
    for meters, secs in ((3000, 960), (2000, 690)):
        pts = []
        for i in range(4):
            pt = t + dt.timedelta(seconds=secs * i // 3)
            pts.append(f"""          <Trackpoint>
            <Time>{pt:%Y-%m-%dT%H:%M:%S.000Z}</Time>
            <Position><LatitudeDegrees>{40.78 + len(laps) * 0.01 + i * 0.001:.6f}</LatitudeDegrees><LongitudeDegrees>-73.965</LongitudeDegrees></Position>
            <HeartRateBpm><Value>150</Value></HeartRateBpm>
          </Trackpoint>""")
        laps.append(f"""      <Lap StartTime="{t:%Y-%m-%dT%H:%M:%S.000Z}">
        <TotalTimeSeconds>{secs}.0</TotalTimeSeconds>
        <DistanceMeters>{meters}.0</DistanceMeters>
        <Intensity>Active</Intensity>
        <TriggerMethod>Manual</TriggerMethod>
        <Track>
{chr(10).join(pts)}
        </Track>
      </Lap>""")
        t += dt.timedelta(seconds=secs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
  <Activities>
    <Activity Sport="Running">
      <Id>{start:%Y-%m-%dT%H:%M:%S.000Z}</Id>
{chr(10).join(laps)}
      <Notes>Intervals by the river</Notes>
    </Activity>
  </Activities>
</TrainingCenterDatabase>
"""


UTC = dt.timezone.utc


def strava_files():
    """activities.csv and the activities/ files it links."""
    rows = [
        # A run whose name and description hold commas, quotes and a line break.
        strava_row(1001, dt.datetime(2025, 7, 1, 10, 30, tzinfo=UTC), 'Hills, then "tea"',
                   "Run", "Legs heavy,\nstill glad", 2710.0, 8046.7, "activities/1001.gpx.gz"),
        # 03:30 UTC on Nov 3 is 22:30 on Nov 2 in New York, just after the clocks went back.
        strava_row(1002, dt.datetime(2025, 11, 3, 3, 30, tzinfo=UTC), "Late loop", "Run", "",
                   1500.0, 5000.0, "activities/1002.fit.gz", workout="3"),
        # 02:30 UTC on Jul 2 is 22:30 on Jul 1 in New York, in summer time.
        strava_row(1003, dt.datetime(2025, 7, 2, 2, 30, tzinfo=UTC), "Turkey Trot", "Run", "",
                   3000.0, 10000.0, "", workout="1"),
        strava_row(1004, dt.datetime(2025, 7, 3, 12, 0, tzinfo=UTC), "Commute", "Ride", "",
                   1800.0, 12000.0, "activities/1004.gpx.gz"),
        strava_row(1005, dt.datetime(2025, 7, 4, 12, 0, tzinfo=UTC), "Laps", "Swim", "",
                   2400.0, 1500.0, ""),
        strava_row(1006, dt.datetime(2025, 7, 5, 12, 0, tzinfo=UTC), "Errands", "Ride", "",
                   900.0, 4000.0, ""),
        # An older row without its date: the start comes from its GPX.
        strava_row(1007, None, "Track from the file", "Trail Run", "", 600.0, 2000.0,
                   "activities/1007.gpx.gz", workout="2"),
    ]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(STRAVA_HEADER)
    w.writerows(rows)
    files = {"activities.csv": out.getvalue().encode()}
    run_start = dt.datetime(2025, 7, 1, 10, 30, tzinfo=UTC)
    files["activities/1001.gpx.gz"] = gzip.compress(gpx(straight(run_start, 20), hr=True).encode())
    files["activities/1002.fit.gz"] = gzip.compress(b"\x0e\x10\x00\x00\x00\x00\x00\x00.FIT" + b"\0" * 20)
    files["activities/1004.gpx.gz"] = gzip.compress(
        gpx(straight(dt.datetime(2025, 7, 3, 12, tzinfo=UTC), 5), kind="cycling").encode())
    files["activities/1007.gpx.gz"] = gzip.compress(
        gpx(straight(dt.datetime(2025, 6, 20, 11, 15, tzinfo=UTC), 10)).encode())
    return files


def write(files, root="."):
    for name, data in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def main():
    what = sys.argv[1]
    if what == "strava-folder":
        write(strava_files(), "strava_export")
    elif what == "strava-zip":
        with zipfile.ZipFile("export_12345.zip", "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in strava_files().items():
                z.writestr(name, data)
    elif what == "strava-many":
        n = int(sys.argv[2])
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(STRAVA_HEADER)
        start = dt.datetime(2020, 1, 1, 11, 0, tzinfo=UTC)
        for i in range(n):
            kind = "Ride" if i % 5 == 4 else "Run"
            w.writerow(strava_row(50000 + i, start + dt.timedelta(hours=19 * i), f"Run {i}, easy",
                                  kind, "a line\nand another", 1800.0 + i % 600,
                                  5000.0 + i % 3000, ""))
        write({"activities.csv": out.getvalue().encode()})
    elif what == "garmin":
        header = ["Activity Type", "Date", "Favorite", "Title", "Distance", "Calories", "Time",
                  "Avg HR", "Max HR", "Aerobic TE", "Avg Run Cadence", "Avg Pace", "Best Pace",
                  "Total Ascent", "Total Descent", "Moving Time", "Elapsed Time"]
        rows = [
            ["Running", "2025-07-01 06:30:00", "false", "New York Running", "5.00", "312",
             "00:28:30", "151", "171", "3.1", "168", "5:42", "4:50", "40", "38", "00:28:00",
             "00:28:30"],
            ["Treadmill Running", "2025-07-02 19:05:00", "true", "Gym, after work", "3.10", "200",
             "00:18:02.4", "140", "160", "2.0", "160", "5:49", "5:30", "--", "--", "00:18:00",
             "00:18:02"],
            ["Pool Swim", "2025-07-03 07:00:00", "false", "Pool", "1,500", "400", "00:40:00",
             "--", "--", "--", "--", "--", "--", "--", "--", "00:35:00", "00:40:00"],
            ["Cycling", "2025-07-04 08:00:00", "false", "Ride", "20.00", "500", "01:00:00",
             "--", "--", "--", "--", "--", "--", "100", "100", "00:58:00", "01:00:00"],
        ]
        with open("Activities.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)
    elif what == "gpx11-hr":
        start = dt.datetime(2025, 8, 10, 10, 0, tzinfo=UTC)
        write({"watch.gpx": gpx(straight(start, 101, seconds=6), name="Sunday long run",
                                hr=True).encode()})
    elif what == "gpx10":
        start = dt.datetime(2025, 8, 12, 22, 0, tzinfo=UTC)
        write({"old.gpx": gpx(straight(start, 46, step_deg=0.0002), name="Old phone",
                              version="1.0").encode()})
    elif what == "gpx-untimed":
        start = dt.datetime(2025, 8, 13, 10, 0, tzinfo=UTC)
        write({"route.gpx": gpx(straight(start, 10), name="Planned route", times=False).encode()})
    elif what == "gpx-one-point":
        start = dt.datetime(2025, 8, 14, 10, 0, tzinfo=UTC)
        write({"dot.gpx": gpx(straight(start, 1), name="Started by mistake").encode()})
    elif what == "tcx-laps":
        write({"intervals.tcx": tcx_laps(dt.datetime(2025, 8, 15, 10, 0, tzinfo=UTC)).encode()})
    elif what == "fit":
        write({"ride.fit": b"\x0e\x10\x00\x00\x00\x00\x00\x00.FIT" + b"\0" * 20})
    else:
        sys.exit(f"unknown: {what}")


if __name__ == "__main__":
    main()
