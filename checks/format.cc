#include "checks/format.h"

#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "records/fields.h"

namespace jixiao {

namespace {

// "第 {} 行指标" with its 1-based number.
std::string Item(const std::string& label, int index) {
  std::string s = label;
  const size_t at = s.find("{}");
  if (at != std::string::npos) s.replace(at, 2, std::to_string(index + 1));
  return s;
}

// The field holding the indicator rows, whose item label names a row.
const FieldSpec& Rows() {
  static const FieldSpec& rows = *FindField(FieldScope::kProject, "indicators");
  return rows;
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
      const std::optional<FieldPath> path = ParseFieldPath(f);
      if (path && path->index && path->field->scope == FieldScope::kProject)
        it = p.provenance.find(path->field->path);  // goals[1] -> goals
    }
    if (it != p.provenance.end() && it->second.page > 0) return it->second.page;
  }
  return p.pages.empty() ? 0 : p.pages.front();
}

std::string FieldLabelZh(const std::string& field) {
  const std::optional<FieldPath> path = ParseFieldPath(field);
  if (!path) return field;
  const FieldSpec& f = *path->field;
  const std::string& name = path->key.empty() ? f.zh : path->key;
  if (f.scope == FieldScope::kIndicator) return Item(Rows().item_zh, *path->index) + "的" + name;
  if (path->index) return Item(f.item_zh, *path->index);
  return name;
}

std::string FieldLabelEn(const std::string& field) {
  const std::optional<FieldPath> path = ParseFieldPath(field);
  if (!path) return field;
  const FieldSpec& f = *path->field;
  const std::string name = path->key.empty() ? f.en : f.en + "." + path->key;
  if (f.scope == FieldScope::kIndicator) return Item(Rows().item_en, *path->index) + " " + name;
  if (path->index) return Item(f.item_en, *path->index);
  return name;
}

std::string FieldText(const Project& p, const std::string& field) {
  const std::optional<FieldPath> path = ParseFieldPath(field);
  if (!path) return "";
  if (const std::optional<double> n = FieldNumber(p, *path)) return FormatNumber(*n);
  return FieldString(p, *path).value_or("");
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
