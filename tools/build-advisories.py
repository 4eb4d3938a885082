#!/usr/bin/env python3
"""Builds DjangoLsp's embedded, offline advisory database from a PyPA advisory-database snapshot.

Usage (from the repository root):
    python3 tools/build-advisories.py [SNAPSHOT_DIR] [OUTPUT]
defaults: ../shared/advisories/pypa-advisory-database  server/DjangoLsp.Analysis/Dependencies/Data/advisories.json.gz

Input: OSV advisories, one YAML file per advisory under vulns/<package>/ (CC-BY 4.0, see the snapshot's LICENSE).
Output: gzip'd JSON read by DjangoLsp.Analysis.Dependencies.AdvisoryDatabase. The output is deterministic
(sorted keys, fixed gzip mtime) so rebuilding the same snapshot gives the same bytes.

Format (version 1):
{ "format": 1, "source": ..., "license": ..., "notice": ..., "snapshotCommit": ..., "snapshotDate": "YYYY-MM-DD",
  "packages": { "<pep503 name>": [ { "id", "aliases": [...], "summary", "severity"?: "critical|high|medium|low",
      "published", "modified", "events": [["i","4.2"],["f","4.2.15"],["l","1.0"]...] per range, as "ranges": [[...]],
      "versions": [...] } ] } }
GIT ranges are dropped (commit hashes mean nothing for a pin); withdrawn advisories are skipped.
"""
import datetime
import glob
import gzip
import io
import json
import math
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The snapshot sits next to the checkout (../shared/...); a git worktree one level deeper finds it at ../../shared.
SNAPSHOT_CANDIDATES = [os.path.join(ROOT, *[".."] * up, "shared", "advisories", "pypa-advisory-database") for up in (1, 2)]
DEFAULT_SNAPSHOT = next((c for c in SNAPSHOT_CANDIDATES if os.path.isdir(c)), SNAPSHOT_CANDIDATES[0])
DEFAULT_OUTPUT = os.path.join(ROOT, "server", "DjangoLsp.Analysis", "Dependencies", "Data", "advisories.json.gz")


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


# Leading sentences that say nothing about the flaw ("Requests is a HTTP library.", "An issue was discovered in
# Django 5.0 before 5.0.8."): the summary is the next sentence. Same rule in OsvDirectoryLoader.Summarize (C#).
GENERIC_FIRST_SENTENCE = r"^([\w\-. ]{1,40} (is|are) (a|an|the) |An issue was discovered in )"


def summary_of(doc):
    text = (doc.get("summary") or "").strip()
    if not text:
        details = " ".join((doc.get("details") or "").split())
        # First sentence, so hovers and messages stay one line.
        sentences = [m.group(1) for m in re.finditer(r"(.+?\.)(?:\s+|$)", details)]
        # "Requests is a HTTP library." says nothing about the flaw: skip a leading product description.
        if len(sentences) > 1 and re.match(GENERIC_FIRST_SENTENCE, sentences[0]):
            sentences = sentences[1:]
        text = sentences[0] if sentences and len(sentences[0]) >= 20 else details
    if len(text) > 240:
        text = text[:237].rstrip() + "..."
    return text


# CVSS v3 base score (FIRST specification, section 7.1) so findings on high/critical advisories can be errors.
_W = {
    "AV": {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2},
    "AC": {"L": 0.77, "H": 0.44},
    "UI": {"N": 0.85, "R": 0.62},
    "C": {"H": 0.56, "L": 0.22, "N": 0.0},
    "I": {"H": 0.56, "L": 0.22, "N": 0.0},
    "A": {"H": 0.56, "L": 0.22, "N": 0.0},
}


def _roundup(x):
    i = int(round(x * 100000))
    return i / 100000.0 if i % 10000 == 0 else (math.floor(i / 10000) + 1) / 10.0


def cvss3_score(vector):
    parts = dict(p.split(":", 1) for p in vector.split("/")[1:] if ":" in p)
    try:
        scope_changed = parts["S"] == "C"
        pr = {"N": 0.85, "L": 0.68 if scope_changed else 0.62, "H": 0.5 if scope_changed else 0.27}[parts["PR"]]
        iss = 1 - (1 - _W["C"][parts["C"]]) * (1 - _W["I"][parts["I"]]) * (1 - _W["A"][parts["A"]])
        impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 if scope_changed else 6.42 * iss
        exploitability = 8.22 * _W["AV"][parts["AV"]] * _W["AC"][parts["AC"]] * pr * _W["UI"][parts["UI"]]
    except KeyError:
        return None
    if impact <= 0:
        return 0.0
    if scope_changed:
        return _roundup(min(1.08 * (impact + exploitability), 10))
    return _roundup(min(impact + exploitability, 10))


def severity_of(doc):
    best = None
    for s in doc.get("severity") or []:
        if str(s.get("type", "")).startswith("CVSS_V3"):
            score = cvss3_score(str(s.get("score", "")))
            if score is not None:
                best = score if best is None else max(best, score)
    if best is None:
        return None
    if best >= 9.0:
        return "critical"
    if best >= 7.0:
        return "high"
    if best >= 4.0:
        return "medium"
    return "low" if best > 0 else None


def text(value):
    # YAML turns unquoted 1.0 into a float and dates into datetimes; advisories mean strings.
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat().replace("+00:00", "Z")
    return str(value)


def build(snapshot_dir):
    packages = {}
    skipped = 0
    files = sorted(glob.glob(os.path.join(snapshot_dir, "vulns", "*", "*.yaml")))
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        if not isinstance(doc, dict) or doc.get("withdrawn"):
            skipped += 1
            continue
        for affected in doc.get("affected") or []:
            pkg = affected.get("package") or {}
            if pkg.get("ecosystem") != "PyPI" or not pkg.get("name"):
                continue
            ranges = []
            for r in affected.get("ranges") or []:
                if r.get("type") != "ECOSYSTEM":
                    continue
                events = []
                for e in r.get("events") or []:
                    for key, short in (("introduced", "i"), ("fixed", "f"), ("last_affected", "l")):
                        if key in e:
                            events.append([short, text(e[key])])
                if events:
                    ranges.append(events)
            entry = {
                "id": doc["id"],
                "aliases": sorted(text(a) for a in doc.get("aliases") or []),
                "summary": summary_of(doc),
                "published": text(doc.get("published", ""))[:10],
                "modified": text(doc.get("modified", ""))[:10],
                "ranges": ranges,
                "versions": [text(v) for v in affected.get("versions") or []],
            }
            sev = severity_of(doc)
            if sev:
                entry["severity"] = sev
            packages.setdefault(normalize(pkg["name"]), []).append(entry)
    for entries in packages.values():
        entries.sort(key=lambda e: e["id"])
    return packages, len(files), skipped


def snapshot_info(snapshot_dir):
    line = open(os.path.join(snapshot_dir, "SNAPSHOT.txt"), encoding="utf-8").read()
    commit = re.search(r"commit ([0-9a-f]{40})", line)
    date = re.search(r"\((\w{3} \w{3} \d+ [\d:]+ \d{4} [+-]\d{4})\)", line)
    parsed = datetime.datetime.strptime(date.group(1), "%a %b %d %H:%M:%S %Y %z") if date else None
    return (commit.group(1) if commit else "unknown"), (parsed.strftime("%Y-%m-%d") if parsed else "unknown")


def main():
    snapshot_dir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SNAPSHOT
    output = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUTPUT
    packages, files, skipped = build(snapshot_dir)
    if files == 0:
        sys.exit(f"no advisories found under {snapshot_dir}/vulns")
    commit, date = snapshot_info(snapshot_dir)
    data = {
        "format": 1,
        "source": "https://github.com/pypa/advisory-database",
        "license": "CC-BY-4.0",
        "notice": f"Contains data from the PyPA Advisory Database (https://github.com/pypa/advisory-database), "
                  f"licensed CC-BY 4.0, snapshot {commit} of {date}.",
        "snapshotCommit": commit,
        "snapshotDate": date,
        "packages": packages,
    }
    # The header goes first and "packages" last, so the snapshot date can be read without decompressing everything.
    header = {k: v for k, v in data.items() if k != "packages"}
    text = json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=False)[:-1]
    text += ',"packages":' + json.dumps(packages, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "}"
    raw = text.encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(raw)
    os.makedirs(os.path.dirname(output), exist_ok=True)
    with open(output, "wb") as f:
        f.write(buf.getvalue())
    advisories = sum(len(v) for v in packages.values())
    print(f"{files} files, {skipped} withdrawn/skipped, {len(packages)} packages, {advisories} advisory entries; "
          f"{len(raw)} bytes JSON, {len(buf.getvalue())} bytes gzip -> {output}")


if __name__ == "__main__":
    main()
