#!/usr/bin/env python3
"""Checks that the charts tell the truth: the bar values in the Markdown
report's Mermaid blocks and the bar lengths in the HTML report's SVG are
the numbers of the JSON report for the same profile.

usage: charts.py REPORT.json REPORT.md REPORT.html
"""
import json
import re
import sys
from html.parser import HTMLParser

BARS = 16          # CHART_BARS in src/chart.h
PLOT_X, PLOT_W = 230, 340  # CHART_SVG_PLOT_X and _W


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def expected(j):
    """The charts the report should draw, as (kind, [(label, value)])."""
    crit = j["criteria"]
    pro = sorted((c for c in crit if c["lead"] > 1e-12),
                 key=lambda c: -c["lead"])
    con = sorted((c for c in crit if c["lead"] < -1e-12),
                 key=lambda c: c["lead"])
    charts = []
    if pro:
        charts.append(("pro", [(c["label"], c["lead"]) for c in pro]))
    if con:
        charts.append(("con", [(c["label"], -c["lead"]) for c in con]))
    label = {c["id"]: c["label"] for c in crit}
    flips = [(label[f["criterion"]], f["relative_change"] * 100)
             for f in j.get("sensitivity", [])
             if f["relative_change"] is not None]
    if flips:
        charts.append(("flip", flips))
    if len(j["scores"]) >= 3:
        charts.append(("score", [(s["label"], s["score"])
                                 for s in j["scores"]]))
    return [(k, bars[:BARS]) for k, bars in charts]


def same_values(what, got, want, tol):
    if len(got) != len(want):
        fail("%s: %d bars, the JSON has %d" % (what, len(got), len(want)))
    for i, (g, (label, w)) in enumerate(zip(got, want)):
        if abs(g - w) > tol:
            fail("%s: bar %d (%s) is %r, the JSON says %r"
                 % (what, i, label, g, w))


def unmermaid(s):
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), s)


def clean(s):
    """The label as the escapers show it (see src/escape.h)."""
    s = re.sub("[\x00-\x1f\x7f-\x9f]", " ", s)
    return re.sub("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                  "\ufdd0-\ufdef\ufffe\uffff]", "\ufffd", s)


def check_labels(what, labels, values, want):
    """Each bar's label (maybe cut) names a bar of the JSON with its value;
    bars of equal value may come in any order."""
    for got, v in zip(labels, values):
        got = re.sub(r" \((raise|lower)\)$", "", got).rstrip("\u2026")
        if not any(clean(label).startswith(got) and abs(v - w) < 5.1e-5
                   for label, w in want):
            fail("%s: no bar %r of %r in the JSON" % (what, got, v))


def check_mermaid(md, want):
    blocks = re.findall(r"```mermaid\n(.*?)```", md, re.S)
    if len(blocks) != len(want):
        fail("markdown: %d charts, expected %d" % (len(blocks), len(want)))
    for block, (kind, bars) in zip(blocks, want):
        m = re.search(r'^    x-axis \["(.*)"\]$', block, re.M)
        labels = [unmermaid(x) for x in m.group(1).split('", "')]
        m = re.search(r"^    y-axis \"[^\"]*\" (\S+) --> (\S+)$", block,
                      re.M)
        lo, hi = float(m.group(1)), float(m.group(2))
        m = re.search(r"^    bar \[(.*)\]$", block, re.M)
        values = [float(v) for v in m.group(1).split(", ")]
        what = "mermaid %s chart" % kind
        same_values(what, values, bars, 5.1e-5)
        check_labels(what, labels, values, bars)
        if lo > 0 or any(v < lo or v > hi for v in values):
            fail("%s: a bar outside the axis %g..%g" % (what, lo, hi))


class Svg(HTMLParser):
    """Collects each chart's axis and its bars' rectangles."""

    def __init__(self):
        super().__init__()
        self.charts = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.charts.append({"min": float(a["data-axis-min"]),
                                "max": float(a["data-axis-max"]),
                                "bars": [], "kind": None})
        elif tag == "rect":
            c = self.charts[-1]
            c["kind"] = a["class"]
            if float(a["x"]) != PLOT_X:
                fail("svg: a bar does not start at the axis")
            c["bars"].append(c["min"] + float(a["width"]) / PLOT_W *
                             (c["max"] - c["min"]))


def check_svg(html, want):
    p = Svg()
    p.feed(html)
    if len(p.charts) != len(want):
        fail("html: %d charts, expected %d" % (len(p.charts), len(want)))
    for c, (kind, bars) in zip(p.charts, want):
        if c["kind"] != kind:
            fail("html: a %s chart where a %s chart was expected"
                 % (c["kind"], kind))
        tol = 0.0051 / PLOT_W * (c["max"] - c["min"])
        same_values("svg %s chart" % kind, c["bars"], bars, tol)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        j = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        md = f.read()
    with open(sys.argv[3], encoding="utf-8") as f:
        html = f.read()
    want = expected(j)
    if not want:
        fail("no chart expected at all")
    check_mermaid(md, want)
    check_svg(html, want)


main()
