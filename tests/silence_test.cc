// No project lost in silence: pages printing a performance table that gave no record are named
// by a warning (pipeline/silence.h). Hand-built pages.
#include "pipeline/silence.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

TextLine Line(const std::string& text, double y) {
  TextLine l;
  l.text = text;
  l.box = {50, y, 500, y + 10};
  return l;
}

TableCell Cell(int row, int col, const std::string& text) {
  TableCell c;
  c.row = row;
  c.col = col;
  c.text = text;
  c.box = {50.0 + 80 * col, 100.0 + 20 * row, 130.0 + 80 * col, 120.0 + 20 * row};
  return c;
}

PageContent Page(int n) {
  PageContent p;
  p.page = n;
  p.width = 595;
  p.height = 842;
  p.has_text = true;
  p.source = WordSource::kOcr;
  return p;
}

Project Record(int page) {
  Project p;
  p.project_name = "某项目";
  p.pages = {page};
  p.provenance["project_name"].page = page;
  return p;
}

std::vector<std::string> Codes(const std::vector<Warning>& w) {
  std::vector<std::string> out;
  for (const Warning& x : w) out.push_back(std::to_string(x.page) + " " + x.code);
  return out;
}

TEST(Silence, AnIndicatorHeaderReadAsLinesWithNoRecordIsNamed) {
  // A scanned page whose grid failed: its header row and a name label came out as lines.
  PageContent p = Page(5);
  p.lines = {Line("项目名称 职业技能培训补贴", 80), Line("一级指标 二级指标 三级指栎 指标值", 120),
             Line("产出指标 数量指标 培训人次 ≥1800人次", 140)};
  const std::vector<Warning> w = UnreadPageWarnings({p}, {}, {});
  ASSERT_EQ(Codes(w), std::vector<std::string>{"5 page.performance_unread"});
  EXPECT_NE(w[0].message.find("page 5"), std::string::npos);
  EXPECT_NE(w[0].message.find("1 项目名称 label"), std::string::npos) << w[0].message;
  EXPECT_NE(w[0].message.find("4 of"), std::string::npos) << w[0].message;
}

TEST(Silence, AHeaderOcrConfusedAndRunTogetherStillCounts) {
  // -级指标 (一 read as -) and =级指标 (三 as =) run into one line without spaces.
  PageContent p = Page(2);
  p.lines = {Line("-级指标=级指标绩效指标描述", 120)};
  EXPECT_GE(EvidenceOf(p).header_columns, 2);
  EXPECT_TRUE(EvidenceOf(p).Performance());
}

TEST(Silence, AListPageOfIndicatorRowsAloneWithNoRecordIsNamed) {
  // A list goes on over the page without its header: its level cells print the terms, the 标 a
  // narrow column wrapped read on a line of its own.
  PageContent p = Page(7);
  p.lines = {Line("产出指 数量指 宣传活动次数 > 24 次", 100), Line("标 标", 112),
             Line("效益指 经济效 带动就业人数 = 3946 人", 140)};
  EXPECT_EQ(EvidenceOf(p).level_terms, 4);
  EXPECT_EQ(Codes(UnreadPageWarnings({p}, {}, {})),
            std::vector<std::string>{"7 page.performance_unread"});
}

TEST(Silence, PackedItemsInACellWithNoRecordAreNamed) {
  PageContent p = Page(8);
  Table t;
  t.page = 8;
  t.rows = 1;
  t.cols = 2;
  t.cells = {Cell(0, 0, "某项目"),
             Cell(0, 1, "1、1-产出指标；11-数量指标；会议活动保障次数；年度指标值:每年≥20场。")};
  p.tables = {t};
  const PageEvidence e = EvidenceOf(p);
  EXPECT_EQ(e.packed_items, 1);
  EXPECT_EQ(Codes(UnreadPageWarnings({p}, {}, {})),
            std::vector<std::string>{"8 page.performance_unread"});
}

TEST(Silence, MoreNameLabelsThanRecordsIsNamed) {
  // Two forms on one page (two 项目名称 labels), one record read.
  PageContent p = Page(3);
  Table a;
  a.page = 3;
  a.rows = 1;
  a.cols = 2;
  a.cells = {Cell(0, 0, "项目名称"), Cell(0, 1, "甲项目")};
  Table b = a;
  b.cells = {Cell(0, 0, "项目名称："), Cell(0, 1, "乙项目")};
  p.tables = {a, b};
  EXPECT_EQ(Codes(UnreadPageWarnings({p}, {Record(3)}, {})),
            std::vector<std::string>{"3 page.projects_unread"});
  // Both read: nothing to say.
  EXPECT_TRUE(UnreadPageWarnings({p}, {Record(3), Record(3)}, {}).empty());
}

TEST(Silence, ARecordContinuedOnThePageSilencesIt) {
  // The indicator rows of a record named on page 4 go on over page 5.
  PageContent p = Page(5);
  p.lines = {Line("一级指标 二级指标 三级指标 指标值", 120)};
  Project r = Record(4);
  r.pages = {4, 5};
  EXPECT_TRUE(UnreadPageWarnings({p}, {r}, {}).empty());
}

TEST(Silence, APageAlreadyWarnedIsNotNamedAgain) {
  PageContent p = Page(6);
  p.lines = {Line("一级指标 二级指标 三级指标 指标值", 120)};
  EXPECT_TRUE(UnreadPageWarnings({p}, {}, {{6, "project.table_unread", "page 6: …"}}).empty());
}

TEST(Silence, TextAndNonPerformancePagesSayNothing) {
  // A cover, a table of contents, a 收支总表 and a text page that names one header word.
  PageContent cover = Page(1);
  cover.lines = {Line("2026年某局部门预算", 100), Line("目录", 200),
                 Line("九、项目支出绩效目标表 ........ 30", 220)};
  PageContent totals = Page(2);
  Table t;
  t.page = 2;
  t.rows = 2;
  t.cols = 3;
  t.cells = {Cell(0, 0, "项目"),   Cell(0, 1, "本年收入合计"),
             Cell(0, 2, "决算数"), Cell(1, 0, "一般公共预算财政拨款收入"),
             Cell(1, 1, "100.00"), Cell(1, 2, "98.00")};
  totals.tables = {t};
  PageContent text = Page(3);
  text.lines = {Line("各项目指标值设定合理，产出指标和效益指标均已细化量化。", 100)};
  // A heading above a table on the next page, a contents' line without its page number.
  PageContent heading = Page(4);
  heading.lines = {Line("（二）绩效目标表及说明", 100), Line("1.项目支出绩效目标表", 120),
                   Line("表 14 2022 年部门专项业务经费绩效目标表", 140)};
  EXPECT_FALSE(EvidenceOf(heading).Performance());
  EXPECT_TRUE(UnreadPageWarnings({heading}, {}, {}).empty());
  EXPECT_FALSE(EvidenceOf(cover).Performance());
  EXPECT_FALSE(EvidenceOf(totals).Performance());
  EXPECT_FALSE(EvidenceOf(text).Performance());
  EXPECT_TRUE(UnreadPageWarnings({cover, totals, text}, {}, {}).empty());
}

TEST(Silence, AFormPrintedBlankSaysNothing) {
  // A template printed blank (无此项): its labels and terms, no name.
  PageContent p = Page(9);
  Table t;
  t.page = 9;
  t.rows = 3;
  t.cols = 4;
  t.cells = {Cell(0, 0, "2022年专项资金总体绩效目标表"),
             Cell(1, 0, "专项（项目）名称"),
             Cell(1, 1, ""),
             Cell(2, 0, "产出指标"),
             Cell(2, 1, "数量指标"),
             Cell(2, 2, "指标1："),
             Cell(2, 3, "")};
  p.tables = {t};
  EXPECT_EQ(EvidenceOf(p).blank_name_labels, 1);
  EXPECT_FALSE(EvidenceOf(p).Performance());
  EXPECT_TRUE(UnreadPageWarnings({p}, {}, {}).empty());
}

TEST(Silence, AListHeaderIsNoProjectLabel) {
  // A list repeats its header on the page; its rows go on with a record named on page 10.
  PageContent p = Page(11);
  Table t;
  t.page = 11;
  t.rows = 2;
  t.cols = 3;
  t.cells = {Cell(0, 0, "项目名称"), Cell(0, 1, "资金总额"), Cell(0, 2, "一级指标"),
             Cell(1, 0, ""),         Cell(1, 1, ""),         Cell(1, 2, "产出指标")};
  p.tables = {t};
  EXPECT_EQ(EvidenceOf(p).name_labels, 0);
  Project r = Record(10);
  r.pages = {10, 11};
  EXPECT_TRUE(UnreadPageWarnings({p}, {r}, {}).empty());
}

}  // namespace
}  // namespace jixiao
