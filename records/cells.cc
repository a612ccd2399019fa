#include "records/cells.h"

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "vocabulary/vocabulary.h"

namespace jixiao {

namespace {

// A cell under a column covers at least this share of the column's width.
constexpr double kCoverShare = 0.5;
// A column's edge lies on a rule within this (points): a rule's width and the drawing's rounding
// on a digital page, a scan's rule (1 px at 150 dpi is 0.5 pt) found a little off its line.
constexpr double kEdgeTolerance = 4.0;
// A scanned page lies at most this far (points) sideways from the page before it (the simulator's
// and a sheet feeder's shift is a few millimetres); a table further off is another table.
constexpr double kMaxPageShift = 40.0;

}  // namespace

std::string LabelOf(const std::string& text) {
  std::string s = Compact(text);
  while (EndsWith(s, ":")) s.pop_back();
  return s;
}

bool IsFieldLabel(const std::string& label) {
  for (Label l : {Label::kCode, Label::kName, Label::kTotal, Label::kFiscal, Label::kOther,
                  Label::kFiscalPart, Label::kField, Label::kDepartment})
    if (IsLabel(l, label)) return true;
  return false;
}

namespace {

// Marks a scan's specks are read as beside a label's colon (项目资金总额；：…): never a label's.
bool IsStrayMark(char c) {
  return c == ';' || c == ',' || c == '.' || c == '\'' || c == '`';
}

// A compact label as the field label the vocabulary knows that a scan left it as: without stray
// marks at its end, and without the heading of the money block a lost column rule ran into it
// (项目资金 | 项目资金总额 read as 项目资金项目资金总额); "" when it reads as none.
std::string KnownLabelIn(std::string label) {
  while (!label.empty() && IsStrayMark(label.back())) label.pop_back();
  if (IsFieldLabel(label)) return label;
  for (std::string_view group : LabelsOf(Label::kMoneyGroup).names) {
    if (!StartsWith(label, group)) continue;
    std::string rest = label.substr(group.size());
    for (std::string_view unit : {"(万元)", "(亿元)", "(元)"})
      if (StartsWith(rest, unit)) rest = rest.substr(unit.size());
    if (IsFieldLabel(rest)) return rest;
  }
  return "";
}

// A label read with at most this many colons of its own (specks beside its strokes); a text
// with more is a value that holds colons.
constexpr int kMaxStrayColons = 2;

// SplitLabelCell of a text.
LabelValue SplitLabelText(const std::string& text) {
  const std::string compact = Compact(text);
  // "其中:" opens a sub-label: the label's own colon, not the one before its value.
  size_t from = 0;
  if (StartsWith(compact, "其中:")) from = std::string("其中:").size();
  size_t colon = compact.find(':', from);
  if (colon == std::string::npos || colon + 1 >= compact.size()) {
    const std::string l = LabelOf(text);
    const std::string known = KnownLabelIn(l);
    return {known.empty() ? l : known, ""};
  }
  std::string label = compact.substr(0, colon);
  std::string known = KnownLabelIn(label);
  // A colon a speck made inside the label (其中：财政：资金：…): the label runs on to the first
  // colon after which what came before reads as a label the vocabulary knows.
  int skipped = 0;  // colons of the label's own text
  if (known.empty()) {
    std::string joined = label;
    int n = 0;
    for (size_t at = compact.find(':', colon + 1);
         at != std::string::npos && at + 1 < compact.size() && n < kMaxStrayColons;
         at = compact.find(':', at + 1)) {
      ++n;
      joined += compact.substr(colon + 1, at - colon - 1);
      const std::string k = KnownLabelIn(joined);
      if (!k.empty()) {
        known = k;
        skipped = n;
        colon = at;
        break;
      }
      colon = at;
    }
  }
  // The value as printed: after the same colon of the NFKC text (white space kept).
  const std::string nf = Nfkc(text);
  size_t at = nf.find(':');
  for (int i = (from > 0 ? 1 : 0) + skipped; i > 0 && at != std::string::npos; --i)
    at = nf.find(':', at + 1);
  if (at == std::string::npos) return {known.empty() ? label : known, ""};
  return {known.empty() ? label : known, Trim(nf.substr(at + 1))};
}

}  // namespace

LabelValue SplitLabelCell(const TableCell& c) { return SplitLabelText(c.text); }

std::vector<LabelValue> SplitLabelCells(const TableCell& c) {
  std::vector<LabelValue> pairs;
  const std::string nf = Nfkc(c.text);
  size_t i = 0;
  while (i < nf.size()) {
    const size_t end = std::min(nf.find_first_of(" \t\n", i), nf.size());
    const std::string word = nf.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;
    const LabelValue lv = SplitLabelText(word);
    const bool opens = word.find(':') != std::string::npos && IsFieldLabel(lv.label);
    if (opens) {
      pairs.push_back(lv);
    } else if (pairs.empty() && IsLabel(Label::kMoneyGroup, LabelOf(word))) {
      continue;  // the money block's heading run into its first amount by a lost rule
    } else if (pairs.empty()) {
      return {SplitLabelCell(c)};  // text before any label: one field as it is
    } else {
      LabelValue& last = pairs.back();
      last.value += (last.value.empty() ? "" : " ") + word;
    }
  }
  if (pairs.size() < 2) return {SplitLabelCell(c)};
  return pairs;
}

std::string JoinValue(const std::string& op, const std::string& value, const std::string& unit) {
  const std::string o = Trim(op), v = Trim(value), u = Trim(unit);
  if (IsQualitative(Compact(o))) return v;
  if (v.empty()) return "";
  if (IsQuantitative(Compact(o))) return v + u;
  return o + v + u;
}

Source SourceOf(const Table& t, const TableCell& c) {
  Source s;
  s.page = t.page;
  s.box = c.box;
  s.confidence = c.confidence;
  s.source = c.source;
  s.corrected = c.corrected;
  s.fixes = c.fixes;
  for (const TextLine& l : c.lines)
    for (float g : l.char_confidence) s.weakest_glyph = std::min<double>(s.weakest_glyph, g);
  return s;
}

const TableCell* CellUnder(const Table& t, int r, double x0, double x1) {
  const TableCell* best = nullptr;
  double best_overlap = 0;
  for (const TableCell& c : t.cells) {
    if (!(c.row <= r && r < c.row + c.rowspan)) continue;
    const double ov = std::min(c.box.x1, x1) - std::max(c.box.x0, x0);
    if (ov > best_overlap) {
      best_overlap = ov;
      best = &c;
    }
  }
  if (best && best_overlap < kCoverShare * (x1 - x0)) return nullptr;
  return best;
}

ColumnShift ShiftOntoRules(const std::vector<double>& rules,
                           const std::vector<std::pair<double, double>>& columns,
                           double tolerance) {
  if (tolerance <= 0) tolerance = kEdgeTolerance;
  auto aligned_with = [&](double shift) {
    auto near_rule = [&](double x) {
      return std::any_of(rules.begin(), rules.end(),
                         [&](double r) { return std::abs(r - (x + shift)) < tolerance; });
    };
    return static_cast<int>(std::count_if(columns.begin(), columns.end(), [&](const auto& c) {
      return near_rule(c.first) && near_rule(c.second);
    }));
  };
  ColumnShift best{0, aligned_with(0)};
  for (const auto& c : columns)
    for (double r : rules) {
      const double shift = r - c.first;
      if (shift == 0 || std::abs(shift) > kMaxPageShift) continue;
      if (int n = aligned_with(shift); n > best.aligned) best = {shift, n};
    }
  return best;
}

}  // namespace jixiao
