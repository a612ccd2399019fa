// List and department tables (docs/CONTRACT.md, "Template families"): columns named by a header
// row, rows read by x-overlap with those columns, the labels mapped through vocabulary/.
#include "records/families.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "core/text.h"
#include "records/cells.h"
#include "records/headings.h"
#include "vocabulary/vocabulary.h"

namespace jixiao {

namespace {

// A header row lies among the first rows of its table.
constexpr int kHeaderSearchRows = 8;
// A continued table's column edges lie on the previous table's, within this (points) …
constexpr double kEdgeTolerance = 4.0;
// … for at least this share of the columns.
constexpr double kAlignedShare = 0.7;
// A header is at most this many rows deep.
constexpr int kMaxHeaderRows = 3;
// A header row names at least this many of its columns by the vocabulary's labels …
constexpr int kMinHeaders = 3;
// … of which, read by OCR, this many by their labels (the others may be known by the indicator
// terms under them, and the columns' places tell the rest: PlaceHeaders).
constexpr int kMinHeadersRead = 1;

// Whether a table was read by OCR (a scanned page).
bool Scanned(const Table& t) {
  return std::any_of(t.cells.begin(), t.cells.end(),
                     [](const TableCell& c) { return c.source == WordSource::kOcr; });
}

bool IsIndicatorRole(ListRole r) {
  return r >= ListRole::kLevel1 && r <= ListRole::kWhole;
}

ListRole RoleOfColumn(IndicatorColumn f) {
  switch (f) {
    case IndicatorColumn::kLevel1:
      return ListRole::kLevel1;
    case IndicatorColumn::kLevel2:
      return ListRole::kLevel2;
    case IndicatorColumn::kLevel3:
      return ListRole::kLevel3;
    case IndicatorColumn::kDescription:
      return ListRole::kDescription;
    case IndicatorColumn::kValue:
      return ListRole::kValue;
    case IndicatorColumn::kBasis:
      return ListRole::kBasis;
    case IndicatorColumn::kOther:
      break;
  }
  return ListRole::kAttribute;
}

// The role of a header cell, or nullopt when its label is none the vocabulary knows.
std::optional<ListRole> RoleOf(const std::string& label) {
  if (label.empty()) return std::nullopt;
  if (auto part = ValuePartHeader(label)) {
    switch (*part) {
      case ValuePart::kOperator:
        return ListRole::kOperator;
      case ValuePart::kUnit:
        return ListRole::kUnit;
      case ValuePart::kWhole:
        return ListRole::kWhole;
    }
  }
  if (auto f = ExactIndicatorHeader(label)) return RoleOfColumn(*f);
  if (IsLabel(Label::kListName, label)) return ListRole::kName;
  if (IsLabel(Label::kTotal, label)) return ListRole::kTotal;
  if (IsLabel(Label::kFiscal, label)) return ListRole::kFiscal;
  if (IsLabel(Label::kOther, label)) return ListRole::kOtherMoney;
  if (IsLabel(Label::kGoals, label)) return ListRole::kGoals;
  return std::nullopt;
}

std::vector<const TableCell*> CellsOfRow(const Table& t, int r) {
  std::vector<const TableCell*> row;
  for (const TableCell& c : t.cells)
    if (c.row <= r && r < c.row + c.rowspan) row.push_back(&c);
  std::sort(row.begin(), row.end(),
            [](const TableCell* a, const TableCell* b) { return a->col < b->col; });
  return row;
}

struct Header {
  std::vector<ListColumn> columns;
  int first_row = 0;  // of the header band
  int first_data_row = 0;
  bool has_name = false;
};

bool Has(const std::vector<ListColumn>& cols, ListRole r) {
  return std::any_of(cols.begin(), cols.end(), [r](const ListColumn& c) { return c.role == r; });
}

// The indicator block is named: a value column and a level or whole-indicator column, three
// indicator columns at least.
bool NamesIndicators(const std::vector<ListColumn>& cols) {
  int n = 0;
  for (const ListColumn& c : cols) n += IsIndicatorRole(c.role);
  const bool levels = Has(cols, ListRole::kLevel2) || Has(cols, ListRole::kLevel3);
  return Has(cols, ListRole::kValue) && (levels || Has(cols, ListRole::kWhole)) && n >= 3;
}

// What a header cell says of its column. A cell read by OCR may name it near enough
// (IndicatorHeader: 顷效指标摘述), or as a level header whose level OCR's confusions left open
// (-级指标: `levels`), or not at all (`unread`: a seal over 一级指标, 指标值 read as "[和"); its
// place among the others then tells (PlaceHeaders).
struct HeaderReading {
  std::optional<ListRole> role;
  std::vector<ListRole> levels;
  bool unread = false;
};

HeaderReading ReadHeaderCell(const TableCell& c) {
  HeaderReading h;
  const std::string label = LabelOf(c.text);
  h.role = RoleOf(label);
  if (h.role || c.source != WordSource::kOcr) return h;
  if (auto f = IndicatorHeader(label)) {
    h.role = RoleOfColumn(*f);
    return h;
  }
  for (IndicatorColumn level : ConfusedLevelHeaders(label)) h.levels.push_back(RoleOfColumn(level));
  if (h.levels.size() == 1) h.role = h.levels.front(), h.levels.clear();
  h.unread = !h.role && h.levels.empty();
  return h;
}

// How many rows below a header an unread header cell's column is looked at for indicator terms.
constexpr int kTermRows = 6;

// Whether an OCR'd text is an indicator term (vocabulary IndicatorTerms) with at most a glyph of
// noise around it: the term with a speck read before or after it (产出指标全), or a seal's
// strokes read above it (妈公 一 产出指标), or the term one character off (效黑指标).
bool LooksLikeLevelTerm(const std::string& text) {
  const std::string compact = Compact(text);
  if (compact.empty()) return false;
  const std::u32string u = ToU32(compact);
  for (const std::string& term : IndicatorTerms()) {
    if (compact.find(term) != std::string::npos) return true;
    const std::u32string v = ToU32(term);
    if (v.size() >= 4 && EditDistance(u, v) <= 1) return true;
  }
  return false;
}

// Whether the cells under header cell `c`, in the rows from `from` on, print indicator terms (a
// level's column, 产出指标 or 数量指标), while `c` itself prints none (it is no data row).
bool HoldsLevelTerms(const Table& t, const TableCell& c, int from) {
  if (LooksLikeLevelTerm(c.text)) return false;
  for (int r = from; r < std::min(t.rows, from + kTermRows); ++r)
    if (const TableCell* d = CellUnder(t, r, c.box.x0, c.box.x1);
        d && d != &c && LooksLikeLevelTerm(d->text))
      return true;
  return false;
}

// A header's column read by OCR, before its place settles what it is.
struct PlacedColumn {
  ListColumn column;
  HeaderReading reading;
  bool placed = false;  // has a role (read, or by its place)
};

// Two header cells side by side are at most this far apart (points): a rule's width and the
// grid's inaccuracy on a scan (a fold beside a rule leaves 6 points).
constexpr double kAdjacentCells = 7.0;

bool IsLevel(ListRole r) {
  return r == ListRole::kLevel1 || r == ListRole::kLevel2 || r == ListRole::kLevel3;
}

// The header of a scanned indicator block by the places of its columns, which run 一级指标 |
// 二级指标 | 三级指标 (| 指标内容) | 指标值 left to right:
// - the level headers take their levels in that order: three level headers are 一级, 二级 and
//   三级 whatever OCR made of their numbers (三级指标 read as 二级指标, so 二级指标 twice), and a
//   level read again right of itself is the next one; a header whose level OCR's confusions left
//   open (-级指标) is the first level its place leaves;
// - a header that OCR could not read is the level missing left of a level header beside it, or
//   the value right of the third level (or of the description right of it) when the block has
//   no value column.
void PlaceHeaders(std::vector<PlacedColumn>& cols) {
  std::sort(cols.begin(), cols.end(),
            [](const PlacedColumn& a, const PlacedColumn& b) { return a.column.x0 < b.column.x0; });
  std::vector<PlacedColumn*> levels;
  for (PlacedColumn& c : cols)
    if (!c.reading.levels.empty() || (c.placed && IsLevel(c.column.role))) levels.push_back(&c);
  if (levels.size() == 3) {
    const ListRole order[] = {ListRole::kLevel1, ListRole::kLevel2, ListRole::kLevel3};
    for (size_t i = 0; i < 3; ++i) levels[i]->column.role = order[i], levels[i]->placed = true;
  } else {
    int prev = 0;  // the level of the last level header, 1 to 3
    for (PlacedColumn* c : levels) {
      int level = 0;
      if (c->placed) {
        level = static_cast<int>(c->column.role) - static_cast<int>(ListRole::kLevel1) + 1;
        if (level <= prev) level = prev + 1;
      } else {
        for (ListRole r : c->reading.levels) {
          const int l = static_cast<int>(r) - static_cast<int>(ListRole::kLevel1) + 1;
          if (l > prev && (level == 0 || l < level)) level = l;
        }
      }
      if (level < 1 || level > 3) continue;
      c->column.role = static_cast<ListRole>(static_cast<int>(ListRole::kLevel1) + level - 1);
      c->placed = true;
      prev = level;
    }
  }
  auto find = [&cols](ListRole r) -> PlacedColumn* {
    for (PlacedColumn& c : cols)
      if (c.placed && c.column.role == r) return &c;
    return nullptr;
  };
  // The unread column beside `of` (to its left or right), or nullptr.
  auto unread_beside = [&cols](const PlacedColumn& of, bool left) -> PlacedColumn* {
    for (PlacedColumn& c : cols)
      if (!c.placed && c.reading.unread &&
          std::abs(left ? of.column.x0 - c.column.x1 : c.column.x0 - of.column.x1) < kAdjacentCells)
        return &c;
    return nullptr;
  };
  for (bool changed = true; changed;) {
    changed = false;
    auto place = [&changed](PlacedColumn* c, ListRole r) {
      if (!c) return;
      c->column.role = r;
      c->placed = changed = true;
    };
    if (!find(ListRole::kLevel2))
      if (PlacedColumn* l3 = find(ListRole::kLevel3))
        place(unread_beside(*l3, true), ListRole::kLevel2);
    if (!find(ListRole::kLevel1))
      if (PlacedColumn* l2 = find(ListRole::kLevel2))
        place(unread_beside(*l2, true), ListRole::kLevel1);
    if (!find(ListRole::kValue))
      if (PlacedColumn* l3 = find(ListRole::kLevel3)) {
        PlacedColumn* after = l3;
        if (PlacedColumn* d = find(ListRole::kDescription);
            d && std::abs(d->column.x0 - l3->column.x1) < kAdjacentCells)
          after = d;
        place(unread_beside(*after, false), ListRole::kValue);
      }
  }
}

// A project's goals cell prints sentences: at least this many Chinese characters (an indicator's
// level, name or value is shorter: 满意度指标, 服务对象满意度 have 5 to 7).
constexpr int kMinGoalIdeographs = 10;

// What the cells under an unread header print, in the rows from `from` on (`cells`: those
// that print something): money alone, or sentences (the goals), or neither.
enum class Content { kOther, kMoney, kSentences };

Content ColumnContent(const Table& t, const ListColumn& c, int from,
                      std::vector<const TableCell*>& cells) {
  int money = 0, sentences = 0, other = 0;
  for (int r = from; r < t.rows; ++r) {
    const TableCell* d = CellUnder(t, r, c.x0, c.x1);
    if (!d || Compact(d->text).empty() || std::find(cells.begin(), cells.end(), d) != cells.end())
      continue;
    cells.push_back(d);
    int ideographs = 0;
    for (char32_t ch : ToU32(d->text)) ideographs += IsIdeograph(ch) ? 1 : 0;
    if (ParseMoney(d->text, "").has_value())
      ++money;
    else if (ideographs >= kMinGoalIdeographs)
      ++sentences;
    else
      ++other;
  }
  if (money > 0 && sentences == 0 && other == 0) return Content::kMoney;
  // (other cells: a totals row's blank read as a speck, a seal's strokes over a goal)
  if (sentences > 0 && money == 0) return Content::kSentences;
  return Content::kOther;
}

// Headers OCR could not read left of the indicator block (a seal over 绩效目标 or 其他资金) by
// what their columns print: sentences are the goals when no header names them (one column: a
// neighbour cut from the same cells by the seal's ring is none), money the money column no
// header names, in the order the money columns print, 资金总额 | 财政资金 | 其他资金.
void PlaceByContent(const Table& t, int from, std::vector<PlacedColumn>& cols) {
  double block = 1e300;  // where the indicator block begins
  for (const PlacedColumn& c : cols)
    if (c.placed && IsIndicatorRole(c.column.role)) block = std::min(block, c.column.x0);
  auto has = [&cols](ListRole r) {
    return std::any_of(cols.begin(), cols.end(),
                       [r](const PlacedColumn& c) { return c.placed && c.column.role == r; });
  };
  const ListRole kMoneyOrder[] = {ListRole::kTotal, ListRole::kFiscal, ListRole::kOtherMoney};
  auto money_rank = [&](ListRole r) {
    for (int i = 0; i < 3; ++i)
      if (kMoneyOrder[i] == r) return i;
    return -1;
  };
  std::vector<const TableCell*> goal_cells;
  int last_money = -1;      // the rank of the money column left of the one looked at
  bool after_name = false;  // the name or a money column lies left (the goals print right of them)
  for (PlacedColumn& c : cols) {  // (left to right: PlaceHeaders sorted them)
    if (c.column.x1 > block + kAdjacentCells) break;
    if (c.placed) {
      last_money = std::max(last_money, money_rank(c.column.role));
      after_name |= c.column.role == ListRole::kName || money_rank(c.column.role) >= 0;
      continue;
    }
    if (!c.reading.unread) continue;
    std::vector<const TableCell*> cells;
    const Content what = ColumnContent(t, c.column, from, cells);
    if (what == Content::kSentences) {
      if (!goal_cells.empty() && std::all_of(cells.begin(), cells.end(), [&](const TableCell* d) {
            return std::find(goal_cells.begin(), goal_cells.end(), d) != goal_cells.end();
          })) {
        c.column.label.clear();  // the goals' cells again: no column
        continue;
      }
      if (has(ListRole::kGoals) || !after_name) continue;
      c.column.role = ListRole::kGoals;
      c.placed = true;
      goal_cells = cells;
    } else if (what == Content::kMoney) {
      // The first money column missing right of the last one printed, if no column right of
      // this one names it.
      for (int i = last_money + 1; i < 3; ++i) {
        if (has(kMoneyOrder[i])) break;
        c.column.role = kMoneyOrder[i];
        c.placed = true;
        last_money = i;
        break;
      }
    }
  }
}

// The header band starting at row `r`: every cell of the rows its labeled cells span, each a
// column when its label is known or when it is a leaf (no labeled cell below it in the band).
// On a scanned table, a header OCR misread may still name its column (ReadHeaderCell) and the
// places of the columns settle the rest (PlaceHeaders).
std::optional<Header> HeaderAt(const Table& t, int r) {
  std::vector<const TableCell*> row = CellsOfRow(t, r);
  // A label the grid cut in two (绩效 | 指标 over cells spanning both) is one column.
  std::vector<ListColumn> joined;
  std::set<const TableCell*> halves;
  for (size_t i = 0; i + 1 < row.size(); ++i) {
    const TableCell* a = row[i];
    const TableCell* b = row[i + 1];
    if (b->col != a->col + a->colspan || a->row != b->row || a->rowspan != b->rowspan) continue;
    const std::string la = LabelOf(a->text), lb = LabelOf(b->text);
    if (la.empty() || lb.empty() || RoleOf(la) || RoleOf(lb)) continue;
    if (auto role = RoleOf(la + lb)) {
      joined.push_back({*role, Trim(Nfkc(a->text)) + Trim(Nfkc(b->text)), a->box.x0, b->box.x1});
      halves.insert(a);
      halves.insert(b);
    }
  }
  const bool scanned = std::any_of(
      row.begin(), row.end(), [](const TableCell* c) { return c->source == WordSource::kOcr; });
  int known = static_cast<int>(joined.size()), bottom = r + 1;
  for (const TableCell* c : row)
    if (const HeaderReading h = ReadHeaderCell(*c); h.role || !h.levels.empty()) {
      ++known;
      // (a label spanning the block beside it, 绩效指标 left of 一级指标, is deeper than a header)
      if (c->rowspan <= kMaxHeaderRows) bottom = std::max(bottom, c->row + c->rowspan);
    }
  // On a scan, a header cell OCR could not read over a column of indicator terms is a level's
  // (HoldsLevelTerms) and counts as known.
  std::map<const TableCell*, HeaderReading> readings;
  if (scanned && known >= kMinHeadersRead)
    for (const TableCell* c : row) {
      HeaderReading h = ReadHeaderCell(*c);
      if (h.unread && c->rowspan <= kMaxHeaderRows && HoldsLevelTerms(t, *c, bottom)) {
        h.levels = {ListRole::kLevel1, ListRole::kLevel2};
        h.unread = false;
        ++known;
      }
      readings[c] = std::move(h);
    }
  if (known < kMinHeaders) return std::nullopt;
  // Cells of the band: those starting within [r, bottom) and ending by `bottom`.
  std::vector<const TableCell*> band;
  for (const TableCell& c : t.cells)
    if (c.row + c.rowspan > r && c.row < bottom && c.row + c.rowspan <= bottom) band.push_back(&c);
  Header h;
  h.first_row = r;
  h.first_data_row = bottom;
  std::vector<PlacedColumn> placed;
  for (const ListColumn& c : joined) placed.push_back({c, {c.role, {}, false}, true});
  for (const TableCell* c : band) {
    if (halves.count(c)) continue;
    const std::string label = LabelOf(c->text);
    HeaderReading reading = readings.count(c) ? readings[c] : ReadHeaderCell(*c);
    // (a blank cell is no column, unless OCR lost its header: then its place may tell)
    if (label.empty() && !reading.unread) continue;
    if (!reading.role && reading.levels.empty()) {
      // A cell over others of the band ("其中:" over 财政资金 | 其他资金, 三级指标 over 指标名称 |
      // 指标值 on a header of two rows) is no column: those below it are.
      const bool over = std::any_of(band.begin(), band.end(), [c](const TableCell* d) {
        return d != c && d->row >= c->row + c->rowspan && d->box.x0 >= c->box.x0 - 1 &&
               d->box.x1 <= c->box.x1 + 1 && !LabelOf(d->text).empty();
      });
      if (over) continue;
    }
    const bool read = reading.role.has_value();
    const ListRole role = reading.role.value_or(ListRole::kAttribute);
    placed.push_back({{role, Trim(Nfkc(c->text)), c->box.x0, c->box.x1}, std::move(reading), read});
  }
  if (scanned) {
    PlaceHeaders(placed);
    PlaceByContent(t, bottom, placed);
  }
  for (const PlacedColumn& c : placed) {
    // An unread or unsure header its place did not settle is an attribute when it prints
    // something, and no column when blank.
    if (!c.placed && c.column.label.empty()) continue;
    h.columns.push_back(c.column);
    if (!c.placed) h.columns.back().role = ListRole::kAttribute;
  }
  // A spanning label beside the block (绩效指标 left of 一级指标 …) is no whole-indicator column
  // when the levels have columns of their own.
  if (Has(h.columns, ListRole::kLevel2) || Has(h.columns, ListRole::kLevel3))
    h.columns.erase(std::remove_if(h.columns.begin(), h.columns.end(),
                                   [](const ListColumn& c) { return c.role == ListRole::kWhole; }),
                    h.columns.end());
  // Without a 三级指标 column, a description header (指标内容) names the third level.
  if (!Has(h.columns, ListRole::kLevel3) && !Has(h.columns, ListRole::kWhole))
    for (ListColumn& c : h.columns)
      if (c.role == ListRole::kDescription) {
        c.role = ListRole::kLevel3;
        break;
      }
  if (!NamesIndicators(h.columns) &&
      !(Has(h.columns, ListRole::kName) && Has(h.columns, ListRole::kWhole)))
    return std::nullopt;
  h.has_name = Has(h.columns, ListRole::kName);
  std::sort(h.columns.begin(), h.columns.end(),
            [](const ListColumn& a, const ListColumn& b) { return a.x0 < b.x0; });
  return h;
}

std::optional<Header> FindHeader(const Table& t, int rows = kHeaderSearchRows) {
  for (int r = 0; r < std::min(t.rows, rows); ++r)
    if (auto h = HeaderAt(t, r)) return h;
  return std::nullopt;
}

// On a scan, a page's table lies up to this far (points) left or right of where the previous
// page printed it: the scanner's shift (up to 12 pixels at 200 dpi, 4.3 points) and the skew
// left after deskewing, on both pages.
constexpr double kMaxPageShift = 12.0;

// How far (points) `t`'s rules lie right of the columns `cols` of the previous page's table:
// the shift that puts most of the columns' edges on rules (the least shift of those that do), 0
// when none does better than none.
double PageShift(const Table& t, const std::vector<ListColumn>& cols) {
  auto edges_on_rules = [&](double dx) {
    int n = 0;
    for (const ListColumn& c : cols)
      for (double x : {c.x0 + dx, c.x1 + dx})
        n += std::any_of(t.col_lines.begin(), t.col_lines.end(),
                         [x](double rule) { return std::abs(rule - x) < kEdgeTolerance; });
    return n;
  };
  double best = 0;
  int best_n = edges_on_rules(0);
  for (double rule : t.col_lines)
    for (const ListColumn& c : cols)
      for (double edge : {c.x0, c.x1}) {
        const double dx = rule - edge;
        if (std::abs(dx) > kMaxPageShift) continue;
        const int n = edges_on_rules(dx);
        if (n > best_n || (n == best_n && std::abs(dx) < std::abs(best))) best = dx, best_n = n;
      }
  return best;
}

// The share of `t`'s rules that lie on edges of the columns `cols` of the previous page's table
// (shifted by PageShift), 0 without rules.
double RulesOnEdges(const Table& t, const std::vector<ListColumn>& cols) {
  if (t.col_lines.empty() || cols.empty()) return 0;
  const double dx = PageShift(t, cols);
  const auto on_edge = [&](double x) {
    return std::any_of(cols.begin(), cols.end(), [&](const ListColumn& c) {
      return std::abs(c.x0 + dx - x) < kEdgeTolerance || std::abs(c.x1 + dx - x) < kEdgeTolerance;
    });
  };
  return static_cast<double>(std::count_if(t.col_lines.begin(), t.col_lines.end(), on_edge)) /
         static_cast<double>(t.col_lines.size());
}

// A scanned table that does not line up with the family's columns is still a piece of it when
// at least this share of its rules lie on the columns' edges (a lost rule cut the page's grid in
// two: each piece keeps the edges of its side).
constexpr double kPieceRulesOnEdges = 0.5;

// The previous table's columns when this table's rules line up with them. On a scan they may
// line up shifted (PageShift), and the columns read are then the shifted ones; a scan's missing
// rules may leave only some of the columns ruled, also when the table is the packed indicators'
// (绩效指标) alone.
std::optional<Header> AlignedWith(const Table& t, std::vector<ListColumn> cols) {
  if (cols.empty() || t.col_lines.empty()) return std::nullopt;
  const bool scanned = Scanned(t);
  // A digital page prints its table where the page before did: its shift is 0.
  const double dx = PageShift(t, cols);
  for (ListColumn& c : cols) c.x0 += dx, c.x1 += dx;
  auto near_rule = [&](double x) {
    return std::any_of(t.col_lines.begin(), t.col_lines.end(),
                       [x](double c) { return std::abs(c - x) < kEdgeTolerance; });
  };
  int n = 0;
  std::vector<ListColumn> ruled;  // the columns whose both edges are rules of this table
  for (const ListColumn& c : cols)
    if (near_rule(c.x0) && near_rule(c.x1)) ++n, ruled.push_back(c);
  if (n < kAlignedShare * static_cast<double>(cols.size())) {
    // The indicator block alone: a project whose cells fill the page leaves its columns open
    // (no rule closes them above or below), so the grid holds only the block's columns. Every
    // rule of this table is then an edge of the previous columns, and those it rules name the
    // indicators.
    const bool on_edges = std::all_of(t.col_lines.begin(), t.col_lines.end(), [&](double x) {
      return std::any_of(cols.begin(), cols.end(), [x](const ListColumn& c) {
        return std::abs(c.x0 - x) < kEdgeTolerance || std::abs(c.x1 - x) < kEdgeTolerance;
      });
    });
    const bool names = NamesIndicators(ruled) || (scanned && Has(ruled, ListRole::kWhole));
    if (!on_edges || !names) return std::nullopt;
  }
  Header h;
  h.columns = cols;
  h.has_name = Has(cols, ListRole::kName);
  return h;
}

// The parts of line `l` over each of the x-ranges `spans` (points, left to right): the line cut
// at its spaces, each part going to the range where its middle lies, its place along the line
// estimated from the widths of its characters (a Latin one half a CJK one). A part between the
// ranges goes to none, or with `nearest` to the nearest. "" for a range given no part.
std::vector<std::string> LinePartsOver(const TextLine& l,
                                       const std::vector<std::pair<double, double>>& spans,
                                       bool nearest) {
  const std::u32string u = ToU32(l.text);
  auto width = [](char32_t ch) { return ch < 0x80 ? 0.5 : 1.0; };
  double total = 0;
  for (char32_t ch : u) total += width(ch);
  double at = 0;  // the width of the line before the part
  std::vector<std::string> parts(spans.size());
  for (size_t i = 0; i < u.size();) {
    size_t j = i;
    double w = 0;
    while (j < u.size() && u[j] != U' ') w += width(u[j++]);
    const double x = l.box.x0 + (at + w / 2) / total * l.box.width();
    const std::string part = ToUtf8(u.substr(i, j - i));
    bool placed = false;
    for (size_t k = 0; k < spans.size(); ++k)
      if (x >= spans[k].first && x <= spans[k].second) {
        parts[k] += (parts[k].empty() ? "" : " ") + part;
        placed = true;
      }
    if (!placed && nearest && !part.empty() && !spans.empty()) {
      size_t to = 0;
      double least = -1;
      for (size_t k = 0; k < spans.size(); ++k) {
        const double d = x < spans[k].first ? spans[k].first - x : x - spans[k].second;
        if (least < 0 || d < least) to = k, least = d;
      }
      parts[to] += (parts[to].empty() ? "" : " ") + part;
    }
    at += w + (j < u.size() ? width(U' ') : 0);
    i = j + 1;
  }
  return parts;
}

// `t` with a cell for each of the columns `cols` that lie outside it, spanning its rows and
// holding the page's lines in it: a list continued by its indicator block alone (AlignedWith)
// leaves the project's columns open, and the rest of a cell the page cut may print there
// ("计调查经费" of "T000085012536-统计调查经费").
// A line across several open columns ("0.00 提高资金使用效益…": other money and goals) is cut at
// its spaces, each part going to the column where it lies (LinePartsOver).
// With `cuts` (row lines of `t`, points), the open columns are cut there into one cell per band:
// the rules a table beside gave to the project's cells (JoinBeside).
Table WithOpenColumns(const Table& t, const std::vector<ListColumn>& cols,
                      const std::vector<TextLine>& lines, const std::vector<double>& cuts = {}) {
  Table out = t;
  std::vector<double> bands = {t.box.y0};
  for (double y : cuts)
    if (y > bands.back() + kEdgeTolerance && y < t.box.y1 - kEdgeTolerance) bands.push_back(y);
  bands.push_back(t.box.y1);
  auto row_at = [&t](double y) {  // the row line nearest y
    int best = 0;
    for (int i = 0; i < static_cast<int>(t.row_lines.size()); ++i)
      if (std::abs(t.row_lines[i] - y) < std::abs(t.row_lines[best] - y)) best = i;
    return best;
  };
  std::vector<TableCell> open;
  std::vector<std::pair<double, double>> spans;
  for (const ListColumn& col : cols) {
    // (a column no cell of the table lies over)
    const bool covered = std::any_of(t.cells.begin(), t.cells.end(), [&col](const TableCell& c) {
      return std::min(c.box.x1, col.x1) - std::max(c.box.x0, col.x0) > kEdgeTolerance;
    });
    if (covered) continue;
    for (size_t b = 0; b + 1 < bands.size(); ++b) {
      TableCell c;
      c.row = cuts.empty() ? 0 : row_at(bands[b]);
      c.rowspan = cuts.empty() ? t.rows : std::max(1, row_at(bands[b + 1]) - c.row);
      c.colspan = 0;  // (no column of the grid)
      c.box = {col.x0, bands[b], col.x1, bands[b + 1]};
      open.push_back(std::move(c));
      spans.push_back({col.x0, col.x1});
    }
  }
  std::vector<std::vector<std::string>> texts(open.size());
  for (const TextLine& l : lines) {
    if (l.box.cy() < t.box.y0 || l.box.cy() > t.box.y1) continue;
    const std::vector<std::string> parts = LinePartsOver(l, spans, false);
    for (size_t k = 0; k < open.size(); ++k)
      if (!parts[k].empty() && l.box.cy() >= open[k].box.y0 && l.box.cy() <= open[k].box.y1)
        texts[k].push_back(parts[k]);
  }
  for (size_t k = 0; k < open.size(); ++k) {
    open[k].text = JoinWrapped(texts[k]);
    out.cells.push_back(std::move(open[k]));
  }
  return out;
}

// Two tables of a scanned page lie side by side when their heights overlap by at least this
// share of the lower one's: a list's project columns and its indicator block, parted by rules the
// scan lost between them (a photocopy's faint vertical rule, a missing stretch of the top rule).
constexpr double kBesideOverlap = 0.8;

// The row line of `lines` within kEdgeTolerance of y, or -1.
int LineNear(const std::vector<double>& lines, double y) {
  for (int i = 0; i < static_cast<int>(lines.size()); ++i)
    if (std::abs(lines[i] - y) < kEdgeTolerance) return i;
  return -1;
}

// `a` and `b` (side by side, JoinBeside) as one table: the union of their rules, each cell where
// its edges lie. A cell of one that a row line of the other crosses (a rule the scan lost, as
// between two projects' rows) is cut there, each of its lines going to the part where it lies.
// The row lines of `b` that `a` lacks go to `cuts`.
Table JoinTables(const Table& a, const Table& b, std::vector<double>& cuts) {
  Table out;
  out.page = a.page;
  out.box = a.box;
  out.box.Extend(b.box);
  auto merged = [](const std::vector<double>& x, const std::vector<double>& y) {
    std::vector<double> all = x;
    for (double v : y)
      if (LineNear(x, v) < 0) all.push_back(v);
    std::sort(all.begin(), all.end());
    return all;
  };
  out.row_lines = merged(a.row_lines, b.row_lines);
  out.col_lines = merged(a.col_lines, b.col_lines);
  out.rows = static_cast<int>(out.row_lines.size()) - 1;
  out.cols = static_cast<int>(out.col_lines.size()) - 1;
  for (double y : b.row_lines)
    if (LineNear(a.row_lines, y) < 0) cuts.push_back(y);
  auto nearest = [](const std::vector<double>& lines, double v) {
    int best = 0;
    for (int i = 0; i < static_cast<int>(lines.size()); ++i)
      if (std::abs(lines[i] - v) < std::abs(lines[best] - v)) best = i;
    return best;
  };
  for (const Table* from : {&a, &b}) {
    const Table& other = from == &a ? b : a;
    for (const TableCell& c : from->cells) {
      std::vector<double> edges = {c.box.y0};
      for (double y : other.row_lines)
        if (y > c.box.y0 + kEdgeTolerance && y < c.box.y1 - kEdgeTolerance &&
            LineNear(from->row_lines, y) < 0)
          edges.push_back(y);
      edges.push_back(c.box.y1);
      for (size_t k = 0; k + 1 < edges.size(); ++k) {
        TableCell part = c;
        part.box.y0 = edges[k];
        part.box.y1 = edges[k + 1];
        if (edges.size() > 2) {
          part.lines.clear();
          std::vector<std::string> texts;
          for (const TextLine& l : c.lines)
            if (l.box.cy() >= part.box.y0 && l.box.cy() < part.box.y1)
              part.lines.push_back(l), texts.push_back(l.text);
          part.text = JoinWrapped(texts);
        }
        part.row = nearest(out.row_lines, part.box.y0);
        part.rowspan = std::max(1, nearest(out.row_lines, part.box.y1) - part.row);
        part.col = nearest(out.col_lines, part.box.x0);
        part.colspan = std::max(1, nearest(out.col_lines, part.box.x1) - part.col);
        out.cells.push_back(std::move(part));
      }
    }
  }
  std::sort(out.cells.begin(), out.cells.end(), [](const TableCell& x, const TableCell& y) {
    return std::tie(x.row, x.col) < std::tie(y.row, y.col);
  });
  return out;
}

// The scanned table of `page` side by side with table `ti` (kBesideOverlap, neither over the
// other), or the page's table count when none or several are.
size_t TableBeside(const PageContent& page, size_t ti) {
  const Table& t = page.tables[ti];
  size_t found = page.tables.size();
  for (size_t ui = 0; ui < page.tables.size(); ++ui) {
    const Table& u = page.tables[ui];
    if (ui == ti || !Scanned(u)) continue;
    const double overlap = std::min(t.box.y1, u.box.y1) - std::max(t.box.y0, u.box.y0);
    const double apart = std::max(t.box.x0, u.box.x0) - std::min(t.box.x1, u.box.x1);
    if (apart < -kEdgeTolerance ||
        overlap < kBesideOverlap * std::min(t.box.height(), u.box.height()))
      continue;
    if (found != page.tables.size()) return page.tables.size();  // several
    found = ui;
  }
  return found;
}

// A cell of a scanned table is cut along the columns `cols` when it covers at least this share
// of each of two of them or more: the rule between them was lost (broken or faint).
constexpr double kSpannedShare = 0.6;

// `t` with each cell of rows `from` on that spans several of the columns `cols` (a rule the scan
// lost) cut into one cell per column, at the middles between the columns' edges; each line of
// the cell is cut as LinePartsOver does ("110000 4,851.820000": the code's first line and the
// total beside it), a part going to the nearest column.
Table CutAlongColumns(const Table& t, const std::vector<ListColumn>& cols, int from) {
  Table out = t;
  out.cells.clear();
  for (const TableCell& c : t.cells) {
    std::vector<const ListColumn*> spanned;
    for (const ListColumn& col : cols)
      if (std::min(c.box.x1, col.x1) - std::max(c.box.x0, col.x0) >=
          kSpannedShare * (col.x1 - col.x0))
        spanned.push_back(&col);
    if (c.row < from || spanned.size() < 2) {
      out.cells.push_back(c);
      continue;
    }
    std::sort(spanned.begin(), spanned.end(),
              [](const ListColumn* a, const ListColumn* b) { return a->x0 < b->x0; });
    std::vector<std::pair<double, double>> spans;
    for (size_t k = 0; k < spanned.size(); ++k)
      spans.push_back(
          {k == 0 ? c.box.x0 : (spanned[k - 1]->x1 + spanned[k]->x0) / 2,
           k + 1 == spanned.size() ? c.box.x1 : (spanned[k]->x1 + spanned[k + 1]->x0) / 2});
    std::vector<TableCell> cut(spanned.size(), c);
    std::vector<std::vector<std::string>> texts(spanned.size());
    for (size_t k = 0; k < cut.size(); ++k) {
      cut[k].box.x0 = spans[k].first;
      cut[k].box.x1 = spans[k].second;
      cut[k].lines.clear();
    }
    for (const TextLine& l : c.lines) {
      const std::vector<std::string> parts = LinePartsOver(l, spans, true);
      for (size_t k = 0; k < cut.size(); ++k) {
        if (parts[k].empty()) continue;
        TextLine part = l;
        part.SetText(parts[k]);
        part.box.x0 = std::max(l.box.x0, spans[k].first);
        part.box.x1 = std::min(l.box.x1, spans[k].second);
        cut[k].lines.push_back(std::move(part));
        texts[k].push_back(parts[k]);
      }
    }
    for (size_t k = 0; k < cut.size(); ++k) {
      cut[k].text = JoinWrapped(texts[k]);
      out.cells.push_back(std::move(cut[k]));
    }
  }
  return out;
}

const TableCell* CellUnder(const Table& t, int r, const ListColumn& col) {
  return CellUnder(t, r, col.x0, col.x1);
}

bool RowRepeatsHeader(const Table& t, int r, const std::vector<ListColumn>& cols) {
  int hits = 0;
  for (const ListColumn& col : cols) {
    const TableCell* c = CellUnder(t, r, col);
    if (c && !c->text.empty() && RoleOf(LabelOf(c->text)) == col.role) ++hits;
  }
  return hits >= 3;
}

void AddPage(Project& p, int page) {
  if (std::find(p.pages.begin(), p.pages.end(), page) == p.pages.end()) p.pages.push_back(page);
}

// "产出指标数量指标参保人参保意愿调查样本" → 产出指标, 数量指标, the rest: the longest indicator
// terms (vocabulary/) the text starts with.
void SplitLevels(const std::string& whole, Indicator& ind) {
  std::string rest = Trim(Nfkc(whole));
  auto take_term = [&rest]() -> std::string {
    std::string best;
    const std::string compact = Compact(rest);
    for (const std::string& term : IndicatorTerms())
      if (StartsWith(compact, term) && term.size() > best.size()) best = term;
    if (best.empty()) return "";
    // Drop the term's characters from `rest`, white space between them skipped.
    const std::u32string u = ToU32(rest), b = ToU32(best);
    size_t i = 0, k = 0;
    while (i < u.size() && k < b.size()) {
      if (IsSpace(u[i])) {
        ++i;
        continue;
      }
      ++i, ++k;
    }
    rest = Trim(ToUtf8(u.substr(i)));
    return best;
  };
  ind.level1 = take_term();
  if (!ind.level1.empty()) ind.level2 = take_term();
  ind.level3 = rest;
}

// A level cell read by OCR may print its term among this many stray glyphs at most (a speck
// read as 全, a seal's strokes read as 妈公 一) and still be that term (records.level_noise).
constexpr size_t kMaxLevelNoise = 3;

// The one indicator term (vocabulary IndicatorTerms, the longest there) an OCR'd level cell
// prints among at most kMaxLevelNoise other characters, when the cell is not a term itself;
// "" when none, or when two terms apart are printed.
std::string TermAmongNoise(const std::string& text) {
  const std::string compact = Compact(text);
  if (IsIndicatorTerm(compact)) return "";
  const std::vector<std::string>& terms = IndicatorTerms();
  std::string best;
  size_t at = std::string::npos;
  for (const std::string& term : terms) {
    const size_t i = compact.find(term);
    if (i == std::string::npos) continue;
    const bool inside = at != std::string::npos && i >= at && i + term.size() <= at + best.size();
    const bool around = at != std::string::npos && at >= i && at + best.size() <= i + term.size();
    if (at != std::string::npos && !inside && !around) return "";  // two terms apart
    if (term.size() > best.size()) best = term, at = i;
  }
  if (best.empty() || ToU32(compact).size() - ToU32(best).size() > kMaxLevelNoise) return "";
  return best;
}

class RowReader {
 public:
  RowReader(const Table& t, const std::vector<ListColumn>& cols, Project& p,
            const FixSwitches& fixes = {})
      : t_(t), cols_(cols), p_(p), fixes_(fixes), has_name_(Has(cols, ListRole::kName)) {
    for (const ListColumn& c : cols_)
      if (IsIndicatorRole(c.role) && (first_indicator_x_ < 0 || c.x0 < first_indicator_x_))
        first_indicator_x_ = c.x0;
  }

  // The indicator rows of rows [from, to).
  void Read(int from, int to) {
    std::vector<const TableCell*> prev;
    for (int r = from; r < to; ++r) {
      if (RowRepeatsHeader(t_, r, cols_)) continue;
      std::vector<const TableCell*> row;
      for (const ListColumn& c : cols_)
        row.push_back(IsIndicatorRole(c.role) || IsIndicatorAttribute(c) ? CellUnder(t_, r, c)
                                                                         : nullptr);
      // A grid row that only splits a neighbouring column's cell is the same logical row.
      bool same = !prev.empty();
      for (size_t i = 0; same && i < row.size(); ++i) {
        if (cols_[i].role == ListRole::kLevel1 || cols_[i].role == ListRole::kLevel2) continue;
        if (row[i] != prev[i]) same = false;
      }
      if (same) continue;
      prev = row;
      const size_t before = p_.indicators.size();
      ReadRow(row);
      NotePacked(row, before);
    }
  }

  // A packed cell read in a row and the indicators it gave: p_.indicators[first, first + count).
  struct PackedRead {
    FamilyState::PackedCell cell;
    size_t first = 0;
  };
  // The packed cell of the first row read that gave indicators (text "" when that row printed
  // none), and of the last such row.
  const PackedRead& first_packed() const { return first_packed_; }
  const PackedRead& last_packed() const { return last_packed_; }

  bool IsIndicatorAttribute(const ListColumn& c) const {
    // A list's columns left of the block are its projects'; a department table's are its rows'
    // (活动: the activity each indicator serves).
    return c.role == ListRole::kAttribute && first_indicator_x_ >= 0 &&
           (!has_name_ || c.x0 >= first_indicator_x_ - 1);
  }

 private:
  void ReadRow(const std::vector<const TableCell*>& row) {
    Indicator ind;
    std::string op, value, unit, whole;
    std::vector<std::string> value_fixes;  // the fixes that changed the value's parts
    std::map<std::string, const TableCell*> where;
    for (size_t i = 0; i < row.size(); ++i) {
      if (!row[i]) continue;
      const std::string& text = row[i]->text;
      switch (cols_[i].role) {
        case ListRole::kLevel1:
          ind.level1 = text, where["level1"] = row[i];
          break;
        case ListRole::kLevel2:
          ind.level2 = text, where["level2"] = row[i];
          break;
        case ListRole::kLevel3:
          ind.level3 = text, where["level3"] = row[i];
          break;
        case ListRole::kDescription:
          ind.description = text, where["description"] = row[i];
          break;
        case ListRole::kValue:
          value = text, where["value"] = row[i];
          break;
        case ListRole::kBasis:
          ind.basis = text, where["basis"] = row[i];
          break;
        case ListRole::kOperator:
          op = text;
          ind.attributes.push_back({cols_[i].label, text});
          break;
        case ListRole::kUnit:
          unit = text;
          // records.unit_glyph
          if (row[i]->source == WordSource::kOcr && fixes_.Enabled("records.unit_glyph"))
            if (std::optional<std::string> u = UnitMisread(Compact(text))) {
              unit = *u;
              value_fixes.push_back("records.unit_glyph");
            }
          ind.attributes.push_back({cols_[i].label, unit});
          break;
        case ListRole::kWhole:
          whole = text, where["level3"] = row[i];
          break;
        case ListRole::kAttribute:
          ind.attributes.push_back({cols_[i].label, text});
          break;
        default:
          break;
      }
    }
    if (!whole.empty()) {
      const ListMending mending{
          where.count("level3") && where.at("level3")->source == WordSource::kOcr, fixes_};
      std::vector<std::vector<std::string>> row_fixes;
      std::vector<Indicator> packed = SplitPackedIndicators(whole, mending, &row_fixes);
      if (!packed.empty()) {
        for (size_t k = 0; k < packed.size(); ++k) {
          const std::string key = "indicators[" + std::to_string(p_.indicators.size()) + "].";
          Push(std::move(packed[k]), where);
          if (k >= row_fixes.size() || row_fixes[k].empty()) continue;
          // (the fixes of the packed cell that changed this row, on each of its fields)
          for (const auto& [field, cell] : where) {
            Source& s = p_.provenance[key + field];
            s.corrected = true;
            NoteFixes(s.fixes, row_fixes[k]);
          }
        }
        return;
      }
      if (ind.level3.empty()) SplitLevels(whole, ind);
    }
    ind.value = JoinValue(op, value, unit);
    if (ind.level3.empty() && ind.value.empty() && ind.description.empty()) return;
    // (a row of this table printing its own 一级, other than the last row's)
    const bool opens_group =
        !ind.level1.empty() && (p_.indicators.empty() || p_.indicators.back().level1 != ind.level1);
    if (!p_.indicators.empty()) {
      if (ind.level1.empty()) ind.level1 = p_.indicators.back().level1;
      if (ind.level2.empty() && !opens_group) ind.level2 = p_.indicators.back().level2;
    }
    TakeLevel2Below(ind, opens_group);
    Push(std::move(ind), where, value_fixes);
  }

  // A 二级 cell printed in the middle of rows its column does not rule apart leaves the grid's
  // cells above it empty: the rows that open a 一级 group without a 二级 (and those after them
  // still without) take the first one printed below them in the group.
  void TakeLevel2Below(const Indicator& ind, bool opens_group) {
    if (!awaiting_level2_.empty() && p_.indicators[awaiting_level2_.front()].level1 != ind.level1)
      awaiting_level2_.clear();
    if (ind.level2.empty()) {
      if (opens_group || !awaiting_level2_.empty())
        awaiting_level2_.push_back(p_.indicators.size());
      return;
    }
    for (size_t i : awaiting_level2_) p_.indicators[i].level2 = ind.level2;
    awaiting_level2_.clear();
  }

  // Notes the packed cell of a row read (the indicators from `before` on are the row's).
  void NotePacked(const std::vector<const TableCell*>& row, size_t before) {
    if (p_.indicators.size() == before) return;
    PackedRead read;
    read.first = before;
    for (size_t i = 0; i < row.size(); ++i)
      if (cols_[i].role == ListRole::kWhole && row[i] && !row[i]->text.empty())
        read.cell = {row[i]->text, row[i]->source == WordSource::kOcr,
                     p_.indicators.size() - before};
    if (!read_any_) first_packed_ = read;
    read_any_ = true;
    last_packed_ = read;
  }

  void Push(Indicator ind, const std::map<std::string, const TableCell*>& where,
            const std::vector<std::string>& value_fixes = {}) {
    ind.value_normalized = Normalize(ind.value);
    const std::string key = "indicators[" + std::to_string(p_.indicators.size()) + "]";
    for (const auto& [field, cell] : where) p_.provenance[key + "." + field] = SourceOf(t_, *cell);
    if (!value_fixes.empty() && where.count("value")) {
      Source& s = p_.provenance[key + ".value"];
      s.corrected = true;
      NoteFixes(s.fixes, value_fixes);
    }
    // records.level_noise
    using Level = std::pair<const char*, std::string Indicator::*>;
    for (const auto& [field, member] :
         {Level{"level1", &Indicator::level1}, Level{"level2", &Indicator::level2}}) {
      const auto it = where.find(field);
      if (it == where.end() || it->second->source != WordSource::kOcr ||
          !fixes_.Enabled("records.level_noise"))
        continue;
      const std::string term = TermAmongNoise(ind.*member);
      if (term.empty()) continue;
      ind.*member = term;
      Source& s = p_.provenance[key + "." + field];
      s.corrected = true;
      NoteFix(s.fixes, "records.level_noise");
    }
    p_.indicators.push_back(std::move(ind));
    AddPage(p_, t_.page);
  }

  const Table& t_;
  const std::vector<ListColumn>& cols_;
  Project& p_;
  FixSwitches fixes_;
  bool has_name_ = false;
  double first_indicator_x_ = -1;
  std::vector<size_t> awaiting_level2_;  // rows of p_.indicators opening a 一级 group without 二级
  bool read_any_ = false;                // a row gave indicators
  PackedRead first_packed_, last_packed_;
};

// The money unit and title stated by the lines above a table.
void ReadHeading(const std::vector<const TextLine*>& above, FamilyState& state) {
  for (auto it = above.rbegin(); it != above.rend(); ++it) {
    const std::string compact = Compact((*it)->text);
    const size_t at = compact.find("单位:");
    if (at != std::string::npos && state.money_unit.empty())
      state.money_unit = MoneyUnitAt(compact.substr(at + std::string("单位:").size()));
    if (IsProjectTitle(compact) && state.title.empty()) state.title = Trim(Nfkc((*it)->text));
    if (state.unit_name.empty()) state.unit_name = LabeledOrganization((*it)->text);
  }
}

// One group of rows of a list: the rows its name cell spans.
struct Group {
  const TableCell* name = nullptr;
  int from = 0, to = 0;
};

// Whether two records of a list are one project cut by a page break.
// `b` is the first group of the next page: it goes on with `a` when either has no name, when
// both name the same project, or when `b` has neither code nor money (the tail of a name the
// page break cut: "项目" of "…办公设备购置类项目").
bool SameProject(const Project& a, const Project& b) {
  if (a.project_name.empty() || b.project_name.empty()) return true;
  if (b.project_code.empty() && !b.budget.total && !b.budget.fiscal && !b.budget.other) return true;
  return a.project_code == b.project_code && a.project_name == b.project_name;
}

// The record of one group (its money, goals and name; indicators read by `RowReader`).
// The text of each goals cell goes to `goal_texts` (a goal the page cut goes on in the next
// table: ContinueGoals).
Project GroupRecord(const Table& t, const std::vector<ListColumn>& cols, const Group& g,
                    const FamilyState& state, const RowReader& reader,
                    std::vector<std::string>& goal_texts) {
  Project p;
  p.title = state.title;
  p.money_unit = state.money_unit;
  p.unit_name = state.unit_name;
  p.pages.push_back(t.page);
  if (g.name && !g.name->text.empty()) {
    auto [code, name] = SplitCodeName(g.name->text);
    p.project_code = code;
    p.project_name = name;
    p.provenance["project_name"] = SourceOf(t, *g.name);
    if (!code.empty()) p.provenance["project_code"] = SourceOf(t, *g.name);
  }
  for (const ListColumn& col : cols) {
    if (IsIndicatorRole(col.role) || reader.IsIndicatorAttribute(col) ||
        col.role == ListRole::kName)
      continue;
    // The distinct cells of the column within the group (a project may print several lines).
    std::vector<const TableCell*> cells;
    for (int r = g.from; r < g.to; ++r)
      if (const TableCell* c = CellUnder(t, r, col);
          c && std::find(cells.begin(), cells.end(), c) == cells.end())
        cells.push_back(c);
    std::optional<double>* money = col.role == ListRole::kTotal        ? &p.budget.total
                                   : col.role == ListRole::kFiscal     ? &p.budget.fiscal
                                   : col.role == ListRole::kOtherMoney ? &p.budget.other
                                                                       : nullptr;
    for (const TableCell* c : cells) {
      if (c->text.empty()) continue;
      if (money) {
        if (auto v = ParseMoney(c->text, p.money_unit)) *money = money->value_or(0) + *v;
        static const char* names[] = {"budget.total", "budget.fiscal", "budget.other"};
        p.provenance[names[col.role == ListRole::kTotal    ? 0
                           : col.role == ListRole::kFiscal ? 1
                                                           : 2]] = SourceOf(t, *c);
      } else if (col.role == ListRole::kGoals) {
        p.provenance["goals"] = SourceOf(t, *c);
        const ListMending mending{c->source == WordSource::kOcr, state.fixes};
        for (std::string& goal : SplitNumbered(c->text, mending, &p.provenance["goals"].fixes))
          p.goals.push_back(std::move(goal));
        goal_texts.push_back(c->text);
      } else if (IsLabel(Label::kMoneyPart, Compact(col.label))) {
        // (its unit, 财政专户拨款（万元）, is the record's money unit)
        p.attributes.push_back({std::string(WithoutMoneyUnit(col.label)), c->text});
      } else {
        p.attributes.push_back({col.label, c->text});
      }
    }
  }
  return p;
}

// A cut text repeated on the next page is this many code points at least (its last line
// printed again: "项目" of "…办公设备购置类项目").
constexpr size_t kMinRepeat = 2;

// Text `a` that a page break cut, and `b`, its rest on the next page, as one. Some PDFs print
// the cut cell whole on both pages, clipped to each (the part below the rule read with `a`:
// Assemble): `b` then starts with the end of `a`, which counts once.
std::string JoinCut(const std::string& a, const std::string& b) {
  const std::u32string ua = ToU32(Compact(a)), ub = ToU32(Compact(b));
  for (size_t k = std::min(ua.size(), ub.size()); k >= kMinRepeat; --k)
    if (ua.compare(ua.size() - k, k, ub, 0, k) == 0) {
      // (drop the repeated code points of b, its white space skipped)
      const std::u32string u = ToU32(b);
      size_t i = 0, n = 0;
      while (i < u.size() && n < k) n += !IsSpace(u[i++]);
      return JoinWrapped({a, Trim(ToUtf8(u.substr(i)))});
    }
  return JoinWrapped({a, b});
}

// Whether a text ends a sentence (。；): the next cell starts the next goal, not the rest of it.
bool EndsSentence(const std::string& text) {
  const std::u32string u = ToU32(Trim(text));
  return !u.empty() && (u.back() == U'。' || u.back() == U'；' || u.back() == U';' ||
                        u.back() == U'！' || u.back() == U'？');
}

// The goals of `a` go on with the goals cells `next` of its next piece, the page break having cut
// its last goals cell, of text `last` (state.goals_text): the cut text and the next piece's
// first cell read as one (JoinCut: "…为决策提供科学依据和有" + "力支撑 2、按期完成…" is goal 1
// whole and goal 2) unless the cut text ended a sentence and no numbering goes on; a cell
// printed again on the next page counts once. Returns the text of a's last goals cell now.
// An OCR'd list is split with the list mending its cells were read with (`mending`: the
// records.item_sequence and list_full_stop fixes, GroupRecord), so that the goals of `last` are
// found among a's and the joined text goes by its numbers' sequence; the fixes that changed the
// goals are added to `fixes`.
std::string ContinueGoals(Project& a, const std::string& last, const std::vector<std::string>& next,
                          const ListMending& mending, std::vector<std::string>* fixes) {
  if (next.empty()) return last;
  size_t k = 0;
  std::string tail = last;
  if (!last.empty()) {
    const std::vector<std::string> cut = SplitNumbered(last, mending, nullptr);
    // (the goals of `last` are the last ones of a)
    if (cut.size() <= a.goals.size() &&
        std::equal(cut.begin(), cut.end(), a.goals.end() - static_cast<long>(cut.size()))) {
      const std::string joined = JoinCut(last, next[0]);
      if (Compact(joined) == Compact(last)) {
        k = 1;  // printed again
      } else if (std::vector<std::string> goals = SplitNumbered(joined, mending, fixes);
                 !EndsSentence(last) || joined.size() < last.size() + next[0].size() ||
                 goals.size() > cut.size()) {  // (cut, repeated, or its numbering goes on)
        a.goals.resize(a.goals.size() - cut.size());
        tail = joined;
        for (std::string& goal : goals) a.goals.push_back(std::move(goal));
        k = 1;
      }
    }
  }
  for (; k < next.size(); ++k) {
    for (std::string& goal : SplitNumbered(next[k], mending, fixes))
      a.goals.push_back(std::move(goal));
    tail = next[k];
  }
  return tail;
}

// Removes indicators [from, from + n) of `p`, their provenance with them (the later ones' moved
// down).
void DropIndicators(Project& p, size_t from, size_t n) {
  if (n == 0) return;
  p.indicators.erase(p.indicators.begin() + static_cast<long>(from),
                     p.indicators.begin() + static_cast<long>(from + n));
  std::map<std::string, Source> kept;
  for (auto& [key, source] : p.provenance) {
    if (!StartsWith(key, "indicators[")) {
      kept[key] = std::move(source);
      continue;
    }
    const size_t close = key.find(']');
    const size_t i = std::stoul(key.substr(11, close - 11));
    if (i >= from && i < from + n) continue;
    kept["indicators[" + std::to_string(i < from ? i : i - n) + "]" + key.substr(close + 1)] =
        std::move(source);
  }
  p.provenance = std::move(kept);
}

// Whether a text opens with the number of a list's first item ("1、1-产出指标；…").
bool OpensWithFirstItem(const std::string& text) {
  const std::u32string u = ToU32(Trim(text));
  return u.size() > 1 && u[0] == '1' && (u[1] == U'、' || u[1] == U'．' || u[1] == '.');
}

// The packed cell `cut` that ends `a`, cut by the page break, and the first packed cell `next` of
// a's next piece `b` (b's first indicators): unless `next` opens a list of its own (1、), the two
// read as one text (JoinCut: "…被审计单位满意度；实施周期指标" + "值:不低于85%；…14、…", or
// "…13、…。" + "14、…", whose numbering goes on), whose items replace both cells' indicators at
// the end of `a`. Returns the joined cell, or nullopt when nothing was joined.
std::optional<FamilyState::PackedCell> ContinuePacked(Project& a,
                                                      const FamilyState::PackedCell& cut,
                                                      Project& b,
                                                      const FamilyState::PackedCell& next) {
  if (cut.text.empty() || next.text.empty() || cut.count > a.indicators.size() ||
      next.count > b.indicators.size())
    return std::nullopt;
  if (OpensWithFirstItem(next.text)) return std::nullopt;  // the project's next packed list
  FamilyState::PackedCell joined{JoinCut(cut.text, next.text), cut.ocr || next.ocr, 0};
  std::vector<Indicator> items = SplitPackedIndicators(joined.text, joined.ocr);
  if (items.empty()) return std::nullopt;
  joined.count = items.size();
  // The items that begin in the cut cell are its, the others the next cell's.
  const size_t base = a.indicators.size() - cut.count;
  const size_t begun = SplitNumbered(cut.text).size();
  const auto level3 = [](size_t i) { return "indicators[" + std::to_string(i) + "].level3"; };
  const auto from_a = a.provenance.find(level3(base));
  const auto from_b = b.provenance.find(level3(0));
  const std::optional<Source> source_a =
      from_a != a.provenance.end() ? std::optional<Source>(from_a->second) : std::nullopt;
  const std::optional<Source> source_b =
      from_b != b.provenance.end() ? std::optional<Source>(from_b->second) : std::nullopt;
  DropIndicators(a, base, cut.count);
  DropIndicators(b, 0, next.count);
  for (size_t k = 0; k < items.size(); ++k) {
    if (const auto& s = k < begun ? source_a : source_b)
      a.provenance[level3(a.indicators.size())] = *s;
    a.indicators.push_back(std::move(items[k]));
  }
  return joined;
}

// Adds the parts of `b` (the next piece of the same project) to `a`; its goals are ContinueGoals'.
void MergeInto(Project& a, Project b) {
  if (!a.project_name.empty() && !b.project_name.empty() && b.project_code.empty() &&
      b.project_name != a.project_name) {
    // the rest of a name cut by the page break
    a.project_name = JoinCut(a.project_name, b.project_name);
  } else if (a.project_name.empty()) {
    a.project_code = b.project_code;
    a.project_name = b.project_name;
    for (const char* k : {"project_code", "project_name"})
      if (b.provenance.count(k)) a.provenance[k] = b.provenance[k];
  }
  // A group cut by the break prints its money on one side of it, or the same on both; other
  // money on the next page is the project's next group of rows (社保工作咨询与评审服务项目: 325
  // of fiscal money at the foot of one page, 35 of other money at the head of the next).
  auto add = [](std::optional<double>& x, const std::optional<double>& y) {
    constexpr double kSameMoney = 0.005;
    if (!x)
      x = y;
    else if (y && std::abs(*x - *y) > kSameMoney)
      *x += *y;
  };
  add(a.budget.total, b.budget.total);
  add(a.budget.fiscal, b.budget.fiscal);
  add(a.budget.other, b.budget.other);
  const size_t base = a.indicators.size();
  for (auto& [key, source] : b.provenance) {
    if (!StartsWith(key, "indicators[")) {
      if (!a.provenance.count(key)) a.provenance[key] = source;
      continue;
    }
    const size_t close = key.find(']');
    const size_t i = std::stoul(key.substr(11, close - 11));
    a.provenance["indicators[" + std::to_string(base + i) + "]" + key.substr(close + 1)] = source;
  }
  for (Indicator& ind : b.indicators) {
    if (!a.indicators.empty()) {
      if (ind.level1.empty()) ind.level1 = a.indicators.back().level1;
      if (ind.level2.empty()) ind.level2 = a.indicators.back().level2;
    }
    a.indicators.push_back(std::move(ind));
  }
  for (int page : b.pages) AddPage(a, page);
  for (auto& attr : b.attributes) a.attributes.push_back(std::move(attr));
}

// Whether every cell of row `r` in the project's columns of a list (its name, money, goals and
// the attributes left of the indicator block) is blank.
bool BlankProjectCells(const Table& t, int r, const std::vector<ListColumn>& cols) {
  double block = -1;  // the indicator block's left edge
  for (const ListColumn& c : cols)
    if (IsIndicatorRole(c.role) && (block < 0 || c.x0 < block)) block = c.x0;
  for (const ListColumn& c : cols) {
    if (IsIndicatorRole(c.role) || (block >= 0 && c.x0 >= block - 1)) continue;
    if (const TableCell* cell = CellUnder(t, r, c); cell && !Trim(cell->text).empty()) return false;
  }
  return true;
}

void ReadList(const Table& t, const Header& h, size_t ti, std::vector<Project>& projects,
              FamilyState& state, bool continued) {
  const ListColumn* name_col = nullptr;
  for (const ListColumn& c : h.columns)
    if (c.role == ListRole::kName) name_col = &c;
  std::vector<Group> groups;
  const bool scanned = Scanned(t);
  const TableCell* current = nullptr;  // the name cell of the rows last read
  for (int r = h.first_data_row; r < t.rows; ++r) {
    if (RowRepeatsHeader(t, r, h.columns)) continue;
    const TableCell* name = name_col ? CellUnder(t, r, *name_col) : nullptr;
    // On a scan, a rule the scan drew (a fold, a seal's ring, a speck's streak) may cut a group's
    // spanning cells: a name cell left blank beside blank project cells goes on with the group.
    const bool cut = scanned && name && name != current && BlankProjectCells(t, r, h.columns);
    if (groups.empty() || (name && name != current && !cut))
      groups.push_back({name, r, r + 1});
    else
      groups.back().to = r + 1;
    if (name) current = name;
  }
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const Group& g = groups[gi];
    const std::string name = g.name ? LabelOf(g.name->text) : "";
    if (IsTotalsName(name)) continue;  // 合计: a totals row, never a project
    Project piece;
    std::vector<std::string> goal_texts;
    FamilyState::PackedCell first_packed, last_packed;  // (RowReader::first_packed, last_packed)
    bool one_packed = false;                            // the piece's first packed cell is its last
    {
      Project scratch;
      RowReader probe(t, h.columns, scratch);
      piece = GroupRecord(t, h.columns, g, state, probe, goal_texts);
      RowReader reader(t, h.columns, piece, state.fixes);
      reader.Read(g.from, g.to);
      if (reader.first_packed().first == 0) first_packed = reader.first_packed().cell;
      last_packed = reader.last_packed().cell;
      one_packed = reader.first_packed().first == reader.last_packed().first;
    }
    // A group without indicators or goals heads the units below it (广州市政务服务和数据管理局
    // above its projects).
    if (piece.indicators.empty() && piece.goals.empty()) {
      if (!piece.project_name.empty()) state.unit_name = piece.project_name;
      continue;
    }
    if (gi == 0 && continued && state.last_open && !projects.empty() &&
        SameProject(projects.back(), piece)) {
      // (an OCR'd list is mended as its cells were: GroupRecord)
      Project& a = projects.back();
      const auto source = a.provenance.find("goals");
      const ListMending mending{
          source != a.provenance.end() && source->second.source == WordSource::kOcr, state.fixes};
      std::vector<std::string> mended;
      state.goals_text = ContinueGoals(a, state.goals_text, goal_texts, mending, &mended);
      if (!mended.empty()) NoteFixes(a.provenance["goals"].fixes, mended);
      const auto joined = ContinuePacked(a, state.packed, piece, first_packed);
      state.packed = joined && one_packed ? *joined : last_packed;
      MergeInto(projects.back(), std::move(piece));
      continue;
    }
    state.goals_text = goal_texts.empty() ? "" : goal_texts.back();
    state.packed = last_packed;
    piece.index = static_cast<int>(projects.size()) + 1;
    projects.push_back(std::move(piece));
  }
  (void)ti;
  state.last_open = !groups.empty();
}

// ------------------------------------------------------------------ department tables

// The cell labeled 部门名称 (alone, or with the name after its colon: "部门名称：某局").
const TableCell* DepartmentLabel(const Table& t) {
  for (const TableCell& c : t.cells)
    if (IsLabel(Label::kDepartment, SplitLabelCell(c).label)) return &c;
  return nullptr;
}

// The value of a label cell: the cell to its right, else the first cell below that is no label.
const TableCell* ValueOf(const Table& t, const TableCell& label) {
  if (const TableCell* v = t.At(label.row, label.col + label.colspan);
      v && !v->text.empty() && ParseMoney(v->text, "").has_value())
    return v;
  for (const TableCell* v = t.At(label.row + label.rowspan, label.col); v;
       v = t.At(v->row + v->rowspan, label.col)) {
    if (v->text.empty()) return nullptr;
    if (ParseMoney(v->text, "").has_value()) return v;
    if (!RoleOf(LabelOf(v->text)) && !IsTotalsName(LabelOf(v->text))) return nullptr;
  }
  return nullptr;
}

// A department table whose 部门名称 is printed above it, unruled ("部门（单位）名称   西安市气象局"
// under the title 部门整体支出绩效目标表): the name's line, or nullptr.
const TextLine* DepartmentNameAbove(const std::vector<const TextLine*>& above) {
  bool titled = false;
  for (const TextLine* l : above) titled |= IsDepartmentTitle(Compact(l->text));
  if (!titled) return nullptr;
  for (const TextLine* label : above) {
    if (!IsLabel(Label::kDepartment, LabelOf(label->text))) continue;
    // The name: the next line to its right on the same baseline.
    const TextLine* name = nullptr;
    for (const TextLine* l : above)
      if (l != label && l->box.x0 > label->box.x1 &&
          std::abs(l->box.cy() - label->box.cy()) < label->box.height() / 2 &&
          (!name || l->box.x0 < name->box.x0))
        name = l;
    return name;
  }
  return nullptr;
}

// Reads a department table: its name in the cell right of `label`, or on the line `name_line`.
void ReadDepartment(const Table& t, const TableCell* label, const TextLine* name_line,
                    std::vector<Project>& projects, FamilyState& state) {
  Project p;
  p.kind = "department";
  p.title = state.title;
  p.money_unit = state.money_unit;
  p.pages.push_back(t.page);
  if (const LabelValue lv = label ? SplitLabelCell(*label) : LabelValue{}; !lv.value.empty()) {
    auto [code, name] = SplitCodeName(lv.value);
    p.project_code = code;
    p.project_name = name;
    p.provenance["project_name"] = SourceOf(t, *label);
  } else if (const TableCell* v = label ? t.At(label->row, label->col + label->colspan) : nullptr) {
    auto [code, name] = SplitCodeName(v->text);
    p.project_code = code;
    p.project_name = name;
    p.provenance["project_name"] = SourceOf(t, *v);
  } else if (name_line) {
    auto [code, name] = SplitCodeName(name_line->text);
    p.project_code = code;
    p.project_name = name;
    Source s;
    s.page = t.page;
    s.box = name_line->box;
    s.confidence = name_line->confidence;
    p.provenance["project_name"] = s;
  }
  // A department's indicator block is below its labeled blocks, anywhere in the table.
  auto header = FindHeader(t, t.rows);
  const int stop = header ? header->first_data_row - 1 : t.rows;
  // A money label printed more than once heads columns (预算金额（万元） over 部门预算支出 and
  // over 收入来源): the money below it is no one field's.
  std::map<std::string, int> printed;
  for (const TableCell& c : t.cells)
    if (c.row < stop) ++printed[LabelOf(c.text)];
  for (const TableCell& c : t.cells) {
    if (c.row >= stop) continue;
    const std::vector<LabelValue> pairs = SplitLabelCells(c);
    if (pairs.size() == 1 && printed[LabelOf(c.text)] > 1) {
      const std::string l = pairs.front().label;
      if (IsLabel(Label::kTotal, l) || IsLabel(Label::kFiscal, l) || IsLabel(Label::kOther, l))
        continue;
    }
    for (const LabelValue& lv : pairs) {
      const std::string& l = lv.label;
      if (p.money_unit.empty()) {
        const std::string unit = UnitInLabel(l);
        if (!unit.empty()) p.money_unit = unit;
      }
      std::optional<double>* money = IsLabel(Label::kTotal, l)    ? &p.budget.total
                                     : IsLabel(Label::kFiscal, l) ? &p.budget.fiscal
                                     : IsLabel(Label::kOther, l)  ? &p.budget.other
                                                                  : nullptr;
      if (!money && pairs.size() == 1 && IsLabel(Label::kField, l) &&
          !IsLabel(Label::kDepartment, l)) {
        // Another labeled field (部门职能, 中长期目标): an attribute, its value after the colon or
        // in the cell beside.
        const TableCell* v = lv.value.empty() ? t.At(c.row, c.col + c.colspan) : nullptr;
        const std::string value = v ? Trim(v->text) : lv.value;
        if (!value.empty()) p.attributes.push_back({l, value});
        continue;
      }
      if (!money || *money) continue;
      // The money after the label's colon ("资金总额：1,636.47"), else in a cell beside or below
      // (not when the cell prints other labels' money: then it is blank).
      if (!lv.value.empty()) *money = ParseMoney(lv.value, p.money_unit);
      else if (const TableCell* v = pairs.size() == 1 ? ValueOf(t, c) : nullptr)
        *money = ParseMoney(v->text, p.money_unit);
    }
    const std::string l = pairs.size() == 1 ? pairs.front().label : "";
    if ((IsLabel(Label::kOverallGoals, l) || IsLabel(Label::kGoals, l)) && p.goals.empty()) {
      if (!pairs.front().value.empty()) {  // "总体绩效目标：…" in one cell
        p.provenance["goals"] = SourceOf(t, c);
        const ListMending mending{c.source == WordSource::kOcr, state.fixes};
        p.goals = SplitNumbered(pairs.front().value, mending, &p.provenance["goals"].fixes);
      } else if (const TableCell* v = t.At(c.row, c.col + c.colspan);
                 v && !v->text.empty() && LabelOf(v->text) != l) {
        // (a block label beside the same label, 整体绩效目标 | 整体绩效目标 | text: the inner one's
        // text is the goals)
        p.provenance["goals"] = SourceOf(t, *v);
        const ListMending mending{v->source == WordSource::kOcr, state.fixes};
        p.goals = SplitNumbered(v->text, mending, &p.provenance["goals"].fixes);
      }
    }
  }
  if (header) {
    RowReader reader(t, header->columns, p, state.fixes);
    reader.Read(header->first_data_row, t.rows);
    state.columns = header->columns;
  } else {
    state.columns.clear();
  }
  p.index = static_cast<int>(projects.size()) + 1;
  projects.push_back(std::move(p));
}

// Whether the department label `label` of `t` lies above a list's header (a name column over
// an indicator block) among its first rows: the list's heading, which a scan's rules (a seal's
// ring, a fold, the page edge) took into the table. The lines of the rows above the header are
// then added to `heading`, read as the lines above a table are (ReadHeading).
bool HeadingInTable(const Table& t, const TableCell& label, std::vector<const TextLine*>& heading) {
  const std::optional<Header> h = FindHeader(t);
  if (!h || !h->has_name || label.row + label.rowspan > h->first_row) return false;
  for (const TableCell& c : t.cells)
    if (c.row + c.rowspan <= h->first_row)
      for (const TextLine& l : c.lines) heading.push_back(&l);
  return true;
}

// A state that reads no family, keeping the fixes that run.
FamilyState Reset(const FamilyState& state) {
  FamilyState fresh;
  fresh.fixes = state.fixes;
  return fresh;
}

}  // namespace

std::pair<std::string, std::string> SplitCodeName(const std::string& text) {
  const std::string s = Trim(Nfkc(text));
  // "[292]国家信访局"
  if (StartsWith(s, "[")) {
    const size_t close = s.find(']');
    if (close != std::string::npos && close > 1)
      return {s.substr(1, close - 1), Trim(s.substr(close + 1))};
  }
  // "11000026T000003742166-就业…": a code of letters and digits, with digits, before a hyphen.
  // A code has at least this many characters (a name may hold a hyphen: "问题发现-原因挖掘").
  constexpr size_t kMinCode = 10;
  // The code may be wrapped over lines of its cell (a space where the line broke).
  std::string code;
  size_t i = 0;
  bool digits = false;
  for (; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ') continue;
    if (!std::isalnum(c)) break;
    digits |= std::isdigit(c) != 0;
    code += s[i];
  }
  if (code.size() < kMinCode || !digits) return {"", s};
  // The hyphen as a scan may read it: a dot, a low line, a tilde or a dash.
  for (std::string_view mark : {"-", ".", "_", "~", "—", "–"})
    if (s.compare(i, mark.size(), mark) == 0) return {code, Trim(s.substr(i + mark.size()))};
  return {"", s};
}

bool ReadFamilyTable(const PageContent& page, size_t ti, const std::vector<const TextLine*>& above,
                     std::vector<Project>& projects, FamilyState& state,
                     std::vector<Warning>* warnings) {
  const Table& t = page.tables[ti];
  // (a table read with the one beside it)
  if (state.joined_page == page.page &&
      std::find(state.joined.begin(), state.joined.end(), ti) != state.joined.end())
    return true;
  // A list goes on even when its first page gave no record (a heading, a totals row and a
  // unit's row above a group too tall for the page): its title and unit carry over.
  const bool may_continue = ti == 0 && state.family != FamilyState::Family::kNone &&
                            (!projects.empty() || state.family == FamilyState::Family::kList);
  // A department table: labeled 部门名称, in the table or on the line above it. A list's heading
  // (部门名称：…, its title, 金额单位) that a scan ruled into the table's top rows is no
  // department table: rows above a list header are the heading (HeadingInTable).
  std::vector<const TextLine*> heading = above;
  const TableCell* label = DepartmentLabel(t);
  if (label && HeadingInTable(t, *label, heading)) label = nullptr;
  const TextLine* name_line = label ? nullptr : DepartmentNameAbove(above);
  if (label || name_line) {
    state = Reset(state);
    state.family = FamilyState::Family::kDepartment;
    ReadHeading(above, state);
    ReadDepartment(t, label, name_line, projects, state);
    state.page = t.page;
    return true;
  }
  std::optional<Header> header = FindHeader(t);
  const bool listed = header && header->has_name;
  if (header && !listed && !may_continue) header.reset();
  if (listed) {
    // A list table, or its header repeated on the next page.
    const bool continued = may_continue && state.family == FamilyState::Family::kList;
    FamilyState next;
    next.family = FamilyState::Family::kList;
    next.fixes = state.fixes;
    if (continued) {
      next = state;
      // A header cell the page printed over (text of the row above run into it) keeps the role
      // its column had on the page before.
      for (ListColumn& c : header->columns) {
        if (c.role != ListRole::kAttribute) continue;
        for (const ListColumn& old : state.columns)
          if (std::abs(old.x0 - c.x0) < kEdgeTolerance && std::abs(old.x1 - c.x1) < kEdgeTolerance)
            c = old;
      }
    }
    ReadHeading(heading, next);
    // A money header may state the unit: 资金总额（万元）.
    for (const ListColumn& c : header->columns)
      if (next.money_unit.empty()) next.money_unit = UnitInLabel(Compact(c.label));
    next.columns = header->columns;
    if (Scanned(t))
      ReadList(CutAlongColumns(t, header->columns, header->first_data_row), *header, ti, projects,
               next, continued);
    else
      ReadList(t, *header, ti, projects, next, continued);
    next.page = t.page;
    state = next;
    return true;
  }
  // A form's own labels (项目名称 …) start a form, not the next part of the family.
  const bool form = std::any_of(t.cells.begin(), t.cells.end(), [](const TableCell& c) {
    const std::string l = LabelOf(c.text);
    return IsLabel(Label::kCode, l) || IsLabel(Label::kName, l);
  });
  if (may_continue && !form) {
    std::optional<Header> h = header;
    // A scanned list's indicator block and its project cells may lie in two tables side by side
    // (TableBeside): the one whose rules line up with the list's columns is read, with the
    // other's cells and rules (JoinTables: the project cells' rules part the groups).
    const bool list = state.family == FamilyState::Family::kList;
    size_t ui = list && Scanned(t) ? TableBeside(page, ti) : page.tables.size();
    if (ui < ti) ui = page.tables.size();  // (read already)
    const Table* base = &t;
    if (!h) h = AlignedWith(t, state.columns);
    if (!h && ui != page.tables.size())
      if ((h = AlignedWith(page.tables[ui], state.columns))) base = &page.tables[ui];
    if (h) {
      if (list) {
        std::vector<double> cuts;
        Table joined = *base;
        if (ui != page.tables.size()) {
          // (the rules that part the groups are those of the table holding the name column)
          const Table& other = base == &t ? page.tables[ui] : t;
          const bool names =
              std::any_of(h->columns.begin(), h->columns.end(), [&other](const ListColumn& c) {
                return c.role == ListRole::kName && c.x0 + c.x1 > 2 * other.box.x0 &&
                       c.x0 + c.x1 < 2 * other.box.x1;
              });
          std::vector<double> unused;
          joined = JoinTables(*base, other, names ? cuts : unused);
          state.joined_page = page.page;
          state.joined.push_back(ui);
        }
        Table open = WithOpenColumns(joined, h->columns, page.lines, cuts);
        if (Scanned(t)) open = CutAlongColumns(open, h->columns, 0);
        ReadList(open, *h, ti, projects, state, true);
      } else {
        RowReader reader(t, h->columns, projects.back(), state.fixes);
        reader.Read(h->first_data_row, t.rows);
        AddPage(projects.back(), t.page);
      }
      state.columns = h->columns;
      state.page = t.page;
      return true;
    }
  }
  // A scanned table that prints indicators (their terms, or packed items) where the family goes
  // on, yet does not line up with its columns (a rule the scan lost cut the grid elsewhere: a
  // piece of the page's table beside another), is a piece that could not be read: the family
  // goes on past it, and a warning names its page.
  if (Scanned(t) && state.family != FamilyState::Family::kNone && !form &&
      (std::any_of(t.cells.begin(), t.cells.end(),
                   [](const TableCell& c) { return LooksLikeLevelTerm(c.text); }) ||
       RulesOnEdges(t, state.columns) >= kPieceRulesOnEdges)) {
    if (warnings)
      warnings->push_back({t.page, "project.table_unread",
                           "page " + std::to_string(t.page) +
                               ": a table printing indicators could not be read with the "
                               "columns of the table before it; its text is in no record"});
    return true;
  }
  // A scanned table in which nothing a reader knows was read (no label, no header, no indicator
  // term: a page the scanner turned past reading, or blurred) does not end the list: the pages
  // after it may go on with its columns.
  if (Scanned(t) && state.family == FamilyState::Family::kList && !form && !header &&
      std::none_of(t.cells.begin(), t.cells.end(), [](const TableCell& c) {
        const std::string l = LabelOf(c.text);
        return LooksLikeLevelTerm(c.text) || IsFieldLabel(l) || IndicatorHeader(l) ||
               ValuePartHeader(l);
      })) {
    if (warnings)
      warnings->push_back(
          {t.page, "project.table_unread",
           "page " + std::to_string(t.page) +
               ": a table read as nothing a reader knows (a page turned or blurred past "
               "reading); the list goes on past it, and the rows after it may belong to a "
               "project printed here"});
    return false;
  }
  state = Reset(state);
  return false;
}

}  // namespace jixiao
