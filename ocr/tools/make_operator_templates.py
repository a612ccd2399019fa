#!/usr/bin/python3
"""Renders the glyph templates of ocr/operator.cc into ocr/operator_templates.inc.

chi_sim has no >=, <= (nor the slanted forms of CJK fonts), so the first glyph of a value
cell is classified on its own, against these templates: the comparison operators as fonts
draw them (positives) and the shapes a line may also begin with (negatives: digits,
letters, brackets, and the first column-connected piece of common Chinese characters,
which is what the segmenter sees when a character has a gap between its parts).

Each glyph is also drawn as a scan prints it: blurred and thresholded lighter, so that its
strokes are thicker and its gaps narrower (a small ＝ whose two bars nearly meet).

Needs python3-pil, python3-opencv and python3-numpy, and the Debian font packages
fonts-arphic-uming fonts-arphic-ukai fonts-arphic-gkai00mp fonts-noto-cjk fonts-wqy-zenhei
fonts-wqy-microhei fonts-dejavu-core fonts-dejavu-extra fonts-urw-base35
fonts-droid-fallback (the fonts of samples/variety.py among them). Run from the repository root:
    ocr/tools/make_operator_templates.py > ocr/operator_templates.inc
The output is committed; the program needs neither the fonts nor this script at run time.
"""
import os, sys
import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

SIZE = 20    # templates are stretched to SIZE x SIZE; their aspect is kept beside
FEATURE = 16  # as ocr/operator.cc compares them: FEATURE x FEATURE, blurred
ASPECT_WEIGHT = 0.1
# Negatives farther than this from every positive can never decide a match (the classifier
# rejects such glyphs by distance alone), and negatives closer than DEDUPE to a kept one add
# nothing.
KEEP_NEGATIVE = 0.07
DEDUPE = 0.008

FONTS = [
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf",
]
# The em (pixels) at which glyphs are rendered: 10.5 pt at 150, 200 and 300 dpi.
EMS = [22, 29, 44]
# A scan's print of a glyph: blurred by SCAN_BLUR px (sigma) and taken as ink up to gray
# SCAN_INK (of 255), lighter than the 128 of a clean rendering.
SCAN_BLUR = 0.8
SCAN_INK = 200

POSITIVE = {
    "GE": "≥⩾≧",
    "LE": "≤⩽≦",
    "EQ": "=＝",
    "GT": ">＞",
    "LT": "<＜",
}
NEGATIVE_SYMBOLS = ("0123456789ZzLVvSsXxKk17lI()[]{}/\\-—~～+±×÷%·.,:;!?'\"`^_|"
                    "〈〉《》（）【】「」『』‘’“”、，。：；！？…￥$#&*@")
# Frequent characters, and those that begin values and labels (不低于, 达到, 按, 有效 …).
NEGATIVE_HAN = (
    "的一是不了人在有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过"
    "发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前"
    "开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并"
    "物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海"
    "通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反"
    "受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听"
    "白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师"
    "观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始"
    "怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究"
    "线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念"
    "六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈"
    "律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按"
    "河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚"
    "威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫"
    "源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡"
    "罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱"
    "抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释"
    "景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湖钟奖卖缺园伦"
    "丰补偿厂综差额及绩障础辖涉筹镇街乡县市")


def render(ch, font, em, scanned=False):
    """The glyph `ch` of `font` at `em` pixels as an ink mask; with `scanned`, as a scan prints it."""
    try:
        f = ImageFont.truetype(font, em)
    except OSError:
        return None
    if not f.getmask(ch).getbbox():
        return None
    img = Image.new("L", (3 * em, 3 * em), 255)
    ImageDraw.Draw(img).text((em // 2, em // 2), ch, font=f, fill=0)
    g = np.asarray(img, dtype=np.uint8)
    level = 128
    if scanned:
        g = cv2.GaussianBlur(g, (0, 0), SCAN_BLUR)
        level = SCAN_INK
    ink = (g < level).astype(np.uint8)
    if ink.sum() < 4 or ink.sum() > 0.9 * ink.size:
        return None
    return ink


def tight(ink):
    ys, xs = np.nonzero(ink)
    if len(xs) == 0:
        return None
    return ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1]


def first_piece(ink):
    """The first run of ink columns, as the segmenter of ocr/operator.cc cuts a line."""
    cols = ink.sum(axis=0) > 0
    xs = np.nonzero(cols)[0]
    if len(xs) == 0:
        return None
    x0 = xs[0]
    x1 = x0
    while x1 + 1 < len(cols) and cols[x1 + 1]:
        x1 += 1
    return tight(ink[:, x0:x1 + 1])


def fit(ink):
    h, w = ink.shape
    small = cv2.resize(ink.astype(np.float32), (SIZE, SIZE), interpolation=cv2.INTER_AREA)
    return (small >= 0.4).astype(np.uint8), w / h


def feature(bits):
    f = cv2.resize(bits.astype(np.float32), (FEATURE, FEATURE), interpolation=cv2.INTER_AREA)
    return cv2.GaussianBlur(f, (0, 0), 0.8).ravel()


def distance(fa, aa, fb, ab):
    return float(((fa - fb) ** 2).mean()) + ASPECT_WEIGHT * (np.log(aa) - np.log(ab)) ** 2


def encode(bits):
    h, w = bits.shape
    rows = []
    for y in range(h):
        v = 0
        for x in range(w):
            if bits[y, x]:
                v |= 1 << x
        rows.append(v)
    return w, h, rows


def synthetic():
    """Operators drawn with lines: chevrons of several opening angles and stroke weights, with
    a straight bar, a bar parallel to the lower arm, or none."""
    out = []
    for angle in (20, 27, 35):          # half-opening of the chevron, degrees
        for stroke in (2, 3, 4):
            for bar in ("none", "flat", "slant"):
                for right in (True, False):
                    img = np.zeros((96, 96), np.uint8)
                    w = 36
                    h = int(round(2 * w * np.tan(np.radians(angle))))
                    top = 6
                    tip = (48, top + h // 2) if right else (12, top + h // 2)
                    a = (12, top) if right else (48, top)
                    b = (12, top + h) if right else (48, top + h)
                    cv2.line(img, a, tip, 1, stroke)
                    cv2.line(img, tip, b, 1, stroke)
                    if bar == "flat":
                        y = top + h + 8
                        cv2.line(img, (12, y), (48, y), 1, stroke)
                    elif bar == "slant":
                        dy = 9
                        cv2.line(img, (b[0], b[1] + dy), (tip[0], tip[1] + dy), 1, stroke)
                    cls = ("GT" if right else "LT") if bar == "none" else ("GE" if right else "LE")
                    out.append((cls, img))
    for stroke in (2, 3, 4):
        for gap in (8, 12, 16):
            img = np.zeros((64, 64), np.uint8)
            cv2.line(img, (8, 20), (56, 20), 1, stroke)
            cv2.line(img, (8, 20 + gap), (56, 20 + gap), 1, stroke)
            out.append(("EQ", img))
    return out


def bits_of(entry):
    _, _, w, h, _, rows = entry
    return np.array([[(rows[y] >> x) & 1 for x in range(w)] for y in range(h)], np.uint8)


def main():
    entries = []  # (class, label, w, h, aspect, rows)
    seen = set()

    def add(cls, label, ink):
        t = tight(ink)
        if t is None:
            return
        bits, aspect = fit(t)
        w, h, rows = encode(bits)
        key = (cls, w, h, tuple(rows))
        if key in seen:
            return
        seen.add(key)
        entries.append((cls, label, w, h, aspect, rows))

    for font in FONTS:
        if not os.path.exists(font):
            print(f"missing font {font}", file=sys.stderr)
            continue
        for em in EMS:
            for scanned in (False, True):
                for cls, chars in POSITIVE.items():
                    for ch in chars:
                        ink = render(ch, font, em, scanned)
                        if ink is not None:
                            add(cls, ch, ink)
                for ch in NEGATIVE_SYMBOLS:
                    ink = render(ch, font, em, scanned)
                    if ink is not None:
                        add("OTHER", ch, ink)
        # Chinese characters at one size: their first pieces, and the whole glyph.
        if any(k in font for k in ("CJK", "arphic", "wqy", "Droid")):
            for scanned in (False, True):
                for ch in NEGATIVE_HAN:
                    ink = render(ch, font, EMS[1], scanned)
                    if ink is None:
                        continue
                    piece = first_piece(ink)
                    if piece is not None:
                        add("OTHER", ch, piece)
    for cls, img in synthetic():
        add(cls, "synthetic", img)

    # Keep the negatives that matter, once.
    feats = np.array([feature(bits_of(e)) for e in entries])
    logs = np.log(np.array([e[4] for e in entries]))

    def distances(i, js):
        return ((feats[js] - feats[i]) ** 2).mean(axis=1) + ASPECT_WEIGHT * (logs[js] - logs[i]) ** 2

    pos = np.array([i for i, e in enumerate(entries) if e[0] != "OTHER"])
    kept = list(pos)
    kept_neg = []
    order = []
    for i, e in enumerate(entries):
        if e[0] != "OTHER":
            continue
        d = distances(i, pos).min()
        if d < KEEP_NEGATIVE:
            order.append((d, i))
    for d, i in sorted(order):
        if not kept_neg or distances(i, np.array(kept_neg)).min() >= DEDUPE:
            kept_neg.append(i)
    entries = [entries[i] for i in sorted(kept + kept_neg)]

    print("// Generated by ocr/tools/make_operator_templates.py; do not edit.")
    print("// {class, label, width, height, aspect (w/h of the glyph), rows (bit x = column x)}")
    for cls, label, w, h, aspect, rows in entries:
        lab = label.replace("\\", "\\\\").replace('"', '\\"')
        print(f'{{OpClass::k{cls.capitalize() if cls != "OTHER" else "Other"}, "{lab}", {w}, {h}, {aspect:.3f}f, '
              f'{{{",".join(hex(r) for r in rows)}}}}},')
    print(f"// {len(entries)} templates", file=sys.stderr)


if __name__ == "__main__":
    main()
