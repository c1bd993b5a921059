#!/usr/bin/env python3
"""Rewrites every ~~~markdown example of docs/adr.md with what the
command in the ```sh block above it prints now.

    update-doc.py STACKPICK SRCDIR
"""
import os
import subprocess
import sys

sp, src = sys.argv[1], sys.argv[2]
path = os.path.join(src, "docs/adr.md")
lines = open(path).read().split("\n")
env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(sp)) + ":" +
           os.environ["PATH"])
out, i, cmd = [], 0, None
while i < len(lines):
    line = lines[i]
    if line == "```sh":
        out.append(line)
        i += 1
        while lines[i] != "```":
            cmd = lines[i]
            out.append(lines[i])
            i += 1
    elif line == "~~~markdown":
        out.append(line)
        while lines[i] != "~~~":
            i += 1
        r = subprocess.run(["bash", "-c", cmd], cwd=src, env=env,
                           capture_output=True, text=True, check=True)
        out.extend(r.stdout.rstrip("\n").split("\n"))
    out.append(lines[i])
    i += 1
open(path, "w").write("\n".join(out))
