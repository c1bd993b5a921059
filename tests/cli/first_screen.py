#!/usr/bin/env python3
"""The text report's first screen decides, and text fits the terminal.

    first_screen.py STACKPICK SRCDIR CASE

Cases:
  summary   every shipped example: the first 12 lines at 80 columns hold
            the verdict, its reasons ("Why:") and how sure it is ("How
            sure:"); --brief prints exactly those first lines, no more
  hinges    the summary never contradicts the flips: when single answers
            change the verdict (the JSON's trait_flips), it names each of
            those traits; when none does, it says so
  caveats   every answer a default, no team section, and a team that
            barely knows the winner (with the retraining cost) are said
            next to the verdict
  narrow    at 40 columns no line is wider, and no word is broken: the
            words are those of the 80-column report
"""
import json
import os
import re
import subprocess
import sys
import tempfile

SP, SRC, CASE = sys.argv[1], sys.argv[2], sys.argv[3]


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def run(args, columns=80):
    env = dict(os.environ, LC_ALL="C", COLUMNS=str(columns))
    p = subprocess.run([SP, "--color=never"] + args, capture_output=True,
                       env=env)
    if p.returncode not in (0, 1):
        fail(f"{args}: exit {p.returncode}: {p.stderr.decode()}")
    return p.stdout.decode("utf-8")


def examples():
    runs = []
    ex = os.path.join(SRC, "data/examples")
    for f in sorted(os.listdir(ex)):
        runs.append([os.path.join(ex, f)])
    for d in sorted(os.listdir(os.path.join(SRC, "data"))):
        mx = os.path.join(SRC, "data", d, "matrix.yaml")
        if not os.path.exists(mx):
            continue
        for f in sorted(os.listdir(os.path.dirname(mx))):
            if f != "matrix.yaml":
                runs.append(["--matrix", mx,
                             os.path.join(os.path.dirname(mx), f)])
    if len(runs) < 6:
        fail("too few examples")
    return runs


def summary_of(text):
    """The lines before the first blank one: the first screen."""
    return text.split("\n\n", 1)[0]


def flat(s):
    return re.sub(r"\s+", " ", s)


def case_summary():
    for args in examples():
        text = run(args)
        head = "\n".join(text.splitlines()[:12])
        if not re.match(r"^\S.*: .*(recommended|no recommendation)", head):
            fail(f"{args[-1]}: no verdict first: {head.splitlines()[0]}")
        for what in ("  Why: ", "  How sure: "):
            if what not in head:
                fail(f"{args[-1]}: '{what.strip()}' is not in the first "
                     "12 lines")
        brief = run(["--brief"] + args)
        if brief.rstrip("\n") != summary_of(text):
            fail(f"{args[-1]}: --brief is not the report's first screen")
        if len(brief.splitlines()) > 12:
            fail(f"{args[-1]}: --brief takes more than 12 lines")
        for word in ("TOPSIS", "weighted product", "lead"):
            if re.search(r"\b" + word + r"\b", brief):
                fail(f"{args[-1]}: the summary says '{word}'")


def case_hinges():
    for args in examples():
        j = json.loads(run(["--format", "json"] + args))
        if "trait_flips" not in j or j["recommendation"]["tie"]:
            continue
        sure = flat(summary_of(run(args)))
        sure = sure[sure.index("How sure:"):]
        traits = []
        for t in j["trait_flips"]:
            if t["trait"] not in traits:
                traits.append(t["trait"])
        if traits:
            if "hinges on" not in sure:
                fail(f"{args[-1]}: {traits} flip the verdict, yet the "
                     f"summary says: {sure}")
            for t in traits[:4]:
                if t not in sure:
                    fail(f"{args[-1]}: the summary does not name {t}")
            if len(traits) > 4 and f"and {len(traits) - 4} more" not in sure:
                fail(f"{args[-1]}: the summary hides that more answers "
                     f"flip it: {sure}")
        elif "no single answer changes the verdict" not in sure:
            fail(f"{args[-1]}: no answer flips it, yet: {sure}")


def case_caveats():
    tmp = tempfile.mkdtemp()
    try:
        cases = {
            "{}\n": "Every answer is a default",
            "frontend: javascript\nrealtime: true\n":
                "The profile has no team section",
            "team: {python: 4, javascript: 0}\nfrontend: javascript\n"
            "realtime: true\nio_load: high\nconcurrency: 20000\n":
                "The team rates its NodeJS at 0 of 5 (Python 4): budget "
                "for retraining",
        }
        for i, (profile, want) in enumerate(cases.items()):
            path = os.path.join(tmp, f"p{i}.yaml")
            with open(path, "w") as f:
                f.write(profile)
            head = flat(summary_of(run([path])))
            if "Note: " + want not in head:
                fail(f"profile {profile!r}: the summary lacks '{want}': "
                     + head)
    finally:
        for f in os.listdir(tmp):
            os.unlink(os.path.join(tmp, f))
        os.rmdir(tmp)


def case_narrow():
    for args in examples():
        wide, narrow = run(args, 80), run(args, 40)
        for line in narrow.splitlines():
            if len(line) > 40 and " " in line.strip():
                fail(f"{args[-1]}: a line wider than 40 columns: {line}")
        # The criteria table's layout differs; every other word is kept.
        def prose(t):
            return re.sub(r"\nCriteria.*?\n  lead:", "\n", t, flags=re.S)
        if flat(prose(narrow)).split() != flat(prose(wide)).split():
            a, b = flat(prose(wide)).split(), flat(prose(narrow)).split()
            for x, y in zip(a, b):
                if x != y:
                    fail(f"{args[-1]}: at 40 columns '{y}' where 80 "
                         f"columns have '{x}'")


{"summary": case_summary, "hinges": case_hinges, "caveats": case_caveats,
 "narrow": case_narrow}[CASE]()
