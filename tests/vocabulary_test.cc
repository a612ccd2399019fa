// The one vocabulary (vocabulary/): the labels, terms and units that records/, ocr/, checks/
// and normalize/ read, each from here.
#include "vocabulary/vocabulary.h"

#include <gtest/gtest.h>

#include <set>

#include "checks/text_scan.h"
#include "normalize/normalize.h"
#include "ocr/lexicon.h"

namespace jixiao {
namespace {

TEST(Vocabulary, LabelsOfEveryTemplateWording) {
  EXPECT_TRUE(IsLabel(Label::kCode, "项目编码"));
  EXPECT_TRUE(IsLabel(Label::kCode, "项目编号"));
  EXPECT_TRUE(IsLabel(Label::kName, "项目名秫"));  // a bold label misread by a character
  EXPECT_FALSE(IsLabel(Label::kName, "项目"));
  EXPECT_TRUE(IsLabel(Label::kTotal, "项目资金总额(万元)"));
  EXPECT_FALSE(IsLabel(Label::kTotal, "项目资金总额啊"));  // totals are compared exactly
  EXPECT_TRUE(IsLabel(Label::kFiscal, "其中:财政拨款"));
  EXPECT_TRUE(IsLabel(Label::kGoals, "年度绩效目标"));
  EXPECT_FALSE(IsLabel(Label::kGoals, "绩效指标"));  // one edit away, and no goals label
  EXPECT_TRUE(IsLabel(Label::kSchedule, "资金支出计划(%)"));
  EXPECT_TRUE(IsLabel(Label::kPurpose, "预算规模及资金用途"));
  EXPECT_EQ(UnitInLabel("项目资金总额(万元)"), "万元");
  // A money label stating its unit is matched by its words.
  EXPECT_TRUE(IsLabel(Label::kTotal, "年度资金总额(万元)"));
  EXPECT_TRUE(IsLabel(Label::kFiscal, "财政拨款(元)"));
  EXPECT_FALSE(IsLabel(Label::kTotal, "(万元)"));
  EXPECT_EQ(WithoutMoneyUnit("财政专户拨款(万元)"), "财政专户拨款");
  EXPECT_EQ(WithoutMoneyUnit("其他资金"), "其他资金");
  EXPECT_EQ(UnitInLabel("预算数(元)"), "元");
  EXPECT_EQ(MoneyUnitAt("万元以内"), "万元");
}

TEST(Vocabulary, IndicatorHeadersAndTitles) {
  EXPECT_EQ(ExactIndicatorHeader("一级指标名称"), IndicatorColumn::kLevel1);
  EXPECT_EQ(ExactIndicatorHeader("具体指标"), IndicatorColumn::kLevel3);
  EXPECT_EQ(ExactIndicatorHeader("指标值确定依据"), IndicatorColumn::kBasis);  // before 指标值
  EXPECT_EQ(ExactIndicatorHeader("年度指标值"), IndicatorColumn::kValue);
  EXPECT_EQ(ExactIndicatorHeader("评(扣)分标准"), IndicatorColumn::kOther);
  EXPECT_EQ(ExactIndicatorHeader("年度目标值"), IndicatorColumn::kValue);
  EXPECT_EQ(ExactIndicatorHeader("全年指标值"), IndicatorColumn::kValue);
  EXPECT_EQ(ValuePartHeader("计量单位"), ValuePart::kUnit);
  EXPECT_EQ(ValuePartHeader("单位"), ValuePart::kUnit);
  EXPECT_TRUE(IsQuantitative("定量"));
  EXPECT_FALSE(IsQuantitative("≥"));
  EXPECT_EQ(ExactIndicatorHeader("项目名称"), std::nullopt);
  EXPECT_TRUE(IsProjectTitle("3、公用取暖费绩效目标表"));
  EXPECT_TRUE(IsProjectTitle("财政项目支出绩效目标填报表"));
  // A remark in brackets after the title (广州), and a list's 年度项目支出绩效表.
  EXPECT_TRUE(IsProjectTitle("项目支出绩效目标表(含转移支付项目)"));
  EXPECT_TRUE(IsProjectTitle("年度项目支出绩效表"));
  EXPECT_FALSE(IsProjectTitle("项目支出绩效自评表"));
  EXPECT_FALSE(IsProjectTitle("(含转移支付项目)"));
  EXPECT_FALSE(IsProjectTitle("收入支出决算总表"));
}

TEST(Vocabulary, OcrTermsComeFromHere) {
  // ocr/'s term list is the vocabulary's, with every indicator term in it.
  EXPECT_EQ(&ocr::Vocabulary(), &PrintedTerms());
  const std::set<std::string> terms(PrintedTerms().begin(), PrintedTerms().end());
  for (const std::string& t : IndicatorTerms()) EXPECT_TRUE(terms.count(t)) << t;
  EXPECT_EQ(ocr::NearestTerm("项目名秫"), "项目名称");
}

TEST(Vocabulary, OneUnitTableServesValuesAndText) {
  std::set<std::u32string_view> printed;
  for (const UnitSpec& u : Units()) {
    EXPECT_TRUE(printed.insert(u.printed).second) << "unit listed twice";
    EXPECT_FALSE(u.value.empty() && u.counted.empty()) << "a unit nobody reads";
  }
  // Values: 工作日 is reported as 个工作日; running text counts 学生 as 人.
  const TypedValue v = Normalize("3工作日");
  ASSERT_TRUE(v.unit);
  EXPECT_EQ(*v.unit, "个工作日");
  EXPECT_EQ(check::CanonicalUnit("学生"), "人");
  EXPECT_EQ(check::CanonicalUnit("平米"), "平方米");
}

TEST(Vocabulary, OneMoneyFactorForValuesAndChecks) {
  for (const char* unit : {"元", "千元", "万元", "百万元", "亿元", "万亿元"}) {
    ASSERT_TRUE(MoneyFactor(std::string_view(unit))) << unit;
    EXPECT_EQ(check::MoneyFactor(unit), MoneyFactor(std::string_view(unit))) << unit;
  }
  EXPECT_EQ(check::MoneyFactor("百万元"), 1e6);
  EXPECT_EQ(MoneyFactor(std::string_view("人")), std::nullopt);
}

}  // namespace
}  // namespace jixiao
