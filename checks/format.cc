#include "checks/format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/text.h"

namespace jixiao {

namespace {

// "indicators[3].value" -> {"indicators", 3, "value"}; index -1 without brackets.
struct Path {
  std::string head;
  int index = -1;
  std::string tail;
};

Path Split(const std::string& field) {
  Path p;
  size_t open = field.find('[');
  size_t close = field.find(']');
  if (open == std::string::npos || close == std::string::npos || close < open) {
    size_t dot = field.find('.');
    p.head = field.substr(0, dot);
    if (dot != std::string::npos) p.tail = field.substr(dot + 1);
    return p;
  }
  p.head = field.substr(0, open);
  p.index = std::atoi(field.c_str() + open + 1);
  if (close + 1 < field.size() && field[close + 1] == '.') p.tail = field.substr(close + 2);
  return p;
}

std::string Opt(const std::optional<double>& v) {
  return v ? FormatNumber(*v) : "";
}

}  // namespace

std::string FormatNumber(double v, int max_decimals) {
  int d = 0;
  for (; d < max_decimals; ++d) {
    const double x = v * std::pow(10.0, d);
    if (std::abs(x - std::round(x)) < 1e-6) break;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", d, v);
  std::string s = buf;
  if (s == "-0") s = "0";
  return s;
}

std::string FormatMoney(double v) {
  std::string s = FormatNumber(v, 4);
  size_t dot = s.find('.');
  if (dot == std::string::npos) return s + ".00";
  if (s.size() - dot == 2) return s + "0";
  return s;
}

int PageOf(const Project& p, const std::vector<std::string>& fields) {
  for (const std::string& f : fields) {
    auto it = p.provenance.find(f);
    if (it == p.provenance.end()) {
      const Path path = Split(f);
      if (path.index >= 0 && path.tail.empty())
        it = p.provenance.find(path.head);  // goals[1] -> goals
    }
    if (it != p.provenance.end() && it->second.page > 0) return it->second.page;
  }
  return p.pages.empty() ? 0 : p.pages.front();
}

std::string FieldLabelZh(const std::string& field) {
  static const std::vector<std::pair<std::string, std::string>> kNames = {
      {"budget.total", "预算数"},
      {"budget.fiscal", "财政资金"},
      {"budget.other", "其他资金"},
      {"schedule.mar", "支出计划3月底"},
      {"schedule.jun", "支出计划6月底"},
      {"schedule.oct", "支出计划10月底"},
      {"schedule.dec", "支出计划12月底"},
      {"project_code", "项目编码"},
      {"project_name", "项目名称"},
      {"purpose", "资金用途"},
      {"goals", "绩效目标"},
      {"title", "标题"},
      {"unit_code", "单位编码"},
      {"unit_name", "单位名称"}};
  for (const auto& [k, v] : kNames)
    if (field == k) return v;
  const Path p = Split(field);
  if (p.head == "goals" && p.index >= 0) return "绩效目标第 " + std::to_string(p.index + 1) + " 条";
  if (p.head == "indicators" && p.index >= 0) {
    static const std::vector<std::pair<std::string, std::string>> kColumns = {
        {"level1", "一级指标"},          {"level2", "二级指标"}, {"level3", "三级指标"},
        {"description", "绩效指标描述"}, {"value", "指标值"},    {"basis", "指标值确定依据"}};
    std::string col = p.tail;
    for (const auto& [k, v] : kColumns)
      if (p.tail == k) col = v;
    return "第 " + std::to_string(p.index + 1) + " 行指标的" + col;
  }
  if (p.head == "attributes") return p.tail;
  return field;
}

std::string FieldLabelEn(const std::string& field) {
  const Path p = Split(field);
  if (p.head == "goals" && p.index >= 0) return "goal " + std::to_string(p.index + 1);
  if (p.head == "indicators" && p.index >= 0)
    return "indicator row " + std::to_string(p.index + 1) + (p.tail.empty() ? "" : " " + p.tail);
  return field;
}

std::string FieldText(const Project& p, const std::string& field) {
  if (field == "budget.total") return Opt(p.budget.total);
  if (field == "budget.fiscal") return Opt(p.budget.fiscal);
  if (field == "budget.other") return Opt(p.budget.other);
  if (field == "schedule.mar") return Opt(p.schedule.mar);
  if (field == "schedule.jun") return Opt(p.schedule.jun);
  if (field == "schedule.oct") return Opt(p.schedule.oct);
  if (field == "schedule.dec") return Opt(p.schedule.dec);
  if (field == "project_code") return p.project_code;
  if (field == "project_name") return p.project_name;
  if (field == "purpose") return p.purpose;
  if (field == "title") return p.title;
  if (field == "unit_code") return p.unit_code;
  if (field == "unit_name") return p.unit_name;
  const Path path = Split(field);
  if (path.head == "goals") {
    if (path.index >= 0)
      return path.index < static_cast<int>(p.goals.size()) ? p.goals[path.index] : "";
    std::string all;
    for (const std::string& g : p.goals) all += (all.empty() ? "" : "；") + g;
    return all;
  }
  if (path.head == "indicators" && path.index >= 0 &&
      path.index < static_cast<int>(p.indicators.size())) {
    const Indicator& i = p.indicators[path.index];
    if (path.tail == "level1") return i.level1;
    if (path.tail == "level2") return i.level2;
    if (path.tail == "level3") return i.level3;
    if (path.tail == "description") return i.description;
    if (path.tail == "value") return i.value;
    if (path.tail == "basis") return i.basis;
  }
  if (path.head == "attributes")
    for (const auto& [k, v] : p.attributes)
      if (k == path.tail) return v;
  return "";
}

int DisplayWidth(const std::string& utf8) {
  int w = 0;
  for (char32_t c : ToU32(utf8)) {
    if (c < 0x20) continue;
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    w += wide ? 2 : 1;
  }
  return w;
}

}  // namespace jixiao
