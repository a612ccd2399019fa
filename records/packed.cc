// Indicators packed into one text cell (docs/CONTRACT.md, "Packed"), as Guangzhou prints them:
// numbered items, each `1-产出指标；11-数量指标；<三级指标>；<label>:<value>；…`.
#include "core/text.h"
#include "records/records.h"
#include "vocabulary/vocabulary.h"

namespace jixiao {

namespace {

// "1-产出指标" → "产出指标", "12 -质量指标" → "质量指标"; "" when the part has no such number.
std::string NumberedLevel(const std::string& part) {
  const std::u32string u = ToU32(Trim(part));
  size_t i = 0;
  while (i < u.size() && u[i] >= '0' && u[i] <= '9') ++i;
  if (i == 0) return "";
  while (i < u.size() && IsSpace(u[i])) ++i;
  if (i >= u.size() || (u[i] != '-' && u[i] != U'－' && u[i] != U'—')) return "";
  return Trim(ToUtf8(u.substr(i + 1)));
}

// The parts of an item between its ；.
std::vector<std::string> Parts(const std::string& item) {
  std::vector<std::string> parts;
  const std::u32string u = ToU32(item);
  std::u32string cur;
  for (char32_t c : u) {
    if (c == U'；' || c == ';') {
      parts.push_back(Trim(ToUtf8(cur)));
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(Trim(ToUtf8(cur)));
  while (!parts.empty() && parts.back().empty()) parts.pop_back();
  return parts;
}

// A labeled part "年度指标值:每年≥20场。": the label and the value without its final 。.
bool SplitLabeled(const std::string& part, std::string* label, std::string* value) {
  size_t at = part.find("：");
  size_t width = std::string("：").size();
  const size_t ascii = part.find(':');
  if (ascii != std::string::npos && (at == std::string::npos || ascii < at)) at = ascii, width = 1;
  if (at == std::string::npos || at == 0) return false;
  *label = Trim(part.substr(0, at));
  std::string v = Trim(part.substr(at + width));
  while (EndsWith(v, "。")) v = Trim(v.substr(0, v.size() - std::string("。").size()));
  *value = v;
  return true;
}

}  // namespace

std::vector<Indicator> SplitPackedIndicators(const std::string& text) {
  std::vector<Indicator> out;
  // "11 、1-产出指标": the item's number and its 、 apart.
  std::u32string u = ToU32(text), joined;
  for (size_t i = 0; i < u.size(); ++i) {
    if (IsSpace(u[i]) && !joined.empty() && joined.back() >= '0' && joined.back() <= '9') {
      size_t j = i;
      while (j < u.size() && IsSpace(u[j])) ++j;
      if (j < u.size() && u[j] == U'、') {
        i = j - 1;
        continue;
      }
    }
    joined += u[i];
  }
  for (const std::string& item : SplitNumbered(ToUtf8(joined))) {
    const std::vector<std::string> parts = Parts(item);
    if (parts.size() < 3) return {};
    Indicator ind;
    ind.level1 = NumberedLevel(parts[0]);
    ind.level2 = NumberedLevel(parts[1]);
    if (ind.level1.empty() || ind.level2.empty()) return {};  // no packed list
    ind.level3 = parts[2];
    std::string* last = nullptr;  // the value of the last labeled part
    for (size_t i = 3; i < parts.size(); ++i) {
      std::string label, value;
      if (!SplitLabeled(parts[i], &label, &value)) {
        // A ； inside the name, or inside a value (一级事件≤1小时；二级事件≤2小时).
        std::string more = parts[i];
        while (EndsWith(more, "。"))
          more = Trim(more.substr(0, more.size() - std::string("。").size()));
        (last ? *last : ind.level3) += "；" + more;
        continue;
      }
      if (ExactIndicatorHeader(Compact(label)) == IndicatorColumn::kValue) {
        ind.value = value;
        last = &ind.value;
      } else {
        ind.attributes.push_back({label, value});
        last = &ind.attributes.back().second;
      }
    }
    ind.value_normalized = Normalize(ind.value);
    out.push_back(std::move(ind));
  }
  return out;
}

}  // namespace jixiao
