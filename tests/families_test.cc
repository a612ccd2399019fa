// The list, packed and department families (docs/CONTRACT.md, "Template families") from tables
// built by hand.
#include "records/families.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "records/records.h"
#include "tests/table_testing.h"
#include "vocabulary/vocabulary.h"

namespace jixiao {
namespace {

using table_testing::C;
using table_testing::Line;
using table_testing::MakeTable;

PageContent Page(int page, Table t) {
  PageContent p;
  p.page = page;
  p.lines = {Line("预算12表 项目支出绩效目标表", 40), Line("金额单位：万元", 60)};
  p.tables.push_back(std::move(t));
  return p;
}

// 项目名称 | 项目总额 | 财政资金 | 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 绩效指标性质 |
// 本年绩效指标值 | 绩效度量单位
const std::vector<double> kListXs = {50, 150, 200, 250, 350, 410, 470, 600, 650, 700, 750};

std::vector<C> ListHeader() {
  return {{0, 0, 1, 1, "项目名称"},    {0, 1, 1, 1, "项目总额"},     {0, 2, 1, 1, "财政资金"},
          {0, 3, 1, 1, "绩效目标"},    {0, 4, 1, 1, "一级指标"},     {0, 5, 1, 1, "二级指标"},
          {0, 6, 1, 1, "三级指标"},    {0, 7, 1, 1, "绩效指标性质"}, {0, 8, 1, 1, "本年绩效指标值"},
          {0, 9, 1, 1, "绩效度量单位"}};
}

// The left cells of a group spanning `rows` rows from `row`.
void Group(std::vector<C>& cells, int row, int rows, const std::string& name,
           const std::string& total, const std::string& goal) {
  cells.push_back({row, 0, rows, 1, name});
  cells.push_back({row, 1, rows, 1, total});
  cells.push_back({row, 2, rows, 1, total});
  cells.push_back({row, 3, rows, 1, goal});
}

void Indicator(std::vector<C>& cells, int row, const std::string& l1, const std::string& l2,
               const std::string& l3, const std::string& op, const std::string& value,
               const std::string& unit) {
  for (const C& c : std::vector<C>{{row, 4, 1, 1, l1},
                                   {row, 5, 1, 1, l2},
                                   {row, 6, 1, 1, l3},
                                   {row, 7, 1, 1, op},
                                   {row, 8, 1, 1, value},
                                   {row, 9, 1, 1, unit}})
    cells.push_back(c);
}

TEST(ListTable, EachGroupOfRowsIsOneRecordWithItsOwnIndicators) {
  std::vector<C> cells = ListHeader();
  Group(cells, 1, 2, "11000026T000003742166-就业管理咨询与评审服务项目", "20.5", "1、完成评审。");
  Indicator(cells, 1, "产出指标", "数量指标", "评审机构数", "≥", "20", "家");
  Indicator(cells, 2, "效益指标", "社会效益指标", "服务质量", "定性", "优", "");
  Group(cells, 3, 3, "11000022T000000444 004-医疗保障工作宣传服务", "723.3", "做好宣传。");
  Indicator(cells, 3, "产出指标", "数量指标", "宣传视频", "＝", "2", "个");
  Indicator(cells, 4, "", "", "微博月报", "≥", "12", "期");
  Indicator(cells, 5, "满意度指标", "服务对象满意度指标", "满意度", "≥", "90", "%");
  Group(cells, 6, 1, "[292]国家信访局", "7", "");
  Indicator(cells, 6, "成本指标", "经济成本指标", "成本控制", "≤", "7", "万元");
  cells.push_back({7, 0, 1, 1, "合计"});  // a totals row, never a project
  cells.push_back({7, 1, 1, 1, "751.3"});
  auto projects = ReadProjects({Page(15, MakeTable(15, kListXs, 8, cells))}, nullptr);

  ASSERT_EQ(projects.size(), 3u);
  EXPECT_EQ(projects[0].kind, "project");
  EXPECT_EQ(projects[0].project_code, "11000026T000003742166");
  EXPECT_EQ(projects[0].project_name, "就业管理咨询与评审服务项目");
  EXPECT_EQ(projects[0].budget.total, 20.5);
  EXPECT_EQ(projects[0].money_unit, "万元");
  EXPECT_EQ(projects[0].goals, std::vector<std::string>{"完成评审。"});
  ASSERT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[0].indicators[0].value, "≥20家");  // operator, number, unit joined
  EXPECT_EQ(projects[0].indicators[0].value_normalized.number, 20);
  EXPECT_EQ(projects[0].indicators[1].value, "优");  // 定性: the text alone
  EXPECT_EQ(projects[0].indicators[1].value_normalized.kind, ValueKind::kText);
  const auto& attrs = projects[0].indicators[0].attributes;
  EXPECT_NE(std::find(attrs.begin(), attrs.end(),
                      std::pair<std::string, std::string>{"绩效度量单位", "家"}),
            attrs.end());

  // A code wrapped over two lines of its cell is one code.
  EXPECT_EQ(projects[1].project_code, "11000022T000000444004");
  EXPECT_EQ(projects[1].project_name, "医疗保障工作宣传服务");
  ASSERT_EQ(projects[1].indicators.size(), 3u);
  EXPECT_EQ(projects[1].indicators[1].level1, "产出指标");  // carried down
  EXPECT_EQ(projects[1].indicators[2].level3, "满意度");
  EXPECT_EQ(projects[2].project_code, "292");
  EXPECT_EQ(projects[2].project_name, "国家信访局");
  EXPECT_EQ(projects[2].indicators.size(), 1u);
}

TEST(ListTable, AGroupBrokenAcrossAPageStaysOneRecord) {
  // Page 1 ends with a group whose name the page break put on page 2 (the cell is empty here).
  std::vector<C> first = ListHeader();
  Group(first, 1, 1, "11000026T000000001-甲项目", "10", "甲");
  Indicator(first, 1, "产出指标", "数量指标", "甲指标", "≥", "1", "个");
  Group(first, 2, 2, "", "", "");
  Indicator(first, 2, "产出指标", "数量指标", "乙指标一", "≥", "2", "个");
  Indicator(first, 3, "产出指标", "质量指标", "乙指标二", "=", "100", "%");
  // Page 2 repeats the header; its first group goes on with 乙 and carries its name.
  std::vector<C> second = ListHeader();
  Group(second, 1, 2, "11000026T000000002-乙项目", "30", "乙");
  Indicator(second, 1, "效益指标", "社会效益指标", "乙指标三", "≥", "3", "次");
  Indicator(second, 2, "", "", "乙指标四", "≥", "4", "次");
  Group(second, 3, 1, "11000026T000000003-丙项目", "5", "丙");
  Indicator(second, 3, "产出指标", "数量指标", "丙指标", "≥", "5", "个");
  // Page 3 goes on with 丙 without a header; its name cell holds the end of 丙's name only.
  std::vector<C> third;
  Group(third, 0, 1, "二期", "", "");
  Indicator(third, 0, "满意度指标", "服务对象满意度指标", "丙满意度", "≥", "90", "%");
  PageContent p3;
  p3.page = 3;
  p3.tables.push_back(MakeTable(3, kListXs, 1, third, 40));

  auto projects = ReadProjects(
      {Page(1, MakeTable(1, kListXs, 4, first)), Page(2, MakeTable(2, kListXs, 4, second)), p3},
      nullptr);
  ASSERT_EQ(projects.size(), 3u);
  EXPECT_EQ(projects[1].project_name, "乙项目");
  EXPECT_EQ(projects[1].budget.total, 30);
  ASSERT_EQ(projects[1].indicators.size(), 4u);
  EXPECT_EQ(projects[1].indicators[0].level3, "乙指标一");
  EXPECT_EQ(projects[1].indicators[3].level3, "乙指标四");
  EXPECT_EQ(projects[1].indicators[3].level1, "效益指标");
  EXPECT_EQ(projects[1].pages, (std::vector<int>{1, 2}));
  EXPECT_EQ(projects[2].project_name, "丙项目二期");
  ASSERT_EQ(projects[2].indicators.size(), 2u);
  EXPECT_EQ(projects[2].indicators[1].level3, "丙满意度");
  EXPECT_EQ(projects[2].pages, (std::vector<int>{2, 3}));
  EXPECT_EQ(projects[2].index, 3);
}

TEST(ListTable, AListContinuedOnAScannedPageShiftedSidewaysGoesOn) {
  // A scanned list without a repeated header: page 2 lies 11 pt right of page 1 (more than a
  // rule's tolerance), and its rows are the next projects of the list, not lost.
  std::vector<C> first = ListHeader();
  Group(first, 1, 1, "11000026T000000001-甲项目", "10", "甲");
  Indicator(first, 1, "产出指标", "数量指标", "甲指标", "≥", "1", "个");
  std::vector<C> second;
  Group(second, 0, 2, "11000026T000000002-乙项目", "30", "乙");
  Indicator(second, 0, "产出指标", "数量指标", "乙指标一", "≥", "2", "个");
  Indicator(second, 1, "满意度指标", "服务对象满意度指标", "乙满意度", "≥", "90", "%");
  std::vector<double> shifted;
  for (double x : kListXs) shifted.push_back(x + 11);
  PageContent p2;
  p2.page = 2;
  p2.tables.push_back(MakeTable(2, shifted, 2, second, 40));

  auto projects = ReadProjects({Page(1, MakeTable(1, kListXs, 2, first)), p2}, nullptr);
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[1].project_code, "11000026T000000002");
  EXPECT_EQ(projects[1].budget.total, 30);
  ASSERT_EQ(projects[1].indicators.size(), 2u);
  EXPECT_EQ(projects[1].indicators[0].value, "≥2个");
  EXPECT_EQ(projects[1].indicators[1].level2, "服务对象满意度指标");
  EXPECT_EQ(projects[1].pages, std::vector<int>{2});
  // Shifted further than a page is ever shifted, it is some other table.
  for (double& x : p2.tables[0].col_lines) x += 40;
  for (TableCell& c : p2.tables[0].cells) c.box.x0 += 40, c.box.x1 += 40;
  EXPECT_EQ(ReadProjects({Page(1, MakeTable(1, kListXs, 2, first)), p2}, nullptr).size(), 1u);
}

TEST(ListTable, APageRulingOnlyTheIndicatorBlockGoesOnWithTheProject) {
  // Page 1: one project, its goals cell cut by the page break.
  std::vector<C> first = ListHeader();
  Group(first, 1, 2, "11000026T000000001-甲项目", "10", "1、完成甲工作的前半");
  Indicator(first, 1, "产出指标", "数量指标", "甲指标一", "≥", "1", "个");
  Indicator(first, 2, "产出指标", "质量指标", "甲指标二", "=", "100", "%");
  // Page 2 has no header, and the project's cells fill it: no rule closes its columns, so the
  // table is the indicator block alone (x from 350); the rest of the name and of the goals are
  // printed in the open columns, outside the table.
  const std::vector<double> block(kListXs.begin() + 4, kListXs.end());
  std::vector<C> second;
  for (const C& c : std::vector<C>{{0, 0, 1, 1, ""},
                                   {0, 1, 1, 1, ""},
                                   {0, 2, 1, 1, "甲指标三"},
                                   {0, 3, 1, 1, "≥"},
                                   {0, 4, 1, 1, "3"},
                                   {0, 5, 1, 1, "次"},
                                   {1, 0, 1, 1, "满意度指标"},
                                   {1, 1, 1, 1, "服务对象满意度指标"},
                                   {1, 2, 1, 1, "满意度"},
                                   {1, 3, 1, 1, "≥"},
                                   {1, 4, 1, 1, "90"},
                                   {1, 5, 1, 1, "%"}})
    second.push_back(c);
  PageContent p2;
  p2.page = 2;
  p2.tables.push_back(MakeTable(2, block, 2, second, 40));
  p2.lines = {Line("二期", 44, 55, 100), Line("后半部分。2、按期验收", 44, 255, 345)};

  auto projects = ReadProjects({Page(1, MakeTable(1, kListXs, 3, first)), p2}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].project_name, "甲项目二期");
  EXPECT_EQ(projects[0].goals,
            (std::vector<std::string>{"完成甲工作的前半后半部分。", "按期验收"}));
  ASSERT_EQ(projects[0].indicators.size(), 4u);
  EXPECT_EQ(projects[0].indicators[2].level3, "甲指标三");
  EXPECT_EQ(projects[0].indicators[2].level2, "质量指标");  // the cut level cell goes on
  EXPECT_EQ(projects[0].indicators[2].value, "≥3次");
  EXPECT_EQ(projects[0].indicators[3].level1, "满意度指标");
  EXPECT_EQ(projects[0].pages, (std::vector<int>{1, 2}));
}

TEST(ListTable, AScannedGoalCutByThePageGoesOnBySequence) {
  // A scan read goal 2's marker without its 、 ("2 按期"), and the page break cut goal 2: the
  // cut cell is split as its page's goals were (records.item_sequence), so the rest on the next
  // page joins goal 2 and goal 3 follows.
  std::vector<C> first = ListHeader();
  Group(first, 1, 1, "11000026T000000001-甲项目", "10", "1、完成甲工作。2 按期验收前");
  Indicator(first, 1, "产出指标", "数量指标", "甲指标一", "≥", "1", "个");
  std::vector<C> second = ListHeader();
  Group(second, 1, 1, "11000026T000000001-甲项目", "", "半部分。3、提交报告。");
  Indicator(second, 1, "产出指标", "质量指标", "甲指标二", "=", "100", "%");
  std::vector<PageContent> pages = {Page(1, MakeTable(1, kListXs, 2, first)),
                                    Page(2, MakeTable(2, kListXs, 2, second))};
  for (PageContent& page : pages)
    for (TableCell& c : page.tables[0].cells) c.source = WordSource::kOcr;

  auto projects = ReadProjects(pages, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].goals,
            (std::vector<std::string>{"完成甲工作。", "按期验收前半部分。", "提交报告。"}));
  EXPECT_EQ(projects[0].indicators.size(), 2u);
  const std::vector<std::string>& fixes = projects[0].provenance["goals"].fixes;
  EXPECT_NE(std::find(fixes.begin(), fixes.end(), "records.item_sequence"), fixes.end());

  // Without the fix the marker is text, and the cut goal and the next page's goals stay apart.
  FixSwitches off;
  off.Disable("records.item_sequence");
  auto without = ReadProjects(pages, nullptr, off);
  ASSERT_EQ(without.size(), 1u);
  EXPECT_EQ(without[0].goals.front(), "完成甲工作。2 按期验收前半部分。3、提交报告。");
}

TEST(Packed, EachNumberedItemIsOneIndicatorRow) {
  auto rows = SplitPackedIndicators(
      "1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:"
      "每年≥20场。"
      "2、1-产出指标；12 -质量指标；工单转派准确率；实施周期指标值:≥97%；年度指标值:≥95%。"
      "3、4-成本指标；41-经济成本指标；办件综合成本；实施周期指标值:≤29.91元/"
      "件；年度指标值:≤29.91元/件。"
      "4、1-产出指标；12-质量指标；平均故障恢复时间；实施周期指标值:"
      "一级≤1小时；二级≤2小时；年度指标值:一级≤1小时；二级≤2小时。"
      "5 、3-满意度指标；31-服务对象满意度；用户满意度；实施周期指标值:≥90%；年度指标值:≥90%。");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[3].level3, "平均故障恢复时间");
  EXPECT_EQ(rows[3].value, "一级≤1小时；二级≤2小时");  // a ； inside a value
  EXPECT_EQ(rows[4].level1, "满意度指标");             // "5 、": the number apart from its 、
  EXPECT_EQ(rows[0].level1, "产出指标");
  EXPECT_EQ(rows[0].level2, "数量指标");
  EXPECT_EQ(rows[0].level3, "会议活动保障次数");
  EXPECT_EQ(rows[0].value, "每年≥20场");
  EXPECT_EQ(rows[1].level2, "质量指标");
  EXPECT_EQ(rows[1].value, "≥95%");  // the year's value, not the period's
  ASSERT_EQ(rows[1].attributes.size(), 1u);
  EXPECT_EQ(rows[1].attributes[0], (std::pair<std::string, std::string>{"实施周期指标值", "≥97%"}));
  EXPECT_EQ(rows[2].level1, "成本指标");
  EXPECT_TRUE(SplitPackedIndicators("1、完成维修 12 所。2、消除安全隐患")
                  .empty());  // goals, not indicators
}

TEST(Packed, AListTableWithPackedIndicatorsGivesOneRecordPerProject) {
  const std::vector<double> xs = {50, 150, 200, 250, 300, 500, 800};
  const std::string packed =
      "1、1-产出指标；11-数量指标；汇聚数据量；实施周期指标值:≥10亿条；年度指标值:≥10亿条。"
      "2、3-满意度指标；31-服务对象满意度；培训效果评价；实施周期指标值:≥4.5分；年度指标值:≥4."
      "5分。";
  std::vector<C> cells = {{0, 0, 1, 1, "项目名称（资金使用单位）"},
                          {0, 1, 1, 1, "总计"},
                          {0, 2, 1, 1, "财政拨款"},
                          {0, 3, 1, 1, "财政专户拨款"},
                          {0, 4, 1, 1, "绩效目标"},
                          {0, 5, 1, 1, "绩效指标"},
                          {1, 0, 1, 1, "合计"},
                          {1, 1, 1, 1, "1,500.00"},
                          {2, 0, 1, 1, "广州市政务服务和数据管理局"},
                          {2, 1, 1, 1, "1,500.00"},
                          {3, 0, 1, 1, "穗智管运营服务项目"},
                          {3, 1, 1, 1, "1,391.47"},
                          {3, 2, 1, 1, "1,391.47"},
                          {3, 4, 1, 1, "实现协同推进。"},
                          {3, 5, 1, 1, packed},
                          {4, 0, 1, 1, "电子政务工作项目"},
                          {4, 1, 1, 1, "108.53"},
                          {4, 2, 1, 1, "100.00"},
                          {4, 3, 1, 1, "8.53"},
                          {4, 4, 1, 1, "开展运营。"},
                          {4, 5, 1, 1, packed}};
  PageContent page;
  page.page = 1;
  page.lines = {Line("项目支出绩效目标表（含转移支付项目）", 40),
                Line("部门名称：广州市政务服务和数据管理局 单位：万元", 60)};
  page.tables.push_back(MakeTable(1, xs, 5, cells));
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 2u);  // neither the totals row nor the unit's row
  EXPECT_EQ(projects[0].project_name, "穗智管运营服务项目");
  EXPECT_EQ(projects[0].unit_name, "广州市政务服务和数据管理局");
  EXPECT_EQ(projects[0].budget.total, 1391.47);
  ASSERT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[0].indicators[1].level1, "满意度指标");
  EXPECT_EQ(projects[0].indicators[1].value, "≥4.5分");
  EXPECT_EQ(projects[1].budget.fiscal, 100);
  ASSERT_EQ(projects[1].attributes.size(),
            1u);  // 财政专户拨款: a money label the contract does not name
  EXPECT_EQ(projects[1].attributes[0].first, "财政专户拨款");
}

TEST(DepartmentTable, IsARecordOfKindDepartment) {
  const std::vector<double> xs = {50, 150, 250, 350, 450, 550, 650};
  std::vector<C> cells = {{0, 0, 1, 1, "部门名称"},
                          {0, 1, 1, 5, "北京市医疗保障局"},
                          {1, 0, 2, 1, "总体资金情况（万元）"},
                          {1, 1, 1, 1, "预算支出总额"},
                          {1, 2, 1, 4, "财政拨款"},
                          {2, 1, 1, 1, "110,896.62"},
                          {2, 2, 1, 4, "110,896.62"},
                          {3, 0, 1, 1, "整体绩效目标"},
                          {3, 1, 1, 5, "1、坚持站位全局。2、增进民生福祉。"},
                          {4, 0, 1, 1, "活动"},
                          {4, 1, 1, 1, "绩效"},
                          {4, 2, 1, 1, "指标"},  // a header cut in two
                          {4, 3, 1, 1, "指标性质"},
                          {4, 4, 1, 1, "指标值"},
                          {4, 5, 1, 1, "度量单位"},
                          {5, 0, 1, 1, "医疗保障管理"},
                          {5, 1, 1, 2, "产出指标数量指标参保人参保意愿调查样本"},
                          {5, 3, 1, 1, "≥"},
                          {5, 4, 1, 1, "3396"},
                          {5, 5, 1, 1, "人"},
                          {6, 0, 1, 1, "医疗保障管理"},
                          {6, 1, 1, 2, "效益指标社会效益指标有效提升医保监管水平"},
                          {6, 3, 1, 1, "定性"},
                          {6, 4, 1, 1, "有效提升"},
                          {6, 5, 1, 1, ""}};
  PageContent page;
  page.page = 27;
  page.lines = {Line("预算13表 部门整体支出绩效目标表", 40)};
  page.tables.push_back(MakeTable(27, xs, 7, cells));
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_EQ(p.kind, "department");
  EXPECT_EQ(p.project_name, "北京市医疗保障局");
  EXPECT_EQ(p.budget.total, 110896.62);
  EXPECT_EQ(p.goals.size(), 2u);
  ASSERT_EQ(p.indicators.size(), 2u);
  EXPECT_EQ(p.indicators[0].level1, "产出指标");
  EXPECT_EQ(p.indicators[0].level2, "数量指标");
  EXPECT_EQ(p.indicators[0].level3, "参保人参保意愿调查样本");
  EXPECT_EQ(p.indicators[0].value, "≥3396人");
  EXPECT_EQ(p.indicators[1].level2, "社会效益指标");
  EXPECT_EQ(p.indicators[1].value, "有效提升");
  EXPECT_EQ(p.indicators[0].attributes.front(),
            (std::pair<std::string, std::string>{"活动", "医疗保障管理"}));
}

TEST(DepartmentTable, NamedOnTheLineAboveIt) {
  // Xi'an's 部门整体支出绩效目标表: the 部门（单位）名称 and the name printed above the ruled
  // table, which opens with the year's tasks; its indicator block has no 三级指标 column, 指标内容
  // is the third level.
  const std::vector<double> xs = {50, 90, 160, 200, 260, 450};
  const std::vector<C> cells = {
      {0, 0, 2, 1, "年度主要任务"},
      {0, 1, 1, 1, "任务名称"},
      {0, 2, 1, 2, "主要内容"},
      {0, 4, 1, 1, "总额"},
      {1, 1, 1, 1, "基本履职"},
      {1, 2, 1, 2, "人员经费"},
      {1, 4, 1, 1, "508.61"},
      {2, 0, 1, 1, "年度总体目标"},
      {2, 1, 1, 4, "目标 1：认真履职。"},
      {3, 1, 1, 1, "一级指标"},
      {3, 2, 1, 1, "二级指标"},
      {3, 3, 1, 1, "指标内容"},
      {3, 4, 1, 1, "指标值"},
      {4, 0, 2, 1, "年度绩效指标"},
      {4, 1, 2, 1, "产出指标"},
      {4, 2, 2, 1, "数量指标"},
      {4, 3, 1, 1, "指标 1：区域自动气象站运行正常"},
      {4, 4, 1, 1, "每月站点正常运行率≥95%"},
      {5, 3, 1, 1, "指标 2：作业次数"},
      {5, 4, 1, 1, "≥12 次/年"},
  };
  PageContent page;
  page.page = 32;
  page.lines = {Line("2022 年部门整体支出绩效目标表", 50, 150, 350),
                Line("部门（单位）名称", 75, 60, 130), Line("西安市气象局", 75, 250, 300)};
  page.tables.push_back(MakeTable(32, xs, 6, cells));
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_EQ(p.kind, "department");
  EXPECT_EQ(p.project_name, "西安市气象局");
  ASSERT_EQ(p.indicators.size(), 2u);
  EXPECT_EQ(p.indicators[0].level1, "产出指标");
  EXPECT_EQ(p.indicators[0].level2, "数量指标");
  EXPECT_EQ(p.indicators[0].level3, "指标 1：区域自动气象站运行正常");
  EXPECT_EQ(p.indicators[1].level3, "指标 2：作业次数");
  EXPECT_EQ(p.indicators[1].value, "≥12 次/年");
}

// A department table printing 部门名称：X in its top cell and each money label with its amount
// (the unit in the block's label), as some regions print a department's targets.
std::vector<C> DepartmentCells() {
  return {{0, 0, 1, 5, "部门名称：南屏区文化和旅游局"},
          {1, 0, 1, 1, "项目资金（万元）"}, {1, 1, 1, 2, "年度预算资金总额：19,484.89"},
          {1, 3, 1, 1, "其中：财政拨款：13,639.43"}, {1, 4, 1, 1, "其他资金：5,845.46"},
          {2, 0, 1, 1, "总体绩效目标"}, {2, 1, 1, 4, "加强队伍建设。"},
          {3, 0, 1, 1, "一级指标"}, {3, 1, 1, 1, "二级指标"}, {3, 2, 1, 2, "三级指标"}, {3, 4, 1, 1, "指标值"},
          {4, 0, 1, 1, "产出指标"}, {4, 1, 1, 1, "数量指标"}, {4, 2, 1, 2, "法律咨询次数"}, {4, 4, 1, 1, "≥300次"}};
}

PageContent DepartmentPage(const std::vector<C>& cells) {
  PageContent page;
  page.page = 2;
  page.lines = {Line("部门整体支出绩效目标表", 40)};
  page.tables.push_back(MakeTable(2, {50, 150, 250, 350, 450, 550}, 5, cells));
  return page;
}

TEST(DepartmentTable, LabelsAndValuesInOneCell) {
  const auto projects = ReadProjects({DepartmentPage(DepartmentCells())}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_EQ(p.kind, "department");
  EXPECT_EQ(p.project_name, "南屏区文化和旅游局");
  EXPECT_EQ(p.money_unit, "万元");
  EXPECT_EQ(p.budget.total, 19484.89);
  EXPECT_EQ(p.budget.fiscal, 13639.43);
  EXPECT_EQ(p.budget.other, 5845.46);
  EXPECT_EQ(p.goals, std::vector<std::string>{"加强队伍建设。"});
  ASSERT_EQ(p.indicators.size(), 1u);
  EXPECT_EQ(p.indicators[0].value, "≥300次");
}

TEST(DepartmentTable, ACellPrintingSeveralLabeledAmounts) {
  // The money labels and amounts in one cell, one after another; a label printed without its
  // amount is blank (not the amount of the cell below it).
  std::vector<C> cells;
  for (const C& c : DepartmentCells())
    if (c.row != 1 || c.col == 0) cells.push_back(c);
  cells.push_back({1, 1, 1, 4, "资金总额：7,893.46 财政拨款：7,893.46 其他资金："});
  const auto projects = ReadProjects({DepartmentPage(cells)}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].budget.total, 7893.46);
  EXPECT_EQ(projects[0].budget.fiscal, 7893.46);
  EXPECT_FALSE(projects[0].budget.other.has_value());
  EXPECT_EQ(projects[0].indicators.size(), 1u);
}

// ------------------------------------------------------------------ scanned tables

// `t` as OCR gives it: every cell read from the scan.
Table Scanned(Table t) {
  for (TableCell& c : t.cells) c.source = WordSource::kOcr;
  return t;
}

// A department table read from a scan: 部门名称, money, goals, then the indicator block under
// the header `header` (its four cells), with three rows.
PageContent ScannedDepartment(const std::vector<std::string>& header) {
  const std::vector<double> xs = {50, 130, 210, 400, 500};
  std::vector<C> cells = {{0, 0, 1, 4, "部门名称：北塘区政务服务和数据管理局"},
                          {1, 0, 1, 1, "资金总额"},
                          {1, 1, 1, 3, "3,315.40"},
                          {2, 0, 1, 1, "部门整体绩效目标"},
                          {2, 1, 1, 3, "1、完善工作机制。2、落实安全管理责任。"},
                          {4, 0, 2, 1, "产出指标"},
                          {4, 1, 2, 1, "数量指标"},
                          {4, 2, 1, 1, "法律咨询次数"},
                          {4, 3, 1, 1, "=1500次"},
                          {5, 2, 1, 1, "宣传活动次数"},
                          {5, 3, 1, 1, "12次以上"},
                          {6, 0, 1, 1, "效益指标"},
                          {6, 1, 1, 1, "社会效益指标"},
                          {6, 2, 1, 1, "群众办事便利程度"},
                          {6, 3, 1, 1, "持续健全"}};
  for (int c = 0; c < 4; ++c) cells.push_back({3, c, 1, 1, header[static_cast<size_t>(c)]});
  PageContent page;
  page.page = 1;
  page.lines = {Line("部门整体预算绩效目标申报表", 40)};
  page.tables.push_back(Scanned(MakeTable(1, xs, 7, cells)));
  return page;
}

void ExpectDepartmentRows(const std::vector<Project>& projects) {
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_EQ(p.kind, "department");
  ASSERT_EQ(p.indicators.size(), 3u);
  EXPECT_EQ(p.indicators[0].level1, "产出指标");
  EXPECT_EQ(p.indicators[0].level2, "数量指标");
  EXPECT_EQ(p.indicators[0].level3, "法律咨询次数");
  EXPECT_EQ(p.indicators[0].value, "=1500次");
  EXPECT_EQ(p.indicators[1].level1, "产出指标");  // carried down
  EXPECT_EQ(p.indicators[1].value, "12次以上");
  EXPECT_EQ(p.indicators[2].level2, "社会效益指标");
  EXPECT_EQ(p.indicators[2].value, "持续健全");
}

TEST(ScannedDepartmentTable, ALevelHeaderReadTwiceTakesTheLevelsByPlace) {
  // 三级指标 read as 二级指标 (its top stroke lost with the rule above it), 指标值 as garbage:
  // the third level header is the one right of 二级指标, the value the unread one right of it.
  ExpectDepartmentRows(
      ReadProjects({ScannedDepartment({"一级指标", "二级指标", "二级指标", "[和"})}, nullptr));
}

TEST(ScannedDepartmentTable, UnreadLevelHeadersOverIndicatorTermsAreLevels) {
  // A seal over 一级指标 and 二级指标: their columns print indicator terms, the first among the
  // seal's strokes (records.level_noise).
  PageContent page = ScannedDepartment({"F开级指和类", "人 =气相村", "三级指标", "年度指标值"});
  for (TableCell& c : page.tables[0].cells)
    if (c.text == "产出指标") c.text = "妈公 一 产出指标";
  const auto projects = ReadProjects({page}, nullptr);
  ExpectDepartmentRows(projects);
  const Source& s = projects[0].provenance.at("indicators[0].level1");
  EXPECT_TRUE(s.corrected);
  EXPECT_EQ(s.fixes, std::vector<std::string>{"records.level_noise"});
  // Switched off, the cell stays as read.
  FixSwitches off;
  off.Disable("records.level_noise");
  EXPECT_EQ(ReadProjects({page}, nullptr, off)[0].indicators[0].level1, "妈公 一 产出指标");
}

TEST(ScannedDepartmentTable, ADigitalTableNeedsItsHeaderRead) {
  // The same header in a text layer is what the page prints: no column by place.
  PageContent page = ScannedDepartment({"一级指标", "二级指标", "二级指标", "[和"});
  for (TableCell& c : page.tables[0].cells) c.source = WordSource::kTextLayer;
  std::vector<Warning> warnings;
  const auto projects = ReadProjects({page}, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_TRUE(projects[0].indicators.empty());
  ASSERT_EQ(warnings.size(), 1u);  // and the record says so
  EXPECT_EQ(warnings[0].code, "project.no_indicators");
  EXPECT_EQ(warnings[0].page, 1);
}

TEST(Packed, ItemsReadInSpiteOfOcrSeparators) {
  const std::string text =
      "1、 1-产出指标11-数量指标;巡查里程;实施周期指标值:>38公里;年度指标值:>38公里。"
      "2、1一产出指标，12-质量指标;长效管理机制;实施周期指标值；有效促进;年度指标值:有效促进。"
      "3、完全无法识别的一项。";
  EXPECT_TRUE(SplitPackedIndicators(text).empty());  // as printed text: no packed list
  const auto rows = SplitPackedIndicators(text, true);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].level1, "产出指标");
  EXPECT_EQ(rows[0].level2, "数量指标");  // no ； after 产出指标
  EXPECT_EQ(rows[0].level3, "巡查里程");
  EXPECT_EQ(rows[0].value, ">38公里");
  EXPECT_EQ(rows[1].level1, "产出指标");  // 1一: the hyphen read as 一
  EXPECT_EQ(rows[1].level2, "质量指标");  // ， for ；
  EXPECT_EQ(rows[1].level3, "长效管理机制");
  ASSERT_EQ(rows[1].attributes.size(), 1u);  // the colon read as ；
  EXPECT_EQ(rows[1].attributes[0],
            (std::pair<std::string, std::string>{"实施周期指标值", "有效促进"}));
  EXPECT_EQ(rows[1].value, "有效促进");
  // An item whose levels cannot be read is kept, under the levels before it.
  EXPECT_EQ(rows[2].level3, "完全无法识别的一项。");
  EXPECT_EQ(rows[2].level1, "产出指标");
  EXPECT_TRUE(SplitPackedIndicators("1、完成维修 12 所。2、消除安全隐患", true).empty());
}

// Cells as office and photocopy scans read them (packed-177020-8, -13, -18 of variety.py).
TEST(Packed, ItemsFoundByTheirLevelsWhenTheirNumbersAreLost) {
  // The list's first item number and level 1 went to the cell beside it; a level 1 read short
  // (1-产), one read as two glyphs (工严出指标), one whose ； was read as 示.
  const std::string text =
      "11-数量指标;设备购置数量;实施周期指标值:= 2台;年度指标值: = 2台。2、1-产12-质量指标;"
      "问题整改率;实施周期指标值:85% ;年度指标值:85%。 3、工严出指标; 13-时效指标;任务按期完成率;"
      "实施周期指标值:99.5(%) ;年度指标值:99.5(%)。4、1-产出指标示11-数量指标;档案整理数量;"
      "年度指标值:300箱。";
  std::vector<std::vector<std::string>> fixes;
  const auto rows = SplitPackedIndicators(text, ListMending{true, {}}, &fixes);
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& row : rows) EXPECT_EQ(row.level1, "产出指标");
  EXPECT_EQ(rows[0].level2, "数量指标");
  EXPECT_EQ(rows[0].level3, "设备购置数量");
  EXPECT_EQ(rows[1].level2, "质量指标");
  EXPECT_EQ(rows[1].level3, "问题整改率");
  EXPECT_EQ(rows[1].value, "85%");
  EXPECT_EQ(rows[2].level2, "时效指标");
  EXPECT_EQ(rows[2].level3, "任务按期完成率");
  EXPECT_EQ(rows[3].level2, "数量指标");
  EXPECT_EQ(rows[3].value, "300箱");
  ASSERT_EQ(fixes.size(), 4u);
  EXPECT_EQ(fixes[1], (std::vector<std::string>{"records.packed_items", "records.packed_levels"}));
  // Without the fixes the first three items are one, whose levels are not read: no rows.
  FixSwitches off;
  off.Disable("records.packed_items");
  off.Disable("records.packed_levels");
  EXPECT_TRUE(SplitPackedIndicators(text, ListMending{true, off}, nullptr).empty());
}

TEST(Packed, LevelOneByTheNumberTheCellPrintsItWith) {
  // 2-效益指标 read with two marks after it, 3 -满意度 garbled: the 3 of 31- tells.
  const auto rows = SplitPackedIndicators(
      "1、3-满意度指标；31-服务对象满意度；群众满意度；年度指标值:≥95%。"
      "2、2-效益指标；，21-经济效益；促进增收节支金额 (2) ;年度指标值:<346.52 万元。"
      "3、寺满志度; 31-服务对象满意度；被审计单位满意度；年度指标值:=100%。",
      true);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].level1, "效益指标");
  EXPECT_EQ(rows[1].level2, "经济效益");
  EXPECT_EQ(rows[1].value, "<346.52 万元");
  EXPECT_EQ(rows[2].level1, "满意度指标");
  EXPECT_EQ(rows[2].level3, "被审计单位满意度");
}

TEST(Packed, LabeledPartsBeginAtTheirLabels) {
  const std::string text =
      "1、1-产出指标；11-数量指标；宣传活动次数，实施周期指标值:4.00次以上；年度指标值:4.00次以上。"
      "2、3-满意度指标；31-服务对象满意度；群众满意度实施周期指标值：每年85%-100%，年度指标值:85%-"
      "100%。";
  std::vector<std::vector<std::string>> fixes;
  const auto rows = SplitPackedIndicators(text, ListMending{true, {}}, &fixes);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].level3, "宣传活动次数");
  ASSERT_EQ(rows[0].attributes.size(), 1u);
  EXPECT_EQ(rows[0].attributes[0].second, "4.00次以上");
  EXPECT_EQ(rows[1].level3, "群众满意度");
  EXPECT_EQ(rows[1].value, "85%-100%");
  EXPECT_EQ(rows[1].attributes[0].second, "每年85%-100%");
  EXPECT_EQ(fixes[1], (std::vector<std::string>{"records.packed_labels"}));
  FixSwitches off;
  off.Disable("records.packed_labels");
  EXPECT_EQ(SplitPackedIndicators(text, ListMending{true, off}, nullptr)[0].level3,
            "宣传活动次数，实施周期指标值:4.00次以上");
}

TEST(Packed, OperatorReadAsAnotherGlyph) {
  const std::string text =
      "1、1-产出指标；13-时效指标；整改完成时限；实施周期指标值：冬 "
      "16个工作日；年度指标值：冬16个工作日。"
      "2、4-成本指标；41-经济成本；单位面积维修成本；实施周期指标值：每年科70元/平方米；"
      "年度指标值：≤70元/平方米。3、1-产出指标；11-数量指标；冬季巡查次数；年度指标值：冬季3次。";
  const auto rows = SplitPackedIndicators(text, true);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].value, "≤16个工作日");
  EXPECT_EQ(rows[0].value_normalized.op, Op::kLe);
  EXPECT_EQ(rows[0].attributes[0].second, "≤16个工作日");
  EXPECT_EQ(rows[1].attributes[0].second, "每年≤70元/平方米");
  EXPECT_EQ(rows[2].level3, "冬季巡查次数");  // 冬 before no number stays
  EXPECT_EQ(rows[2].value, "冬季3次");
  FixSwitches off;
  off.Disable("records.packed_operator");
  EXPECT_EQ(SplitPackedIndicators(text, ListMending{true, off}, nullptr)[0].value, "冬16个工作日");
}

// A packed list over two scanned pages: the header and a unit's row on the first, the projects
// on the second, its columns `shift` points right of the first's, `lost` rules between the code
// and the total and between the fiscal money and the goals missing.
TEST(Packed, ACellThePageCutGoesOnInTheNextPagesCell) {
  // One project's packed cell over three pages: cut inside item 2 (its label's 值 on the next
  // page), then between items 2 and 3.
  const std::vector<double> xs = {50, 150, 250, 350, 500, 800};
  PageContent first;
  first.page = 1;
  first.lines = {Line("项目支出绩效目标表（含转移支付项目）", 40), Line("金额单位：万元", 60)};
  first.tables.push_back(
      MakeTable(1, xs, 2,
                {{0, 0, 1, 1, "项目名称"},
                 {0, 1, 1, 1, "总计"},
                 {0, 2, 1, 1, "财政拨款"},
                 {0, 3, 1, 1, "绩效目标"},
                 {0, 4, 1, 1, "绩效指标"},
                 {1, 0, 1, 1, "便民服务站建设"},
                 {1, 1, 1, 1, "120.00"},
                 {1, 2, 1, 1, "120.00"},
                 {1, 3, 1, 1, "完成建设。"},
                 {1, 4, 1, 1,
                  "1、1-产出指标；11-数量指标；维修改造面积；年度指标值:≥1200平方米。"
                  "2、3-满意度指标；31-服务对象满意度；被审计单位满意度；实施周期指标"}}));
  auto page = [&](int n, const std::string& packed) {
    PageContent p;
    p.page = n;
    p.tables.push_back(MakeTable(n, xs, 1, {{0, 0, 1, 1, ""}, {0, 4, 1, 1, packed}}, 40));
    return p;
  };
  const auto projects =
      ReadProjects({first, page(2, "值:不低于85%；年度指标值:不低于85%。"),
                    page(3, "3、3-满意度指标；31-服务对象满意度；群众满意度；年度指标值:=100%。")},
                   nullptr);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  ASSERT_EQ(p.indicators.size(), 3u);
  EXPECT_EQ(p.indicators[1].level3, "被审计单位满意度");
  EXPECT_EQ(p.indicators[1].value, "不低于85%");
  EXPECT_EQ(p.indicators[2].level1, "满意度指标");
  EXPECT_EQ(p.indicators[2].level3, "群众满意度");
  EXPECT_EQ(p.indicators[2].value, "=100%");
  EXPECT_EQ(p.pages, (std::vector<int>{1, 2, 3}));
  // Each item's text is where the item begins.
  EXPECT_EQ(p.provenance.at("indicators[1].level3").page, 1);
  EXPECT_EQ(p.provenance.at("indicators[2].level3").page, 3);
}

std::vector<Project> ScannedPackedList(double shift, std::vector<Warning>* warnings,
                                       bool piece = false) {
  const std::vector<double> xs = {50, 150, 250, 350, 500, 800};
  const std::vector<C> head = {{0, 0, 1, 1, "单位（项目）名称"},
                               {0, 1, 1, 1, "总计"},
                               {0, 2, 1, 1, "财政拨款"},
                               {0, 3, 1, 1, "绩效目标"},
                               {0, 4, 1, 1, "绩效指标"},
                               {1, 0, 1, 1, "合计"},
                               {1, 1, 1, 1, "120.00"},
                               {2, 0, 1, 1, "临川市政务服务和数据管理局"},
                               {2, 1, 1, 1, "120.00"}};
  PageContent first;
  first.page = 1;
  first.lines = {Line("项目支出绩效目标表（含转移支付项目）", 40),
                 Line("部门名称：临川市政务服务和数据管理局 金额单位：万元", 60)};
  first.tables.push_back(Scanned(MakeTable(1, xs, 3, head)));
  std::vector<double> moved;
  for (double x : xs) moved.push_back(x + shift);
  // The rule between the name and the total lost: one cell over both columns.
  std::vector<C> cells = {
      {0, 0, 1, 2, "110000 100.00"},
      {0, 2, 1, 1, "90.00"},
      {0, 3, 1, 1, "完成巡查。"},
      {0, 4, 1, 1, "1、1-产出指标；11-数量指标；巡查里程；年度指标值:≥38公里。"}};
  Table t = Scanned(MakeTable(2, moved, 1, cells));
  // (the cell's first line prints the code's first part and the total side by side)
  t.cells[0].lines = {Line("110000 100.00", 100, moved[0], moved[2]),
                      Line("26T000-巡查服务", 112, moved[0], moved[1])};
  t.cells[0].text = "110000 100.00 26T000-巡查服务";
  PageContent second;
  second.page = 2;
  second.tables.push_back(t);
  std::vector<PageContent> pages = {first, second};
  if (piece) {
    // The next page's table cut by a lost rule: a piece not lining up with the columns, then the
    // next project on the page after.
    PageContent third;
    third.page = 3;
    third.tables.push_back(Scanned(
        MakeTable(3, {575, 640, 800}, 1,
                  {{0, 0, 1, 1, "运行稳定。"},
                   {0, 1, 1, 1, "2、1-产出指标；12-质量指标；合格率；年度指标值:100%。"}})));
    PageContent fourth;
    fourth.page = 4;
    cells[0].text = "11000026T000120-维修服务 20.00";
    cells[3].text = "1、2-效益指标；22-社会效益；群众满意；年度指标值:提升。";
    fourth.tables.push_back(Scanned(MakeTable(4, xs, 1, cells)));
    pages.push_back(third);
    pages.push_back(fourth);
  }
  return ReadProjects(pages, warnings);
}

TEST(ScannedPackedList, GoesOnOverAShiftedPageWithARuleLost) {
  std::vector<Warning> warnings;
  const auto projects = ScannedPackedList(5, &warnings);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].project_code, "11000026T000");
  EXPECT_EQ(projects[0].project_name, "巡查服务");
  EXPECT_EQ(projects[0].budget.total, 100);  // cut from the code's cell
  EXPECT_EQ(projects[0].budget.fiscal, 90);
  ASSERT_EQ(projects[0].indicators.size(), 1u);
  EXPECT_EQ(projects[0].indicators[0].value, "≥38公里");
  EXPECT_TRUE(warnings.empty());
}

TEST(ScannedPackedList, APieceThatCannotBeReadIsNamedAndTheListGoesOn) {
  std::vector<Warning> warnings;
  const auto projects = ScannedPackedList(0, &warnings, true);
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[1].project_name, "维修服务");
  ASSERT_EQ(projects[1].indicators.size(), 1u);
  EXPECT_EQ(projects[1].indicators[0].level2, "社会效益");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "project.table_unread");
  EXPECT_EQ(warnings[0].page, 3);
}

TEST(ScannedList, APageReadAsNothingDoesNotEndTheList) {
  // Page 2 of a scanned list was turned past reading (its table's cells are noise); page 3 goes
  // on with the list's columns, and page 2 is named by a warning.
  std::vector<C> first = ListHeader();
  Group(first, 1, 1, "11000026T000000001-甲项目", "10", "甲");
  Indicator(first, 1, "产出指标", "数量指标", "甲指标", "≥", "1", "个");
  PageContent p2;
  p2.page = 2;
  p2.tables.push_back(Scanned(MakeTable(2, {40, 120, 200, 300}, 2,
                                        {{0, 0, 1, 1, "长"},
                                         {0, 1, 1, 1, "尺类"},
                                         {0, 2, 1, 1, "名到"},
                                         {1, 0, 1, 1, "忆"},
                                         {1, 1, 1, 1, "2"},
                                         {1, 2, 1, 1, "食之水"}})));
  std::vector<C> third;
  Group(third, 0, 1, "11000026T000000003-丙项目", "30", "丙");
  Indicator(third, 0, "产出指标", "数量指标", "丙指标", "≥", "3", "个");
  PageContent p3;
  p3.page = 3;
  p3.tables.push_back(Scanned(MakeTable(3, kListXs, 1, third, 40)));
  Table t1 = Scanned(MakeTable(1, kListXs, 2, first));
  std::vector<Warning> warnings;
  const auto projects = ReadProjects({Page(1, t1), p2, p3}, &warnings);
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[1].project_code, "11000026T000000003");
  ASSERT_EQ(projects[1].indicators.size(), 1u);
  EXPECT_EQ(projects[1].indicators[0].level3, "丙指标");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "project.table_unread");
  EXPECT_EQ(warnings[0].page, 2);
}

// Other regions' wordings (issue 14): money labels stating their unit, a 部门职能 field, the
// indicator header on two rows (三级指标 over 指标名称 | 指标性质 | 目标值 | 单位), 定量 in the
// 性质 column, and a 二级 cell printed in the middle of rows its column does not rule apart.
TEST(DepartmentTable, OtherRegionsWordings) {
  const std::vector<double> xs = {50, 150, 250, 350, 450, 550, 650, 750};
  std::vector<C> cells = {{0, 0, 1, 1, "部门名称"},
                          {0, 1, 1, 6, "临川市统计局"},
                          {1, 0, 1, 1, "部门职能"},
                          {1, 1, 1, 6, "负责全市统计调查工作。"},
                          {2, 0, 1, 1, "年度资金总额（万元）"},
                          {2, 1, 1, 2, "100.00"},
                          {2, 3, 1, 1, "财政拨款（万元）"},
                          {2, 4, 1, 1, "80.00"},
                          {2, 5, 1, 1, "其他资金（万元）"},
                          {2, 6, 1, 1, "20.00"},
                          {3, 0, 1, 1, "总体目标"},
                          {3, 1, 1, 6, "完成统计调查任务。"},
                          {4, 0, 2, 1, "一级指标"},
                          {4, 1, 2, 1, "二级指标"},
                          {4, 2, 1, 4, "三级指标"},
                          {4, 6, 2, 1, "评分标准"},
                          {5, 2, 1, 1, "指标名称"},
                          {5, 3, 1, 1, "指标性质"},
                          {5, 4, 1, 1, "目标值"},
                          {5, 5, 1, 1, "单位"},
                          {6, 0, 3, 1, "产出指标"},
                          {6, 1, 1, 1, ""},  // 数量指标 is printed one row lower, unruled
                          {6, 2, 1, 1, "调查户数"},
                          {6, 3, 1, 1, "定量"},
                          {6, 4, 1, 1, "≥1800"},
                          {6, 5, 1, 1, "户"},
                          {6, 6, 1, 1, "按完成比例计分"},
                          {7, 1, 1, 1, "数量指标"},
                          {7, 2, 1, 1, "调查报告"},
                          {7, 3, 1, 1, "定量"},
                          {7, 4, 1, 1, "12"},
                          {7, 5, 1, 1, "份"},
                          {7, 6, 1, 1, "完成得满分"},
                          {8, 1, 1, 1, "质量指标"},
                          {8, 2, 1, 1, "数据质量"},
                          {8, 3, 1, 1, "定性"},
                          {8, 4, 1, 1, "优"},
                          {8, 5, 1, 1, ""},
                          {8, 6, 1, 1, "完成得满分"}};
  PageContent page;
  page.page = 3;
  page.lines = {Line("部门整体支出绩效目标表", 40)};
  page.tables.push_back(MakeTable(3, xs, 9, cells));
  auto projects = ReadProjects({page}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_EQ(p.kind, "department");
  EXPECT_EQ(p.money_unit, "万元");
  EXPECT_EQ(p.budget.total, 100.0);
  EXPECT_EQ(p.budget.fiscal, 80.0);
  EXPECT_EQ(p.budget.other, 20.0);
  EXPECT_NE(std::find(p.attributes.begin(), p.attributes.end(),
                      std::pair<std::string, std::string>{"部门职能", "负责全市统计调查工作。"}),
            p.attributes.end());
  ASSERT_EQ(p.indicators.size(), 3u);
  EXPECT_EQ(p.indicators[0].level2, "数量指标");  // from the row below, in its 一级 group
  EXPECT_EQ(p.indicators[0].level3, "调查户数");
  EXPECT_EQ(p.indicators[0].value, "≥1800户");  // 定量 is no operator
  EXPECT_EQ(p.indicators[1].value, "12份");
  EXPECT_EQ(p.indicators[2].level2, "质量指标");
  EXPECT_EQ(p.indicators[2].value, "优");
  const auto& attrs = p.indicators[0].attributes;
  EXPECT_NE(std::find(attrs.begin(), attrs.end(),
                      std::pair<std::string, std::string>{"指标性质", "定量"}),
            attrs.end());
  EXPECT_NE(std::find(attrs.begin(), attrs.end(),
                      std::pair<std::string, std::string>{"评分标准", "按完成比例计分"}),
            attrs.end());
}

// A list whose first page holds only its heading, header and totals row (the first group too
// tall for the page) goes on on the next page with its title; the money header states the unit.
TEST(ListTable, AFirstPageWithoutRecordsGivesItsTitleAndTheHeaderItsUnit) {
  std::vector<C> header = {{0, 0, 1, 1, "项目名称"},       {0, 1, 1, 1, "资金总额（元）"},
                           {0, 2, 1, 1, "财政资金（元）"}, {0, 3, 1, 1, "绩效目标"},
                           {0, 4, 1, 1, "一级指标"},       {0, 5, 1, 1, "二级指标"},
                           {0, 6, 1, 1, "三级指标"},       {0, 7, 1, 1, "指标性质"},
                           {0, 8, 1, 1, "年度目标值"},     {0, 9, 1, 1, "计量单位"}};
  std::vector<C> first = header;
  first.push_back({1, 0, 1, 1, "合计"});
  first.push_back({1, 1, 1, 1, "2,050.00"});
  PageContent p1;
  p1.page = 4;
  p1.lines = {Line("项目支出绩效目标表", 40)};
  p1.tables.push_back(MakeTable(4, kListXs, 2, first));
  std::vector<C> next = header;
  Group(next, 1, 1, "档案整理", "2,050.00", "完成整理。");
  Indicator(next, 1, "产出指标", "数量指标", "整理卷数", "定量", "≥300", "卷");
  PageContent p2;
  p2.page = 5;
  p2.tables.push_back(MakeTable(5, kListXs, 2, next));
  auto projects = ReadProjects({p1, p2}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].project_name, "档案整理");
  EXPECT_EQ(projects[0].title, "项目支出绩效目标表");
  EXPECT_EQ(projects[0].money_unit, "元");
  EXPECT_EQ(projects[0].budget.total, 2050.0);
  ASSERT_EQ(projects[0].indicators.size(), 1u);
  EXPECT_EQ(projects[0].indicators[0].value, "≥300卷");
}

TEST(ScannedListTable, AHeadingTheScanRuledIntoTheTableIsNoDepartmentTable) {
  // A seal's ring or a fold ruled the heading (部门名称：…, the title, 金额单位) into the list's
  // top row: the list is read, its heading gives the unit name and the money unit.
  std::vector<C> cells = {{0, 0, 1, 4, "部门名称：临川市生态环境局"},
                          {0, 4, 1, 6, "年度项目支出绩效表 金额单位：万元"}};
  for (C c : ListHeader()) cells.push_back({c.row + 1, c.col, 1, 1, c.text});
  Group(cells, 2, 2, "11000026T000053244663-信用信息归集服务", "5,238.51", "1、提高资金使用效益。");
  Indicator(cells, 2, "产出指标", "数量指标", "法律咨询次数", "定量", "2", "次");
  Indicator(cells, 3, "", "", "审计项目数量", "定量", "2", "个");
  PageContent p;
  p.page = 1;
  p.tables.push_back(Scanned(MakeTable(1, kListXs, 4, cells)));
  auto projects = ReadProjects({p}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].kind, "project");
  EXPECT_EQ(projects[0].project_code, "11000026T000053244663");
  EXPECT_EQ(projects[0].project_name, "信用信息归集服务");
  EXPECT_EQ(projects[0].unit_name, "临川市生态环境局");
  EXPECT_EQ(projects[0].money_unit, "万元");
  EXPECT_EQ(projects[0].budget.total, 5238.51);
  EXPECT_EQ(projects[0].indicators.size(), 2u);
}

TEST(ScannedListTable, UnreadHeadersLeftOfTheBlockArePlacedByWhatTheirColumnsPrint) {
  // A seal over 财政资金 and 绩效目标: their headers read as the ring's strokes. The column of
  // money right of 项目总额 is 财政资金, the column of sentences the goals (the totals row's
  // blank goals cell read as a speck does not hide them).
  std::vector<C> cells = ListHeader();
  cells[2].text = "oo";
  cells[3].text = "7全全";
  cells.push_back({1, 0, 1, 1, "合计"});
  cells.push_back({1, 1, 1, 1, "5,238.51"});
  cells.push_back({1, 2, 1, 1, "5,238.51"});
  cells.push_back({1, 3, 1, 1, "诡"});
  Group(cells, 2, 2, "11000026T000053244663-信用信息归集服务", "5,238.51",
        "1、做好宣传引导工作，扩大政策知晓面和社会影响力。2、完善工作机制，提升服务质量。");
  Indicator(cells, 2, "产出指标", "数量指标", "法律咨询次数", "＝", "2", "次");
  Indicator(cells, 3, "", "", "审计项目数量", "＝", "2", "个");
  auto projects = ReadProjects({Page(1, Scanned(MakeTable(1, kListXs, 4, cells)))}, nullptr);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].budget.total, 5238.51);
  EXPECT_EQ(projects[0].budget.fiscal, 5238.51);
  EXPECT_EQ(projects[0].goals,
            (std::vector<std::string>{"做好宣传引导工作，扩大政策知晓面和社会影响力。",
                                      "完善工作机制，提升服务质量。"}));
  EXPECT_EQ(projects[0].indicators.size(), 2u);
  // Short text under an unread header is no goal: the column stays an attribute.
  std::vector<C> terse = ListHeader();
  terse[3].text = "7全全";
  Group(terse, 1, 2, "11000026T000053244663-信用信息归集服务", "5,238.51", "按期完成");
  Indicator(terse, 1, "产出指标", "数量指标", "法律咨询次数", "＝", "2", "次");
  Indicator(terse, 2, "", "", "审计项目数量", "＝", "2", "个");
  auto short_goal = ReadProjects({Page(1, Scanned(MakeTable(1, kListXs, 3, terse)))}, nullptr);
  ASSERT_EQ(short_goal.size(), 1u);
  EXPECT_TRUE(short_goal[0].goals.empty());
}

TEST(ScannedListTable, AUnitCellReadAsAGlyphNoUnitIsIsTheUnitItStandsFor) {
  // chi_sim reads a % printed alone in its cell as 多 or 和 (records.unit_glyph); a unit read
  // right, and a digital page's text, stay as they are.
  std::vector<C> cells = ListHeader();
  Group(cells, 1, 3, "11000026T000053244663-信用信息归集服务", "5,238.51", "1、提高资金使用效益。");
  Indicator(cells, 1, "产出指标", "质量指标", "验收合格率", "≥", "90", "多");
  Indicator(cells, 2, "", "", "数据准确率", "＝", "97", "和");
  Indicator(cells, 3, "", "", "调查户数", "＝", "24", "户");
  auto scanned = ReadProjects({Page(1, Scanned(MakeTable(1, kListXs, 4, cells)))}, nullptr);
  ASSERT_EQ(scanned.size(), 1u);
  ASSERT_EQ(scanned[0].indicators.size(), 3u);
  EXPECT_EQ(scanned[0].indicators[0].value, "≥90%");
  EXPECT_EQ(scanned[0].indicators[0].value_normalized.unit, "%");
  EXPECT_EQ(scanned[0].indicators[1].value, "＝97%");
  EXPECT_EQ(scanned[0].indicators[2].value, "＝24户");
  const auto& attrs = scanned[0].indicators[0].attributes;
  EXPECT_NE(std::find(attrs.begin(), attrs.end(),
                      std::pair<std::string, std::string>{"绩效度量单位", "%"}),
            attrs.end());
  const Source& s = scanned[0].provenance.at("indicators[0].value");
  EXPECT_TRUE(s.corrected);
  EXPECT_EQ(s.fixes, std::vector<std::string>{"records.unit_glyph"});
  EXPECT_FALSE(scanned[0].provenance.at("indicators[2].value").corrected);

  FixSwitches off;
  off.Disable("records.unit_glyph");
  auto unfixed = ReadProjects({Page(1, Scanned(MakeTable(1, kListXs, 4, cells)))}, nullptr, off);
  EXPECT_EQ(unfixed[0].indicators[0].value, "≥90多");
  auto digital = ReadProjects({Page(1, MakeTable(1, kListXs, 4, cells))}, nullptr);
  EXPECT_EQ(digital[0].indicators[0].value, "≥90多");
}

TEST(ScannedListTable, AGroupARuleOfTheScanCutGoesOnWithItsRows) {
  // A fold drawn across the page cut the group's name, money and goals cells in two: the blank
  // lower halves go on with the group; a group with a name of its own is a project of its own.
  std::vector<C> cells = ListHeader();
  Group(cells, 1, 2, "11000026T000053244663-信用信息归集服务", "5,238.51", "1、提高资金使用效益。");
  Indicator(cells, 1, "产出指标", "数量指标", "法律咨询次数", "＝", "2", "次");
  Indicator(cells, 2, "", "", "审计项目数量", "＝", "2", "个");
  Group(cells, 3, 2, "", "", "");
  Indicator(cells, 3, "效益指标", "社会效益指标", "服务对象投诉率", "≤", "5", "%");
  Indicator(cells, 4, "", "", "群众办事便利程度", "定性", "优", "");
  Group(cells, 5, 1, "11000026T000036006666-市级信用信息归集服务", "11,837.89", "按期完成。");
  Indicator(cells, 5, "产出指标", "数量指标", "培训人次", "≥", "1500", "人次");
  const Table t = MakeTable(1, kListXs, 6, cells);
  auto projects = ReadProjects({Page(1, Scanned(t))}, nullptr);
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[0].project_name, "信用信息归集服务");
  ASSERT_EQ(projects[0].indicators.size(), 4u);
  EXPECT_EQ(projects[0].indicators[3].level3, "群众办事便利程度");
  EXPECT_EQ(projects[0].indicators[3].level1, "效益指标");
  EXPECT_EQ(projects[1].project_name, "市级信用信息归集服务");
  // (a digital page prints what it means: its blank group stays apart)
  EXPECT_EQ(ReadProjects({Page(1, t)}, nullptr).size(), 3u);
}

TEST(ScannedListTable, ProjectCellsInATableBesideTheIndicatorsPartTheGroups) {
  // Page 1 starts the list with project 甲. On page 2 the scan lost the rules between the
  // project cells and the indicator block: two tables side by side. The left one's rule parts
  // 甲's last rows from 乙's, and cuts the indicator row that lost its own rule there.
  std::vector<C> first = ListHeader();
  Group(first, 1, 1, "11000026T000000001-甲项目", "10", "1、甲目标。");
  Indicator(first, 1, "产出指标", "数量指标", "甲指标一", "＝", "1", "个");
  PageContent p1 = Page(1, Scanned(MakeTable(1, kListXs, 2, first)));

  const std::vector<double> right_xs(kListXs.begin() + 4, kListXs.end());
  std::vector<C> right;
  auto row = [&right](int r, int span, const std::string& l3) {
    for (const C& c : std::vector<C>{{r, 0, span, 1, "产出指标"},
                                     {r, 1, span, 1, "数量指标"},
                                     {r, 2, span, 1, l3},
                                     {r, 3, span, 1, "＝"},
                                     {r, 4, span, 1, "2"},
                                     {r, 5, span, 1, "个"}})
      right.push_back(c);
  };
  row(0, 1, "甲指标二");
  row(1, 1, "甲指标三");
  row(2, 2, "甲指标四 乙指标一");
  Table r = Scanned(MakeTable(2, right_xs, 4, right));
  for (TableCell& c : r.cells) {  // the merged row: 甲's line above y 160, 乙's below
    if (c.row != 2) continue;
    TextLine top = c.lines[0], bottom = c.lines[0];
    top.box.y1 = 158, bottom.box.y0 = 162;
    if (c.col == 2) top.SetText("甲指标四"), bottom.SetText("乙指标一");
    c.lines = {top, bottom};
  }
  r.row_lines = {100, 120, 140, 180};
  r.rows = 3;
  const std::vector<double> left_xs(kListXs.begin(), kListXs.begin() + 5);
  std::vector<C> left = {{0, 0, 3, 1, ""}, {0, 1, 3, 1, ""}, {0, 2, 3, 1, ""}, {0, 3, 3, 1, ""}};
  Group(left, 3, 1, "11000026T000000002-乙项目", "20", "1、乙目标。");
  Table l = Scanned(MakeTable(2, left_xs, 4, left));
  l.row_lines = {100, 160, 180};
  l.rows = 2;
  for (TableCell& c : l.cells) c.row = c.row == 3 ? 1 : 0, c.rowspan = 1;
  PageContent p2;
  p2.page = 2;
  p2.tables = {r, l};
  std::vector<Warning> warnings;
  auto projects = ReadProjects({p1, p2}, &warnings);
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[0].project_name, "甲项目");
  ASSERT_EQ(projects[0].indicators.size(), 4u);
  EXPECT_EQ(projects[0].indicators[3].level3, "甲指标四");
  EXPECT_EQ(projects[1].project_name, "乙项目");
  EXPECT_EQ(projects[1].budget.total, 20);
  ASSERT_EQ(projects[1].indicators.size(), 1u);
  EXPECT_EQ(projects[1].indicators[0].level3, "乙指标一");
  EXPECT_TRUE(warnings.empty());
  // (the left table first on its page reads the same)
  p2.tables = {l, r};
  EXPECT_EQ(ReadProjects({p1, p2}, nullptr).size(), 2u);
}

TEST(UnitMisread, OneGlyphNoUnitIs) {
  EXPECT_EQ(UnitMisread("多"), "%");
  EXPECT_EQ(UnitMisread("人"), std::nullopt);    // a unit
  EXPECT_EQ(UnitMisread("多人"), std::nullopt);  // not one glyph
  EXPECT_EQ(UnitMisread("好"), std::nullopt);    // no known misreading
}

TEST(SplitCodeName, CodesAndNames) {
  EXPECT_EQ(
      SplitCodeName("11000026T000003742166-就业管理咨询与评审服务项目"),
      (std::pair<std::string, std::string>{"11000026T000003742166", "就业管理咨询与评审服务项目"}));
  EXPECT_EQ(SplitCodeName("[292]国家信访局"),
            (std::pair<std::string, std::string>{"292", "国家信访局"}));
  // The hyphen read by OCR as a dot or a dash.
  EXPECT_EQ(SplitCodeName("11000026T000002653766.数据中心运行维护"),
            (std::pair<std::string, std::string>{"11000026T000002653766", "数据中心运行维护"}));
  EXPECT_EQ(SplitCodeName("11000026T000002653766—数据中心运行维护"),
            (std::pair<std::string, std::string>{"11000026T000002653766", "数据中心运行维护"}));
  // A name with a hyphen but no code stays whole.
  EXPECT_EQ(SplitCodeName("问题发现-原因挖掘"),
            (std::pair<std::string, std::string>{"", "问题发现-原因挖掘"}));
}

}  // namespace
}  // namespace jixiao
