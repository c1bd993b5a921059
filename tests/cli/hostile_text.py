#!/usr/bin/env python3
"""Text from a matrix, a profile or a file name, as long or as odd as the
limits allow, reaches every view whole and harmless.

    hostile_text.py STACKPICK SRCDIR CASE

Cases:
  no-question  --show-matrix and --list-criteria on a matrix whose trait has
               no question (the question is optional).
  long-labels  option and criterion labels of 4000 bytes, one of them
               holding "more than", in every format: each flip the JSON
               lists is worded in the direction it goes, and nothing is cut.
  file-name    a profile without a name, read from a file whose name holds
               an escape sequence: the heading shows it escaped.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SP, SRC, CASE = sys.argv[1], sys.argv[2], sys.argv[3]


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def run(args, code=0):
    p = subprocess.run([SP] + args, capture_output=True,
                       env=dict(os.environ, LC_ALL="C", COLUMNS="80"))
    if p.returncode != code:
        fail(f"{args}: exit {p.returncode}, expected {code}\n"
             f"{p.stderr.decode(errors='replace')}")
    return p.stdout.decode("utf-8")


def matrix(label_a, label_b, crit, question=True):
    q = "    question: How many messages per second?\n" if question else ""
    return f"""format: 1
name: Long labels
scale: {{min: 0, max: 10}}
options:
  - {{id: alpha, label: "{label_a}"}}
  - {{id: beta, label: "{label_b}"}}
traits:
  - id: volume
    type: enum
    values: [low, high]
    default: low
{q}criteria:
  - id: speed
    label: "{crit}"
    weight: 2
    ratings:
      alpha: {{rating: 9, why: fast}}
      beta: {{rating: 5, why: middling}}
    rules:
      - when: {{volume: high}}
        add: 6
  - id: simplicity
    label: Simplicity
    weight: 5
    ratings:
      alpha: {{rating: 3, why: many knobs}}
      beta: {{rating: 8, why: few knobs}}
"""


def flat(text):
    return re.sub(r"\s+", " ", text)


def case_no_question(tmp):
    path = os.path.join(tmp, "m.yaml")
    with open(path, "w") as f:
        f.write(matrix("Alpha", "Beta", "Speed", question=False))
    out = run(["--matrix", path, "--show-matrix"])
    if "\nProfile keys\n  volume  low or high (default low)\n" not in out:
        fail("the trait without a question is not listed:\n" + out)
    run(["--matrix", path, "--list-criteria"])
    j = json.loads(run(["--matrix", path, "--show-matrix", "--format",
                        "json"]))
    if j["traits"][0]["question"] is not None:
        fail("a missing question is not null in JSON")


def case_long_labels(tmp):
    a = "A" * 1990 + " more than " + "a" * 1990
    b = "B" * 3990
    c = "C" * 2000 + " more than " + "c" * 1980
    path = os.path.join(tmp, "m.yaml")
    prof = os.path.join(tmp, "p.yaml")
    with open(path, "w") as f:
        f.write(matrix(a, b, c))
    with open(prof, "w") as f:
        f.write("name: long\n")
    j = json.loads(run(["--matrix", path, "--format", "json", prof]))
    if not j["sensitivity"]:
        fail("the fixture has no flip")
    labels = {"alpha": a, "beta": b}
    crits = {"speed": c, "simplicity": "Simplicity"}
    text = flat(run(["--matrix", path, "--color=never", prof]))
    md = run(["--matrix", path, "--format", "markdown", prof])
    for s in j["sensitivity"][:3]:
        way = "less" if s["flip_weight"] < s["weight"] else "more"
        want = (f"{labels[s['option']]} would win if {crits[s['criterion']]}"
                f" weighed {way} than")
        if want not in text:
            fail(f"text lacks the flip on {s['criterion']} ({way})")
        wrong = "more" if way == "less" else "less"
        if (f"would win if {crits[s['criterion']]} weighed {wrong} than"
                in text):
            fail(f"text words the flip on {s['criterion']} the wrong way")
    for label in (a, b):
        if label not in text:
            fail("a label is cut in the text report")
    if b not in md:
        fail("a label is cut in the Markdown report")
    for fmt in ("html", "adr"):
        run(["--matrix", path, "--format", fmt, prof])


def case_file_name(tmp):
    name = os.path.join(tmp, "\x1b]0;pwned\x07.yaml")
    shutil.copy(os.path.join(SRC, "tests/data/good/minimal.yaml"), name)
    with open(name) as f:
        if "name:" in f.read():
            fail("the fixture profile has a name")
    out = run(["--color=never", name])
    if "\x1b" in out or "\x07" in out:
        fail("a control character reached the report")
    head = flat(out.split("\n\n", 1)[0])
    if "\\x1b]0;pwned\\x07.yaml: " not in head:
        fail("the heading does not show the file name escaped: " + head)


def main():
    tmp = tempfile.mkdtemp()
    try:
        {"no-question": case_no_question, "long-labels": case_long_labels,
         "file-name": case_file_name}[CASE](tmp)
    finally:
        shutil.rmtree(tmp)


main()
