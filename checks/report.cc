#include "checks/report.h"

#include "checks/format.h"

namespace jixiao {

namespace {

using Json = nlohmann::ordered_json;

// Rows of cells to aligned text: every column but the last padded to its widest cell.
std::string Align(const std::vector<std::vector<std::string>>& rows) {
  std::vector<int> width;
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], DisplayWidth(r[i]));
    }
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (size_t i = 0; i < r.size(); ++i) {
      line += r[i];
      if (i + 1 < r.size()) line += std::string(width[i] - DisplayWidth(r[i]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace

Json FindingJson(const Finding& f, Lang lang) {
  Json o;
  o["rule"] = f.rule;
  o["severity"] = SeverityName(f.severity);
  o["index"] = f.index;
  o["project_code"] = f.project_code;
  o["project_name"] = f.project_name;
  o["page"] = f.page > 0 ? Json(f.page) : Json(nullptr);
  o["fields"] = f.fields;
  Json figures = Json::object();
  for (const auto& [k, v] : f.figures) figures[k] = v;
  o["figures"] = std::move(figures);
  o["message"] = lang == Lang::kEn ? f.message_en : f.message_zh;
  o["message_zh"] = f.message_zh;
  o["message_en"] = f.message_en;
  return o;
}

Json FindingsJson(const std::vector<Finding>& findings, Lang lang) {
  Json a = Json::array();
  for (const Finding& f : findings) a.push_back(FindingJson(f, lang));
  return a;
}

Json ComparisonJson(const Comparison& c) {
  Json rows = Json::array();
  for (const ComparisonRow& r : c.rows) {
    Json o;
    o["project_code"] = r.project_code;
    o["project_name"] = r.project_name;
    o["field"] = r.field;
    if (!r.indicator.empty()) o["indicator"] = r.indicator;
    o["values"] = r.values;
    if (!r.numbers.empty()) {
      Json n = Json::array();
      for (const auto& v : r.numbers) n.push_back(v ? Json(*v) : Json(nullptr));
      o["numbers"] = std::move(n);
      o["money_unit"] = r.money_unit;
    }
    rows.push_back(std::move(o));
  }
  return Json{{"documents", c.documents}, {"rows", std::move(rows)}};
}

std::string FindingsTable(const std::vector<Finding>& findings, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::vector<std::vector<std::string>> rows;
  rows.push_back(
      zh ? std::vector<std::string>{"级别", "规则", "项目", "项目编码", "页", "说明"}
         : std::vector<std::string>{"severity", "rule", "project", "code", "page", "message"});
  for (const Finding& f : findings)
    rows.push_back({std::string(zh ? SeverityNameZh(f.severity) : SeverityName(f.severity)), f.rule,
                    f.index > 0 ? std::to_string(f.index) : "-",
                    f.project_code.empty() ? "-" : f.project_code,
                    f.page > 0 ? std::to_string(f.page) : "-", zh ? f.message_zh : f.message_en});
  return Align(rows);
}

std::string ComparisonTable(const Comparison& c, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = zh ? std::vector<std::string>{"项目编码", "项目名称", "项目"}
                                     : std::vector<std::string>{"code", "project", "what"};
  for (const std::string& d : c.documents) head.push_back(d);
  rows.push_back(head);
  for (const ComparisonRow& r : c.rows) {
    std::string what = r.field == "budget.total" ? (zh ? "预算数" : "budget total")
                       : r.field == "project"    ? (zh ? "项目" : "project")
                                                 : r.indicator;
    std::vector<std::string> row = {r.project_code.empty() ? "-" : r.project_code, r.project_name,
                                    what};
    for (const std::string& v : r.values) row.push_back(v.empty() ? "—" : v);
    rows.push_back(row);
  }
  return Align(rows);
}

}  // namespace jixiao
