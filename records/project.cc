// Rebuilding projects from 绩效目标表 tables, by their labels rather than fixed positions.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/text.h"
#include "records/cells.h"
#include "records/families.h"
#include "records/headings.h"
#include "records/records.h"
#include "vocabulary/vocabulary.h"

namespace jixiao {

namespace {

// ---------------------------------------------------------------- labels

using Field = IndicatorColumn;

// A level column found by its place is confirmed by an indicator term in one of this many rows
// under its header (the first may be a spanning cell's text cut by the grid, or misread).
constexpr int kTermRowsLooked = 3;
// A titled table with this many cells naming indicator levels (产出指标, 数量指标 …) is a project's
// table even when neither its labels nor its indicator header could be read: the smallest block
// a form prints names a first level over two second ones (a first level's cell spans its rows).
constexpr int kMinTermCells = 3;

bool IsCodeLabel(const std::string& l) { return IsLabel(Label::kCode, l); }
bool IsNameLabel(const std::string& l) { return IsLabel(Label::kName, l); }
bool IsTotalLabel(const std::string& l) { return IsLabel(Label::kTotal, l); }
bool IsFiscalLabel(const std::string& l) { return IsLabel(Label::kFiscal, l); }
bool IsOtherLabel(const std::string& l) { return IsLabel(Label::kOther, l); }
bool IsGoalsLabel(const std::string& l) { return IsLabel(Label::kGoals, l); }
bool IsScheduleLabel(const std::string& l) { return IsLabel(Label::kSchedule, l); }
bool IsPurposeLabel(const std::string& l) { return IsLabel(Label::kPurpose, l); }

// The month a schedule header names ("3月底", "第一季度", "1-6月"), or 0.
int ScheduleMonth(const std::string& label) {
  std::u32string u = ToU32(label);
  if (Contains(label, "季度")) {
    static const std::array<std::string_view, 4> q = {"一", "二", "三", "四"};
    for (int i = 0; i < 4; ++i)
      if (Contains(label, std::string(q[i]) + "季度") || Contains(label, std::to_string(i + 1) + "季度"))
        return 3 * (i + 1);
    return 0;
  }
  if (Contains(label, "上半年")) return 6;
  if (Contains(label, "全年") || Contains(label, "年底")) return 12;
  size_t m = label.find("月");
  if (m == std::string::npos) return 0;
  // The last number before 月 (so "1-6月" gives 6).
  int value = 0, place = 1;
  size_t i = m;
  while (i > 0 && label[i - 1] >= '0' && label[i - 1] <= '9') {
    value += (label[i - 1] - '0') * place;
    place *= 10;
    --i;
  }
  return (value >= 1 && value <= 12) ? value : 0;
}

std::optional<double> ParsePercent(const std::string& text) {
  std::string s = Compact(text);
  if (s.empty()) return std::nullopt;
  std::string digits;
  for (char c : s) {
    if ((c >= '0' && c <= '9') || c == '.') digits += c;
    else if (c == '%') break;
    else if (!digits.empty()) break;
  }
  if (digits.empty()) return std::nullopt;
  try {
    return std::stod(digits);
  } catch (...) {
    return std::nullopt;
  }
}

// ---------------------------------------------------------------- table access

struct Cursor {
  const Table* table;
  const TableCell* cell;
};

const TableCell* RightOf(const Table& t, const TableCell& c) {
  return t.At(c.row, c.col + c.colspan);
}
const TableCell* Below(const Table& t, const TableCell& c) { return t.At(c.row + c.rowspan, c.col); }

// A label as printed, for `attributes`: before its colon, without the colon.
std::string PrintedLabel(const std::string& text) {
  const std::string t = Trim(text);
  // "其中：" opens a sub-label ("其中：当年财政拨款"); that colon belongs to the label.
  size_t from = 0;
  for (std::string_view sub : {"其中：", "其中:"})
    if (StartsWith(t, sub)) from = sub.size();
  const size_t at = std::min(t.find("：", from), t.find(':', from));
  return at == std::string::npos ? t : Trim(t.substr(0, at));
}

// ---------------------------------------------------------------- the reader

struct ColumnMap {
  std::vector<std::pair<Field, std::pair<double, double>>> columns;  // field, x-range (points)
  std::vector<std::string> other_names;                              // for Field::kOther, in order
  bool empty() const { return columns.empty(); }
};

struct IndicatorHeaderRow {
  int header_row = -1;
  int first_data_row = -1;
  ColumnMap map;
};

// Whether the cell of column [x0, x1] in the rows right under a header row holds an indicator
// level's term (产出指标, 数量指标 …; vocabulary IndicatorTerms): the column holds the levels.
bool TermsUnder(const Table& t, int first_row, double x0, double x1) {
  for (int r = first_row; r < std::min(t.rows, first_row + kTermRowsLooked); ++r) {
    const TableCell* c = CellUnder(t, r, x0, x1);
    if (!c) continue;
    if (IsIndicatorTerm(Compact(c->text))) return true;
  }
  return false;
}

// The cells of `t` whose text is an indicator level's term (产出指标, 数量指标 …).
int CountIndicatorTerms(const Table& t) {
  return static_cast<int>(std::count_if(t.cells.begin(), t.cells.end(),
                                       [](const TableCell& c) { return IsIndicatorTerm(Compact(c.text)); }));
}

// A cell of a scanned table that a lost row rule merged over several rows prints each row's
// text in the middle of that row: its lines fall in two rows of its span or more, each row's
// lines centred in it within this share of the row's height. A cell spanning rows as printed
// (a 一级 cell over its rows) centres its text in the whole span instead.
constexpr double kRowMiddleShare = 0.25;
// ... and the lines of one row stand apart from the next row's by at least this many of their
// glyph heights (the rows' padding, an em or more), where the lines of a text wrapped in a cell
// spanning rows as printed follow each other a tenth of an em apart.
constexpr double kMergedRowGapEm = 0.5;

// The lines of cell `c` of `t` per row of its span, when it is a cell a lost row rule merged
// (kRowMiddleShare); empty otherwise.
std::map<int, std::vector<const TextLine*>> MergedRows(const Table& t, const TableCell& c) {
  std::map<int, std::vector<const TextLine*>> in_row;
  if (c.rowspan < 2 || c.source != WordSource::kOcr ||
      t.row_lines.size() < static_cast<size_t>(c.row + c.rowspan + 1))
    return {};
  for (const TextLine& l : c.lines)
    for (int k = c.row; k < c.row + c.rowspan; ++k)
      if (l.box.cy() >= t.row_lines[k] && l.box.cy() < t.row_lines[k + 1]) in_row[k].push_back(&l);
  if (in_row.size() < 2) return {};
  double last_bottom = -1;  // of the row before's lines
  int rows_read = 0;        // rows with a readable line
  for (const auto& [k, all] : in_row) {
    // (a rule the scan broke may be read as a line of dashes: where the text is, not it)
    std::vector<const TextLine*> lines;
    for (const TextLine* l : all) {
      const std::u32string u = ToU32(l->text);
      if (std::any_of(u.begin(), u.end(), [](char32_t ch) {
            return (IsCjk(ch) && ch != U'一') || (ch >= '0' && ch <= '9');
          }))
        lines.push_back(l);
    }
    if (lines.empty()) continue;
    ++rows_read;
    double top = lines.front()->box.y0, bottom = lines.front()->box.y1;
    for (const TextLine* l : lines)
      top = std::min(top, l->box.y0), bottom = std::max(bottom, l->box.y1);
    const double middle = (t.row_lines[k] + t.row_lines[k + 1]) / 2;
    if (std::abs((top + bottom) / 2 - middle) >
        kRowMiddleShare * (t.row_lines[k + 1] - t.row_lines[k]))
      return {};
    const TextLine& first = *lines.front();
    const double em = first.char_height > 0 ? first.char_height : first.box.height();
    if (last_bottom >= 0 && top - last_bottom < kMergedRowGapEm * em) return {};
    last_bottom = bottom;
  }
  if (rows_read < 2) return {};
  return in_row;
}

// `t` with each cell a lost row rule merged (MergedRows: 定量 over 定量, 三级指标 over the first
// row's 调查分析报告数量) cut into one cell per row of its span, each with its lines there.
Table CutAlongRows(const Table& t) {
  Table out = t;
  out.cells.clear();
  for (const TableCell& c : t.cells) {
    const auto in_row = MergedRows(t, c);
    if (in_row.empty()) {
      out.cells.push_back(c);
      continue;
    }
    for (int k = c.row; k < c.row + c.rowspan; ++k) {
      TableCell part = c;
      part.row = k;
      part.rowspan = 1;
      part.box.y0 = t.row_lines[k];
      part.box.y1 = t.row_lines[k + 1];
      part.lines.clear();
      std::vector<std::string> texts;
      if (const auto it = in_row.find(k); it != in_row.end())
        for (const TextLine* l : it->second) {
          part.lines.push_back(*l);
          texts.push_back(l->text);
        }
      part.text = JoinWrapped(texts);
      part.confidence = 1.0;
      for (const TextLine& l : part.lines)
        part.confidence = std::min(part.confidence, l.confidence);
      out.cells.push_back(std::move(part));
    }
  }
  std::sort(out.cells.begin(), out.cells.end(), [](const TableCell& a, const TableCell& b) {
    return std::tie(a.row, a.col) < std::tie(b.row, b.col);
  });
  return out;
}

// Level headers OCR could not read at all ("-和-一" for 一级指标, "[二二级指标"): the levels not
// found in a header row that names the third level (or the second), taken by their place — the
// cells right before the leftmost level found, nearest first the next level up — when the
// column under such a cell holds indicator terms. Added to `found` (kept in column order) and
// `seen`.
void LevelsByPlace(const Table& t, const std::vector<const TableCell*>& row,
                   std::vector<std::pair<const TableCell*, Field>>& found, std::set<Field>& seen) {
  auto leftmost = std::find_if(found.begin(), found.end(), [](const auto& f) {
    return f.second == Field::kLevel2 || f.second == Field::kLevel3;
  });
  if (leftmost == found.end()) return;
  const TableCell* next = leftmost->first;
  Field level = leftmost->second;
  while (level != Field::kLevel1) {
    level = level == Field::kLevel3 ? Field::kLevel2 : Field::kLevel1;
    if (seen.count(level)) return;
    const TableCell* cell = nullptr;
    for (const TableCell* d : row)
      if (d->col + d->colspan == next->col && d->row == next->row) cell = d;
    if (!cell || IndicatorHeader(LabelOf(cell->text)) ||
        !TermsUnder(t, cell->row + cell->rowspan, cell->box.x0, cell->box.x1))
      return;
    seen.insert(level);
    found.insert(std::find_if(found.begin(), found.end(),
                              [cell](const auto& f) { return f.first->col > cell->col; }),
                 {cell, level});
    next = cell;
  }
}

// A header cell whose text names two levels or more (一级指标二级指标三级指标 全年指标值…): the
// header row's text, or another page's, run into one cell by the scan. It names no one column,
// whatever header word it holds.
bool RunTogetherHeaders(const std::string& label) {
  const std::u32string u = ToU32(label);
  std::set<Field> levels;
  for (const auto& [name, column] : IndicatorHeaderNames())
    if ((column == Field::kLevel1 || column == Field::kLevel2 || column == Field::kLevel3) &&
        u.find(name) != std::u32string::npos)
      levels.insert(column);
  return levels.size() >= 2;
}

// A 三级指标 header OCR could not read (a seal's strokes, a neighbour's text run into it): the
// unlabeled cell right of 二级指标 in the header row is the third level by its place, as the
// levels run left to right. Added to `found` (kept in column order) and `seen`.
void ThirdLevelByPlace(const std::vector<const TableCell*>& row,
                       std::vector<std::pair<const TableCell*, Field>>& found,
                       std::set<Field>& seen) {
  if (seen.count(Field::kLevel3)) return;
  const auto second = std::find_if(found.begin(), found.end(),
                                   [](const auto& f) { return f.second == Field::kLevel2; });
  if (second == found.end()) return;
  const TableCell* level2 = second->first;
  for (const TableCell* d : row) {
    if (d->row != level2->row || d->col != level2->col + level2->colspan) continue;
    const std::string label = LabelOf(d->text);
    if (((IndicatorHeader(label) || ValuePartHeader(label)) && !RunTogetherHeaders(label)) ||
        std::any_of(found.begin(), found.end(), [d](const auto& f) { return f.first == d; }))
      return;
    seen.insert(Field::kLevel3);
    found.insert(std::find_if(found.begin(), found.end(),
                              [d](const auto& f) { return f.first->col > d->col; }),
                 {d, Field::kLevel3});
    return;
  }
}

// Whether a header label reads as a level header (一级指标, 二级指标, 三级指标), or as one whose
// level OCR's confusions left open (-级指标).
bool ReadsAsLevelHeader(const std::string& label) {
  const auto f = IndicatorHeader(label);
  if (f) return *f == Field::kLevel1 || *f == Field::kLevel2 || *f == Field::kLevel3;
  return !ConfusedLevelHeaders(label).empty();
}

// Three level headers side by side in a header row are levels one, two and three from left to
// right, whatever level each was read as: the strokes that tell 一 from 二 from 三 come and go on
// a scan (一级指标 | 一级指标 | 二级指标 read for 一级 | 二级 | 三级), and a level read twice
// would leave a column without its level and the next level's text in it. Only when the row
// holds exactly those three level headers, each in the column right after the one before.
std::map<const TableCell*, Field> LevelRunByPlace(const std::vector<const TableCell*>& row) {
  std::vector<const TableCell*> levels;
  for (const TableCell* d : row)
    if (ReadsAsLevelHeader(LabelOf(d->text))) levels.push_back(d);
  if (levels.size() != 3) return {};
  for (size_t i = 1; i < levels.size(); ++i)
    if (levels[i]->row != levels[0]->row ||
        levels[i]->col != levels[i - 1]->col + levels[i - 1]->colspan)
      return {};
  return {{levels[0], Field::kLevel1}, {levels[1], Field::kLevel2}, {levels[2], Field::kLevel3}};
}

// A header on two rows (三级指标 over 指标名称 | 指标值, beside 一级指标 and 二级指标 spanning
// both): each found header cell over labeled header cells within the header's `bottom` row gives
// way to them. `other_names` becomes the attribute labels in the columns' order.
std::vector<std::pair<const TableCell*, Field>> HeadersUnder(
    const Table& t, const std::vector<std::pair<const TableCell*, Field>>& found, int bottom,
    std::vector<std::string>& other_names) {
  // A cell under another lies within its x-range, to this many points.
  constexpr double kWithin = 1.0;
  std::vector<std::pair<const TableCell*, Field>> out;
  for (const auto& [d, f] : found) {
    std::vector<std::pair<const TableCell*, Field>> under;
    for (const TableCell& e : t.cells) {
      if (e.row != d->row + d->rowspan || e.row >= bottom) continue;
      if (e.box.x0 < d->box.x0 - kWithin || e.box.x1 > d->box.x1 + kWithin) continue;
      const std::string label = LabelOf(e.text);
      std::optional<Field> g = IndicatorHeader(label);
      if (const auto part = ValuePartHeader(label); !g && part && *part != ValuePart::kWhole)
        g = Field::kOther;
      if (!g) continue;
      under.push_back({&e, *g});
    }
    if (under.empty()) out.push_back({d, f});
    out.insert(out.end(), under.begin(), under.end());
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.first->col < b.first->col; });
  other_names.clear();  // in the columns' order
  for (const auto& [d, f] : out)
    if (f == Field::kOther) other_names.push_back(LabelOf(d->text));
  return out;
}

// Finds the row of the table that heads the indicator block: a row with at least three
// indicator headers, two of them among 二级指标, 三级指标 and 指标值. A header cell that could
// not be read (a misread 一级指标) is still a column: the unlabeled cell left of 二级指标 is
// level 1.
std::optional<IndicatorHeaderRow> FindIndicatorHeader(const Table& t) {
  for (int r = 0; r < t.rows; ++r) {
    std::vector<const TableCell*> row;
    for (const TableCell& d : t.cells)
      if (d.row <= r && r < d.row + d.rowspan) row.push_back(&d);
    std::sort(row.begin(), row.end(), [](const TableCell* a, const TableCell* b) { return a->col < b->col; });
    IndicatorHeaderRow h;
    std::set<Field> seen;
    int bottom = r + 1, top = r;
    std::vector<std::pair<const TableCell*, Field>> found;
    // Level headers whose level OCR's confusions left open (-级指标), in column order.
    std::vector<std::pair<const TableCell*, std::vector<Field>>> unsure;
    const std::map<const TableCell*, Field> by_place = LevelRunByPlace(row);
    for (const TableCell* d : row) {
      std::string label = LabelOf(d->text);
      if (RunTogetherHeaders(label)) continue;
      auto f = IndicatorHeader(label);
      if (const auto placed = by_place.find(d); placed != by_place.end()) f = placed->second;
      // A split value's operator and unit columns (指标性质 | 指标值 | 度量单位) are attributes of
      // the row, and its value joins them (ReadIndicatorRows).
      if (const auto part = ValuePartHeader(label); !f && part && *part != ValuePart::kWhole)
        f = Field::kOther;
      if (!f) {
        std::vector<Field> levels = ConfusedLevelHeaders(label);
        if (levels.size() == 1) {
          f = levels.front();
        } else if (!levels.empty()) {
          unsure.push_back({d, std::move(levels)});
          continue;
        }
      }
      if (!f || (*f != Field::kOther && seen.count(*f))) continue;
      seen.insert(*f);
      found.push_back({d, *f});
      if (*f == Field::kOther) h.map.other_names.push_back(label);
    }
    // The levels run left to right: an unsure header is the one level its place among the
    // known ones leaves, or, when as many unsure headers follow as levels are left, the first.
    for (size_t i = 0; i < unsure.size(); ++i) {
      const TableCell* d = unsure[i].first;
      std::vector<Field> left;
      for (Field level : unsure[i].second) {
        bool fits = !seen.count(level);
        for (const auto& [known, kf] : found) {
          if (kf != Field::kLevel1 && kf != Field::kLevel2 && kf != Field::kLevel3) continue;
          if ((kf < level && known->col > d->col) || (kf > level && known->col < d->col)) fits = false;
        }
        if (fits) left.push_back(level);
      }
      if (left.size() != 1 && left.size() != unsure.size() - i) continue;
      seen.insert(left.front());
      found.push_back({d, left.front()});
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first->col < b.first->col; });
    const int core = static_cast<int>(seen.count(Field::kLevel2) + seen.count(Field::kLevel3) + seen.count(Field::kValue));
    if (core < 2) continue;
    LevelsByPlace(t, row, found, seen);
    ThirdLevelByPlace(row, found, seen);
    if (found.size() < 3) continue;
    if (!seen.count(Field::kLevel1)) {
      // The cell left of the first found header, in this row, unlabeled.
      const TableCell* first = found.front().first;
      for (const TableCell* d : row)
        if (d->col + d->colspan == first->col && !IndicatorHeader(LabelOf(d->text))) {
          found.insert(found.begin(), {d, Field::kLevel1});
          break;
        }
    }
    // Without a 三级指标 column, the indicator named by 指标内容 (or another description
    // header) is the third level: "指标 1：区域自动气象站运行正常" under 一级 | 二级 | 指标内容 |
    // 指标值.
    if (!seen.count(Field::kLevel3))
      for (auto& [d, f] : found)
        if (f == Field::kDescription) {
          f = Field::kLevel3;
          break;
        }
    for (const auto& [d, f] : found) bottom = std::max(bottom, d->row + d->rowspan);
    found = HeadersUnder(t, found, bottom, h.map.other_names);
    for (const auto& [d, f] : found) {
      h.map.columns.push_back({f, {d->box.x0, d->box.x1}});
      bottom = std::max(bottom, d->row + d->rowspan);
      top = std::min(top, d->row);
    }
    h.header_row = top;
    h.first_data_row = bottom;
    return h;
  }
  return std::nullopt;
}

// The cell of row `r` under a column's x-range.
const TableCell* CellUnder(const Table& t, int r, std::pair<double, double> x) {
  return CellUnder(t, r, x.first, x.second);
}

bool RowIsHeader(const Table& t, int r, const ColumnMap& map) {
  int hits = 0;
  for (const auto& [f, x] : map.columns) {
    const TableCell* c = CellUnder(t, r, x);
    if (c && IndicatorHeader(LabelOf(c->text)) == f) ++hits;
  }
  return hits >= 2;
}

// The value of a row whose value is split over columns (指标性质 `≥` | 指标值 `20` | 度量单位
// `家`, read as attributes): operator, number and unit joined.
void JoinValueParts(Indicator& ind) {
  std::string op, unit;
  bool split = false;
  for (const auto& [label, text] : ind.attributes) {
    const auto part = ValuePartHeader(LabelOf(label));
    if (part == ValuePart::kOperator) op = text, split = true;
    if (part == ValuePart::kUnit) unit = text, split = true;
  }
  if (split) ind.value = JoinValue(op, ind.value, unit);
}

// The longest indicator term (vocabulary IndicatorTerms) that `compact` starts with, or "".
std::string TermAtStart(const std::string& compact) {
  std::string best;
  for (const std::string& term : IndicatorTerms())
    if (StartsWith(compact, term) && term.size() > best.size()) best = term;
  return best;
}

// A scanned row whose 一级 and 二级 cells a lost column rule merged into one cell under both
// columns ("产出指标质量指标"): the two terms it prints, the first the first level's.
void SplitMergedLevels(const ColumnMap& map, const std::vector<const TableCell*>& row,
                       Indicator& ind) {
  const TableCell *level1 = nullptr, *level2 = nullptr;
  for (size_t i = 0; i < row.size(); ++i) {
    if (map.columns[i].first == Field::kLevel1) level1 = row[i];
    if (map.columns[i].first == Field::kLevel2) level2 = row[i];
  }
  if (!level1 || level1 != level2 || level1->source != WordSource::kOcr) return;
  const std::string compact = Compact(level1->text);
  const std::string first = TermAtStart(compact);
  const std::string second = TermAtStart(compact.substr(first.size()));
  if (first.empty() || second.empty()) return;
  ind.level1 = first;
  ind.level2 = second;
}

// Appends the indicator rows of table `t` from row `first` on, mapped by `map`.
void ReadIndicatorRows(const Table& t, int first, const ColumnMap& map, Project& p) {
  std::vector<const TableCell*> prev_row;
  for (int r = first; r < t.rows; ++r) {
    if (RowIsHeader(t, r, map)) continue;
    std::vector<const TableCell*> row;
    for (const auto& col : map.columns) row.push_back(CellUnder(t, r, col.second));
    // A grid row that only splits a neighbouring column's cell is the same logical row.
    bool same = !prev_row.empty();
    for (size_t i = 0; same && i < row.size(); ++i) {
      Field f = map.columns[i].first;
      if (f == Field::kLevel1 || f == Field::kLevel2) continue;
      if (row[i] != prev_row[i]) same = false;
    }
    if (same) continue;
    prev_row = row;

    Indicator ind;
    bool any = false;
    const TableCell* value_cell = nullptr;
    size_t other = 0;
    for (size_t i = 0; i < row.size(); ++i) {
      Field f = map.columns[i].first;
      std::string text = row[i] ? row[i]->text : "";
      if (f != Field::kLevel1 && f != Field::kLevel2 && !text.empty()) any = true;
      switch (f) {
        case Field::kLevel1: ind.level1 = text; break;
        case Field::kLevel2: ind.level2 = text; break;
        case Field::kLevel3: ind.level3 = text; break;
        case Field::kDescription: ind.description = text; break;
        case Field::kValue: ind.value = text; value_cell = row[i]; break;
        case Field::kBasis: ind.basis = text; break;
        case Field::kOther:
          if (other < map.other_names.size()) ind.attributes.push_back({map.other_names[other], text});
          ++other;
          break;
      }
    }
    if (!any) continue;
    SplitMergedLevels(map, row, ind);
    JoinValueParts(ind);
    // Spanning 一级/二级 cells, and a table continued on the next page, carry their text down.
    if (!p.indicators.empty()) {
      if (ind.level1.empty()) ind.level1 = p.indicators.back().level1;
      if (ind.level2.empty()) ind.level2 = p.indicators.back().level2;
    }
    ind.value_normalized = Normalize(ind.value);
    const std::string key = "indicators[" + std::to_string(p.indicators.size()) + "]";
    size_t attribute = 0;  // the columns the contract does not name, counted as above
    for (size_t i = 0; i < row.size(); ++i) {
      const Field f = map.columns[i].first;
      if (f == Field::kOther) ++attribute;
      if (!row[i]) continue;
      static const char* names[] = {"level1", "level2", "level3", "description", "value", "basis"};
      // Such a column is the indicator's attribute of its header's label, under the path
      // records/fields.h gives it (indicators[2].attributes.分值).
      if (f != Field::kOther)
        p.provenance[key + "." + names[static_cast<int>(f)]] = SourceOf(t, *row[i]);
      else if (attribute <= map.other_names.size())
        p.provenance[key + ".attributes." + map.other_names[attribute - 1]] = SourceOf(t, *row[i]);
    }
    (void)value_cell;
    p.indicators.push_back(std::move(ind));
    if (std::find(p.pages.begin(), p.pages.end(), t.page) == p.pages.end()) p.pages.push_back(t.page);
  }
}

// Numbered title "3、公用取暖费绩效目标表" -> "公用取暖费绩效目标表".
std::string StripNumbering(const std::string& s) {
  std::u32string u = ToU32(Trim(s));
  size_t i = 0;
  while (i < u.size() && ((u[i] >= '0' && u[i] <= '9') || (u[i] >= 0xFF10 && u[i] <= 0xFF19))) ++i;
  if (i > 0 && i < u.size() && (u[i] == U'、' || u[i] == '.' || u[i] == U'．' || u[i] == U'，')) {
    return Trim(ToUtf8(u.substr(i + 1)));
  }
  // Chinese numerals: "一、"
  static const std::u32string cn = U"一二三四五六七八九十";
  i = 0;
  while (i < u.size() && cn.find(u[i]) != std::u32string::npos) ++i;
  if (i > 0 && i < u.size() && u[i] == U'、') return Trim(ToUtf8(u.substr(i + 1)));
  return Trim(s);
}


// The lines of a page between `top` and `bottom` (points).
std::vector<const TextLine*> LinesBetween(const PageContent& page, double top, double bottom) {
  std::vector<const TextLine*> out;
  for (const TextLine& l : page.lines)
    if (l.box.cy() > top && l.box.cy() < bottom) out.push_back(&l);
  return out;
}

// A mark that stands between a unit code and its name on a scanned unit line: a speck read
// as punctuation.
bool IsSeparatorMark(char32_t c) {
  static const std::u32string kMarks = U"·•.,，、:：;；-_'`\"|";
  return kMarks.find(c) != std::u32string::npos;
}

// Title, unit line and money unit from the lines just above a table.
void ReadContext(const std::vector<const TextLine*>& above, Project& p) {
  for (auto it = above.rbegin(); it != above.rend(); ++it) {
    const TextLine& l = **it;
    std::string compact = Compact(l.text);
    std::string nf = Nfkc(l.text);
    if (p.money_unit.empty()) {
      size_t at = compact.find("单位:");
      if (at != std::string::npos) p.money_unit = MoneyUnitAt(compact.substr(at + std::string("单位:").size()));
    }
    if (p.title.empty() && IsProjectTitle(compact)) {
      p.title = StripNumbering(Trim(nf));
      continue;
    }
    if (p.unit_name.empty()) {
      // "部门名称：某局    单位：万元": the unit's name without its code.
      std::string named = LabeledOrganization(l.text);
      if (!named.empty()) {
        p.unit_name = std::move(named);
        continue;
      }
    }
    if (p.unit_code.empty() && !IsProjectTitle(compact)) {
      // "318002 抚宁区财政局机关" (the unit line may also hold "单位：万元" at its right).
      std::u32string u = ToU32(Trim(nf));
      size_t i = 0;
      while (i < u.size() && u[i] >= '0' && u[i] <= '9') ++i;
      // Between code and name: white space, or a speck that a scan turned into a mark
      // (207001·崇山县…); a long code may also run straight into the name.
      size_t j = i;
      while (j < u.size() && j - i < 3 && (IsSpace(u[j]) || IsSeparatorMark(u[j]))) ++j;
      const bool separated = j > i && j < u.size() && (IsSpace(u[i]) || IsCjk(u[j]));
      // A sentence that starts with a year ("2026 年，…") names no unit.
      const bool year = i == 4 && j < u.size() && u[j] == U'年';
      if (!year && i >= 3 && i < u.size() && (separated || (i >= 6 && IsCjk(u[i])))) {
        p.unit_code = ToUtf8(u.substr(0, i));
        std::string rest = Trim(ToUtf8(u.substr(j)));
        size_t cut = rest.find("单位:");
        if (cut != std::string::npos) rest = Trim(rest.substr(0, cut));
        p.unit_name = rest;
      }
    }
  }
}

// A table read from a scan: its cells' text was OCR'd.
// An amount OCR read with a speck beside a separator between its digit groups (2,.746.30,
// 1.,234.50): the two marks are the one thousands comma printed there. The text as it is when it
// has no such pair.
std::string WithSingleSeparators(const std::string& text) {
  const std::string nf = Nfkc(text);
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::string out;
  for (size_t i = 0; i < nf.size(); ++i) {
    if (i > 0 && i + 2 < nf.size() && digit(nf[i - 1]) && digit(nf[i + 2]) &&
        ((nf[i] == ',' && nf[i + 1] == '.') || (nf[i] == '.' && nf[i + 1] == ','))) {
      out += ',';
      ++i;
      continue;
    }
    out += nf[i];
  }
  return out == nf ? text : out;
}

bool ScannedTable(const Table& t) {
  return std::any_of(t.cells.begin(), t.cells.end(),
                     [](const TableCell& c) { return c.source == WordSource::kOcr; });
}

class TableReader {
 public:
  TableReader(const Table& t, Project& p, const FixSwitches& fixes)
      : t_(t), p_(p), mending_{ScannedTable(t), fixes} {}

  // Reads the labeled fields above the indicator block.
  void ReadFields(int stop_row) {
    for (const TableCell& c : t_.cells) {
      if (c.row >= stop_row) continue;
      if (used_.count(&c)) continue;
      const std::vector<LabelValue> pairs = SplitLabelCells(c);
      for (const LabelValue& lv : pairs) {
        const std::string& l = lv.label;
        // (a label printed without its value beside others is blank, not its neighbour's)
        if (l.empty() || (pairs.size() > 1 && lv.value.empty())) continue;
        if (IsCodeLabel(l)) Text(c, lv, "project_code", p_.project_code);
        else if (IsNameLabel(l)) Text(c, lv, "project_name", p_.project_name);
        else if (IsTotalLabel(l)) Money(c, lv, "budget.total", p_.budget.total);
        else if (IsFiscalLabel(l)) Money(c, lv, "budget.fiscal", p_.budget.fiscal);
        else if (IsOtherLabel(l)) Money(c, lv, "budget.other", p_.budget.other);
        else if (IsLabel(Label::kFiscalPart, l)) FiscalPart(c, lv);
        else if (IsGoalsLabel(l)) Goals(c, lv);
        else if (IsScheduleLabel(l)) ScheduleBlock(c);
        else if (pairs.size() > 1 && IsLabel(Label::kField, l))
          p_.attributes.push_back({PrintedLabel(l), lv.value});
      }
      if (pairs.size() > 1) used_.insert(&c);
    }
    // A block label may state the money unit: "项目资金（元）", "金额单位：万元".
    for (const TableCell& c : t_.cells) {
      if (c.row >= stop_row || !p_.money_unit.empty()) continue;
      std::string l = LabelOf(c.text);
      std::string unit = UnitInLabel(l);
      if (unit.empty()) {
        size_t at = l.find("单位:");
        if (at != std::string::npos) unit = MoneyUnitAt(l.substr(at + std::string("单位:").size()));
      }
      if (!unit.empty()) p_.money_unit = unit;
    }
    // The purpose: the rows of the 资金用途 block that are not the money row.
    for (const TableCell& c : t_.cells) {
      if (c.row >= stop_row || used_.count(&c)) continue;
      std::string l = LabelOf(c.text);
      if (!IsPurposeLabel(l)) continue;
      used_.insert(&c);
      std::vector<const TableCell*> parts;
      for (const TableCell& d : t_.cells) {
        if (used_.count(&d) || d.col < c.col + c.colspan) continue;
        if (d.row < c.row || d.row >= c.row + c.rowspan) continue;
        if (d.text.empty()) continue;
        parts.push_back(&d);
      }
      if (parts.empty()) {
        if (const TableCell* r = RightOf(t_, c)) parts.push_back(r);
      }
      std::vector<std::string> texts;
      for (const TableCell* d : parts) {
        texts.push_back(d->text);
        used_.insert(d);
      }
      if (p_.purpose.empty() && !parts.empty()) {
        p_.purpose = JoinWrapped(texts);
        p_.provenance["purpose"] = SourceOf(t_, *parts.front());
      }
    }
    // Every other labeled field: a short text cell with its value to its right (or below,
    // when what is below does not look like a label itself, or when the cell is one of a row
    // of labels: 项目名称 | 主管部门 | 实施单位 over their values).
    for (const TableCell& c : t_.cells) {
      if (c.row >= stop_row || used_.count(&c) || c.text.empty()) continue;
      LabelValue lv = SplitLabelCell(c);
      if (!LooksLikeLabel(lv.label)) continue;
      std::string value = lv.value;
      if (value.empty()) {
        const TableCell* v = RightOf(t_, c);
        // A label spanning rows beside shorter cells heads a group of fields ("总体目标" beside
        // 项目总目标 and its text below): it has no value of its own.
        if (v && c.rowspan > v->rowspan) continue;
        // So does a label beside labeled money ("项目资金（万元）" | "资金总额：5116.68" …).
        if (v && LooksLikeKnownLabel(SplitLabelCell(*v).label) && !SplitLabelCell(*v).value.empty())
          continue;
        if (!v || used_.count(v) || v->text.empty() || LooksLikeKnownLabel(LabelOf(v->text))) {
          v = Below(t_, c);
          // (a field the vocabulary knows, 项目类别, takes the text below it as it is)
          const bool known = IsLabel(Label::kField, lv.label) || InLabelRow(c);
          if (!v || used_.count(v) || v->text.empty() || v->colspan != c.colspan ||
              (LooksLikeLabel(LabelOf(v->text)) && !known) || LooksLikeKnownLabel(LabelOf(v->text)))
            continue;
        }
        value = v->text;
        used_.insert(v);
      }
      used_.insert(&c);
      p_.attributes.push_back({PrintedLabel(c.text), value});
    }
    // A form without a yearly goals label states its goals as 总体目标.
    if (p_.goals.empty()) {
      for (auto it = p_.attributes.begin(); it != p_.attributes.end(); ++it) {
        if (!IsLabel(Label::kOverallGoals, LabelOf(it->first))) continue;
        // (an attribute's text has no provenance of its own to name the fixes in)
        p_.goals = SplitNumbered(it->second, mending_, nullptr);
        p_.attributes.erase(it);
        break;
      }
    }
  }

  // Whether `l` is a label the vocabulary knows, or an indicator header.
  static bool LooksLikeKnownLabel(const std::string& l) {
    // Characters beyond which a text is no indicator header: a goals text saying 依据 is a value.
    constexpr size_t kHeaderChars = 12;
    return IsCodeLabel(l) || IsNameLabel(l) || IsTotalLabel(l) || IsFiscalLabel(l) ||
           IsOtherLabel(l) || IsLabel(Label::kFiscalPart, l) || IsGoalsLabel(l) ||
           IsScheduleLabel(l) || IsPurposeLabel(l) || IsLabel(Label::kField, l) ||
           IsLabel(Label::kOverallGoals, l) ||
           (ToU32(l).size() <= kHeaderChars && (IndicatorHeader(l) || ValuePartHeader(l)));
  }

 private:
  static bool LooksLikeLabel(const std::string& l) {
    std::u32string u = ToU32(l);
    if (u.empty() || u.size() > 16) return false;
    int cjk = 0;
    for (char32_t ch : u) {
      if (ch >= '0' && ch <= '9') return false;
      if (IsCjk(ch)) ++cjk;
    }
    return cjk >= 2;
  }

  // Whether `c` is one of a row of labels (项目名称 | 主管部门 | 实施单位), whose values are in
  // the row below: every other cell of its row is a label the vocabulary knows.
  bool InLabelRow(const TableCell& c) const {
    int labels = 0;
    for (const TableCell& d : t_.cells) {
      if (&d == &c || d.row != c.row || d.rowspan != c.rowspan || d.text.empty()) continue;
      if (!LooksLikeKnownLabel(SplitLabelCell(d).label)) return false;
      ++labels;
    }
    return labels > 0;
  }

  // The value of a label: in the same cell, or the cell to its right (else below).
  const TableCell* ValueCell(const TableCell& c) {
    const TableCell* v = RightOf(t_, c);
    if (v && !used_.count(v) && !LooksLikeKnownLabel(LabelOf(v->text))) return v;
    v = Below(t_, c);
    if (v && !used_.count(v) && !LooksLikeKnownLabel(LabelOf(v->text)) && v->colspan == c.colspan) return v;
    return nullptr;
  }

  // The value of a label (in its cell or a neighbour) and the cell it came from; false when
  // there is none. Both cells are marked used.
  bool TakeValue(const TableCell& c, const LabelValue& lv, std::string* text, const TableCell** from) {
    used_.insert(&c);
    *text = lv.value;
    *from = &c;
    if (!text->empty()) return true;
    const TableCell* v = ValueCell(c);
    if (!v) return false;
    used_.insert(v);
    *text = v->text;
    *from = v;
    return true;
  }

  void Text(const TableCell& c, const LabelValue& lv, const std::string& key, std::string& out) {
    std::string text;
    const TableCell* from = nullptr;
    if (!TakeValue(c, lv, &text, &from)) return;
    out = text;
    p_.provenance[key] = SourceOf(t_, *from);
  }

  void Money(const TableCell& c, const LabelValue& lv, const std::string& key, std::optional<double>& out) {
    std::string unit = UnitInLabel(lv.label);
    if (!unit.empty() && p_.money_unit.empty()) p_.money_unit = unit;
    std::string text;
    const TableCell* from = nullptr;
    if (!TakeValue(c, lv, &text, &from)) return;
    pending_money_.push_back({&out, text, key});
    p_.provenance[key] = SourceOf(t_, *from);
  }

  // One level of government's fiscal money (中央财政资金 | 市级财政资金): the parts add up to the
  // fiscal money when the table prints no total of it.
  void FiscalPart(const TableCell& c, const LabelValue& lv) {
    std::string text;
    const TableCell* from = nullptr;
    if (!TakeValue(c, lv, &text, &from) || Compact(text).empty()) return;
    fiscal_parts_.push_back(text);
    if (!p_.provenance.count("budget.fiscal")) p_.provenance["budget.fiscal"] = SourceOf(t_, *from);
  }

  void Goals(const TableCell& c, const LabelValue& lv) {
    std::string text;
    const TableCell* from = nullptr;
    if (!TakeValue(c, lv, &text, &from)) return;
    if (!p_.goals.empty()) {
      p_.attributes.push_back({Trim(Nfkc(c.text)), text});
      return;
    }
    p_.provenance["goals"] = SourceOf(t_, *from);
    p_.goals = SplitNumbered(text, mending_, &p_.provenance["goals"].fixes);
  }

  void ScheduleBlock(const TableCell& label) {
    used_.insert(&label);
    // Header cells naming months, right of the label within its rows; the value below each.
    for (const TableCell& h : t_.cells) {
      if (h.row < label.row || h.row >= label.row + label.rowspan) continue;
      if (h.col < label.col + label.colspan) continue;
      int month = ScheduleMonth(Compact(h.text));
      if (month == 0) continue;
      used_.insert(&h);
      const TableCell* v = Below(t_, h);
      std::optional<double> value;
      if (v) {
        used_.insert(v);
        value = ParsePercent(v->text);
      }
      std::optional<double>* slot = month <= 3 ? &p_.schedule.mar
                                    : month <= 6 ? &p_.schedule.jun
                                    : month <= 10 ? &p_.schedule.oct
                                                  : &p_.schedule.dec;
      *slot = value;
      static const char* names[] = {"mar", "jun", "oct", "dec"};
      int k = month <= 3 ? 0 : month <= 6 ? 1 : month <= 10 ? 2 : 3;
      if (v) p_.provenance[std::string("schedule.") + names[k]] = SourceOf(t_, *v);
    }
  }

 public:
  // Money is parsed once the table's unit is known (a label may state it).
  void FinishMoney() {
    for (const PendingMoney& m : pending_money_) {
      *m.slot = ParseMoney(m.text, p_.money_unit);
      if (*m.slot || !mending_.ocr || !mending_.fixes.Enabled("records.money_marks")) continue;
      const std::string single = WithSingleSeparators(m.text);
      if (single == m.text) continue;
      *m.slot = ParseMoney(single, p_.money_unit);
      if (*m.slot) NoteFix(p_.provenance[m.key].fixes, "records.money_marks");
    }
    if (p_.budget.fiscal || fiscal_parts_.empty()) return;
    for (const std::string& text : fiscal_parts_) {
      const std::optional<double> part = ParseMoney(text, p_.money_unit);
      if (!part) return;  // a part unread: no sum
      p_.budget.fiscal = p_.budget.fiscal.value_or(0) + *part;
    }
  }

 private:
  const Table& t_;
  Project& p_;
  const ListMending mending_;  // of the goals' list
  std::set<const TableCell*> used_;
  struct PendingMoney {
    std::optional<double>* slot;
    std::string text;
    std::string key;  // of the field's provenance
  };
  std::vector<PendingMoney> pending_money_;
  std::vector<std::string> fiscal_parts_;  // the printed parts of the fiscal money
};

// The indicator columns of `map` in a table without a header, as a table continued over a
// page break has them: each column's edges are rules of the table once the page is shifted
// sideways (ShiftOntoRules). The map moved onto this table, or nullopt when fewer than 70% of the
// columns line up.
std::optional<ColumnMap> AlignColumns(const Table& t, const ColumnMap& map) {
  // Points between a column's edge and the rule of the next page that is the same rule: a cell's
  // edge lies inside its rule, by half of it, and a double rule (two lines and the gap, 2-3 pt)
  // may be taken at either line on either page.
  constexpr double kRuleAlign = 6.0;
  if (map.columns.empty() || t.col_lines.empty()) return std::nullopt;
  std::vector<std::pair<double, double>> edges;
  for (const auto& col : map.columns) edges.push_back(col.second);
  const ColumnShift best = ShiftOntoRules(t.col_lines, edges, kRuleAlign);
  if (best.aligned * 10 < static_cast<int>(map.columns.size()) * 7) return std::nullopt;
  ColumnMap moved = map;
  for (auto& col : moved.columns) {
    col.second.first += best.shift;
    col.second.second += best.shift;
  }
  return moved;
}

// A form the page cut right after a row of labels (项目名称 | 主管部门及代码 | 实施单位 at the
// foot of a page, their values at the top of the next): the table `next` continuing it with that
// last row of `prev` put back on top, each label over the columns of `next` whose rules its edges
// lie on (ShiftOntoRules), so that the labels find their values below them. nullopt when `prev`
// has an indicator header (the cut is in the indicator block), when its last row holds anything
// but labels without values, or when the labels' edges do not lie on rules of `next`.
std::optional<Table> WithCutLabelRow(const Table& prev, const Table& next) {
  // Points between a label's edge and the rule of the next page that is the same rule (as
  // AlignColumns: half a rule, or either line of a double rule).
  constexpr double kRuleAlign = 6.0;
  if (prev.rows < 1 || next.col_lines.size() < 2 || FindIndicatorHeader(prev)) return std::nullopt;
  std::vector<const TableCell*> row;
  for (const TableCell& c : prev.cells) {
    if (c.row + c.rowspan != prev.rows) continue;
    const LabelValue lv = SplitLabelCell(c);
    if (c.rowspan != 1 || lv.label.empty() || !lv.value.empty() ||
        !TableReader::LooksLikeKnownLabel(lv.label) || IndicatorHeader(lv.label))
      return std::nullopt;
    row.push_back(&c);
  }
  if (row.empty()) return std::nullopt;
  std::vector<std::pair<double, double>> edges;
  for (const TableCell* c : row) edges.push_back({c->box.x0, c->box.x1});
  const ColumnShift shift = ShiftOntoRules(next.col_lines, edges, kRuleAlign);
  if (shift.aligned != static_cast<int>(row.size())) return std::nullopt;
  auto rule_at = [&](double x) {
    int best = 0;
    for (size_t i = 1; i < next.col_lines.size(); ++i)
      if (std::abs(next.col_lines[i] - x) < std::abs(next.col_lines[best] - x))
        best = static_cast<int>(i);
    return best;
  };
  Table joined = next;
  const double height = prev.row_lines.back() - prev.row_lines[prev.rows - 1];
  joined.rows = next.rows + 1;
  joined.row_lines.insert(joined.row_lines.begin(), next.row_lines.front() - height);
  for (TableCell& c : joined.cells) ++c.row;
  std::vector<TableCell> top;
  for (const TableCell* c : row) {
    TableCell moved = *c;
    moved.row = 0;
    moved.col = rule_at(c->box.x0 + shift.shift);
    moved.colspan = rule_at(c->box.x1 + shift.shift) - moved.col;
    if (moved.colspan < 1) return std::nullopt;
    top.push_back(std::move(moved));
  }
  std::sort(top.begin(), top.end(),
            [](const TableCell& a, const TableCell& b) { return a.col < b.col; });
  joined.cells.insert(joined.cells.begin(), top.begin(), top.end());
  return joined;
}

// The project a title names ("警务辅助人员经费项目绩效目标表" → 警务辅助人员经费): the title as
// printed before its ending when that ending is a project's own (vocabulary/
// ProjectNameInTitle), else "".
std::string NameInTitle(const std::string& compact, const std::string& printed) {
  const std::string ending = ProjectTitleEnding(compact);
  if (ending.empty()) return "";
  // Cut the printed title where its compact form ends before `ending`.
  const std::u32string u = ToU32(Trim(Nfkc(printed)));
  const size_t keep = ToU32(compact).size() - ToU32(ending).size();
  std::u32string name;
  size_t kept = 0;
  for (char32_t c : u) {
    if (kept == keep) break;
    name += c;
    if (!IsSpace(c)) ++kept;
  }
  return Trim(ToUtf8(name));
}

bool HasProjectLabels(const Table& t) {
  for (const TableCell& c : t.cells) {
    std::string l = SplitLabelCell(c).label;
    if (IsCodeLabel(l) || IsNameLabel(l)) return true;
  }
  return false;
}

// Whether a table without a title or name label read (a seal over both, a misread colon, on a
// scan) is a new project's all the same: above its indicator header it prints the money or the
// goals of a form's upper block, and there is no project it could continue (`continues`: it is
// the first table of its page and a project came before) or that project already has them. A
// table continued over a page break prints only the rest of its project's upper block, if any.
bool OwnUpperBlock(const Table& t, const std::optional<IndicatorHeaderRow>& header,
                   const std::vector<Project>& projects, bool continues) {
  if (!header) return false;
  const Project* last = continues && !projects.empty() ? &projects.back() : nullptr;
  for (const TableCell& c : t.cells) {
    if (c.row >= header->header_row) continue;
    for (const LabelValue& lv : SplitLabelCells(c)) {
      const std::string& l = lv.label;
      const bool goals = IsGoalsLabel(l) || IsLabel(Label::kOverallGoals, l);
      if (!IsTotalLabel(l) && !IsFiscalLabel(l) && !goals) continue;
      if (!last || (IsTotalLabel(l) && last->budget.total) ||
          (IsFiscalLabel(l) && last->budget.fiscal) || (goals && !last->goals.empty()))
        return true;
    }
  }
  return false;
}

}  // namespace

namespace {

// records.item_sequence: glyphs chi_sim reads for an item's digit (the number k of "k、").
std::u32string_view LookAlikes(int k) {
  static const std::u32string_view kLike[] = {U"",    U"lI|]!i丨", U">Z z己乙", U"了",  U"A",
                                              U"S s", U"bG",       U"",         U"B日", U"gq"};
  return k >= 1 && k <= 9 ? kLike[k] : std::u32string_view();
}

// Marks that end an item, after which the next item's marker stands.
bool EndsItem(char32_t c) {
  return c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'？';
}

}  // namespace

std::vector<std::string> SplitNumbered(const std::string& text) {
  return SplitNumbered(text, ListMending{}, nullptr);
}

std::vector<std::string> SplitNumbered(const std::string& text, const ListMending& mending,
                                       std::vector<std::string>* fixes) {
  std::u32string u = ToU32(Trim(text));
  std::vector<std::string> out;
  if (u.empty()) return out;
  const bool sequence = mending.ocr && mending.fixes.Enabled("records.item_sequence");
  const bool full_stop = mending.ocr && mending.fixes.Enabled("records.list_full_stop");
  bool mended = false;  // records.item_sequence decided a marker
  // Finds the marker of item k at or after `from`: "k、" "k." "k．" "(k)" "（k）" at the start
  // or after a separator.
  auto find_marker = [&](int k, size_t from, size_t* start, size_t* body) -> bool {
    std::u32string num = ToU32(std::to_string(k));
    for (size_t i = from; i + num.size() < u.size(); ++i) {
      bool at_break = i == 0 || IsSpace(u[i - 1]) || u[i - 1] == U'。' || u[i - 1] == U'；' ||
                      u[i - 1] == ';' || u[i - 1] == U'，' || u[i - 1] == ',' || u[i - 1] == U'、' ||
                      !(u[i - 1] >= '0' && u[i - 1] <= '9');
      size_t j = i;
      bool paren = false;
      if (u[j] == '(' || u[j] == U'（') {
        paren = true;
        ++j;
      }
      if (u.compare(j, num.size(), num) != 0) continue;
      if (!at_break && !paren) continue;
      size_t after = j + num.size();
      if (after >= u.size()) continue;
      char32_t m = u[after];
      // (a 、 faint in a scan may be read as …)
      bool ok = paren ? (m == ')' || m == U'）')
                      : (m == U'、' || m == U'．' || (k > 1 && m == U'…') ||
                         (m == '.' && !(after + 1 < u.size() && u[after + 1] >= '0' && u[after + 1] <= '9')));
      if (!ok) continue;
      // Not part of a longer number ("12、" is not item 2).
      if (i > 0 && !paren && u[i - 1] >= '0' && u[i - 1] <= '9') continue;
      *start = i;
      *body = after + 1;
      return true;
    }
    return false;
  };
  // records.item_sequence: where item k (k ≥ 2) begins when the scan garbled its marker, between
  // `from` and `to`, in a form a marker takes:
  // - the number with its stop read as another mark or a space before Chinese text (2 完成,
  //   2，完成): after the mark that ends an item (。 ；), or alone between spaces, or anywhere
  //   after Chinese text when item k+1's marker follows it (事故2 按照…开展3 完善): the sequence
  //   confirms it (and k's read so confirms k+1's); never before a count word (2 项工程, 3 个站点);
  // - a glyph read for the number before 、 or ． (>、完成);
  // - the 、 alone after the mark that ends an item (。、完成).
  // Never inside a number or a code (A2 型, 1.2 倍).
  auto cjk_from = [&](size_t at) {
    while (at < u.size() && IsSpace(u[at])) ++at;
    return at < u.size() && IsCjk(u[at]) ? at : std::u32string::npos;
  };
  auto in_code = [&](size_t i) {
    if (i == 0) return false;
    if (IsAsciiAlnum(u[i - 1])) return true;
    return std::u32string_view(U".-/%").find(u[i - 1]) != std::u32string_view::npos &&
           (i < 2 || !IsCjk(u[i - 2]));
  };
  // Right after the mark that ends an item (a 。 may read as . after Chinese: 协同.2 对照).
  auto after_item = [&](size_t i) {
    while (i > 0 && IsSpace(u[i - 1])) --i;
    return i > 0 && (EndsItem(u[i - 1]) || (u[i - 1] == '.' && i >= 2 && IsCjk(u[i - 2])));
  };
  // Where the text of item k begins when its number, read with a wrong stop, stands at i.
  auto wrong_stop = [&](int k, size_t i) -> size_t {
    static constexpr std::u32string_view kWrongStops = U" ，,:：;；'`";
    const std::u32string num = ToU32(std::to_string(k));
    if (in_code(i) || u.compare(i, num.size(), num) != 0 || i + num.size() >= u.size() ||
        kWrongStops.find(u[i + num.size()]) == std::u32string_view::npos)
      return std::u32string::npos;
    const size_t begins = cjk_from(i + num.size() + 1);
    // A count (3 个站点, 2 项工程) is no item's number.
    static constexpr std::u32string_view kCountWords =
        U"个项万千百亿名次人年月日天元家所座台辆套场期批类种条处平公亩吨米倍份件位户册本张间栋层周";
    if (begins == std::u32string::npos || kCountWords.find(u[begins]) != std::u32string_view::npos)
      return std::u32string::npos;
    return begins;
  };
  bool chained = false;  // item k's marker was read with a wrong stop: so may k+1's be
  auto find_doubtful = [&](int k, size_t from, size_t to, size_t* start, size_t* body) -> bool {
    for (size_t i = std::max<size_t>(from, 1); i < to && i < u.size(); ++i) {
      size_t b = wrong_stop(k, i);
      const bool stop_form = b != std::u32string::npos;
      if (stop_form && !after_item(i) && !IsSpace(u[i - 1]) && !chained) {
        size_t s2 = 0, b2 = 0;
        bool confirmed = find_marker(k + 1, b, &s2, &b2);
        for (size_t j = b; !confirmed && j < u.size(); ++j)
          confirmed = wrong_stop(k + 1, j) != std::u32string::npos;
        if (!confirmed) b = std::u32string::npos;
      }
      if (b == std::u32string::npos && i + 1 < u.size() && !in_code(i) &&
          LookAlikes(k).find(u[i]) != std::u32string_view::npos &&
          (u[i + 1] == U'、' || u[i + 1] == U'．'))
        b = cjk_from(i + 2);
      if (b == std::u32string::npos && u[i] == U'、' && after_item(i)) b = cjk_from(i + 1);
      if (b == std::u32string::npos) continue;
      *start = i;
      *body = b;
      chained = stop_form;
      return true;
    }
    chained = false;
    return false;
  };
  size_t start = 0, body = 0;
  if (!find_marker(1, 0, &start, &body) || start != 0) {
    // A first number that a scan garbled (TI、, l、) or lost with its 、 or its number (1 落实,
    // . 完成) still opens the list when item 2 follows.
    size_t p = 0;
    while (p < u.size() && p < 2 && u[p] < 0x80 && u[p] > 0x20) ++p;
    const bool comma = p > 0 && p < u.size() && u[p] == U'、';
    // (the number or its stop left alone: ". 完成", "1 落实")
    const bool stop = p > 0 && p < u.size() && (u[p - 1] == '.' || (p == 1 && u[0] == '1')) &&
                      (IsSpace(u[p]) || IsCjk(u[p]));
    size_t second = 0, second_body = 0;
    // records.item_sequence: on a scan, "1 " before Chinese text opens a list of one item.
    const bool lone_first =
        sequence && p == 1 && u.size() > 2 && u[0] == '1' && IsSpace(u[1]) && IsCjk(u[2]);
    if ((!comma && !stop) || (!find_marker(2, p + 1, &second, &second_body) && !lone_first)) {
      out.push_back(ToUtf8(u));
      return out;
    }
    body = comma ? p + 1 : p;
    mended = lone_first && !find_marker(2, p + 1, &second, &second_body);
  }
  int k = 1;
  while (true) {
    size_t next_start = 0, next_body = 0;
    bool more = find_marker(k + 1, body, &next_start, &next_body);
    if (more) chained = false;
    if (sequence) {
      // The next number is the one expected: a doubtful marker before the next sure one (or
      // the end) continues the list ...
      size_t after_start = 0, after_body = 0;
      const bool later = find_marker(k + 2, body, &after_start, &after_body);
      const size_t to = more ? next_start : later ? after_start : u.size();
      if (!more && find_doubtful(k + 1, body, to, &next_start, &next_body)) {
        more = mended = true;
      } else if (!more && later) {
        // ... and a lost one does not merge the rest: item k+1 begins after the last mark that
        // ends an item before item k+2, else it stays with item k and the list goes on.
        size_t cut = after_start;
        while (cut > body && (EndsItem(u[cut - 1]) || IsSpace(u[cut - 1]))) --cut;  // k+1's end
        while (cut > body && !EndsItem(u[cut - 1])) --cut;
        const bool split = cut > body;
        next_start = split ? cut : after_start;
        next_body = split ? cut : after_body;
        more = mended = true;
        if (!split) ++k;  // the number k+1 is lost with its item's text
      }
    }
    size_t end = more ? next_start : u.size();
    std::u32string item = u.substr(body, end - body);
    // Trim spaces and the separators between items (keep a final 。).
    while (!item.empty() && (IsSpace(item.back()) || item.back() == U'；' || item.back() == ';' ||
                             item.back() == U'，' || item.back() == ','))
      item.pop_back();
    // On a scan, a . after Chinese before a doubtful marker is a speck of it (协同.2 对照).
    if (mended && item.size() >= 2 && item.back() == '.' && IsCjk(item[item.size() - 2]))
      item.pop_back();
    // No item opens with a mark: one there is a speck of the scan (1、. 完成).
    while (!item.empty() && (IsSpace(item.front()) ||
                             std::u32string_view(U".．。,，、;；:：").find(item.front()) != std::u32string_view::npos))
      item.erase(item.begin());
    std::string s = Trim(ToUtf8(item));
    if (!s.empty()) out.push_back(s);
    if (!more) break;
    body = next_body;
    ++k;
  }
  if (mended && fixes) NoteFix(*fixes, "records.item_sequence");
  if (full_stop && MendFinalStops(out) && fixes) NoteFix(*fixes, "records.list_full_stop");
  return out;
}

bool MendFinalStops(std::vector<std::string>& items) {
  // An item may lack the list's 。 only when at least this many others print it, all of them.
  constexpr size_t kMinOthersWithStop = 2;
  size_t with = 0;
  std::vector<size_t> without;
  for (size_t i = 0; i < items.size(); ++i) {
    if (EndsWith(items[i], "。"))
      ++with;
    else
      without.push_back(i);
  }
  if (without.size() != 1 || with < kMinOthersWithStop) return false;
  std::string& item = items[without.front()];
  const std::u32string u = ToU32(item);
  // Only after text: a mark there (a closing bracket or quote, a comma) is not a lost 。.
  if (u.empty() || !(IsCjk(u.back()) || (u.back() >= '0' && u.back() <= '9') || u.back() == U'%'))
    return false;
  item += "。";
  return true;
}

int SettleIndicatorLevels(std::vector<Project>& projects) {
  // Confidence below which a cell's reading may be two characters off its term.
  constexpr double kDoubted = 0.9;
  auto IsTerm = [](const std::string& text) { return IsIndicatorTerm(Compact(text)); };
  int changed = 0;
  using Column = std::pair<const char*, std::string Indicator::*>;
  for (const auto& [field, member] : {Column{"level1", &Indicator::level1}, Column{"level2", &Indicator::level2}}) {
    auto text_of = [member = member](Indicator& ind) -> std::string& { return ind.*member; };
    // The cells of the column (page and box: a spanning cell serves several rows) per text.
    std::map<std::string, std::set<std::tuple<int, double, double>>> cells;
    for (Project& p : projects) {
      for (size_t i = 0; i < p.indicators.size(); ++i) {
        auto it = p.provenance.find("indicators[" + std::to_string(i) + "]." + field);
        if (it == p.provenance.end() || text_of(p.indicators[i]).empty()) continue;
        cells[text_of(p.indicators[i])].insert(
            {it->second.page, it->second.box.x0, it->second.box.y0});
      }
    }
    for (Project& p : projects) {
      for (size_t i = 0; i < p.indicators.size(); ++i) {
        auto it = p.provenance.find("indicators[" + std::to_string(i) + "]." + field);
        std::string& text = text_of(p.indicators[i]);
        if (it == p.provenance.end() || it->second.source != WordSource::kOcr || text.empty() ||
            cells[text].size() > 1 || IsTerm(text))
          continue;
        const std::u32string u = ToU32(Compact(text));
        const int allowed = it->second.confidence < kDoubted ? 2 : 1;
        int best = allowed + 1;
        const std::string* term = nullptr;
        bool tie = false;
        for (const auto& [t, where] : cells) {
          if (where.size() < 2) continue;
          const std::u32string v = ToU32(Compact(t));
          const int d = EditDistance(u, v);
          if (d == 0 || 2 * d > static_cast<int>(v.size())) continue;
          if (d < best) {
            best = d, term = &t, tie = false;
          } else if (d == best) {
            tie = true;
          }
        }
        if (!term || tie) continue;
        text = *term;
        it->second.corrected = true;
        NoteFix(it->second.fixes, "records.indicator_levels");
        ++changed;
      }
    }
  }
  return changed;
}

std::vector<Project> ReadProjects(const std::vector<PageContent>& pages,
                                  std::vector<Warning>* warnings, const FixSwitches& fixes) {
  std::vector<Project> projects;
  // Whether each project's table was a performance table when it was read: an indicator header,
  // or a 绩效目标表 title above it. A labeled table with neither (收支表, 采购表: their 项目名称
  // is a column) is a project only when the next page continues it with its indicator block.
  std::vector<bool> performance;
  ColumnMap last_map;  // the indicator columns of the last project, for continued tables
  FamilyState family;  // the list or department table being read (records/families.h)
  family.fixes = fixes;
  // The last table read into a form's record, while no other table has come after it.
  const Table* last_form = nullptr;
  for (const PageContent& page : pages) {
    double above = 0;  // bottom of the previous table on this page, points
    for (size_t ti = 0; ti < page.tables.size(); ++ti) {
      const Table* form_before = std::exchange(last_form, nullptr);
      auto lines_above = LinesBetween(page, above, page.tables[ti].box.y0);
      above = page.tables[ti].box.y1;
      if (ReadFamilyTable(page, ti, lines_above, projects, family, warnings)) {
        performance.resize(projects.size(), true);  // list and department tables are performance tables
        continue;
      }
      // (a scanned table's cells that a lost row rule merged are cut along its rows first)
      const Table cut = ScannedTable(page.tables[ti]) ? CutAlongRows(page.tables[ti]) : Table{};
      const Table& t = ScannedTable(page.tables[ti]) ? cut : page.tables[ti];
      bool titled = false;
      for (const TextLine* l : lines_above)
        if (IsProjectTitle(Compact(l->text))) titled = true;
      auto header = FindIndicatorHeader(t);
      const bool labeled = HasProjectLabels(t);

      if (!labeled && !titled && !OwnUpperBlock(t, header, projects, ti == 0)) {
        // A table continued from the previous page: no title, no project labels.
        if (projects.empty() || ti != 0) continue;
        Project& p = projects.back();
        // A row of labels the page cut from their values goes on top of this table.
        std::optional<Table> joined;
        if (form_before && form_before->page == t.page - 1 && header)
          joined = WithCutLabelRow(*form_before, t);
        const Table& whole = joined ? *joined : t;
        if (joined) header = FindIndicatorHeader(whole);
        if (header) {
          // The page broke inside the upper block: its remaining labeled rows come first.
          TableReader reader(whole, p, fixes);
          reader.ReadFields(header->header_row);
          reader.FinishMoney();
          last_map = header->map;
          ReadIndicatorRows(whole, header->first_data_row, last_map, p);
          performance.back() = true;
        } else if (auto moved = AlignColumns(t, last_map)) {
          ReadIndicatorRows(t, 0, *moved, p);
        } else {
          continue;  // some other table
        }
        if (std::find(p.pages.begin(), p.pages.end(), t.page) == p.pages.end()) p.pages.push_back(t.page);
        last_form = &page.tables[ti];  // (not `cut`, which this iteration ends)
        continue;
      }
      // A titled table of some other kind, unless its cells name indicator levels: a project's
      // table whose labels and indicator header could not be read (a scan's) is still a record,
      // with what was read and a warning (below), never lost in silence.
      const bool indicator_like = CountIndicatorTerms(t) >= kMinTermCells;
      if (!labeled && !header && !indicator_like) continue;

      Project p;
      p.index = static_cast<int>(projects.size()) + 1;
      ReadContext(lines_above, p);
      // A title printed in the table's top row names this project's table (the line above may
      // be a section's heading: 1.项目支出绩效目标表).
      for (const TableCell& c : t.cells)
        if (c.row == 0 && c.colspan == t.cols && IsProjectTitle(Compact(c.text)))
          p.title = StripNumbering(Trim(Nfkc(c.text)));
      p.pages.push_back(t.page);
      TableReader reader(t, p, fixes);
      reader.ReadFields(header ? header->header_row : t.rows);
      reader.FinishMoney();
      // A form without a 项目名称 label names its project in its title: "<name>项目绩效目标表".
      if (p.project_name.empty() && p.project_code.empty()) p.project_name = NameInTitle(Compact(p.title), p.title);
      if (header) {
        last_map = header->map;
        ReadIndicatorRows(t, header->first_data_row, last_map, p);
      } else {
        last_map = {};
      }
      projects.push_back(std::move(p));
      performance.push_back(header.has_value() || titled);
      last_form = &page.tables[ti];  // (not `cut`, which this iteration ends)
    }
  }
  // Keep the performance tables' records: a labeled table never continued by an indicator
  // block, a form printed blank (no name, code, money nor indicator: 无此项 templates) and a
  // totals row (合计) are no projects.
  std::vector<Project> kept;
  for (size_t i = 0; i < projects.size(); ++i) {
    Project& p = projects[i];
    const bool blank = p.project_name.empty() && p.project_code.empty() && !p.budget.total &&
                       !p.budget.fiscal && !p.budget.other && p.indicators.empty();
    const bool totals = p.project_code.empty() && IsTotalsName(Compact(p.project_name));
    if (!performance[i] || blank || totals) continue;
    p.index = static_cast<int>(kept.size()) + 1;
    if (warnings) {
      // What a performance table that could not be read in full lacks, on its first page.
      std::vector<std::string> missing;
      if (p.indicators.empty()) missing.push_back("indicator rows");
      if (p.project_name.empty() && p.project_code.empty()) missing.push_back("project name and code");
      if (!p.budget.total && !p.budget.fiscal && !p.budget.other) missing.push_back("budget");
      if (!missing.empty()) {
        std::string what;
        for (const std::string& m : missing) what += (what.empty() ? "" : ", ") + m;
        const std::string who = !p.project_code.empty() ? p.project_code : p.project_name;
        warnings->push_back({p.pages.front(), p.indicators.empty() ? "project.no_indicators" : "project.incomplete",
                             "page " + std::to_string(p.pages.front()) + ": performance table" +
                                 (who.empty() ? "" : " of " + who) + " read without " + what});
      }
    }
    kept.push_back(std::move(p));
  }
  return kept;
}

}  // namespace jixiao
