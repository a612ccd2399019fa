// Record rebuilding from tables built by hand: labels, spans carried down, continued tables.
#include "records/records.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/text.h"
#include "records/fields.h"
#include "tests/table_testing.h"

namespace jixiao {
namespace {

using table_testing::C;
using table_testing::Line;
using table_testing::MakeTable;
using Ids = std::vector<std::string>;

// The standard 绩效目标表 layout: 8 column lines (quarter columns do not align with the main ones).
const std::vector<double> kXs = {50, 110, 170, 230, 290, 350, 410, 470, 530};

Table StandardTable(int page, int extra_rows) {
  std::vector<C> cells = {
      {0, 0, 1, 1, "项目编码"}, {0, 1, 1, 3, "205-2101-JBN-7QX3"}, {0, 4, 1, 1, "项目名称"}, {0, 5, 1, 3, "校舍维修"},
      {1, 0, 2, 1, "预算规模及资金用途"}, {1, 1, 1, 1, "预算数"}, {1, 2, 1, 1, "120.50"},
      {1, 3, 1, 2, "其中：财政资金"}, {1, 5, 1, 1, "100.50"}, {1, 6, 1, 1, "其他资金"}, {1, 7, 1, 1, "20.00"},
      {2, 1, 1, 7, "用于全县中小学校舍维修。"},
      {3, 0, 2, 1, "资金支出计划（%）"}, {3, 1, 1, 2, "3月底"}, {3, 3, 1, 2, "6月底"}, {3, 5, 1, 1, "10月底"}, {3, 6, 1, 2, "12月底"},
      {4, 1, 1, 2, "30"}, {4, 3, 1, 2, ""}, {4, 5, 1, 1, "70"}, {4, 6, 1, 2, "100"},
      {5, 0, 1, 1, "绩效目标"}, {5, 1, 1, 7, "1、完成维修 12 所。2、消除安全隐患；3、保障教学"},
      {6, 0, 1, 1, "一级指标"}, {6, 1, 1, 1, "二级指标"}, {6, 2, 1, 2, "三级指标"}, {6, 4, 1, 2, "绩效指标描述"},
      {6, 6, 1, 1, "指标值"}, {6, 7, 1, 1, "指标值确定依据"},
      {7, 0, 2 + extra_rows, 1, "产出指标"}, {7, 1, 1, 1, "数量指标"}, {7, 2, 1, 2, "维修学校数"},
      {7, 4, 1, 2, "维修学校数量"}, {7, 6, 1, 1, "≥12 所"}, {7, 7, 1, 1, "工作计划"},
      {8, 1, 1 + extra_rows, 1, "时效指标"}, {8, 2, 1, 2, "完工时间"}, {8, 4, 1, 2, "按时完工"},
      {8, 6, 1, 1, "12月底前"}, {8, 7, 1, 1, "合同"},
  };
  for (int i = 0; i < extra_rows; ++i) {
    cells.push_back({9 + i, 2, 1, 2, "指标" + std::to_string(i)});
    cells.push_back({9 + i, 4, 1, 2, "描述" + std::to_string(i)});
    cells.push_back({9 + i, 6, 1, 1, "100%"});
    cells.push_back({9 + i, 7, 1, 1, "计划"});
  }
  return MakeTable(page, kXs, 9 + extra_rows, cells);
}

PageContent StandardPage(int page, int extra_rows = 0) {
  PageContent p;
  p.page = page;
  p.width = 595;
  p.height = 842;
  p.lines = {Line("1、校舍维修绩效目标表", 50), Line("205001 某县教育局机关", 75, 50, 200),
             Line("单位：万元", 75, 450, 530)};
  p.tables.push_back(StandardTable(page, extra_rows));
  return p;
}

TEST(ReadProjects, ReadsEveryLabeledField) {
  std::vector<Warning> warnings;
  auto projects = ReadProjects({StandardPage(3)}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_EQ(p.index, 1);
  EXPECT_EQ(p.title, "校舍维修绩效目标表");
  EXPECT_EQ(p.unit_code, "205001");
  EXPECT_EQ(p.unit_name, "某县教育局机关");
  EXPECT_EQ(p.money_unit, "万元");
  EXPECT_EQ(p.project_code, "205-2101-JBN-7QX3");
  EXPECT_EQ(p.project_name, "校舍维修");
  ASSERT_TRUE(p.budget.total && p.budget.fiscal && p.budget.other);
  EXPECT_DOUBLE_EQ(*p.budget.total, 120.5);
  EXPECT_DOUBLE_EQ(*p.budget.fiscal, 100.5);
  EXPECT_DOUBLE_EQ(*p.budget.other, 20.0);
  EXPECT_EQ(p.purpose, "用于全县中小学校舍维修。");
  EXPECT_EQ(p.schedule.mar, 30);
  EXPECT_FALSE(p.schedule.jun.has_value());
  EXPECT_EQ(p.schedule.oct, 70);
  EXPECT_EQ(p.schedule.dec, 100);
  EXPECT_EQ(p.goals, (std::vector<std::string>{"完成维修 12 所。", "消除安全隐患", "保障教学"}));
  ASSERT_EQ(p.indicators.size(), 2u);
  EXPECT_EQ(p.indicators[0].level1, "产出指标");
  EXPECT_EQ(p.indicators[0].level2, "数量指标");
  EXPECT_EQ(p.indicators[0].level3, "维修学校数");
  EXPECT_EQ(p.indicators[0].description, "维修学校数量");
  EXPECT_EQ(p.indicators[0].value, "≥12 所");
  EXPECT_EQ(p.indicators[0].basis, "工作计划");
  EXPECT_EQ(p.indicators[0].value_normalized.kind, ValueKind::kNumeric);
  // The spanning 一级指标 cell is carried down to the second row.
  EXPECT_EQ(p.indicators[1].level1, "产出指标");
  EXPECT_EQ(p.indicators[1].level2, "时效指标");
  EXPECT_EQ(p.indicators[1].value_normalized.kind, ValueKind::kDate);
  EXPECT_EQ(p.pages, std::vector<int>{3});
  EXPECT_EQ(p.provenance.at("project_code").page, 3);
  EXPECT_TRUE(warnings.empty());
}

TEST(ReadProjects, AMisreadLevelOneHeaderIsStillAColumn) {
  PageContent page = StandardPage(3);
  for (TableCell& c : page.tables[0].cells)
    if (c.text == "一级指标") c.text = "一纪宅二";  // as OCR may read a bold header
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  ASSERT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[0].indicators[0].level1, "产出指标");
  EXPECT_EQ(projects[0].indicators[1].level3, "完工时间");
}

TEST(ReadProjects, LevelHeadersWhoseLevelOcrLostTakeTheirPlaceInTheRow) {
  // The strokes that tell 一 from 二 faded: both read -级指标 (as on an archive scan of a
  // quanzhou form), which could be either; their order says which is which.
  PageContent page = StandardPage(3);
  for (TableCell& c : page.tables[0].cells)
    if (c.text == "一级指标" || c.text == "二级指标") c.text = "-级指标";
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  ASSERT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[0].indicators[0].level1, "产出指标");
  EXPECT_EQ(projects[0].indicators[0].level2, "数量指标");
  EXPECT_EQ(projects[0].indicators[1].level2, "时效指标");
  EXPECT_EQ(projects[0].indicators[1].level3, "完工时间");
}

TEST(ReadProjects, ThreeLevelHeadersSideBySideAreLevelsOneTwoThreeWhateverTheyReadAs) {
  // A scan lost a stroke of 二 and of 三: 一级指标 | 一级指标 | 二级指标. Read as printed, the
  // second level had no column and took the third level's text.
  PageContent page = StandardPage(3);
  for (TableCell& c : page.tables[0].cells) {
    if (c.text == "二级指标")
      c.text = "一级指标";
    else if (c.text == "三级指标")
      c.text = "二级指标";
  }
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  ASSERT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[0].indicators[0].level1, "产出指标");
  EXPECT_EQ(projects[0].indicators[0].level2, "数量指标");
  EXPECT_EQ(projects[0].indicators[0].level3, "维修学校数");
  EXPECT_EQ(projects[0].indicators[1].level2, "时效指标");
  EXPECT_EQ(projects[0].indicators[1].level3, "完工时间");
}

TEST(ReadProjects, AConfusedLevelHeaderBesideAKnownOneIsTheOtherLevel) {
  // 一级指标 read right, 二级指标 read =級指标 (二 as =, 级 as its traditional form).
  PageContent page = StandardPage(3);
  for (TableCell& c : page.tables[0].cells)
    if (c.text == "二级指标") c.text = "=級指标";
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  ASSERT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[0].indicators[0].level1, "产出指标");
  EXPECT_EQ(projects[0].indicators[0].level2, "数量指标");
}

TEST(ReadProjects, LevelHeadersOcrCouldNotReadAreKnownByTheirPlaceAndTheTermsUnderThem) {
  // A seal over the header: 一级指标 read "-和-一", 二级指标 "[二二级指标"; 三级指标 and 指标值
  // are read, and the columns left of 三级指标 hold indicator terms.
  PageContent page = StandardPage(3);
  for (TableCell& c : page.tables[0].cells) {
    if (c.text == "一级指标") c.text = "-和-一";
    if (c.text == "二级指标") c.text = "[二二级指标";
  }
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  ASSERT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[0].indicators[0].level1, "产出指标");
  EXPECT_EQ(projects[0].indicators[0].level2, "数量指标");
  EXPECT_EQ(projects[0].indicators[1].level2, "时效指标");
  EXPECT_EQ(projects[0].indicators[1].level3, "完工时间");
  // Without terms under it, an unread cell is no second level's column.
  for (TableCell& c : page.tables[0].cells)
    if (c.text == "数量指标" || c.text == "时效指标") c.text = "某某";
  projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  ASSERT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[0].indicators[0].level2, "");
}

TEST(ReadProjects, ATitledTableOfIndicatorsWithNeitherLabelsNorHeaderReadIsARecordWithAWarning) {
  // A scan's labels and indicator header unreadable: the table still names indicator levels,
  // so it is a project's, given with what was read and a warning naming its page.
  PageContent page = StandardPage(7, 2);
  for (TableCell& c : page.tables[0].cells)
    if (c.text == "项目编码" || c.text == "项目名称" || c.row == 6) c.text = "口口";
  std::vector<Warning> warnings;
  auto projects = ReadProjects({page}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].pages, std::vector<int>{7});
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].page, 7);
  EXPECT_NE(warnings[0].message.find("page 7"), std::string::npos) << warnings[0].message;
  // Without its title it is not known to be a performance table: no record.
  page.lines.clear();
  EXPECT_TRUE(ReadProjects({page}, nullptr).empty());
}

TEST(ReadProjects, MisreadHeadersWithinOneCharacterInThreeStillMapTheirColumns) {
  PageContent page = StandardPage(3);
  for (TableCell& c : page.tables[0].cells) {
    if (c.text == "绩效指标描述") c.text = "顷效指标摘述";
    if (c.text == "二级指标") c.text = "二级指杯";
  }
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  ASSERT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[0].indicators[0].description, "维修学校数量");
  EXPECT_EQ(projects[0].indicators[0].level2, "数量指标");
}

TEST(ReadProjects, JoinsATableContinuedOnTheNextPage) {
  PageContent first = StandardPage(3, 1);
  // Page 4: the rest of the indicator rows, no title and no header; the spanning cells
  // continue empty.
  PageContent next;
  next.page = 4;
  next.tables.push_back(MakeTable(4, kXs, 2,
                                  {{0, 0, 2, 1, ""}, {0, 1, 1, 1, ""}, {0, 2, 1, 2, "续表指标"},
                                   {0, 4, 1, 2, "续表描述"}, {0, 6, 1, 1, "=3 次"}, {0, 7, 1, 1, "计划"},
                                   {1, 1, 1, 1, "满意度指标"}, {1, 2, 1, 2, "满意度"},
                                   {1, 4, 1, 2, "群众满意度"}, {1, 6, 1, 1, "95%以上"}, {1, 7, 1, 1, "调查"}},
                                  40));
  auto projects = ReadProjects({first, next}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  ASSERT_EQ(p.indicators.size(), 5u);
  EXPECT_EQ(p.indicators[3].level3, "续表指标");
  EXPECT_EQ(p.indicators[3].level1, "产出指标");
  EXPECT_EQ(p.indicators[3].level2, "时效指标");
  EXPECT_EQ(p.indicators[4].level2, "满意度指标");
  EXPECT_EQ(p.pages, (std::vector<int>{3, 4}));
}

TEST(ReadProjects, JoinsAContinuedTableOnAPageShiftedSideways) {
  // A scanned page sits 9 pt to the right of the one before it.
  std::vector<double> shifted;
  for (double x : kXs) shifted.push_back(x + 9);
  PageContent next;
  next.page = 4;
  next.tables.push_back(MakeTable(4, shifted, 1,
                                  {{0, 0, 1, 1, ""}, {0, 1, 1, 1, ""}, {0, 2, 1, 2, "续表指标"},
                                   {0, 4, 1, 2, "续表描述"}, {0, 6, 1, 1, "=3 次"}, {0, 7, 1, 1, "计划"}},
                                  40));
  auto projects = ReadProjects({StandardPage(3), next}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  ASSERT_EQ(projects[0].indicators.size(), 3u);
  EXPECT_EQ(projects[0].indicators[2].description, "续表描述");
  EXPECT_EQ(projects[0].indicators[2].value, "=3 次");
}

TEST(ReadProjects, AnUnrelatedTableAfterAProjectIsNotJoined) {
  PageContent next;
  next.page = 4;
  next.tables.push_back(MakeTable(4, {50, 300, 530}, 2,
                                  {{0, 0, 1, 1, "收入"}, {0, 1, 1, 1, "100.00"}, {1, 0, 1, 1, "支出"}, {1, 1, 1, 1, "90.00"}},
                                  40));
  auto projects = ReadProjects({StandardPage(3), next}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[0].pages, std::vector<int>{3});
}

TEST(ReadProjects, LabelAndValueInOneCell) {
  PageContent page;
  page.page = 1;
  page.lines = {Line("2、道路养护绩效目标表", 50)};
  page.tables.push_back(MakeTable(1, {50, 200, 350, 500, 650}, 3,
                                  {{0, 0, 1, 2, "项目编码：101-2201-XYZ-0001"}, {0, 2, 1, 2, "项目名称：道路养护"},
                                   {1, 0, 1, 1, "一级指标"}, {1, 1, 1, 1, "二级指标"}, {1, 2, 1, 1, "三级指标"},
                                   {1, 3, 1, 1, "指标值"},
                                   {2, 0, 1, 1, "产出指标"}, {2, 1, 1, 1, "数量指标"}, {2, 2, 1, 1, "养护里程"},
                                   {2, 3, 1, 1, "≥20公里"}}));
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].project_code, "101-2201-XYZ-0001");
  EXPECT_EQ(projects[0].project_name, "道路养护");
  EXPECT_EQ(projects[0].title, "道路养护绩效目标表");
  ASSERT_EQ(projects[0].indicators.size(), 1u);
  EXPECT_EQ(projects[0].indicators[0].value, "≥20公里");
  EXPECT_EQ(projects[0].indicators[0].description, "");
}

// What a scan does to a form's money labels: the block's heading run into the first amount by a
// lost column rule (项目资金 | 项目资金总额：…), a speck read as a colon inside a label (其中：财政
// ：资金：…) and as a mark beside its colon (其他资金；：…). Each is still its field.
TEST(ReadProjects, MoneyLabelsAsAScanLeavesThem) {
  PageContent page;
  page.page = 1;
  page.lines = {Line("2、道路养护绩效目标表", 50)};
  page.tables.push_back(MakeTable(1, {50, 200, 350, 500, 650}, 4,
                                  {{0, 0, 1, 2, "项目编码：101-2201-XYZ-0001"},
                                   {0, 2, 1, 2, "项目名称：道路养护"},
                                   {1, 0, 1, 2, "项目资金 项目资金总额：14,559.70"},
                                   {1, 2, 1, 1, "其中：财政：资金：10,482.99"},
                                   {1, 3, 1, 1, "其他资金；：4,076.71"},
                                   {2, 0, 1, 1, "一级指标"},
                                   {2, 1, 1, 1, "二级指标"},
                                   {2, 2, 1, 1, "三级指标"},
                                   {2, 3, 1, 1, "指标值"},
                                   {3, 0, 1, 1, "产出指标"},
                                   {3, 1, 1, 1, "数量指标"},
                                   {3, 2, 1, 1, "养护里程"},
                                   {3, 3, 1, 1, "≥20公里"}}));
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_NEAR(projects[0].budget.total.value_or(-1), 14559.70, 0.005);
  EXPECT_NEAR(projects[0].budget.fiscal.value_or(-1), 10482.99, 0.005);
  EXPECT_NEAR(projects[0].budget.other.value_or(-1), 4076.71, 0.005);
  EXPECT_TRUE(projects[0].attributes.empty());
}

// The same heading in a cell of its own beside a labeled amount a speck marked: the amount is the
// total, the heading no field of its own; a value holding colons keeps them.
TEST(ReadProjects, AMoneyHeadingBesideItsAmountIsNoField) {
  PageContent page;
  page.page = 1;
  page.lines = {Line("2、道路养护绩效目标表", 50)};
  page.tables.push_back(MakeTable(1, {50, 200, 350, 500, 650}, 4,
                                  {{0, 0, 1, 2, "项目名称：道路养护"},
                                   {0, 2, 1, 2, "执行期：2025年1月:12月"},
                                   {1, 0, 1, 1, "项目资金"},
                                   {1, 1, 1, 3, "项目资金总额;: 520.00"},
                                   {2, 0, 1, 1, "一级指标"},
                                   {2, 1, 1, 1, "二级指标"},
                                   {2, 2, 1, 1, "三级指标"},
                                   {2, 3, 1, 1, "指标值"},
                                   {3, 0, 1, 1, "产出指标"},
                                   {3, 1, 1, 1, "数量指标"},
                                   {3, 2, 1, 1, "养护里程"},
                                   {3, 3, 1, 1, "≥20公里"}}));
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_NEAR(projects[0].budget.total.value_or(-1), 520.00, 0.005);
  ASSERT_EQ(projects[0].attributes.size(), 1u);
  EXPECT_EQ(projects[0].attributes[0].first, "执行期");
  EXPECT_EQ(projects[0].attributes[0].second, "2025年1月:12月");
}

// records.money_marks: an OCR'd amount with a speck read beside its thousands comma
// (2,.746.30) is read with the one comma, and its provenance names the fix; switched off, or on a
// digital page, the amount is unread (null), never guessed.
TEST(ReadProjects, AnAmountWithASpeckBesideItsCommaOnAScan) {
  PageContent page;
  page.page = 1;
  page.lines = {Line("2、道路养护绩效目标表", 50)};
  page.tables.push_back(MakeTable(1, {50, 200, 350, 500, 650}, 3,
                                  {{0, 0, 1, 2, "项目名称：道路养护"},
                                   {0, 2, 1, 2, "资金总额：2,.746.30"},
                                   {1, 0, 1, 1, "一级指标"},
                                   {1, 1, 1, 1, "二级指标"},
                                   {1, 2, 1, 1, "三级指标"},
                                   {1, 3, 1, 1, "指标值"},
                                   {2, 0, 1, 1, "产出指标"},
                                   {2, 1, 1, 1, "数量指标"},
                                   {2, 2, 1, 1, "养护里程"},
                                   {2, 3, 1, 1, "≥20公里"}}));
  EXPECT_FALSE(ReadProjects({page}, nullptr)[0].budget.total.has_value());  // digital: as printed
  page.source = WordSource::kOcr;
  for (TableCell& c : page.tables[0].cells) c.source = WordSource::kOcr;
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_NEAR(projects[0].budget.total.value_or(-1), 2746.30, 0.005);
  EXPECT_EQ(projects[0].provenance["budget.total"].fixes, Ids{"records.money_marks"});
  FixSwitches off;
  off.Disable("records.money_marks");
  EXPECT_FALSE(ReadProjects({page}, nullptr, off)[0].budget.total.has_value());
}

// A form whose indicator header takes two rows: 三级指标 over 指标名称 | 全年指标值, beside 一级
// and 二级 spanning both, and a 权重 column.
TEST(ReadProjects, AnIndicatorHeaderOnTwoRows) {
  PageContent page;
  page.page = 2;
  page.lines = {Line("档案数字化加工项目绩效目标表", 50)};
  page.tables.push_back(MakeTable(2, {50, 150, 250, 350, 450, 550}, 6,
                                  {{0, 0, 1, 1, "项目名称"},
                                   {0, 1, 1, 4, "档案数字化加工"},
                                   {1, 0, 1, 1, "年度资金总额（万元）"},
                                   {1, 1, 1, 4, "35.00"},
                                   {2, 0, 2, 1, "一级指标"},
                                   {2, 1, 2, 1, "二级指标"},
                                   {2, 2, 1, 2, "三级指标"},
                                   {2, 4, 2, 1, "权重"},
                                   {3, 2, 1, 1, "指标名称"},
                                   {3, 3, 1, 1, "全年指标值"},
                                   {4, 0, 2, 1, "产出指标"},
                                   {4, 1, 1, 1, "数量指标"},
                                   {4, 2, 1, 1, "加工页数"},
                                   {4, 3, 1, 1, "≥12万页"},
                                   {4, 4, 1, 1, "10"},
                                   {5, 1, 1, 1, "质量指标"},
                                   {5, 2, 1, 1, "合格率"},
                                   {5, 3, 1, 1, "≥98%"},
                                   {5, 4, 1, 1, "20"}}));
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].money_unit, "万元");
  EXPECT_NEAR(projects[0].budget.total.value_or(-1), 35.0, 0.005);
  ASSERT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[0].indicators[0].level3, "加工页数");
  EXPECT_EQ(projects[0].indicators[0].value, "≥12万页");
  EXPECT_EQ(projects[0].indicators[1].level2, "质量指标");
  EXPECT_EQ(projects[0].indicators[1].value, "≥98%");
  ASSERT_EQ(projects[0].indicators[1].attributes.size(), 1u);
  EXPECT_EQ(projects[0].indicators[1].attributes[0],
            (std::pair<std::string, std::string>{"权重", "20"}));
}

TEST(ReadProjects, OtherTablesGiveNoProject) {
  PageContent page;
  page.page = 2;
  page.lines = {Line("收支总表", 50)};
  page.tables.push_back(MakeTable(2, {50, 200, 350, 500}, 3,
                                  {{0, 0, 1, 1, "收入"}, {0, 1, 1, 1, "金额"}, {0, 2, 1, 1, "支出"},
                                   {1, 0, 1, 1, "一般公共预算"}, {1, 1, 1, 1, "100.00"}, {1, 2, 1, 1, "基本支出"},
                                   {2, 0, 1, 1, "合计"}, {2, 1, 1, 1, "100.00"}, {2, 2, 1, 1, "合计"}}));
  EXPECT_TRUE(ReadProjects({page}, nullptr).empty());
}

// A final account's table (收入支出决算总表): a 项目 column and totals rows, no indicator block,
// no 绩效目标表 title.
PageContent FinalAccountsPage(int page) {
  PageContent p;
  p.page = page;
  p.lines = {Line("收入支出决算总表", 50), Line("单位：万元", 75, 450, 530)};
  p.tables.push_back(MakeTable(page, {50, 200, 300, 450, 530}, 4,
                               {{0, 0, 1, 1, "项目名称"}, {0, 1, 1, 1, "决算数"}, {0, 2, 1, 1, "项目"}, {0, 3, 1, 1, "决算数"},
                                {1, 0, 1, 1, "财政拨款收入"}, {1, 1, 1, 1, "1200.00"}, {1, 2, 1, 1, "一般公共服务支出"},
                                {1, 3, 1, 1, "1100.00"},
                                {2, 0, 1, 1, "年初结转和结余"}, {2, 1, 1, 1, "100.00"}, {2, 2, 1, 1, "年末结转和结余"},
                                {2, 3, 1, 1, "200.00"},
                                {3, 0, 1, 1, "本年收入合计"}, {3, 1, 1, 1, "1300.00"}, {3, 2, 1, 1, "本年支出合计"},
                                {3, 3, 1, 1, "1300.00"}}));
  return p;
}

TEST(ReadProjects, AFinalAccountsTableGivesNoRecord) {
  std::vector<Warning> warnings;
  EXPECT_TRUE(ReadProjects({FinalAccountsPage(8)}, &warnings).empty());
  // Beside a project's 绩效目标表 it is still none, and the project keeps its index.
  auto projects = ReadProjects({FinalAccountsPage(2), StandardPage(3)}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].project_name, "校舍维修");
  EXPECT_EQ(projects[0].index, 1);
}

TEST(ReadProjects, ATotalsRowIsNoProject) {
  // A labeled table whose 项目名称 value is 合计, under a 绩效目标表 title: a totals row.
  PageContent page;
  page.page = 5;
  page.lines = {Line("项目支出绩效目标表", 50)};
  page.tables.push_back(MakeTable(5, {50, 200, 350, 500}, 2,
                                  {{0, 0, 1, 1, "项目名称"}, {0, 1, 1, 1, "合 计"}, {0, 2, 1, 1, "1300.00"},
                                   {1, 0, 1, 1, "资金总额"}, {1, 1, 1, 2, "1300.00"}}));
  EXPECT_TRUE(ReadProjects({page}, nullptr).empty());
}

// A form of the Xi'an / Yantai shape: the title above, 项目名称 and 主管部门 rows, a money block
// whose labels sit beside a spanning 项目资金（万元） cell, 总体目标 as the only goals, and an
// indicator block headed by 一级指标 | 二级指标 | 三级指标 | 指标值 beside a 绩效指标 column.
PageContent RegionalFormPage(int page) {
  PageContent p;
  p.page = page;
  p.lines = {Line("政策和项目预算绩效目标表", 50)};
  p.tables.push_back(MakeTable(
      page, {20, 100, 180, 260, 380, 460, 560}, 11,
      {{0, 0, 1, 3, "项目名称"}, {0, 3, 1, 3, "审计业务经费"},
       {1, 0, 1, 3, "主管部门及代码"}, {1, 3, 1, 1, "231_烟台市审计局"}, {1, 4, 1, 1, "实施单位"},
       {1, 5, 1, 1, "烟台市审计局"},
       {2, 0, 3, 3, "项目资金\n（万元）"}, {2, 3, 1, 1, "年度预算资金总额："}, {2, 4, 1, 2, "31.00"},
       {3, 3, 1, 1, "其中：财政拨款"}, {3, 4, 1, 2, "0.00"},
       {4, 3, 1, 1, "其他资金"}, {4, 4, 1, 2, "31.00"},
       {5, 0, 1, 1, "总体目标"}, {5, 1, 1, 5, "按照审计计划安排，依据审计法完成指定审计项目"},
       {6, 0, 1, 1, ""}, {6, 1, 1, 1, "一级指标"}, {6, 2, 1, 1, "二级指标"}, {6, 3, 1, 1, "三级指标"},
       {6, 4, 1, 2, "指标值"},
       {7, 0, 4, 1, "绩效指标"}, {7, 1, 2, 1, "成本指标"}, {7, 2, 2, 1, "经济成本"}, {7, 3, 1, 1, "项目总成本"},
       {7, 4, 1, 2, "≤31万元"},
       {8, 3, 1, 1, "审计项目人员成本标准"}, {8, 4, 1, 2, "≤560元/人/天"},
       {9, 1, 1, 1, "产出指标"}, {9, 2, 1, 1, "数量指标"}, {9, 3, 1, 1, "审计单位个数"}, {9, 4, 1, 2, "≥1个"},
       {10, 1, 1, 1, "满意度指标"}, {10, 2, 1, 1, "服务对象满意度指标"}, {10, 3, 1, 1, "被审计单位满意度"},
       {10, 4, 1, 2, "≥95%"}},
      80));
  return p;
}

TEST(ReadProjects, AFormOfTheRegionalShapeGivesItsFields) {
  std::vector<Warning> warnings;
  auto projects = ReadProjects({RegionalFormPage(30)}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_EQ(p.project_name, "审计业务经费");
  EXPECT_EQ(p.title, "政策和项目预算绩效目标表");
  EXPECT_EQ(p.money_unit, "万元");
  EXPECT_EQ(p.budget.total, 31.0);
  EXPECT_EQ(p.budget.fiscal, 0.0);
  EXPECT_EQ(p.budget.other, 31.0);
  // The goals text says 依据 and is still a value, not an indicator header.
  EXPECT_EQ(p.goals, std::vector<std::string>{"按照审计计划安排，依据审计法完成指定审计项目"});
  ASSERT_EQ(p.indicators.size(), 4u);
  EXPECT_EQ(p.indicators[1].level1, "成本指标");
  EXPECT_EQ(p.indicators[1].level3, "审计项目人员成本标准");
  EXPECT_EQ(p.indicators[1].value, "≤560元/人/天");
  EXPECT_EQ(p.indicators[3].level2, "服务对象满意度指标");
  EXPECT_EQ(p.indicators[3].value, "≥95%");
  bool department = false;
  for (const auto& [label, value] : p.attributes)
    if (label == "主管部门及代码") department = value == "231_烟台市审计局";
  EXPECT_TRUE(department);
  EXPECT_TRUE(warnings.empty());
}

// A form whose labels stand in rows of their own over their values (项目名称 | 主管部门 |
// 实施单位, then 项目类别 across the table), its money labeled in the cells that hold it, and
// its value split over 指标性质 | 指标值 | 度量单位.
PageContent LabelRowsFormPage(int page) {
  PageContent p;
  p.page = page;
  p.lines = {Line("2026年项目支出绩效目标表", 50), Line("单位：万元", 70, 450, 530)};
  p.tables.push_back(MakeTable(
      page, {20, 100, 180, 260, 340, 420, 500, 560}, 11,
      {{0, 0, 1, 3, "项目名称"}, {0, 3, 1, 2, "主管部门"}, {0, 5, 1, 2, "实施单位"},
       {1, 0, 1, 3, "档案整理"}, {1, 3, 1, 2, "南屏区教育局"}, {1, 5, 1, 2, "南屏区教育局档案馆"},
       {2, 0, 1, 7, "项目类别"},
       {3, 0, 1, 7, "专项业务类"},
       {4, 0, 1, 1, "项目资金"}, {4, 1, 1, 2, "年度资金总额：5,116.68"},
       {4, 3, 1, 2, "其中：财政拨款：5,000.00"}, {4, 5, 1, 2, "其他资金：116.68"},
       {5, 0, 1, 1, "总体目标"}, {5, 1, 1, 6, "对照上级要求完成专项检查。"},
       {6, 0, 1, 1, "一级指标"}, {6, 1, 1, 1, "二级指标"}, {6, 2, 1, 2, "三级指标"},
       {6, 4, 1, 1, "指标值"}, {6, 5, 1, 1, "指标性质"}, {6, 6, 1, 1, "度量单位"},
       {7, 0, 2, 1, "产出指标"}, {7, 1, 1, 1, "数量指标"}, {7, 2, 1, 2, "档案整理数量"},
       {7, 4, 1, 1, "50"}, {7, 5, 1, 1, "≥"}, {7, 6, 1, 1, "箱"},
       {8, 1, 1, 1, "质量指标"}, {8, 2, 1, 2, "监督检查工作符合相关文件规定"},
       {8, 4, 1, 1, "优"}, {8, 5, 1, 1, "定性"}, {8, 6, 1, 1, ""},
       {9, 0, 2, 1, "满意度指标"}, {9, 1, 2, 1, "服务对象满意度指标"}, {9, 2, 1, 2, "群众满意度"},
       {9, 4, 1, 1, "95"}, {9, 5, 1, 1, "＝"}, {9, 6, 1, 1, "%"},
       {10, 2, 1, 2, "投诉率"}, {10, 4, 1, 1, "5"}, {10, 5, 1, 1, "≤"}, {10, 6, 1, 1, "%"}},
      80));
  return p;
}

TEST(ReadProjects, LabelsInARowOfTheirOwnTakeTheirValuesFromTheRowBelow) {
  std::vector<Warning> warnings;
  const auto projects = ReadProjects({LabelRowsFormPage(5)}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  // Not "主管部门", the label beside 项目名称: its value is under it.
  EXPECT_EQ(p.project_name, "档案整理");
  EXPECT_EQ(p.attributes, (std::vector<std::pair<std::string, std::string>>{
                              {"主管部门", "南屏区教育局"}, {"实施单位", "南屏区教育局档案馆"}, {"项目类别", "专项业务类"}}));
  // Each money label and its amount in one cell, 其中：'s colon inside the label.
  EXPECT_EQ(p.money_unit, "万元");
  EXPECT_EQ(p.budget.total, 5116.68);
  EXPECT_EQ(p.budget.fiscal, 5000.0);
  EXPECT_EQ(p.budget.other, 116.68);
  // 项目资金 heads the money cells beside it: no field of its own, and 总体目标 stays the goals.
  EXPECT_EQ(p.goals, std::vector<std::string>{"对照上级要求完成专项检查。"});
  EXPECT_TRUE(warnings.empty());
}

TEST(ReadProjects, ARowOfLabelsThePageCutFromItsValuesTakesThemFromTheNextPage) {
  // Page 5 ends with the label row of a form; page 6 prints its values on top, on columns of
  // its own (the labels' edges are among them), then the rest of the form.
  PageContent first;
  first.page = 5;
  first.lines = {Line("2026年项目支出绩效目标表", 650)};
  first.tables.push_back(MakeTable(
      5, {20, 200, 380, 560}, 1,
      {{0, 0, 1, 1, "项目名称"}, {0, 1, 1, 1, "主管部门及代码"}, {0, 2, 1, 1, "实施单位"}}, 700));
  PageContent next;
  next.page = 6;
  next.tables.push_back(MakeTable(6, {20, 110, 200, 290, 380, 470, 560}, 5,
                                  {{0, 0, 1, 2, "档案整理"},
                                   {0, 2, 1, 2, "151_南屏区教育局"},
                                   {0, 4, 1, 2, "南屏区教育局档案馆"},
                                   {1, 0, 1, 2, "项目资金"},
                                   {1, 2, 1, 4, "年度资金总额：5,116.68"},
                                   {2, 0, 1, 1, "一级指标"},
                                   {2, 1, 1, 1, "二级指标"},
                                   {2, 2, 1, 2, "三级指标"},
                                   {2, 4, 1, 2, "指标值"},
                                   {3, 0, 2, 1, "产出指标"},
                                   {3, 1, 2, 1, "数量指标"},
                                   {3, 2, 1, 2, "档案整理数量"},
                                   {3, 4, 1, 2, "≥50箱"},
                                   {4, 2, 1, 2, "档案数字化数量"},
                                   {4, 4, 1, 2, "≥20箱"}},
                                  40));
  std::vector<Warning> warnings;
  const auto projects = ReadProjects({first, next}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_EQ(p.project_name, "档案整理");
  EXPECT_EQ(p.attributes,
            (std::vector<std::pair<std::string, std::string>>{
                {"主管部门及代码", "151_南屏区教育局"}, {"实施单位", "南屏区教育局档案馆"}}));
  EXPECT_EQ(p.budget.total, 5116.68);
  ASSERT_EQ(p.indicators.size(), 2u);
  EXPECT_EQ(p.indicators[1].level2, "数量指标");
  EXPECT_EQ(p.pages, (std::vector<int>{5, 6}));
  EXPECT_TRUE(warnings.empty());
}

TEST(ReadProjects, AValueSplitOverColumnsIsJoinedAndItsPartsAreAttributes) {
  const auto projects = ReadProjects({LabelRowsFormPage(5)}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  const std::vector<Indicator>& rows = projects[0].indicators;
  ASSERT_EQ(rows.size(), 4u);
  // Operator, number and unit in that order, whatever the columns' order.
  EXPECT_EQ(rows[0].value, "≥50箱");
  EXPECT_EQ(rows[0].value_normalized.kind, ValueKind::kNumeric);
  EXPECT_EQ(rows[0].attributes, (std::vector<std::pair<std::string, std::string>>{{"指标性质", "≥"}, {"度量单位", "箱"}}));
  // 定性: the value is the 指标值 alone.
  EXPECT_EQ(rows[1].value, "优");
  EXPECT_EQ(rows[1].level1, "产出指标");
  EXPECT_EQ(rows[2].value, "＝95%");
  EXPECT_EQ(rows[3].level2, "服务对象满意度指标");
  EXPECT_EQ(rows[3].value, "≤5%");
}

// LabelRowsFormPage as a scan read it: every cell's text OCR'd.
PageContent ScannedPage(PageContent p) {
  p.source = WordSource::kOcr;
  for (Table& t : p.tables)
    for (TableCell& c : t.cells) c.source = WordSource::kOcr;
  return p;
}

// The cell of `t` at (row, col).
TableCell& CellAt(Table& t, int row, int col) {
  return *std::find_if(t.cells.begin(), t.cells.end(),
                       [&](const TableCell& c) { return c.row == row && c.col == col; });
}

// Cell (row, col) of `t` made to span `rows` rows, as a lost row rule leaves it, printing
// `texts[k]` in the middle of its k-th row; the cells it covers go.
void MergeDown(Table& t, int row, int col, const std::vector<std::string>& texts) {
  const int rows = static_cast<int>(texts.size());
  t.cells.erase(std::remove_if(t.cells.begin(), t.cells.end(),
                               [&](const TableCell& c) {
                                 return c.col == col && c.row > row && c.row < row + rows;
                               }),
                t.cells.end());
  TableCell& c = CellAt(t, row, col);
  c.rowspan = rows;
  c.box.y1 = t.row_lines[row + rows];
  c.lines.clear();
  std::string joined;
  for (int k = 0; k < rows; ++k) {
    const double y = t.row_lines[row + k];
    TextLine l = Line(texts[k], y + 5, c.box.x0 + 2, c.box.x1 - 2);
    l.char_height = 10;
    l.box.y1 = y + 15;
    c.lines.push_back(l);
    joined += texts[k];
  }
  c.text = joined;
}

TEST(ReadProjects, ScannedCellsALostRowRuleMergedAreCutAlongTheRows) {
  PageContent page = ScannedPage(LabelRowsFormPage(5));
  Table& t = page.tables[0];
  // 三级指标 run into the first row's 档案整理数量, and 95 over 5 in the value column.
  MergeDown(t, 6, 2, {"三级指标", "档案整理数量"});
  MergeDown(t, 9, 4, {"95", "5"});
  std::vector<Warning> warnings;
  const auto projects = ReadProjects({page}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  const auto& rows = projects[0].indicators;
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].level3, "档案整理数量");
  EXPECT_EQ(rows[0].value, "≥50箱");
  EXPECT_EQ(rows[2].value, "＝95%");
  EXPECT_EQ(rows[3].value, "≤5%");
  // The 一级 and 二级 cells spanning their rows as printed stay whole.
  EXPECT_EQ(rows[3].level1, "满意度指标");
  EXPECT_EQ(rows[3].level2, "服务对象满意度指标");
}

TEST(ReadProjects, AWrappedLabelSpanningRowsAsPrintedIsNotCut) {
  PageContent page = ScannedPage(LabelRowsFormPage(5));
  Table& t = page.tables[0];
  // 项目资金来源（万元） over rows 4 and 5, wrapped into two lines a tenth of an em apart about
  // the rule between them: one label, not two rows' texts.
  MergeDown(t, 4, 0, {"项目资金来源（万", "元）"});
  TableCell& c = CellAt(t, 4, 0);
  c.lines[0].box.y0 = t.row_lines[5] - 11, c.lines[0].box.y1 = t.row_lines[5] - 1;
  c.lines[1].box.y0 = t.row_lines[5], c.lines[1].box.y1 = t.row_lines[5] + 10;
  page.lines = {Line("2026年项目支出绩效目标表", 50)};  // (the unit is the label's alone)
  const auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].money_unit, "万元");
  EXPECT_NEAR(projects[0].budget.total.value_or(-1), 5116.68, 0.005);
}

TEST(ReadProjects, ScannedLevelCellsALostColumnRuleMergedGiveBothTerms) {
  PageContent page = ScannedPage(LabelRowsFormPage(5));
  Table& t = page.tables[0];
  // Row 8's 一级 and 二级 cells as one (the rule between them lost): 产出指标质量指标.
  t.cells.erase(std::remove_if(t.cells.begin(), t.cells.end(),
                               [](const TableCell& c) { return c.row == 8 && c.col == 1; }),
                t.cells.end());
  CellAt(t, 7, 0).rowspan = 1;
  CellAt(t, 7, 0).box.y1 = t.row_lines[8];
  TableCell merged = CellAt(t, 7, 0);
  merged.row = 8;
  merged.colspan = 2;
  merged.box = {t.col_lines[0], t.row_lines[8], t.col_lines[2], t.row_lines[9]};
  merged.text = "产出指标质量指标";
  t.cells.push_back(merged);
  const auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  const auto& rows = projects[0].indicators;
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].level1, "产出指标");
  EXPECT_EQ(rows[1].level2, "质量指标");
  EXPECT_EQ(rows[1].level3, "监督检查工作符合相关文件规定");
}

TEST(ReadProjects, AScannedFirstFormWithoutTitleOrNameLabelReadIsNotLostInSilence) {
  // The document's first table: no title read, its 项目名称 label misread, nothing before it to
  // continue; its own money and goals over an indicator block make it a project.
  PageContent page = ScannedPage(LabelRowsFormPage(1));
  page.lines = {Line("四", 50)};
  CellAt(page.tables[0], 0, 0).text = "”AAA 项上和";
  std::vector<Warning> warnings;
  const auto projects = ReadProjects({page}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_NEAR(projects[0].budget.total.value_or(-1), 5116.68, 0.005);
  EXPECT_EQ(projects[0].indicators.size(), 4u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "project.incomplete");
}

TEST(ReadProjects, AnUnreadThirdLevelHeaderIsTheColumnRightOfTheSecond) {
  PageContent page = ScannedPage(LabelRowsFormPage(5));
  // The header row's text run into the 三级指标 cell: it names no one column (not 指标值,
  // which it holds), and the column right of 二级指标 is the third level by its place.
  CellAt(page.tables[0], 6, 2).text = "一级指标二级指标三级指标 指标值";
  const auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  const auto& rows = projects[0].indicators;
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].level3, "档案整理数量");
  EXPECT_EQ(rows[0].value, "≥50箱");
  EXPECT_EQ(rows[3].level3, "投诉率");
}

TEST(ReadProjects, AScannedFormWhoseTitleAndNameLabelWereNotReadIsANewProject) {
  // Page 2's form has lost its title and 项目名称 label (a seal over both) but prints its own
  // money and goals: a new project, not the rest of page 1's.
  PageContent first = ScannedPage(LabelRowsFormPage(1));
  PageContent second = ScannedPage(LabelRowsFormPage(2));
  second.lines = {Line("人 0年电了玉生", 50), Line("单位：万元", 70, 450, 530)};
  Table& t = second.tables[0];
  CellAt(t, 0, 0).text = "”AAA 项上和";
  CellAt(t, 4, 1).text = "年度资金总额：9,385.05";
  std::vector<Warning> warnings;
  const auto projects = ReadProjects({first, second}, &warnings);
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_NEAR(projects[0].budget.total.value_or(-1), 5116.68, 0.005);
  EXPECT_EQ(projects[0].indicators.size(), 4u);
  EXPECT_EQ(projects[1].budget.total, 9385.05);
  EXPECT_EQ(projects[1].indicators.size(), 4u);
  EXPECT_EQ(projects[1].pages, std::vector<int>{2});
  // Its name unread is said.
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "project.incomplete");
  EXPECT_EQ(warnings[0].page, 2);
}

TEST(ReadProjects, ATransferFormWithASideLabelOverItsIndicators) {
  // Beijing's 转移支付资金绩效目标表: each level of government's fiscal money on its own row, the
  // goals under 年度目标, and 绩效指标 (two edits from 绩效指标描述) beside the indicator block.
  const std::vector<double> xs = {50, 190, 410, 510, 690, 780};
  const std::vector<C> cells = {
      {0, 0, 1, 1, "转移支付名称"},
      {0, 1, 1, 1, "国有企业退休人员社会化管理服务"},
      {0, 2, 1, 1, "市级主管部门"},
      {0, 3, 1, 2, "北京市人力资源和社会保障局"},
      {1, 0, 3, 1, "资金情况（万元）"},
      {1, 1, 1, 1, "年度金额："},
      {1, 2, 1, 3, "9119.7025"},
      {2, 1, 1, 1, "其中：中央财政资金"},
      {2, 2, 1, 3, "100"},
      {3, 1, 1, 1, "市级财政资金"},
      {3, 2, 1, 3, "9019.7025"},
      {4, 0, 2, 1, "年度总体目标"},
      {4, 1, 1, 4, "年度目标"},
      {5, 1, 1, 4, "国有企业已退休人员管理服务工作与原企业分离。"},
      {6, 0, 3, 1, "绩效指标"},
      {6, 1, 1, 1, "一级指标"},
      {6, 2, 1, 1, "二级指标"},
      {6, 3, 1, 1, "三级指标"},
      {6, 4, 1, 1, "指标值"},
      {7, 1, 2, 1, "产出指标"},
      {7, 2, 2, 1, "数量指标"},
      {7, 3, 1, 1, "退休人员与原企业分离的比例"},
      {7, 4, 1, 1, "100%"},
      {8, 3, 1, 1, "新办理退休人员与原企业分离的比例"},
      {8, 4, 1, 1, "100%"},
  };
  PageContent page;
  page.page = 44;
  page.lines = {Line("预算14表 社会保障和就业共同财政事权转移支付资金绩效目标表", 60)};
  page.tables.push_back(MakeTable(44, xs, 9, cells));
  std::vector<Warning> warnings;
  auto projects = ReadProjects({page}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_EQ(p.project_name, "国有企业退休人员社会化管理服务");
  EXPECT_EQ(p.budget.total, 9119.7025);
  EXPECT_EQ(p.budget.fiscal, 9119.7025);  // 100 + 9019.7025
  EXPECT_EQ(p.goals, std::vector<std::string>{"国有企业已退休人员管理服务工作与原企业分离。"});
  ASSERT_EQ(p.indicators.size(), 2u);
  EXPECT_EQ(p.indicators[1].level1, "产出指标");
  EXPECT_EQ(p.indicators[1].level3, "新办理退休人员与原企业分离的比例");
  EXPECT_EQ(p.indicators[1].value, "100%");
  EXPECT_TRUE(warnings.empty());
}

TEST(ReadProjects, ATitledFormWithoutIndicatorsGivesItsRecordAndAWarning) {
  PageContent page = RegionalFormPage(12);
  Table& t = page.tables[0];
  // The indicator block is lost (cut off, unreadable): only the upper block remains.
  t.cells.erase(std::remove_if(t.cells.begin(), t.cells.end(), [](const TableCell& c) { return c.row >= 6; }),
                t.cells.end());
  t.rows = 6;
  std::vector<Warning> warnings;
  auto projects = ReadProjects({page}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].project_name, "审计业务经费");
  EXPECT_NEAR(projects[0].budget.total.value_or(-1), 31.0, 0.005);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].page, 12);
  EXPECT_NE(warnings[0].message.find("page 12"), std::string::npos) << warnings[0].message;
  EXPECT_NE(warnings[0].message.find("indicator rows"), std::string::npos) << warnings[0].message;
  // Without its title it is some other table with a 项目名称 row: no record.
  page.lines.clear();
  EXPECT_TRUE(ReadProjects({page}, nullptr).empty());
}

TEST(ReadProjects, AFormWithoutANameLabelIsNamedByItsTitle) {
  // The title printed in the table's top row, no 项目名称 row (the section heading above is
  // not the project's title).
  PageContent page;
  page.page = 29;
  page.lines = {Line("1.项目支出绩效目标表", 50)};
  page.tables.push_back(MakeTable(29, {50, 150, 250, 350, 450}, 4,
                                  {{0, 0, 1, 4, "警务辅助人员经费项目绩效目标表"},
                                   {1, 0, 1, 1, "一级指标"}, {1, 1, 1, 1, "二级指标"}, {1, 2, 1, 1, "三级指标"},
                                   {1, 3, 1, 1, "指标值"},
                                   {2, 0, 1, 1, "产出指标"}, {2, 1, 1, 1, "数量指标"}, {2, 2, 1, 1, "聘用人员数量"},
                                   {2, 3, 1, 1, "≤10 人"},
                                   {3, 0, 1, 1, "满意度指标"}, {3, 1, 1, 1, "服务对象满意度指标"},
                                   {3, 2, 1, 1, "诉求件数"}, {3, 3, 1, 1, "≤10 件"}},
                                  80));
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].title, "警务辅助人员经费项目绩效目标表");
  EXPECT_EQ(projects[0].project_name, "警务辅助人员经费");
  EXPECT_EQ(projects[0].indicators.size(), 2u);
  // A generic title names no project.
  page.tables[0].cells[0].text = "项目支出绩效目标表";
  EXPECT_EQ(ReadProjects({page}, nullptr)[0].project_name, "");
}

TEST(ReadProjects, ABlankFormIsNoProject) {
  PageContent page = RegionalFormPage(44);
  for (TableCell& c : page.tables[0].cells)
    if (c.text == "审计业务经费" || c.text == "31.00" || c.text == "0.00" || c.row >= 7) c.text.clear();
  EXPECT_TRUE(ReadProjects({page}, nullptr).empty());
}

TEST(SplitNumbered, DropsNumberingAndKeepsFinalStop) {
  EXPECT_EQ(SplitNumbered("1、负责管理工作。 2、机关事务 3、工资及保险等"),
            (std::vector<std::string>{"负责管理工作。", "机关事务", "工资及保险等"}));
  EXPECT_EQ(SplitNumbered("1.完成2020年任务；2.提高效率"),
            (std::vector<std::string>{"完成2020年任务", "提高效率"}));
  EXPECT_EQ(SplitNumbered("（1）甲（2）乙"), (std::vector<std::string>{"甲", "乙"}));
  EXPECT_EQ(SplitNumbered("保障机关正常运转"), (std::vector<std::string>{"保障机关正常运转"}));
  // "12、" inside an item is not item 2.
  EXPECT_EQ(SplitNumbered("1、维修12、13号楼"), (std::vector<std::string>{"维修12、13号楼"}));
  EXPECT_TRUE(SplitNumbered("").empty());
  // A first number a scan garbled still opens the list when item 2 follows.
  EXPECT_EQ(SplitNumbered("TI、完成绿化2、苗木成活"), (std::vector<std::string>{"完成绿化", "苗木成活"}));
  EXPECT_EQ(SplitNumbered("TI、完成绿化"), (std::vector<std::string>{"TI、完成绿化"}));
  // ... or lost, its stop left.
  EXPECT_EQ(SplitNumbered(". 完成新增绿化面积 2. 苗木成活"), (std::vector<std::string>{"完成新增绿化面积", "苗木成活"}));
  EXPECT_EQ(SplitNumbered(". 完成新增绿化面积"), (std::vector<std::string>{". 完成新增绿化面积"}));
  EXPECT_EQ(SplitNumbered("1 落实森林管护100%2、森林火灾3…公益林稳定"),
            (std::vector<std::string>{"落实森林管护100%", "森林火灾", "公益林稳定"}));
  EXPECT_EQ(SplitNumbered("1 落实森林管护"), (std::vector<std::string>{"1 落实森林管护"}));
  EXPECT_EQ(SplitNumbered("1、提升…2、完成"), (std::vector<std::string>{"提升…", "完成"}));
  EXPECT_EQ(SplitNumbered("1、完成3…5项"), (std::vector<std::string>{"完成3…5项"}));
  // A speck read as a mark after the number is no part of the item.
  EXPECT_EQ(SplitNumbered("1、. 完成新增绿化2、，苗木成活"), (std::vector<std::string>{"完成新增绿化", "苗木成活"}));
}

// An OCR'd list (ListMending) goes by its numbers' sequence, and gets the 。 its other items end
// with; a text-layer list is as printed.
TEST(SplitNumbered, OcrListGoesBySequence) {
  const ListMending ocr{true, {}};
  using Items = std::vector<std::string>;
  struct Case {
    std::string in;
    Items digital, scanned;
    Ids fixes;
  };
  const std::vector<Case> cases = {
      // A glyph read for the expected number before its 、 (issue 15: >、 for 2、).
      {"1、完成校舍维修。>、更新教学设备。3、培训教师200人次。",
       {"完成校舍维修。>、更新教学设备。3、培训教师200人次。"},
       {"完成校舍维修。", "更新教学设备。", "培训教师200人次。"},
       {"records.item_sequence"}},
      // The expected number with its 、 read as a space, as the last item.
      {"1、完成校舍维修；2 更新教学设备",
       {"完成校舍维修；2 更新教学设备"},
       {"完成校舍维修", "更新教学设备"},
       {"records.item_sequence"}},
      // A marker lost altogether: item 2 begins after the 。 that ends item 1, and item 3
      // keeps its place.
      {"1、完成校舍维修。更新教学设备。3、培训教师。",
       {"完成校舍维修。更新教学设备。3、培训教师。"},
       {"完成校舍维修。", "更新教学设备。", "培训教师。"},
       {"records.item_sequence"}},
      // A generated form's goals on an archive scan (form-130855-21, scan-sim seed 74): each
      // 、 read as a space; item 3's marker confirms item 2's.
      {"1、落实安全管理责任，确保全年无重大安全责任事故2 按照年度工作计划完成各项任务3 "
       "完善工作机制",
       {"落实安全管理责任，确保全年无重大安全责任事故2 按照年度工作计划完成各项任务3 完善工作机制"},
       {"落实安全管理责任，确保全年无重大安全责任事故", "按照年度工作计划完成各项任务",
        "完善工作机制"},
       {"records.item_sequence"}},
      {"1、做好宣传引导工作，扩大社会影响力 2 按照年度工作计划完成各项任务",
       {"做好宣传引导工作，扩大社会影响力 2 按照年度工作计划完成各项任务"},
       {"做好宣传引导工作，扩大社会影响力", "按照年度工作计划完成各项任务"},
       {"records.item_sequence"}},
      {"1 通过购买服务方式引入专业机构",
       {"1 通过购买服务方式引入专业机构"},
       {"通过购买服务方式引入专业机构"},
       {"records.item_sequence"}},
      // A 。 or a speck read as . before the number (list-130855-12, seed 74).
      {"1、推进信息化建设，实现数据共享和业务协同.2 "
       "对照上级要求完成专项检查3、按照年度计划完成任务",
       {"推进信息化建设，实现数据共享和业务协同.2 对照上级要求完成专项检查3、按照年度计划完成任务"},
       {"推进信息化建设，实现数据共享和业务协同", "对照上级要求完成专项检查",
        "按照年度计划完成任务"},
       {"records.item_sequence"}},
      // Counts are no numbers of items, nor is a decimal's digit.
      {"1、增长1.2 倍以上", {"增长1.2 倍以上"}, {"增长1.2 倍以上"}, {}},
      {"1、完成2 项工程改造，新增3 个站点",
       {"完成2 项工程改造，新增3 个站点"},
       {"完成2 项工程改造，新增3 个站点"},
       {}},
      // The one item without the 。 the others end with.
      {"1、完成校舍维修。2、更新教学设备3、培训教师。",
       {"完成校舍维修。", "更新教学设备", "培训教师。"},
       {"完成校舍维修。", "更新教学设备。", "培训教师。"},
       {"records.list_full_stop"}},
      // Left alone: a number inside an item's text, a list whose items end as they like, two
      // items only.
      {"1、完成校舍维修。2 项工程已开工。2、更新设备。",
       {"完成校舍维修。2 项工程已开工。", "更新设备。"},
       {"完成校舍维修。2 项工程已开工。", "更新设备。"},
       {}},
      {"1、完成维修2、更新设备。3、培训教师",
       {"完成维修", "更新设备。", "培训教师"},
       {"完成维修", "更新设备。", "培训教师"},
       {}},
      {"1、完成维修。2、更新设备", {"完成维修。", "更新设备"}, {"完成维修。", "更新设备"}, {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SplitNumbered(c.in), c.digital) << c.in;
    EXPECT_EQ(SplitNumbered(c.in, ListMending{}, nullptr), c.digital) << c.in;
    Ids fixes;
    EXPECT_EQ(SplitNumbered(c.in, ocr, &fixes), c.scanned) << c.in;
    EXPECT_EQ(fixes, c.fixes) << c.in;
    // Switched off, the fix leaves the list as the text layer's.
    for (const std::string& id : c.fixes) {
      ListMending without = ocr;
      without.fixes.Disable(id);
      EXPECT_EQ(SplitNumbered(c.in, without, nullptr), c.digital) << c.in << " without " << id;
    }
  }
}

TEST(ReadSections, ReadsPartOne) {
  PageContent toc;
  toc.page = 2;
  toc.lines = {Line("目 录", 40), Line("第一部分 部门整体绩效目标", 60), Line("总体绩效目标……1", 80)};
  PageContent p;
  p.page = 3;
  p.lines = {Line("第一部分 部门整体绩效目标", 40), Line("一、总体绩效目标", 60),
             Line("全面贯彻教育方针，", 80), Line("办好人民满意的教育。", 95),
             Line("二、分项绩效目标", 110), Line("（一）绩效目标：改善办学条件", 130),
             Line("维修校舍，", 145), Line("更新设备。", 160), Line("（二）绩效目标：提升质量。", 175),
             Line("加强教师培训。", 190), Line("三、工作保障措施", 205),
             Line("（一）加强组织领导。成立领导小组，", 220), Line("统筹推进。", 235), Line("3", 800)};
  Sections s = ReadSections({toc, p});
  EXPECT_EQ(s.overall, "全面贯彻教育方针，办好人民满意的教育。");
  ASSERT_EQ(s.goals.size(), 2u);
  EXPECT_EQ(s.goals[0].no, "一");
  EXPECT_EQ(s.goals[0].title, "改善办学条件");
  EXPECT_EQ(s.goals[0].text, "维修校舍，更新设备。");
  EXPECT_EQ(s.goals[1].title, "提升质量");
  ASSERT_EQ(s.measures.size(), 1u);
  EXPECT_EQ(s.measures[0].title, "加强组织领导");
  EXPECT_EQ(s.measures[0].text, "成立领导小组，统筹推进。");
}

TEST(ReadProjects, UnitLineWithAScanSpeckBetweenCodeAndName) {
  for (const char* line : {"205001·某县教育局机关", "205001. 某县教育局机关", "205001某县教育局机关"}) {
    PageContent p = StandardPage(3);
    p.lines[1] = Line(line, 75, 50, 200);
    auto projects = ReadProjects({p}, nullptr);
    ASSERT_EQ(projects.size(), 1u) << line;
    EXPECT_EQ(projects[0].unit_code, "205001") << line;
    EXPECT_EQ(projects[0].unit_name, "某县教育局机关") << line;
  }
  // A year is no unit code.
  PageContent p = StandardPage(3);
  p.lines[1] = Line("2021年某县教育局机关", 75, 50, 200);
  EXPECT_EQ(ReadProjects({p}, nullptr)[0].unit_code, "");
}

TEST(ReadSections, ItemNumberWithASpeckInItsBrackets) {
  PageContent p;
  p.page = 3;
  p.lines = {Line("二、分项绩效目标", 40), Line("（一）绩效目标：改善办学条件", 60), Line("维修校舍。", 80),
             Line("(/二) 绩效目标：提升质量", 100), Line("加强教师培训。", 120)};
  Sections s = ReadSections({p});
  ASSERT_EQ(s.goals.size(), 2u);
  EXPECT_EQ(s.goals[1].no, "二");
  EXPECT_EQ(s.goals[1].title, "提升质量");
  EXPECT_EQ(s.goals[1].text, "加强教师培训。");
}

// A scanned part 1 (issue 15): （血） where （四） is due, and a 。 the scan lost at the end of
// one item's text. The same lines from a text layer are as printed.
TEST(ReadSections, ScannedItemsGoBySequence) {
  PageContent p;
  p.page = 3;
  p.lines = {Line("二、分项绩效目标", 40),
             Line("（一）绩效目标：改善办学条件", 60),
             Line("维修校舍。", 80),
             Line("（二）绩效目标：提升质量", 100),
             Line("加强教师培训。", 120),
             Line("（三）绩效目标：保障安全", 140),
             Line("排查隐患", 160),
             Line("(血)绩效目标：资助困难学生", 180),
             Line("落实资助政策。", 200),
             Line("三、工作保障措施", 220),
             Line("（一）加强组织领导。成立领导小组。", 240)};
  const Sections digital = ReadSections({p});
  ASSERT_EQ(digital.goals.size(), 3u);
  EXPECT_EQ(digital.goals[2].text, "排查隐患(血)绩效目标：资助困难学生落实资助政策。");
  p.source = WordSource::kOcr;
  const Sections scanned = ReadSections({p});
  ASSERT_EQ(scanned.goals.size(), 4u);
  EXPECT_EQ(scanned.goals[2].text, "排查隐患。");
  EXPECT_EQ(scanned.goals[3].no, "四");
  EXPECT_EQ(scanned.goals[3].title, "资助困难学生");
  EXPECT_EQ(scanned.goals[3].text, "落实资助政策。");
  // Each fix off by itself.
  FixSwitches no_sequence, no_stop;
  no_sequence.Disable("records.item_sequence");
  no_stop.Disable("records.list_full_stop");
  EXPECT_EQ(ReadSections({p}, no_sequence).goals.size(), 3u);
  EXPECT_EQ(ReadSections({p}, no_stop).goals[2].text, "排查隐患");
  // A glyph that neither looks like 四 nor opens the text as the items before it did is no
  // item number.
  p.lines[7] = Line("(含)资助困难学生", 180);
  EXPECT_EQ(ReadSections({p}).goals.size(), 3u);
}

TEST(ReadSections, HeadingWithOneCharacterMisread) {
  PageContent p;
  p.page = 3;
  p.lines = {Line("一、总体绩效目标", 40), Line("办好人民满意的教育。", 60), Line("二、分项绩效自标", 80),
             Line("（一）绩效目标：改善办学条件", 100), Line("维修校舍。", 120), Line("三、工作保障揩施", 140),
             Line("（一）加强组织领导。成立领导小组。", 160)};
  Sections s = ReadSections({p});
  EXPECT_EQ(s.overall, "办好人民满意的教育。");
  ASSERT_EQ(s.goals.size(), 1u);
  EXPECT_EQ(s.goals[0].title, "改善办学条件");
  ASSERT_EQ(s.measures.size(), 1u);
  EXPECT_EQ(s.measures[0].title, "加强组织领导");
  // Two characters off is another heading.
  p.lines[2] = Line("二、分项工作自标", 80);
  EXPECT_TRUE(ReadSections({p}).goals.empty());
}

// Projects whose indicator rows give level 1 and level 2 texts, one cell each, read by OCR
// with `confidence`.
std::vector<Project> Levels(const std::vector<std::pair<std::string, std::string>>& rows,
                            double confidence = 0.98) {
  std::vector<Project> projects(1);
  Project& p = projects[0];
  for (size_t i = 0; i < rows.size(); ++i) {
    Indicator ind;
    ind.level1 = rows[i].first;
    ind.level2 = rows[i].second;
    p.indicators.push_back(ind);
    for (const char* f : {"level1", "level2"}) {
      Source s;
      s.page = 1;
      s.box = {f[5] == '1' ? 40.0 : 110.0, 100.0 + 20 * i, f[5] == '1' ? 100.0 : 170.0,
               118.0 + 20 * i};
      s.source = WordSource::kOcr;
      s.confidence = confidence;
      p.provenance["indicators[" + std::to_string(i) + "]." + f] = s;
    }
  }
  return projects;
}

TEST(SettleIndicatorLevels, ACellOneCharacterOffATermOfItsColumnIsThatTerm) {
  auto projects = Levels({{"产出指标", "数量指标"},
                          {"产出指标", "质量指标"},
                          {"效果指标", "社会效益指标"},
                          {"效果指标", "社会效益指标"},
                          {"效黑指标", "社会效益指标"}});
  EXPECT_EQ(SettleIndicatorLevels(projects), 1);
  EXPECT_EQ(projects[0].indicators[4].level1, "效果指标");
  EXPECT_TRUE(projects[0].provenance["indicators[4].level1"].corrected);
  EXPECT_EQ(projects[0].provenance["indicators[4].level1"].fixes,
            std::vector<std::string>{"records.indicator_levels"});
  EXPECT_FALSE(projects[0].provenance["indicators[0].level1"].corrected);
  EXPECT_TRUE(projects[0].provenance["indicators[0].level1"].fixes.empty());
}

TEST(SettleIndicatorLevels, TwoCharactersOffOnlyWhenReadWithDoubt) {
  const std::vector<std::pair<std::string, std::string>> rows{
      {"产出指标", "数量指标"}, {"产出指标", "数量指标"}, {"上声出指标", "数量指标"}};
  auto sure = Levels(rows, 0.98);
  EXPECT_EQ(SettleIndicatorLevels(sure), 0);
  EXPECT_EQ(sure[0].indicators[2].level1, "上声出指标");
  auto doubted = Levels(rows, 0.7);
  EXPECT_EQ(SettleIndicatorLevels(doubted), 1);
  EXPECT_EQ(doubted[0].indicators[2].level1, "产出指标");
}

TEST(SettleIndicatorLevels, TermsTheColumnPrintsStayAndTiesAreLeftAlone) {
  // 数量指标 and 质量指标 are one character apart and both printed: each stays. 贡量指标 is as
  // near to both: nothing to decide. A term printed in one cell only proposes nothing.
  auto projects = Levels({{"产出指标", "数量指标"},
                          {"产出指标", "数量指标"},
                          {"产出指标", "质量指标"},
                          {"产出指标", "质量指标"},
                          {"产出指标", "贡量指标"},
                          {"效益指标", "时效指标"},
                          {"产出指标", "时郊指标"}},
                         0.7);
  EXPECT_EQ(SettleIndicatorLevels(projects), 0);
  EXPECT_EQ(projects[0].indicators[4].level2, "贡量指标");
  EXPECT_EQ(projects[0].indicators[5].level1, "效益指标");
  EXPECT_EQ(projects[0].indicators[6].level2, "时郊指标");
}

TEST(SettleIndicatorLevels, TheTextLayerIsAsPrinted) {
  auto projects =
      Levels({{"产出指标", "数量指标"}, {"产出指标", "数量指标"}, {"产出指标", "数最指标"}});
  for (auto& [k, s] : projects[0].provenance) s.source = WordSource::kTextLayer;
  EXPECT_EQ(SettleIndicatorLevels(projects), 0);
  EXPECT_EQ(projects[0].indicators[2].level2, "数最指标");
}

TEST(ReadMeta, ReadsTheCover) {
  PageContent cover;
  cover.page = 1;
  cover.lines = {Line("某县教育局", 100), Line("2021 年部门预算绩效文本", 150), Line("（草案）", 180),
                 Line("某县教育局编制", 600), Line("某县财政局审核", 630)};
  DocumentMeta m = ReadMeta({cover});
  EXPECT_EQ(m.department, "某县教育局");
  EXPECT_EQ(m.title, "2021 年部门预算绩效文本");
  EXPECT_EQ(m.year, 2021);
  EXPECT_TRUE(m.draft);
  EXPECT_EQ(m.compiled_by, "某县教育局编制");
  EXPECT_EQ(m.reviewed_by, "某县财政局审核");
}

// ---------------------------------------------------------------- the text around the tables

// A page whose only table is a budget table (收支总表) under its heading.
PageContent BudgetTablePage(const std::string& heading) {
  PageContent p;
  p.page = 1;
  p.lines = {Line(heading, 40), Line("单位：万元", 60, 450, 530)};
  p.tables.push_back(MakeTable(1, {50, 200, 300}, 2,
                               {{0, 0, 1, 1, "项　　目"},
                                {0, 1, 1, 1, "预算数"},
                                {1, 0, 1, 1, "一、一般公共预算拨款收入"},
                                {1, 1, 1, 1, "4718.55"}}));
  return p;
}

TEST(ReadMeta, ADocumentWithoutCoverIsTitledByItsFirstHeadingWhichNamesItsDepartment) {
  std::vector<PageContent> pages = {BudgetTablePage("南屏区商务局2022年部门收支总表")};
  DocumentMeta m = ReadMeta(pages);
  EXPECT_EQ(m.title, "南屏区商务局2022年部门收支总表");
  EXPECT_EQ(m.year, 2022);
  DepartmentFromProjects(m, {});
  DepartmentFromHeadings(m, pages, {});
  EXPECT_EQ(m.department, "南屏区商务局");
}

TEST(ReadMeta, ABudgetTableBeforeTheFormsNamesTheDepartmentNotTheTitle) {
  // The title is the first performance table's (samples/tianbao-2022), the department the
  // organization the first heading names.
  std::vector<PageContent> pages = {BudgetTablePage("青峪县林业和草原局2022年部门收支总表"),
                                    StandardPage(2)};
  pages[1].lines[0] = Line("财政项目支出绩效目标填报表", 50);
  DocumentMeta m = ReadMeta(pages);
  EXPECT_EQ(m.title, "财政项目支出绩效目标填报表");
  EXPECT_EQ(m.year, 2022);
  DepartmentFromHeadings(m, pages, {});
  EXPECT_EQ(m.department, "青峪县林业和草原局");
}

TEST(ReadMeta, AHeadingTheScanRuledIntoTheTableNamesTheDepartmentAndTheYear) {
  // A seal's ring drew a rule under the heading: 部门名称 and the year under the title are in
  // the list's top row, and no line above the table prints them.
  PageContent p;
  p.page = 1;
  p.lines = {Line("AN", 20)};  // the seal's strokes above the table
  p.tables.push_back(MakeTable(1, {50, 200, 300, 500}, 3,
                               {{0, 0, 1, 1, "部门名称：临川市生态环境局"},
                                {0, 1, 1, 2, "年度项目支出绩效表（2021年度） 金额单位：万元"},
                                {1, 0, 1, 1, "项目名称"},
                                {1, 1, 1, 1, "资金总额"},
                                {1, 2, 1, 1, "绩效目标"},
                                {2, 0, 1, 1, "信用信息归集服务"},
                                {2, 1, 1, 1, "2021年12月底前完成"}}));
  DocumentMeta m = ReadMeta({p});
  EXPECT_EQ(m.year, 2021);
  DepartmentFromHeadings(m, {p}, {});
  EXPECT_EQ(m.department, "临川市生态环境局");
  // A row below the heading's rows names no department, nor does a year in a sentence.
  PageContent lower = p;
  lower.tables[0].cells[0].text = "";
  lower.tables[0].cells[1].text = "";
  lower.tables[0].cells.back().text = "部门名称：另一局（2020年度）";
  lower.tables[0].cells.back().row = 2;
  m = ReadMeta({lower});
  EXPECT_FALSE(m.year.has_value());
  DepartmentFromHeadings(m, {lower}, {});
  EXPECT_EQ(m.department, "");
}

TEST(ReadMeta, TheFirstHeadingIsNotATableNumberNorTheYearUnderIt) {
  PageContent p;
  p.page = 1;
  p.lines = {Line("表12-1", 30, 50, 100), Line("部门专项业务经费绩效目标表", 45),
             Line("（2022年度）", 62), Line("单位：万元", 75, 450, 530)};
  DocumentMeta m = ReadMeta({p});
  EXPECT_EQ(m.title, "部门专项业务经费绩效目标表");
  EXPECT_EQ(m.year, 2022);
  DepartmentFromHeadings(m, {p}, {});
  EXPECT_EQ(m.department, "");  // the title names no organization
}

TEST(ReadMeta, ACoverTitleBrokenOverShortLinesIsJoined) {
  PageContent p;
  p.page = 1;
  p.lines = {Line("2026 年度", 100), Line("泉州市人民政府办公室", 130),
             Line("（本级）", 160),  Line("单位预算", 190),
             Line("目   录", 400),   Line("第一部分 单位概况......................... 1", 430)};
  DocumentMeta m = ReadMeta({p});
  EXPECT_EQ(m.title, "2026 年度泉州市人民政府办公室（本级）单位预算");
  EXPECT_EQ(m.year, 2026);
  DepartmentFromHeadings(m, {p}, {});
  EXPECT_EQ(m.department, "泉州市人民政府办公室(本级)");
}

TEST(DepartmentFromHeadings, ALabeledLineAboveATableNamesTheDepartment) {
  PageContent cover;
  cover.page = 1;
  cover.lines = {Line("2026年烟台市审计局部门预算", 100)};
  PageContent table = BudgetTablePage("一般公共预算支出表");
  table.page = 2;
  table.lines.push_back(Line("部门（单位）：烟台市审计局附属中心    单位：万元", 60));
  DocumentMeta m = ReadMeta({cover, table});
  ASSERT_TRUE(m.department.empty());
  DepartmentFromHeadings(m, {cover, table}, {});
  EXPECT_EQ(m.department,
            "烟台市审计局附属中心");  // printed as a label's value: before the title's
  DocumentMeta untitled = ReadMeta({cover});
  DepartmentFromHeadings(untitled, {cover}, {});
  EXPECT_EQ(untitled.department, "烟台市审计局");  // between the year and 部门预算
}

TEST(DepartmentFromHeadings, ADepartmentTableNamesTheDepartment) {
  Project dept;
  dept.kind = "department";
  dept.project_name = "北京市医疗保障局";
  std::vector<PageContent> pages = {BudgetTablePage("预算01表 收支总表")};
  DocumentMeta m = ReadMeta(pages);
  EXPECT_EQ(m.title, "预算01表 收支总表");
  DepartmentFromHeadings(m, pages, {dept});
  EXPECT_EQ(m.department, "北京市医疗保障局");
}

TEST(DepartmentFromProjects, TheCodeBeforeTheDepartmentIsDropped) {
  Project p;
  p.attributes = {{"主管部门及代码", "231_烟台市审计局"}, {"实施单位", "烟台市审计局"}};
  DocumentMeta m;
  DepartmentFromProjects(m, {p});
  EXPECT_EQ(m.department, "烟台市审计局");
}

TEST(ReadProjects, ALabeledUnitLineAboveAFormNamesItsUnit) {
  PageContent page = StandardPage(3);
  page.lines = {Line("校舍维修项目绩效目标表", 50), Line("部门名称：某县教育局    单位：万元", 75)};
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].title, "校舍维修项目绩效目标表");
  EXPECT_EQ(projects[0].unit_name, "某县教育局");
  EXPECT_EQ(projects[0].unit_code, "");
  EXPECT_EQ(projects[0].money_unit, "万元");
}

TEST(ReadProjects, ASentenceStartingWithAYearIsNoUnitLine) {
  PageContent page = StandardPage(3);
  page.lines = {Line("2026 年，某区生态环境局按照全面实施预算绩效管理的要求", 50),
                Line("1、校舍维修绩效目标表", 62)};
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].unit_code, "");
  EXPECT_EQ(projects[0].unit_name, "");
}

TEST(ReadProjects, AListTakesItsTitleAndUnitFromTheLinesAboveIt) {
  // 项目名称 | 资金总额 | 财政资金 | 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值, under a
  // title with a remark and the unit's line.
  const std::vector<double> xs = {50, 150, 200, 250, 350, 410, 470, 600, 700};
  std::vector<C> cells = {{0, 0, 1, 1, "项目名称"}, {0, 1, 1, 1, "资金总额"},
                          {0, 2, 1, 1, "财政资金"}, {0, 3, 1, 1, "绩效目标"},
                          {0, 4, 1, 1, "一级指标"}, {0, 5, 1, 1, "二级指标"},
                          {0, 6, 1, 1, "三级指标"}, {0, 7, 1, 1, "指标值"}};
  const std::vector<std::string> names = {"数据中心运行维护", "专家评审服务"};
  for (int g = 0; g < 2; ++g) {
    const int r = 1 + 2 * g;
    for (const C& c : std::vector<C>{{r, 0, 2, 1, names[g]},
                                     {r, 1, 2, 1, "100.00"},
                                     {r, 2, 2, 1, "100.00"},
                                     {r, 3, 2, 1, "按期完成。"},
                                     {r, 4, 1, 1, "产出指标"},
                                     {r, 5, 1, 1, "数量指标"},
                                     {r, 6, 1, 1, "培训人次"},
                                     {r, 7, 1, 1, "≥20人次"},
                                     {r + 1, 4, 1, 1, "满意度指标"},
                                     {r + 1, 5, 1, 1, "服务对象满意度"},
                                     {r + 1, 6, 1, 1, "满意度"},
                                     {r + 1, 7, 1, 1, "≥95%"}})
      cells.push_back(c);
  }
  for (const std::string title : {"年度项目支出绩效表", "项目支出绩效目标表（含转移支付项目）"}) {
    PageContent page;
    page.page = 1;
    page.lines = {Line(title, 40), Line("（2022年度）", 55),
                  Line("部门名称：南屏区商务局", 70, 50, 200),
                  Line("金额单位：万元", 70, 450, 530)};
    page.tables.push_back(MakeTable(1, xs, 5, cells));
    auto projects = ReadProjects({page}, nullptr);
    ASSERT_EQ(projects.size(), 2u) << title;
    for (const Project& p : projects) {
      EXPECT_EQ(Compact(p.title), Compact(title));
      EXPECT_EQ(p.unit_name, "南屏区商务局");
      EXPECT_EQ(p.money_unit, "万元");
    }
  }
}

TEST(ReadProjects, EveryProvenanceKeyIsAFieldPathOfItsProject) {
  // An indicator column the contract does not name (分值) is the indicator's attribute, and its
  // cells' provenance is under that attribute's path, as a correction or a check names it.
  PageContent page = StandardPage(3);
  for (TableCell& c : page.tables[0].cells) {
    if (c.text == "绩效指标描述") c.text = "分值";
    if (c.row >= 7 && c.col == 4) c.text = c.row == 7 ? "10" : "20";
    for (TextLine& l : c.lines) l.text = c.text;
  }
  std::vector<Warning> warnings;
  const auto projects = ReadProjects({page}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  ASSERT_EQ(p.indicators.size(), 2u);
  EXPECT_EQ(p.indicators[1].attributes,
            (std::vector<std::pair<std::string, std::string>>{{"分值", "20"}}));
  EXPECT_TRUE(p.indicators[1].description.empty());
  EXPECT_EQ(p.provenance.count("indicators[1].attributes.分值"), 1u);
  for (const auto& [key, source] : p.provenance) {
    std::string why;
    EXPECT_TRUE(ParseFieldPath(key, p, &why)) << key << ": " << why;
  }
}

}  // namespace
}  // namespace jixiao
