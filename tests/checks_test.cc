// The auditor checks (docs/CHECKS.md): every rule fires on records built to break it and stays
// quiet on consistent ones; the samples and the corpus truth give no error-level finding; a
// copy of a sample with planted inconsistencies reports each with its rule and project.
#include "checks/checks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "checks/format.h"
#include "checks/report.h"
#include "checks/text_scan.h"
#include "output/json.h"
#include "pipeline/extract.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// ---------------------------------------------------------------- building records

Indicator Ind(const std::string& l1, const std::string& l2, const std::string& l3,
              const std::string& value, const std::string& description = "") {
  Indicator i;
  i.level1 = l1;
  i.level2 = l2;
  i.level3 = l3;
  i.description = description;
  i.value = value;
  i.value_normalized = Normalize(value);
  return i;
}

// A consistent project after the corpus's 公用取暖费: the text's arithmetic holds, the budget
// adds up, the plan rises to 100, every category is there.
Project Heating(int index = 1) {
  Project p;
  p.index = index;
  p.title = "公用取暖费绩效目标表";
  p.unit_code = "318002";
  p.money_unit = "万元";
  p.project_code = "318-1302-JBN-YH7U";
  p.project_name = "公用取暖费";
  p.budget = {12.05, 12.05, std::nullopt};
  p.purpose = "2020 年局机关办公楼取暖费 120526.20 元，取暖面积 4017.54 平方米，单价 30 元。";
  p.schedule = {std::nullopt, std::nullopt, std::nullopt, 100.0};
  p.goals = {"保证供暖期如期供暖", "保证正常的办公环境",
             "及时支付 2020 年局机关办公楼取暖费 120526.20 元"};
  p.indicators = {
      Ind("产出指标", "数量指标", "保障办公人数", "74 人"),
      Ind("产出指标", "质量指标", "保障机关正常运转", "≥100%", "提高在职人员工作环境"),
      Ind("产出指标", "成本指标", "取暖费用", "≤预算控制数", "实际支出金额小于预算控制数"),
      Ind("产出指标", "时效指标", "经费保障及时性", "及时保障"),
      Ind("效果指标", "社会效益指标", "保障单位冬季的正常取暖", "=100%"),
      Ind("满意度指标", "服务对象满意度指标", "保障正常的办公环境", "≥95%",
          "职工对当年取暖期办公环境的满意度")};
  p.pages = {9};
  return p;
}

// After the corpus's 国有资产管理软件款: 112 户 at 一年一户 1600 元 is the budget.
Project Software(int index = 1) {
  Project p;
  p.index = index;
  p.unit_code = "318002";
  p.money_unit = "万元";
  p.project_code = "318-1101-JBN-CE0M";
  p.project_name = "国有资产管理软件款及升级费用";
  p.budget = {17.92, 17.92, std::nullopt};
  p.purpose = "行政事业单位通过“行政事业单位资产管理信息系统”加强行政事业单位国有资产管理。";
  p.schedule = {25.0, 50.0, 75.0, 100.0};
  p.indicators = {
      Ind("产出指标", "数量指标", "服务预算单位数量", "112 户"),
      Ind("产出指标", "成本指标", "一年一户 1600 元", "按合同规定", "按实际服务户数支付费用"),
      Ind("效果指标", "社会效益指标", "对区内行政事业单位资产进行管理", "112 户"),
      Ind("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%")};
  return p;
}

std::vector<Finding> Of(const std::vector<Finding>& all, const std::string& rule) {
  std::vector<Finding> out;
  for (const Finding& f : all)
    if (f.rule == rule) out.push_back(f);
  return out;
}

std::string Dump(const std::vector<Finding>& all) {
  std::string s;
  for (const Finding& f : all)
    s += std::string(SeverityName(f.severity)) + " " + f.rule + " #" + std::to_string(f.index) +
         ": " + f.message_zh + "\n";
  return s;
}

std::vector<Finding> CheckOne(const Project& p) {
  return Check({p});
}

// ---------------------------------------------------------------- consistent records

TEST(Checks, ConsistentProjectsAreQuiet) {
  EXPECT_TRUE(CheckOne(Heating()).empty()) << Dump(CheckOne(Heating()));
  EXPECT_TRUE(CheckOne(Software()).empty()) << Dump(CheckOne(Software()));
  EXPECT_TRUE(Check({Heating(1), Software(2)}).empty());
}

// ---------------------------------------------------------------- 预算数

TEST(Checks, BudgetSumFires) {
  Project p = Heating();
  p.budget = {12.05, 11.05, 0.0};
  auto f = Of(CheckOne(p), "budget.sum");
  ASSERT_EQ(f.size(), 1u) << Dump(CheckOne(p));
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].index, 1);
  EXPECT_EQ(f[0].project_code, "318-1302-JBN-YH7U");
  EXPECT_EQ(f[0].page, 9);
  EXPECT_NE(f[0].message_zh.find("预算数"), std::string::npos);

  p.budget = {100.0, 60.0, 30.0};  // both parts printed
  EXPECT_EQ(Of(CheckOne(p), "budget.sum").size(), 1u);
  p.budget = {std::nullopt, 60.0, 30.0};
  EXPECT_EQ(Of(CheckOne(p), "budget.missing").size(), 1u);
  EXPECT_TRUE(Of(CheckOne(p), "budget.sum").empty());
  // A part read above the whole is wrong whatever the part not read says.
  p.budget = {12.05, 13.05, std::nullopt};
  EXPECT_EQ(Of(CheckOne(p), "budget.sum").size(), 1u);
}

// A part that was not read is no zero: what cannot be checked is a note, not an error.
TEST(Checks, AnUnreadPartOfTheBudgetIsANoteNotAnError) {
  Project p = Heating();
  p.budget = {12.05, 11.05, std::nullopt};
  const auto all = CheckOne(p);
  EXPECT_TRUE(Of(all, "budget.sum").empty()) << Dump(all);
  const auto note = Of(all, "budget.unchecked");
  ASSERT_EQ(note.size(), 1u) << Dump(all);
  EXPECT_EQ(note[0].severity, Severity::kInfo);
  EXPECT_EQ(note[0].fields, (std::vector<std::string>{"budget.total", "budget.other"}));
  EXPECT_NE(note[0].message_zh.find("其他资金未读到"), std::string::npos) << note[0].message_zh;
  EXPECT_FALSE(AnyAtLeast(all, Severity::kError)) << Dump(all);
  p.budget = {12.05, std::nullopt, 1.0};  // the fiscal part not read
  ASSERT_EQ(Of(CheckOne(p), "budget.unchecked").size(), 1u);
  EXPECT_EQ(Of(CheckOne(p), "budget.unchecked")[0].fields[1], "budget.fiscal");
}

TEST(Checks, BudgetSumQuietWithinRounding) {
  Project p = Heating();
  for (Budget b :
       {Budget{100.0, 100.0, std::nullopt}, Budget{100.0, 100.0, 0.0},
        Budget{1368.9, 1095.12, 273.78}, Budget{10.0, 6.67, 3.34},  // 6.665 + 3.335 each rounded up
        Budget{3286500.0, 3286500.0, 0.0}, Budget{12.05, std::nullopt, std::nullopt}}) {
    p.budget = b;
    EXPECT_TRUE(Of(CheckOne(p), "budget.sum").empty()) << *b.total;
  }
  p.budget = {10.0, 6.67, 3.35};  // 0.02 off: beyond rounding
  EXPECT_EQ(Of(CheckOne(p), "budget.sum").size(), 1u);
}

// Money printed under a label the contract names no field for (财政专户拨款, in attributes) is a
// part of the total too: a table whose parts add up gives no error, one whose do not still does.
TEST(Checks, BudgetSumCountsTheSpecialAccountMoney) {
  Project p = Heating();
  p.budget = {14276.49, 12978.63, 0.0};
  p.attributes.push_back({"财政专户拨款", "1297.860000"});
  EXPECT_TRUE(Of(CheckOne(p), "budget.sum").empty()) << Dump(CheckOne(p));
  p.attributes.back().second = "1197.860000";
  const auto f = Of(CheckOne(p), "budget.sum");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message_zh.find("财政专户拨款 1197.86"), std::string::npos) << f[0].message_zh;
}

TEST(Checks, AnnualBudgetSum) {
  Project p = Heating();
  p.money_unit = "元";
  p.budget = {3286500.0, 3286500.0, 0.0};
  p.purpose.clear();
  p.goals.clear();
  p.attributes = {{"年度资金申请总额", "3,286,500.00"},
                  {"其中：当年财政拨款", "2,986,500.00"},
                  {"上年结转资金", "300,000.00"}};
  EXPECT_TRUE(CheckOne(p).empty()) << Dump(CheckOne(p));
  p.attributes[2].second = "400,000.00";
  auto f = Of(CheckOne(p), "budget.annual_sum");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);  // the parts exceed the whole
}

// ---------------------------------------------------------------- 资金支出计划

TEST(Checks, ScheduleDecreasingFires) {
  Project p = Heating();
  p.schedule = {25.0, 50.0, 40.0, 100.0};
  auto f = Of(CheckOne(p), "schedule.decreasing");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].fields, (std::vector<std::string>{"schedule.jun", "schedule.oct"}));
  p.schedule = {50.0, std::nullopt, 30.0, 100.0};  // across a blank cell
  EXPECT_EQ(Of(CheckOne(p), "schedule.decreasing").size(), 1u);
}

TEST(Checks, ScheduleOver100Fires) {
  Project p = Heating();
  p.schedule = {25.0, 50.0, 75.0, 110.0};
  auto f = Of(CheckOne(p), "schedule.over_100");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].fields, std::vector<std::string>{"schedule.dec"});
}

TEST(Checks, ScheduleIncompleteFires) {
  Project p = Heating();
  p.schedule = {25.0, 50.0, 75.0, 90.0};
  auto f = Of(CheckOne(p), "schedule.incomplete");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  p.schedule = {25.0, 50.0, 75.0, std::nullopt};
  EXPECT_EQ(Of(CheckOne(p), "schedule.incomplete").size(), 1u);
}

TEST(Checks, ScheduleQuiet) {
  Project p = Heating();
  for (Schedule s :
       {Schedule{25.0, 50.0, 75.0, 100.0}, Schedule{std::nullopt, 50.0, std::nullopt, 100.0},
        Schedule{50.0, std::nullopt, std::nullopt, 100.0},
        Schedule{25.0, 50.0, 100.0, std::nullopt}, Schedule{25.0, 50.0, 75.0, 100.00},
        Schedule{}}) {
    p.schedule = s;
    EXPECT_TRUE(CheckOne(p).empty()) << Dump(CheckOne(p));
  }
  // Shares per quarter that add up to 100: noted, not an error.
  p.schedule = {25.0, 25.0, 25.0, 25.0};
  auto all = CheckOne(p);
  EXPECT_FALSE(AnyAtLeast(all, Severity::kWarning)) << Dump(all);
  EXPECT_EQ(Of(all, "schedule.per_period").size(), 1u);
}

// ---------------------------------------------------------------- text arithmetic

TEST(Checks, TextArithmeticFires) {
  Project p = Heating();
  p.purpose = "2020 年局机关办公楼取暖费 120526.20 元，取暖面积 4117.54 平方米，单价 30 元。";
  auto f = Of(CheckOne(p), "text.arithmetic");
  ASSERT_EQ(f.size(), 1u) << Dump(CheckOne(p));
  EXPECT_EQ(f[0].severity, Severity::kError);  // amount, quantity and price all in one sentence
  EXPECT_EQ(f[0].fields, std::vector<std::string>{"purpose"});
  EXPECT_NE(f[0].message_zh.find("123526.20"), std::string::npos) << f[0].message_zh;

  p.purpose = "取暖费 120526.20 元，取暖面积 4017.54 平方米，单价 32 元。";
  EXPECT_EQ(Of(CheckOne(p), "text.arithmetic").size(), 1u);
  // Two amounts, neither the product: a warning, the evidence is partial.
  p.purpose = "取暖费 120526.20 元，维修费 2 万元，取暖面积 4117.54 平方米，单价 30 元。";
  f = Of(CheckOne(p), "text.arithmetic");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
}

TEST(Checks, TextArithmeticQuiet) {
  Project p = Heating();
  for (const char* text : {
           "2020 年局机关办公楼取暖费 120526.20 元，取暖面积 4017.54 平方米，单价 30 元。",
           "取暖费 12.05 万元，取暖面积 4017.54 平方米，单价 30 元。",   // the amount rounded to
                                                                         // 万元
           "取暖面积 4017.54 平方米，单价 30 元，取暖费 120526.2 元。",  // another order
           "取暖费１２０５２６．２０元，取暖面积４０１７．５４平方米，单价３０元。",  // full-width
           "按每平方米 30 元的标准支付取暖面积 4017.54 平方米的取暖费 120526.20 元。",
           "取暖费 120526.20 元。取暖面积 3000 平方米，单价 20 元。",  // the product in another
                                                                       // sentence
       }) {
    p.purpose = text;
    EXPECT_TRUE(Of(CheckOne(p), "text.arithmetic").empty()) << text << "\n" << Dump(CheckOne(p));
  }
}

TEST(Checks, TextBudgetFires) {
  Project p = Heating();
  p.budget = {13.05, 13.05, std::nullopt};
  auto f = Of(CheckOne(p), "text.budget");
  ASSERT_EQ(f.size(), 1u) << Dump(CheckOne(p));
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].fields, (std::vector<std::string>{"purpose", "budget.total"}));
  // A cost line above the whole budget, among several amounts.
  p = Heating();
  p.purpose = "办公楼取暖费 15 万元，锅炉维修 2 万元。";
  p.goals.clear();
  EXPECT_EQ(Of(CheckOne(p), "text.budget").size(), 1u) << Dump(CheckOne(p));
  // A goal repeating the purpose's amount with another figure: close to the budget, not it.
  p = Heating();
  p.goals[2] = "及时支付 2020 年局机关办公楼取暖费 115526.20 元";
  auto g = Of(CheckOne(p), "text.budget");
  ASSERT_EQ(g.size(), 1u) << Dump(CheckOne(p));
  EXPECT_EQ(g[0].fields, (std::vector<std::string>{"goals[2]", "budget.total"}));
}

TEST(Checks, TextBudgetInMillions) {
  // A table in 百万元 is checked like one in 万元: the same figures, a hundredth of the number.
  Project p = Heating();
  p.money_unit = "百万元";
  p.budget = {0.1205, 0.1205, std::nullopt};
  EXPECT_TRUE(Of(CheckOne(p), "text.budget").empty()) << Dump(CheckOne(p));
  p.budget = {0.1305, 0.1305, std::nullopt};
  EXPECT_EQ(Of(CheckOne(p), "text.budget").size(), 1u) << Dump(CheckOne(p));
}

TEST(Checks, TextBudgetQuiet) {
  Project p = Heating();
  for (const char* text : {
           "2020 年局机关办公楼取暖费 120526.20 元。",  // 12.0526 万元 prints as 12.05
           "取暖费 12.05 万元。",
           "取暖费 10 万元，锅炉维修 2.05 万元。",  // the amounts add up to the budget
           "其中锅炉维修 2 万元。",                 // a part of it
           "取暖费 120526.20 元，其中锅炉维修 2 万元。",
           "取暖费 120526.20 元，另有维修 1.5 万元。",  // a small cost line beside the budget's
                                                        // figure
           "用于办公楼取暖，保障冬季办公。",
           "取暖费不超过 15 万元。",  // a ceiling above the budget
       }) {
    p.purpose = text;
    p.goals.clear();
    EXPECT_TRUE(Of(CheckOne(p), "text.budget").empty()) << text << "\n" << Dump(CheckOne(p));
  }
  // A table in 元 against a text in 万元.
  p = Heating();
  p.money_unit = "元";
  p.budget = {120526.2, 120526.2, std::nullopt};
  p.purpose = "取暖费 12.05 万元。";
  p.goals.clear();
  EXPECT_TRUE(Of(CheckOne(p), "text.budget").empty()) << Dump(CheckOne(p));
}

// ---------------------------------------------------------------- indicators against the budget

TEST(Checks, CostCeilingFires) {
  Project p = Heating();
  p.indicators[2] =
      Ind("产出指标", "成本指标", "取暖费用", "≤13 万元", "实际支出金额小于预算控制数");
  auto f = Of(CheckOne(p), "indicator.cost_ceiling");
  ASSERT_EQ(f.size(), 1u) << Dump(CheckOne(p));
  EXPECT_EQ(f[0].fields, (std::vector<std::string>{"indicators[2].value", "budget.total"}));
  // A ceiling on the whole project under its budget.
  p.indicators[2] = Ind("产出指标", "成本指标", "项目总成本", "≤10 万元");
  EXPECT_EQ(Of(CheckOne(p), "indicator.cost_ceiling").size(), 1u);
  // In 元 against a table in 万元.
  p.indicators[2] = Ind("产出指标", "成本指标", "取暖费用", "≤130000元");
  EXPECT_EQ(Of(CheckOne(p), "indicator.cost_ceiling").size(), 1u);
  // The project's one money cost, most of the budget but under it; a 审批标准 in the
  // description does not make it a price.
  p.indicators[2] =
      Ind("产出指标", "成本指标", "工资与规定相符", "≤10 万元", "工资发放符合组织部门审批标准");
  EXPECT_EQ(Of(CheckOne(p), "indicator.cost_ceiling").size(), 1u) << Dump(CheckOne(p));
}

TEST(Checks, CostCeilingQuiet) {
  Project p = Heating();
  for (const char* value : {"≤12.05 万元", "≤120526.20元", "≤预算控制数", "≤12.05万元"}) {
    p.indicators[2] = Ind("产出指标", "成本指标", "取暖费用", value);
    EXPECT_TRUE(Of(CheckOne(p), "indicator.cost_ceiling").empty()) << value << "\n"
                                                                   << Dump(CheckOne(p));
  }
  // A cost line under the budget, and per-unit costs.
  p.indicators[2] = Ind("产出指标", "成本指标", "锅炉维修费", "≤2 万元");
  EXPECT_TRUE(Of(CheckOne(p), "indicator.cost_ceiling").empty());
  p.indicators[2] = Ind("产出指标", "成本指标", "燃料费", "≤8 万元");  // two cost lines: parts
  p.indicators[3] = Ind("产出指标", "成本指标", "维修费", "≤4 万元");
  EXPECT_TRUE(Of(CheckOne(p), "indicator.cost_ceiling").empty()) << Dump(CheckOne(p));
  p = Heating();
  p.indicators[2] = Ind("产出指标", "成本指标", "生均补助标准", "≤2000元");
  EXPECT_TRUE(Of(CheckOne(p), "indicator.cost_ceiling").empty());
  p.indicators[2] = Ind("产出指标", "成本指标", "人均取暖成本", "≤2000元");
  EXPECT_TRUE(Of(CheckOne(p), "indicator.cost_ceiling").empty());
}

TEST(Checks, UnitCostFires) {
  Project p = Software();
  p.budget = {19.92, 19.92, std::nullopt};
  auto f = Of(CheckOne(p), "indicator.unit_cost");
  ASSERT_EQ(f.size(), 1u) << Dump(CheckOne(p));
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].index, 1);
  p = Software();
  p.budget = {16.92, 16.92, std::nullopt};
  EXPECT_EQ(Of(CheckOne(p), "indicator.unit_cost").size(), 1u);
  // The count changed in 数量指标 (the 效果指标 still says 112).
  p = Software();
  p.indicators[0] = Ind("产出指标", "数量指标", "服务预算单位数量", "120 户");
  EXPECT_EQ(Of(CheckOne(p), "indicator.unit_cost").size(), 1u) << Dump(CheckOne(p));
  // The price in the indicator's value.
  p = Software();
  p.indicators[1] = Ind("产出指标", "成本指标", "软件服务费", "=1800元/户");
  EXPECT_EQ(Of(CheckOne(p), "indicator.unit_cost").size(), 1u) << Dump(CheckOne(p));
}

TEST(Checks, UnitCostFromTheText) {
  Project p = Software();
  p.indicators.erase(p.indicators.begin() + 1);
  p.budget = {512.4, 512.4, std::nullopt};
  p.purpose = "用于学生营养膳食补助，按每生每天4元标准、全年在校200天核定，覆盖学生6405人。";
  p.indicators[0] = Ind("产出指标", "数量指标", "受益学生人数", "=6405 人");
  EXPECT_TRUE(CheckOne(p).empty()) << Dump(CheckOne(p));
  p.budget = {612.4, 612.4, std::nullopt};
  EXPECT_EQ(Of(CheckOne(p), "indicator.unit_cost").size(), 1u) << Dump(CheckOne(p));
}

TEST(Checks, UnitCostQuiet) {
  Project p = Software();
  p.indicators[1] =
      Ind("产出指标", "成本指标", "软件服务费", "≤1600元/户");  // a ceiling: any budget under it
  p.budget = {15.0, 15.0, std::nullopt};
  EXPECT_TRUE(Of(CheckOne(p), "indicator.unit_cost").empty()) << Dump(CheckOne(p));
  // Two different counts of 户: which one the price is per is open.
  p = Software();
  p.budget = {19.92, 19.92, std::nullopt};
  p.indicators.push_back(Ind("产出指标", "数量指标", "新增单位", "=20 户"));
  EXPECT_TRUE(Of(CheckOne(p), "indicator.unit_cost").empty()) << Dump(CheckOne(p));
  // A count from another sentence does not hold the budget down to the product.
  p = Software();
  p.indicators.erase(p.indicators.begin(), p.indicators.begin() + 3);
  p.indicators.push_back(Ind("产出指标", "质量指标", "完成率", "100%"));
  p.indicators.push_back(Ind("效果指标", "社会效益指标", "运转", "正常"));
  p.purpose = "按每生每年650元标准核定公用经费。在校生不足100人的学校按100人核定。";
  p.budget = {80.0, 80.0, std::nullopt};
  EXPECT_TRUE(CheckOne(p).empty()) << Dump(CheckOne(p));
  // Per-student standards of two school levels.
  p = Software();
  p.budget = {1368.9, 1095.12, 273.78};
  p.purpose = "按照小学每生每年650元、初中每生每年850元的基准定额，保障学校日常运转。";
  p.indicators = {Ind("产出指标", "数量指标", "保障小学生人数", "=10260 人"),
                  Ind("产出指标", "数量指标", "保障初中生人数", "=5410 人"),
                  Ind("产出指标", "成本指标", "小学生均公用经费", "=650元"),
                  Ind("效果指标", "社会效益指标", "巩固率", "≥97%"),
                  Ind("满意度指标", "服务对象满意度指标", "学生满意度", "≥90%")};
  EXPECT_TRUE(CheckOne(p).empty()) << Dump(CheckOne(p));
}

// ---------------------------------------------------------------- rates, satisfaction

TEST(Checks, RateOver100Fires) {
  Project p = Heating();
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"工作完成率", "105%"},
                                                        {"验收合格率", "≥101%"},
                                                        {"支付及时率", "=100.5%"},
                                                        {"任务完成率", "90%-110%"},
                                                        {"服务对象满意度", "≥105%"},
                                                        {"资金到位率", ">100%"}}) {
    p.indicators[1] = Ind("产出指标", "质量指标", name, value);
    auto f = Of(CheckOne(p), "indicator.rate_over_100");
    ASSERT_EQ(f.size(), 1u) << name << " " << value;
    EXPECT_EQ(f[0].severity, Severity::kError);
    EXPECT_EQ(f[0].fields, std::vector<std::string>{"indicators[1].value"});
  }
}

TEST(Checks, PercentOver100WithoutARateNameWarns) {
  Project p = Heating();
  p.indicators[4] = Ind("效果指标", "社会效益指标", "保障单位冬季的正常取暖", "=105%");
  auto f = Of(CheckOne(p), "indicator.rate_over_100");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
}

TEST(Checks, RateOver100Quiet) {
  Project p = Heating();
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"工作完成率", "100%"},
                                                        {"验收合格率", "≥100%"},
                                                        {"收入增长率", "120%"},
                                                        {"覆盖面提高", "≥110%"},
                                                        {"税收收入完成率", "≥102%"},
                                                        {"任务完成率", "90%-100%"},
                                                        {"成灾率", "≤4.2‰"},
                                                        {"完成率", "≤120%"},
                                                        {"故障维护及时率", "≤48 小时"}}) {
    p.indicators[1] = Ind("产出指标", "质量指标", name, value);
    EXPECT_TRUE(Of(CheckOne(p), "indicator.rate_over_100").empty()) << name << " " << value;
  }
}

TEST(Checks, SatisfactionLow) {
  Project p = Heating();
  p.indicators[5] = Ind("满意度指标", "服务对象满意度指标", "职工满意度", "≥75%");
  auto f = Of(CheckOne(p), "indicator.satisfaction_low");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  for (const char* v : {"≥80%", "≥95%", "90%-100%", "95%以上", "较满意"}) {
    p.indicators[5] = Ind("满意度指标", "服务对象满意度指标", "职工满意度", v);
    EXPECT_TRUE(Of(CheckOne(p), "indicator.satisfaction_low").empty()) << v;
  }
}

// ---------------------------------------------------------------- completeness

TEST(Checks, MissingCategory) {
  Project p = Heating();
  p.indicators.pop_back();
  auto f = Of(CheckOne(p), "indicator.missing_category");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message_zh.find("满意度指标"), std::string::npos);
  p.indicators.clear();
  EXPECT_EQ(Of(CheckOne(p), "indicator.missing_category").size(), 1u);
  // Older templates: 效益指标, with satisfaction as a 二级指标.
  p = Heating();
  p.indicators = {Ind("产出指标", "数量指标", "人数", "74 人"),
                  Ind("效益指标", "社会效益指标", "保障", "有效"),
                  Ind("效益指标", "服务对象满意度指标", "满意度", "≥90%")};
  EXPECT_TRUE(Of(CheckOne(p), "indicator.missing_category").empty());
}

TEST(Checks, MissingValue) {
  Project p = Heating();
  p.indicators[3] = Ind("产出指标", "时效指标", "经费保障及时性", "");
  auto f = Of(CheckOne(p), "indicator.missing_value");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].fields, std::vector<std::string>{"indicators[3].value"});
  p.indicators[3] = Ind("产出指标", "时效指标", "经费保障及时性", "  ");
  EXPECT_EQ(Of(CheckOne(p), "indicator.missing_value").size(), 1u);
  p.indicators[3] = Ind("产出指标", "时效指标", "经费保障及时性", "12月底前");
  EXPECT_TRUE(Of(CheckOne(p), "indicator.missing_value").empty());
}

// ---------------------------------------------------------------- 项目编码

std::vector<Project> FiveProjects() {
  std::vector<Project> ps;
  const char* codes[] = {"318-1301-JBN-RKLW", "318-1302-JBN-12D2", "318-1302-JBN-YH7U",
                         "318-0803-JBN-ZZ3U", "318-1101-JBN-CE0M"};
  for (int i = 0; i < 5; ++i) {
    Project p = Heating(i + 1);
    p.project_code = codes[i];
    p.project_name = "项目" + std::to_string(i + 1);
    ps.push_back(p);
  }
  return ps;
}

TEST(Checks, CodesQuiet) {
  EXPECT_TRUE(Check(FiveProjects()).empty()) << Dump(Check(FiveProjects()));
  // No codes at all (forms that print none).
  auto ps = FiveProjects();
  for (Project& p : ps) p.project_code.clear();
  EXPECT_TRUE(Check(ps).empty());
}

TEST(Checks, CodeMalformedFires) {
  for (const char* bad :
       {"318-13O2-JBN-12D2", "318-1302-JBN-12D", "3181302JBN12D2", "318-1302-JBN-12D2-X",
        "318-1302-JB1-12D2", "320-1302-JBN-12D2", "318-1302-JBN-12D2/", "318-1302-JBN-项目"}) {
    auto ps = FiveProjects();
    ps[1].project_code = bad;
    auto f = Of(Check(ps), "code.malformed");
    ASSERT_EQ(f.size(), 1u) << bad << "\n" << Dump(Check(ps));
    EXPECT_EQ(f[0].index, 2);
    EXPECT_EQ(f[0].fields, std::vector<std::string>{"project_code"});
  }
}

TEST(Checks, CodeDuplicate) {
  auto ps = FiveProjects();
  ps[3].project_code = ps[0].project_code;
  auto f = Of(Check(ps), "code.duplicate");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].index, 4);
  // The same table twice: a warning.
  ps = FiveProjects();
  ps[3] = ps[0];
  ps[3].index = 4;
  EXPECT_TRUE(Of(Check(ps), "code.duplicate").empty());
  EXPECT_EQ(Of(Check(ps), "code.repeated").size(), 1u);
  // One missing among several.
  ps = FiveProjects();
  ps[2].project_code.clear();
  f = Of(Check(ps), "code.missing");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].index, 3);
}

// ---------------------------------------------------------------- review

TEST(Checks, Review) {
  Project p = Heating();
  Source ocr;
  ocr.page = 9;
  ocr.source = WordSource::kOcr;
  ocr.confidence = 0.95;
  p.provenance["budget.total"] = ocr;
  p.provenance["purpose"] = Source{};  // text layer
  EXPECT_TRUE(CheckOne(p).empty());
  ocr.confidence = 0.8;  // under the one review threshold, 0.9
  p.provenance["budget.total"] = ocr;
  ocr.confidence = 0.99;
  ocr.corrected = true;
  p.provenance["indicators[0].value"] = ocr;
  auto all = CheckOne(p);
  auto low = Of(all, "review.low_confidence");
  auto fixed = Of(all, "review.corrected");
  ASSERT_EQ(low.size(), 1u);
  ASSERT_EQ(fixed.size(), 1u);
  EXPECT_EQ(low[0].severity, Severity::kInfo);
  EXPECT_EQ(low[0].fields, std::vector<std::string>{"budget.total"});
  EXPECT_EQ(fixed[0].fields, std::vector<std::string>{"indicators[0].value"});
  EXPECT_NE(fixed[0].message_zh.find("74 人"), std::string::npos);
  EXPECT_FALSE(AnyAtLeast(all, Severity::kWarning));
}

// Provenance's review reasons (issue 15): each from its own signal, on hand-built records.
TEST(Checks, MarkReviewGivesReasons) {
  Project p = Heating();
  p.index = 1;
  p.indicators[0] = Ind("产出指标", "数量指标", "保障办公人数", "8O人");  // O for 0: no number
  Source ocr;
  ocr.source = WordSource::kOcr;
  ocr.confidence = 0.99;
  p.provenance["project_name"] = ocr;  // sure of every glyph: no reason
  Source weak = ocr;
  weak.weakest_glyph = 0.3;  // one doubted glyph in a sure line
  p.provenance["purpose"] = weak;
  p.provenance["indicators[0].value"] = ocr;
  Source fixed = ocr;
  fixed.fixes = {"ocr.word_list"};  // a guess (ocr.digit_recheck, a sure one, would not flag)
  p.provenance["indicators[1].value"] = fixed;
  Source text_layer;  // a text-layer field is never low_confidence
  text_layer.confidence = 0.5;
  p.provenance["budget.total"] = text_layer;
  p.provenance["budget.fiscal"] = ocr;
  Finding sum;
  sum.rule = "budget.sum";
  sum.index = 1;
  sum.fields = {"budget"};  // names budget.total and budget.fiscal
  Finding info = sum;
  info.severity = Severity::kInfo;
  info.fields = {"project_name"};  // info findings fail nothing
  std::vector<Project> ps = {p};
  CheckOptions o;
  o.weak_glyph = 0.5;
  MarkReview(ps, {sum, info}, o);
  const auto& prov = ps[0].provenance;
  using V = std::vector<std::string>;
  EXPECT_EQ(prov.at("project_name").review, V{});
  EXPECT_EQ(prov.at("purpose").review, V{"low_confidence"});
  EXPECT_EQ(prov.at("indicators[0].value").review, V{"value_untyped"});
  EXPECT_EQ(prov.at("indicators[1].value").review, V{"fixed"});
  EXPECT_EQ(prov.at("budget.total").review, V{"check_failed"});
  EXPECT_EQ(prov.at("budget.fiscal").review, V{"check_failed"});
  // Another project's finding names none of this one's fields.
  sum.index = 2;
  MarkReview(ps, {sum}, o);
  EXPECT_EQ(ps[0].provenance.at("budget.total").review, V{});
  // The reasons go out in the extract JSON and come back.
  ps[0].provenance["purpose"].review = {"low_confidence", "fixed"};
  ExtractResult r;
  r.projects = ps;
  const Json j = ExtractJson(r);
  EXPECT_EQ(j["projects"][0]["provenance"]["purpose"]["review"],
            Json::array({"low_confidence", "fixed"}));
  EXPECT_EQ(j["projects"][0]["provenance"]["purpose"]["weakest_glyph"], 0.3);
  const Source back = ReadExtractJson(j, "").projects.at(0).provenance.at("purpose");
  EXPECT_EQ(back.review, (V{"low_confidence", "fixed"}));
  EXPECT_DOUBLE_EQ(back.weakest_glyph, 0.3);
}

// The reasons of a value's form, of a finding naming a whole list, of sure fixes and of a row
// that leaves a cell empty (issue 15: the wrong fields the dev scans left unflagged).
TEST(Checks, MarkReviewFormsAndRows) {
  Project p = Heating();
  p.project_code = "11000026TO00099050223";  // O for 0 beside a digit
  p.budget.total = std::nullopt;             // its cell found, its figure unread
  p.indicators[0] = Ind("产出指标", "数量指标", "保障办公人数", "15.0 0天");    // digits parted
  p.indicators[1] = Ind("产出指标", "质量指标", "保障机关正常运转", "=100多");  // types as > 100
  p.indicators[3].value = "";  // most rows print a value: this row lost its cell
  p.indicators[3].value_normalized = Normalize("");
  Source ocr;
  ocr.source = WordSource::kOcr;
  ocr.confidence = 0.99;
  for (const char* key : {"project_code", "budget.total", "budget.other", "indicators[0].value",
                          "indicators[1].value", "indicators[2].value", "indicators[3].level3",
                          "indicators[4].value", "indicators[5].value"})
    p.provenance[key] = ocr;
  p.provenance["indicators[4].value"].fixes = {"ocr.cjk_punctuation"};  // sure: no flag
  p.provenance["indicators[5].value"].fixes = {"ocr.word_list"};        // a guess: flagged
  Finding category;  // a category missing names the list, not each row
  category.rule = "indicator.missing_category";
  category.severity = Severity::kWarning;
  category.index = 1;
  category.fields = {"indicators"};
  std::vector<Project> ps = {p};
  CheckOptions o;
  o.sure_fixes = {"ocr.cjk_punctuation"};
  MarkReview(ps, {category}, o);
  const auto& prov = ps[0].provenance;
  using V = std::vector<std::string>;
  EXPECT_EQ(prov.at("project_code").review, V{"value_untyped"});
  EXPECT_EQ(prov.at("budget.total").review, (V{"value_untyped", "not_read"}));
  EXPECT_EQ(prov.at("budget.other").review, V{});  // 其他资金 is often blank
  EXPECT_EQ(prov.at("indicators[0].value").review, V{"value_untyped"});
  EXPECT_EQ(prov.at("indicators[1].value").review, V{"value_untyped"});
  EXPECT_EQ(prov.at("indicators[2].value").review, V{});  // ≤预算控制数 types
  EXPECT_EQ(prov.at("indicators[3].level3").review, V{"row_incomplete"});
  EXPECT_EQ(prov.at("indicators[4].value").review, V{});
  EXPECT_EQ(prov.at("indicators[5].value").review, V{"fixed"});
  // Every row names its indicator: an empty 三级指标 (its column's header misread) is a lost
  // cell however many rows there are, and every row of such a record is flagged.
  Project two = Heating();
  two.indicators.resize(2);
  for (Indicator& v : two.indicators) v.level3.clear();
  two.provenance.clear();
  two.provenance["indicators[1].value"] = ocr;
  std::vector<Project> twos = {two};
  MarkReview(twos, {}, o);
  EXPECT_EQ(twos[0].provenance.at("indicators[1].value").review, V{"row_incomplete"});
}

// The reasons of a reading gone wrong that no confidence shows (issue 15, flags2): fields every
// performance table prints left empty (not_read, with an entry made for them), a 性质 cell empty
// beside a number or reading as no 性质, a strict operator before a named quantity, ＝ read as
// -, Latin specks in Chinese text (text_junk); a typed value is not flagged for its confidence
// alone. A text-layer record gets none of these.
TEST(Checks, MarkReviewReadingReasons) {
  Project p = Heating();
  p.goals.clear();                         // the goals' cell read as nothing
  p.money_unit.clear();                    // 单位：万元 lost
  p.budget = {12.05, 10.0, std::nullopt};  // 其他资金 lost: 财政资金 is short of the total
  p.indicators[0].level3 = "保障办公人数nnA";  // specks read as letters
  p.indicators[0].attributes = {{"指标性质", ""}, {"度量单位", ""}};
  p.indicators[0].value = "98%";  // its = lost with the 性质 cell
  p.indicators[0].value_normalized = Normalize("98%");
  p.indicators[1].attributes = {{"指标性质", "了"}};  // no 性质
  p.indicators[2] = Ind("产出指标", "成本指标", "取暖费用", "<预算控制数");
  p.indicators[2].attributes = {{"实施周期指标值", "<预算控制数"}};  // repeats the value
  p.indicators[4].value = "-3个";                                    // ＝ read as -
  p.indicators[4].value_normalized = Normalize("-3个");
  p.indicators[5].level3 = "AI审计满意度";  // an upper-case term: printed so
  Source ocr;
  ocr.source = WordSource::kOcr;
  ocr.confidence = 0.99;
  for (int i = 0; i < 6; ++i)
    for (const char* f : {".level3", ".value"})
      p.provenance["indicators[" + std::to_string(i) + "]" + f] = ocr;
  p.provenance["budget.other"] = ocr;
  Source doubted = ocr;
  doubted.confidence = 0.5;
  p.provenance["indicators[3].value"] = doubted;  // 及时保障: text, its confidence counts
  p.provenance["indicators[5].value"] = doubted;  // ≥95%: typed, its form is what counts
  Project layer = p;                              // the same record from a text layer: printed so
  for (auto& [key, s] : layer.provenance) s.source = WordSource::kTextLayer;
  std::vector<Project> ps = {p, layer};
  MarkReview(ps, {});
  const auto& prov = ps[0].provenance;
  using V = std::vector<std::string>;
  EXPECT_EQ(prov.at("goals").review, V{"not_read"});
  EXPECT_EQ(prov.at("goals").confidence, 0);
  EXPECT_EQ(prov.at("goals").page, 9);
  EXPECT_EQ(prov.at("money_unit").review, V{"not_read"});
  EXPECT_EQ(prov.at("budget.other").review, V{"not_read"});
  EXPECT_EQ(prov.count("title"), 0u);
  EXPECT_EQ(prov.at("indicators[0].level3").review, V{"text_junk"});
  EXPECT_EQ(prov.at("indicators[0].value").review, V{"not_read"});
  EXPECT_EQ(prov.at("indicators[0].attributes.指标性质").review, V{"not_read"});
  EXPECT_EQ(prov.count("indicators[0].attributes.度量单位"), 0u);  // a unit may be blank
  EXPECT_EQ(prov.at("indicators[1].value").review, V{"value_untyped"});
  EXPECT_EQ(prov.at("indicators[1].attributes.指标性质").review, V{"value_untyped"});
  EXPECT_EQ(prov.at("indicators[2].value").review, V{"value_untyped"});
  EXPECT_EQ(prov.at("indicators[2].attributes.实施周期指标值").review, V{"value_untyped"});
  EXPECT_EQ(prov.at("indicators[3].value").review, V{"low_confidence"});
  EXPECT_EQ(prov.at("indicators[4].value").review, V{"value_untyped"});
  EXPECT_EQ(prov.at("indicators[5].value").review, V{});
  EXPECT_EQ(prov.at("indicators[5].level3").review, V{});
  for (const auto& [key, s] : ps[1].provenance) EXPECT_EQ(s.review, V{}) << key;
  EXPECT_EQ(ps[1].provenance.count("goals"), 0u);
  // Marking again gives the same: the entries made stay, with the same reasons.
  std::vector<Project> again = ps;
  MarkReview(again, {});
  for (const auto& [key, s] : ps[0].provenance)
    EXPECT_EQ(again[0].provenance.at(key).review, s.review) << key;
}

// ---------------------------------------------------------------- across documents

TEST(Checks, CompareListsChanges) {
  Project a = Heating(), b = Heating();
  b.budget = {13.5, 13.5, std::nullopt};
  b.indicators[0] = Ind("产出指标", "数量指标", "保障办公人数", "80 人");
  Project only = Software(2);
  Comparison c = Compare({{"2019", {a}}, {"2020", {b, only}}});
  ASSERT_EQ(c.documents, (std::vector<std::string>{"2019", "2020"}));
  std::set<std::string> fields;
  for (const ComparisonRow& r : c.rows) fields.insert(r.field);
  EXPECT_EQ(fields, (std::set<std::string>{"budget.total", "indicator", "project"}));
  auto budget = Of(c.findings, "compare.budget");
  ASSERT_EQ(budget.size(), 1u);
  EXPECT_NE(budget[0].message_zh.find("2019: 12.05 万元 → 2020: 13.50 万元"), std::string::npos)
      << budget[0].message_zh;
  auto target = Of(c.findings, "compare.target");
  ASSERT_EQ(target.size(), 1u);
  EXPECT_EQ(target[0].fields, std::vector<std::string>{"indicators[0].value"});
  EXPECT_EQ(Of(c.findings, "compare.project").size(), 1u);
  EXPECT_FALSE(AnyAtLeast(c.findings, Severity::kWarning));
  // Nothing changed: nothing listed.
  Comparison same = Compare({{"2019", {a}}, {"2020", {a}}});
  EXPECT_TRUE(same.rows.empty());
  EXPECT_TRUE(same.findings.empty());
  EXPECT_FALSE(ComparisonTable(c).empty());
}

// ---------------------------------------------------------------- text figures

TEST(Checks, ScanText) {
  auto m = check::ScanText(
      "2020 年局机关办公楼取暖费 120526.20 元，取暖面积 4017.54 平方米，单价 30 元。");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].kind, check::MentionKind::kMoney);
  EXPECT_DOUBLE_EQ(m[0].value, 120526.2);
  EXPECT_DOUBLE_EQ(m[0].step, 0.01);
  EXPECT_EQ(m[1].kind, check::MentionKind::kQuantity);
  EXPECT_EQ(m[1].unit, "平方米");
  EXPECT_EQ(m[2].kind, check::MentionKind::kPrice);
  EXPECT_TRUE(m[2].per.empty());
  m = check::ScanText(
      "按每生每天4元标准、全年在校200天核定，覆盖学生6405人；投入1.2亿元，面积4.6万亩，计3,286,500."
      "00元");
  ASSERT_EQ(m.size(), 6u);
  EXPECT_EQ(m[0].per, (std::vector<std::string>{"人", "天"}));
  EXPECT_EQ(m[1].unit, "天");
  EXPECT_EQ(m[2].unit, "人");
  EXPECT_DOUBLE_EQ(m[3].value, 1.2e8);
  EXPECT_DOUBLE_EQ(m[4].value, 46000);
  EXPECT_EQ(m[4].unit, "亩");
  EXPECT_DOUBLE_EQ(m[5].value, 3286500);
  EXPECT_EQ(check::ScanText("项目编码 318-1301-JBN-RKLW，2021年3月31日前完成，完成率95%").size(),
            0u);
  EXPECT_EQ(check::PerMarkers("一年一户 1600 元").value(), (std::vector<std::string>{"年", "户"}));
  EXPECT_EQ(check::ParsePerUnit("元/(生·年)")->per, (std::vector<std::string>{"人", "年"}));
  EXPECT_FALSE(check::PerMarkers("取暖费用"));
}

// ---------------------------------------------------------------- documents

fs::path SourceDir() {
  return fs::path(JIXIAO_SOURCE_DIR);
}

std::vector<fs::path> Truths() {
  std::vector<fs::path> out;
  for (const fs::path& root : {SourceDir() / "samples", SourceDir() / ".." / "shared" / "corpus"}) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    for (const auto& e : fs::directory_iterator(root))
      if (fs::exists(e.path() / "truth.json")) out.push_back(e.path() / "truth.json");
  }
  std::sort(out.begin(), out.end());
  return out;
}

Json Load(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return Json::parse(ss.str());
}

TEST(Documents, EveryTruthLoads) {
  auto truths = Truths();
  ASSERT_GE(truths.size(), 2u);
  for (const fs::path& t : truths) {
    const Json j = Load(t);
    ExtractResult r = ReadExtractJson(j, t.string());
    ASSERT_EQ(r.projects.size(), j["projects"].size()) << t;
    for (size_t i = 0; i < r.projects.size(); ++i) {
      const Json& jp = j["projects"][i];
      const Project& p = r.projects[i];
      EXPECT_EQ(p.index, jp["index"].get<int>()) << t;
      EXPECT_EQ(p.project_name, jp["project_name"].get<std::string>()) << t;
      ASSERT_EQ(p.indicators.size(), jp["indicators"].size()) << t;
      EXPECT_EQ(p.budget.total.has_value(), !jp["budget"]["total"].is_null());
      for (size_t k = 0; k < p.indicators.size(); ++k)
        EXPECT_EQ(KindName(p.indicators[k].value_normalized.kind),
                  jp["indicators"][k]["value_normalized"]["kind"].get<std::string>());
    }
    // What ExtractJson writes reads back the same.
    ExtractResult again = ReadExtractJson(ExtractJson(r), t.string());
    EXPECT_EQ(ExtractJson(again).dump(), ExtractJson(r).dump()) << t;
  }
}

TEST(Documents, NotAnExtract) {
  EXPECT_THROW(ReadExtractJson(Json::array(), "x.json"), Error);
  EXPECT_THROW(ReadExtractJson(Json{{"tables", Json::array()}}, "x.json"), Error);
  EXPECT_THROW(ReadExtractJson(Json{{"projects", Json::array({1})}}, "x.json"), Error);
  // Numbers printed as strings, a missing typed value.
  Json j = {{"projects", Json::array({Json{
                             {"budget", {{"total", "100.00"}, {"fiscal", "100.00"}, {"other", ""}}},
                             {"indicators", Json::array({Json{{"value", "≥95%"}}})}}})}};
  ExtractResult r = ReadExtractJson(j, "x.json");
  ASSERT_EQ(r.projects.size(), 1u);
  EXPECT_EQ(r.projects[0].index, 1);
  EXPECT_DOUBLE_EQ(r.projects[0].budget.total.value(), 100);
  EXPECT_FALSE(r.projects[0].budget.other);
  EXPECT_EQ(r.projects[0].indicators[0].value_normalized.op, Op::kGe);
}

// Per-head forms of text arithmetic: 人均 / 每人 × 人次, 平均 × the count beside it, 元 ↔ 万元;
// the finding quotes the sentence it computed from.
TEST(Checks, PerHeadTextArithmeticAgainstTheBudget) {
  Project p = Heating();
  p.goals = {};
  p.indicators.erase(p.indicators.begin());  // no count of 人 elsewhere
  p.budget = {98.0, 98.0, std::nullopt};
  p.purpose = "计划培训 1800 人次，人均 500 元。";
  auto f = Of(CheckOne(p), "indicator.unit_cost");
  ASSERT_EQ(f.size(), 1u) << Dump(CheckOne(p));
  EXPECT_EQ(f[0].fields.front(), "purpose");
  EXPECT_NE(f[0].message_zh.find("“计划培训 1800 人次，人均 500 元。”"), std::string::npos) << f[0].message_zh;
  bool product = false;
  for (const auto& [name, v] : f[0].figures)
    if (name == "product") product = std::abs(v - 900000) < 1e-6;
  EXPECT_TRUE(product);
  // 1800 × 500 元 = 90 万元 is the budget: quiet.
  p.budget = {90.0, 90.0, std::nullopt};
  EXPECT_TRUE(Of(CheckOne(p), "indicator.unit_cost").empty()) << Dump(CheckOne(p));
  // 平均 per what the sentence counts; an amount in the same sentence is text.arithmetic.
  p.budget = {98.0, 98.0, std::nullopt};
  p.purpose = "维修校舍 120 间，平均 0.80 万元，共计 98.00 万元。";
  f = Of(CheckOne(p), "text.arithmetic");
  ASSERT_EQ(f.size(), 1u) << Dump(CheckOne(p));
  EXPECT_NE(f[0].message_zh.find("维修校舍 120 间"), std::string::npos) << f[0].message_zh;
  p.purpose = "维修校舍 120 间，平均 0.80 万元，共计 96.00 万元。";
  EXPECT_TRUE(Of(CheckOne(p), "text.arithmetic").empty()) << Dump(CheckOne(p));
}

TEST(Documents, TruthsHaveNoErrors) {
  for (const fs::path& t : Truths()) {
    const std::vector<Finding> f = Check(ReadExtractJson(Load(t), t.string()).projects);
    EXPECT_FALSE(AnyAtLeast(f, Severity::kError)) << t << "\n" << Dump(f);
  }
}

TEST(Documents, CorpusHeatingAndSoftwareAddUp) {
  const fs::path t = SourceDir() / ".." / "shared" / "corpus" / "funing-czj-2020" / "truth.json";
  if (!fs::exists(t)) GTEST_SKIP() << "no corpus";
  ExtractResult r = ReadExtractJson(Load(t), t.string());
  ASSERT_GE(r.projects.size(), 5u);
  EXPECT_TRUE(Check(r.projects).empty()) << Dump(Check(r.projects));
  // The same documents with the arithmetic broken: the checks did read it.
  r.projects[2].budget = {13.05, 13.05, std::nullopt};
  r.projects[4].budget = {19.92, 19.92, std::nullopt};
  auto f = Check(r.projects);
  ASSERT_EQ(Of(f, "text.budget").size(), 1u) << Dump(f);
  EXPECT_EQ(Of(f, "text.budget")[0].index, 3);
  ASSERT_EQ(Of(f, "indicator.unit_cost").size(), 1u) << Dump(f);
  EXPECT_EQ(Of(f, "indicator.unit_cost")[0].index, 5);
}

TEST(Documents, SampleExtractsHaveNoErrors) {
  for (const auto& e : fs::directory_iterator(SourceDir() / "samples")) {
    if (!fs::exists(e.path() / "digital.pdf")) continue;
    ExtractResult r = Extract((e.path() / "digital.pdf").string());
    ASSERT_FALSE(r.projects.empty()) << e.path();
    EXPECT_FALSE(AnyAtLeast(r.findings, Severity::kError)) << e.path() << "\n" << Dump(r.findings);
    // The findings Extract attaches are the checks of its projects, and the JSON carries them.
    EXPECT_EQ(r.findings.size(), Check(r.projects).size());
    EXPECT_EQ(ExtractJson(r)["findings"].size(), r.findings.size());
  }
}

// A copy of a sample with one inconsistency planted in each project.
TEST(Documents, PlantedInconsistenciesAreReported) {
  const fs::path t = SourceDir() / "samples" / "jiaoyu-2021" / "truth.json";
  ExtractResult r = ReadExtractJson(Load(t), t.string());
  ASSERT_GE(r.projects.size(), 7u);
  auto& ps = r.projects;
  ps[0].budget.fiscal = 500.0;                         // 1: 512.4 ≠ 500 + 0 (printed 0)
  ps[0].budget.other = 0.0;
  ps[1].schedule = {60.0, 50.0, std::nullopt, 100.0};  // 2: 60 → 50
  ps[2].indicators[7] =
      Ind(ps[2].indicators[7].level1, ps[2].indicators[7].level2, ps[2].indicators[7].level3,
          "105%", ps[2].indicators[7].description);  // 3: 经费使用合规率 105%
  ps[3].project_code = ps[0].project_code;           // 4: 1's code
  ps[4].indicators[6] = Ind("产出指标", "成本指标", "项目成本", "≤350万元");  // 5: above 320.5
  ps[5].schedule = {25.0, 50.0, 75.0, 120.0};                                 // 6: 120%
  ps[6].purpose =
      "购买专职保安服务费 48 万元，保安 60 人，每人每年 9000 元。项目周期3年。";  // 7: 60 × 9000 =
                                                                                  // 54 万
  const std::vector<Finding> f = Check(ps);
  const std::vector<std::pair<std::string, int>> planted = {
      {"budget.sum", 1},     {"schedule.decreasing", 2},    {"indicator.rate_over_100", 3},
      {"code.duplicate", 4}, {"indicator.cost_ceiling", 5}, {"schedule.over_100", 6},
      {"text.arithmetic", 7}};
  for (const auto& [rule, index] : planted)
    EXPECT_TRUE(std::any_of(f.begin(), f.end(),
                            [&](const Finding& x) { return x.rule == rule && x.index == index; }))
        << rule << " #" << index << "\n"
        << Dump(f);
  // Nothing else is an error.
  for (const Finding& x : f) {
    if (x.severity != Severity::kError) continue;
    EXPECT_TRUE(
        std::any_of(planted.begin(), planted.end(),
                    [&](const auto& p) { return p.first == x.rule && p.second == x.index; }))
        << "unexpected: " << x.rule << " #" << x.index << " " << x.message_zh;
  }
  // Project 2's total is untouched, so its sum still holds.
  EXPECT_TRUE(Of(f, "budget.sum").size() == 1u);
}

TEST(Report, TableAndJson) {
  Project p = Heating();
  p.budget = {12.05, 11.05, 0.0};
  auto f = CheckOne(p);
  const std::string table = FindingsTable(f);
  EXPECT_NE(table.find("budget.sum"), std::string::npos);
  EXPECT_NE(table.find("错误"), std::string::npos);
  EXPECT_NE(FindingsTable(f, Lang::kEn).find("error"), std::string::npos);
  const Json j = FindingJson(f[0], Lang::kEn);
  for (const char* k : {"rule", "severity", "index", "project_code", "page", "fields", "message"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_EQ(j["severity"], "error");
  EXPECT_EQ(j["message"], f[0].message_en);
  EXPECT_EQ(DisplayWidth("预算数ab"), 8);
}

}  // namespace
}  // namespace jixiao
