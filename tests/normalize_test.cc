// Table-driven tests of the value normalizer (docs/CONTRACT.md, "Typed values"; issue 4).
#include "normalize/normalize.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace jixiao {
namespace {

using K = ValueKind;

// One expected typed value. `qualifier` is checked only when `check_qualifier` is set.
struct Case {
  std::string raw;
  K kind = K::kText;
  std::optional<Op> op;
  std::optional<double> number;
  std::optional<double> upper;
  std::optional<std::string> unit;
  std::optional<std::string> reference;
  std::optional<std::string> date;
  std::optional<std::string> qualifier;
  bool check_qualifier = false;
};

Case Make(std::string raw, K kind) {
  Case c;
  c.raw = std::move(raw);
  c.kind = kind;
  return c;
}

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.raw;
}

std::optional<std::string> U(const char* unit) {
  return unit ? std::optional<std::string>(unit) : std::nullopt;
}

Case Num(std::string raw, Op op, double number, const char* unit = nullptr) {
  Case c = Make(std::move(raw), K::kNumeric);
  c.op = op;
  c.number = number;
  c.unit = U(unit);
  return c;
}
Case NumQ(std::string raw, Op op, double number, const char* unit, const char* qualifier) {
  Case c = Num(std::move(raw), op, number, unit);
  c.qualifier = U(qualifier);
  c.check_qualifier = true;
  return c;
}
Case Range(std::string raw, double lo, double hi, const char* unit = nullptr) {
  Case c = Make(std::move(raw), K::kNumeric);
  c.op = Op::kRange;
  c.number = lo;
  c.upper = hi;
  c.unit = U(unit);
  return c;
}
Case Ref(std::string raw, Op op, std::string reference) {
  Case c = Make(std::move(raw), K::kReference);
  c.op = op;
  c.reference = std::move(reference);
  return c;
}
Case Date(std::string raw, Op op, std::string date) {
  Case c = Make(std::move(raw), K::kDate);
  c.op = op;
  c.date = std::move(date);
  return c;
}
Case Text(std::string raw) {
  return Make(std::move(raw), K::kText);
}
Case Empty(std::string raw) {
  return Make(std::move(raw), K::kEmpty);
}

constexpr Op kEq = Op::kEq, kGe = Op::kGe, kLe = Op::kLe, kGt = Op::kGt, kLt = Op::kLt;

bool SameNumber(std::optional<double> a, std::optional<double> b) {
  if (!a || !b) return !a && !b;
  return std::fabs(*a - *b) <= 1e-9 * std::max(1.0, std::fabs(*a));
}

std::string Show(const TypedValue& v) {
  return ToJson(v).dump();
}

void ExpectMatches(const Case& c, const TypedValue& got) {
  SCOPED_TRACE("raw: " + c.raw + "  got: " + Show(got));
  EXPECT_EQ(KindName(got.kind), KindName(c.kind));
  EXPECT_EQ(got.raw, c.raw);
  if (c.op) {
    ASSERT_TRUE(got.op.has_value());
    EXPECT_EQ(OpSymbol(*got.op), OpSymbol(*c.op));
  } else {
    EXPECT_FALSE(got.op.has_value());
  }
  EXPECT_TRUE(SameNumber(got.number, c.number));
  EXPECT_TRUE(SameNumber(got.upper, c.upper));
  EXPECT_EQ(got.unit, c.unit);
  EXPECT_EQ(got.reference, c.reference);
  EXPECT_EQ(got.date, c.date);
  if (c.check_qualifier) {
    EXPECT_EQ(got.qualifier, c.qualifier);
  }
}

// The table. Grouped by the forms of issue 4; each group names what it covers.
std::vector<Case> Cases() {
  return {
      // --- The corpus's own shapes.
      Num("=6 人", kEq, 6, "人"),
      Num("=100%", kEq, 100, "%"),
      Num("≥95%", kGe, 95, "%"),
      Num("74 人", kEq, 74, "人"),
      Num("89 户", kEq, 89, "户"),
      Num("112 户", kEq, 112, "户"),
      Num("100%", kEq, 100, "%"),
      Num("≥100%", kGe, 100, "%"),
      Num("≤48 小时", kLe, 48, "小时"),
      NumQ("100%完成", kEq, 100, "%", "完成"),
      Ref("≤预算控制数", kLe, "预算控制数"),
      Text("提高财政资金的使用效率，做到节俭高效"),
      Text("提高财政资金的使用效率,做到节俭高效"),
      Text("有效保证业务工作顺利开展"),
      Text("及时保障"),
      Text("有效提高"),
      Text("明显增强"),
      Text("按合同规定"),

      // --- Unicode: full-width digits and signs, OCR spaces, separators.
      Num("１００％", kEq, 100, "%"),
      Num("＞＝９５％", kGe, 95, "%"),
      Num("＞＝95%", kGe, 95, "%"),
      Num("≥ 95 %", kGe, 95, "%"),
      Num(" ≥95% ", kGe, 95, "%"),
      Num("≥\n95%", kGe, 95, "%"),
      Num("＝１００％", kEq, 100, "%"),
      Num("＜５％", kLt, 5, "%"),
      Num("＞90%", kGt, 90, "%"),
      Num("1,200.50", kEq, 1200.5),
      Num("1，200 人", kEq, 1200, "人"),
      Num("12,345,678元", kEq, 12345678, "元"),
      Num("９５．５％", kEq, 95.5, "%"),
      Num("95.00%", kEq, 95, "%"),
      Num("≥95﹪", kGe, 95, "%"),
      Num("\u3000≥95%\u3000", kGe, 95, "%"),
      Num("≥95%。", kGe, 95, "%"),
      Num("“≥95%”", kGe, 95, "%"),

      // --- Operators as symbols.
      Num("≧95%", kGe, 95, "%"),
      Num(">=95%", kGe, 95, "%"),
      Num("=>95%", kGe, 95, "%"),
      Num("≤5%", kLe, 5, "%"),
      Num("≦5%", kLe, 5, "%"),
      Num("<=5%", kLe, 5, "%"),
      Num("＜＝5%", kLe, 5, "%"),
      Num("=95%", kEq, 95, "%"),
      Num("＝95%", kEq, 95, "%"),
      Num(">90%", kGt, 90, "%"),
      Num("<10%", kLt, 10, "%"),
      Num("⩾90%", kGe, 90, "%"),
      Num("⩽10%", kLe, 10, "%"),
      Num("≮90%", kGe, 90, "%"),
      Num("≯10%", kLe, 10, "%"),

      // --- Operators as words, before the number.
      Num("不低于95%", kGe, 95, "%"),
      Num("不少于10人", kGe, 10, "人"),
      Num("大于等于95%", kGe, 95, "%"),
      Num("大于或等于95%", kGe, 95, "%"),
      Num("至少3次", kGe, 3, "次"),
      Num("达到100%", kGe, 100, "%"),
      Num("不超过48小时", kLe, 48, "小时"),
      Num("不高于5%", kLe, 5, "%"),
      Num("小于等于5%", kLe, 5, "%"),
      Num("低于3%", kLt, 3, "%"),
      Num("小于3%", kLt, 3, "%"),
      Num("大于90%", kGt, 90, "%"),
      Num("超过90%", kGt, 90, "%"),
      Num("高于90%", kGt, 90, "%"),
      Num("不小于90%", kGe, 90, "%"),
      Num("不大于10%", kLe, 10, "%"),
      Num("不得低于95%", kGe, 95, "%"),
      Num("不得超过5个工作日", kLe, 5, "个工作日"),
      Num("控制在5%以内", kLe, 5, "%"),
      Num("控制在3%", kLe, 3, "%"),
      Num("等于100%", kEq, 100, "%"),
      Num("最多2次", kLe, 2, "次"),
      Num("不足5%", kLt, 5, "%"),

      // --- Operators as words, after the number.
      Num("95%以上", kGe, 95, "%"),
      Num("95%及以上", kGe, 95, "%"),
      Num("95%(含)以上", kGe, 95, "%"),
      Num("95%（含）以上", kGe, 95, "%"),
      Num("95%以上（含）", kGe, 95, "%"),
      Num("10人以下", kLe, 10, "人"),
      Num("5%以内", kLe, 5, "%"),
      Num("5个工作日内", kLe, 5, "个工作日"),
      Num("3日内", kLe, 3, "日"),
      Num("24小时以内", kLe, 24, "小时"),
      Num("30分钟之内", kLe, 30, "分钟"),
      Num("1个月内", kLe, 1, "个月"),
      Num("≥95%以上", kGe, 95, "%"),
      Num("不低于95%以上", kGe, 95, "%"),
      Num("达到95%以上", kGe, 95, "%"),
      Num("在95%以上", kGe, 95, "%"),
      Num("=95%以上", kGe, 95, "%"),
      Num("控制在5%以下", kLe, 5, "%"),
      Num("100余人", kGt, 100, "人"),
      Num("10多个", kGt, 10, "个"),
      NumQ("100人左右", kEq, 100, "人", "左右"),
      NumQ("约100人", kEq, 100, "人", "约"),

      // --- Ranges.
      Range("90%-100%", 90, 100, "%"),
      Range("90～100%", 90, 100, "%"),
      Range("90~100%", 90, 100, "%"),
      Range("90%至100%", 90, 100, "%"),
      Range("90%到100%", 90, 100, "%"),
      Range("90%—100%", 90, 100, "%"),
      Range("90%－100%", 90, 100, "%"),
      Range("90%〜100%", 90, 100, "%"),
      Range("90-100%", 90, 100, "%"),
      Range("90%-100", 90, 100, "%"),
      Range("在90%-100%之间", 90, 100, "%"),
      Range("3-5个工作日", 3, 5, "个工作日"),
      Range("5～10人", 5, 10, "人"),
      Range("1000-2000元", 1000, 2000, "元"),
      Range("0.5-1小时", 0.5, 1, "小时"),
      Range("1万-2万元", 1, 2, "万元"),
      Range("三至五次", 3, 5, "次"),
      Range("≥90%且≤100%", 90, 100, "%"),

      // --- Chinese numerals.
      Num("三次", kEq, 3, "次"),
      Num("两次", kEq, 2, "次"),
      Num("十二个", kEq, 12, "个"),
      Num("二十", kEq, 20),
      Num("一百零五人", kEq, 105, "人"),
      Num("两千元", kEq, 2000, "元"),
      Num("三万五千", kEq, 35000),
      Num("1.2万", kEq, 12000),
      Num("1.2万人", kEq, 12000, "人"),
      Num("3万人次", kEq, 30000, "人次"),
      Num("1.5亿", kEq, 1.5e8),
      Num("不少于两次", kGe, 2, "次"),
      Num("三次以上", kGe, 3, "次"),
      Num("两个工作日内", kLe, 2, "个工作日"),
      Num("百分之九十五", kEq, 95, "%"),
      Num("百分之百", kEq, 100, "%"),
      Num("百分之95以上", kGe, 95, "%"),
      Num("一年", kEq, 1, "年"),
      Num("十二个月", kEq, 12, "个月"),
      Num("壹佰万元", kEq, 100, "万元"),
      Num("半年", kEq, 0.5, "年"),
      Text("十分满意"),
      Text("一般"),
      Text("统一规划"),
      Text("一次性补助"),
      Text("唯一"),
      Text("三公经费"),
      Text("几十人"),
      Text("万一"),
      Num("二零二零", kEq, 2020),
      Num("零点五小时", kEq, 0.5, "小时"),

      // --- Units, compound units, a noun after zero.
      Num("12人次", kEq, 12, "人次"),
      Num("3所", kEq, 3, "所"),
      Num("20间", kEq, 20, "间"),
      Num("4期", kEq, 4, "期"),
      Num("3年", kEq, 3, "年"),
      Num("30天", kEq, 30, "天"),
      Num("500元", kEq, 500, "元"),
      Num("≤1260万元", kLe, 1260, "万元"),
      Num("2.5亿元", kEq, 2.5, "亿元"),
      Num("4017.54平方米", kEq, 4017.54, "平方米"),
      Num("1.5万平方米", kEq, 1.5, "万平方米"),
      Num("12公里", kEq, 12, "公里"),
      Num("≥90分", kGe, 90, "分"),
      Num("0起", kEq, 0, "起"),
      Num("15件", kEq, 15, "件"),
      Num("8项", kEq, 8, "项"),
      Num("20台", kEq, 20, "台"),
      Num("5套", kEq, 5, "套"),
      Num("2‰", kEq, 2, "‰"),
      Num("≤3‰", kLe, 3, "‰"),
      Num("1000元/生·年", kEq, 1000, "元/生·年"),
      Num("1000元/生•年", kEq, 1000, "元/生·年"),
      Num("50万元/间", kEq, 50, "万元/间"),
      Num("2次/年", kEq, 2, "次/年"),
      Num("≥4次/年", kGe, 4, "次/年"),
      Num("30元/平方米", kEq, 30, "元/平方米"),
      Num("每年2次", kEq, 2, "次/年"),
      Num("500㎡", kEq, 500, "平方米"),
      Num("48h", kEq, 48, "小时"),
      Num("100Mbps", kEq, 100, "Mbps"),
      Num("零事故", kEq, 0, "事故"),
      Num("零投诉", kEq, 0, "投诉"),
      Num("0事故", kEq, 0, "事故"),
      Num("安全事故零发生", kEq, 0, "安全事故"),
      Num("3栋", kEq, 3, "栋"),
      Num("25", kEq, 25),
      Num("100.00", kEq, 100),
      Num("-5%", kEq, -5, "%"),
      Num("2个百分点", kEq, 2, "个百分点"),
      Text("零星维修"),

      // --- Qualifiers and labels.
      NumQ("100%完成", kEq, 100, "%", "完成"),
      NumQ("完成100%", kEq, 100, "%", "完成"),
      NumQ("100%按时完成", kEq, 100, "%", "按时完成"),
      NumQ("满意度≥95%", kGe, 95, "%", "满意度"),
      NumQ("完成率不低于95%", kGe, 95, "%", "完成率"),
      NumQ("合格率达到98%", kGe, 98, "%", "合格率"),
      NumQ("95%以上完成", kGe, 95, "%", "完成"),
      NumQ("100%（按时完成）", kEq, 100, "%", "按时完成"),
      NumQ("发生安全事故0起", kEq, 0, "起", "发生安全事故"),
      Text("一年一户1600元"),
      Text("一年一户 1600 元"),
      Text("按实际服务户数支付费用"),
      Text("≥95%，提高效率并按时完成各项目标任务"),

      // --- References to a named quantity.
      Ref("不超过预算数", kLe, "预算数"),
      Ref("≤预算", kLe, "预算"),
      Ref("＜＝预算控制数", kLe, "预算控制数"),
      Ref("预算控制数以内", kLe, "预算控制数"),
      Ref("控制在预算范围内", kLe, "预算"),
      Ref("控制在预算控制数以内", kLe, "预算控制数"),
      Ref("不高于预算控制数", kLe, "预算控制数"),
      Ref("不低于上年", kGe, "上年"),
      Ref("不低于上年水平", kGe, "上年水平"),
      Ref("≥上年同期", kGe, "上年同期"),
      Ref("低于市场价", kLt, "市场价"),
      Ref("=预算控制数", kEq, "预算控制数"),
      Ref("小于等于预算数", kLe, "预算数"),
      Text("达到国家标准"),
      Ref("不低于国家标准", kGe, "国家标准"),
      Ref("≤ 预算控制数", kLe, "预算控制数"),
      Text("达到预期效果"),
      Text("超出预期"),

      // --- Dates and deadlines.
      Date("12月底前", kLe, "--12"),
      Date("2020年12月31日前", kLe, "2020-12-31"),
      Date("2021年6月底前", kLe, "2021-06"),
      Date("2020年12月31日", kEq, "2020-12-31"),
      Date("2020 年 12 月 31 日", kEq, "2020-12-31"),
      Date("2020年12月", kEq, "2020-12"),
      Date("12月底", kEq, "--12"),
      Date("12月", kEq, "--12"),
      Date("6月份", kEq, "--06"),
      Date("6月前", kLe, "--06"),
      Date("6月底之前", kLe, "--06"),
      Date("6月30日前", kLe, "--06-30"),
      Date("年底前", kLe, "--12"),
      Date("年内", kLe, "--12"),
      Date("2020年底前", kLe, "2020-12"),
      Date("2020年底", kEq, "2020-12"),
      Date("2020.12.31", kEq, "2020-12-31"),
      Date("2020-12-31", kEq, "2020-12-31"),
      Date("2020/6/30前", kLe, "2020-06-30"),
      Date("截至2020年12月31日", kLe, "2020-12-31"),
      Date("≤2020年12月31日", kLe, "2020-12-31"),
      Date("十二月底前", kLe, "--12"),
      Date("二〇二〇年十二月三十一日", kEq, "2020-12-31"),
      Date("2020年12月31日前完成", kLe, "2020-12-31"),
      Date("12月底前完成", kLe, "--12"),
      Date("第一季度末", kLe, "--03"),
      Date("上半年", kLe, "--06"),
      Date("6月起", kGe, "--06"),
      Date("１２月底前", kLe, "--12"),
      Text("全年"),
      Text("当年"),
      Text("及时"),
      Text("2020年"),

      // --- Found while widening the table: sentences, bounds, OCR slips.
      Range("90%以上100%以下", 90, 100, "%"),
      Range("大于90%小于100%", 90, 100, "%"),
      Range("≥95%，≤100%", 95, 100, "%"),
      Range("增长3%-5%", 3, 5, "%"),
      Num("≥95%（含95%）", kGe, 95, "%"),
      Num("≥ 90 分（百分制）", kGe, 90, "分"),
      Num("800元/生.年", kEq, 800, "元/生·年"),
      Num("1000元／（生·年）", kEq, 1000, "元/生·年"),
      Num("十五分钟", kEq, 15, "分钟"),
      Date("6月中旬前", kLe, "--06"),
      Num("每月不少于2次", kGe, 2, "次/月"),
      Num("每人每年1000元", kEq, 1000, "元/人/年"),
      Num("七成以上", kGe, 7, "成"),
      Num("2倍以上", kGe, 2, "倍"),
      Num("五十万元", kEq, 50, "万元"),
      Num("九十五%", kEq, 95, "%"),
      Num("三千米", kEq, 3000, "米"),
      Num("2020.12", kEq, 2020.12),
      NumQ("保障74人", kEq, 74, "人", "保障"),
      NumQ("完成率：100%", kEq, 100, "%", "完成率"),
      Text("+3月"),
      Text("保障74人正常办公"),
      Text("为74名在职人员发放工资"),
      Text("培训2次，每次不少于50人"),
      Text("2020年度预算执行率达到90%以上"),
      Text("=有效提高"),
      Text("=合格"),
      Text("±5%"),
      Text("1/3"),
      Ref("≥良好", kGe, "良好"),
      Ref("严格控制在预算内", kLe, "预算"),
      Ref("预算控制数", kEq, "预算控制数"),
      Text("按预算执行"),
      Date("20年12月底前", kLe, "2020-12"),
      Date("2020.12前", kLe, "2020-12"),
      Date("9月1日起", kGe, "--09-01"),
      Date("2020年内", kLe, "2020-12"),
      Date("次年3月底前", kLe, "--03"),
      Text("2020年度"),
      Text("2020年完成"),

      // --- Blank cells.
      Empty(""),
      Empty("   "),
      Empty("\u3000"),
      Empty("\n"),
      Empty("-"),
      Empty("—"),
      Empty("/"),

      // --- Units in brackets after the value (财政项目支出绩效目标填报表).
      Num("≥13459.00(平方米)", kGe, 13459, "平方米"),
      Num("100(%)", kEq, 100, "%"),
      Num("≤4.20(‰)", kLe, 4.2, "‰"),
      Num("=4.60（万亩）", kEq, 4.6, "万亩"),
      Num("≤85.00(元/亩)", kLe, 85, "元/亩"),
      Num(">98.00(%)", kGt, 98, "%"),
      NumQ("95%(抽查)", kEq, 95, "%", "抽查"),
  };
}

class NormalizeTable : public ::testing::TestWithParam<Case> {};

TEST_P(NormalizeTable, Typed) {
  ExpectMatches(GetParam(), Normalize(GetParam().raw));
}

INSTANTIATE_TEST_SUITE_P(Forms, NormalizeTable, ::testing::ValuesIn(Cases()));

// Printing a typed value in its canonical form and normalizing it gives it back.
TEST_P(NormalizeTable, CanonicalRoundTrip) {
  TypedValue v = Normalize(GetParam().raw);
  if (v.kind == ValueKind::kText || v.kind == ValueKind::kEmpty) return;
  std::string printed = Canonical(v);
  TypedValue back = Normalize(printed);
  SCOPED_TRACE(GetParam().raw + " -> " + printed + " -> " + Show(back));
  EXPECT_EQ(back.kind, v.kind);
  EXPECT_EQ(back.op, v.op);
  EXPECT_TRUE(SameNumber(back.number, v.number));
  EXPECT_TRUE(SameNumber(back.upper, v.upper));
  EXPECT_EQ(back.unit, v.unit);
  EXPECT_EQ(back.reference, v.reference);
  EXPECT_EQ(back.date, v.date);
  EXPECT_EQ(back.qualifier, v.qualifier);
}

TEST(Normalize, SameTargetWrittenThreeWays) {
  TypedValue a = Normalize("≥95%"), b = Normalize("不低于95%"), c = Normalize("95%以上");
  EXPECT_EQ(Canonical(a), Canonical(b));
  EXPECT_EQ(Canonical(a), Canonical(c));
  EXPECT_EQ(Canonical(a), "≥95%");
}

TEST(Normalize, CanonicalForms) {
  EXPECT_EQ(Canonical(Normalize("＞＝９５％")), "≥95%");
  EXPECT_EQ(Canonical(Normalize("90～100%")), "90~100%");
  EXPECT_EQ(Canonical(Normalize("不超过预算数")), "≤预算数");
  EXPECT_EQ(Canonical(Normalize("12月底前")), "12月底前");
  EXPECT_EQ(Canonical(Normalize("2021年6月底前")), "2021年6月底前");
  EXPECT_EQ(Canonical(Normalize("2020年12月31日")), "2020年12月31日");
  EXPECT_EQ(Canonical(Normalize("=6 人")), "6人");
  EXPECT_EQ(Canonical(Normalize("100%完成")), "100%完成");
  EXPECT_EQ(Canonical(Normalize("有效提高")), "有效提高");
  EXPECT_EQ(Canonical(Normalize("")), "");
}

nlohmann::json Parsed(const char* text) {
  return nlohmann::json::parse(text);
}

TEST(Normalize, JsonShape) {
  EXPECT_EQ(ToJson(Normalize("≥95%")),
            Parsed(R"({"raw":"≥95%","kind":"numeric","op":">=","number":95,"unit":"%"})"));
  nlohmann::json j = ToJson(Normalize("74 人"));
  EXPECT_EQ(j, Parsed(R"({"raw":"74 人","kind":"numeric","op":"=","number":74,"unit":"人"})"));
  EXPECT_TRUE(j["number"].is_number_integer());
  j = ToJson(Normalize("25"));
  EXPECT_TRUE(j.contains("unit"));
  EXPECT_TRUE(j["unit"].is_null());
  EXPECT_FALSE(j.contains("upper"));
  EXPECT_FALSE(j.contains("qualifier"));
  j = ToJson(Normalize("90%-100%"));
  EXPECT_EQ(j["op"], "range");
  EXPECT_EQ(j["number"], 90);
  EXPECT_EQ(j["upper"], 100);
  EXPECT_EQ(ToJson(Normalize("100%完成"))["qualifier"], "完成");
  EXPECT_EQ(
      ToJson(Normalize("≤预算控制数")),
      Parsed(R"({"raw":"≤预算控制数","kind":"reference","op":"<=","reference":"预算控制数"})"));
  EXPECT_EQ(ToJson(Normalize("12月底前")),
            Parsed(R"({"raw":"12月底前","kind":"date","op":"<=","date":"--12"})"));
  EXPECT_EQ(ToJson(Normalize("有效提高")), Parsed(R"({"raw":"有效提高","kind":"text"})"));
  EXPECT_EQ(ToJson(Normalize("")), Parsed(R"({"raw":"","kind":"empty"})"));
  j = ToJson(Normalize("12.5%"));
  EXPECT_TRUE(j["number"].is_number_float());
  EXPECT_DOUBLE_EQ(j["number"].get<double>(), 12.5);
}

TEST(Normalize, InvalidUtf8StaysPrintable) {
  std::string bad = "\xff\xfe≥95%\xc3";
  TypedValue v = Normalize(bad);
  EXPECT_EQ(v.raw, bad);
  EXPECT_NO_THROW(ToJson(v).dump());
}

TEST(Normalize, LongTextIsText) {
  std::string s;
  for (int i = 0; i < 200; ++i) s += "提高";
  EXPECT_EQ(Normalize(s).kind, ValueKind::kText);
  EXPECT_EQ(Normalize(s + "95%").kind, ValueKind::kText);
}

TEST(Names, OpsAndKinds) {
  EXPECT_EQ(OpSymbol(Op::kEq), "=");
  EXPECT_EQ(OpSymbol(Op::kGe), ">=");
  EXPECT_EQ(OpSymbol(Op::kLe), "<=");
  EXPECT_EQ(OpSymbol(Op::kGt), ">");
  EXPECT_EQ(OpSymbol(Op::kLt), "<");
  EXPECT_EQ(OpSymbol(Op::kRange), "range");
  EXPECT_EQ(KindName(ValueKind::kNumeric), "numeric");
  EXPECT_EQ(KindName(ValueKind::kReference), "reference");
  EXPECT_EQ(KindName(ValueKind::kDate), "date");
  EXPECT_EQ(KindName(ValueKind::kText), "text");
  EXPECT_EQ(KindName(ValueKind::kEmpty), "empty");
}

// --- Money cells.
struct MoneyCase {
  std::string raw;
  std::string table_unit;
  std::optional<double> want;
};

void PrintTo(const MoneyCase& c, std::ostream* os) {
  *os << c.raw << " in " << c.table_unit;
}

class MoneyTable : public ::testing::TestWithParam<MoneyCase> {};

TEST_P(MoneyTable, Parses) {
  const MoneyCase& c = GetParam();
  std::optional<double> got = ParseMoney(c.raw, c.table_unit);
  ASSERT_EQ(got.has_value(), c.want.has_value()) << c.raw;
  if (c.want) {
    EXPECT_NEAR(*got, *c.want, 1e-9 * std::max(1.0, std::fabs(*c.want))) << c.raw;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cells, MoneyTable,
    ::testing::Values(MoneyCase{"100.00", "万元", 100.0}, MoneyCase{"１００．００", "万元", 100.0},
                      MoneyCase{"120526.20元", "万元", 12.05262},
                      MoneyCase{"12.05万元", "万元", 12.05}, MoneyCase{"12.05万元", "元", 120500.0},
                      MoneyCase{"120526.20元", "元", 120526.2}, MoneyCase{"1,200.50", "元", 1200.5},
                      MoneyCase{"0.5亿元", "万元", 5000.0}, MoneyCase{"3亿元", "亿元", 3.0},
                      MoneyCase{"12.05万", "元", 120500.0}, MoneyCase{"¥100", "元", 100.0},
                      MoneyCase{" 17.92 ", "万元", 17.92}, MoneyCase{"50000元", "万元", 5.0},
                      MoneyCase{"", "万元", std::nullopt}, MoneyCase{"   ", "万元", std::nullopt},
                      MoneyCase{"—", "万元", std::nullopt}, MoneyCase{"无", "万元", std::nullopt},
                      MoneyCase{"95%", "万元", std::nullopt},
                      MoneyCase{"10人", "万元", std::nullopt},
                      MoneyCase{"主要为差额人员各项支出", "万元", std::nullopt}));

}  // namespace
}  // namespace jixiao
