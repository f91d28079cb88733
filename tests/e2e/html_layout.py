#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks that an HTML page guilt wrote lays out without anything clipped or overflowing.

    python3 tests/e2e/html_layout.py PAGE.html [--width 1200] [--width 390] [--screenshots DIR]

For each width, headless Chromium renders a copy of PAGE with a measuring script added at the
end (the page itself carries no script); the script records, into the DOM that Chromium dumps,
every problem it finds:
  - the page is wider than the window (a sideways scroll);
  - an element reaches outside the window;
  - an element that clips or scrolls (overflow other than visible) has more content than room;
  - an SVG label (a <text>) is cut by the edge of its chart.
It prints one line per problem and exits 1 when there is any, 0 when there is none, 77 when
Chromium is missing. With --screenshots, it also saves PAGE-WIDTH.png at each width (the whole
page) for a person to look at.
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MEASURE = r"""
<script>
(function () {
  function name(el) {
    var s = el.tagName.toLowerCase();
    var cls = el.getAttribute('class');
    if (cls) s += '.' + cls.trim().split(/\s+/).join('.');
    var text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return text ? s + ' "' + text + '"' : s;
  }
  function check() {
    var problems = [];
    var root = document.documentElement;
    var vw = root.clientWidth;
    if (root.scrollWidth > vw + 1)
      problems.push('the page is ' + root.scrollWidth + 'px wide in a ' + vw + 'px window');
    var all = document.body.querySelectorAll('*');
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      var tag = el.tagName.toLowerCase();
      if (el.closest('svg') && tag !== 'svg') continue;
      var cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      var r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // Inside a box that clips or scrolls, that box is the one to report.
      var clipped = false;
      for (var a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
      if (!clipped && (r.right > vw + 1 || r.left < -1))
        problems.push(name(el) + ' reaches ' + Math.round(r.left) + '..' + Math.round(r.right) +
                      'px, outside the ' + vw + 'px window');
      if (cs.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
        problems.push(name(el) + ' cuts or scrolls its content sideways: ' + el.scrollWidth +
                      'px in ' + el.clientWidth + 'px');
      if (cs.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1)
        problems.push(name(el) + ' cuts or scrolls its content downwards: ' + el.scrollHeight +
                      'px in ' + el.clientHeight + 'px');
    }
    var svgs = document.querySelectorAll('svg');
    for (var s = 0; s < svgs.length; s++) {
      var box = svgs[s].getBoundingClientRect();
      var texts = svgs[s].querySelectorAll('text');
      for (var t = 0; t < texts.length; t++) {
        var tr = texts[t].getBoundingClientRect();
        if (tr.left < box.left - 0.5 || tr.right > box.right + 0.5 ||
            tr.top < box.top - 0.5 || tr.bottom > box.bottom + 0.5)
          problems.push('label "' + texts[t].textContent + '" is cut by the edge of its chart ' +
                        name(svgs[s]).split(' ')[0] + ' (label ' + Math.round(tr.left - box.left) +
                        '..' + Math.round(tr.right - box.left) + 'px in a chart ' +
                        Math.round(box.width) + 'px wide)');
      }
    }
    var out = document.createElement('pre');
    out.id = 'guilt-layout-report';
    out.textContent = JSON.stringify({width: vw, height: root.scrollHeight, problems: problems});
    document.body.appendChild(out);
    if (window.parent !== window) window.parent.postMessage(out.textContent, '*');
  }
  window.addEventListener('load', check);
})();
</script>
"""

# Chromium will not make a window narrower than 500 pixels, so the page is shown in a frame of
# the width asked for, and the frame passes its measurements up to the page Chromium dumps.
FRAME = """<!doctype html>
<html><head><meta charset="utf-8"></head><body style="margin: 0">
<iframe src="{src}" style="border: 0; display: block; width: {width}px; height: {height}px"></iframe>
<script>
window.addEventListener('message', function (e) {{
  var out = document.createElement('pre');
  out.id = 'guilt-layout-report';
  out.textContent = e.data;
  document.body.appendChild(out);
}});
</script>
</body></html>
"""
MIN_WINDOW = 500

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--hide-scrollbars"]


def chromium(args, work):
    profile = tempfile.mkdtemp(prefix="profile.", dir=work)
    return subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=90)


def measure(page, width, work):
    """The report of the measuring script for PAGE rendered WIDTH pixels wide."""
    with open(page, encoding="utf-8") as f:
        text = f.read()
    if "</body>" not in text:
        raise SystemExit(f"{page}: no </body>")
    copy = os.path.join(work, f"measured-{width}.html")
    with open(copy, "w", encoding="utf-8") as f:
        f.write(text.replace("</body>", MEASURE + "</body>", 1))
    frame = framed(copy, width, 900, work)
    result = chromium([f"--window-size={max(width, MIN_WINDOW)},900", "--virtual-time-budget=5000",
                       "--dump-dom", "file://" + frame], work)
    found = re.search(r'<pre id="guilt-layout-report">(.*?)</pre>', result.stdout, re.S)
    if not found:
        raise SystemExit(f"{page}: chromium gave no measurements at {width}px "
                         f"(exit {result.returncode}): {result.stderr.strip()[-300:]}")
    return json.loads(html.unescape(found.group(1)))


def framed(page, width, height, work):
    """A page that shows PAGE in a frame WIDTH x HEIGHT pixels."""
    path = os.path.join(work, f"frame-{width}.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(FRAME.format(src="file://" + html.escape(os.path.abspath(page)), width=width,
                             height=height))
    return path


def screenshot(page, width, height, png, work):
    height = min(max(height, 400), 12000)
    frame = framed(page, width, height, work)
    chromium([f"--window-size={max(width, MIN_WINDOW)},{height}", f"--screenshot={png}",
              "file://" + frame], work)
    if not os.path.exists(png) or os.path.getsize(png) == 0:
        raise SystemExit(f"{page}: chromium made no screenshot at {width}px")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("--width", type=int, action="append",
                        help="window width in CSS pixels (repeatable; default: 1200 and 390)")
    parser.add_argument("--screenshots", metavar="DIR", help="save PAGE-WIDTH.png there")
    args = parser.parse_args()
    if shutil.which("chromium") is None:
        print("chromium is not installed", file=sys.stderr)
        return 77
    widths = args.width or [1200, 390]
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    bad = 0
    with tempfile.TemporaryDirectory(prefix="guilt-layout.") as work:
        for width in widths:
            report = measure(args.page, width, work)
            if abs(report["width"] - width) > 1:
                print(f"{args.page}: asked for a {width}px window, got {report['width']}px")
                bad += 1
            for problem in report["problems"]:
                print(f"{args.page} at {width}px: {problem}")
                bad += 1
            if args.screenshots:
                base = os.path.splitext(os.path.basename(args.page))[0]
                screenshot(args.page, width, report["height"],
                           os.path.join(args.screenshots, f"{base}-{width}.png"), work)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
