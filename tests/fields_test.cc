// The field registry (records/fields.h): every field's path parses back to it, unknown paths
// and indices past the end are refused, every field has its labels, and the extract JSON is
// written and read back through it.
#include "records/fields.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "checks/format.h"
#include "core/error.h"
#include "output/json.h"
#include "pipeline/extract.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// A project with every field filled: three goals, two indicator rows (the second with an
// attribute), two labeled fields.
Project Full() {
  Project p;
  p.index = 2;
  p.title = "学生营养改善计划补助绩效目标表";
  p.unit_code = "207001";
  p.unit_name = "崇山县教育局机关";
  p.money_unit = "万元";
  p.project_code = "207-0502-JBN-7QX3";
  p.project_name = "学生营养改善计划补助";
  p.budget = {512.4, 500, 12.4};
  p.purpose = "膳食补助";
  p.schedule = {30, 55, 80, 100};
  p.goals = {"保障营养膳食供给", "改善学生营养健康状况", "确保食品安全"};
  Indicator a;
  a.level1 = "产出指标";
  a.level2 = "数量指标";
  a.level3 = "受益学生人数";
  a.description = "享受补助的学生人数";
  a.value = "=6405 人";
  a.basis = "学籍统计";
  a.value_normalized = Normalize(a.value);
  Indicator b = a;
  b.level3 = "供餐学校数量";
  b.value = "≥42所";
  b.value_normalized = Normalize(b.value);
  b.attributes = {{"权重", "10"}};
  p.indicators = {a, b};
  p.pages = {7, 8};
  p.attributes = {{"项目类型", "民生类"}, {"上年结转", "0"}};
  return p;
}

std::string Why(std::string_view text) {
  std::string why;
  EXPECT_FALSE(ParseFieldPath(text, &why)) << text;
  return why;
}

TEST(FieldRegistry, EveryPathParsesBackToItsField) {
  for (const FieldSpec& f : Fields(FieldScope::kProject)) {
    const std::optional<FieldPath> path = ParseFieldPath(f.path);
    ASSERT_TRUE(path) << f.path;
    EXPECT_EQ(path->field, &f) << f.path;
    EXPECT_FALSE(path->index);
    EXPECT_FALSE(path->project);
    EXPECT_EQ(ToString(*path), f.path);
    EXPECT_EQ(FindField(FieldScope::kProject, f.path), &f);
  }
  for (const FieldSpec& f : Fields(FieldScope::kIndicator)) {
    const std::string text = "indicators[3]." + f.path;
    const std::optional<FieldPath> path = ParseFieldPath(text);
    ASSERT_TRUE(path) << text;
    EXPECT_EQ(path->field, &f) << text;
    EXPECT_EQ(path->index, 3);
    EXPECT_EQ(ToString(*path), text);
    // Inside a document's list of projects.
    const std::optional<FieldPath> in_document = ParseFieldPath("projects[12]." + text);
    ASSERT_TRUE(in_document);
    EXPECT_EQ(in_document->project, 12);
    EXPECT_EQ(in_document->field, &f);
    EXPECT_EQ(ToString(*in_document), "projects[12]." + text);
  }
}

TEST(FieldRegistry, ItemsAndLabels) {
  const auto goal = ParseFieldPath("goals[1]");
  ASSERT_TRUE(goal);
  EXPECT_EQ(goal->field->path, "goals");
  EXPECT_EQ(goal->index, 1);
  const auto row = ParseFieldPath("indicators[0]");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->field->type, FieldType::kRows);
  EXPECT_EQ(row->index, 0);
  // A label is everything after the dot, dots and brackets included.
  const auto label = ParseFieldPath("attributes.1.项目类型[新]");
  ASSERT_TRUE(label);
  EXPECT_EQ(label->field->path, "attributes");
  EXPECT_EQ(label->key, "1.项目类型[新]");
  EXPECT_EQ(ToString(*label), "attributes.1.项目类型[新]");
  const auto column = ParseFieldPath("indicators[2].attributes.权重");
  ASSERT_TRUE(column);
  EXPECT_EQ(column->field->scope, FieldScope::kIndicator);
  EXPECT_EQ(column->index, 2);
  EXPECT_EQ(column->key, "权重");
  // "value_normalized" is its own field, not "value" with something after it.
  EXPECT_EQ(ParseFieldPath("indicators[0].value_normalized")->field->type, FieldType::kTypedValue);
}

TEST(FieldRegistry, UnknownPathsAreRefused) {
  for (std::string_view bad : {"",
                               "budget",
                               "budget.totl",
                               "budget.total.x",
                               "budget.total[0]",
                               "goal[1]",
                               "goals[x]",
                               "goals[-1]",
                               "goals[+1]",
                               "goals[01]",
                               "goals[1",
                               "goals[]",
                               "goals[1].text",
                               "goals[9999999999]",
                               "title[0]",
                               "value",
                               "indicators.value",
                               "indicators[3]value",
                               "indicators[3].valu",
                               "indicators[3].other",
                               "indicators[3].value.number",
                               "indicators[3].value_normalized.kind",
                               "attributes.",
                               "provenance",
                               "projects[0]",
                               "projects[0].",
                               "projects[a].title",
                               "projects.title",
                               "projects[0].budget",
                               "Budget.total",
                               " budget.total"})
    EXPECT_FALSE(Why(bad).empty()) << bad;
  EXPECT_NE(Why("budget.totl").find("budget.totl"), std::string::npos);
  EXPECT_NE(Why("indicators[3].valu").find("valu"), std::string::npos);
}

TEST(FieldRegistry, IndicesPastTheEndAreRefused) {
  const Project p = Full();  // 3 goals, 2 indicator rows, 2 pages
  std::string why;
  EXPECT_TRUE(ParseFieldPath("goals[2]", p));
  EXPECT_FALSE(ParseFieldPath("goals[3]", p, &why));
  EXPECT_NE(why.find("goals[3]"), std::string::npos) << why;
  EXPECT_TRUE(ParseFieldPath("indicators[1].value", p));
  EXPECT_FALSE(ParseFieldPath("indicators[2].value", p));
  EXPECT_FALSE(ParseFieldPath("indicators[2]", p));
  EXPECT_FALSE(ParseFieldPath("pages[2]", p));
  EXPECT_TRUE(ParseFieldPath("budget.total", p));
  EXPECT_TRUE(ParseFieldPath("attributes.新标签", p));   // a label may be new
  EXPECT_FALSE(ParseFieldPath("projects[0].title", p));  // the path of a document

  const std::vector<Project> projects = {p};
  EXPECT_TRUE(ParseFieldPath("projects[0].indicators[1].value", projects));
  EXPECT_FALSE(ParseFieldPath("projects[0].indicators[5].value", projects));
  EXPECT_FALSE(ParseFieldPath("projects[1].title", projects, &why));
  EXPECT_NE(why.find("1 projects"), std::string::npos) << why;
  EXPECT_FALSE(ParseFieldPath("title", projects));  // which project?
  EXPECT_FALSE(ParseFieldPath("projects[0].budget.totl", projects));
}

TEST(FieldRegistry, EveryFieldHasItsLabelsAndNames) {
  for (FieldScope scope : {FieldScope::kProject, FieldScope::kIndicator}) {
    std::set<std::string> paths, names, columns;
    for (const FieldSpec& f : Fields(scope)) {
      EXPECT_EQ(f.scope, scope);
      EXPECT_FALSE(f.zh.empty()) << f.path;
      EXPECT_FALSE(f.en.empty()) << f.path;
      EXPECT_FALSE(f.header_zh.empty()) << f.path;
      EXPECT_TRUE(paths.insert(f.path).second) << f.path;
      EXPECT_TRUE(names.insert(f.name).second) << f.name;
      EXPECT_EQ(f.name.find('.'), std::string::npos) << f.name;
      if (!f.column.empty()) {
        EXPECT_TRUE(columns.insert(f.column).second) << f.column;
      }
      const bool list = f.type == FieldType::kTextList || f.type == FieldType::kIntegerList ||
                        f.type == FieldType::kRows;
      if (list) {
        EXPECT_NE(f.item_zh.find("{}"), std::string::npos) << f.path;
        EXPECT_NE(f.item_en.find("{}"), std::string::npos) << f.path;
      }
      EXPECT_EQ(f.type == FieldType::kTypedValue, f.typed_from != nullptr) << f.path;
      if (f.typed_from) {
        EXPECT_EQ(f.typed_from->type, FieldType::kText);
      }
    }
  }
  // Exactly one field holds the indicator rows.
  int rows = 0;
  for (const FieldSpec& f : Fields(FieldScope::kProject)) rows += f.type == FieldType::kRows;
  EXPECT_EQ(rows, 1);
}

TEST(FieldRegistry, CheckMessagesNameFieldsAsTheDocumentDoes) {
  EXPECT_EQ(FieldLabelZh("budget.total"), "预算数");
  EXPECT_EQ(FieldLabelZh("schedule.jun"), "支出计划6月底");
  EXPECT_EQ(FieldLabelZh("project_name"), "项目名称");
  EXPECT_EQ(FieldLabelZh("goals"), "绩效目标");
  EXPECT_EQ(FieldLabelZh("goals[1]"), "绩效目标第 2 条");
  EXPECT_EQ(FieldLabelZh("indicators[3].value"), "第 4 行指标的指标值");
  EXPECT_EQ(FieldLabelZh("indicators[0].level1"), "第 1 行指标的一级指标");
  EXPECT_EQ(FieldLabelZh("indicators[0].attributes.权重"), "第 1 行指标的权重");
  EXPECT_EQ(FieldLabelZh("attributes.项目类型"), "项目类型");
  EXPECT_EQ(FieldLabelZh("no.such[1]"), "no.such[1]");
  EXPECT_EQ(FieldLabelEn("budget.total"), "budget.total");
  EXPECT_EQ(FieldLabelEn("goals[1]"), "goal 2");
  EXPECT_EQ(FieldLabelEn("indicators[3].value"), "indicator row 4 value");
  EXPECT_EQ(FieldLabelEn("attributes.项目类型"), "attributes.项目类型");
  EXPECT_EQ(FieldLabelEn("no.such[1]"), "no.such[1]");

  const Project p = Full();
  EXPECT_EQ(FieldText(p, "budget.total"), "512.4");
  EXPECT_EQ(FieldText(p, "schedule.dec"), "100");
  EXPECT_EQ(FieldText(p, "project_code"), "207-0502-JBN-7QX3");
  EXPECT_EQ(FieldText(p, "goals"), "保障营养膳食供给；改善学生营养健康状况；确保食品安全");
  EXPECT_EQ(FieldText(p, "goals[2]"), "确保食品安全");
  EXPECT_EQ(FieldText(p, "goals[3]"), "");
  EXPECT_EQ(FieldText(p, "indicators[1].value"), "≥42所");
  EXPECT_EQ(FieldText(p, "indicators[1].attributes.权重"), "10");
  EXPECT_EQ(FieldText(p, "indicators[2].value"), "");
  EXPECT_EQ(FieldText(p, "attributes.上年结转"), "0");
  EXPECT_EQ(FieldText(p, "attributes.无"), "");
  EXPECT_EQ(FieldText(p, "budget.totl"), "");
  Project empty;
  EXPECT_EQ(FieldText(empty, "budget.total"), "");
}

TEST(FieldRegistry, TheJsonWriterCoversEveryField) {
  ExtractResult r;
  r.projects = {Full()};
  const Json j = ExtractJson(r)["projects"][0];
  std::vector<std::string> keys;  // top-level keys the registry gives, in order
  for (const FieldSpec& f : Fields(FieldScope::kProject)) {
    EXPECT_TRUE(FindJson(j, f)) << f.path;
    const std::string top = f.path.substr(0, f.path.find('.'));
    if (keys.empty() || keys.back() != top) keys.push_back(top);
  }
  keys.push_back("provenance");
  std::vector<std::string> written;
  for (auto it = j.begin(); it != j.end(); ++it) written.push_back(it.key());
  EXPECT_EQ(written, keys);  // nothing but the registry's fields, in its order
  // The order of the contract's example (CONTRACT.md), which readers of the JSON see.
  EXPECT_EQ(written, (std::vector<std::string>{"index", "title", "unit_code", "unit_name",
                                               "money_unit", "project_code", "project_name",
                                               "budget", "purpose", "schedule", "goals",
                                               "indicators", "pages", "attributes", "kind",
                                               "provenance"}));
  const Json& row = j["indicators"][1];
  std::vector<std::string> row_keys;
  for (auto it = row.begin(); it != row.end(); ++it) row_keys.push_back(it.key());
  EXPECT_EQ(row_keys,
            (std::vector<std::string>{"level1", "level2", "level3", "description", "value", "basis",
                                      "value_normalized", "attributes"}));
  for (const FieldSpec& f : Fields(FieldScope::kIndicator)) EXPECT_TRUE(FindJson(row, f)) << f.path;
  EXPECT_EQ(row.size(), Fields(FieldScope::kIndicator).size());
  // An empty attributes of a row is left out.
  EXPECT_FALSE(j["indicators"][0].contains("attributes"));
  EXPECT_EQ(j["budget"].dump(), R"({"total":512.4,"fiscal":500.0,"other":12.4})");

  // Each field as FieldJson gives it is what the writer wrote.
  const Project p = Full();
  for (const FieldSpec& f : Fields(FieldScope::kProject))
    EXPECT_EQ(FieldJson(p, FieldPath{.field = &f}), *FindJson(j, f)) << f.path;
  EXPECT_EQ(FieldJson(p, *ParseFieldPath("indicators[1]")), row);
  EXPECT_EQ(FieldJson(p, *ParseFieldPath("goals[0]")), "保障营养膳食供给");
  EXPECT_EQ(FieldJson(p, *ParseFieldPath("goals[7]")), nullptr);
}

TEST(FieldRegistry, SetFieldJsonReadsAsTheReaderDoes) {
  Project p = Full();
  SetFieldJson(p, *ParseFieldPath("budget.total"), "3,286,500.00");
  EXPECT_DOUBLE_EQ(p.budget.total.value(), 3286500);
  SetFieldJson(p, *ParseFieldPath("budget.other"), nullptr);
  EXPECT_FALSE(p.budget.other);
  SetFieldJson(p, *ParseFieldPath("indicators[0].value"), "≥95%");
  EXPECT_EQ(p.indicators[0].value, "≥95%");
  SetFieldJson(p, *ParseFieldPath("indicators[0].value_normalized"), nullptr);  // typed from value
  EXPECT_EQ(p.indicators[0].value_normalized.op, Op::kGe);
  EXPECT_EQ(p.indicators[0].value_normalized.number, 95);
  SetFieldJson(p, *ParseFieldPath("goals[1]"), "新目标");
  EXPECT_EQ(p.goals[1], "新目标");
  SetFieldJson(p, *ParseFieldPath("attributes.上年结转"), "5");
  SetFieldJson(p, *ParseFieldPath("attributes.新标签"), "甲");
  EXPECT_EQ(p.attributes, (Labeled{{"项目类型", "民生类"}, {"上年结转", "5"}, {"新标签", "甲"}}));
  SetFieldJson(p, *ParseFieldPath("pages"), Json::array({3, "x", 4}));
  EXPECT_EQ(p.pages, (std::vector<int>{3, 4}));
  EXPECT_THROW(SetFieldJson(p, *ParseFieldPath("goals[3]"), "x"), Error);
  EXPECT_THROW(SetFieldJson(p, *ParseFieldPath("indicators[2].value"), "x"), Error);
}

TEST(FieldRegistry, ExtractJsonReadsBackTheSame) {
  // A digital sample: every field read, with provenance.
  const fs::path pdf = fs::path(JIXIAO_SOURCE_DIR) / "samples" / "jiaoyu-2021" / "digital.pdf";
  const ExtractResult r = Extract(pdf.string());
  ASSERT_FALSE(r.projects.empty());
  const Json first = ExtractJson(r);
  ExtractResult again = ReadExtractJson(first, pdf.string());
  again.findings = r.findings;  // the reader takes records, not findings
  EXPECT_EQ(ExtractJson(again).dump(), first.dump());
  // And a project with every field filled, indicator attributes included.
  ExtractResult full;
  full.projects = {Full()};
  const Json j = ExtractJson(full);
  EXPECT_EQ(ExtractJson(ReadExtractJson(j, "full.json")).dump(), j.dump());
}

}  // namespace
}  // namespace jixiao
