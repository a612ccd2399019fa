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

// "11 、1-产出指标" → "11、1-产出指标": an item's number and its 、 joined.
std::string JoinNumberMark(const std::string& text) {
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
  return ToUtf8(joined);
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

// `s` without its final 。.
std::string WithoutStop(std::string s) {
  while (EndsWith(s, "。")) s = Trim(s.substr(0, s.size() - std::string("。").size()));
  return s;
}

// Puts a labeled part's value where its label says, the value (年度指标值) or an attribute;
// returns where it went (a ； may continue it).
std::string* PutLabeled(Indicator& ind, const std::string& label, const std::string& value) {
  if (ExactIndicatorHeader(Compact(label)) == IndicatorColumn::kValue) {
    ind.value = value;
    return &ind.value;
  }
  ind.attributes.push_back({label, value});
  return &ind.attributes.back().second;
}

// A labeled part "年度指标值:每年≥20场。": the label and the value without its final 。.
bool SplitLabeled(const std::string& part, std::string* label, std::string* value) {
  size_t at = part.find("：");
  size_t width = std::string("：").size();
  const size_t ascii = part.find(':');
  if (ascii != std::string::npos && (at == std::string::npos || ascii < at)) at = ascii, width = 1;
  if (at == std::string::npos || at == 0) return false;
  *label = Trim(part.substr(0, at));
  *value = WithoutStop(Trim(part.substr(at + width)));
  return true;
}

// ---------------------------------------------------------------- as OCR reads them

// What OCR reads for the hyphen after a level's number (1-产出指标): a dash of any length, a
// tilde, or 一.
constexpr std::u32string_view kDashes = U"-－—–‐~一";
// What OCR reads for the ； between parts, or after a level's name: ； ; ， , ： : or a stop.
constexpr std::u32string_view kSeparators = U"；;，,：:.。、";

// At `i` of `u` (after white space), a level's number and its dash ("11-", "12 -", "1一"):
// returns where its name begins, or npos.
size_t AfterLevelNumber(const std::u32string& u, size_t i) {
  while (i < u.size() && IsSpace(u[i])) ++i;
  const size_t digits = i;
  while (i < u.size() && u[i] >= '0' && u[i] <= '9') ++i;
  if (i == digits || i - digits > 2) return std::u32string::npos;
  while (i < u.size() && IsSpace(u[i])) ++i;
  if (i >= u.size() || kDashes.find(u[i]) == std::u32string_view::npos) return std::u32string::npos;
  ++i;
  while (i < u.size() && IsSpace(u[i])) ++i;
  return i;
}

// A numbered level at `i` ("1-产出指标；", "11-数量指标" run into what follows): its name, the
// longest indicator term (vocabulary IndicatorTerms) there, else the text up to a separator or
// the next level's number; `i` moves past it and one separator. "" when no level is there.
std::string ReadLevel(const std::u32string& u, size_t& i) {
  size_t at = AfterLevelNumber(u, i);
  if (at == std::u32string::npos) return "";
  // The longest term the text starts with, white space inside skipped.
  size_t end = std::u32string::npos;
  for (const std::string& term : IndicatorTerms()) {
    const std::u32string v = ToU32(term);
    size_t k = 0, j = at;
    while (j < u.size() && k < v.size()) {
      if (IsSpace(u[j]) && k > 0) {
        ++j;
        continue;
      }
      if (u[j] != v[k]) break;
      ++j, ++k;
    }
    if (k == v.size() && (end == std::u32string::npos || j > end)) end = j;
  }
  if (end == std::u32string::npos) {
    end = at;
    while (end < u.size() && kSeparators.find(u[end]) == std::u32string_view::npos &&
           AfterLevelNumber(u, end) == std::u32string::npos)
      ++end;
  }
  std::u32string name;
  for (size_t j = at; j < end; ++j)
    if (!IsSpace(u[j])) name += u[j];
  i = end;
  while (i < u.size() && IsSpace(u[i])) ++i;
  if (i < u.size() && kSeparators.find(u[i]) != std::u32string_view::npos) ++i;
  return ToUtf8(name);
}

// A part that starts with a label of the indicator block whose colon OCR lost or read as
// another mark ("实施周期指标值；有效促进" cut at its ；, "年度指标值一3(天)"): the longest such
// label (ExactIndicatorHeader: 年度指标值, 实施周期指标值) and the text after it, without the
// marks between.
bool SplitReadLabel(const std::string& part, std::string* label, std::string* value) {
  const std::u32string u = ToU32(part);
  // A label of the block is at most this many characters (实施周期指标值).
  constexpr size_t kMaxLabel = 8;
  for (size_t n = std::min(kMaxLabel, u.size()); n >= 3; --n) {
    const std::string l = ToUtf8(u.substr(0, n));
    const auto column = ExactIndicatorHeader(Compact(l));
    if (!column || (*column != IndicatorColumn::kValue && *column != IndicatorColumn::kOther))
      continue;
    size_t i = n;
    while (i < u.size() && (IsSpace(u[i]) || kSeparators.find(u[i]) != std::u32string_view::npos))
      ++i;
    *label = Trim(l);
    *value = WithoutStop(Trim(ToUtf8(u.substr(i))));
    return true;
  }
  return false;
}

// One item as OCR may have read it (SplitPackedIndicators, `ocr`): the levels by their numbers
// and the vocabulary's terms whatever separates them, labels whose colon was misread. nullopt
// when the item has no numbered levels.
std::optional<Indicator> ReadItem(const std::string& item) {
  const std::u32string u = ToU32(Trim(item));
  size_t i = 0;
  Indicator ind;
  ind.level1 = ReadLevel(u, i);
  if (ind.level1.empty()) return std::nullopt;
  ind.level2 = ReadLevel(u, i);
  if (ind.level2.empty()) return std::nullopt;
  const std::vector<std::string> parts = Parts(ToUtf8(u.substr(i)));
  if (parts.empty()) return ind;
  ind.level3 = parts[0];
  std::string* last = nullptr;  // the value of the last labeled part
  for (size_t k = 1; k < parts.size(); ++k) {
    std::string label, value;
    if (!SplitLabeled(parts[k], &label, &value) && !SplitReadLabel(parts[k], &label, &value)) {
      (last ? *last : ind.level3) += "；" + WithoutStop(parts[k]);
      continue;
    }
    // A label whose colon was read as ； has its value in the next part.
    if (value.empty() && k + 1 < parts.size()) {
      std::string l2, v2;
      if (!SplitLabeled(parts[k + 1], &l2, &v2) && !SplitReadLabel(parts[k + 1], &l2, &v2))
        value = WithoutStop(parts[++k]);
    }
    last = PutLabeled(ind, label, value);
  }
  return ind;
}

}  // namespace

std::vector<Indicator> SplitPackedIndicators(const std::string& text, bool ocr) {
  if (!ocr) return SplitPackedIndicators(text);
  // "11 、1-产出指标": the item's number and its 、 apart.
  std::vector<Indicator> out;
  int numbered = 0;  // items with their numbered levels
  for (const std::string& item : SplitNumbered(JoinNumberMark(text))) {
    std::optional<Indicator> ind = ReadItem(item);
    if (ind) {
      ++numbered;
    } else {
      // An item whose levels OCR garbled beyond reading keeps its text as its third level,
      // under the levels of the item before it.
      ind = Indicator{};
      ind->level3 = Trim(item);
      if (!out.empty()) ind->level1 = out.back().level1, ind->level2 = out.back().level2;
    }
    ind->value_normalized = Normalize(ind->value);
    out.push_back(std::move(*ind));
  }
  if (numbered == 0) return {};  // no packed list (goals, or a cell of one indicator)
  return out;
}

std::vector<Indicator> SplitPackedIndicators(const std::string& text) {
  std::vector<Indicator> out;
  // "11 、1-产出指标": the item's number and its 、 apart.
  for (const std::string& item : SplitNumbered(JoinNumberMark(text))) {
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
        (last ? *last : ind.level3) += "；" + WithoutStop(parts[i]);
        continue;
      }
      last = PutLabeled(ind, label, value);
    }
    ind.value_normalized = Normalize(ind.value);
    out.push_back(std::move(ind));
  }
  return out;
}

}  // namespace jixiao
