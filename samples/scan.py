#!/usr/bin/python3
"""Simulate scanning a sample's digital.pdf: an image-only PDF, the way scanners deliver paper.

usage: samples/scan.py IN.pdf OUT.pdf [--profile office|archive|photocopy] [--seed N]
                       [--dpi 150|200|250|300] [--quality Q] [--turn PAGE:DEG ...]
                       [--damage NAME,...] [--damage-rate P] [--vary]
                       [--params FILE.json] [--keep-pages DIR]

Every page is rendered as a viewer shows it (pdftoppm, /Rotate applied) in gray, then degraded
with a random generator seeded by (seed, page number) alone, so a page comes out the same
whatever other pages or options there are, and the same inputs give byte-identical output (with
the same poppler, OpenCV, libjpeg and img2pdf). Per page, in this order:

  turn        optional, --turn 3:180: the sheet went through turned by 90/180/270 degrees
              (clockwise as the scan shows it); a 90/270 page comes out landscape
  rule gaps   short breaks in long horizontal/vertical rules (only the rule's own pixels)
  fading      ink lightened by a smooth random field (patchy fading), thin strokes thinner;
              photocopy instead thickens and darkens strokes (higher contrast)
  specks      salt-and-pepper: dark toner dots on the paper, white dropouts inside strokes;
              a few larger irregular specks, some of them placed on rules
  placement   rotation (skew) about the page centre and a small shift; the scanner lid shows
              where the sheet does not cover the glass
  blur        Gaussian, the scanner's optics
  paper       paper tone and grain; archive: yellowed (RGB), with blotches; photocopy: grey
              toner haze and a faint drum streak
  light       uneven illumination: linear gradient in a random direction plus a smooth field
  noise       sensor noise, then JPEG

Damage a real archive has, off by default (--damage NAME,... on every page, --damage-rate P on a
share of them; drawn from a generator of its own, seeded by (seed, page, DAMAGE_STREAM), so a scan
without damage is the same as before):

  faint-rules    rules printed grey and uneven (ink of the rule pixels down to 30-65 %)
  broken-rules   rules that break up: 20-60 gaps of 3-12 px
  missing-rules  rules missing over part of a table: 1-3 rules lose 25-70 % of their length
  seal           a red seal (公章: ring, star, lettering) stamped across cells; grey in gray scans
  fold           a fold line across the sheet (dark crease, lighter band beside it)
  punch          two punch holes at the binding edge (the lid shows through)

--vary draws, per document and per page, what an archive delivers for the profile (VARY below):
dpi (150-300), JPEG quality, pages turned 90/180 degrees and the damage above.

Each page image is embedded by img2pdf at its true resolution (pdfimages -list shows the dpi),
no text layer. The applied parameters (skew angle etc.) are printed, and written to --params.

Needs Debian's python3-opencv, python3-numpy, img2pdf (python3-img2pdf) and poppler-utils
(samples/setup-generator.sh installs them).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import cv2
    import numpy as np
    import img2pdf
except ImportError:
    # the Debian packages are for the system interpreter; a pyenv/venv python3 may lack them
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") \
            and os.path.exists("/usr/bin/python3") and not os.environ.get("JIXIAO_SCAN_REEXEC"):
        os.environ["JIXIAO_SCAN_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3", os.path.abspath(__file__)] + sys.argv[1:])
    sys.exit("scan.py: needs python3-opencv, python3-numpy and img2pdf "
             "(run samples/setup-generator.sh as root)")

# Ranges are (low, high) for a uniform draw per page; lengths are in pixels at 200 dpi and
# scaled with --dpi. Colours are gray levels, or (R, G, B) for the archive paper.
PROFILES = {
    # an office flatbed/ADF scan of a clean print: gray, light skew, mild everything
    "office": dict(
        color=False, dpi=200, quality=70,
        skew=2.5, shift=12,
        rule_gaps=(1, 4), gap_len=(2, 5),
        fade=(0.00, 0.10), thin=1.00, thicken=0.0,
        pepper=(60, 160), salt=(40, 120), big=(2, 5), big_on_rule=0.4, big_radius=(1.5, 3.0),
        blur=(0.45, 0.70),
        paper=(244, 251), grain=1.2, blotch=0.0, ink=(18, 32), lid=250, haze=0.0, streaks=0,
        light=(0.03, 0.07), noise=1.6,
    ),
    # an old file copy on yellowed paper: RGB, stronger skew, faded strokes, more specks
    "archive": dict(
        color=True, dpi=200, quality=62,
        skew=4.0, shift=20,
        rule_gaps=(5, 12), gap_len=(2, 7),
        fade=(0.20, 0.40), thin=1.25, thicken=0.0,
        pepper=(200, 450), salt=(150, 400), big=(5, 10), big_on_rule=0.4, big_radius=(1.5, 4.0),
        blur=(0.70, 1.00),
        paper=((236, 222, 186), (246, 234, 204)), grain=2.2, blotch=0.06, ink=(40, 62),
        lid=236, haze=0.0, streaks=0,
        light=(0.07, 0.14), noise=2.2,
    ),
    # a photocopy (then scanned): contrasty thick strokes, darker grey background, black specks
    "photocopy": dict(
        color=False, dpi=200, quality=70,
        skew=1.5, shift=16,
        rule_gaps=(2, 6), gap_len=(2, 5),
        fade=(0.00, 0.05), thin=1.00, thicken=0.6,
        pepper=(700, 1400), salt=(60, 160), big=(8, 16), big_on_rule=0.35, big_radius=(1.5, 4.5),
        blur=(0.55, 0.80),
        paper=(212, 228), grain=2.0, blotch=0.0, ink=(6, 16), lid=70, haze=0.05, streaks=2,
        light=(0.04, 0.09), noise=2.0,
    ),
}


DAMAGES = ["faint-rules", "broken-rules", "missing-rules", "seal", "fold", "punch"]
DAMAGE_STREAM = 7          # the damage generator's third seed word: (seed, page, DAMAGE_STREAM)
VARY_STREAM = 99           # --vary's document draws: (seed, 0, VARY_STREAM)
# --vary: what an archive of each kind delivers. dpi drawn from the list, JPEG quality uniform
# in the range, each page turned (90 or 180) with probability `turn`, each damage of `damage`
# applied to a page with probability `rate`.
VARY = {
    "office": dict(dpi=[150, 200, 200, 300], quality=(55, 80), turn=0.08,
                   damage=["seal", "fold", "broken-rules"], rate=0.3),
    "archive": dict(dpi=[150, 200, 200, 300], quality=(35, 65), turn=0.12,
                    damage=["faint-rules", "broken-rules", "missing-rules", "seal", "fold", "punch"],
                    rate=0.45),
    "photocopy": dict(dpi=[200, 300], quality=(45, 75), turn=0.08,
                      damage=["broken-rules", "missing-rules", "fold", "punch"], rate=0.45),
}
SEAL_RED = (196, 38, 48)   # RGB of stamp ink
SEAL_GRAY = 132            # the same ink in a gray scan
MM = 200 / 25.4            # pixels per mm at 200 dpi (times s)


def damage_rules(ink, hor, ver, names, drng, s, info):
    """faint-rules, broken-rules, missing-rules on the rule pixels of `ink` (in place)."""
    rules = cv2.dilate((hor | ver).astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    if "faint-rules" in names:
        h, w = ink.shape
        field = smooth_field(drng, h, w, 8)
        level = float(drng.uniform(0.30, 0.65))
        ink[rules] *= (level + (1.0 - level) * 0.5 * field)[rules]
        info["faint_rules"] = round(level, 2)
    if "broken-rules" in names:
        ys, xs = np.nonzero(hor | ver)
        n = int(drng.integers(20, 61)) if len(ys) else 0
        for _ in range(n):
            i = int(drng.integers(len(ys)))
            y, x = int(ys[i]), int(xs[i])
            L = int(round(drng.uniform(3, 12) * s))
            if hor[y, x]:
                sl = (slice(max(0, y - int(3 * s)), y + int(3 * s) + 1), slice(x, x + L))
            else:
                sl = (slice(y, y + L), slice(max(0, x - int(3 * s)), x + int(3 * s) + 1))
            ink[sl][rules[sl]] *= float(drng.uniform(0.0, 0.2))
        info["broken_rules"] = n
    if "missing-rules" in names:
        gone = []
        for which, mask in (("h", hor), ("v", ver)):
            n, lab, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
            long_ = [i for i in range(1, n)
                     if stats[i, cv2.CC_STAT_WIDTH if which == "h" else cv2.CC_STAT_HEIGHT] > 150 * s]
            for i in drng.permutation(long_)[:int(drng.integers(0, 3)) + (1 if which == "h" else 0)]:
                x, y, w_, h_ = (int(v) for v in stats[i, :4])
                length = w_ if which == "h" else h_
                cut = int(length * drng.uniform(0.25, 0.70))
                start = int(drng.integers(0, length - cut + 1))
                if which == "h":
                    sl = (slice(max(0, y - 2), y + h_ + 2), slice(x + start, x + start + cut))
                else:
                    sl = (slice(y + start, y + start + cut), slice(max(0, x - 2), x + w_ + 2))
                sel = rules[sl] & cv2.dilate((lab[sl] == i).astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
                ink[sl][sel] = 0.0
                gone.append([which, x + (start if which == "h" else 0), y + (start if which == "v" else 0), cut])
        info["missing_rules"] = gone


def seal_layer(h, w, drng, s, gray):
    """A round seal in page coordinates: float coverage in [0, 1] and its centre."""
    ys, xs = np.nonzero(gray < 200)
    if len(xs) == 0:
        return None, None
    r = drng.uniform(17, 21) * MM * s
    cx = float(drng.uniform(xs.min() + r * 0.3, max(xs.min() + r * 0.3 + 1, xs.max() - r * 0.3)))
    cy = float(drng.uniform(ys.min() + r * 0.3, max(ys.min() + r * 0.3 + 1, ys.max() - r * 0.3)))
    layer = np.zeros((h, w), np.float32)
    c = (int(cx), int(cy))
    cv2.circle(layer, c, int(r), 1.0, max(2, int(round(1.1 * MM * s))), cv2.LINE_AA)
    star = []
    for k in range(10):                                     # five-pointed star in the middle
        a = -np.pi / 2 + k * np.pi / 5
        rr = r * (0.28 if k % 2 == 0 else 0.11)
        star.append([cx + rr * np.cos(a), cy + rr * np.sin(a)])
    cv2.fillPoly(layer, [np.array(star, np.int32)], 1.0, cv2.LINE_AA)
    for k in range(14):                                     # lettering along the upper arc
        a = np.pi * (1.1 + 0.8 * k / 13)
        px, py = cx + 0.72 * r * np.cos(a), cy + 0.72 * r * np.sin(a)
        for _ in range(4):
            dx, dy = drng.uniform(-0.07, 0.07, 2) * r
            ex, ey = drng.uniform(-0.06, 0.06, 2) * r
            cv2.line(layer, (int(px + dx), int(py + dy)), (int(px + ex), int(py + ey)), 1.0,
                     max(1, int(round(0.35 * MM * s))), cv2.LINE_AA)
    cv2.line(layer, (int(cx - 0.45 * r), int(cy + 0.5 * r)), (int(cx + 0.45 * r), int(cy + 0.5 * r)), 1.0,
             max(1, int(round(0.4 * MM * s))), cv2.LINE_AA)
    uneven = 0.55 + 0.45 * smooth_field(drng, h, w, 30)   # stamp pressure is never even
    return np.clip(layer * uneven * float(drng.uniform(0.75, 1.0)), 0, 1), [round(cx), round(cy)]


def fold_layer(h, w, drng, s):
    """A fold across the sheet: a dark crease with a light band beside it (page coordinates)."""
    horizontal = h >= w if drng.random() < 0.8 else h < w
    pos = float(drng.uniform(0.4, 0.6))
    tilt = float(drng.uniform(-0.01, 0.01))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    d = (yy - (pos * h + tilt * (xx - w / 2))) if horizontal else (xx - (pos * w + tilt * (yy - h / 2)))
    crease = np.exp(-(d / (0.8 * s)) ** 2)
    band = np.exp(-((d - 4 * s) / (3 * s)) ** 2)
    return crease, band, ("h" if horizontal else "v", round(pos, 3))


def punch_layer(h, w, drng, s):
    """Two punch holes at the binding edge (left of a portrait page, top of a landscape one)."""
    holes = np.zeros((h, w), np.float32)
    r = drng.uniform(2.6, 3.1) * MM * s
    edge = drng.uniform(5.5, 7.0) * MM * s
    gap = 80 * MM * s / 2
    at = []
    for k in (-1, 1):
        if h >= w:
            c = (int(edge), int(h / 2 + k * gap))
        else:
            c = (int(w / 2 + k * gap), int(edge))
        cv2.circle(holes, c, int(r), 1.0, -1, cv2.LINE_AA)
        at.append(list(c))
    return holes, at


def smooth_field(rng, h, w, cells):
    """Random field in [0, 1], smooth over about 1/cells of the page."""
    gy = max(2, int(round(cells * h / max(h, w)))) + 1
    gx = max(2, int(round(cells * w / max(h, w)))) + 1
    f = cv2.resize(rng.random((gy, gx)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    lo, hi = float(f.min()), float(f.max())
    return (f - lo) / (hi - lo + 1e-6)


def rule_masks(ink, s):
    """Pixels of long horizontal and vertical rules (longer than any stroke of a character)."""
    b = (ink > 0.35).astype(np.uint8)
    n = int(round(80 * s))
    hor = cv2.morphologyEx(b, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (n, 1)))
    ver = cv2.morphologyEx(b, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, n)))
    return hor, ver


def draw_blob(canvas, rng, x, y, r, value):
    """An irregular speck: an ellipse with one or two satellites."""
    ax = max(1, int(round(r * rng.uniform(0.7, 1.3))))
    ay = max(1, int(round(r * rng.uniform(0.5, 1.0))))
    cv2.ellipse(canvas, (int(x), int(y)), (ax, ay), float(rng.uniform(0, 180)), 0, 360, value, -1)
    for _ in range(int(rng.integers(0, 3))):
        dx, dy = rng.normal(0, r, 2)
        cv2.circle(canvas, (int(x + dx), int(y + dy)), max(1, int(round(r * rng.uniform(0.3, 0.7)))),
                   value, -1)


def degrade(gray, p, rng, s, turn, damage=(), drng=None):
    """gray: uint8 page as rendered. Returns (uint8 image, gray or BGR), dict of what was applied.
    `damage` names DAMAGES to apply, drawn from `drng` (never from `rng`, so the rest of the page
    is the same with and without them)."""
    u = lambda r: float(rng.uniform(r[0], r[1]))
    info = {}
    dinfo = {}
    if turn:
        gray = cv2.rotate(gray, {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
                                 270: cv2.ROTATE_90_COUNTERCLOCKWISE}[turn])
        info["turn"] = turn
    h, w = gray.shape
    ink = 1.0 - gray.astype(np.float32) / 255.0          # 1 = full black

    # --- gaps in rules (before fading, on the rules only)
    hor, ver = rule_masks(ink, s)
    k3 = np.ones((3, 3), np.uint8)
    gaps = int(rng.integers(p["rule_gaps"][0], p["rule_gaps"][1] + 1))
    gap_at = []                                            # rendered-page coordinates
    for which, mask in (("h", hor), ("v", ver)):
        ys, xs = np.nonzero(mask)
        if len(ys) == 0:
            continue
        share = gaps // 2 + (gaps % 2 if which == "h" else 0)
        wide = cv2.dilate(mask, k3)
        for _ in range(share):
            i = int(rng.integers(len(ys)))
            y, x = int(ys[i]), int(xs[i])
            n = int(round(u(p["gap_len"]) * s))
            if which == "h":
                y0, y1, x0, x1 = y - int(4 * s), y + int(4 * s) + 1, x, x + n
            else:
                y0, y1, x0, x1 = y, y + n, x - int(4 * s), x + int(4 * s) + 1
            y0, x0 = max(0, y0), max(0, x0)
            sel = wide[y0:y1, x0:x1].astype(bool)
            ink[y0:y1, x0:x1][sel] *= 1.0 - u((0.8, 1.0))
            gap_at.append((x + n / 2.0, y) if which == "h" else (x, y + n / 2.0))
    if damage:
        damage_rules(ink, hor, ver, damage, drng, s, dinfo)
    seal = fold = holes = None
    if "seal" in damage:
        seal, dinfo["seal_centre"] = seal_layer(h, w, drng, s, gray)
    if "fold" in damage:
        crease, band, dinfo["fold"] = fold_layer(h, w, drng, s)
        ink *= 1.0 - 0.5 * crease                           # the crease wears the ink off
    if "punch" in damage:
        holes, dinfo["punch_holes"] = punch_layer(h, w, drng, s)
        ink *= 1.0 - holes

    # --- fading (archive) or thickening with contrast (photocopy)
    fade = u(p["fade"])
    if fade > 0:
        field = smooth_field(rng, h, w, 6)
        mottle = cv2.GaussianBlur(rng.random((h, w), dtype=np.float32), (0, 0), 1.2 * s)
        mottle = (mottle - mottle.mean()) / (mottle.std() + 1e-6)
        ink *= np.clip(1.0 - fade * (0.5 + 0.5 * field) - 0.05 * fade * mottle, 0.0, 1.0)
    if p["thin"] != 1.0:
        ink = ink ** p["thin"]                            # anti-aliased edges give way first
    if p["thicken"]:
        ink = np.clip(cv2.GaussianBlur(ink, (0, 0), 0.6 * s) * (1.0 + 1.5 * p["thicken"]), 0, 1)
    info["fade"] = round(fade, 3)

    # --- specks on the sheet
    npep = int(rng.integers(p["pepper"][0], p["pepper"][1] + 1))
    ys = rng.integers(0, h, npep)
    xs = rng.integers(0, w, npep)
    vals = rng.uniform(0.55, 1.0, npep).astype(np.float32)
    big2 = rng.random(npep) < 0.3                          # some are 2x2
    ink[ys, xs] = np.maximum(ink[ys, xs], vals)
    y2, x2 = np.minimum(ys[big2] + 1, h - 1), np.minimum(xs[big2] + 1, w - 1)
    for yy, xx in ((ys[big2], x2), (y2, xs[big2]), (y2, x2)):
        ink[yy, xx] = np.maximum(ink[yy, xx], vals[big2])
    sy, sx = np.nonzero(ink > 0.6)
    nsalt = 0
    if len(sy):
        nsalt = int(rng.integers(p["salt"][0], p["salt"][1] + 1))
        pick = rng.integers(0, len(sy), nsalt)
        ink[sy[pick], sx[pick]] *= rng.uniform(0.0, 0.35, nsalt).astype(np.float32)
    nbig = int(rng.integers(p["big"][0], p["big"][1] + 1))
    ry, rx = np.nonzero(hor | ver)
    speck_at = []
    blobs = np.zeros((h, w), np.float32)
    for _ in range(nbig):
        if len(ry) and rng.random() < p["big_on_rule"]:
            i = int(rng.integers(len(ry)))
            x, y = int(rx[i]), int(ry[i])
            speck_at.append((x, y))
        else:
            x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        draw_blob(blobs, rng, x, y, u(p["big_radius"]) * s, float(rng.uniform(0.7, 1.0)))
    ink = np.maximum(ink, blobs)
    info.update(pepper=npep, salt=nsalt, big_specks=nbig)

    # --- placement on the glass: skew about the centre plus a shift
    angle = u((-p["skew"], p["skew"]))
    dx, dy = (u((-p["shift"], p["shift"])) * s for _ in range(2))
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), angle, 1.0)
    # the shift never pushes printed content off the glass (the truth must stay readable): it is
    # clamped so that the turned content keeps a small margin; if the turn alone loses content,
    # the content is centred and a warning printed
    ys, xs = np.nonzero(gray < 224)
    if len(xs):
        corners = np.array([[xs.min(), ys.min(), 1], [xs.max(), ys.min(), 1],
                            [xs.min(), ys.max(), 1], [xs.max(), ys.max(), 1]], np.float64)
        rot = corners @ m.T
        keep = 6 * s
        shifted = []
        for d, lo, hi, size in ((dx, rot[:, 0].min(), rot[:, 0].max(), w),
                                (dy, rot[:, 1].min(), rot[:, 1].max(), h)):
            a_, b_ = keep - lo, size - 1 - keep - hi
            if a_ > b_:
                print(f"scan.py: warning: content does not fit after the turn; centred",
                      file=sys.stderr)
                info["content_clipped"] = True
                shifted.append((a_ + b_) / 2.0)
            else:
                shifted.append(min(max(d, a_), b_))
        if (round(shifted[0], 1), round(shifted[1], 1)) != (round(dx, 1), round(dy, 1)):
            info["shift_clamped"] = True
        dx, dy = shifted
    m[:, 2] += (dx, dy)
    warp = lambda pts: [[round(float(m[0, 0] * x + m[0, 1] * y + m[0, 2]), 1),
                         round(float(m[1, 0] * x + m[1, 1] * y + m[1, 2]), 1)] for x, y in pts]
    info["rule_gaps"] = warp(gap_at)                      # where they are in the scan
    info["specks_on_rules"] = warp(speck_at)
    ink = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0.0)
    sheet_src = np.ones((h, w), np.float32) if holes is None else 1.0 - holes
    sheet = cv2.warpAffine(sheet_src, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0.0)
    warp_layer = lambda a: cv2.warpAffine(a.astype(np.float32), m, (w, h), flags=cv2.INTER_LINEAR,
                                          borderValue=0.0)
    if seal is not None:
        seal = cv2.GaussianBlur(warp_layer(seal), (0, 0), 0.6 * s)
    if "fold" in damage:
        fold = (warp_layer(crease), warp_layer(band))
    info.update(skew_deg=round(angle, 3), shift_px=[round(dx, 1), round(dy, 1)])

    # --- optics
    sigma = u(p["blur"]) * s
    ink = cv2.GaussianBlur(ink, (0, 0), sigma)
    sheet = cv2.GaussianBlur(sheet, (0, 0), 1.0 * s)
    info["blur_sigma_px"] = round(sigma, 2)

    # --- paper, ink colour, lid
    grain = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 0.8 * s)
    grain *= p["grain"] / (grain.std() + 1e-6)
    ink_level = u(p["ink"])
    if p["color"]:
        lo, hi = np.array(p["paper"][0], np.float32), np.array(p["paper"][1], np.float32)
        base = lo + (hi - lo) * rng.random()               # one yellowing per sheet, RGB
        blot = smooth_field(rng, h, w, 9) - 0.5
        paper = [np.float32(c) * (1.0 - p["blotch"] * blot * k) + grain
                 for c, k in zip(base, (0.6, 0.9, 1.6))]   # blotches yellow more than they darken
        ink_rgb = (ink_level + 6, ink_level, ink_level - 6)
        chans = [pp * (1.0 - ink) + c * ink for pp, c in zip(paper, ink_rgb)]
        chans = [c * sheet + p["lid"] * (1.0 - sheet) for c in chans]
        info["paper_rgb"] = [int(round(float(c))) for c in base]
    else:
        base = u(p["paper"])
        paper = base + grain
        if p["haze"]:                                      # uneven toner haze of a copier
            paper = paper * (1.0 - p["haze"] * smooth_field(rng, h, w, 12))
        for _ in range(p["streaks"]):                      # faint drum streaks, top to bottom
            x = int(rng.integers(0, w))
            width = max(1, int(round(rng.uniform(1, 3) * s)))
            paper[:, x:x + width] -= rng.uniform(8, 16)
        img = paper * (1.0 - ink) + ink_level * ink
        chans = [img * sheet + p["lid"] * (1.0 - sheet)]
        info["paper"] = int(round(base))
    info["ink"] = int(round(ink_level))

    # --- stamp ink and the fold's crease on the sheet as scanned
    if seal is not None:
        cols = SEAL_RED if p["color"] else (SEAL_GRAY,)
        chans = [np.minimum(c, c * (1.0 - seal) + col * seal) for c, col in zip(chans, cols)]
    if fold is not None:
        depth, lift = float(drng.uniform(35, 70)), float(drng.uniform(4, 10))
        chans = [c - depth * fold[0] * sheet + lift * fold[1] * sheet for c in chans]

    # --- illumination: linear gradient in a random direction plus a smooth field
    a = u(p["light"])
    theta = rng.uniform(0, 2 * np.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ramp = (xx / w - 0.5) * np.cos(theta) + (yy / h - 0.5) * np.sin(theta)
    ramp = (ramp - ramp.min()) / (ramp.max() - ramp.min())
    light = 1.0 - a * (0.7 * ramp + 0.3 * smooth_field(rng, h, w, 3))
    info["light"] = round(a, 3)

    # --- sensor noise, quantise
    out = []
    for c in chans:
        noise = rng.normal(0, p["noise"], (h, w)).astype(np.float32)
        out.append(np.clip(c * light + noise, 0, 255).round().astype(np.uint8))
    if dinfo:
        info["damage"] = dinfo
    if p["color"]:
        return cv2.merge([out[2], out[1], out[0]]), info   # BGR for OpenCV
    return out[0], info


def jpeg_bytes(img, quality, dpi):
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality,
                                         cv2.IMWRITE_JPEG_OPTIMIZE, 1])
    if not ok:
        sys.exit("scan.py: JPEG encoding failed")
    b = bytearray(buf.tobytes())
    # JFIF APP0 density: units=1 (dpi), X and Y density, so the JPEG itself carries its dpi
    if b[2:4] == b"\xff\xe0" and b[6:11] == b"JFIF\x00":
        b[13] = 1
        b[14:16] = dpi.to_bytes(2, "big")
        b[16:18] = dpi.to_bytes(2, "big")
    return bytes(b)


def parse_turn(text):
    try:
        page, deg = text.split(":")
        page, deg = int(page), int(deg)
    except ValueError:
        raise argparse.ArgumentTypeError(f"want PAGE:DEG, got {text!r}")
    if deg not in (90, 180, 270) or page < 1:
        raise argparse.ArgumentTypeError("DEG is 90, 180 or 270 and PAGE counts from 1")
    return page, deg


def parse_damage(text):
    names = [t for t in text.split(",") if t]
    bad = [t for t in names if t not in DAMAGES]
    if bad:
        raise argparse.ArgumentTypeError(f"unknown damage {bad}; known: {', '.join(DAMAGES)}")
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pdf", help="input PDF (e.g. samples/jiaoyu-2021/digital.pdf)")
    ap.add_argument("out", help="output image-only PDF")
    ap.add_argument("--profile", default="office", choices=sorted(PROFILES))
    ap.add_argument("--seed", type=int, default=1, help="page N uses the seed (SEED, N)")
    ap.add_argument("--dpi", type=int, choices=(150, 200, 250, 300), help="default: the profile's (200)")
    ap.add_argument("--quality", type=int, help="JPEG quality (default: the profile's)")
    ap.add_argument("--turn", type=parse_turn, action="append", default=[], metavar="PAGE:DEG",
                    help="scan page PAGE turned clockwise by DEG (90, 180, 270); repeatable")
    ap.add_argument("--damage", type=parse_damage, default=[], metavar="NAME,...",
                    help="archive damage on the pages: " + ", ".join(DAMAGES))
    ap.add_argument("--damage-rate", type=float, default=1.0, metavar="P",
                    help="apply each --damage to a page with probability P (default 1)")
    ap.add_argument("--vary", action="store_true",
                    help="draw dpi, JPEG quality, turned pages and damage from the seed (VARY)")
    ap.add_argument("--params", metavar="FILE", help="write the applied parameters as JSON")
    ap.add_argument("--keep-pages", metavar="DIR", help="also keep the page JPEGs in DIR")
    a = ap.parse_args()
    for tool in ("pdftoppm",):
        if not shutil.which(tool):
            sys.exit(f"scan.py: {tool} not found (poppler-utils)")
    p = dict(PROFILES[a.profile])
    dpi = a.dpi or p["dpi"]
    quality = a.quality or p["quality"]
    pool, rate, turn_rate = list(a.damage), a.damage_rate, 0.0
    if a.vary:
        v = VARY[a.profile]
        vr = np.random.default_rng(np.random.SeedSequence([a.seed, 0, VARY_STREAM]))
        dpi = a.dpi or int(vr.choice(v["dpi"]))
        quality = a.quality or int(vr.integers(v["quality"][0], v["quality"][1] + 1))
        pool = pool or list(v["damage"])
        rate = v["rate"] if not a.damage else rate
        turn_rate = v["turn"]
    s = dpi / 200.0
    turns = dict(a.turn)

    pages, log = [], []
    with tempfile.TemporaryDirectory(prefix="jixiao-scan-") as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", a.pdf, os.path.join(tmp, "p")],
                       check=True)
        files = sorted((f for f in os.listdir(tmp) if f.endswith(".pgm")), key=lambda f: int(f[2:-4]))
        if not files:
            sys.exit("scan.py: pdftoppm rendered no pages")
        missing = sorted(set(turns) - set(range(1, len(files) + 1)))
        if missing:
            sys.exit(f"scan.py: --turn names pages that do not exist: {missing}")
        for f in files:
            n = int(f[2:-4])
            gray = cv2.imread(os.path.join(tmp, f), cv2.IMREAD_GRAYSCALE)
            rng = np.random.default_rng(np.random.SeedSequence([a.seed, n]))
            drng = np.random.default_rng(np.random.SeedSequence([a.seed, n, DAMAGE_STREAM]))
            names = [d for d in pool if drng.random() < rate]
            turn = turns.get(n, 0)
            if turn_rate and not turn and drng.random() < turn_rate:
                turn = int(drng.choice([90, 180, 270]))
            img, info = degrade(gray, p, rng, s, turn, names, drng)
            data = jpeg_bytes(img, quality, dpi)
            pages.append(data)
            info = {"page": n, "size_px": [img.shape[1], img.shape[0]], **info,
                    "jpeg_bytes": len(data)}
            log.append(info)
            print(f"  page {n:2d}: skew {info['skew_deg']:+.3f} deg, shift {info['shift_px']} px,"
                  f" blur {info['blur_sigma_px']}, fade {info['fade']}, light {info['light']},"
                  f" specks {info['pepper']}+{info['big_specks']} ({len(info['specks_on_rules'])} on"
                  f" rules), rule gaps {len(info['rule_gaps'])}" + (f", turned {info['turn']}" if "turn" in info
                                                       else "") +
                  (f", damage {','.join(k for k in info['damage'])}" if "damage" in info else "") +
                  f", {len(data) // 1024} KiB")
            if a.keep_pages:
                os.makedirs(a.keep_pages, exist_ok=True)
                with open(os.path.join(a.keep_pages, f"page-{n:03d}.jpg"), "wb") as fh:
                    fh.write(data)

    pdf = img2pdf.convert(pages, engine=img2pdf.Engine.internal, nodate=True,
                          layout_fun=img2pdf.get_fixed_dpi_layout_fun((dpi, dpi)),
                          producer="jixiao samples/scan.py",
                          title=f"{os.path.basename(a.pdf)} scanned, profile {a.profile}, seed {a.seed}")
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "wb") as fh:
        fh.write(pdf)
    if a.params:
        with open(a.params, "w", encoding="utf-8") as fh:
            head = {"source": os.path.basename(a.pdf), "profile": a.profile, "seed": a.seed,
                    "dpi": dpi, "jpeg_quality": quality, "turn": {str(k): v for k, v in turns.items()},
                    "conventions": "pixels of the scan image, origin top left; skew_deg positive ="
                                   " content turned counter-clockwise; turn = clockwise"}
            if pool or a.vary:
                head.update(damage=pool, damage_rate=rate, vary=a.vary)
            text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
            pages_text = ",\n  ".join(json.dumps(e, ensure_ascii=False) for e in log)
            fh.write(f'{text},\n "pages": [\n  {pages_text}\n ]\n}}\n')
    print(f"{a.out}: {len(pages)} pages, profile {a.profile}, seed {a.seed}, {dpi} dpi, "
          f"JPEG q{quality}, {len(pdf)} bytes")


if __name__ == "__main__":
    main()
