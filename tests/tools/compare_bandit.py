#!/usr/bin/env python3
"""Builds the DjangoLsp-vs-bandit tables of docs/comparison.md from JSON reports only (never runs either tool).

Usage: python3 tests/tools/compare_bandit.py REPORTS_DIR SOURCE_ROOT   (tests/tools/compare_bandit.sh runs it)
SOURCE_ROOT holds a copy of each target at the second path in TARGETS: the corpora are copied out of tests/
because DjangoLsp (rightly) skips some rules in test files, and a corpus under tests/ looks like test code.
REPORTS_DIR holds, for each target (slashes replaced by _), NAME.djangolsp.json
(`djangolsp check PATH --format json --no-config --include-migrations`) and NAME.bandit.json (`bandit -r PATH -f json`),
both run from SOURCE_ROOT, plus expected.json (`python3 examples/tools/expected_findings.py --json`).
A tool "finds" an expected finding when it reports anything on that line (or the alternative line);
a false positive is any report on a line the ground truth calls safe.
"""
import json
import os
import sys
from collections import defaultdict

TARGETS = [("examples/vulnerable-shop", "examples/vulnerable-shop"), ("tests/corpus/python", "corpus/python"),
           ("tests/corpus/python-crypto", "corpus/python-crypto"), ("tests/corpus/templates", "corpus/templates")]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def djangolsp_lines(report):
    lines = defaultdict(set)
    for f in report["findings"]:
        lines[os.path.normpath(f["path"])].add(f["range"]["start"]["line"] + 1)
    return lines


def bandit_lines(report):
    lines = defaultdict(set)
    for r in report["results"]:
        for line in r.get("line_range") or [r["line_number"]]:
            lines[os.path.normpath(r["filename"])].add(line)
    return lines


def hit(lines, path, *candidates):
    return any(c is not None and c in lines.get(os.path.normpath(path), ()) for c in candidates)


def corpus_truth(root):
    """(area, path, expected lines, safe lines or None for "every other line") per case file."""
    for area in sorted(os.listdir(root)):
        folder = os.path.join(root, area)
        if not os.path.isdir(folder):
            continue
        if os.path.exists(os.path.join(folder, "expected.json")):
            spec = load(os.path.join(folder, "expected.json"))
            for name, lines in spec["files"].items():
                yield area, os.path.join(folder, name), set(lines), None
        elif os.path.exists(os.path.join(folder, "expected.txt")):
            rows = [l.split() for l in open(os.path.join(folder, "expected.txt"), encoding="utf-8")
                    if l.strip() and not l.startswith("#")]
            if rows and rows[0][0].isdigit():  # "LINE RULE" rows about cases.py
                yield area, os.path.join(folder, "cases.py"), {int(r[0]) for r in rows}, None
            else:  # "file RULE:line ..." or "file -"
                for r in rows:
                    lines = {int(x.split(":")[1]) for x in r[1:] if ":" in x}
                    yield area, os.path.join(folder, r[0]), lines, None


def corpus_table(name, target, dj, bd):
    out = [f"### `{name}`", "",
           "| area | expected | DjangoLsp finds | bandit finds | DjangoLsp reports on other lines | bandit reports on other lines |",
           "|---|---:|---:|---:|---:|---:|"]
    totals = [0] * 5
    per_area = defaultdict(lambda: [0] * 5)
    for area, path, expected, _ in corpus_truth(target):
        row = [len(expected),
               sum(hit(dj, path, l) for l in expected), sum(hit(bd, path, l) for l in expected),
               len(dj.get(os.path.normpath(path), set()) - expected), len(bd.get(os.path.normpath(path), set()) - expected)]
        per_area[area] = [a + b for a, b in zip(per_area[area], row)]
    for area in sorted(per_area):
        totals = [a + b for a, b in zip(totals, per_area[area])]
        out.append(f"| {area} | " + " | ".join(map(str, per_area[area])) + " |")
    out.append("| **total** | " + " | ".join(f"**{t}**" for t in totals) + " |")
    return out, totals


def example_table(target, dj, bd, truth):
    per_area = defaultdict(lambda: [0, 0, 0, [], []])
    for f in truth["findings"]:
        a = per_area[f["area"]]
        path = os.path.join(target, f["file"])
        a[0] += 1
        if hit(dj, path, f["line"], f.get("alt_line")):
            a[1] += 1
        if hit(bd, path, f["line"], f.get("alt_line")):
            a[2] += 1
        elif hit(dj, path, f["line"], f.get("alt_line")):
            a[4].append(f["id"])
    safe = []
    for s in truth["safe"]:
        safe.append((s["id"], os.path.join(target, s["file"]), s["line"], s["why"]))
    for f in truth["findings"]:
        if f.get("twin"):
            safe.append((f["id"] + " twin", os.path.join(target, f["twin"]["file"]), f["twin"]["line"], "safe twin"))
    out = [f"### `{target}` (ground truth: EXPECTED.md, `examples/tools/expected_findings.py --json`)", "",
           "| area | expected | DjangoLsp finds | bandit finds | only DjangoLsp |", "|---|---:|---:|---:|---|"]
    totals = [0, 0, 0]
    for area in sorted(per_area):
        n, d, b, _, only = per_area[area]
        totals = [totals[0] + n, totals[1] + d, totals[2] + b]
        out.append(f"| {area} | {n} | {d} | {b} | {', '.join(only)} |")
    out.append(f"| **total** | **{totals[0]}** | **{totals[1]}** | **{totals[2]}** | |")
    dj_fp = [s for s in safe if hit(dj, s[1], s[2])]
    bd_fp = [s for s in safe if hit(bd, s[1], s[2])]
    out += ["", f"Safe lines (documented safe cases and safe twins): {len(safe)}; "
            f"DjangoLsp reports on {len(dj_fp)}, bandit on {len(bd_fp)}.", ""]
    for name, fps in (("DjangoLsp", dj_fp), ("bandit", bd_fp)):
        if fps:
            out.append(f"- {name} false positives: " + "; ".join(f"{s[0]} ({os.path.relpath(s[1], target)}:{s[2]})" for s in fps))
    return out, totals, len(safe), len(dj_fp), len(bd_fp)


def main():
    reports, source = sys.argv[1], sys.argv[2]
    os.chdir(source)
    lines = []
    for name, target in TARGETS:
        stem = os.path.join(reports, name.replace("/", "_"))
        dj = djangolsp_lines(load(stem + ".djangolsp.json"))
        bd = bandit_lines(load(stem + ".bandit.json"))
        if name.startswith("examples/"):
            lines += example_table(target, dj, bd, load(os.path.join(reports, "expected.json")))[0]
        else:
            lines += corpus_table(name, target, dj, bd)[0]
        lines.append("")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
