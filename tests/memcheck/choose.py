#!/usr/bin/env python3
"""Chooses the CLI tests that the valgrind preset runs (tests/memcheck/list.txt).

Every test labelled unit or fuzz runs under memcheck.  Of the CLI tests,
which AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer all
check in the asan preset, memcheck adds what the sanitizers cannot see:
reads of memory never written.  That is found where the code runs, so the
CLI tests that run under memcheck are chosen by what code they reach:

1. stackpick is built with gcov (--coverage) into BUILD_DIR, and every
   unit, fuzz and CLI test is run alone, recording the lines of src/ it
   executes and how many times stackpick's main() ran (each run of the
   binary under memcheck costs about 0.3 s of CPU, whatever it does);
2. the lines that some CLI test reaches and no unit or fuzz test does are
   the ones to cover; CLI tests are taken greedily, the most new lines per
   run of the binary first, until the runs reach --runs;
3. the chosen tests are written to tests/memcheck/list.txt, with the share
   of those lines they reach, and every line left out is printed.

  tests/memcheck/choose.py [--runs N] [--build-dir DIR] [--again]

The lines each test reaches are kept in BUILD_DIR/memcheck.json; --again
chooses from them without building and running the tests again.

Run it from the source tree after adding or changing CLI tests; it takes
a few minutes.  Needs gcc, gcov, cmake and the CLI tests' tools.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LIST = os.path.join(ROOT, 'tests', 'memcheck', 'list.txt')


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def tests_of(build, labels):
    out = subprocess.run(['ctest', '-N', '-L', labels], cwd=build,
                         capture_output=True, text=True, check=True).stdout
    return re.findall(r'Test +#\d+: (\S+)', out)


def executed(build):
    """Lines of src/ run since the counters were cleared, and main()'s count."""
    lines, mains = set(), 0
    for objdir in glob.glob(os.path.join(build, 'CMakeFiles', '*', 'src')):
        for gcda in glob.glob(os.path.join(objdir, '*.gcda')):
            out = subprocess.run(['gcov', '-t', '-o', objdir, gcda],
                                 capture_output=True, text=True,
                                 cwd=build).stdout
            src = None
            for ln in out.splitlines():
                parts = ln.split(':', 2)
                if len(parts) < 3:
                    continue
                count, num, text = (parts[0].strip(), parts[1].strip(),
                                    parts[2])
                if num == '0' and text.startswith('Source:'):
                    src = os.path.relpath(text[7:], ROOT)
                    continue
                if not count.rstrip('*').isdigit() or int(count.rstrip('*')) == 0:
                    continue
                lines.add('%s:%s' % (src, num))
                if src == 'src/main.c' and text.startswith('main('):
                    mains += int(count.rstrip('*'))
    return lines, mains


def measure(build, test):
    for gcda in glob.glob(os.path.join(build, '**', '*.gcda'), recursive=True):
        os.unlink(gcda)
    subprocess.run(['ctest', '-R', '^%s$' % re.escape(test), '-Q'],
                   cwd=build, check=False)
    return executed(build)


def measure_all(build):
    """Builds with gcov and runs each test alone: (lines, runs) of each."""
    run(['cmake', '-S', ROOT, '-B', build, '-DBUILD_TESTING=ON',
         '-DCMAKE_BUILD_TYPE=Debug', '-DCMAKE_C_FLAGS=--coverage -O0',
         '-DCMAKE_EXE_LINKER_FLAGS=--coverage'], stdout=subprocess.DEVNULL)
    run(['cmake', '--build', build, '-j%d' % (os.cpu_count() or 2)],
        stdout=subprocess.DEVNULL)
    base, cost, reach = set(), {}, {}
    for t in tests_of(build, '^(unit|fuzz)$'):
        base |= measure(build, t)[0]
    for t in tests_of(build, '^cli$'):
        reach[t], cost[t] = measure(build, t)
    return base, reach, cost


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--runs', type=int, default=60,
                    help='runs of stackpick under memcheck to spend')
    ap.add_argument('--build-dir', default=os.path.join(ROOT, 'build-coverage'))
    ap.add_argument('--again', action='store_true',
                    help='choose again from the lines kept by the last run')
    a = ap.parse_args()
    build = a.build_dir
    kept = os.path.join(build, 'memcheck.json')
    if a.again:
        with open(kept) as f:
            data = json.load(f)
        base = set(data['base'])
        reach = {t: set(v) for t, v in data['reach'].items()}
        cost = data['cost']
    else:
        base, reach, cost = measure_all(build)
        with open(kept, 'w') as f:
            json.dump({'base': sorted(base), 'cost': cost,
                       'reach': {t: sorted(v) for t, v in reach.items()}}, f)
    need = set().union(*reach.values()) - base
    left, chosen, spent = set(need), [], 0
    while left:
        fits = [t for t in reach if left & reach[t] and
                spent + max(cost[t], 1) <= a.runs]
        if not fits:
            break
        best = max(fits, key=lambda t: len(left & reach[t]) / max(cost[t], 1))
        chosen.append(best)
        left -= reach[best]
        spent += max(cost[best], 1)
    share = 100.0 * (len(need) - len(left)) / max(len(need), 1)
    with open(LIST, 'w') as f:
        f.write('# The CLI tests that run under memcheck in the valgrind preset,\n'
                '# chosen by tests/memcheck/choose.py --runs %d: of the %d lines of\n'
                '# src/ that CLI tests reach and no unit or fuzz test does, these\n'
                '# %d tests (%d runs of stackpick) reach %d (%.1f%%).\n'
                % (a.runs, len(need), len(chosen), spent, len(need) - len(left),
                   share))
        for t in sorted(chosen):
            f.write(t + '\n')
    print('%d tests, %d runs (of %d): %d of %d lines (%.1f%%)' %
          (len(chosen), spent, sum(max(c, 1) for c in cost.values()),
           len(need) - len(left), len(need), share))
    for ln in sorted(left, key=lambda x: (x.split(':')[0], int(x.split(':')[1]))):
        print('  not under memcheck: ' + ln)
    return 0


if __name__ == '__main__':
    sys.exit(main())
