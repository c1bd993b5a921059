#!/usr/bin/env python3
"""The pull-request recipes of docs/ci.md, run as far as this machine
allows:

    recipes.py STACKPICK SOURCE_DIR

Both recipes parse as YAML and build stackpick with the runtime
dependencies only; their report steps run as written (bash, as the CI
services run them) in a scratch project, with stand-ins for the services,
for gates that pass, a gate that fails and a profile that cannot be read;
and the GitHub comment script runs under node against a stand-in for
GitHub's API, posting once and then editing its own comment.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("SKIP: python3-yaml missing (run scripts/install-test-deps.sh)")
    sys.exit(77)

MARKER = "<!-- stackpick -->"
failures = []
checked = []


def check(ok, what):
    checked.append(what)
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def recipes(doc):
    text = open(doc, encoding="utf-8").read()
    blocks = re.findall(r"^```yaml\n(.*?)^```$", text, re.S | re.M)
    docs = [yaml.safe_load(b) for b in blocks]
    github = next(d for d in docs if isinstance(d, dict) and "jobs" in d)
    gitlab = next(d for d in docs if isinstance(d, dict) and "stackpick" in d
                  and "script" in d["stackpick"])
    return github, gitlab


def bash(script, cwd, env):
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail",
                           "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


def project(tmp, src, sp, kind, name):
    """A scratch project: stackpick on PATH, its source as the submodule,
    project.yaml and the decision.json recorded for it."""
    work = os.path.join(tmp, name)
    os.makedirs(os.path.join(work, "tools"))
    os.symlink(src, os.path.join(work, "tools", "stackpick"))
    bindir = os.path.join(tmp, "bin")
    os.makedirs(bindir, exist_ok=True)
    if not os.path.exists(os.path.join(bindir, "stackpick")):
        os.symlink(sp, os.path.join(bindir, "stackpick"))
    profile = open(os.path.join(src, "data/examples/realtime-chat.yaml"),
                   encoding="utf-8").read()
    with open(os.path.join(work, "project.yaml"), "w",
              encoding="utf-8") as f:
        f.write(profile)
    with open(os.path.join(work, "decision.json"), "w",
              encoding="utf-8") as f:
        subprocess.run([sp, "--format", "json", "project.yaml"], cwd=work,
                       stdout=f, check=True)
    if kind == "failing":
        profile = (profile.replace("realtime: true", "realtime: false")
                   .replace("frontend: javascript", "frontend: other")
                   .replace("python: 2", "python: 5")
                   .replace("ml: none", "ml: heavy"))
    elif kind == "broken":
        profile = "name: [\n"
    with open(os.path.join(work, "project.yaml"), "w",
              encoding="utf-8") as f:
        f.write(profile)
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"])
    return work, env


def check_comment(comment, kind, where):
    lines = comment.splitlines()
    check(lines and lines[0] == MARKER, where + ": marker first")
    if kind == "passing":
        check("every gate passed" in lines[1], where + ": gates passed")
    elif kind == "failing":
        check("a gate failed" in lines[1], where + ": failed gates on top")
        check(any(l.startswith("- project.yaml: gate expect failed")
                  for l in lines[2:6]), where + ": failed gate listed")
    else:
        check("could not be scored" in lines[1], where + ": error on top")
        check("project.yaml:2:1:" in comment, where + ": the error shown")
    if kind != "broken":
        check("<details><summary>" in comment and "</details>" in comment,
              where + ": report folded")
        check(re.search(r"^### realtime-chat: \S+ recommended$", comment,
                        re.M) is not None, where + ": headline")


def run_github(github, tmp, src, sp, kind):
    steps = github["jobs"]["stackpick"]["steps"]
    check(steps[0].get("run", "").find("install -y") > 0
          and "git" in steps[0]["run"] and "checkout" in steps[1]["uses"],
          "github: git installed before checkout")
    build = next(s for s in steps if s.get("name") == "Build stackpick")
    check("install-deps.sh --runtime" in build["run"],
          "github: runtime dependencies only")
    check(github["permissions"]["pull-requests"] == "write",
          "github: may write comments")
    work, env = project(tmp, src, sp, kind, "gh-" + kind)
    out = {n: os.path.join(work, n) for n in ("summary", "output")}
    env.update(GITHUB_STEP_SUMMARY=out["summary"], GITHUB_OUTPUT=out["output"])
    report = next(s for s in steps if s.get("id") == "report")
    r = bash(report["run"], work, env)
    check(r.returncode == 0, "github %s: report step exits 0: %s" %
          (kind, r.stderr))
    comment = open(os.path.join(work, "comment.md"), encoding="utf-8").read()
    check_comment(comment, kind, "github " + kind)
    check(open(out["summary"], encoding="utf-8").read() == comment,
          "github %s: summary" % kind)
    status = open(out["output"], encoding="utf-8").read().strip()
    want = {"passing": "status=0", "failing": "status=1",
            "broken": "status=65"}[kind]
    check(status == want, "github %s: %s, not %s" % (kind, want, status))
    gate = steps[-1]["run"].replace("${{ steps.report.outputs.status }}",
                                    status.split("=")[1])
    check(bash(gate, work, env).returncode == int(status.split("=")[1]),
          "github %s: gate step" % kind)
    post = next(s for s in steps if "github-script" in s.get("uses", ""))
    github_script(post["with"]["script"], work, tmp)


def github_script(script, work, tmp):
    """Runs the comment script twice against a stand-in for the API: the
    first run posts, the second edits the same comment."""
    if shutil.which("node") is None:
        print("SKIP: node missing: the comment script was not run")
        return
    harness = """
const fs = require('fs');
const state = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const rest = { issues: {
  listComments: 'list',
  createComment: async (a) => { state.comments.push({ id: state.comments.length + 1, user: { type: 'Bot' }, body: a.body }); state.calls.push('create'); },
  updateComment: async (a) => { state.comments.find(c => c.id === a.comment_id).body = a.body; state.calls.push('update'); },
} };
const github = { rest, paginate: async (f, a) => f === 'list' && a.issue_number === 7 ? state.comments : [] };
const context = { repo: { owner: 'o', repo: 'r' }, issue: { number: 7 } };
(async () => { %s
})().then(() => fs.writeFileSync(process.argv[2], JSON.stringify(state)));
""" % script
    path = os.path.join(tmp, "harness.js")
    with open(path, "w", encoding="utf-8") as f:
        f.write(harness)
    state = os.path.join(tmp, "state.json")
    with open(state, "w", encoding="utf-8") as f:
        json.dump({"comments": [{"id": 1, "user": {"type": "User"},
                                 "body": MARKER + " quoted by a person"}],
                   "calls": []}, f)
    for _ in range(2):
        r = subprocess.run(["node", path, state], cwd=work,
                           capture_output=True, text=True, check=False)
        check(r.returncode == 0, "github-script runs: " + r.stderr)
    got = json.load(open(state, encoding="utf-8"))
    check(got["calls"] == ["create", "update"],
          "github-script posts once, then edits: %s" % got["calls"])
    check(len(got["comments"]) == 2 and got["comments"][1]["body"] ==
          open(os.path.join(work, "comment.md"), encoding="utf-8").read(),
          "github-script posts comment.md")


def run_gitlab(gitlab, tmp, src, sp, kind):
    job = gitlab["stackpick"]
    check(any("install-deps.sh --runtime" in l for l in job["before_script"]),
          "gitlab: runtime dependencies only")
    work, env = project(tmp, src, sp, kind, "gl-" + kind)
    calls = os.path.join(work, "curl.log")
    fake = os.path.join(work, "fakebin")
    os.makedirs(fake)
    with open(os.path.join(fake, "curl"), "w", encoding="utf-8") as f:
        f.write('#!/bin/sh\necho "$*" >> "%s"\n'
                'case "$*" in *"-X "*) ;; *) echo "[{\\"id\\": 9, '
                '\\"body\\": \\"%s old\\"}]" ;; esac\n' % (calls, MARKER))
    os.chmod(os.path.join(fake, "curl"), 0o755)
    env.update(PATH=fake + os.pathsep + env["PATH"],
               CI_API_V4_URL="https://gitlab.invalid/api/v4",
               CI_PROJECT_ID="3", CI_MERGE_REQUEST_IID="7",
               STACKPICK_TOKEN="t")
    r = bash("\n".join(job["script"]), work, env)
    want = {"passing": 0, "failing": 1, "broken": 65}[kind]
    check(r.returncode == want, "gitlab %s: exits %d, not %d: %s" %
          (kind, want, r.returncode, r.stderr))
    check_comment(open(os.path.join(work, "comment.md"),
                       encoding="utf-8").read(), kind, "gitlab " + kind)
    log = open(calls, encoding="utf-8").read()
    check("-X PUT" in log and "/notes/9" in log,
          "gitlab %s: edits its own note" % kind)
    note = json.load(open(os.path.join(work, "note.json"), encoding="utf-8"))
    check(note["body"].startswith(MARKER), "gitlab %s: note body" % kind)


def main():
    sp, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    github, gitlab = recipes(os.path.join(src, "docs", "ci.md"))
    tmp = tempfile.mkdtemp()
    try:
        for kind in ("passing", "failing", "broken"):
            run_github(github, tmp, src, sp, kind)
            run_gitlab(gitlab, tmp, src, sp, kind)
    finally:
        shutil.rmtree(tmp)
    print("%d passed, %d failed" % (len(checked) - len(failures),
                                     len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
