"""Every format states the same facts as the JSON view.

    facts.py STACKPICK SOURCE_DIR

Renders every shipped example (the profiles under data/, each with the
matrix it is meant for, and tests/data/good/three-options-profile.yaml with
tests/data/good/three-options.yaml) in every format
that `stackpick --list-formats` lists, with every method `--method`
accepts, and checks what each format states against the JSON result of
the same run: the winner, the scores as printed (2 decimals), the reasons
for and against (criterion labels, in order), the flips named (criterion
and option, in order), the raw values that would change it, the most
critical criterion, the answers that would change the recommendation, the
label, the confidence and what the weights and the ratings alone leave of
it, and with three or more options every option's share of each rank;
and, for profiles with musts (also those that leave fewer than two
options, where nothing is scored), every option screened out and every
"Relaxing the must ..." line, in the JSON's order.

A format this script does not know fails the test until it gets a checker
below, or a line in SKIP that says why it states none of these facts.
"""
import json
import os
import re
import subprocess
import sys

REASONS = 4  # SP_REPORT_REASONS
FLIPS = 3  # SP_REPORT_FLIPS

# Formats whose facts are not compared, each with the reason.
SKIP = {
    "json": "the reference every other format is compared with",
    "adr": "a record in its own layout, checked against tests/adr/corpus "
           "and by the ADR tools (tests/adr)",
    "html": "checked against the JSON by tests/cli/charts.py and in a "
            "browser by tests/browser",
}


class Case:
    def __init__(self, name, profile, matrix=None, group=False):
        self.name = name
        self.profile = profile
        self.matrix = matrix
        self.group = group

    def args(self):
        return (["--matrix", self.matrix] if self.matrix else []) + \
            (["--group"] if self.group else [])


def cases(src):
    """Every shipped profile with its matrix, and the tests' three-option
    one.  data/examples/ holds profiles for the built-in matrix (and, in
    older trees, matrix-*.yaml files with their profiles); every other
    directory under data/ holds one matrix*.yaml and profiles for it."""
    data = os.path.join(src, "data")
    examples = os.path.join(data, "examples")
    good = os.path.join(src, "tests", "data", "good")
    own = {"python-web-api.yaml": os.path.join(
        examples, "matrix-python-web-frameworks.yaml")}
    out = []
    for d in sorted(os.listdir(data)):
        path = os.path.join(data, d)
        if not os.path.isdir(path):
            continue
        files = sorted(n for n in os.listdir(path) if n.endswith(".yaml"))
        if "group.yaml" in files:
            # A group of profiles for the built-in matrix: each member,
            # and the group.
            for n in files:
                out.append(Case(os.path.relpath(os.path.join(path, n),
                                                data),
                                os.path.join(path, n), None,
                                n == "group.yaml"))
            continue
        matrices = [n for n in files if n.startswith("matrix")]
        if path != examples and len(matrices) != 1:
            raise SystemExit(f"FAIL: {path}: expected one matrix*.yaml, "
                             f"found {matrices}")
        for n in files:
            if n in matrices:
                continue
            if path == examples:
                m = own.get(n)
                m = m if m and os.path.exists(m) else None
            else:
                m = os.path.join(path, matrices[0])
            out.append(Case(os.path.relpath(os.path.join(path, n), data),
                            os.path.join(path, n), m))
    if not any(c.matrix for c in out):
        raise SystemExit("FAIL: no shipped profile for a matrix of its own")
    out.append(Case("three-options-profile.yaml",
                    os.path.join(good, "three-options-profile.yaml"),
                    os.path.join(good, "three-options.yaml")))
    out.append(Case("musts-profile.yaml",
                    os.path.join(good, "musts-profile.yaml"),
                    os.path.join(good, "three-options.yaml")))
    out.append(Case("cold-start-profile.yaml",
                    os.path.join(good, "cold-start-profile.yaml"),
                    os.path.join(good, "cold-start.yaml")))
    return out


def amount(v):
    """A raw value as phrase_amount() prints it."""
    if abs(v) >= 999.5:
        return "%.0f" % v
    return "%.3g" % v


def run(sp, args, code=0):
    p = subprocess.run([sp] + args, capture_output=True, text=True,
                       env=dict(os.environ, LC_ALL="C"))
    if p.returncode != code:
        raise SystemExit(f"FAIL: stackpick {' '.join(args)} exited "
                         f"{p.returncode}, expected {code}:\n{p.stderr}")
    return p


def formats(sp):
    return [line.split()[0] for line in run(sp, ["--list-formats"])
            .stdout.splitlines() if line.strip()]


def methods(sp):
    err = run(sp, ["--method", "?", "x.yaml"], 64).stderr
    m = re.search(r"\(expected ([^)]*)\)", err)
    if not m:
        raise SystemExit(f"FAIL: cannot read the methods from: {err}")
    return re.split(r", | or ", m.group(1))


class Facts:
    """What the JSON result says, in the words the reports use."""

    def __init__(self, j):
        self.j = j
        self.opt = {s["option"]: s["label"] for s in j["scores"]}
        self.crit = {c["id"]: c["label"] for c in j["criteria"]}
        rec = j["recommendation"]
        self.tie = rec["tie"]
        self.title = j["name"] if j["name"] is not None else j["input"]
        self.ranked = [(s["label"], "%.2f" % s["score"]) for s in j["scores"]]
        self.winner = self.ranked[0][0]
        self.runner_up = self.opt[rec["runner_up"]]
        self.tied = [self.opt[o] for o in rec["tied"]]
        first, second = j["scores"][0]["option"], j["scores"][1]["option"]
        self.lead = {c["label"]: c["lead"] for c in j["criteria"]}
        self.sums = {}
        for s in j["scores"]:
            self.sums[s["label"]] = sum(c["contributions"][s["option"]]
                                        for c in j["criteria"])
        self.sum_pair = (self.sums[self.opt[first]],
                         self.sums[self.opt[second]])
        self.flips = []
        for f in j.get("sensitivity", [])[:FLIPS]:
            self.flips.append((self.crit[f["criterion"]],
                               self.opt[f["option"]],
                               "less" if f["flip_weight"] < f["weight"]
                               else "more"))
        sens = j.get("sensitivity", [])
        self.critical = (self.crit[sens[0]["criterion"]] if sens and
                         sens[0]["relative_change"] is not None else None)
        self.traits = [self.trait_sentence(t)
                       for t in j.get("trait_flips", [])[:FLIPS]]
        self.label = j.get("label")
        self.confidence = j.get("confidence")
        self.value_flips = [self.value_sentence(v)
                            for v in j.get("value_flips", [])[:FLIPS]]
        self.ranks = [(self.opt[a["option"]],
                       ["%.0f%%" % (x * 100) for x in a["ranks"][:6]])
                      for a in j.get("acceptability", [])]

    def value_sentence(self, v):
        crit = self.crit[v["criterion"]]
        whose = ("its" if v["option"] == v["rival"]
                 else self.opt[v["option"]] + "'s")
        way = "over" if v["flip_value"] > v["value"] else "under"
        return (f"{self.opt[v['rival']]} would win if {whose} {crit} were "
                f"{way} {amount(v['flip_value'])} {v['unit']} instead of "
                f"{amount(v['value'])} {v['unit']}.")

    def first_places(self):
        out = []
        for i, (o, r) in enumerate(self.ranks):
            sep = "" if i == 0 else " and " if i == len(self.ranks) - 1 \
                else ", "
            out.append(sep + o + (f" is first in {r[0]} of the draws"
                                  if i == 0 else f" in {r[0]}"))
        return "".join(out) + "."

    def trait_sentence(self, t):
        def word(v):
            if isinstance(v, bool):
                return "true" if v else "false"
            return str(v)
        who = (f"{self.opt[t['option']]} would win." if t["option"]
               else "the top options would tie.")
        return (f"If {t['trait']} were {word(t['to'])} instead of "
                f"{word(t['from'])}, {who}")

    def check_reasons(self, got, sign, where):
        """got: [(label, lead as printed)], in the order shown."""
        errors = []
        shown = [c for c, lead in self.lead.items() if lead * sign > 1e-12]
        want = min(REASONS, len(shown)) if not self.tie or sign < 0 else 0
        if self.tie:
            want = len(got)  # a tie has no reasons; checked by count below
            if got:
                errors.append(f"{where}: a tie states reasons {got}")
            return errors
        if len(got) != want:
            errors.append(f"{where}: {len(got)} reasons {[g[0] for g in got]}"
                          f", expected {want}")
        last = None
        for label, printed in got:
            if label not in self.lead:
                errors.append(f"{where}: unknown criterion '{label}'")
                continue
            lead = self.lead[label]
            if "%+.2f" % lead != printed:
                errors.append(f"{where}: {label} lead {printed}, JSON has "
                              f"{lead:+.2f}")
            if lead * sign <= 1e-12:
                errors.append(f"{where}: {label} does not lead that way")
            # Largest first; leads equal to the JSON's precision may come
            # in either order.
            if last is not None and lead * sign > last * sign + 1e-9:
                errors.append(f"{where}: {label} out of order")
            last = lead
        if got and not errors:
            named = {g[0] for g in got}
            for c in shown:
                if c not in named and self.lead[c] * sign > last * sign + \
                        1e-9:
                    errors.append(f"{where}: {c} leads more than the last "
                                  "reason shown, but is not shown")
        return errors


def unwrap_items(lines, bullet):
    """Joins the wrapped lines of each item that starts with bullet."""
    items = []
    for line in lines:
        if line.startswith(bullet):
            items.append(line[len(bullet):])
        elif items and line.startswith(" " * len(bullet)) and \
                not line.startswith(bullet):
            items[-1] += " " + line.strip()
        elif line.strip() and not line.startswith(" " * len(bullet)):
            items.append(None)  # anything else ends an item
    return [i for i in items if i is not None]


def sections(text):
    """The text report's sections: heading line -> its lines."""
    out, name = {"": []}, ""
    for line in text.split("\n"):
        if line and not line.startswith(" "):
            name = line
            out[name] = []
        else:
            out[name].append(line)
    return out


def flat(s):
    return " ".join(s.split())


def check_sure(f, sure, where):
    """The how-sure facts in flattened text (text or Markdown)."""
    errors = []
    if f.label is None:
        return errors
    if f.tie:
        if "The top options tie" not in sure:
            errors.append(f"{where}: a tie, but no word of it")
        return errors
    pc = "%.0f%%" % (f.confidence * 100)
    if f"{f.winner} stays ahead in {pc} of " not in sure:
        errors.append(f"{where}: no confidence of {pc} for {f.winner}")
    agree = f.j["methods_agree"]
    if agree and f"all pick {f.winner}." not in sure:
        errors.append(f"{where}: the methods agree, not said")
    if not agree and "The methods disagree:" not in sure:
        errors.append(f"{where}: the methods disagree, not said")
    crit = re.findall(r"Most critical: (.*?), whose weight", sure)
    want = [f.critical] if f.critical else []
    if crit != want:
        errors.append(f"{where}: most critical {crit}, expected {want}")
    got = [t for t in f.traits if t in sure]
    if got != f.traits or sure.count("If ") != len(f.traits):
        errors.append(f"{where}: answers that change it differ: expected "
                      f"{f.traits}")
    got = [v for v in f.value_flips if v in sure]
    if got != f.value_flips or sure.count("'s ") + sure.count(
            " if its ") < len(f.value_flips):
        errors.append(f"{where}: values that change it differ: expected "
                      f"{f.value_flips}")
    if f.j.get("ratings_drawn") and f.j["confidence_weights"] is not None:
        want = ("With only the weights moving %s stays ahead in %.0f%% of "
                "the draws, with only the ratings in %.0f%%" % (
                    f.winner, f.j["confidence_weights"] * 100,
                    f.j["confidence_ratings"] * 100))
        if want not in sure:
            errors.append(f"{where}: no '{want}'")
    return errors


def check_ranks(f, lines, where, md):
    """The rank-acceptability sentence and table (three or more options)."""
    errors = []
    text = flat(" ".join(lines))
    if md:
        text = md_unescape(text)
    if len(f.ranks) < 3:
        if "of the draws," in text and " is first in " in text:
            errors.append(f"{where}: rank acceptability for two options")
        return errors
    if f.first_places() not in text:
        errors.append(f"{where}: no '{f.first_places()}'")
    got, inside = [], md
    for line in lines:
        if not md and line.startswith("  Rank in the draws"):
            inside = True
            continue
        if not inside:
            continue
        if md:
            cells = md_cells(line) if line.startswith("| ") else []
            if len(cells) > 1 and cells[1].endswith("%"):
                got.append((cells[0], cells[1:]))
            continue
        m = re.match(r"  (.+?) +((?:\d+%\s*)+)$", line)
        if not m:
            break
        got.append((m.group(1), m.group(2).split()))
    if got != f.ranks:
        errors.append(f"{where}: ranks {got}, expected {f.ranks}")
    return errors


def parse_flip(f, sentence):
    for o in f.opt.values():
        # A flip at the end of the weight scale only draws level.
        verb = next((v for v in (" would win if ", " would tie if ")
                     if sentence.startswith(o + v)), None)
        if verb is None:
            continue
        rest = sentence[len(o) + len(verb):]
        for c in f.crit.values():
            m = re.match(re.escape(c) + r" weighed (more|less) than ", rest)
            if m:
                return (c, o, m.group(1))
            m = re.match(re.escape(c) + r" weighed ([\d.]+) instead of "
                         r"([\d.]+)", rest)
            if m:
                return (c, o, "less" if float(m.group(1)) <
                        float(m.group(2)) else "more")
    return ("?", sentence, "?")


def check_weights(f, text, where):
    """The pairwise and group facts, in flattened text or Markdown."""
    errors = []
    pw = f.j.get("pairwise")
    if pw is not None:
        if len(pw["criteria"]) > 2 and \
                "Consistency ratio %.3f " % pw["cr"] not in text:
            errors.append(f"{where}: no consistency ratio {pw['cr']:.3f}")
        if ("Warning:" in text) == pw["consistent"]:
            errors.append(f"{where}: warning shown is not "
                          f"{not pw['consistent']}")
        if (pw["most_inconsistent"] is not None and not pw["consistent"]
                and "Most out of line: " not in text):
            errors.append(f"{where}: most inconsistent judgement not named")
    g = f.j.get("group")
    if g is None:
        return errors
    for mb in g["members"]:
        pick = f.opt[mb["option"]] if mb["option"] else "a tie"
        if f"{mb['name']} (say {mb['say']:g}): {pick}" not in text:
            errors.append(f"{where}: member {mb['name']} picking {pick} "
                          "not stated")
    if "Consensus %.0f%%" % (g["consensus"] * 100) not in text:
        errors.append(f"{where}: consensus not stated")
    matters = [d for d in g["disagreements"] if d["matters"]]
    said = text.count(" the group picks ")
    if said != len(matters):
        errors.append(f"{where}: {said} disagreements that matter, JSON "
                      f"has {len(matters)}")
    for d in matters:
        pick = f.opt[d["option"]] if d["option"] else "a tie"
        if f"With {d['member']}'s" not in text or \
                f"the group picks {pick}." not in text:
            errors.append(f"{where}: {d['id']} matters, not said so")
    return errors


def check_text(f, out, where):
    errors = check_weights(f, flat(out), where)
    sec = sections(out)
    head = flat(out.split("\n\n")[0])
    if f.tie:
        want = f"{f.title}: no recommendation, "
        if not head.startswith(want):
            errors.append(f"{where}: headline '{head}' is not a tie")
        missing = [o for o in f.tied if o not in head.split(" tie at ")[0]]
        if missing:
            errors.append(f"{where}: tied options {missing} not named in "
                          f"'{head}'")
    else:
        m = re.match(re.escape(f.title) + r": (.+?) recommended.*?, "
                     r"(?:closeness )?(\d+\.\d\d) against (\d+\.\d\d) for "
                     r"(.+?) \(", head)
        if not m:
            errors.append(f"{where}: no headline in '{head}'")
        elif (m.group(1), m.group(2), m.group(3), m.group(4)) != (
                f.winner, f.ranked[0][1], f.ranked[1][1], f.runner_up):
            errors.append(f"{where}: headline '{head}' disagrees with "
                          f"{f.ranked[:2]}")
    m = re.search(r"Scores: (.*?)(?: Why:| How sure|$)", head + " ")
    if len(f.ranked) > 2:
        want = ", ".join(f"{o} {s}" for o, s in f.ranked)
        if not m or m.group(1).strip() != want:
            errors.append(f"{where}: scores line is not '{want}'")
    sure_name = [k for k in sec if k.startswith("How sure: ")]
    if f.label is not None:
        if sure_name != ["How sure: " + f.label]:
            errors.append(f"{where}: how-sure heading {sure_name}, "
                          f"expected {f.label}")
        else:
            body = sec[sure_name[0]]
            sure = flat(" ".join([sure_name[0]] + body))
            errors += check_sure(f, sure, where)
            errors += check_ranks(f, body, where, False)
            got = [parse_flip(f, s) for s in unwrap_items(body, "  - ")
                   if not s.startswith("If ") and s not in f.value_flips]
            if got != f.flips:
                errors.append(f"{where}: flips {got}, expected {f.flips}")
    for sign, key in ((1, "Why "), (-1, "What speaks for ")):
        names = [k for k in sec if k.startswith(key)]
        got = []
        for item in unwrap_items(sec[names[0]] if names else [],
                                 "  + " if sign > 0 else "  - "):
            m = re.match(r"(.+?): ([+-]\d+\.\d\d), weight ", item)
            if m:
                got.append((m.group(1), m.group(2)))
        errors += f.check_reasons(got, sign, f"{where}: {key.strip()}")
    total = re.findall(r"^  total \([^)]*\) +\S+ +(\S+) +(\S+) ", out,
                       re.M)
    want = ("%.2f" % f.sum_pair[0], "%.2f" % f.sum_pair[1])
    if total != [want]:
        errors.append(f"{where}: total row {total}, expected sums {want}")
    return errors


def md_unescape(s):
    return re.sub(r"\\(.)", r"\1", s)


def md_cells(row):
    return [md_unescape(c.strip())
            for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def md_section(md, heading):
    """Lines under the first '### ' heading that starts with heading."""
    lines, inside = [], False
    for line in md.split("\n"):
        if line.startswith("### ") or line.startswith("## "):
            inside = md_unescape(line[4:]).startswith(heading)
            continue
        if inside:
            lines.append(line)
    return lines


def check_markdown(f, out, where):
    errors = check_weights(f, md_unescape(flat(out)).replace("**", ""),
                           where)
    lines = out.split("\n")
    head = md_unescape(lines[0])
    if f.tie:
        if head != f"## {f.title}: no recommendation":
            errors.append(f"{where}: heading '{head}' is not a tie")
        named = re.findall(r"\*\*(.+?)\*\*", lines[2].split(" tie at ")[0])
        if [md_unescape(n) for n in named] != f.tied:
            errors.append(f"{where}: tied {named}, expected {f.tied}")
    else:
        if head != f"## {f.title}: {f.winner} recommended":
            errors.append(f"{where}: heading '{head}'")
        want = (f"**{f.winner}** scores {f.ranked[0][1]} against "
                f"{f.ranked[1][1]} for {f.runner_up}")
        if not md_unescape(lines[2]).startswith(want):
            errors.append(f"{where}: '{lines[2]}' is not '{want}'")
    if f.label is not None:
        body = md_section(out, "How sure: ")
        if not any(l.startswith("### How sure: " + f.label)
                   for l in lines):
            errors.append(f"{where}: no '### How sure: {f.label}'")
        sure = md_unescape(flat(" ".join(body)))
        errors += check_sure(f, sure, where)
        errors += check_ranks(f, md_section(out, "Rank acceptability"),
                              where, True)
        rows = [md_cells(l) for l in body if l.startswith("| ")]
        got = [(r[0], r[3]) for r in rows[1:] if r and r[0] != ":--"]
        want = [(c, o) for c, o, _ in f.flips]
        if got != want:
            errors.append(f"{where}: flips table {got}, expected {want}")
    for sign, key in ((1, "Why "), (-1, "What speaks for ")):
        got = []
        for line in md_section(out, key):
            m = re.match(r"- \*\*(.+?)\*\*: ([+-]\d+\.\d\d), weight ", line)
            if m:
                got.append((md_unescape(m.group(1)), m.group(2)))
        errors += f.check_reasons(got, sign, f"{where}: {key.strip()}")
    table = [md_cells(l) for l in md_section(out, "Criteria")
             if l.startswith("| ")]
    if not table or table[0][2:-1] != [o for o, _ in f.ranked]:
        errors.append(f"{where}: criteria columns are not "
                      f"{[o for o, _ in f.ranked]}")
    elif [c.strip("*") for c in table[-1][2:-1]] != [
            "%.2f" % f.sums[o] for o, _ in f.ranked]:
        errors.append(f"{where}: sums row {table[-1]}, expected "
                      f"{[f.sums[o] for o, _ in f.ranked]}")
    return errors


def screen_facts(j):
    """What the JSON's screen says: each option screened out ("Alpha
    fails ...") and each relax line, in order."""
    s = j.get("screen")
    if not s:
        return []
    return [o["label"] + " fails " for o in s["screened"]] + \
        [r["text"] for r in s["relax"]]


def check_screen(j, out, name, where):
    """The options screened out and the relax lines, in the JSON's order,
    in the text or Markdown output."""
    text = flat(out) if name == "text" else \
        md_unescape(flat(out)).replace("**", "")
    errors, at = [], 0
    for fact in screen_facts(j):
        i = text.find(fact, at)
        if i < 0:
            errors.append(f"{where}: lacks '{fact}' (in this order)")
        else:
            at = i + len(fact)
    return errors


def screen_cases(src):
    """Profiles whose musts leave fewer than two options, with the exit
    status they give: nothing is scored, only the screen is compared."""
    good = os.path.join(src, "tests", "data", "good")
    three = os.path.join(good, "three-options.yaml")
    return [Case("musts-none-profile.yaml",
                 os.path.join(good, "musts-none-profile.yaml"), three), 1,
            Case("musts-only-profile.yaml",
                 os.path.join(good, "musts-only-profile.yaml")), 0]


CHECKERS = {
    "text": check_text,
    "markdown": check_markdown,
}


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    sp, src = argv
    errors, runs = [], 0
    fmts = formats(sp)
    for name in fmts:
        if name not in CHECKERS and name not in SKIP:
            errors.append(f"format '{name}' has no checker: add one to "
                          "tests/cli/facts.py, or list it in SKIP with the "
                          "reason")
    for case in cases(src):
        for method in methods(sp):
            base = case.args() + ["--method", method, "--color=never"]
            j = json.loads(run(sp, base + ["--format", "json",
                                           case.profile]).stdout)
            f = Facts(j)
            for name in fmts:
                if name not in CHECKERS:
                    continue
                out = run(sp, base + ["--format", name,
                                      case.profile]).stdout
                where = f"{case.name} --method {method} --format {name}"
                errors += CHECKERS[name](f, out, where)
                errors += check_screen(j, out, name, where)
                runs += 1
    pairs = screen_cases(src)
    for case, code in zip(pairs[0::2], pairs[1::2]):
        base = case.args() + ["--color=never"]
        j = json.loads(run(sp, base + ["--format", "json", case.profile],
                           code).stdout)
        if not screen_facts(j):
            errors.append(f"{case.name}: the JSON has no screen")
        for name in fmts:
            if name not in CHECKERS:
                continue
            out = run(sp, base + ["--format", name, case.profile],
                      code).stdout
            errors += check_screen(j, out, name,
                                   f"{case.name} --format {name}")
            runs += 1
    for e in errors:
        print("FAIL: " + e, file=sys.stderr)
    if runs == 0:
        print("FAIL: nothing was checked", file=sys.stderr)
        return 1
    print(f"{runs} reports state what their JSON says"
          if not errors else f"{len(errors)} disagreements in {runs} reports")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
