#!/usr/bin/env python3
"""Generate jixiao's sample documents: PDFs and their truth JSON, from one set of data.

usage: samples/generate.py [--only NAME] [--keep-html DIR] [--chromium PATH] [--scans | --scans-only]

For every document below this script writes HTML+CSS, prints it to PDF with headless
Chromium, post-processes the PDF where the template needs it (qpdf: /Rotate), then reads
the printed PDF back (pdftotext per page) to find which pages each project's table landed
on, and writes samples/<name>/digital.pdf and samples/<name>/truth.json. With --scans it then
runs samples/scan.py to remake the committed scans (SCANS below) from the new digital.pdf;
--scans-only remakes just the scans from the committed digital.pdf (no Chromium needed).

All content is invented. The truth is written by hand in the data below (text exactly as
printed, value_normalized per shared docs/CONTRACT.md "Typed values"); the HTML is built from the
same data, so the two cannot drift apart.

Needs: python3 (standard library only), chromium, qpdf, poppler-utils and the CJK fonts
installed by samples/setup-generator.sh. Building or testing jixiao needs none of this.
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


# ----------------------------------------------------------------------------------------
# typed values (the truth's value_normalized), written by hand next to each printed value

def N(op, number, unit, upper=None, qualifier=None):
    """numeric value"""
    v = {"kind": "numeric", "op": op, "number": number}
    if op == "range":
        v["upper"] = upper
    v["unit"] = unit
    if qualifier is not None:
        v["qualifier"] = qualifier
    return v


def R(op, reference):
    return {"kind": "reference", "op": op, "reference": reference}


def D(op, date):
    return {"kind": "date", "op": op, "date": date}


def T():
    return {"kind": "text"}


def E():
    return {"kind": "empty"}


def ind(l1, l2, l3, desc, value, basis, norm):
    return {"level1": l1, "level2": l2, "level3": l3, "description": desc,
            "value": value, "basis": basis, "value_normalized": norm}


CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
          "十一", "十二", "十三", "十四", "十五"]

# ========================================================================================
# Document 1: jiaoyu-2021, 部门预算绩效文本 (A4 portrait), same template as the corpus
# ========================================================================================

JY_DEPT = "崇山县教育局"
JY = {
    "name": "jiaoyu-2021",
    "document": {
        "department": JY_DEPT,
        "title": "2021 年部门预算绩效文本",
        "year": 2021,
        "draft": True,
        "compiled_by": "崇山县教育局编制",
        "reviewed_by": "崇山县财政局审核",
    },
    "overall": (
        "全面贯彻党的教育方针，落实立德树人根本任务，坚持教育优先发展战略，以办好人民满意的教育为目标，"
        "统筹推进学前教育、义务教育、高中阶段教育和职业教育协调发展。巩固义务教育基本均衡发展成果，"
        "全县九年义务教育巩固率保持在97%以上，学前三年毛入园率稳定在90%以上；加强师德师风和教师队伍建设，"
        "完善县、乡、校三级教师培训体系；全面落实各项学生资助政策，确保不让一个学生因家庭经济困难而失学；"
        "加快改善农村学校基本办学条件，推进校舍安全和校园安防体系建设，保障师生生命财产安全；"
        "严格预算执行，强化教育经费全过程绩效管理，提高教育资金使用效益，为建设教育强县奠定坚实基础。"
    ),
    "goals": [
        ("巩固义务教育均衡发展成果",
         "落实城乡统一、重在农村的义务教育经费保障机制，足额拨付农村义务教育学校公用经费，保障学校正常运转。"
         "完善控辍保学工作机制，落实“一人一案”劝返复学措施，义务教育阶段适龄儿童少年入学率保持100%。"),
        ("推进学前教育普及普惠发展",
         "扩大普惠性学前教育资源，规范民办幼儿园办园行为，落实学前教育幼儿资助政策，提高保教质量。"),
        ("加强教师队伍建设",
         "实施中小学教师全员培训，开展新任教师岗前培训、骨干教师研修和班主任专题培训，推进县域内校长教师交流轮岗，"
         "优化教师队伍结构。"),
        ("落实学生资助政策",
         "按照精准资助的要求，做好家庭经济困难学生认定工作，及时足额发放各类资助资金，实现各学段资助全覆盖。"),
        ("改善农村学校办学条件",
         "实施中小学校舍维修改造，消除校舍安全隐患，改善农村学校教学、生活设施条件，推进义务教育学校标准化建设。"),
        ("强化校园安全管理",
         "健全校园安全防控体系，落实专职保安配备和校车安全管理制度，开展安全教育和应急疏散演练，预防和减少校园安全事故。"),
        ("推进教育信息化建设",
         "完善中小学校园网络和多媒体教学设备，推进优质数字教育资源共建共享，提高教师信息技术应用能力。"),
        ("规范教育经费管理",
         "严格执行部门预算，规范学校财务核算和资产管理，加强教育收费和专项资金监管，提高教育经费使用效益。"),
    ],
    "measures": [
        ("加强组织领导",
         "成立由局主要负责同志任组长的预算绩效管理工作领导小组，明确计划财务股牵头、各业务股室和学校分工负责的工作机制，"
         "将绩效目标完成情况纳入学校年度考核。"),
        ("健全制度体系",
         "修订完善教育专项资金管理办法、学校财务管理制度和政府采购内部控制制度，做到资金分配有依据、支出有标准、管理有制度。"),
        ("强化预算执行管理",
         "按照资金支出计划督促各学校加快预算执行，对执行进度滞后的项目及时预警、分析原因并督促整改，确保年度支出进度达标。"),
        ("开展绩效运行监控",
         "对重点项目实行绩效目标和预算执行“双监控”，发现偏离绩效目标的及时纠正，确保绩效目标如期实现。"),
        ("加强资金监督检查",
         "配合财政、审计部门开展专项检查，定期对学校经费使用情况进行抽查，严禁截留、挤占、挪用教育资金。"),
        ("推进信息公开",
         "按规定公开部门预算、决算和绩效目标，主动接受人大、社会和师生家长监督。"),
    ],
}

U_JG = ("207001", "崇山县教育局机关")
U_JX = ("207015", "崇山县教师进修学校")
U_ZX = ("207003", "崇山县学生资助管理中心")

P, Q, S, C = "产出指标", "效果指标", "满意度指标", ""
SL, ZL, SX, CB = "数量指标", "质量指标", "时效指标", "成本指标"
SH, JJ, ST, KC = "社会效益指标", "经济效益指标", "生态效益指标", "可持续影响指标"
MY = "服务对象满意度指标"

JY["projects"] = [
    {
        "unit": U_JG, "code": "207-0502-JBN-7QX3", "name": "学生营养改善计划补助",
        "budget": ("512.40", "512.40", ""), "schedule": ("30", "55", "80", "100"),
        "purpose": "用于全县农村义务教育阶段学生营养改善计划膳食补助，按每生每天4元标准、全年在校200天核定，"
                   "覆盖学生6405人。",
        "goals": ["保障农村义务教育阶段学生在校期间营养膳食供给", "改善学生营养健康状况，提高学生体质。",
                  "规范学校食堂管理，确保食品安全"],
        "goals_style": "inline",
        "indicators": [
            ind(P, SL, "受益学生人数", "享受营养膳食补助的在校学生人数", "=6405 人", "学籍统计", N("=", 6405, "人")),
            ind(P, SL, "供餐学校数量", "实施营养改善计划的学校数量", "≥42所", "工作计划", N(">=", 42, "所")),
            ind(P, ZL, "供餐食品安全达标率", "供餐食品经抽检符合食品安全标准的比例", "100%", "食品安全法",
                N("=", 100, "%")),
            ind(P, SX, "补助资金拨付及时性", "按学期及时足额拨付膳食补助资金", "100%完成", "资金管理办法",
                N("=", 100, "%", qualifier="完成")),
            ind(P, CB, "生均补助标准", "每生每天膳食补助标准", "=4元/生·天", "国家补助标准", N("=", 4, "元/生·天")),
            ind(Q, SH, "学生营养健康状况", "受益学生体质健康监测合格率", "不低于90%", "学生体质健康监测",
                N(">=", 90, "%")),
            ind(S, MY, "学生家长满意度", "学生家长对营养膳食供给的满意程度", "95%以上", "问卷调查", N(">=", 95, "%")),
        ],
    },
    {
        "unit": U_ZX, "code": "207-0501-JBN-K2M8", "name": "学前教育幼儿资助",
        "budget": ("86.25", "86.25", ""), "schedule": ("", "50", "", "100"),
        "purpose": "对在县内经审批设立的普惠性幼儿园就读的家庭经济困难幼儿给予资助，减轻家庭教育负担。",
        "goals": ["完成家庭经济困难幼儿资助对象认定", "按标准及时足额发放资助资金",
                  "保障家庭经济困难幼儿接受普惠性学前教育"],
        "goals_style": "lines",
        "indicators": [
            ind(P, SL, "资助幼儿人数", "资助家庭经济困难幼儿人数", "=1150 人", "资助名单", N("=", 1150, "人")),
            ind(P, ZL, "资助对象认定准确率", "资助对象符合认定条件的比例", "100%", "资助政策", N("=", 100, "%")),
            ind(P, SX, "资助资金发放时间", "资助资金发放到受助幼儿家庭的时间", "12月底前", "资金管理办法",
                D("<=", "--12")),
            ind(P, CB, "生均资助标准", "每生每学年资助标准", "750元/生·年", "省级资助标准", N("=", 750, "元/生·年")),
            ind(Q, SH, "学前三年毛入园率", "全县学前三年幼儿毛入园率", "90%-100%", "教育事业统计",
                N("range", 90, "%", upper=100)),
            ind(S, MY, "受助幼儿家长满意度", "受助幼儿家长对资助工作的满意程度", "≥90%", "问卷调查", N(">=", 90, "%")),
        ],
    },
    {
        "unit": U_JG, "code": "207-0502-JBN-P4WD", "name": "农村义务教育学校公用经费保障",
        "budget": ("1368.90", "1095.12", "273.78"), "schedule": ("25", "50", "75", "100"),
        "purpose": "按照小学每生每年650元、初中每生每年850元的基准定额，保障全县农村义务教育学校教学业务与管理、"
                   "教师培训、实验实习、文体活动、水电、取暖、交通差旅、邮电及设备设施维修等日常运转支出；"
                   "对在校生不足100人的农村小规模学校按100人核定公用经费。",
        "goals": ["保障全县38所农村义务教育学校正常运转", "落实生均公用经费基准定额，提高经费保障水平",
                  "按不低于年度公用经费预算总额的5%安排教师培训经费", "巩固义务教育基本均衡发展成果"],
        "goals_style": "inline",
        "indicators": [
            ind(P, SL, "保障学校数量", "享受公用经费保障的农村义务教育学校数", "=38所", "学校统计", N("=", 38, "所")),
            ind(P, SL, "保障小学生人数", "农村小学在校学生人数", "=10260 人", "学籍统计", N("=", 10260, "人")),
            ind(P, SL, "保障初中生人数", "农村初中在校学生人数", "=5410 人", "学籍统计", N("=", 5410, "人")),
            ind(P, SL, "小规模学校数量", "不足100人按100人核定公用经费的学校数", "=9所", "学校统计", N("=", 9, "所")),
            ind(P, SL, "教师培训人次", "使用公用经费安排教师参加培训的人次", "≥1500人次", "培训计划",
                N(">=", 1500, "人次")),
            ind(P, SL, "设备设施维修项目", "使用公用经费开展设备设施维修的项目数", "不少于45项", "维修计划",
                N(">=", 45, "项")),
            ind(P, SL, "文体活动开展次数", "每校每学期组织开展文体活动的次数", "三次", "教学计划", N("=", 3, "次")),
            ind(P, ZL, "经费使用合规率", "公用经费按规定范围和标准使用的比例", "100%", "资金管理办法",
                N("=", 100, "%")),
            ind(P, ZL, "培训经费占比", "用于教师培训的经费占学校年度公用经费预算总额的比例", "≥5%", "政策规定",
                N(">=", 5, "%")),
            ind(P, ZL, "实验教学开出率", "按课程标准开出演示实验和分组实验的比例", "≥95%", "课程标准",
                N(">=", 95, "%")),
            ind(P, ZL, "学校正常运转率", "学校教育教学活动正常开展的比例", "100%", "工作计划", N("=", 100, "%")),
            ind(P, ZL, "财务核算准确率", "学校公用经费会计核算的准确率", "≥98%", "会计制度", N(">=", 98, "%")),
            ind(P, ZL, "资产登记完整率", "使用公用经费购置的资产及时登记入账的比例", "100%", "资产管理制度",
                N("=", 100, "%")),
            ind(P, SX, "资金下达及时性", "收到上级资金后分配下达到学校的时间", "≤15个工作日", "资金管理办法",
                N("<=", 15, "个工作日")),
            ind(P, SX, "春季学期资金拨付", "春季学期公用经费拨付到校时间", "2021年3月31日前", "工作计划",
                D("<=", "2021-03-31")),
            ind(P, SX, "秋季学期资金拨付", "秋季学期公用经费拨付到校时间", "2021年9月底前", "工作计划",
                D("<=", "2021-09")),
            ind(P, CB, "小学生均公用经费", "农村小学生均公用经费基准定额", "=650元", "国家基准定额", N("=", 650, "元")),
            ind(P, CB, "初中生均公用经费", "农村初中生均公用经费基准定额", "=850元", "国家基准定额", N("=", 850, "元")),
            ind(P, CB, "经费支出控制", "实际支出不超过年初预算安排", "≤预算控制数", "预算批复", R("<=", "预算控制数")),
            ind(Q, SH, "义务教育巩固率", "全县九年义务教育巩固率", "≥97%", "教育事业统计", N(">=", 97, "%")),
            ind(Q, SH, "办学条件改善情况", "学校教学设施正常运转，基本办学条件得到改善", "有效改善", "工作目标", T()),
            ind(Q, SH, "学生辍学率", "义务教育阶段学生年辍学率", "<0.6%", "控辍保学台账", N("<", 0.6, "%")),
            ind(Q, KC, "经费保障长效机制", "城乡统一、重在农村的经费保障机制运行情况", "长效机制持续健全", "", T()),
            ind(Q, KC, "县域均衡发展水平", "县域内义务教育学校校际差异系数变化情况", "逐年缩小", "督导评估标准", T()),
            ind(S, MY, "学生满意度", "学生对学校教学条件的满意度", "≥90%", "问卷调查", N(">=", 90, "%")),
            ind(S, MY, "教师满意度", "教师对学校办公条件保障的满意度", "90%以上", "问卷调查", N(">=", 90, "%")),
        ],
    },
    {
        "unit": U_JX, "code": "207-0508-JBN-3TRF", "name": "中小学教师培训",
        "budget": ("85.00", "60.00", "25.00"), "schedule": ("10", "40", "", "100"),
        "purpose": "开展中小学教师全员培训、新任教师岗前培训、骨干教师研修和班主任专题培训，支付培训期间的师资费、"
                   "场地费、资料费及食宿费用。",
        "goals": ["完成全县中小学教师年度全员培训任务", "提升新任教师教育教学基本能力",
                  "培养一批县级骨干教师和优秀班主任"],
        "goals_style": "inline",
        "indicators": [
            ind(P, SL, "培训教师人次", "全年组织参加各类培训的教师人次", "=1200人次", "年度培训计划", N("=", 1200, "人次")),
            ind(P, SL, "新任教师培训人数", "参加岗前培训的新任教师人数", "=120 人", "新招聘教师名单", N("=", 120, "人")),
            ind(P, SL, "培训班次", "全年举办培训班期数", "≥24期", "年度培训计划", N(">=", 24, "期")),
            ind(P, ZL, "培训考核合格率", "参训教师结业考核合格的比例", "≥95%", "培训管理办法", N(">=", 95, "%")),
            ind(P, SX, "培训任务完成时间", "年度培训计划全部完成的时间", "2021年11月30日前", "年度培训计划",
                D("<=", "2021-11-30")),
            ind(P, CB, "人均培训成本", "参训教师人均培训费用", "≤550元", "培训费管理办法", N("<=", 550, "元")),
            ind(Q, SH, "教师专业素养", "参训教师教育教学能力提升情况", "有效提高", "培训评估", T()),
            ind(Q, KC, "培训成果转化", "参训教师将培训成果运用于课堂教学", "持续发挥作用", "", T()),
            ind(S, MY, "参训教师满意度", "参训教师对培训内容和组织的满意度", "不低于90%", "问卷调查", N(">=", 90, "%")),
        ],
    },
    {
        "unit": U_JG, "code": "207-0503-XMN-9HZ6", "name": "中小学校舍维修改造",
        "budget": ("320.50", "250.00", "70.50"), "schedule": ("", "30", "80", "100"),
        "purpose": "对城关第二小学、石门镇中心小学等6所学校的教学楼屋面防水、外墙保温、门窗更换及供暖管网进行维修改造，"
                   "维修改造面积8650平方米。",
        "goals": ["完成6所学校校舍维修改造任务", "消除校舍安全隐患，改善师生教学和生活条件"],
        "goals_style": "lines",
        "indicators": [
            ind(P, SL, "维修改造面积", "完成校舍维修改造的建筑面积", "=8650平方米", "工程预算", N("=", 8650, "平方米")),
            ind(P, SL, "维修改造学校数", "实施校舍维修改造的学校数量", "=6所", "项目实施方案", N("=", 6, "所")),
            ind(P, ZL, "工程验收合格率", "维修改造工程竣工验收合格的比例", "100%", "验收规范", N("=", 100, "%")),
            ind(P, ZL, "施工安全", "施工期间安全生产事故情况", "零事故", "安全生产规定", N("=", 0, "事故")),
            ind(P, ZL, "工程返工率", "因质量问题返工的工程量占比", "<3%", "施工合同", N("<", 3, "%")),
            ind(P, SX, "工程完工时间", "维修改造工程全部完工时间", "2021年8月底前", "项目实施方案", D("<=", "2021-08")),
            ind(P, CB, "单位面积维修成本", "每平方米校舍维修改造费用", "≤370元/平方米", "工程预算",
                N("<=", 370, "元/平方米")),
            ind(Q, SH, "校舍安全状况", "维修改造学校校舍安全隐患消除情况", "安全隐患全部消除", "校舍安全排查", T()),
            ind(S, MY, "师生满意度", "受益学校师生对维修改造效果的满意度", "≥95%", "问卷调查", N(">=", 95, "%")),
        ],
    },
    {
        "unit": U_JG, "code": "207-0505-JBN-X5CA", "name": "校车运营补助",
        "budget": ("64.80", "64.80", ""), "schedule": ("25.00", "50.00", "75.00", "100.00"),
        "purpose": "对承担农村学生上下学接送任务的18辆校车给予运营补助。",
        "goals": ["保障农村偏远地区学生安全便捷上下学", "规范校车运营管理"],
        "goals_style": "inline",
        "indicators": [
            ind(P, SL, "运营校车数量", "享受运营补助的校车数量", "=18辆", "校车备案", N("=", 18, "辆")),
            ind(P, ZL, "校车年检合格率", "校车按规定参加年度检验合格的比例", "100%", "校车安全管理条例",
                N("=", 100, "%")),
            ind(P, SX, "补助发放次数", "按季度发放运营补助的次数", "=4次", "资金管理办法", N("=", 4, "次")),
            ind(Q, SH, "学生乘车安全", "校车运营安全责任事故发生次数", "=0次", "安全管理目标", N("=", 0, "次")),
            ind(S, MY, "家长满意度", "乘车学生家长对校车服务的满意度", "≥95%", "问卷调查", N(">=", 95, "%")),
        ],
    },
    {
        "unit": U_JG, "code": "207-0506-JBN-RB7N", "name": "校园安保服务购买",
        "budget": ("48.00", "48.00", ""), "schedule": ("25", "50", "", "100"),
        "purpose": "通过政府采购方式为城区中小学和乡镇中心校购买专职保安服务。",
        "goals": ["为24所学校配备专职保安", "维护校园及周边治安秩序"],
        "goals_style": "inline",
        "indicators": [
            ind(P, SL, "配备专职保安人数", "派驻学校的专职保安人数", "=60 人", "服务合同", N("=", 60, "人")),
            ind(P, SX, "保安人员到岗时间", "服务合同签订后保安人员到岗时间", "≤5个工作日", "服务合同",
                N("<=", 5, "个工作日")),
            ind(Q, SH, "校园治安状况", "校园及周边重大治安案件发生情况", "无重大治安案件", "平安校园考核", T()),
            ind(S, MY, "师生满意度", "师生对校园安保服务的满意度", "≥95%", "问卷调查", N(">=", 95, "%")),
        ],
    },
]

# table geometry (mm): the six main columns, and the sub-rows that do NOT follow them
JY_W = [24, 22, 29, 45, 27, 31]                      # sums to 178 mm


def _bounds(widths):
    out, x = [0.0], 0.0
    for w in widths:
        x += w
        out.append(round(x, 3))
    return out


class FineGrid:
    """An HTML table whose rows may split the width differently: every row is given as
    cells with [x0, x1] in mm; the grid is the union of all boundaries, colspans follow."""

    def __init__(self, width):
        self.width = width
        self.rows = []                                # list of (tr_attrs, [cell...])

    def row(self, cells, cls=""):
        self.rows.append((cls, cells))

    def html(self, table_cls):
        xs = {0.0, round(self.width, 3)}
        for _, cells in self.rows:
            for c in cells:
                xs.add(round(c["x0"], 3))
                xs.add(round(c["x1"], 3))
        xs = sorted(xs)
        idx = {x: i for i, x in enumerate(xs)}
        out = [f'<table class="{table_cls}" style="width:{self.width}mm">', "<colgroup>"]
        for a, b in zip(xs, xs[1:]):
            out.append(f'<col style="width:{b - a:.3f}mm">')
        out.append("</colgroup>")
        for cls, cells in self.rows:
            out.append(f'<tr class="{cls}">' if cls else "<tr>")
            for c in cells:
                span = idx[round(c["x1"], 3)] - idx[round(c["x0"], 3)]
                attrs = []
                if span > 1:
                    attrs.append(f'colspan="{span}"')
                if c.get("rowspan", 1) > 1:
                    attrs.append(f'rowspan="{c["rowspan"]}"')
                if c.get("cls"):
                    attrs.append(f'class="{c["cls"]}"')
                out.append(f'<td {" ".join(attrs)}>{c["html"]}</td>')
            out.append("</tr>")
        out.append("</table>")
        return "\n".join(out)


def cell(x0, x1, text, cls="", rowspan=1, raw=False):
    return {"x0": x0, "x1": x1, "html": text if raw else html.escape(text), "cls": cls, "rowspan": rowspan}


def spans(values):
    """rowspan runs of equal consecutive values: list of run lengths (0 = covered)"""
    out = [0] * len(values)
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[i]:
            j += 1
        out[i] = j - i + 1
        i = j + 1
    return out


def jy_table(p):
    b = _bounds(JY_W)
    W = b[-1]
    g = FineGrid(W)
    L = b[1]                                          # right edge of the label column
    g.row([cell(0, L, "项目编码", "lab"), cell(L, b[3], p["code"], "code"),
           cell(b[3], b[4], "项目名称", "lab"), cell(b[4], W, p["name"])])
    # money row: six cells over columns 2..6 that do not follow the main grid
    m = [L, 47, 75, 107, 131, 153, W]
    tot, fis, oth = p["budget"]
    g.row([cell(0, L, "预算规模及资金用途", "lab", rowspan=2),
           cell(m[0], m[1], "预算数", "lab"), cell(m[1], m[2], tot, "num"),
           cell(m[2], m[3], "其中：财政资金", "lab"), cell(m[3], m[4], fis, "num"),
           cell(m[4], m[5], "其他资金", "lab"), cell(m[5], m[6], oth, "num")])
    g.row([cell(L, W, p["purpose"], "txt")])
    # schedule: four equal quarters over columns 2..6 (not aligned with the main columns)
    q = [round(L + (W - L) * k / 4, 3) for k in range(5)]
    g.row([cell(0, L, "资金支出计划（%）", "lab", rowspan=2)] +
          [cell(q[k], q[k + 1], t, "lab") for k, t in enumerate(["3月底", "6月底", "10月底", "12月底"])])
    g.row([cell(q[k], q[k + 1], v, "num") for k, v in enumerate(p["schedule"])])
    if p["goals_style"] == "inline":
        gtxt = html.escape(" ".join(f"{i}、{t}" for i, t in enumerate(p["goals"], 1)))
    else:
        gtxt = "<br>".join(html.escape(f"{i}、{t}") for i, t in enumerate(p["goals"], 1))
    g.row([cell(0, L, "绩效目标", "lab"), cell(L, W, gtxt, "txt", raw=True)])
    heads = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
    g.row([cell(b[k], b[k + 1], t, "lab hd") for k, t in enumerate(heads)])
    inds = p["indicators"]
    s1 = spans([i["level1"] for i in inds])
    s2 = spans([(i["level1"], i["level2"]) for i in inds])
    for r, i in enumerate(inds):
        cells = []
        if s1[r]:
            cells.append(cell(b[0], b[1], i["level1"], rowspan=s1[r]))
        if s2[r]:
            cells.append(cell(b[1], b[2], i["level2"], rowspan=s2[r]))
        cells += [cell(b[2], b[3], i["level3"]), cell(b[3], b[4], i["description"], "txt"),
                  cell(b[4], b[5], i["value"]), cell(b[5], b[6], i["basis"])]
        g.row(cells, "ind")
    return g.html("pt")


JY_CSS = """
@page { size: A4 portrait; margin: 16mm 16mm 14mm 16mm; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 10.5pt; color: #000; }
.hei { font-family: "Noto Sans CJK SC", sans-serif; }
.page { page-break-after: always; }
.cover { text-align: center; height: 255mm; position: relative; }
.cover .dept { padding-top: 62mm; font-size: 30pt; font-weight: bold; letter-spacing: 2mm; }
.cover .title { margin-top: 16mm; font-size: 22pt; font-weight: bold; }
.cover .draft { margin-top: 5mm; font-size: 18pt; }
.cover .sign { position: absolute; left: 0; right: 0; top: 170mm; font-size: 15pt; line-height: 2.1; }
h1.toc { text-align: center; font-size: 20pt; letter-spacing: 8mm; margin: 12mm 0 8mm 0; font-weight: bold; }
.toc1 { font-size: 14pt; font-weight: bold; margin: 5mm 0 2mm 0; }
.toc2 { font-size: 12pt; margin: 2mm 0 2mm 12mm; display: flex; }
.toc2 .lead { flex: 1; border-bottom: 1px dotted #000; margin: 0 2mm 1.6mm 2mm; }
h1.part { text-align: center; font-size: 18pt; font-weight: bold; margin: 2mm 0 6mm 0; }
h2 { font-size: 13.5pt; font-weight: bold; margin: 5mm 0 2mm 0; }
h3 { font-size: 12pt; font-weight: bold; margin: 3mm 0 1mm 0; }
p.body { text-indent: 2em; line-height: 1.75; margin: 0 0 1mm 0; text-align: justify; }
.ptitle { text-align: center; font-size: 15pt; font-weight: bold; margin: 0 0 3mm 0; }
.unitline { display: flex; justify-content: space-between; font-size: 10pt; margin: 0 0 1mm 0; width: 178mm; }
.proj { break-inside: auto; }
.proj.newpage { break-before: page; }
.proj.follow { margin-top: 12mm; }
.ptitle, .unitline { break-after: avoid; }
table.pt { border-collapse: collapse; table-layout: fixed; font-size: 9pt; line-height: 1.32; }
table.pt td { border: 0.5pt solid #000; padding: 1.1mm 1.2mm; text-align: center; vertical-align: middle;
              word-break: break-all; overflow-wrap: anywhere; }
table.pt td.lab { font-family: "Noto Sans CJK SC", sans-serif; font-weight: bold; }
table.pt td.hd { padding-top: 1.8mm; padding-bottom: 1.8mm; }
table.pt td.txt { text-align: left; }
table.pt td.code { white-space: nowrap; word-break: keep-all; }
/* rows never split; a cell spanning rows (一级/二级指标) may continue on the next page.
   (break-inside on <tr> would also cover the rows its rowspan cells reach) */
table.pt td:not([rowspan]) { break-inside: avoid; }
"""


def jy_html(doc):
    d = doc["document"]
    o = ["<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
         f"<title>{html.escape(d['department'])}{d['year']}年部门预算绩效文本</title>",
         f"<style>{JY_CSS}</style></head><body>"]
    # cover
    o.append('<div class="page cover">')
    o.append(f'<div class="dept hei">{html.escape(d["department"])}</div>')
    o.append(f'<div class="title hei">{html.escape(d["title"])}</div>')
    o.append('<div class="draft hei">（草案）</div>')
    o.append(f'<div class="sign">{html.escape(d["compiled_by"])}<br>{html.escape(d["reviewed_by"])}</div>')
    o.append("</div>")
    # table of contents
    o.append('<div class="page">')
    o.append('<h1 class="toc hei">目录</h1>')
    o.append('<div class="toc1 hei">第一部分　部门整体绩效目标</div>')
    toc = doc["toc_pages"]
    for t in JY_TOC[:3]:
        o.append(f'<div class="toc2"><span>{t}</span><span class="lead"></span><span>{toc[t]}</span></div>')
    o.append('<div class="toc1 hei">第二部分　预算项目绩效目标</div>')
    o.append(f'<div class="toc2"><span>项目绩效目标表</span><span class="lead"></span>'
             f'<span>{toc[JY_TOC[3]]}</span></div>')
    o.append("</div>")
    # part one
    o.append('<div class="page">')
    o.append('<h1 class="part hei">第一部分　部门整体绩效目标</h1>')
    o.append('<h2 class="hei">一、总体绩效目标</h2>')
    o.append(f'<p class="body">{html.escape(doc["overall"])}</p>')
    o.append('<h2 class="hei">二、分项绩效目标</h2>')
    for k, (t, x) in enumerate(doc["goals"]):
        o.append(f'<h3 class="hei">（{CN_NUM[k]}）绩效目标：{html.escape(t)}</h3>')
        o.append(f'<p class="body">{html.escape(x)}</p>')
    o.append('<h2 class="hei">三、工作保障措施</h2>')
    for k, (t, x) in enumerate(doc["measures"]):
        o.append(f'<p class="body">（{CN_NUM[k]}）{html.escape(t)}。{html.escape(x)}</p>')
    o.append("</div>")
    # part two: the heading shares the page with the first table
    o.append('<h1 class="part hei">第二部分　预算项目绩效目标</h1>')
    for k, p in enumerate(doc["projects"], 1):
        cls = "proj"
        if k > 1:
            cls += " follow" if p.get("same_page") else " newpage"
        o.append(f'<div class="{cls}">')
        o.append(f'<div class="ptitle hei">{k}、{html.escape(p["name"])}绩效目标表</div>')
        o.append(f'<div class="unitline"><span>{p["unit"][0]} {html.escape(p["unit"][1])}</span>'
                 f'<span>单位：万元</span></div>')
        o.append(jy_table(p))
        o.append("</div>")
    o.append("</body></html>")
    return "\n".join(o)


# the table of contents states printed page numbers: build() prints once, reads where these
# headings landed (searching after the contents page) and prints again if they differ
JY_TOC = ["一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施", "1、"]
JY["toc_pages"] = {t: 0 for t in JY_TOC}
JY["toc_find"] = lambda doc: JY_TOC[:3] + [doc["titles"](doc)[0]]

JY["projects"][-1]["same_page"] = True               # the two small projects share a page
JY["html"] = jy_html


def money(s):
    s = s.replace(",", "").strip()
    return float(s) if s else None


def pct(s):
    s = s.strip()
    if not s:
        return None
    v = float(s)
    return int(v) if v == int(v) else v


def jy_truth(doc, pages):
    projects = []
    for k, p in enumerate(doc["projects"], 1):
        tot, fis, oth = p["budget"]
        mar, jun, oct_, dec = p["schedule"]
        projects.append({
            "index": k,
            "title": f"{p['name']}绩效目标表",
            "unit_code": p["unit"][0],
            "unit_name": p["unit"][1],
            "money_unit": "万元",
            "project_code": p["code"],
            "project_name": p["name"],
            "budget": {"total": money(tot), "fiscal": money(fis), "other": money(oth)},
            "purpose": p["purpose"],
            "schedule": {"mar": pct(mar), "jun": pct(jun), "oct": pct(oct_), "dec": pct(dec)},
            "goals": list(p["goals"]),
            "indicators": [dict(i) for i in p["indicators"]],
            "pages": pages[k - 1],
        })
    return {
        "document": dict(doc["document"]),
        "sections": {
            "overall": doc["overall"],
            "goals": [{"no": CN_NUM[k], "title": t, "text": x} for k, (t, x) in enumerate(doc["goals"])],
            "measures": [{"no": CN_NUM[k], "title": t, "text": x} for k, (t, x) in enumerate(doc["measures"])],
        },
        "projects": projects,
    }


JY["truth"] = jy_truth
JY["titles"] = lambda doc: [f"{k}、{p['name']}绩效目标表" for k, p in enumerate(doc["projects"], 1)]
JY["rotate"] = None

# ========================================================================================
# Document 2: tianbao-2022, 财政项目支出绩效目标填报表 (landscape, /Rotate 90), money in 元
# ========================================================================================

TB_DEPT = "青峪县林业和草原局"
TB = {
    "name": "tianbao-2022",
    "document": {"department": TB_DEPT, "title": "财政项目支出绩效目标填报表", "year": 2022, "draft": False},
}

TB_ATTR_LABELS = ["项目性质", "项目类别", "主管部门", "实施单位", "计划开始日期", "计划完成日期"]
TB["projects"] = [
    {
        "name": "天然林资源保护工程森林管护",
        "fields": {"项目性质": "经常性项目", "项目类别": "专项业务类", "主管部门": TB_DEPT,
                   "实施单位": "青峪县国有林场管理站", "计划开始日期": "2022年01月01日", "计划完成日期": "2022年12月31日"},
        # 项目资金总额, 其中：财政资金, 其他资金, 年度资金申请总额, 其中：当年财政拨款, 上年结转资金
        "money": ("3,286,500.00", "3,286,500.00", "0.00", "3,286,500.00", "2,986,500.00", "300,000.00"),
        "total_goals": ["全面停止天然林商业性采伐，落实国有林和集体公益林管护责任",
                        "建立健全天然林保护修复制度体系，森林资源总量持续增长"],
        "goals": ["落实森林管护面积1095600亩，聘用生态护林员186人，管护责任落实率100%",
                  "森林火灾受害率控制在0.9‰以内，无重大盗伐滥伐案件发生",
                  "按时足额兑现护林员管护补助"],
        "indicators": [
            ind(P, SL, "森林管护面积", "", "≥1095600.00(亩)", "", N(">=", 1095600, "亩")),
            ind(P, SL, "聘用生态护林员人数", "", "=186(人)", "", N("=", 186, "人")),
            ind(P, ZL, "管护区森林覆盖率", "", "≥72.50(%)", "", N(">=", 72.5, "%")),
            ind(P, ZL, "森林火灾受害率", "", "≤0.90(‰)", "", N("<=", 0.9, "‰")),
            ind(P, SX, "管护补助兑现时间", "", "2022年12月31日前", "", D("<=", "2022-12-31")),
            ind(P, CB, "每亩管护成本", "", "≤3.00(元/亩)", "", N("<=", 3, "元/亩")),
            ind(Q, ST, "森林蓄积量", "", "稳步增长", "", T()),
            ind(Q, SH, "带动护林员就业增收", "", "≥186(人)", "", N(">=", 186, "人")),
            ind(Q, KC, "天然林保护长效机制", "", "持续健全", "", T()),
            ind(S, MY, "护林员满意度", "", "≥90(%)", "", N(">=", 90, "%")),
        ],
    },
    {
        "name": "国家级公益林生态效益补偿",
        "fields": {"项目性质": "经常性项目", "项目类别": "专项业务类", "主管部门": TB_DEPT,
                   "实施单位": "青峪县林业和草原局", "计划开始日期": "2022年03月01日", "计划完成日期": "2022年11月30日"},
        "money": ("1620000.00", "1459300.00", "160700.00", "1620000.00", "1459300.00", "160700.00"),
        "total_goals": ["建立公益林生态效益补偿长效机制，调动林权所有者保护公益林的积极性"],
        "goals": ["对区划界定的国家级公益林186900亩兑现生态效益补偿", "补偿资金通过“一卡通”发放到户，兑现率100%",
                  "公益林资源保持稳定，生态功能持续增强"],
        "indicators": [
            ind(P, SL, "补偿公益林面积", "", "=186900.00(亩)", "", N("=", 186900, "亩")),
            ind(P, SL, "受益农户数", "", "≥3250(户)", "", N(">=", 3250, "户")),
            ind(P, ZL, "补偿资金兑现率", "", "100.00(%)", "", N("=", 100, "%")),
            ind(P, ZL, "公益林面积保有率", "", ">98.00(%)", "", N(">", 98, "%")),
            ind(P, SX, "补偿资金发放时间", "", "2022年11月底前", "", D("<=", "2022-11")),
            ind(P, CB, "集体和个人所有公益林补偿标准", "", "=16.00(元/亩)", "", N("=", 16, "元/亩")),
            ind(Q, ST, "公益林生态功能", "", "持续增强", "", T()),
            ind(Q, JJ, "农户户均补偿收入", "", "≥450.00(元)", "", N(">=", 450, "元")),
            ind(S, MY, "受偿农户满意度", "", ">85.00(%)", "", N(">", 85, "%")),
        ],
    },
    {
        "name": "城区国土绿化造林工程",
        "fields": {"项目性质": "一次性项目", "项目类别": "基本建设类", "主管部门": TB_DEPT,
                   "实施单位": "青峪县园林绿化服务中心", "计划开始日期": "2022年03月15日", "计划完成日期": "2022年10月31日"},
        "money": ("2450000.00", "2450000.00", "0.00", "2450000.00", "2450000.00", "0.00"),
        "total_goals": ["完成城区主干道及公共绿地绿化提升，改善城区人居环境"],
        "goals": ["完成新增绿化面积13459平方米，栽植乔灌木8600株", "苗木成活率达到95%以上",
                  "工程10月底前完工并通过验收"],
        "indicators": [
            ind(P, SL, "新增绿化面积", "", "≥13459.00(平方米)", "", N(">=", 13459, "平方米")),
            ind(P, SL, "栽植乔灌木数量", "", "≥8600(株)", "", N(">=", 8600, "株")),
            ind(P, ZL, "苗木成活率", "", "≥95.00(%)", "", N(">=", 95, "%")),
            ind(P, ZL, "工程验收合格率", "", "100(%)", "", N("=", 100, "%")),
            ind(P, SX, "工程完工时间", "", "2022年10月31日前", "", D("<=", "2022-10-31")),
            ind(P, CB, "每平方米绿化成本", "", "≤182.00(元/平方米)", "", N("<=", 182, "元/平方米")),
            ind(Q, ST, "城区绿化覆盖率提高", "", "≥0.80(百分点)", "", N(">=", 0.8, "百分点")),
            ind(Q, SH, "人居环境改善", "", "明显改善", "", T()),
            ind(Q, KC, "绿化成果管护", "", "", "", E()),
            ind(S, MY, "周边群众满意度", "", "≥90(%)", "", N(">=", 90, "%")),
        ],
    },
    {
        "name": "林业有害生物防治",
        "fields": {"项目性质": "经常性项目", "项目类别": "专项业务类", "主管部门": TB_DEPT,
                   "实施单位": "青峪县森林病虫害防治检疫站", "计划开始日期": "2022年04月01日", "计划完成日期": "2022年09月30日"},
        "money": ("568000.00", "468000.00", "100000.00", "568000.00", "468000.00", "100000.00"),
        "total_goals": ["有效控制松材线虫病、美国白蛾等重大林业有害生物扩散蔓延，保护森林资源安全"],
        "goals": ["完成林业有害生物监测面积120万亩、防治作业面积4.6万亩",
                  "林业有害生物成灾率控制在4.2‰以下，无公害防治率达到90%以上",
                  "开展疫情普查和检疫执法检查12次"],
        "indicators": [
            ind(P, SL, "有害生物监测面积", "", "≥120.00(万亩)", "", N(">=", 120, "万亩")),
            ind(P, SL, "防治作业面积", "", "=4.60(万亩)", "", N("=", 4.6, "万亩")),
            ind(P, SL, "检疫执法检查次数", "", "=12.00(次)", "", N("=", 12, "次")),
            ind(P, ZL, "林业有害生物成灾率", "", "≤4.20(‰)", "", N("<=", 4.2, "‰")),
            ind(P, ZL, "无公害防治率", "", "≥90.00(%)", "", N(">=", 90, "%")),
            ind(P, SX, "防治作业完成时间", "", "9月底前", "", D("<=", "--09")),
            ind(P, CB, "每亩防治成本", "", "≤85.00(元/亩)", "", N("<=", 85, "元/亩")),
            ind(Q, ST, "森林资源安全", "", "有效保护", "", T()),
            ind(S, MY, "林农满意度", "", "≥90(%)", "", N(">=", 90, "%")),
        ],
    },
]

TB["budget_table"] = {
    "title": f"{TB_DEPT}2022年部门收支总表",
    "rows": [
        ("一、一般公共预算拨款收入", "9,874,300.00", "一、一般公共服务支出", ""),
        ("二、政府性基金预算拨款收入", "", "二、社会保障和就业支出", "612,480.00"),
        ("三、国有资本经营预算拨款收入", "", "三、卫生健康支出", "238,160.00"),
        ("四、事业收入", "", "四、节能环保支出", "1,620,000.00"),
        ("五、事业单位经营收入", "", "五、城乡社区支出", ""),
        ("六、其他收入", "260,700.00", "六、农林水支出", "8,003,860.00"),
        ("", "", "七、住房保障支出", "220,500.00"),
        ("本年收入合计", "10,135,000.00", "本年支出合计", "10,695,000.00"),
        ("上年结转结余", "560,000.00", "年末结转结余", ""),
        ("收入总计", "10,695,000.00", "支出总计", "10,695,000.00"),
    ],
}

TB_W = 271.0                                           # landscape table width, mm


def tb_table(p):
    W = TB_W
    L = 34.0                                         # label column
    M = 139.0                                        # middle split
    f = p["fields"]
    g = FineGrid(W)
    g.row([cell(0, L, "项目名称", "lab"), cell(L, W, p["name"], "txt")])
    pairs = [("项目性质", "项目类别"), ("主管部门", "实施单位"), ("计划开始日期", "计划完成日期")]
    for a, b in pairs:
        g.row([cell(0, L, a, "lab"), cell(L, M, f[a], "txt"),
               cell(M, M + 34, b, "lab"), cell(M + 34, W, f[b], "txt")])
    tot, fis, oth, yr, cur, carry = p["money"]
    mx = [L, L + 40, M, M + 44, W]
    g.row([cell(0, L, "项目资金<br>（元）", "lab", rowspan=3, raw=True),
           cell(mx[0], mx[1], "项目资金总额", "lab"), cell(mx[1], mx[2], tot, "num"),
           cell(mx[2], mx[3], "年度资金申请总额", "lab"), cell(mx[3], mx[4], yr, "num")])
    g.row([cell(mx[0], mx[1], "其中：财政资金", "lab"), cell(mx[1], mx[2], fis, "num"),
           cell(mx[2], mx[3], "其中：当年财政拨款", "lab"), cell(mx[3], mx[4], cur, "num")])
    g.row([cell(mx[0], mx[1], "其他资金", "lab"), cell(mx[1], mx[2], oth, "num"),
           cell(mx[2], mx[3], "上年结转资金", "lab"), cell(mx[3], mx[4], carry, "num")])
    g.row([cell(0, L, "总体目标", "lab", rowspan=2), cell(L, M, "项目总目标", "lab"),
           cell(M, W, "年度总体目标", "lab")])
    tg = "<br>".join(html.escape(f"{i}、{t}") for i, t in enumerate(p["total_goals"], 1))
    yg = "<br>".join(html.escape(f"{i}、{t}") for i, t in enumerate(p["goals"], 1))
    g.row([cell(L, M, tg, "txt goals", raw=True), cell(M, W, yg, "txt goals", raw=True)])
    # indicator block: 绩效指标 is a super-column over 一级/二级/三级; 年度指标值 spans both header rows
    c = [0, L, L + 40, 200.0, W]
    g.row([cell(c[0], c[3], "绩效指标", "lab"), cell(c[3], c[4], "年度指标值", "lab", rowspan=2)])
    g.row([cell(c[0], c[1], "一级指标", "lab"), cell(c[1], c[2], "二级指标", "lab"),
           cell(c[2], c[3], "三级指标", "lab")])
    inds = p["indicators"]
    s1 = spans([i["level1"] for i in inds])
    s2 = spans([(i["level1"], i["level2"]) for i in inds])
    for r, i in enumerate(inds):
        cells = []
        if s1[r]:
            cells.append(cell(c[0], c[1], i["level1"], rowspan=s1[r]))
        if s2[r]:
            cells.append(cell(c[1], c[2], i["level2"], rowspan=s2[r]))
        cells += [cell(c[2], c[3], i["level3"], "txt"), cell(c[3], c[4], i["value"])]
        g.row(cells, "ind")
    return g.html("tb")


TB_CSS = """
@page { size: A4 portrait; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "WenQuanYi Zen Hei", sans-serif; color: #000; }
.sheet { width: 210mm; height: 297mm; position: relative; overflow: hidden; page-break-after: always; }
.sheet:last-child { page-break-after: auto; }
/* the landscape page, laid out upright and turned a quarter counter-clockwise onto the
   portrait sheet; the PDF's /Rotate 90 turns it back for the reader */
.land { position: absolute; left: 0; top: 0; width: 297mm; height: 210mm; box-sizing: border-box;
        padding: 11mm 13mm 9mm 13mm; transform-origin: 0 0; transform: translateY(297mm) rotate(-90deg); }
.land h1 { text-align: center; font-size: 18pt; margin: 0 0 1mm 0; letter-spacing: 0.5mm; }
.land .year { text-align: center; font-size: 11pt; margin: 0 0 3mm 0; }
table.tb { border-collapse: collapse; table-layout: fixed; font-size: 10pt; line-height: 1.35; }
table.tb td { border: 1.5px solid #000; padding: 1.35mm 1.6mm; text-align: center; vertical-align: middle;
              word-break: break-all; }
table.tb td.txt { text-align: left; }
table.tb td.goals { vertical-align: top; padding-top: 1.2mm; padding-bottom: 1.2mm; }
table.tb td.num { text-align: right; padding-right: 3mm; }
.portrait { padding: 22mm 20mm 20mm 20mm; box-sizing: border-box; font-family: "AR PL UMing CN", serif; }
.portrait h1 { text-align: center; font-size: 18pt; margin: 0 0 8mm 0; font-family: "WenQuanYi Zen Hei", sans-serif; }
.portrait .unitline { display: flex; justify-content: space-between; font-size: 10.5pt; margin-bottom: 1.5mm; }
table.sz { width: 170mm; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; }
table.sz td { border: 1.5px solid #000; padding: 2.2mm 2mm; }
table.sz td.h { text-align: center; font-family: "WenQuanYi Zen Hei", sans-serif; }
table.sz td.n { text-align: right; }
"""


def tb_html(doc):
    bt = doc["budget_table"]
    o = ["<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
         f"<title>{html.escape(TB_DEPT)}2022年项目支出绩效目标</title>",
         f"<style>{TB_CSS}</style></head><body>"]
    # page 1: an ordinary 收支总表 (portrait, not rotated), not a performance table
    o.append('<div class="sheet portrait">')
    o.append(f"<h1>{html.escape(bt['title'])}</h1>")
    o.append(f'<div class="unitline"><span>编制单位：{html.escape(TB_DEPT)}</span><span>单位：元</span></div>')
    o.append('<table class="sz"><colgroup><col style="width:32%"><col style="width:18%">'
             '<col style="width:32%"><col style="width:18%"></colgroup>')
    o.append('<tr><td class="h" colspan="2">收　　入</td><td class="h" colspan="2">支　　出</td></tr>')
    o.append('<tr><td class="h">项　　目</td><td class="h">预算数</td><td class="h">项　　目</td>'
             '<td class="h">预算数</td></tr>')
    for a, b, c, d in bt["rows"]:
        o.append(f'<tr><td>{html.escape(a)}</td><td class="n">{b}</td><td>{html.escape(c)}</td>'
                 f'<td class="n">{d}</td></tr>')
    o.append("</table></div>")
    for p in doc["projects"]:
        o.append('<div class="sheet"><div class="land">')
        o.append("<h1>财政项目支出绩效目标填报表</h1>")
        o.append('<div class="year">（2022年度）</div>')
        o.append(tb_table(p))
        o.append("</div></div>")
    o.append("</body></html>")
    return "\n".join(o)


def tb_truth(doc, pages):
    projects = []
    for k, p in enumerate(doc["projects"], 1):
        tot, fis, oth, yr, cur, carry = p["money"]
        attrs = {lab: p["fields"][lab] for lab in TB_ATTR_LABELS}
        attrs["年度资金申请总额"] = yr
        attrs["其中：当年财政拨款"] = cur
        attrs["上年结转资金"] = carry
        attrs["项目总目标"] = " ".join(f"{i}、{t}" for i, t in enumerate(p["total_goals"], 1))
        projects.append({
            "index": k,
            "title": "财政项目支出绩效目标填报表",
            "unit_code": "",
            "unit_name": "",
            "money_unit": "元",
            "project_name": p["name"],
            "budget": {"total": money(tot), "fiscal": money(fis), "other": money(oth)},
            "purpose": "",
            "schedule": {"mar": None, "jun": None, "oct": None, "dec": None},
            "goals": list(p["goals"]),
            "indicators": [dict(i) for i in p["indicators"]],
            "attributes": attrs,
            "pages": pages[k - 1],
        })
    return {"document": dict(doc["document"]),
            "sections": {"overall": "", "goals": [], "measures": []},
            "projects": projects}


TB["html"] = tb_html
TB["truth"] = tb_truth
TB["titles"] = None                                    # one project per page, pages 2..N+1
TB["rotate"] = "+90:2-z"

DOCS = [JY, TB]

# the committed simulated scans of each document: (file, scan.py profile, seed, extra options);
# each gets its applied parameters (skew per page, ...) in <file without .pdf>.params.json
SCANS = {
    "jiaoyu-2021": [("scan-office.pdf", "office", 1, [])],
    "tianbao-2022": [("scan-archive.pdf", "archive", 1, [])],
}

# ----------------------------------------------------------------------------------------
# printing and checking


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"generate: {' '.join(cmd[:3])} … failed ({r.returncode}):\n{r.stderr[-2000:]}")
    return r.stdout


def print_pdf(chromium, html_path, pdf_path):
    profile = tempfile.mkdtemp(prefix="jixiao-chromium-")
    try:
        run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--no-pdf-header-footer",
             f"--print-to-pdf={pdf_path}", "file://" + os.path.abspath(html_path)])
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if not os.path.exists(pdf_path):
        sys.exit(f"generate: chromium wrote no {pdf_path}")


def page_count(pdf):
    m = re.search(r"^Pages:\s+(\d+)", run(["pdfinfo", pdf]), re.M)
    return int(m.group(1))


def page_texts(pdf):
    n = page_count(pdf)
    return ["".join(run(["pdftotext", "-f", str(i), "-l", str(i), "-raw", pdf, "-"]).split())
            for i in range(1, n + 1)]


def squash(s):
    return "".join(s.split())


def locate_pages(doc, texts):
    """pages (1-based) each project's table is on, read back from the printed PDF"""
    n = len(texts)
    if doc["titles"] is None:                         # one project per page after page 1
        pages = [[k + 2] for k in range(len(doc["projects"]))]
        for k, p in enumerate(doc["projects"]):
            t = texts[pages[k][0] - 1]
            if squash(p["name"]) not in t:
                sys.exit(f"generate: {p['name']} not on page {pages[k][0]}")
        return pages
    starts = []
    for title in doc["titles"](doc):
        hits = [i + 1 for i, t in enumerate(texts) if squash(title) in t]
        if len(hits) != 1:
            sys.exit(f"generate: title {title} found on pages {hits}")
        starts.append(hits[0])
    pages = []
    for k, s in enumerate(starts):
        end = n if k + 1 == len(starts) else max(s, starts[k + 1] - 1)
        if k + 1 < len(starts) and starts[k + 1] == s:
            end = s
        pages.append(list(range(s, end + 1)))
    return pages


def check_rows(doc, texts, pages):
    """every indicator's level3 (first 4 chars) must appear on one of its project's pages;
    report which rows landed on continuation pages"""
    notes = []
    for k, (p, pg) in enumerate(zip(doc["projects"], pages), 1):
        joined = "".join(texts[i - 1] for i in pg)
        for i in p["indicators"]:
            if squash(i["level3"])[:4] not in joined:
                sys.exit(f"generate: project {k} row {i['level3']} not found on pages {pg}")
        if len(pg) > 1:
            for extra in pg[1:]:
                rows = [j + 1 for j, i in enumerate(p["indicators"])
                        if squash(i["level3"])[:4] in texts[extra - 1]]
                notes.append(f"project {k} continues on page {extra}: indicator rows {rows[0]}..{rows[-1]}"
                             if rows else f"project {k} continues on page {extra}")
    return notes


def check_money(doc):
    for p in doc["projects"]:
        b = p.get("budget") or p["money"][:3]
        tot, fis, oth = (money(x) for x in b[:3])
        if abs((fis or 0) + (oth or 0) - tot) > 0.001:
            sys.exit(f"generate: {p['name']}: total {tot} != fiscal {fis} + other {oth}")


def finish_pdf(raw, pdf, year, rotate=None):
    """Chromium's raw.pdf -> pdf: Info dates pinned to 1 January of `year` (same byte length, so
    Chromium's xref stays valid), compressed, /Rotate set on the pages qpdf's `rotate` names
    (e.g. "+90:2-z"); with qpdf's --deterministic-id the same data gives the same bytes."""
    with open(raw, "rb") as f:
        data = f.read()
    stamp = b"D:%04d0101000000" % year
    with open(raw, "wb") as f:
        f.write(re.sub(rb"D:\d{14}", stamp, data))
    cmd = ["qpdf", raw, "--object-streams=generate", "--compress-streams=y",
           "--recompress-flate", "--deterministic-id"]
    if rotate:
        cmd.append(f"--rotate={rotate}")
    cmd.append(pdf)
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode not in (0, 3):                    # 3 = succeeded with warnings
        sys.exit(f"generate: qpdf failed: {r.stderr}")


def build(doc, chromium, keep_html=None):
    check_money(doc)
    out_dir = os.path.join(HERE, doc["name"])
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="jixiao-gen-")
    try:
        html_path = os.path.join(work, doc["name"] + ".html")
        raw = os.path.join(work, "raw.pdf")
        for attempt in range(3):
            with open(html_path, "w", encoding="utf-8") as f:
                f.write(doc["html"](doc))
            print_pdf(chromium, html_path, raw)
            if "toc_pages" not in doc:
                break
            texts = page_texts(raw)
            found = {}
            for key, find in zip(JY_TOC, doc["toc_find"](doc)):
                hits = [i + 1 for i, t in enumerate(texts) if i >= 2 and squash(find) in t]
                if not hits:
                    sys.exit(f"generate: contents entry {find} not found")
                found[key] = hits[0]
            if found == doc["toc_pages"]:
                break
            doc["toc_pages"] = found
        else:
            sys.exit("generate: table of contents page numbers do not settle")
        if keep_html:
            os.makedirs(keep_html, exist_ok=True)
            shutil.copy(html_path, keep_html)
        pdf = os.path.join(out_dir, "digital.pdf")
        finish_pdf(raw, pdf, doc["document"]["year"], doc["rotate"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    texts = page_texts(pdf)
    pages = locate_pages(doc, texts)
    notes = check_rows(doc, texts, pages)
    truth = doc["truth"](doc, pages)
    with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    nind = sum(len(p["indicators"]) for p in doc["projects"])
    print(f"{doc['name']}: {len(texts)} pages, {len(doc['projects'])} projects, {nind} indicator rows, "
          f"{os.path.getsize(pdf)} bytes")
    for k, pg in enumerate(pages, 1):
        print(f"  project {k}: pages {pg}")
    for n in notes:
        print("  " + n)


def make_scans(doc):
    """Remake the document's simulated scans from its digital.pdf with samples/scan.py."""
    out_dir = os.path.join(HERE, doc["name"])
    for fname, profile, seed, extra in SCANS.get(doc["name"], []):
        params = os.path.join(out_dir, fname[:-len(".pdf")] + ".params.json")
        # scan.py runs itself under /usr/bin/python3 if this interpreter lacks OpenCV
        cmd = [sys.executable, os.path.join(HERE, "scan.py"), os.path.join(out_dir, "digital.pdf"),
               os.path.join(out_dir, fname), "--profile", profile, "--seed", str(seed),
               "--params", params] + extra
        r = subprocess.run(cmd)
        if r.returncode != 0:
            sys.exit(f"generate: scan.py failed for {doc['name']}/{fname}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", help="build only this document (e.g. jiaoyu-2021)")
    ap.add_argument("--keep-html", metavar="DIR", help="also copy the generated HTML into DIR")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    scans = ap.add_mutually_exclusive_group()
    scans.add_argument("--scans", action="store_true",
                       help="also remake the simulated scans (samples/scan.py) after building")
    scans.add_argument("--scans-only", action="store_true",
                       help="only remake the simulated scans from the committed digital.pdf")
    a = ap.parse_args()
    docs = [d for d in DOCS if not a.only or d["name"] == a.only]
    if not docs:
        sys.exit(f"generate: no document named {a.only}")
    if a.scans_only:
        for d in docs:
            make_scans(d)
        return
    for tool in ("qpdf", "pdftotext", "pdfinfo"):
        if not shutil.which(tool):
            sys.exit(f"generate: {tool} not found; run samples/setup-generator.sh as root")
    if not shutil.which(a.chromium):
        sys.exit("generate: chromium not found; run samples/setup-generator.sh as root")
    for d in docs:
        build(d, a.chromium, a.keep_html)
        if a.scans:
            make_scans(d)


if __name__ == "__main__":
    main()
