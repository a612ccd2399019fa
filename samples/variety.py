#!/usr/bin/env python3
"""Seeded documents of every template family, each with its truth: jixiao's variety generator.

usage: samples/variety.py OUTDIR --seed S [--index K ...] [--family F] [--keep-html]

Document K of seed S is drawn from random.Random("S-K") alone, so the same seed and index give
the same document (and, with the same Chromium, qpdf and fonts, the same PDF). Its family is
FAMILIES[(K-1) % 5] unless --family names one: form, list, packed, department (CONTRACT.md,
"Template families") or none (only tables that are not performance tables: its truth has no
projects and the extractor should exit 68). Written to OUTDIR/<family>-<S>-<K>/:

  digital.pdf    printed by headless Chromium (text layer), finished by qpdf (generate.py)
  truth.json     the records a careful reader writes, from the same data as the HTML
  variety.json   what was drawn (fonts, rules, arrangement, counts ...), for reading defects
  doc.html       with --keep-html

What varies, per document: the font (Song: Noto Serif CJK SC, AR PL UMing; Hei: Noto Sans CJK
SC, WenQuanYi Zen Hei / Micro Hei; Kai: AR PL UKai, AR PL KaitiM GB; Debian has no free
FangSong), font size and cell padding (dense rows), rule width (hairline 0.25pt to 1.5pt),
colour (black or grey) and style (solid or double), column widths, the arrangement of a form's
labeled fields (label and value in one cell, beside, or below), goals numbered or not, on one
line or several, 1-70 indicator rows (page breaks inside tables and row groups follow), long
texts filling their cells, level cells merged over rows or repeated, values in one column or
split over 性质 | 值 | 单位 columns in any order, extra indicator columns (attributes), money in
元 or 万元 with or without thousands separators and 2-6 decimals, the unit stated in a label
or above the table, landscape pages turned onto portrait sheets with /Rotate 90, and tables
that are not performance tables before the performance tables. Other regions' wordings and
layouts (class Wording: 指标名称 / 目标值 / 全年指标值 headers, a 指标性质 column of 定量 / 定性,
units in a column of their own, 评分标准 columns, the indicator header on two rows, a label
column left of the form's fields, 资金来源, the unit in each money header, 项目负责人 / 联系电话 /
实施期 fields, 中长期目标, 部门职能) come from a stream of their own ("S-K-w"), recorded in
variety.json under "wording".

Reuses generate.py (typed values, FineGrid, printing, qpdf finishing, pdftotext read-back).
All content is invented. Needs what generate.py needs (samples/setup-generator.sh).
"""
import argparse
import html
import json
import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate as g  # noqa: E402  (samples/generate.py)
from generate import N, R, D, T, FineGrid, cell, spans  # noqa: E402

FAMILIES = ["form", "list", "packed", "department", "none"]

# ----------------------------------------------------------------------------------------
# invented content

REGIONS = ["崇山县", "青峪县", "临川市", "南屏区", "白河市", "云岭县", "东湖区", "石门县", "清源市", "北塘区"]
BUREAUS = ["审计局", "信访局", "人力资源和社会保障局", "医疗保障局", "气象局", "政务服务和数据管理局", "公安局",
           "生态环境局", "教育局", "林业和草原局", "统计局", "司法局", "商务局", "文化和旅游局"]
UNITS = ["机关", "信息中心", "综合服务中心", "事务中心", "监测站", "培训中心", "档案馆"]
PROJECTS = ["审计业务经费", "档案整理", "信息系统运行维护", "专项调查", "宣传培训", "办公设备购置", "法律顾问服务",
            "数据中心运行维护", "业务能力提升培训", "应急物资储备", "执法装备购置", "监测站点运行", "公众满意度调查",
            "网络安全等级保护测评", "政务热线平台运营", "档案数字化加工", "便民服务站建设", "专家评审服务",
            "业务用房维修改造", "信用信息归集服务", "电子证照系统运营", "技能竞赛组织", "人才招聘活动",
            "基层服务能力建设", "重点项目督导检查", "统计调查经费", "安全生产检查", "森林防火物资购置"]
PREFIXES = ["", "", "", "市级", "2026年", "年度", "专项", "重点"]
GOAL_SENTENCES = [
    "按照年度工作计划完成各项任务，保障业务工作正常开展",
    "提高资金使用效益，确保项目资金安全规范使用",
    "完善工作机制，提升服务质量和群众满意度",
    "按期完成采购和验收，设备投入使用后运行稳定",
    "加强队伍建设，提升工作人员业务能力和专业化水平",
    "推进信息化建设，实现数据共享和业务协同",
    "做好宣传引导工作，扩大政策知晓面和社会影响力",
    "落实安全管理责任，确保全年无重大安全责任事故",
    "对照上级要求完成专项检查，发现问题及时督促整改到位",
    "通过购买服务方式引入专业机构，提高工作的规范性和时效性，为决策提供科学依据和有力支撑",
]
LONG_TEXT = ("围绕年度重点工作任务，统筹推进各项业务工作，通过制度建设、流程优化和信息化手段相结合的方式，"
             "进一步提高工作效率和服务水平，确保各项目标任务按时保质完成")

# indicator pools: (level3, kind) where kind is a unit (numeric) or date / ref / text / range
QTY = [("审计项目数量", "个"), ("培训人次", "人次"), ("调查户数", "户"), ("档案整理数量", "箱"), ("服务站点覆盖数", "个"),
       ("宣传活动次数", "次"), ("印制宣传资料", "份"), ("设备购置数量", "台"), ("维修改造面积", "平方米"),
       ("受益人数", "人"), ("监测站点数量", "个"), ("调查分析报告数量", "份"), ("会议活动保障次数", "场"),
       ("数据汇聚量", "万条"), ("巡查里程", "公里"), ("评审对象数量", "个"), ("法律咨询次数", "次")]
QUAL = [("验收合格率", "%"), ("报告合格率", "%"), ("资金使用合规率", "%"), ("系统可用率", "%"), ("问题整改率", "%"),
        ("数据准确率", "%"), ("档案整理合格率", "%"), ("监督检查工作符合相关文件规定", "text")]
TIME = [("项目完成时间", "date"), ("资金支付及时率", "%"), ("任务按期完成率", "%"), ("整改完成时限", "个工作日"),
        ("报告报送时间", "date"), ("集训天数", "天")]
COST = [("项目总成本", "万元"), ("人均培训成本", "元/人"), ("单位面积维修成本", "元/平方米"), ("经费支出控制", "ref"),
        ("审计项目人员成本标准", "元/人/天")]
SOC = [("促进政策措施落实落地", "text"), ("群众办事便利程度", "text"), ("社会知晓率", "%"), ("服务对象投诉率", "%"),
       ("体现对服务对象的关怀与关爱", "text")]
ECO = [("促进增收节支金额", "万元"), ("带动就业人数", "人")]
ENV = [("空气质量优良天数比例", "%"), ("森林覆盖率", "%")]
SUS = [("长效管理机制", "text"), ("信息系统持续稳定运行", "text"), ("发挥专家作用，保证工作质量", "text")]
SAT = [("服务对象满意度", "%"), ("群众满意度", "%"), ("参训人员满意度", "%"), ("被审计单位满意度", "%")]
# (level1, code), [(level2 full, level2 short, code, pool)]
LEVELS = [
    (("产出指标", 1), [("数量指标", "数量指标", 11, QTY), ("质量指标", "质量指标", 12, QUAL),
                      ("时效指标", "时效指标", 13, TIME)]),
    (("成本指标", 4), [("经济成本指标", "经济成本", 41, COST)]),
    (("效益指标", 2), [("经济效益指标", "经济效益", 21, ECO), ("社会效益指标", "社会效益", 22, SOC),
                      ("生态效益指标", "生态效益", 23, ENV), ("可持续影响指标", "可持续影响", 24, SUS)]),
    (("满意度指标", 3), [("服务对象满意度指标", "服务对象满意度", 31, SAT)]),
]
# units that begin with 万 and stay units (normalize/README.md: "… unless they begin a known
# unit"); before any other unit 万 multiplies the number (12万条 = 120000 条)
WAN_UNITS = {"万元", "万亩", "万平方米", "万立方米", "万吨", "万千瓦时"}
TEXT_VALUES = ["有效提升", "明显改善", "持续健全", "有效促进", "逐步提高", "稳定运行", "良好"]
QUALITATIVE = ["优", "高", "良", "好"]
FONTS = {  # family name -> style, as fontconfig knows them
    "Noto Serif CJK SC": "song", "AR PL UMing CN": "song", "Noto Sans CJK SC": "hei",
    "WenQuanYi Zen Hei": "hei", "WenQuanYi Micro Hei": "hei", "AR PL UKai CN": "kai",
    "AR PL KaitiM GB": "kai",
}


def fmt_num(x, decimals):
    s = f"{x:.{decimals}f}"
    return s


class Value:
    """One printed indicator value and its typed form; parts for a split (性质 | 值 | 单位)."""

    def __init__(self, text, norm, op="", number="", unit=""):
        self.text, self.norm, self.op, self.number, self.unit = text, norm, op, number, unit


def number_for(rng, unit):
    if unit == "%":
        return rng.choice([100, 100, 95, 98, 90, 85, 99.5, 97])
    if unit in ("万元",):
        return round(rng.uniform(1, 900), rng.choice([0, 2, 4]))
    if unit.startswith("元"):
        return rng.choice([70, 150, 560, 370, 1200, 3.5])
    if unit in ("个工作日", "天"):
        return rng.choice([3, 5, 15, 30, 16])
    return rng.choice([1, 2, 3, 4, 5, 12, 20, 24, 38, 50, 60, 120, 300, 1500, 3946, 122928])


def num_text(rng, x):
    if isinstance(x, float) and x != int(x):
        return repr(x) if rng.random() < 0.7 else f"{x:.2f}"
    x = int(x)
    return str(x) if rng.random() < 0.8 else f"{x}.00"


def draw_value(rng, kind, year, split=False, style=None):
    """A value of `kind` (a unit, or date / ref / text / range), printed one of the ways regions
    print it, with its value_normalized."""
    if kind == "text":
        if split or rng.random() < 0.4:
            t = rng.choice(QUALITATIVE)
        else:
            t = rng.choice(TEXT_VALUES)
        return Value(t, T(), op="定性", number=t)
    if split and kind in ("date", "ref", "range"):
        kind = "%"
    if kind == "date":
        m = rng.randint(3, 12)
        form = rng.randrange(3)
        if form == 0:
            return Value(f"{m}月底前", D("<=", f"--{m:02d}"))
        if form == 1:
            d = rng.choice([15, 20, 30]) if m != 2 else 20
            return Value(f"{year}年{m}月{d}日前", D("<=", f"{year}-{m:02d}-{d:02d}"))
        return Value(f"{year}年{m}月底前", D("<=", f"{year}-{m:02d}"))
    if kind == "ref":
        return Value("≤预算控制数", R("<=", "预算控制数"))
    unit = kind
    x = number_for(rng, unit)
    if unit == "%" and rng.random() < 0.1 and not split:
        lo = rng.choice([80, 85, 90])
        return Value(f"{lo}%-100%", N("range", lo, "%", upper=100))
    if unit in ("万元",) or unit.startswith("元") or unit == "个工作日":
        op_sym, op = rng.choice([("≤", "<="), ("≤", "<="), ("<", "<"), ("=", "=")])
    elif unit == "%" and x == 100:
        op_sym, op = rng.choice([("=", "="), ("＝", "="), ("", "="), ("≥", ">=")])
    else:
        op_sym, op = rng.choice([("≥", ">="), ("≥", ">="), (">", ">"), ("=", "="), ("＝", "="), ("", "=")])
    nt = num_text(rng, x)
    number = float(nt) if "." in nt else int(nt)
    if unit.startswith("万") and unit not in WAN_UNITS:
        return numeric_wan(rng, op_sym, op, nt, number, unit, split)
    if split:
        sym = op_sym or "＝"
        return Value(f"{sym}{nt}{unit}", N(op, number, unit), op=sym, number=nt, unit=unit)
    style = style if style is not None else rng.randrange(6)
    if style == 1 and op == ">=" and op_sym:
        return Value(f"不低于{nt}{unit}" if unit == "%" else f"不少于{nt}{unit}", N(">=", number, unit))
    if style == 2 and op == ">=" and op_sym:
        return Value(f"{nt}{unit}以上", N(">=", number, unit))
    if style == 3:
        return Value(f"{op_sym}{nt}({unit})", N(op, number, unit))
    if style == 4 and unit != "%":
        return Value(f"{op_sym}{nt} {unit}", N(op, number, unit))
    return Value(f"{op_sym}{nt}{unit}", N(op, number, unit))


def numeric_wan(rng, op_sym, op, nt, number, unit, split):
    """a count in 万 of a unit (≥12万条): typed as the count itself (120000 条)"""
    norm = N(op, round(number * 10000, 6), unit[1:])
    if split:
        sym = op_sym or "＝"
        return Value(f"{sym}{nt}{unit}", norm, op=sym, number=nt, unit=unit)
    return Value(f"{op_sym}{nt}{unit}", norm)


def draw_indicators(rng, n, year, short_l2, split, value_style, long_l3=True):
    """n indicator rows, ordered by level1 then level2 as tables print them; a few 三级 long
    enough to fill their cell when long_l3 (not in packed items, where 三级 is a short name)."""
    picks = []
    while len(picks) < n:
        li = rng.choices(range(len(LEVELS)), weights=[6, 1.5, 2.5, 1.2])[0]
        (l1, c1), subs = LEVELS[li]
        sub = rng.choice(subs)
        picks.append((li, subs.index(sub), l1, c1, sub))
    picks.sort(key=lambda p: (p[0], p[1]))
    rows = []
    used = set()
    for li, si, l1, c1, (l2full, l2short, c2, pool) in picks:
        l3, kind = rng.choice(pool)
        k = 2
        base = l3
        while l3 in used:                                 # distinct rows read back distinctly
            l3 = f"{base}（{k}）"
            k += 1
        used.add(l3)
        if rng.random() < 0.06 and long_l3:
            l3 = l3 + "，" + LONG_TEXT[:rng.randint(20, 60)]   # text filling its cell
        v = draw_value(rng, kind, year, split, value_style)
        rows.append({"l1": l1, "c1": c1, "l2": l2short if short_l2 else l2full, "c2": c2,
                     "l3": l3, "v": v})
    return rows


def money_text(cents, unit_yuan, decimals, sep):
    if cents is None:
        return ""
    x = cents / 100.0
    s = f"{x:,.{decimals}f}" if sep else f"{x:.{decimals}f}"
    return s


def draw_money(rng, yuan):
    """(total, fiscal, other) in cents of the printed unit; other None (blank) or a share."""
    if yuan:
        total = rng.randint(50, 900000) * 100 * rng.choice([1, 10, 100])
    else:
        total = rng.randint(100, 2000000)                 # 1.00 .. 20000.00 万元
    r = rng.random()
    if r < 0.5:
        return total, total, None
    if r < 0.7:
        return total, total, 0
    other = total * rng.randint(5, 40) // 100
    return total, total - other, other


def mval(cents):
    return None if cents is None else round(cents / 100.0, 6)


def new_name(rng, used):
    while True:
        n = rng.choice(PREFIXES) + rng.choice(PROJECTS)
        if n not in used:
            used.add(n)
            return n


def project_code(rng):
    return "11000026T0000" + "".join(rng.choice("0123456789") for _ in range(8))


def indicator_truth(r, attrs=None):
    t = {"level1": r["l1"], "level2": r["l2"], "level3": r["l3"], "description": "",
         "value": r["v"].text, "basis": "", "value_normalized": r["v"].norm}
    if attrs:
        t["attributes"] = attrs
    return t


def project_truth(kind, title, money_unit, name, code="", unit_name="", budget=(None, None, None),
                  goals=(), indicators=(), attributes=None):
    p = {"kind": kind, "title": title, "unit_code": "", "unit_name": unit_name,
         "money_unit": money_unit, "project_code": code, "project_name": name,
         "budget": {"total": mval(budget[0]), "fiscal": mval(budget[1]), "other": mval(budget[2])},
         "purpose": "", "schedule": {"mar": None, "jun": None, "oct": None, "dec": None},
         "goals": list(goals), "indicators": list(indicators)}
    if attributes:
        p["attributes"] = attributes
    return p


# ----------------------------------------------------------------------------------------
# style of one document


class Style:
    def __init__(self, rng, family):
        self.font = rng.choice(sorted(FONTS))
        self.head_font = rng.choice([self.font, "Noto Sans CJK SC", "WenQuanYi Zen Hei"])
        self.size = rng.choice([7.5, 8, 9, 9, 10, 10.5, 11])
        self.dense = rng.random() < 0.3
        self.pad = 0.4 if self.dense else rng.choice([0.8, 1.1, 1.5, 2.0])
        self.line = 1.15 if self.dense else rng.choice([1.25, 1.35, 1.5])
        self.rule_pt = rng.choice([0.25, 0.5, 0.5, 0.75, 1.0, 1.5])
        self.rule_color = rng.choice(["#000", "#000", "#000", "#444", "#777"])
        self.double = rng.random() < 0.1
        if self.double:
            self.rule_pt = 2.25                          # a double rule needs three pixels at least
        self.bold_labels = rng.random() < 0.5
        self.landscape = family in ("list", "packed") or rng.random() < 0.2
        self.valign = rng.choice(["middle", "middle", "top"])

    def css(self):
        page = "A4 landscape" if self.landscape else "A4 portrait"
        border = f"{self.rule_pt}pt {'double' if self.double else 'solid'} {self.rule_color}"
        return f"""
@page {{ size: {page}; margin: 12mm 10mm 12mm 10mm; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: "{self.font}", serif; font-size: {self.size}pt; color: #000; }}
h1 {{ font-family: "{self.head_font}", sans-serif; text-align: center; font-size: {self.size + 6}pt;
     margin: 2mm 0 2mm 0; }}
.sub {{ text-align: center; margin: 0 0 2mm 0; }}
.code {{ text-align: left; margin: 0 0 1mm 0; }}
.unitline {{ display: flex; justify-content: space-between; margin: 0 0 1mm 0; }}
.newpage {{ break-before: page; }}
.follow {{ margin-top: 10mm; }}
h1, .sub, .unitline, .code {{ break-after: avoid; }}
table.t {{ border-collapse: collapse; table-layout: fixed; line-height: {self.line}; }}
table.t td {{ border: {border}; padding: {self.pad}mm {self.pad + 0.3}mm; text-align: center;
             vertical-align: {self.valign}; word-break: normal; overflow-wrap: anywhere; }}
table.t td.lab {{ font-family: "{self.head_font}", sans-serif; {'font-weight: bold;' if self.bold_labels else ''} }}
table.t td.txt {{ text-align: left; }}
table.t td.num {{ text-align: right; white-space: nowrap; word-break: keep-all; }}
table.t td:not([rowspan]) {{ break-inside: avoid; }}
.sheet {{ width: 210mm; height: 297mm; position: relative; overflow: hidden; break-after: page; }}
.sheet:last-child {{ break-after: auto; }}
.land {{ position: absolute; left: 0; top: 0; width: 297mm; height: 210mm; box-sizing: border-box;
        padding: 10mm 12mm; transform-origin: 0 0; transform: translateY(297mm) rotate(-90deg); }}
"""

    def width(self):
        return 277.0 if self.landscape else 190.0


class Wording:
    """The words and layouts other regions print the same fields under (issue 14): the 三级 and
    value headers (指标名称, 目标值, 全年指标值 …), a 指标性质 column of 定量 / 定性, units in a
    column of their own (计量单位), 评分标准 and 权重 columns, the indicator header on two rows
    (三级指标 over 指标名称 | 指标值), a label column on the left of the form's fields, the money
    group's label (资金来源), the unit in each money header, 项目负责人 / 联系电话 / 实施期 fields,
    中长期目标 beside the year's goals and 部门职能 in a department's table. Drawn from a stream of
    its own ("S-K-w"), so that a seed's layout and content stay what they were without these."""

    def __init__(self, wr, family):
        self.l3 = wr.choice(["三级指标", "三级指标", "三级指标", "指标名称", "三级指标名称"])
        self.value = wr.choice(["指标值", "年度指标值", "目标值", "全年指标值", "年度目标值", "指标值"])
        self.nature = family != "packed" and wr.random() < 0.25     # 指标性质: 定量 / 定性
        self.unit_col = family != "packed" and wr.random() < 0.2    # 指标值 | 计量单位
        self.unit_name = wr.choice(["计量单位", "度量单位", "单位"])
        self.head2 = wr.random() < 0.25                             # 三级指标 over 指标名称 | 指标值
        self.score = wr.choice([None, None, None, "评分标准", "评(扣)分标准"])
        self.left_group = wr.random() < 0.3                         # 基本信息 | 项目名称 | …
        self.money_group = wr.choice(["项目资金", "项目资金", "资金来源", "项目资金来源"])
        self.unit_in_heads = wr.random() < 0.3                      # 资金总额（万元）
        self.person = wr.random() < 0.3                             # 项目负责人, 联系电话
        self.period = wr.choice([None, None, "实施期", "执行期"])
        self.long_goal = wr.random() < 0.25                         # 中长期目标
        self.duty = wr.random() < 0.4                               # 部门职能 (department)
        self.wr = wr

    def info(self):
        return {k: v for k, v in vars(self).items() if k != "wr"}


class HeadGrid(FineGrid):
    """FineGrid whose first `head` rows are a <thead> (Chromium repeats it on every page)."""

    def __init__(self, width, head=0):
        super().__init__(width)
        self.head = head

    def html(self, table_cls):
        out = super().html(table_cls).split("\n")
        if not self.head:
            return "\n".join(out)
        trs = [i for i, line in enumerate(out) if line.startswith("<tr")]
        ends = [i for i, line in enumerate(out) if line == "</tr>"]
        out.insert(ends[self.head - 1] + 1, "</thead>")
        out.insert(trs[0], "<thead>")
        return "\n".join(out)


def widths(rng, shares, total, mins=None):
    """Column boundaries (mm) from relative shares, each jittered by up to 25 %; column i at
    least mins[i] mm wide (a number never wraps or runs into the next cell)."""
    w = [s * rng.uniform(0.8, 1.25) for s in shares]
    k = total / sum(w)
    w = [v * k for v in w]
    mins = mins or {}
    for _ in range(5):
        short = {i: m - w[i] for i, m in mins.items() if w[i] < m}
        if not short:
            break
        free = [i for i in range(len(w)) if i not in mins]
        need = sum(short.values())
        room = sum(w[i] for i in free)
        for i, d in short.items():
            w[i] += d
        for i in free:
            w[i] -= need * w[i] / room
    xs, x = [0.0], 0.0
    for v in w:
        x += v
        xs.append(round(x, 2))
    xs[-1] = round(total, 3)
    return xs


def text_mm(text, st):
    """width (mm) a number needs in the document's font, with the cell's padding"""
    return len(text) * 0.62 * st.size * 0.3528 + 2 * (st.pad + 0.3) + 1.5


def goals_cell(rng, goals, numbered, lines):
    if not numbered:
        return html.escape(goals[0])
    items = [f"{i}、{t}" for i, t in enumerate(goals, 1)]
    if lines:
        return "<br>".join(html.escape(x) for x in items)
    return html.escape(" ".join(items) if rng.random() < 0.5 else "".join(x + "；" for x in items)[:-1])


def draw_goals(rng):
    """goals as the truth has them, and how they are printed (numbered, on lines)"""
    n = rng.choice([1, 1, 2, 3, 4])
    goals = rng.sample(GOAL_SENTENCES, n)
    numbered = n > 1 or rng.random() < 0.3
    lines = rng.random() < 0.5
    if numbered and not lines:
        goals = [x.rstrip("。") for x in goals]
    if not numbered:
        goals = ["，".join(goals) + "。"]
    return goals, numbered, lines


# ----------------------------------------------------------------------------------------
# indicator block shared by form and department tables


def split_part(v, label):
    """what a split value's column of this label prints: the operator, the number or the unit"""
    if "性质" in label:
        return v.op
    if "单位" in label:
        return v.unit
    return v.number


def value_parts(v, labels):
    """what the columns `labels` of an unsplit value print (指标性质: 定量 or 定性; 计量单位: the
    unit, taken off the value where it ends a number), and the row's attributes (性质, 单位)"""
    unit = v.norm.get("unit") or ""
    head = v.text[:-len(unit)] if unit and v.text.endswith(unit) else ""
    if not (head and head[-1].isdigit() and any("单位" in x for x in labels)):
        head = ""
    parts, attrs = [], {}
    for lab in labels:
        if "性质" in lab:
            part = "定性" if v.norm["kind"] == "text" else "定量"
        elif "单位" in lab:
            part = unit if head else ""
        else:
            part = head or v.text
        parts.append(part)
        if "性质" in lab or "单位" in lab:
            attrs[lab] = part
    return parts, attrs


def row_cells(rows, i, spans1, spans2, xs, k0, value_labels, l3_left=False, split=True):
    """cells of indicator row i from column k0 of boundaries xs: 一级 and 二级 where their merged
    cell starts, 三级, then the value (one column, or one per split label); and the row's
    attributes (a split value's 性质 and 单位); 三级 left-aligned when long or `l3_left`. Without
    `split` the value_labels are the wording's columns (value_parts)."""
    r = rows[i]
    cs, attrs = [], {}
    if spans1[i]:
        cs.append(cell(xs[k0], xs[k0 + 1], r["l1"], rowspan=spans1[i]))
    if spans2[i]:
        cs.append(cell(xs[k0 + 1], xs[k0 + 2], r["l2"], rowspan=spans2[i]))
    cs.append(cell(xs[k0 + 2], xs[k0 + 3], r["l3"], "txt" if l3_left or len(r["l3"]) > 12 else ""))
    if not value_labels:
        cs.append(cell(xs[k0 + 3], xs[k0 + 4], r["v"].text))
    elif not split:
        parts, attrs = value_parts(r["v"], value_labels)
        for m, part in enumerate(parts):
            cs.append(cell(xs[k0 + 3 + m], xs[k0 + 4 + m], part))
        return cs, attrs
    for m, lab in enumerate(value_labels or []):
        part = split_part(r["v"], lab)
        cs.append(cell(xs[k0 + 3 + m], xs[k0 + 4 + m], part))
        if "性质" in lab or "单位" in lab:
            attrs[lab] = part
    return cs, attrs


def level_spans(rows, merge):
    """rowspans of the 一级 and 二级 cells (merged over equal neighbours, or one per row)"""
    if not merge:
        return [1] * len(rows), [1] * len(rows)
    return spans([r["l1"] for r in rows]), spans([(r["l1"], r["l2"]) for r in rows])


SCORE_TEXTS = ["完成得满分，未完成不得分", "按完成比例计分", "达到目标值得满分，每降低1个百分点扣1分",
               "按期完成得满分，每延期1个月扣2分"]


def wording_values(wd, split, vlabels):
    """the value's columns in the wording (指标性质 | 指标值 | 计量单位) when the value is not split"""
    if split:
        return vlabels
    labels = [wd.value]
    if wd.nature:
        labels = ["指标性质"] + labels
    if wd.unit_col:
        labels.append(wd.unit_name)
    return labels


def indicator_header(gr, cols, xs, wd, super_cell, n_value):
    """the indicator header: one row, or with the wording's head2 two (三级指标 over 指标名称 and
    the value's columns; 一级, 二级 and the columns after spanning both rows)"""
    if not wd.head2:
        gr.row(super_cell + [cell(xs[k], xs[k + 1], c, "lab") for k, c in enumerate(cols)])
        return
    last = 3 + n_value                                    # 三级 and the value's columns: [2, last)
    row1 = super_cell + [cell(xs[0], xs[1], cols[0], "lab", rowspan=2),
                         cell(xs[1], xs[2], cols[1], "lab", rowspan=2),
                         cell(xs[2], xs[last], "三级指标", "lab")]
    row1 += [cell(xs[k], xs[k + 1], c, "lab", rowspan=2) for k, c in enumerate(cols) if k >= last]
    gr.row(row1)
    gr.row([cell(xs[2], xs[3], "指标名称", "lab")] +
           [cell(xs[k], xs[k + 1], cols[k], "lab") for k in range(3, last)])


def indicator_block(rng, gr, rows, x0, W, st, info, attr_col=None):
    """Adds the header and the rows of an indicator block spanning [x0, W] to grid `gr`.
    Returns the truth of each row."""
    wd = st.w
    split = info["split"]
    cols = ["一级指标", "二级指标", wd.l3]
    vlabels = []
    if split:
        vlabels = info["split_order"]
    else:
        vlabels = [rng.choice(["指标值", "年度指标值", "指标值"])]
    shares = [1.0, 1.2, 2.4] + ([0.7, 0.9, 0.7] if split else [1.4]) + ([1.0] if attr_col else [])
    xs = widths(rng, shares, W - x0)
    vlabels = wording_values(wd, split, vlabels)
    cols += vlabels
    if attr_col:
        cols.append(attr_col)
    if wd.score:
        cols.append(wd.score)
    if len(cols) != len(shares):                          # the wording's columns: widths of its own
        shares = ([1.0, 1.2, 2.4] + ([0.7, 0.9, 0.7] if split else [0.6] * (len(vlabels) - 1) + [1.4]) +
                  ([1.0] if attr_col else []) + ([1.6] if wd.score else []))
        xs = widths(wd.wr, shares, W - x0)
    xs = [x0 + x for x in xs]
    merge = info["merge_levels"]
    super_label = info["super"]
    head_rows = 2 if wd.head2 else 1
    super_cell = [cell(0, x0, super_label, "lab", rowspan=len(rows) + head_rows)] if super_label else []
    indicator_header(gr, cols, xs, wd, super_cell, len(vlabels))
    s1, s2 = level_spans(rows, merge)
    truth = []
    for i, r in enumerate(rows):
        cs, attrs = row_cells(rows, i, s1, s2, xs, 0, vlabels if (split or len(vlabels) > 1) else None,
                              split=split)
        k = 3 + len(vlabels)
        if attr_col == "指标解释":
            a = r.setdefault("attr", f"反映{r['l3'][:10]}的完成情况")
        elif attr_col:
            a = r.setdefault("attr", str(rng.choice([5, 10, 10, 15, 20])))
        if attr_col:
            cs.append(cell(xs[k], xs[k + 1], a, "txt" if attr_col == "指标解释" else ""))
            attrs[attr_col] = a
            k += 1
        if wd.score:
            a = r.setdefault("score", wd.wr.choice(SCORE_TEXTS))
            cs.append(cell(xs[k], xs[k + 1], a, "txt"))
            attrs[wd.score] = a
        gr.row(cs)
        truth.append(indicator_truth(r, attrs))
    return truth


def split_choice(rng):
    """the labels of a split value's columns, in one of the orders regions print them"""
    names = rng.choice([("绩效指标性质", "本年绩效指标值", "绩效度量单位"), ("指标性质", "指标值", "度量单位")])
    order = rng.choice([(0, 1, 2), (0, 1, 2), (1, 0, 2), (1, 2, 0)])
    return [names[i] for i in order]


# ----------------------------------------------------------------------------------------
# the families


def fields_rows(rng, gr, fields, L, W, arrangement, group=None):
    """labeled header fields [(label, value)] as rows of grid `gr`; beside, `group` labels them all
    in a column on their left"""
    if arrangement == "one":
        gr.row([cell(0, W, f"{fields[0][0]}：{fields[0][1]}", "txt")])
        rest = fields[1:]
        for k in range(0, len(rest), 2):
            pair = rest[k:k + 2]
            if len(pair) == 2:
                gr.row([cell(0, W / 2, f"{pair[0][0]}：{pair[0][1]}", "txt"),
                        cell(W / 2, W, f"{pair[1][0]}：{pair[1][1]}", "txt")])
            else:
                gr.row([cell(0, W, f"{pair[0][0]}：{pair[0][1]}", "txt")])
    elif arrangement == "below":
        for k in range(0, len(fields), 3):
            part = fields[k:k + 3]
            xs = [W * i / len(part) for i in range(len(part) + 1)]
            gr.row([cell(xs[i], xs[i + 1], lab, "lab") for i, (lab, _) in enumerate(part)])
            gr.row([cell(xs[i], xs[i + 1], v) for i, (_, v) in enumerate(part)])
    else:                                                 # beside
        # a group label on the left of the labels (基本信息 | 项目名称 | …): the labels narrower
        G = round(L * 0.45, 2) if group else 0
        nrows = 1 + (len(fields) - 1 + 1) // 2
        first = [cell(0, G, group, "lab", rowspan=nrows)] if group else []
        gr.row(first + [cell(G, L, fields[0][0], "lab"), cell(L, W, fields[0][1])])
        rest = fields[1:]
        M = round(L + (W - L) / 2, 2)
        for k in range(0, len(rest), 2):
            pair = rest[k:k + 2]
            if len(pair) == 2:
                gr.row([cell(G, L, pair[0][0], "lab"), cell(L, M, pair[0][1]),
                        cell(M, M + L - G, pair[1][0], "lab"), cell(M + L - G, W, pair[1][1])])
            else:
                gr.row([cell(G, L, pair[0][0], "lab"), cell(L, W, pair[0][1])])


def money_rows(rng, gr, labels, texts, unit_in_label, L, W, arrangement, group="项目资金"):
    lab0 = group + (f"（{unit_in_label}）" if unit_in_label else "")
    if arrangement == "below":
        xs = [L + (W - L) * i / 3 for i in range(4)]
        gr.row([cell(0, L, lab0, "lab", rowspan=2)] +
               [cell(xs[i], xs[i + 1], labels[i], "lab") for i in range(3)])
        gr.row([cell(xs[i], xs[i + 1], texts[i], "num") for i in range(3)])
    elif arrangement == "one":
        xs = [L + (W - L) * i / 3 for i in range(4)]
        gr.row([cell(0, L, lab0, "lab")] +
               [cell(xs[i], xs[i + 1], f"{labels[i]}：{texts[i]}", "txt") for i in range(3)])
    else:
        M = round(L + (W - L) * 0.45, 2)
        for i in range(3):
            first = [cell(0, L, lab0, "lab", rowspan=3)] if i == 0 else []
            gr.row(first + [cell(L, M, labels[i], "lab"), cell(M, W, texts[i], "num")])


def form_table(rng, st, p, info, W):
    gr = FineGrid(W)
    L = round(W * rng.uniform(0.14, 0.2), 2)
    wd = st.w
    fields_rows(rng, gr, p["fields"], L, W, info["arrangement"],
                wd.wr.choice(["基本信息", "项目基本情况"]) if wd.left_group else None)
    money_rows(rng, gr, p["money_labels"], p["money_texts"], p["unit_in_label"], L, W, info["money_arrangement"],
               wd.money_group)
    gl = p["goal_label"]
    gtxt = goals_cell(rng, p["goals"], p["numbered"], p["lines"])
    if p.get("long_goal"):                                # 中长期目标 above the year's goals
        if info["arrangement"] == "below":
            gr.row([cell(0, W, "中长期目标", "lab")])
            gr.row([cell(0, W, p["long_goal"], "txt")])
        else:
            gr.row([cell(0, L, "中长期目标", "lab"), cell(L, W, p["long_goal"], "txt")])
    if info["arrangement"] == "below":
        gr.row([cell(0, W, gl, "lab")])
        gr.row([cell(0, W, gtxt, "txt", raw=True)])
    else:
        gr.row([cell(0, L, gl, "lab"), cell(L, W, gtxt, "txt", raw=True)])
    x0 = round(L * 0.45, 2) if info["super"] else 0
    p["indicators_truth"] = indicator_block(rng, gr, p["rows"], x0, W, st, info, info["attr_col"])
    return gr.html("t")


def heading_html(title, year_line, code_line, unit_line, st):
    o = []
    if code_line:
        o.append(f'<div class="code">{html.escape(code_line)}</div>')
    o.append(f"<h1>{html.escape(title)}</h1>")
    if year_line:
        o.append(f'<div class="sub">{html.escape(year_line)}</div>')
    if unit_line:
        left, right = unit_line
        o.append(f'<div class="unitline"><span>{html.escape(left)}</span><span>{html.escape(right)}</span></div>')
    return "\n".join(o)


def doc_form(rng, st, dept, year, info):
    n = rng.choice([1, 1, 2, 2, 3, 4, 5])
    big = rng.random() < 0.35
    info["split"] = rng.random() < 0.15
    info["split_order"] = split_choice(rng) if info["split"] else None
    info["arrangement"] = rng.choice(["beside", "beside", "one", "below"])
    info["money_arrangement"] = rng.choice(["stack", "stack", "below", "one"])
    info["merge_levels"] = rng.random() < 0.75
    info["super"] = rng.choice([None, None, "绩效指标", "年度绩效指标"])
    info["attr_col"] = rng.choice([None, None, None, "分值", "权重", "指标解释"])
    yuan = rng.random() < 0.3
    unit = "元" if yuan else "万元"
    decimals = 2 if yuan else rng.choice([2, 2, 4, 6])
    sep = rng.random() < 0.5
    title_kind = rng.randrange(4)
    rotate = (not st.landscape) and rng.random() < 0.25
    short_l2 = rng.random() < 0.4
    value_style = None if rng.random() < 0.6 else rng.randrange(6)
    used = set()
    projects, truths = [], []
    for k in range(n):
        name = new_name(rng, used)
        nrows = rng.randint(1, 14) if not big else rng.randint(15, 70)
        if rotate:
            nrows = min(nrows, 8)
        rows = draw_indicators(rng, nrows, year, short_l2, info["split"], value_style)
        fields = [("项目名称", name)]
        attrs = {}
        r = rng.random()
        if r < 0.4:
            fields += [("主管部门", dept), ("实施单位", dept + rng.choice(UNITS))]
        elif r < 0.7:
            fields += [("主管部门及代码", f"{rng.randint(100, 999)}_{dept}"), ("实施单位", dept)]
        else:
            fields += [("主管部门", dept)]
        if rng.random() < 0.3:
            fields += [("项目类别", rng.choice(["专项业务类", "运转类", "其他事业发展类"]))]
        wd = st.w
        if wd.person:
            fields += [("项目负责人", wd.wr.choice(["王明", "李静", "张伟", "刘洋"])),
                       ("联系电话", f"0{wd.wr.randint(10, 999)}-{wd.wr.randint(2000000, 89999999)}")]
        if wd.period:
            fields += [(wd.period, f"{year}年1月-{year}年12月")]
        for lab, v in fields[1:]:
            attrs[lab] = v
        money = draw_money(rng, yuan)
        money_labels = [rng.choice(["年度资金总额", "资金总额", "项目资金总额", "年度预算资金总额"]),
                        rng.choice(["其中：财政拨款", "财政拨款", "其中：财政资金"]), "其他资金"]
        money_texts = [money_text(c, yuan, decimals, sep) for c in money]
        unit_in_label = unit if rng.random() < 0.6 else None
        in_heads = bool(unit_in_label) and wd.unit_in_heads
        if in_heads:                                      # the unit after each money label
            money_labels = [f"{x}（{unit}）" for x in money_labels]
            unit_in_label = None
        goals, numbered, lines = draw_goals(rng)
        goal_label = rng.choice(["年度目标", "年度绩效目标", "总体目标", "年度总体目标"])
        long_goal = None
        if wd.long_goal:
            long_goal = "，".join(wd.wr.sample(GOAL_SENTENCES, 2)) + "。"
            attrs["中长期目标"] = long_goal
        if title_kind == 0:
            title = f"{name}项目绩效目标表"
        elif title_kind == 1:
            title = "部门专项业务经费绩效目标表"
        elif title_kind == 2:
            title = "政策和项目预算绩效目标表"
        else:
            title = f"{year}年项目支出绩效目标表"
        p = dict(name=name, rows=rows, fields=fields, money_labels=money_labels, money_texts=money_texts,
                 unit_in_label=unit_in_label, goals=goals, numbered=numbered, lines=lines,
                 goal_label=goal_label, long_goal=long_goal)
        W = 271.0 if rotate else st.width()
        table = form_table(rng, st, p, info, W)
        year_line = f"（{year}年度）" if str(year) not in title else ""
        code_line = f"表{rng.randint(10, 16)}-{k + 1}" if rng.random() < 0.3 else ""
        unit_line = None if (unit_in_label or in_heads) else ("", f"单位：{unit}")
        projects.append((title, year_line, code_line, unit_line, table, nrows))
        truths.append(project_truth("project", title, unit, name, budget=money, goals=goals,
                                    indicators=p["indicators_truth"], attributes=attrs))
    body = []
    if rotate:
        for title, yl, cl, ul, table, _ in projects:
            body.append('<div class="sheet"><div class="land">' + heading_html(title, yl, cl, ul, st) +
                        table + "</div></div>")
        info["rotate"] = True
        return body, truths, "+90"
    for k, (title, yl, cl, ul, table, nrows) in enumerate(projects):
        cls = "proj"
        if k:
            cls += " follow" if (nrows < 6 and rng.random() < 0.4) else " newpage"
        body.append(f'<div class="{cls}">' + heading_html(title, yl, cl, ul, st) + table + "</div>")
    return body, truths, None


def list_rows_for(rng, n_projects, year, short_l2, split, value_style, big, packed):
    out = []
    for _ in range(n_projects):
        nrows = rng.randint(1, 12) if not big else rng.randint(10, 40)
        if packed:
            nrows = min(nrows, rng.randint(8, 16))        # one text cell holds them all
        out.append(draw_indicators(rng, nrows, year, short_l2, split, value_style, long_l3=not packed))
    return out


def doc_list(rng, st, dept, year, info, packed=False):
    n = rng.randint(2, 9)
    big = rng.random() < 0.35
    yuan = rng.random() < 0.15
    unit = "元" if yuan else "万元"
    decimals = 2 if yuan else rng.choice([2, 2, 6])
    sep = rng.random() < 0.5
    short_l2 = packed or rng.random() < 0.3
    split = (not packed) and rng.random() < 0.5
    info.update(split=split, split_order=split_choice(rng) if split else None, packed=packed,
                merge_levels=(not packed) and rng.random() < 0.5, code=rng.random() < 0.6,
                thead=rng.random() < 0.6, total_row=packed or rng.random() < 0.3,
                unit_rows=packed and rng.random() < 0.5)
    value_style = None if rng.random() < 0.6 else rng.randrange(6)
    W = st.width()
    used = set()
    # title and the lines above
    if packed:
        title = rng.choice(["项目支出绩效目标表（含转移支付项目）", "项目支出绩效目标表", f"{year}年项目支出绩效目标表"])
    else:
        title = rng.choice(["项目支出绩效目标表", "年度项目支出绩效表", f"{year}年项目支出绩效目标表",
                            "预算表12 项目支出绩效目标表"])
    dept_line = packed or rng.random() < 0.5
    unit_name = dept if dept_line else ""
    unit_line = f"{'金额' if rng.random() < 0.5 else ''}单位：{unit}"
    if st.w.unit_in_heads:
        unit_line = ""
    heading = heading_html(title, "" if str(year) in title else f"（{year}年度）", "",
                           (f"部门名称：{dept}" if dept_line else "", unit_line), st)
    # columns
    name_h = rng.choice(["项目名称", "单位（项目）名称", "项目名称（资金使用单位）"])
    if packed:
        money_h = ["总计", "财政拨款", "财政专户拨款", "其他资金"]
    else:
        money_h = [rng.choice(["项目总额", "资金总额", "年度资金总额"]), "财政资金", "其他资金"]
    goal_h = rng.choice(["绩效目标", "年度绩效目标"])
    if packed:
        ind_h = ["绩效指标"]
        shares = [1.6] + [0.9] * len(money_h) + [3.2, 5.0]
    else:
        vh = info["split_order"] if split else [rng.choice(["指标值", "年度指标值"])]
        vh = wording_values(st.w, split, vh)
        ind_h = ["一级指标", "二级指标", st.w.l3] + vh
        shares = [1.8] + [0.9] * len(money_h) + [3.4, 0.9, 1.1, 2.4] + ([0.7, 0.8, 0.7] if split else [1.2])
    if st.w.unit_in_heads:                                # 资金总额（万元）, and no 单位 line
        money_h = [f"{x}（{unit}）" for x in money_h]
    heads = [name_h] + money_h + [goal_h] + ind_h
    groups = list_rows_for(rng, n, year, short_l2, split, value_style, big, packed)
    plist = []
    for rows in groups:
        name = new_name(rng, used)
        code = project_code(rng) if info["code"] else ""
        money = draw_money(rng, yuan)
        special = None
        if packed and rng.random() < 0.3:
            special = money[2] if money[2] else money[0] // 10
            money = (money[0] + special, money[1], money[2])
        goals, numbered, lines = draw_goals(rng)
        if numbered and rng.random() < 0.5:
            goals, numbered = ["，".join(x.rstrip("。") for x in goals) + "。"], False
        plist.append((name, code, money, special, goals, numbered, lines, rows))
    # money columns as wide as their longest number (the totals row's included)
    longest = money_text(sum(p[2][0] for p in plist) * 10, yuan, decimals, sep)
    mins = {1 + k: max(text_mm(longest, st), text_mm(money_h[k], st) * 1.6 if st.w.unit_in_heads else 0)
            for k in range(len(money_h))}
    xs = widths(rng, shares, W, mins)
    if len(heads) != len(xs) - 1:                         # the wording's value columns
        shares = shares[:-1] + [0.6] * (len(vh) - 1) + [1.2]
        xs = widths(st.w.wr, shares, W, mins)
    sub_head = (not packed) and rng.random() < 0.6           # 其中： over 财政资金 | 其他资金
    gr = HeadGrid(W, head=(2 if sub_head else 1) if info["thead"] else 0)
    if sub_head:
        row1 = [cell(xs[0], xs[1], heads[0], "lab", rowspan=2), cell(xs[1], xs[2], heads[1], "lab", rowspan=2),
                cell(xs[2], xs[4], "其中：", "lab")]
        row1 += [cell(xs[k], xs[k + 1], heads[k], "lab", rowspan=2) for k in range(4, len(heads))]
        gr.row(row1)
        gr.row([cell(xs[2], xs[3], heads[2], "lab"), cell(xs[3], xs[4], heads[3], "lab")])
    else:
        gr.row([cell(xs[k], xs[k + 1], h, "lab") for k, h in enumerate(heads)])
    nm = len(money_h)
    truths = []
    if info["total_row"]:
        tot = [sum(p[2][0] for p in plist), sum(p[2][1] for p in plist)]
        cells = [cell(xs[0], xs[1], "合计"), cell(xs[1], xs[2], money_text(tot[0], yuan, decimals, sep), "num"),
                 cell(xs[2], xs[3], money_text(tot[1], yuan, decimals, sep), "num")]
        cells += [cell(xs[k], xs[k + 1], "") for k in range(3, len(heads))]
        gr.row(cells)
    for j, (name, code, money, special, goals, numbered, lines, rows) in enumerate(plist):
        if info["unit_rows"] and j == 0:
            cells = [cell(xs[0], xs[1], dept, "txt"),
                     cell(xs[1], xs[2], money_text(sum(p[2][0] for p in plist), yuan, decimals, sep), "num"),
                     cell(xs[2], xs[3], money_text(sum(p[2][1] for p in plist), yuan, decimals, sep), "num")]
            cells += [cell(xs[k], xs[k + 1], "") for k in range(3, len(heads))]
            gr.row(cells)
        shown = f"{code}-{name}" if code else name
        mt = [money_text(money[0], yuan, decimals, sep), money_text(money[1], yuan, decimals, sep)]
        if packed:
            mt += [money_text(special, yuan, decimals, sep), money_text(money[2], yuan, decimals, sep)]
        else:
            mt += [money_text(money[2], yuan, decimals, sep)]
        gtxt = goals_cell(rng, goals, numbered, lines)
        attrs = {}
        if packed and special:
            attrs["财政专户拨款"] = mt[2]
        if packed:
            items, itruth = [], []
            for i, r in enumerate(rows, 1):
                period = r["v"].text
                if rng.random() < 0.15:
                    period = "每年" + period if not period.startswith(("每年", "不", "2", "1")) else period
                items.append(f"{i}、{r['c1']}-{r['l1']}；{r['c2']}-{r['l2']}；{r['l3']}；实施周期指标值:{period}；"
                             f"年度指标值:{r['v'].text}。")
                itruth.append(indicator_truth(r, {"实施周期指标值": period}))
            gr.row([cell(xs[0], xs[1], shown, "txt")] +
                   [cell(xs[1 + k], xs[2 + k], mt[k], "num") for k in range(nm)] +
                   [cell(xs[1 + nm], xs[2 + nm], gtxt, "txt", raw=True),
                    cell(xs[2 + nm], xs[3 + nm], "".join(items), "txt")])
        else:
            s1, s2 = level_spans(rows, info["merge_levels"])
            itruth = []
            k0 = 2 + nm
            for i, r in enumerate(rows):
                cs = []
                if i == 0:
                    span = len(rows)
                    cs += [cell(xs[0], xs[1], shown, "txt", rowspan=span)]
                    cs += [cell(xs[1 + k], xs[2 + k], mt[k], "num", rowspan=span) for k in range(nm)]
                    cs += [cell(xs[1 + nm], xs[2 + nm], gtxt, "txt", raw=True, rowspan=span)]
                more, attrs_i = row_cells(rows, i, s1, s2, xs, k0, vh if (split or len(vh) > 1) else None,
                                          split=split,
                                          l3_left=True)
                cs += more
                gr.row(cs)
                itruth.append(indicator_truth(r, attrs_i))
        truths.append(project_truth("project", title, unit, name, code=code, unit_name=unit_name,
                                    budget=money, goals=goals, indicators=itruth, attributes=attrs))
    return [heading + gr.html("t")], truths, None


def doc_department(rng, st, dept, year, info):
    W = st.width()
    gr = FineGrid(W)
    L = round(W * rng.uniform(0.14, 0.2), 2)
    info["split"] = False
    info["split_order"] = None
    info["arrangement"] = rng.choice(["beside", "one"])
    info["money_arrangement"] = rng.choice(["stack", "below", "one"])
    info["merge_levels"] = rng.random() < 0.75
    info["super"] = rng.choice([None, "年度绩效指标"])
    title = rng.choice(["部门整体支出绩效目标表", "部门整体预算绩效目标申报表", f"{year}年部门整体绩效目标表"])
    yuan = rng.random() < 0.3
    unit = "元" if yuan else "万元"
    decimals = 2
    sep = rng.random() < 0.5
    wd = st.w
    fields_rows(rng, gr, [("部门名称", dept)], L, W, info["arrangement"])
    attrs = {}
    if wd.duty:                                           # 部门职能 | text
        duty = "负责" + "，".join(wd.wr.sample(GOAL_SENTENCES, 2)) + "。"
        gr.row([cell(0, L, "部门职能", "lab"), cell(L, W, duty, "txt")])
        attrs["部门职能"] = duty
    money = draw_money(rng, yuan)
    labels = [rng.choice(["年度预算资金总额", "年度资金总额", "资金总额"]), rng.choice(["其中：财政拨款", "财政拨款"]), "其他资金"]
    unit_in_label = unit if rng.random() < 0.6 else None
    if unit_in_label and wd.unit_in_heads:
        labels = [f"{x}（{unit}）" for x in labels]
        unit_in_label = None
        wd.unit_stated = True
    money_rows(rng, gr, labels, [money_text(c, yuan, decimals, sep) for c in money], unit_in_label, L, W,
               info["money_arrangement"], wd.money_group)
    goals, numbered, lines = draw_goals(rng)
    gl = rng.choice(["总体绩效目标", "年度总体目标", "部门整体绩效目标"])
    gr.row([cell(0, L, gl, "lab"), cell(L, W, goals_cell(rng, goals, numbered, lines), "txt", raw=True)])
    rows = draw_indicators(rng, rng.randint(3, 40), year, rng.random() < 0.4, False, None)
    x0 = round(L * 0.45, 2) if info["super"] else 0
    itruth = indicator_block(rng, gr, rows, x0, W, st, info)
    year_line = f"（{year}年度）" if str(year) not in title else ""
    stated = unit_in_label or getattr(wd, "unit_stated", False)
    head = heading_html(title, year_line, "", None if stated else ("", f"单位：{unit}"), st)
    truth = project_truth("department", title, unit, dept, budget=money, goals=goals, indicators=itruth,
                          attributes=attrs)
    return [head + gr.html("t")], [truth], None


def budget_table(rng, st, dept, year, which):
    """a table that is not a performance table (收支总表, 支出总表, 三公经费)"""
    W = st.width()
    if which == 0:
        title = f"{dept}{year}年部门收支总表"
        gr = FineGrid(W)
        xs = [0, W * 0.32, W * 0.5, W * 0.82, W]
        gr.row([cell(xs[0], xs[2], "收　　入", "lab"), cell(xs[2], xs[4], "支　　出", "lab")])
        gr.row([cell(xs[k], xs[k + 1], t, "lab") for k, t in enumerate(["项　　目", "预算数", "项　　目", "预算数"])])
        inc = ["一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、事业收入", "四、其他收入"]
        out = ["一、一般公共服务支出", "二、社会保障和就业支出", "三、卫生健康支出", "四、节能环保支出", "五、农林水支出"]
        for k in range(max(len(inc), len(out))):
            a = inc[k] if k < len(inc) else ""
            c = out[k] if k < len(out) else ""
            gr.row([cell(xs[0], xs[1], a, "txt"), cell(xs[1], xs[2], f"{rng.randint(1000, 99999)}.{rng.randint(10, 99)}" if a else "", "num"),
                    cell(xs[2], xs[3], c, "txt"), cell(xs[3], xs[4], f"{rng.randint(1000, 99999)}.{rng.randint(10, 99)}", "num")])
        gr.row([cell(xs[0], xs[1], "收入总计", "lab"), cell(xs[1], xs[2], f"{rng.randint(100000, 999999)}.00", "num"),
                cell(xs[2], xs[3], "支出总计", "lab"), cell(xs[3], xs[4], f"{rng.randint(100000, 999999)}.00", "num")])
    elif which == 1:
        title = f"{dept}{year}年一般公共预算支出表"
        gr = FineGrid(W)
        xs = [0, W * 0.15, W * 0.5, W * 0.67, W * 0.84, W]
        gr.row([cell(xs[k], xs[k + 1], t, "lab") for k, t in enumerate(["科目编码", "科目名称", "合计", "基本支出", "项目支出"])])
        for code, nm in [("201", "一般公共服务支出"), ("20101", "人大事务"), ("2010101", "行政运行"), ("208", "社会保障和就业支出"),
                         ("2080505", "机关事业单位基本养老保险缴费支出"), ("221", "住房保障支出"), ("2210201", "住房公积金")]:
            a, b = rng.randint(10, 999), rng.randint(10, 999)
            gr.row([cell(xs[0], xs[1], code, "txt"), cell(xs[1], xs[2], nm, "txt"), cell(xs[2], xs[3], f"{a + b}.00", "num"),
                    cell(xs[3], xs[4], f"{a}.00", "num"), cell(xs[4], xs[5], f"{b}.00", "num")])
    else:
        title = f"{dept}{year}年一般公共预算“三公”经费支出表"
        gr = FineGrid(W)
        xs = [W * k / 5 for k in range(6)]
        gr.row([cell(xs[0], xs[1], "合计", "lab", rowspan=2), cell(xs[1], xs[2], "因公出国（境）费", "lab", rowspan=2),
                cell(xs[2], xs[4], "公务用车购置及运行费", "lab"), cell(xs[4], xs[5], "公务接待费", "lab", rowspan=2)])
        gr.row([cell(xs[2], xs[3], "公务用车购置费", "lab"), cell(xs[3], xs[4], "公务用车运行费", "lab")])
        v = [rng.randint(0, 50) for _ in range(4)]
        gr.row([cell(xs[0], xs[1], f"{sum(v)}.00", "num")] + [cell(xs[k + 1], xs[k + 2], f"{v[k]}.00", "num") for k in range(4)])
    head = heading_html(title, "", "", ("", "单位：万元"), st)
    return title, head + gr.html("t")


# ----------------------------------------------------------------------------------------
# one document


def make_document(seed, index, family=None):
    rng = random.Random(f"{seed}-{index}")
    family = family or FAMILIES[(index - 1) % len(FAMILIES)]
    st = Style(rng, family)
    st.w = Wording(random.Random(f"{seed}-{index}-w"), family)
    dept = rng.choice(REGIONS) + rng.choice(BUREAUS)
    year = rng.choice([2021, 2022, 2024, 2025, 2026])
    info = {"family": family, "seed": seed, "index": index, "font": st.font, "head_font": st.head_font,
            "size_pt": st.size, "dense": st.dense, "rule_pt": st.rule_pt, "rule_color": st.rule_color,
            "double": st.double, "landscape": st.landscape, "wording": st.w.info()}
    pre = []
    if family == "none":
        for which in rng.sample(range(3), rng.randint(1, 3)):
            pre.append(budget_table(rng, st, dept, year, which))
        body, truths, rotate = [], [], None
    else:
        if rng.random() < 0.3:
            pre.append(budget_table(rng, st, dept, year, rng.randrange(3)))
        if family == "form":
            body, truths, rotate = doc_form(rng, st, dept, year, info)
        elif family in ("list", "packed"):
            body, truths, rotate = doc_list(rng, st, dept, year, info, packed=family == "packed")
        else:
            body, truths, rotate = doc_department(rng, st, dept, year, info)
    parts = []
    for k, (_, h) in enumerate(pre):
        parts.append(f'<div class="{"newpage" if k else ""}">{h}</div>')
    for k, b in enumerate(body):
        if info.get("rotate"):
            parts.append(b)
        else:
            parts.append(f'<div class="{"newpage" if (k or pre) else ""}">{b}</div>' if k == 0 else b)
    if info.get("rotate") and pre:
        # the portrait tables before the turned sheets, each on a sheet of its own
        parts = [f'<div class="sheet" style="padding:12mm 10mm;box-sizing:border-box">{h}</div>' for _, h in pre] + body
        st.landscape = False
    css = st.css()
    if info.get("rotate"):
        css = css.replace("size: A4 portrait; margin: 12mm 10mm 12mm 10mm;", "size: A4 portrait; margin: 0;")
    title0 = pre[0][0] if pre else (truths[0]["title"] if truths else "")
    doc_html = ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                f"<title>{html.escape(dept)}</title><style>{css}</style></head><body>\n" +
                "\n".join(parts) + "\n</body></html>")
    for k, t in enumerate(truths, 1):
        t["index"] = k
    truth = {"document": {"department": dept, "title": title0, "year": year, "draft": False},
             "sections": {"overall": "", "goals": [], "measures": []},
             "projects": truths}
    info["projects"] = len(truths)
    info["indicator_rows"] = sum(len(t["indicators"]) for t in truths)
    return doc_html, truth, rotate, info


def locate(truth, texts):
    """pages of each project (not scored: where it is, not what was read) and a check that every
    indicator's level3 was printed somewhere"""
    all_text = "".join(texts)
    for p in truth["projects"]:
        pages = set()
        name = g.squash(p["project_name"])[:6]
        for i, t in enumerate(texts, 1):
            if name in t:
                pages.add(i)
        for ind in p["indicators"]:
            key = g.squash(ind["level3"])[:4]
            if key not in all_text:
                sys.exit(f"variety: row {ind['level3']} of {p['project_name']} not printed")
        p["pages"] = sorted(pages) or [1]


def build(outdir, seed, index, family, chromium, keep_html):
    doc_html, truth, rotate, info = make_document(seed, index, family)
    name = f"{info['family']}-{seed}-{index}"
    out = os.path.join(outdir, name)
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="jixiao-variety-")
    try:
        hp = os.path.join(work, "doc.html")
        with open(hp, "w", encoding="utf-8") as f:
            f.write(doc_html)
        raw = os.path.join(work, "raw.pdf")
        g.print_pdf(chromium, hp, raw)
        pdf = os.path.join(out, "digital.pdf")
        if rotate:
            n = g.page_count(raw)
            first = n - truth_len(truth) + 1
            rotate = f"+90:{first}-z"
        g.finish_pdf(raw, pdf, truth["document"]["year"], rotate)
        if keep_html:
            shutil.copy(hp, os.path.join(out, "doc.html"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    texts = g.page_texts(pdf)
    locate(truth, texts)
    info["pages"] = len(texts)
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(out, "variety.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{name}: {info['pages']} pages, {info['projects']} records, {info['indicator_rows']} indicator rows")


def truth_len(truth):
    return len(truth["projects"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--index", type=int, action="append", help="document number (from 1); repeatable")
    ap.add_argument("--count", type=int, help="documents 1..COUNT")
    ap.add_argument("--family", choices=FAMILIES, help="instead of FAMILIES[(K-1) %% 5]")
    ap.add_argument("--keep-html", action="store_true")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    a = ap.parse_args()
    idx = a.index or list(range(1, (a.count or 1) + 1))
    for tool in ("qpdf", "pdftotext", "pdfinfo"):
        if not shutil.which(tool):
            sys.exit(f"variety: {tool} not found; run samples/setup-generator.sh as root")
    for k in idx:
        build(a.outdir, a.seed, k, a.family, a.chromium, a.keep_html)


if __name__ == "__main__":
    main()
