#!/usr/bin/env python3
"""The tables of scripts/bench-accuracy.sh (see there), from the documents and outputs it left.

usage: accuracy-report.py WORK SEED REALDIR PART...

PART is digital, office, archive, photocopy (WORK/gen/<doc>/{truth.json, <part>.out.json}, with
the exit status in <part>.out.json.rc; a scan part's files are named scan-<part>) or real (WORK/
real/<file>.out.json, REALDIR/README.md naming each file's family). Exit 0 when every bar is
met, 1 when not.
"""
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location("score", os.path.join(os.path.dirname(__file__), "score.py"))
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)

FAMILIES = ["form", "list", "packed", "department", "none"]
# mean field accuracy each family must reach (issue 14: digital; issue 15: the scan profiles)
BARS = {"digital": 0.995, "office": 0.99, "archive": 0.97, "photocopy": 0.95}
# digital documents must lose and invent nothing; scans are held to their accuracy bar only
STRICT_RECORDS = {"digital"}
NO_RECORDS_EXIT = 68          # README.md: no performance table in the document
TOTALS = re.compile(r"^(合计|总计|小计|共计|本年.*合计|.*(合计|总计|小计))$")
WORST = 5                     # documents listed per part, lowest accuracy first

# Columns of the per-family table: (heading, width, function of the family's rows). A column
# for another figure of score.py --json (a flags count, say) is one more line here.
COLUMNS = [
    ("docs", 4, lambda rs: str(len(rs))),
    ("mean", 7, lambda rs: fmt(mean([r["fields"] for r in rs if r["fields"] is not None]))),
    ("min", 7, lambda rs: fmt(min([r["fields"] for r in rs if r["fields"] is not None], default=None))),
    ("records", 7, lambda rs: str(sum(r["records"] for r in rs))),
    ("lost", 5, lambda rs: str(sum(r["records_lost"] for r in rs))),
    ("invented", 8, lambda rs: str(sum(r["records_invented"] for r in rs))),
    ("rows", 6, lambda rs: str(sum(r["rows"] for r in rs))),
    ("rows lost", 9, lambda rs: str(sum(r["rows_lost"] for r in rs))),
    ("bad exit", 8, lambda rs: str(sum(not r["exit_ok"] for r in rs))),
]


def mean(xs):
    return sum(xs) / len(xs) if xs else None


def fmt(x):
    return "-" if x is None else f"{x:.4f}"


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def rc_of(path):
    try:
        with open(path + ".rc") as f:
            return int(f.read().strip() or -1)
    except (OSError, ValueError):
        return -1


def score_doc(truth, out, rc, family):
    """score.py's figures for one document; a 'none' document has no field accuracy"""
    out = out if isinstance(out, dict) else {}
    r = score.records(truth, out)
    if family == "none":
        r["fields"] = None
        r["exit_ok"] = rc == NO_RECORDS_EXIT
        return r
    s = score.score(truth, out)
    right = sum(1 for f in s.fields if f[1])
    r["fields"] = right / max(1, len(s.fields))
    r["review"] = s.flags()
    r["exit_ok"] = rc == 0
    return r


def part_table(work, part, failures):
    name = "digital.out.json" if part == "digital" else f"scan-{part}.out.json"
    rows = {f: [] for f in FAMILIES}
    gen = os.path.join(work, "gen")
    for d in sorted(os.listdir(gen)):
        fam = d.split("-")[0]
        truth = load(os.path.join(gen, d, "truth.json"))
        if truth is None or fam not in rows:
            continue
        out_path = os.path.join(gen, d, name)
        r = score_doc(truth, load(out_path), rc_of(out_path), fam)
        r["doc"] = d
        rows[fam].append(r)
    bar = BARS[part]
    print(f"\n{part}: mean field accuracy bar {bar}" +
          (", nothing lost or invented" if part in STRICT_RECORDS else ""))
    print("  " + f"{'family':<11}" + " ".join(f"{h:>{w}}" for h, w, _ in COLUMNS))
    for fam in FAMILIES:
        rs = rows[fam]
        if not rs:
            continue
        cells = []
        for h, w, fn in COLUMNS:
            v = fn(rs)
            below = False
            if h == "mean" and v != "-" and float(v) < bar:
                below = True
                failures.append(f"{part} {fam}: mean field accuracy {v} < {bar}")
            if part in STRICT_RECORDS and h in ("lost", "invented", "rows lost") and v != "0":
                below = True
                failures.append(f"{part} {fam}: {h} {v}")
            if h == "bad exit" and v != "0":
                below = True
                failures.append(f"{part} {fam}: {v} documents with the wrong exit status")
            cells.append(f"{('<' if below else '') + v:>{w}}")
        print("  " + f"{fam:<11}" + " ".join(cells))
    scored = [r for fam in FAMILIES for r in rows[fam] if r["fields"] is not None]
    if scored:
        print("  all        " + " " * 5 + f"{fmt(mean([r['fields'] for r in scored])):>7}")
        if part != "digital":
            # Review flags (issue 15): of the wrong fields, how many the provenance flags; of all.
            for fam in FAMILIES + ["all"]:
                rs = [r for r in scored if fam in ("all", r["doc"].split("-")[0])]
                if rs:
                    c = {k: sum(r["review"][k] for r in rs) for k in rs[0]["review"]}
                    print(f"  review {fam:<10} " + score.review_line(c))
    worst = sorted((r for fam in FAMILIES for r in rows[fam]),
                   key=lambda r: (r["fields"] if r["fields"] is not None else (1.0 if r["exit_ok"] else -1)))
    worst = [r for r in worst if (r["fields"] is not None and r["fields"] < 1) or not r["exit_ok"]
             or r["records_invented"] or r["records_lost"]][:WORST]
    if worst:
        print("  worst: " + "; ".join(
            f"{r['doc']} {fmt(r['fields'])} (lost {r['records_lost']}, invented {r['records_invented']}, "
            f"rows lost {r['rows_lost']})" for r in worst))


def readme_families(realdir):
    fams = {}
    try:
        with open(os.path.join(realdir, "README.md"), encoding="utf-8") as f:
            for line in f:
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if len(cells) >= 2 and cells[0].endswith(".pdf"):
                    fams[cells[0]] = cells[1].split()[0]
    except OSError:
        pass
    return fams


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def real_table(work, realdir, failures):
    fams = readme_families(realdir)
    print(f"\nreal ({realdir}): records must be all the file's performance tables' and nothing else")
    print(f"  {'file':<40} {'family':<10} {'exit':>4} {'records':>7} {'rows':>6} {'no rows':>7} "
          f"{'totals':>6} {'filled':>7}")
    d = os.path.join(work, "real")
    for pdf in sorted(x for x in os.listdir(realdir) if x.endswith(".pdf")):
        path = os.path.join(d, pdf[:-len(".pdf")] + ".out.json")
        out = load(path) or {}
        rc = rc_of(path)
        ps = out.get("projects") or []
        rows = [i for p in ps for i in (p.get("indicators") or [])]
        empty = sum(1 for p in ps if not p.get("indicators"))
        totals = sum(1 for p in ps if TOTALS.match(norm(p.get("project_name"))))
        filled = sum(1 for i in rows if all(norm(i.get(k)) for k in ("level1", "level2", "level3", "value")))
        share = filled / len(rows) if rows else None
        fam = fams.get(pdf, "?")
        marks = {}
        if totals:
            marks["totals"] = True
            failures.append(f"real {pdf}: {totals} records named like totals")
        if fam == "none" and (ps or rc != NO_RECORDS_EXIT):
            marks["records"] = True
            failures.append(f"real {pdf}: {len(ps)} records (exit {rc}) in a file without performance tables")
        if fam not in ("none", "?") and rc != 0:
            marks["exit"] = True
            failures.append(f"real {pdf}: exit {rc}")
        m = lambda k, v, w: f"{('<' if marks.get(k) else '') + v:>{w}}"
        print(f"  {pdf:<40} {fam:<10} {m('exit', str(rc), 4)} {m('records', str(len(ps)), 7)} {len(rows):>6} "
              f"{empty:>7} {m('totals', str(totals), 6)} {fmt(share):>7}")


def main(argv):
    if len(argv) < 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    work, seed, realdir, parts = argv[1], argv[2], argv[3], argv[4:]
    failures = []
    for part in parts:
        if part == "real":
            real_table(work, realdir, failures)
        else:
            part_table(work, part, failures)
    print()
    if failures:
        print(f"bench-accuracy: seed {seed}: {len(failures)} figures below the bars:")
        for f in failures:
            print("  < " + f)
        return 1
    print(f"bench-accuracy: seed {seed}: every bar met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
