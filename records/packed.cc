// Indicators packed into one text cell (docs/CONTRACT.md, "Packed"), as Guangzhou prints them:
// numbered items, each `1-产出指标；11-数量指标；<三级指标>；<label>:<value>；…`.
#include <map>

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

// ---------------------------------------------------------------- the items by their levels

// At most this many characters stand between a level 2's number and the start of its item (its
// number and 、, the level 1's number, dash and name, the marks between: 12 in
// "12、 4-满意度指标；"), so an item begins no further back.
constexpr size_t kLevelOneSpan = 16;

// records.packed_items / packed_levels: a level 2's number and dash at `i` ("11-数量指标",
// "12 -质量指标", "41一经济成本"): two digits, the first not 0, not within a longer number, a
// decimal or a code, then a dash and Chinese text. Returns where its name begins, or npos.
size_t LevelTwoAt(const std::u32string& u, size_t i) {
  if (i + 2 >= u.size() || !IsAsciiDigit(u[i]) || u[i] == '0' || !IsAsciiDigit(u[i + 1]))
    return std::u32string::npos;
  if (i > 0 && (IsAsciiAlnum(u[i - 1]) || u[i - 1] == '.')) return std::u32string::npos;
  size_t j = i + 2;
  while (j < u.size() && IsSpace(u[j])) ++j;
  if (j >= u.size() || kDashes.find(u[j]) == std::u32string_view::npos) return std::u32string::npos;
  ++j;
  while (j < u.size() && IsSpace(u[j])) ++j;
  return j < u.size() && IsCjk(u[j]) ? j : std::u32string::npos;
}

std::vector<size_t> LevelTwos(const std::u32string& u) {
  std::vector<size_t> at;
  for (size_t i = 0; i < u.size(); ++i)
    if (LevelTwoAt(u, i) != std::u32string::npos) at.push_back(i);
  return at;
}

// Where the item of the level 2 at `a` begins, after `from` (within the item before it): after
// the 。 that ends the item before, else at its own number (digits before 、), else at its level
// 1's number and dash, else at the level 1's name.
size_t ItemStart(const std::u32string& u, size_t from, size_t a) {
  const size_t lo = std::max(from, a > kLevelOneSpan ? a - kLevelOneSpan : 0);
  for (size_t i = a; i > lo; --i)
    if (u[i - 1] == U'。') return i;
  for (size_t i = a; i > lo + 1; --i) {
    if (u[i - 1] != U'、' || !IsAsciiDigit(u[i - 2])) continue;
    size_t s = i - 2;
    while (s > lo && IsAsciiDigit(u[s - 1])) --s;
    return s;
  }
  for (size_t i = a; i > lo + 1; --i)
    if (kDashes.find(u[i - 1]) != std::u32string_view::npos && IsAsciiDigit(u[i - 2])) return i - 2;
  size_t i = a;
  while (i > lo && (IsSpace(u[i - 1]) || kSeparators.find(u[i - 1]) != std::u32string_view::npos))
    --i;
  while (i > lo && IsCjk(u[i - 1])) --i;
  return i;
}

// `u` without its leading item number ("2、", "12 、").
std::u32string WithoutItemNumber(const std::u32string& u) {
  size_t i = 0;
  while (i < u.size() && IsSpace(u[i])) ++i;
  const size_t digits = i;
  while (i < u.size() && IsAsciiDigit(u[i])) ++i;
  if (i == digits || i - digits > 2) return u;
  while (i < u.size() && IsSpace(u[i])) ++i;
  return i < u.size() && u[i] == U'、' ? u.substr(i + 1) : u;
}

// records.packed_items: an item holding the levels of several (the numbers between them lost, or
// the list's first number in another cell) is cut before each level 2's item. `cut` tells which
// items were cut.
std::vector<std::string> CutAtLevels(const std::vector<std::string>& items,
                                     std::vector<bool>* cut) {
  std::vector<std::string> out;
  for (const std::string& item : items) {
    const std::u32string u = ToU32(item);
    const std::vector<size_t> at = LevelTwos(u);
    if (at.size() < 2) {
      out.push_back(item);
      cut->push_back(false);
      continue;
    }
    size_t begin = 0;
    for (size_t k = 1; k <= at.size(); ++k) {
      const size_t end = k < at.size() ? ItemStart(u, at[k - 1] + 2, at[k]) : u.size();
      std::u32string piece = u.substr(begin, end - begin);
      if (begin > 0) piece = WithoutItemNumber(piece);
      out.push_back(Trim(ToUtf8(piece)));
      cut->push_back(true);
      begin = end;
    }
  }
  return out;
}

// The longest indicator term (vocabulary IndicatorTerms) `text` holds, white space removed; "".
std::string TermWithin(const std::u32string& text) {
  const std::string compact = Compact(ToUtf8(text));
  std::string best;
  for (const std::string& term : IndicatorTerms())
    if (term.size() > best.size() && compact.find(term) != std::string::npos) best = term;
  return best;
}

// records.packed_levels: the level 1 printed before the level 2 whose number begins with
// `number`, where `before` is what was read of it ("1-产", "工严出指标；", "寺产出指标"): the term
// it holds, else the term the cell's other items print with that number (`by_number`), else the
// one term its last characters miss by one; else its Chinese text as read.
std::string LevelOne(const std::u32string& before, char32_t number,
                     const std::map<char32_t, std::string>& by_number) {
  if (std::string term = TermWithin(before); !term.empty()) return term;
  if (auto it = by_number.find(number); it != by_number.end()) return it->second;
  std::u32string name;
  for (char32_t c : before)
    if (IsCjk(c)) name += c;
  std::string nearest;
  int best = 2;  // a name misses its term by at most one character
  bool tie = false;
  for (const std::string& term : IndicatorTerms()) {
    const std::u32string t = ToU32(term);
    if (name.size() < t.size()) continue;
    const int d = EditDistance(std::u32string_view(name).substr(name.size() - t.size()), t);
    if (d < best)
      best = d, nearest = term, tie = false;
    else if (d == best)
      tie = true;
  }
  return nearest.empty() || tie ? ToUtf8(name) : nearest;
}

// records.packed_labels: the length of a label of a packed item (vocabulary PackedValueLabels:
// 年度指标值, 实施周期指标值) at `i` followed by its colon; 0. A label of this many characters or
// fewer (指标值) may be the end of a longer one the scan garbled (实旅周期指标值), so it counts
// only after a mark.
size_t LabelAt(const std::u32string& u, size_t i) {
  constexpr size_t kShortLabel = 3;
  size_t best = 0;
  for (std::u32string_view label : PackedValueLabels()) {
    if (label.size() <= best || u.compare(i, label.size(), label) != 0) continue;
    if (label.size() <= kShortLabel && i > 0 && IsCjk(u[i - 1])) continue;
    size_t j = i + label.size();
    while (j < u.size() && IsSpace(u[j])) ++j;
    if (j < u.size() && (u[j] == U'：' || u[j] == ':')) best = label.size();
  }
  return best;
}

// records.packed_labels: a labeled part begins at its label whatever mark the scan left before
// it (群众满意度，实施周期指标值: … or none at all): the mark becomes ；. Returns whether it
// changed `u`.
bool SeparateLabels(std::u32string& u) {
  std::u32string out;
  bool changed = false;
  for (size_t i = 0; i < u.size();) {
    const size_t n = LabelAt(u, i);
    if (n == 0) {
      out += u[i++];
      continue;
    }
    if (!out.empty()) {
      const size_t before = out.size();
      while (!out.empty() && (IsSpace(out.back()) || out.back() == U'，' || out.back() == ',' ||
                              out.back() == U'。' || out.back() == '.'))
        out.pop_back();
      if (!out.empty() && out.back() != U'；' && out.back() != ';') {
        out += U'；';
        changed = true;
      } else if (out.size() + 1 < before) {
        changed = true;  // (a mark beside the ；)
      }
    }
    out.append(u, i, n);
    i += n;
  }
  if (changed) u = out;
  return changed;
}

// records.packed_operator: a glyph chi_sim reads for an operator (vocabulary
// OperatorConfusions: 冬 for ≤) before a number is that operator. Returns whether it changed `s`.
bool MendOperators(std::string& s) {
  std::u32string u = ToU32(s), out;
  bool changed = false;
  for (size_t i = 0; i < u.size(); ++i) {
    const OcrConfusion* hit = nullptr;
    for (const OcrConfusion& c : OperatorConfusions())
      if (c.read == u[i]) hit = &c;
    size_t j = i + 1;
    while (j < u.size() && IsSpace(u[j])) ++j;
    if (hit == nullptr || j >= u.size() || !IsAsciiDigit(u[j]) ||
        (i > 0 && (IsAsciiAlnum(u[i - 1]) || u[i - 1] == '.'))) {
      out += u[i];
      continue;
    }
    out += hit->printed;
    i = j - 1;
    changed = true;
  }
  if (changed) s = ToUtf8(out);
  return changed;
}

// One item as OCR may have read it (SplitPackedIndicators, `ocr`): the levels by their numbers
// and the vocabulary's terms whatever separates them, labels whose colon was misread, and with
// the fixes `on` (their ids that changed the item go to `fixes`): levels whose number, dash or
// marks the scan garbled (records.packed_levels, `by_number`: the level 1 of the cell's items by
// the first digit of their level 2), labels after another mark than ； (records.packed_labels),
// operators read as other glyphs (records.packed_operator). nullopt when the item has no
// numbered levels.
std::optional<Indicator> ReadItem(const std::string& item, const FixSwitches& on,
                                  const std::map<char32_t, std::string>& by_number,
                                  std::vector<std::string>& fixes) {
  const std::u32string u = ToU32(Trim(item));
  size_t i = 0;
  Indicator ind;
  ind.level1 = ReadLevel(u, i);
  if (!ind.level1.empty()) ind.level2 = ReadLevel(u, i);
  const bool clean = !ind.level2.empty() && IsIndicatorTerm(ind.level1);
  if (!clean && on.Enabled("records.packed_levels")) {
    const std::vector<size_t> at = LevelTwos(u);
    size_t j = at.empty() ? 0 : at.front();
    const std::string level2 = at.empty() ? "" : ReadLevel(u, j);
    const std::string level1 =
        level2.empty() ? "" : LevelOne(u.substr(0, at.front()), u[at.front()], by_number);
    if (!level1.empty() && (level1 != ind.level1 || level2 != ind.level2)) {
      ind.level1 = level1;
      ind.level2 = level2;
      i = j;
      NoteFix(fixes, "records.packed_levels");
    }
  }
  if (ind.level1.empty() || ind.level2.empty()) return std::nullopt;
  std::u32string rest = u.substr(i);
  if (on.Enabled("records.packed_labels") && SeparateLabels(rest))
    NoteFix(fixes, "records.packed_labels");
  const std::vector<std::string> parts = Parts(ToUtf8(rest));
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
  if (on.Enabled("records.packed_operator")) {
    bool mended = MendOperators(ind.value);
    for (auto& [label, value] : ind.attributes) mended = MendOperators(value) || mended;
    if (mended) NoteFix(fixes, "records.packed_operator");
  }
  return ind;
}

}  // namespace

std::vector<Indicator> SplitPackedIndicators(const std::string& text, bool ocr) {
  return SplitPackedIndicators(text, ListMending{ocr, {}}, nullptr);
}

std::vector<Indicator> SplitPackedIndicators(const std::string& text, const ListMending& mending,
                                             std::vector<std::vector<std::string>>* row_fixes) {
  if (!mending.ocr) return SplitPackedIndicators(text);
  const FixSwitches& on = mending.fixes;
  // "11 、1-产出指标": the item's number and its 、 apart.
  std::vector<std::string> items = SplitNumbered(JoinNumberMark(text));
  std::vector<bool> cut;
  if (on.Enabled("records.packed_items"))
    items = CutAtLevels(items, &cut);
  else
    cut.assign(items.size(), false);
  // records.packed_levels: the level 1 each number stands for, as the cell's items print it.
  std::map<char32_t, std::string> by_number;
  for (const std::string& item : items) {
    const std::u32string u = ToU32(item);
    const std::vector<size_t> at = LevelTwos(u);
    if (at.empty()) continue;
    if (std::string term = TermWithin(u.substr(0, at.front())); !term.empty())
      by_number.emplace(u[at.front()], term);
  }
  std::vector<Indicator> out;
  std::vector<std::vector<std::string>> fixes;
  int numbered = 0;  // items with their numbered levels
  for (size_t k = 0; k < items.size(); ++k) {
    const std::string& item = items[k];
    std::vector<std::string> changed;
    if (cut[k]) NoteFix(changed, "records.packed_items");
    std::optional<Indicator> ind = ReadItem(item, on, by_number, changed);
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
    fixes.push_back(std::move(changed));
  }
  if (numbered == 0) return {};  // no packed list (goals, or a cell of one indicator)
  if (row_fixes) *row_fixes = std::move(fixes);
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
