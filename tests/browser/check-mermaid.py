#!/usr/bin/env python3
"""Checks Mermaid's drawings of the Markdown reports' charts: one SVG
per chart, no error drawn instead, and every bar's label and the title
shown as text.

usage: check-mermaid.py REPORTS.md OUT_DIR    (OUT_DIR holds all-N.svg)
"""
import html
import os
import re
import sys


def unmermaid(s):
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), s)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        blocks = re.findall(r"```mermaid\n(.*?)```", f.read(), re.S)
    bad = []
    for n, block in enumerate(blocks, 1):
        path = os.path.join(sys.argv[2], "all-%d.svg" % n)
        if not os.path.exists(path):
            bad.append("chart %d: no SVG" % n)
            continue
        with open(path, encoding="utf-8") as f:
            svg = f.read()
        texts = {html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)}
        if "Syntax error" in svg or not texts:
            bad.append("chart %d: not drawn" % n)
            continue
        title = re.search(r'^    title "(.*)"$', block, re.M).group(1)
        labels = re.search(r'^    x-axis \["(.*)"\]$', block, re.M).group(1)
        for want in [title] + labels.split('", "'):
            if unmermaid(want) not in texts:
                bad.append("chart %d: %r not shown" % (n, unmermaid(want)))
    if len(blocks) < 10:
        bad.append("only %d charts" % len(blocks))
    for b in bad:
        print("FAIL: " + b, file=sys.stderr)
    sys.exit(1 if bad else 0)


main()
