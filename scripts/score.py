#!/usr/bin/env python3
"""Score a `jixiao extract` JSON against a truth file, field by field (CONTRACT.md, "Scoring").

usage: score.py TRUTH.json OUT.json [--misses | --fields | --json] [--punctuation] [--review]

Every leaf of the truth counts once: the document's metadata, the part-1 sections (each item's
no, title and text), and for each project its title, unit, codes and names, money unit, budget,
purpose, schedule, goals, attributes (labels compared as text) and every indicator cell, whose
normalized value is one field (each of the truth's keys must agree). `index` and `pages` are
positions, not readings, and do not count. Text is compared after NFKC with all white space
removed (--punctuation: a full-width mark is not its ASCII form, see below); numbers to within 0.005; a null of the truth is matched by a null, an empty text or a
missing field. Projects are paired as records are matched (below), else by position; list
items (indicators,
goals, section items) by position.

Records are matched for counting as well (--json): by project_code, else by project_name, else
by a name within a character error rate of RECORD_NAME_CER (an OCR misreading), else by sharing
ROWS_SHARED_SAME_RECORD of its indicator rows (level3) with an output record; a truth record
without a match is lost, an output record matched by none is invented. An indicator row of a
matched record is lost when the output record has no row whose level3 is within
ROW_LEVEL3_CER of it (every row of a lost record is lost).

Prints `score: fields=<share right> cer=<mean character error rate> (<right>/<total>)`, where the
character error rate of a text field is its edit distance to the truth over the truth's length
(at most 1; a missing field is 1), averaged over the truth's text fields. --misses first prints
each wrong field's path with both values; --fields prints `1 PATH` or `0 PATH` for every field
instead of the summary (scripts/bench-fixes.sh reads it); --json prints one JSON object instead
(fields, right, total, cer, records, records_out, records_lost, records_invented, rows, rows_lost;
scripts/bench-accuracy.sh reads it). --punctuation keeps the width of punctuation marks in both
the field comparison and the character error rate: NFKC folds ， into , and （ into (, so the
default cannot see a scan's ASCII , ; ( ) where the print has ， ； （ ）; with the option, such a
mark counts as a wrong character (letters, digits and ％ ＝ are still folded). The default
score, which other scripts compare, is unchanged.

Review flags (issue 15): a field is flagged when the output project's provenance entry for it
(or for the field it is read from: goals[2] from goals, a value_normalized from its value) has
a non-empty `review`, or, with no entry of its own, when its indicator row is row_incomplete. --review adds `wrong flagged x/y (p%), flagged a/b (q%)`; --json adds
`review` (wrong, wrong_flagged, flagged, total, wrong_lost: the wrong fields of lost records); --misses says of each wrong field whether it was
flagged and why. Exit 0 when both files parse, 2 when one cannot be read.
"""
import json
import re
import sys
import unicodedata

NUMBER_TOLERANCE = 0.005  # CONTRACT.md: numbers agree to within this
POSITIONS = {"index", "pages"}  # where a project sits, not what was read
# A record whose name is misread by up to this character error rate (3 characters of 10) is still
# the same record, not one lost and one invented; two generated names share at most a prefix
# such as 专项 or 2026年, which leaves them further apart than this.
RECORD_NAME_CER = 0.3
# An indicator row is still there when its level3 is read within this character error rate.
ROW_LEVEL3_CER = 0.3
# A record whose name was not read (or read as something else) is still the same record when at
# least this share of its indicator rows are the output record's: its name is wrong, it is not
# lost, and the output record is not invented.
ROWS_SHARED_SAME_RECORD = 0.5


# Full-width punctuation that --punctuation keeps apart from its ASCII form (NFKC folds it):
# ！＂＇（），．／：；？［］｛｝ and the ideographic full stop's kin are kept as they are.
WIDE_MARKS = set("！＂＇（），．／：；？［］｛｝")
KEEP_WIDTH = False  # --punctuation


def norm_text(s):
    if KEEP_WIDTH:
        folded = "".join(c if c in WIDE_MARKS else unicodedata.normalize("NFKC", c) for c in s)
        return re.sub(r"\s+", "", folded)
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def edit_distance(a, b):
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def same(truth, out):
    """Whether a leaf of the output matches the truth's."""
    if truth is None:
        return out is None or (isinstance(out, str) and norm_text(out) == "")
    if isinstance(truth, bool) or isinstance(out, bool):
        return truth is out
    if is_number(truth):
        if isinstance(out, str):
            try:
                out = float(norm_text(out).replace(",", ""))
            except ValueError:
                return False
        return is_number(out) and abs(truth - out) <= NUMBER_TOLERANCE
    if isinstance(truth, str):
        if is_number(out):
            out = json.dumps(out)
        return isinstance(out, str) and norm_text(truth) == norm_text(out)
    return truth == out


def review_of(project, path):
    """The review reasons of the output project's provenance entry for field PATH (relative to
    the project): the entry of PATH itself, else of the field it is part of (goals[2] is read
    from goals' cell; indicators[3].value_normalized from indicators[3].value)."""
    prov = project.get("provenance") if isinstance(project, dict) else None
    if not isinstance(prov, dict):
        return []
    keys = [path, re.sub(r"\.value_normalized$", ".value", path), re.sub(r"\[\d+\]$", "", path)]
    for k in keys:
        if isinstance(prov.get(k), dict):
            return prov[k].get("review") or []
    # A field of an indicator row that has no entry of its own (a cell left empty): the row's
    # row_incomplete, which its other fields carry.
    row = re.match(r"indicators\[\d+\]\.", path)
    if row and any("row_incomplete" in (v.get("review") or []) for k, v in prov.items()
                   if k.startswith(row.group(0)) and isinstance(v, dict)):
        return ["row_incomplete"]
    return []


class Score:
    def __init__(self):
        self.fields = []  # (path, right, truth, out)
        self.cer = []  # per text field of the truth
        self.flagged = {}  # path -> review reasons, for the fields whose provenance gives some
        self.lost = set()  # paths of the fields of truth projects no output record matches

    def flags(self):
        """Counts of the fields: wrong, wrong and flagged, flagged, all, and the wrong fields of
        records that were lost (no output record: nothing to carry a flag). Fields outside the
        projects have no provenance and are never flagged."""
        wrong = [f[0] for f in self.fields if not f[1]]
        return {"wrong": len(wrong), "wrong_flagged": sum(1 for p in wrong if p in self.flagged),
                "flagged": sum(1 for f in self.fields if f[0] in self.flagged),
                "total": len(self.fields), "wrong_lost": sum(1 for p in wrong if p in self.lost)}

    def leaf(self, path, truth, out):
        right = same(truth, out)
        self.fields.append((path, right, truth, out))
        if isinstance(truth, str):
            t = norm_text(truth)
            o = norm_text(out) if isinstance(out, str) else ("" if out is None else norm_text(json.dumps(out)))
            self.cer.append(0.0 if right else min(1.0, edit_distance(t, o) / max(1, len(t))))

    def walk(self, path, truth, out):
        if isinstance(truth, dict) and path.endswith(".value_normalized"):
            # One field: each of the truth's keys agrees (the output may add `raw`).
            out = out if isinstance(out, dict) else {}
            right = all(same(v, out.get(k)) for k, v in truth.items())
            self.fields.append((path, right, truth, out))
        elif isinstance(truth, dict):
            out = out if isinstance(out, dict) else {}
            # Keys as labels are compared: 其中:当年财政拨款 is 其中：当年财政拨款.
            keys = {norm_text(k): k for k in out}
            for k, v in truth.items():
                o = out[k] if k in out else out.get(keys.get(norm_text(k)))
                self.walk(f"{path}.{k}" if path else k, v, o)
        elif isinstance(truth, list):
            out = out if isinstance(out, list) else []
            for i, v in enumerate(truth):
                self.walk(f"{path}[{i}]", v, out[i] if i < len(out) else None)
        else:
            self.leaf(path, truth, out)


def cer_of(truth, out):
    t, o = norm_text(truth or ""), norm_text(out or "")
    return min(1.0, edit_distance(t, o) / max(1, len(t)))


def match_records(truth, out):
    """For each truth project the index of the output project that is the same record (or None):
    the one with its project_code, else with its project_name, else the nearest name within
    RECORD_NAME_CER."""
    def key(p, k):
        v = p.get(k) if isinstance(p, dict) else None
        return norm_text(v) if isinstance(v, str) else ""

    pairs, used = [None] * len(truth), set()
    for k in ("project_code", "project_name"):
        for i, t in enumerate(truth):
            if pairs[i] is not None or not key(t, k):
                continue
            for j, o in enumerate(out):
                if j not in used and key(o, k) == key(t, k):
                    pairs[i] = j
                    used.add(j)
                    break
    for i, t in enumerate(truth):
        if pairs[i] is not None or not key(t, "project_name"):
            continue
        near = [(cer_of(t.get("project_name"), o.get("project_name") if isinstance(o, dict) else ""), j)
                for j, o in enumerate(out) if j not in used]
        near = [c for c in near if c[0] <= RECORD_NAME_CER]
        if near:
            pairs[i] = min(near)[1]
            used.add(pairs[i])
    for i, t in enumerate(truth):
        rows = [norm_text(r.get("level3") or "") for r in (t.get("indicators") or []) if isinstance(r, dict)]
        if pairs[i] is not None or not rows:
            continue
        best = None
        for j, o in enumerate(out):
            if j in used or not isinstance(o, dict):
                continue
            got = {norm_text(r.get("level3") or "") for r in (o.get("indicators") or []) if isinstance(r, dict)}
            share = sum(r in got for r in rows) / len(rows)
            if share >= ROWS_SHARED_SAME_RECORD and (best is None or share > best[0]):
                best = (share, j)
        if best:
            pairs[i] = best[1]
            used.add(best[1])
    return pairs


def pair_projects(truth, out):
    """For each truth project, the output project paired with it (or None): the same record
    (match_records), else the unpaired one at its position."""
    pairs = match_records(truth, out)
    used = {j for j in pairs if j is not None}
    for i in range(len(truth)):
        if pairs[i] is None and i < len(out) and i not in used:
            pairs[i] = i
            used.add(i)
    return [out[j] if j is not None else None for j in pairs]


def records(truth, out):
    """Counts of records and indicator rows: found, lost, invented (see the module's doc)."""
    tp, op = truth.get("projects") or [], out.get("projects") or []
    pairs = match_records(tp, op)
    rows = rows_lost = 0
    for t, j in zip(tp, pairs):
        trows = t.get("indicators") or []
        rows += len(trows)
        if j is None:
            rows_lost += len(trows)
            continue
        got = [i.get("level3") for i in (op[j].get("indicators") or []) if isinstance(i, dict)]
        for r in trows:
            if not any(cer_of(r.get("level3"), g) <= ROW_LEVEL3_CER for g in got):
                rows_lost += 1
    matched = {j for j in pairs if j is not None}
    return {"records": len(tp), "records_out": len(op), "records_lost": pairs.count(None),
            "records_invented": len(op) - len(matched), "rows": rows, "rows_lost": rows_lost}


def review_line(c):
    """'wrong flagged x/y (p%; x/z (r%) of records found), flagged a/b (q%)' of counts as
    Score.flags gives them: z leaves out the wrong fields of lost records, which no flag can
    reach."""
    def share(a, b):
        return f"{100 * a / b:.0f}%" if b else "-"
    found = c["wrong"] - c.get("wrong_lost", 0)
    return (f"wrong flagged {c['wrong_flagged']}/{c['wrong']} ({share(c['wrong_flagged'], c['wrong'])}; "
            f"{c['wrong_flagged']}/{found} ({share(c['wrong_flagged'], found)}) of records found), "
            f"flagged {c['flagged']}/{c['total']} ({share(c['flagged'], c['total'])})")


def score(truth, out):
    s = Score()
    s.walk("document", truth.get("document"), out.get("document"))
    s.walk("sections", truth.get("sections"), out.get("sections"))
    projects = truth.get("projects") or []
    for i, (t, o) in enumerate(zip(projects, pair_projects(projects, out.get("projects") or []))):
        t = {k: v for k, v in t.items() if k not in POSITIONS}
        first = len(s.fields)
        s.walk(f"projects[{i}]", t, o or {})
        prefix = f"projects[{i}]."
        for path, *_ in s.fields[first:]:
            if o is None:
                s.lost.add(path)
            reasons = review_of(o, path[len(prefix):])
            if reasons:
                s.flagged[path] = reasons
    return s


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        truth, out = (json.load(open(p, encoding="utf-8")) for p in args)
    except (OSError, ValueError) as e:
        print(f"score.py: {e}", file=sys.stderr)
        return 2
    global KEEP_WIDTH
    KEEP_WIDTH = "--punctuation" in argv
    s = score(truth, out)
    if "--json" in argv:
        right = sum(1 for f in s.fields if f[1])
        summary = {"fields": right / max(1, len(s.fields)), "right": right, "total": len(s.fields),
                   "cer": sum(s.cer) / len(s.cer) if s.cer else 0.0}
        summary.update(records(truth, out))
        summary["review"] = s.flags()
        print(json.dumps(summary))
        return 0
    if "--fields" in argv:
        for path, right, _, _ in s.fields:
            print(f"{int(right)} {path}")
        return 0
    if "--misses" in argv:
        for path, right, t, o in s.fields:
            if not right:
                flag = f" [review: {','.join(s.flagged[path])}]" if path in s.flagged else " [not flagged]"
                print(f"{path}: {json.dumps(t, ensure_ascii=False)} != {json.dumps(o, ensure_ascii=False)}{flag}")
    right = sum(1 for f in s.fields if f[1])
    total = len(s.fields)
    cer = sum(s.cer) / len(s.cer) if s.cer else 0.0
    print(f"score: fields={right / max(1, total):.4f} cer={cer:.4f} ({right}/{total})")
    if "--review" in argv:
        print(review_line(s.flags()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
