#include "checks/report.h"

#include <algorithm>

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

CheckReport CheckDocuments(std::vector<CheckedDocument> documents, bool compare, const CheckOptions& options) {
  CheckReport report;
  for (CheckedDocument& d : documents) {
    CheckReport::Document out;
    out.input = d.input;
    out.findings = d.findings ? std::move(*d.findings) : Check(d.projects, options);
    for (const Finding& f : out.findings) {
      ++out.counts[static_cast<int>(f.severity)];
      ++report.counts[static_cast<int>(f.severity)];
    }
    report.documents.push_back(std::move(out));
  }
  if (compare) {
    // Columns by year when every document has its own, else by input.
    std::vector<std::string> labels;
    for (const CheckedDocument& d : documents) labels.push_back(d.year ? std::to_string(*d.year) : "");
    std::vector<std::string> sorted = labels;
    std::sort(sorted.begin(), sorted.end());
    const bool by_year = std::find(sorted.begin(), sorted.end(), "") == sorted.end() &&
                         std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
    std::vector<ComparedDocument> compared;
    for (size_t i = 0; i < documents.size(); ++i)
      compared.push_back({by_year ? labels[i] : documents[i].input, std::move(documents[i].projects)});
    report.comparison = Compare(compared);
  }
  return report;
}

Json CheckReportJson(const CheckReport& report, Lang lang, Severity floor) {
  Json all = Json::array();
  for (const CheckReport::Document& d : report.documents)
    for (const Finding& f : d.findings) {
      if (f.severity < floor) continue;
      const Json finding = FindingJson(f, lang);
      Json j = {{"input", d.input}};
      for (auto it = finding.begin(); it != finding.end(); ++it) j[it.key()] = it.value();
      all.push_back(std::move(j));
    }
  Json out;
  out["findings"] = std::move(all);
  out["summary"] = {{"error", report.counts[2]}, {"warning", report.counts[1]}, {"info", report.counts[0]}};
  if (report.comparison) {
    Json cj = ComparisonJson(*report.comparison);
    cj["findings"] = FindingsJson(report.comparison->findings, lang);
    out["comparison"] = std::move(cj);
  }
  return out;
}

std::string CheckReportText(const CheckReport& report, Lang lang, Severity floor) {
  const bool zh = lang == Lang::kZh;
  std::string text;
  for (const CheckReport::Document& d : report.documents) {
    std::vector<Finding> shown;
    for (const Finding& f : d.findings)
      if (f.severity >= floor) shown.push_back(f);
    text += d.input + (zh ? "：错误 " : ": errors ") + std::to_string(d.counts[2]) + (zh ? "，警告 " : ", warnings ") +
            std::to_string(d.counts[1]) + (zh ? "，提示 " : ", info ") + std::to_string(d.counts[0]) + "\n";
    if (!shown.empty()) text += FindingsTable(shown, lang);
    text += "\n";
  }
  if (report.comparison) {
    const Comparison& c = *report.comparison;
    text += std::string(zh ? "对比：" : "comparison: ") + std::to_string(c.rows.size()) + (zh ? " 处变化" : " changes") + "\n";
    if (!c.rows.empty()) text += ComparisonTable(c, lang);
  }
  while (text.size() >= 2 && text.compare(text.size() - 2, 2, "\n\n") == 0) text.pop_back();
  return text;
}

}  // namespace jixiao
