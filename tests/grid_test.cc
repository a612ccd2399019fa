// FindGrids on synthetic pages drawn with OpenCV: each test draws tables whose rules,
// spans and cell boxes are known in points, and checks what FindGrids gives back.
#include "layout/grid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <opencv2/imgproc.hpp>
#include <random>
#include <string>
#include <vector>

#include "layout/grid_rules.h"
#include "layout/table.h"

namespace jixiao {
namespace {

constexpr double kA4WidthPt = 595.0, kA4HeightPt = 842.0;

// A merged cell of a table to draw.
struct Merge {
  int row, col, rowspan, colspan;
};

// A table to draw: line positions in points, merged cells by slot.
struct TableSpec {
  std::vector<double> rows;  // rows+1 horizontal rule positions (points), top to bottom
  std::vector<double> cols;  // cols+1 vertical rule positions (points), left to right
  std::vector<Merge> merges;
};

// How rules are drawn. Pixel sizes are at the page's dpi.
struct RuleStyle {
  int thickness_px = 1;
  bool doubled = false;  // two parallel rules `double_gap_px` apart
  int double_gap_px = 2;
  int break_every_px = 0;  // a break of `break_px` pixels every so many pixels
  int break_px = 0;
  bool open_sides = false;     // no left and right border
  int outer_thickness_px = 0;  // border thickness when > 0 (else thickness_px)
};

// A white A4 page at `dpi`.
cv::Mat BlankPage(double dpi) {
  return cv::Mat(static_cast<int>(std::lround(kA4HeightPt * dpi / 72)),
                 static_cast<int>(std::lround(kA4WidthPt * dpi / 72)), CV_8UC1, cv::Scalar(255));
}

bool InsideMergeAcrossRow(const TableSpec& t, int r, int c) {
  // Horizontal rule r between slots (r-1, c) and (r, c) lies inside a merged cell.
  for (const Merge& m : t.merges) {
    if (m.row < r && r < m.row + m.rowspan && m.col <= c && c < m.col + m.colspan) return true;
  }
  return false;
}

bool InsideMergeAcrossCol(const TableSpec& t, int r, int c) {
  // Vertical rule c between slots (r, c-1) and (r, c) lies inside a merged cell.
  for (const Merge& m : t.merges) {
    if (m.col < c && c < m.col + m.colspan && m.row <= r && r < m.row + m.rowspan) return true;
  }
  return false;
}

// Fills pixels [along0, along1) x [across0, across0 + thick) of a rule with ink, leaving
// the style's breaks.
void DrawRun(cv::Mat* page, bool horizontal, int along0, int along1, int across0, int thick,
             const RuleStyle& style) {
  for (int a = along0; a < along1; ++a) {
    if (style.break_every_px > 0 && (a % style.break_every_px) < style.break_px) continue;
    for (int k = 0; k < thick; ++k) {
      const int x = horizontal ? a : across0 + k;
      const int y = horizontal ? across0 + k : a;
      if (x >= 0 && y >= 0 && x < page->cols && y < page->rows) page->at<uint8_t>(y, x) = 0;
    }
  }
}

// Half the width (pixels) of a drawn line: what FindGrids should take off to get the inside.
double HalfWidthPx(const RuleStyle& style, bool outer) {
  const int t =
      outer && style.outer_thickness_px > 0 ? style.outer_thickness_px : style.thickness_px;
  return style.doubled ? (style.double_gap_px + t) / 2.0 + t / 2.0 : t / 2.0;
}

// One rule of the table centred at `pos_pt`, from along0_pt to along1_pt (points).
void DrawRule(cv::Mat* page, double dpi, bool horizontal, double pos_pt, double along0_pt,
              double along1_pt, bool outer, const RuleStyle& style) {
  const double k = dpi / 72;
  const int t =
      outer && style.outer_thickness_px > 0 ? style.outer_thickness_px : style.thickness_px;
  const double half = HalfWidthPx(style, outer);
  const int a0 = static_cast<int>(std::lround(along0_pt * k - half));
  const int a1 = static_cast<int>(std::lround(along1_pt * k + half));
  const double centre = pos_pt * k;
  if (!style.doubled) {
    DrawRun(page, horizontal, a0, a1, static_cast<int>(std::lround(centre - t / 2.0)), t, style);
    return;
  }
  const double offset = (style.double_gap_px + t) / 2.0;
  for (double c : {centre - offset, centre + offset}) {
    DrawRun(page, horizontal, a0, a1, static_cast<int>(std::lround(c - t / 2.0)), t, style);
  }
}

void DrawTable(cv::Mat* page, double dpi, const TableSpec& t, const RuleStyle& style) {
  const int nrows = static_cast<int>(t.rows.size()) - 1;
  const int ncols = static_cast<int>(t.cols.size()) - 1;
  for (int r = 0; r <= nrows; ++r) {
    for (int c = 0; c < ncols; ++c) {
      if (InsideMergeAcrossRow(t, r, c)) continue;
      DrawRule(page, dpi, true, t.rows[r], t.cols[c], t.cols[c + 1], r == 0 || r == nrows, style);
    }
  }
  for (int c = 0; c <= ncols; ++c) {
    if (style.open_sides && (c == 0 || c == ncols)) continue;
    for (int r = 0; r < nrows; ++r) {
      if (InsideMergeAcrossCol(t, r, c)) continue;
      DrawRule(page, dpi, false, t.cols[c], t.rows[r], t.rows[r + 1], c == 0 || c == ncols, style);
    }
  }
}

// The cells FindGrids should report for a drawn table, sorted by (row, col).
std::vector<GridCell> ExpectedCells(const TableSpec& t, const RuleStyle& style, double dpi) {
  const int nrows = static_cast<int>(t.rows.size()) - 1;
  const int ncols = static_cast<int>(t.cols.size()) - 1;
  std::vector<std::vector<int>> owner(nrows, std::vector<int>(ncols, -1));
  std::vector<Merge> spans;
  for (const Merge& m : t.merges) {
    for (int r = m.row; r < m.row + m.rowspan; ++r) {
      for (int c = m.col; c < m.col + m.colspan; ++c) owner[r][c] = static_cast<int>(spans.size());
    }
    spans.push_back(m);
  }
  for (int r = 0; r < nrows; ++r) {
    for (int c = 0; c < ncols; ++c) {
      if (owner[r][c] < 0) spans.push_back({r, c, 1, 1});
    }
  }
  std::sort(spans.begin(), spans.end(), [](const Merge& a, const Merge& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  const double k = 72 / dpi;  // points per pixel
  std::vector<GridCell> cells;
  for (const Merge& m : spans) {
    const int r1 = m.row + m.rowspan, c1 = m.col + m.colspan;
    auto half = [&](bool horizontal, int index, int count) {
      const bool outer = index == 0 || index == count;
      if (!horizontal && style.open_sides && outer) return 0.0;
      return HalfWidthPx(style, outer) * k;
    };
    GridCell cell{m.row, m.col, m.rowspan, m.colspan, {}};
    cell.box = {t.cols[m.col] + half(false, m.col, ncols), t.rows[m.row] + half(true, m.row, nrows),
                t.cols[c1] - half(false, c1, ncols), t.rows[r1] - half(true, r1, nrows)};
    cells.push_back(cell);
  }
  return cells;
}

std::string BoxText(const Box& b) {
  char text[96];
  std::snprintf(text, sizeof(text), "[%.1f, %.1f, %.1f, %.1f]", b.x0, b.y0, b.x1, b.y1);
  return text;
}

std::string Join(const std::vector<double>& v) {
  std::string out;
  for (double x : v) {
    out += ' ';
    out += std::to_string(std::lround(x));
  }
  return out;
}

// Rows and columns of each grid, for failure messages.
std::string Describe(const std::vector<Grid>& grids) {
  std::string out;
  for (const Grid& g : grids)
    out += "\n  grid: rows at" + Join(g.row_lines) + "; cols at" + Join(g.col_lines);
  return out;
}

// Checks rows, columns, line positions, spans and cell boxes (tolerance in points).
void ExpectGrid(const Grid& grid, const TableSpec& t, const RuleStyle& style, double dpi,
                double tol) {
  SCOPED_TRACE(testing::Message() << "found rows at" << Join(grid.row_lines) << ", cols at"
                                  << Join(grid.col_lines));
  ASSERT_EQ(grid.rows(), static_cast<int>(t.rows.size()) - 1);
  ASSERT_EQ(grid.cols(), static_cast<int>(t.cols.size()) - 1);
  for (size_t i = 0; i < t.rows.size(); ++i)
    EXPECT_NEAR(grid.row_lines[i], t.rows[i], tol) << "row line " << i;
  for (size_t i = 0; i < t.cols.size(); ++i)
    EXPECT_NEAR(grid.col_lines[i], t.cols[i], tol) << "col line " << i;
  const std::vector<GridCell> want = ExpectedCells(t, style, dpi);
  ASSERT_EQ(grid.cells.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const GridCell& got = grid.cells[i];
    const GridCell& w = want[i];
    SCOPED_TRACE(testing::Message() << "cell " << w.row << "," << w.col << " got "
                                    << BoxText(got.box) << " want " << BoxText(w.box));
    EXPECT_EQ(got.row, w.row);
    EXPECT_EQ(got.col, w.col);
    EXPECT_EQ(got.rowspan, w.rowspan);
    EXPECT_EQ(got.colspan, w.colspan);
    EXPECT_NEAR(got.box.x0, w.box.x0, tol);
    EXPECT_NEAR(got.box.y0, w.box.y0, tol);
    EXPECT_NEAR(got.box.x1, w.box.x1, tol);
    EXPECT_NEAR(got.box.y1, w.box.y1, tol);
  }
}

// Every slot is covered by exactly one cell, and cells are sorted by (row, col).
void ExpectTiling(const Grid& grid) {
  std::vector<int> hits(grid.rows() * grid.cols(), 0);
  for (size_t i = 0; i < grid.cells.size(); ++i) {
    const GridCell& c = grid.cells[i];
    if (i > 0) {
      const GridCell& p = grid.cells[i - 1];
      EXPECT_TRUE(p.row < c.row || (p.row == c.row && p.col < c.col));
    }
    ASSERT_GE(c.rowspan, 1);
    ASSERT_GE(c.colspan, 1);
    ASSERT_LE(c.row + c.rowspan, grid.rows());
    ASSERT_LE(c.col + c.colspan, grid.cols());
    for (int r = c.row; r < c.row + c.rowspan; ++r) {
      for (int k = c.col; k < c.col + c.colspan; ++k) ++hits[r * grid.cols() + k];
    }
  }
  for (int h : hits) EXPECT_EQ(h, 1);
}

std::vector<Grid> Find(const cv::Mat& gray, double dpi) {
  PageImage page;
  page.gray = gray;
  page.dpi = dpi;
  page.page = 1;
  return FindGrids(page);
}

// Evenly spaced lines from `first` in steps of `step` (points).
std::vector<double> Lines(double first, double step, int count) {
  std::vector<double> v;
  for (int i = 0; i < count; ++i) v.push_back(first + i * step);
  return v;
}

// Like the performance tables: 6 columns, label cells spanning rows, wide text cells.
TableSpec PerformanceTable() {
  TableSpec t;
  t.rows = {100, 118, 136, 154, 172, 190, 220, 250, 268, 308, 326, 356, 408, 437, 466};
  t.cols = {63, 129, 194, 279, 382, 457, 533};
  t.merges = {
      {0, 1, 1, 2},  {0, 4, 1, 2},  // 项目编码 | code (2 cols) | 项目名称 | name (2 cols)
      {1, 0, 2, 1},                 // 预算规模及资金用途 spans 2 rows
      {2, 1, 1, 5},                 // purpose spans 5 columns
      {3, 0, 2, 1},                 // 资金支出计划 spans 2 rows
      {3, 4, 1, 2},  {4, 4, 1, 2},  // 12月底 spans 2 columns
      {5, 1, 1, 5},                 // 绩效目标
      {7, 0, 4, 1},                 // 产出指标 spans 4 rows
      {11, 0, 2, 1},                // 效果指标 spans 2 rows
  };
  return t;
}

TEST(FindGrids, SimpleGridAtSeveralDpi) {
  TableSpec t;
  t.rows = Lines(120, 24, 6);
  t.cols = Lines(72, 90, 5);
  for (double dpi : {100.0, 150.0, 200.0, 300.0}) {
    SCOPED_TRACE(testing::Message() << "dpi " << dpi);
    RuleStyle style;
    style.thickness_px = std::max(1, static_cast<int>(dpi / 100));
    cv::Mat page = BlankPage(dpi);
    DrawTable(&page, dpi, t, style);
    const std::vector<Grid> grids = Find(page, dpi);
    ASSERT_EQ(grids.size(), 1u);
    ExpectGrid(grids[0], t, style, dpi, 1.0);
    EXPECT_NEAR(grids[0].box.x0, 72, 1.0);
    EXPECT_NEAR(grids[0].box.y1, 120 + 5 * 24, 1.0);
  }
}

TEST(FindGrids, RowspanAndColspan) {
  const TableSpec t = PerformanceTable();
  for (double dpi : {100.0, 200.0}) {
    SCOPED_TRACE(testing::Message() << "dpi " << dpi);
    RuleStyle style;
    style.thickness_px = dpi >= 200 ? 2 : 1;
    cv::Mat page = BlankPage(dpi);
    DrawTable(&page, dpi, t, style);
    const std::vector<Grid> grids = Find(page, dpi);
    ASSERT_EQ(grids.size(), 1u);
    ExpectGrid(grids[0], t, style, dpi, 1.0);
    ExpectTiling(grids[0]);
  }
}

TEST(FindGrids, ColumnsThatOnlySomeRowsHave) {
  // A block of rows whose inner columns do not line up with the main columns: the grid
  // gets every column line, and cells span the slots between them.
  TableSpec t;
  t.rows = {100, 120, 140, 160, 180};
  t.cols = {60, 140, 200, 260, 330, 400, 520};
  // Rows 0 and 3, main columns: 60 | 140 | 260 | 400 | 520.
  // Rows 1 and 2, quarter columns: 60 | 140 | 200 | 330 | 520.
  t.merges = {{0, 1, 1, 2}, {0, 3, 1, 2}, {3, 1, 1, 2}, {3, 3, 1, 2},
              {1, 2, 1, 2}, {2, 2, 1, 2}, {1, 4, 1, 2}, {2, 4, 1, 2}};
  const double dpi = 100;
  RuleStyle style;
  cv::Mat page = BlankPage(dpi);
  DrawTable(&page, dpi, t, style);
  const std::vector<Grid> grids = Find(page, dpi);
  ASSERT_EQ(grids.size(), 1u);
  ExpectGrid(grids[0], t, style, dpi, 1.0);
  ExpectTiling(grids[0]);
}

TEST(FindGrids, BrokenRules) {
  const TableSpec t = PerformanceTable();
  for (double dpi : {100.0, 200.0}) {
    SCOPED_TRACE(testing::Message() << "dpi " << dpi);
    RuleStyle style;
    style.thickness_px = dpi >= 200 ? 2 : 1;
    style.break_every_px = static_cast<int>(dpi * 0.45);  // a break every 0.45 inch
    style.break_px = static_cast<int>(dpi * 0.03);        // 3 px at 100 dpi, 6 at 200
    cv::Mat page = BlankPage(dpi);
    DrawTable(&page, dpi, t, style);
    const std::vector<Grid> grids = Find(page, dpi);
    ASSERT_EQ(grids.size(), 1u);
    ExpectGrid(grids[0], t, style, dpi, 1.0);
  }
}

TEST(FindGrids, DoubledRules) {
  const TableSpec t = PerformanceTable();
  for (int gap : {1, 2, 3}) {
    SCOPED_TRACE(testing::Message() << "gap " << gap);
    const double dpi = 100;
    RuleStyle style;
    style.doubled = true;
    style.double_gap_px = gap;
    cv::Mat page = BlankPage(dpi);
    DrawTable(&page, dpi, t, style);
    const std::vector<Grid> grids = Find(page, dpi);
    ASSERT_EQ(grids.size(), 1u);
    ExpectGrid(grids[0], t, style, dpi, 1.0);
  }
}

TEST(FindGrids, ThickAndHairlineRules) {
  const TableSpec t = PerformanceTable();
  struct Case {
    double dpi;
    int inner, outer;
  };
  for (const Case& c : {Case{100, 1, 1}, Case{100, 5, 5}, Case{100, 1, 5}, Case{100, 3, 6},
                        Case{200, 1, 1}, Case{200, 5, 5}, Case{300, 1, 4}}) {
    SCOPED_TRACE(testing::Message()
                 << "dpi " << c.dpi << " inner " << c.inner << " outer " << c.outer);
    RuleStyle style;
    style.thickness_px = c.inner;
    style.outer_thickness_px = c.outer;
    cv::Mat page = BlankPage(c.dpi);
    DrawTable(&page, c.dpi, t, style);
    const std::vector<Grid> grids = Find(page, c.dpi);
    ASSERT_EQ(grids.size(), 1u);
    ExpectGrid(grids[0], t, style, c.dpi, 1.0);
  }
}

TEST(FindGrids, AntialiasedGrayHairlines) {
  // A 0.3 pt rule rendered at 100 dpi is a 1 px line of mid gray, not black.
  TableSpec t;
  t.rows = Lines(100, 20, 8);
  t.cols = Lines(60, 95, 6);
  const double dpi = 100;
  RuleStyle style;
  cv::Mat ink = BlankPage(dpi);
  DrawTable(&ink, dpi, t, style);
  cv::Mat page = BlankPage(dpi);
  page.setTo(cv::Scalar(170), ink == 0);
  const std::vector<Grid> grids = Find(page, dpi);
  ASSERT_EQ(grids.size(), 1u);
  ExpectGrid(grids[0], t, style, dpi, 1.0);
}

// Draws text-like marks inside every slot of `t` (clear of the rules): strokes like 一, 二,
// 丨 and 1 at glyph size, a 2-em dash and Hershey text.
void DrawTextInCells(cv::Mat* page, double dpi, const TableSpec& t) {
  const double k = dpi / 72;
  const int stroke = std::max(1, static_cast<int>(dpi / 100));
  for (size_t r = 0; r + 1 < t.rows.size(); ++r) {
    for (size_t c = 0; c + 1 < t.cols.size(); ++c) {
      const double x0 = t.cols[c] + 3, y0 = t.rows[r] + 3;  // points, clear of the rules
      const double w = t.cols[c + 1] - t.cols[c] - 6, h = t.rows[r + 1] - t.rows[r] - 6;
      auto px = [&](double pt) { return static_cast<int>(std::lround(pt * k)); };
      const int cy = px(y0 + h / 2);
      // 一 and 二: 11 pt horizontal strokes, side by side as in running text.
      for (double gx = x0; gx + 11 < x0 + std::min(w, 40.0); gx += 12) {
        cv::line(*page, {px(gx), cy}, {px(gx + 11), cy}, cv::Scalar(0), stroke);
        cv::line(*page, {px(gx + 1), cy - px(4)}, {px(gx + 10), cy - px(4)}, cv::Scalar(0), stroke);
      }
      // 丨 and 1: 10-11 pt vertical strokes, as tall as the cell allows.
      const double vx = x0 + std::min(w - 2, 44.0);
      const double vlen = std::min(11.0, h);
      cv::line(*page, {px(vx), px(y0 + (h - vlen) / 2)}, {px(vx), px(y0 + (h + vlen) / 2)},
               cv::Scalar(0), stroke);
      if (w > 80) {
        // A 2-em dash (——, 21 pt) and some Hershey text: a long horizontal ink run inside a
        // cell that meets no rule.
        cv::line(*page, {px(x0 + 50), cy + px(2)}, {px(x0 + 71), cy + px(2)}, cv::Scalar(0),
                 stroke);
        cv::putText(*page, "1111 ___ II", {px(x0 + 2), px(y0 + h) - 1}, cv::FONT_HERSHEY_SIMPLEX,
                    0.3 * dpi / 100, cv::Scalar(0), stroke);
      }
    }
  }
}

TEST(FindGrids, TextInsideCellsMakesNoRules) {
  TableSpec t;
  t.rows = {100, 124, 148, 172, 196, 220};
  t.cols = {60, 160, 260, 400, 530};
  t.merges = {{1, 1, 1, 2}, {2, 0, 3, 1}};
  for (double dpi : {100.0, 200.0}) {
    SCOPED_TRACE(testing::Message() << "dpi " << dpi);
    RuleStyle style;
    style.thickness_px = dpi >= 200 ? 2 : 1;
    cv::Mat page = BlankPage(dpi);
    DrawTable(&page, dpi, t, style);
    DrawTextInCells(&page, dpi, t);
    // Text around the table as well: a title and a line of Hershey text.
    cv::putText(page, "Title 2020 ----",
                cv::Point(static_cast<int>(200 * dpi / 72), static_cast<int>(80 * dpi / 72)),
                cv::FONT_HERSHEY_DUPLEX, 0.8 * dpi / 100, cv::Scalar(0), 2);
    cv::putText(page, "1. note ____ 11111",
                cv::Point(static_cast<int>(60 * dpi / 72), static_cast<int>(250 * dpi / 72)),
                cv::FONT_HERSHEY_SIMPLEX, 0.45 * dpi / 100, cv::Scalar(0), 1);
    const std::vector<Grid> grids = Find(page, dpi);
    ASSERT_EQ(grids.size(), 1u);
    ExpectGrid(grids[0], t, style, dpi, 1.0);
  }
}

TEST(FindGrids, MergedCellWithTextAcrossTheMissingRule) {
  // Text in a merged cell runs straight across where the missing rule would be.
  TableSpec t;
  t.rows = {100, 124, 148, 172};
  t.cols = {60, 200, 340, 480};
  t.merges = {{1, 0, 1, 3}};
  const double dpi = 100;
  RuleStyle style;
  cv::Mat page = BlankPage(dpi);
  DrawTable(&page, dpi, t, style);
  const double k = dpi / 72;
  for (double x = 64; x < 470; x += 12) {  // a row of 一 glyphs, 11 pt each
    cv::line(page, cv::Point(static_cast<int>(x * k), static_cast<int>(136 * k)),
             cv::Point(static_cast<int>((x + 11) * k), static_cast<int>(136 * k)), cv::Scalar(0),
             1);
  }
  for (double x : {199.0, 201.0, 340.0}) {  // 丨 strokes right where the rules would be
    cv::line(page, cv::Point(static_cast<int>(x * k), static_cast<int>(131 * k)),
             cv::Point(static_cast<int>(x * k), static_cast<int>(141 * k)), cv::Scalar(0), 1);
  }
  const std::vector<Grid> grids = Find(page, dpi);
  ASSERT_EQ(grids.size(), 1u);
  ExpectGrid(grids[0], t, style, dpi, 1.0);
}

TEST(FindGrids, BoldTextBottomsBesideARuleDoNotSplitAMergedCell) {
  // A merged label cell (资金支出计划 over (%)) whose bold glyphs, blurred by a scan, end in
  // one long bottom stroke just above where the rule of the neighbouring columns runs.
  TableSpec t;
  t.rows = {100, 130, 150, 170};
  t.cols = {60, 150, 260, 400, 530};
  t.merges = {{1, 0, 2, 1}};
  const double dpi = 200, k = dpi / 72;
  RuleStyle style;
  style.thickness_px = 3;
  cv::Mat page = BlankPage(dpi);
  DrawTable(&page, dpi, t, style);
  const int bottom = static_cast<int>((150 - 2.5) * k);  // 2.5 pt above the rule's line
  cv::rectangle(page, cv::Point(static_cast<int>(66 * k), bottom - 3),
                cv::Point(static_cast<int>(144 * k), bottom), cv::Scalar(0), cv::FILLED);
  for (double x = 67; x < 144; x += 3) {  // the glyphs' strokes standing on it
    cv::rectangle(page, cv::Point(static_cast<int>(x * k), bottom - static_cast<int>(10 * k)),
                  cv::Point(static_cast<int>((x + 1.5) * k), bottom), cv::Scalar(0), cv::FILLED);
  }
  const std::vector<Grid> grids = Find(page, dpi);
  ASSERT_EQ(grids.size(), 1u);
  ExpectGrid(grids[0], t, style, dpi, 1.0);
}

TEST(FindGrids, StrokesAlongKnownGlyphsAreNoRules) {
  // A dense table printed at 3.4 pt, rendered at 200 dpi: the middle bars of a right-aligned
  // number ("13,583.441518") chain into a run as long as a short rule that ends on the column
  // rule, in line with the row rule of the cells beside. Told where the glyphs are (the text
  // layer), FindGrids keeps the merged money cell whole; without, the run splits it.
  TableSpec t;
  t.rows = {100, 105, 110, 115, 120};
  t.cols = {60, 130, 160, 190, 300};
  t.merges = {{0, 1, 4, 1}, {0, 2, 4, 1}};  // two money columns beside the indicator rows
  const double dpi = 200, k = dpi / 72;
  RuleStyle style;
  cv::Mat page = BlankPage(dpi);
  DrawTable(&page, dpi, t, style);
  const double y = 110.2;  // the number's middle, on the row rule's line
  cv::line(page, cv::Point(static_cast<int>(137 * k), static_cast<int>(y * k)),
           cv::Point(static_cast<int>(160 * k), static_cast<int>(y * k)), cv::Scalar(0), 1);
  // The number's glyphs: 13 of 1.7 pt advance, 3.4 pt em, centred on y.
  std::vector<Word> words(1);
  words[0].text = "13,583.441518";
  for (int i = 0; i < 13; ++i)
    words[0].chars.push_back({137.5 + 1.7 * i, y - 2, 139.2 + 1.7 * i, y + 2});
  words[0].box = {137.5, y - 2, 137.5 + 1.7 * 13, y + 2};
  PageImage image;
  image.gray = page;
  image.dpi = dpi;
  image.page = 1;
  const std::vector<Grid> told = FindGrids(image, {}, GlyphCores(words));
  ASSERT_EQ(told.size(), 1u);
  ExpectGrid(told[0], t, style, dpi, 1.0);
  const std::vector<Grid> blind = FindGrids(image);
  ASSERT_EQ(blind.size(), 1u);
  EXPECT_GT(blind[0].cells.size(), told[0].cells.size());  // the money cell cut in two
}

TEST(FindGrids, TwoTablesOnOnePage) {
  TableSpec top;
  top.rows = Lines(90, 22, 5);
  top.cols = {60, 150, 300, 530};
  top.merges = {{0, 1, 1, 2}};
  TableSpec bottom;
  bottom.rows = Lines(400, 30, 7);
  bottom.cols = Lines(100, 80, 5);
  bottom.merges = {{1, 0, 3, 1}, {5, 1, 1, 3}};
  const double dpi = 100;
  RuleStyle style;
  cv::Mat page = BlankPage(dpi);
  // Drawn bottom first: the result is ordered top to bottom whatever the drawing order.
  DrawTable(&page, dpi, bottom, style);
  DrawTable(&page, dpi, top, style);
  const std::vector<Grid> grids = Find(page, dpi);
  ASSERT_EQ(grids.size(), 2u);
  ExpectGrid(grids[0], top, style, dpi, 1.0);
  ExpectGrid(grids[1], bottom, style, dpi, 1.0);
}

TEST(FindGrids, ABoxRoundATableIsNoTableOfItsOwn) {
  // A photocopy's dark page edge (or a frame drawn round the page) boxes the table in: the
  // table is the page's only grid, not the second one inside a grid of one cell.
  TableSpec table;
  table.rows = Lines(120, 24, 6);
  table.cols = {70, 160, 330, 520};
  TableSpec frame;
  frame.rows = {20, 820};
  frame.cols = {15, 580};
  const double dpi = 100;
  RuleStyle style;
  cv::Mat page = BlankPage(dpi);
  DrawTable(&page, dpi, frame, style);
  DrawTable(&page, dpi, table, style);
  const std::vector<Grid> grids = Find(page, dpi);
  ASSERT_EQ(grids.size(), 1u);
  ExpectGrid(grids[0], table, style, dpi, 1.0);
}

TEST(FindGrids, TablesSideBySideAndClose) {
  // Two tables 12 pt apart, vertically and horizontally: still two grids.
  TableSpec a, b, c;
  a.rows = Lines(100, 20, 4);
  a.cols = {60, 140, 280};
  b.rows = Lines(100, 20, 4);
  b.cols = {292, 400, 530};
  c.rows = Lines(172, 20, 3);
  c.cols = {60, 200, 530};
  const double dpi = 100;
  RuleStyle style;
  cv::Mat page = BlankPage(dpi);
  for (const TableSpec* t : {&a, &b, &c}) DrawTable(&page, dpi, *t, style);
  const std::vector<Grid> grids = Find(page, dpi);
  ASSERT_EQ(grids.size(), 3u);
  ExpectGrid(grids[0], a, style, dpi, 1.0);
  ExpectGrid(grids[1], b, style, dpi, 1.0);
  ExpectGrid(grids[2], c, style, dpi, 1.0);
}

TEST(FindGrids, OpenSidedTable) {
  TableSpec t;
  t.rows = Lines(120, 22, 7);
  t.cols = {70, 170, 300, 420, 520};
  t.merges = {{0, 1, 1, 3}, {2, 0, 2, 1}};
  for (double dpi : {100.0, 200.0}) {
    SCOPED_TRACE(testing::Message() << "dpi " << dpi);
    RuleStyle style;
    style.thickness_px = dpi >= 200 ? 2 : 1;
    style.open_sides = true;
    cv::Mat page = BlankPage(dpi);
    DrawTable(&page, dpi, t, style);
    const std::vector<Grid> grids = Find(page, dpi);
    ASSERT_EQ(grids.size(), 1u);
    ExpectGrid(grids[0], t, style, dpi, 1.0);
  }
}

TEST(FindGrids, ColumnsHangingOpenWhereThePageCutTheirGroup) {
  // A list page: the project columns (left) print no rule at the page's head and foot, their
  // group cut by the page, and one rule across where the group before ends; the indicator
  // columns (right) are ruled all round. One table: the left columns' rules end where its
  // border runs on.
  TableSpec t;
  t.rows = {100, 140, 180, 220, 260};
  t.cols = {60, 120, 180, 300, 420, 540};
  t.merges = {{1, 0, 3, 1}, {1, 1, 3, 1}};
  const double dpi = 100;
  RuleStyle style;
  cv::Mat page = BlankPage(dpi);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const bool across = r == 1;  // the end of the group before
    DrawRule(&page, dpi, true, t.rows[r], across ? t.cols.front() : t.cols[2], t.cols.back(),
             r == 0 || r + 1 == t.rows.size(), style);
  }
  for (size_t c = 0; c < t.cols.size(); ++c)
    DrawRule(&page, dpi, false, t.cols[c], t.rows.front(), t.rows.back(),
             c == 0 || c + 1 == t.cols.size(), style);
  const std::vector<Grid> grids = Find(page, dpi);
  ASSERT_EQ(grids.size(), 1u) << Describe(grids);
  ExpectGrid(grids[0], t, style, dpi, 1.0);
  ExpectTiling(grids[0]);
}

// Adds specks (1-3 px dots) and gray noise, like a scan.
void AddSpeckle(cv::Mat* page, int specks, double sigma, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> x(0, page->cols - 1), y(0, page->rows - 1), radius(0, 2);
  for (int i = 0; i < specks; ++i)
    cv::circle(*page, {x(rng), y(rng)}, radius(rng), cv::Scalar(0), -1);
  if (sigma > 0) {
    cv::Mat noise(page->size(), CV_16SC1);
    cv::randn(noise, 0, sigma);
    cv::Mat wide;
    page->convertTo(wide, CV_16SC1);
    wide += noise;
    wide.convertTo(*page, CV_8UC1);  // saturates
  }
}

TEST(FindGrids, SpeckleNoise) {
  const TableSpec t = PerformanceTable();
  for (double dpi : {100.0, 200.0}) {
    SCOPED_TRACE(testing::Message() << "dpi " << dpi);
    RuleStyle style;
    style.thickness_px = dpi >= 200 ? 2 : 1;
    cv::Mat page = BlankPage(dpi);
    DrawTable(&page, dpi, t, style);
    AddSpeckle(&page, static_cast<int>(4000 * dpi / 100), 12, 7);
    const std::vector<Grid> grids = Find(page, dpi);
    ASSERT_EQ(grids.size(), 1u);
    ExpectGrid(grids[0], t, style, dpi, 1.0);

    cv::Mat noise_only = BlankPage(dpi);
    AddSpeckle(&noise_only, static_cast<int>(20000 * dpi / 100), 20, 11);
    EXPECT_TRUE(Find(noise_only, dpi).empty());
  }
}

TEST(FindGrids, EmptyAndDegenerateInput) {
  EXPECT_TRUE(Find(BlankPage(100), 100).empty());
  EXPECT_TRUE(Find(BlankPage(200), 200).empty());
  EXPECT_TRUE(Find(cv::Mat(), 100).empty());
  for (int side : {1, 2, 5, 9, 30}) {
    EXPECT_TRUE(Find(cv::Mat(side, side, CV_8UC1, cv::Scalar(255)), 100).empty());
    EXPECT_TRUE(Find(cv::Mat(side, side, CV_8UC1, cv::Scalar(0)), 100).empty());
  }
  EXPECT_TRUE(Find(cv::Mat(1, 2000, CV_8UC1, cv::Scalar(0)), 100).empty());
  EXPECT_TRUE(Find(cv::Mat(2000, 1, CV_8UC1, cv::Scalar(0)), 100).empty());
  // A black page, and a page that is all rules (hatching): no crash, no table.
  EXPECT_TRUE(Find(cv::Mat(1169, 827, CV_8UC1, cv::Scalar(0)), 100).empty());
  cv::Mat hatch = BlankPage(100);
  for (int y = 0; y < hatch.rows; y += 3) hatch.row(y).setTo(0);
  EXPECT_NO_FATAL_FAILURE(Find(hatch, 100));
  // A table with no usable dpi, or a pixel type FindGrids does not read.
  cv::Mat page = BlankPage(100);
  DrawTable(&page, 100, PerformanceTable(), RuleStyle{});
  EXPECT_TRUE(Find(page, 0).empty());
  EXPECT_TRUE(Find(page, -100).empty());
  EXPECT_TRUE(Find(page, std::nan("")).empty());
  cv::Mat floats;
  page.convertTo(floats, CV_32F);
  EXPECT_TRUE(Find(floats, 100).empty());
  // A colour page works like a gray one.
  cv::Mat colour;
  cv::cvtColor(page, colour, cv::COLOR_GRAY2BGR);
  EXPECT_EQ(Find(colour, 100).size(), 1u);
  // A region of a larger image (rows not contiguous).
  cv::Mat big(1400, 1000, CV_8UC1, cv::Scalar(255));
  page.copyTo(big(cv::Rect(10, 10, page.cols, page.rows)));
  const std::vector<Grid> roi = Find(big(cv::Rect(10, 10, page.cols, page.rows)), 100);
  ASSERT_EQ(roi.size(), 1u);
  ExpectGrid(roi[0], PerformanceTable(), RuleStyle{}, 100, 1.0);
}

TEST(FindGrids, LoneRulesAndBoxedLetteringAreNotTables) {
  const double dpi = 100, k = dpi / 72;
  auto px = [&](double pt) { return static_cast<int>(std::lround(pt * k)); };
  cv::Mat page = BlankPage(dpi);
  // A header rule, a signature line and an underline.
  cv::line(page, {px(60), px(60)}, {px(535), px(60)}, cv::Scalar(0), 1);
  cv::line(page, {px(350), px(700)}, {px(500), px(700)}, cv::Scalar(0), 1);
  cv::line(page, {px(100), px(300)}, {px(200), px(300)}, cv::Scalar(0), 2);
  // Bold 22 pt glyphs shaped like 国 and 四, touching as in a title.
  for (double x : {200.0, 221.0}) {
    cv::rectangle(page, {px(x), px(100)}, {px(x + 20), px(120)}, cv::Scalar(0), 3);
    cv::line(page, {px(x + 7), px(100)}, {px(x + 7), px(114)}, cv::Scalar(0), 3);
    cv::line(page, {px(x + 4), px(110)}, {px(x + 17), px(110)}, cv::Scalar(0), 3);
  }
  // A cover title at 40 pt: glyphs like 局 and 国 with inner strokes, side by side.
  for (double x : {150.0, 192.0, 234.0}) {
    cv::rectangle(page, {px(x), px(400)}, {px(x + 38), px(438)}, cv::Scalar(0), 4);
    cv::line(page, {px(x), px(413)}, {px(x + 38), px(413)}, cv::Scalar(0), 4);
    cv::line(page, {px(x), px(426)}, {px(x + 38), px(426)}, cv::Scalar(0), 4);
    cv::line(page, {px(x + 19), px(400)}, {px(x + 19), px(438)}, cv::Scalar(0), 4);
  }
  const std::vector<Grid> grids = Find(page, dpi);
  EXPECT_TRUE(grids.empty()) << Describe(grids);
}

// Rotates the page by `degrees` about `centre` (pixels), white outside.
cv::Mat Rotate(const cv::Mat& page, double degrees, cv::Point2f centre) {
  cv::Mat rotated;
  cv::warpAffine(page, rotated, cv::getRotationMatrix2D(centre, degrees, 1.0), page.size(),
                 cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  return rotated;
}

TEST(FindGrids, SlightSkew) {
  const TableSpec t = PerformanceTable();
  struct Case {
    double dpi, degrees;
    int thickness;
  };
  for (const Case& c : {Case{100, 0.4, 1}, Case{100, -0.4, 1}, Case{200, 0.4, 2},
                        Case{200, -0.5, 2}, Case{300, 0.5, 3}, Case{100, 1.0, 1}}) {
    SCOPED_TRACE(testing::Message() << "dpi " << c.dpi << " degrees " << c.degrees);
    RuleStyle style;
    style.thickness_px = c.thickness;
    cv::Mat page = BlankPage(c.dpi);
    DrawTable(&page, c.dpi, t, style);
    const double k = c.dpi / 72;
    const cv::Point2f centre(static_cast<float>((t.cols.front() + t.cols.back()) / 2 * k),
                             static_cast<float>((t.rows.front() + t.rows.back()) / 2 * k));
    const std::vector<Grid> grids = Find(Rotate(page, c.degrees, centre), c.dpi);
    ASSERT_EQ(grids.size(), 1u);
    // Lines are reported where they cross the middle of the table; a cell corner moves by up
    // to half the table's size times the angle (~2 pt at 0.5 degrees).
    const double tol = 1.0 + 240 * std::abs(c.degrees) * CV_PI / 180;
    ExpectGrid(grids[0], t, style, c.dpi, tol);
  }
}

TEST(FindGrids, NonRectangularUnionIsCutIntoRectangles) {
  // Slots (0,0) and (0,1) have no rule between them, and the rule under (0,1) is missing
  // too: the union (0,0)+(0,1)+(1,1) is an L. It becomes rectangles that tile the grid.
  TableSpec t;
  t.rows = Lines(100, 24, 4);
  t.cols = Lines(80, 120, 4);
  const double dpi = 100;
  RuleStyle style;
  cv::Mat page = BlankPage(dpi);
  DrawTable(&page, dpi, t, style);
  const double k = dpi / 72;
  // Erase the rule between (0,0) and (0,1) and the rule between (0,1) and (1,1).
  cv::rectangle(page, cv::Point(static_cast<int>(199 * k), static_cast<int>(102 * k)),
                cv::Point(static_cast<int>(201 * k), static_cast<int>(122 * k)), cv::Scalar(255),
                -1);
  cv::rectangle(page, cv::Point(static_cast<int>(202 * k), static_cast<int>(123 * k)),
                cv::Point(static_cast<int>(318 * k), static_cast<int>(125 * k)), cv::Scalar(255),
                -1);
  const std::vector<Grid> grids = Find(page, dpi);
  ASSERT_EQ(grids.size(), 1u);
  const Grid& g = grids[0];
  ASSERT_EQ(g.rows(), 3);
  ASSERT_EQ(g.cols(), 3);
  ExpectTiling(g);
  // Row-major, widest first: (0,0)-(0,1) is one cell and (1,1) stands alone, as if the
  // rule under (0,1) were there.
  ASSERT_EQ(g.cells.size(), 8u);
  EXPECT_EQ(g.cells[0].row, 0);
  EXPECT_EQ(g.cells[0].col, 0);
  EXPECT_EQ(g.cells[0].rowspan, 1);
  EXPECT_EQ(g.cells[0].colspan, 2);
  for (const GridCell& c : g.cells) {
    if (c.row == 1 && c.col == 1) {
      EXPECT_EQ(c.rowspan, 1);
      EXPECT_EQ(c.colspan, 1);
    }
  }
}

TEST(RuleScan, SameAsOpeningWithLineKernels) {
  // Without bridging, the kept runs are exactly what cv::morphologyEx(MORPH_OPEN) keeps with
  // a 1 x L (or L x 1) kernel.
  cv::Mat ink(300, 400, CV_8UC1);
  cv::randu(ink, 0, 256);
  cv::threshold(ink, ink, 100, 255, cv::THRESH_BINARY);  // ~60% ink: runs of all lengths
  cv::line(ink, {10, 50}, {390, 52}, cv::Scalar(255), 2);
  cv::line(ink, {200, 5}, {203, 295}, cv::Scalar(255), 1);
  for (const int length : {5, 13, 31}) {  // odd: OpenCV anchors even kernels off centre
    SCOPED_TRACE(testing::Message() << "kernel " << length);
    for (const auto axis : {grid_internal::Axis::kHorizontal, grid_internal::Axis::kVertical}) {
      const bool horizontal = axis == grid_internal::Axis::kHorizontal;
      cv::Mat opened;
      cv::morphologyEx(ink, opened, cv::MORPH_OPEN,
                       cv::getStructuringElement(
                           cv::MORPH_RECT, horizontal ? cv::Size(length, 1) : cv::Size(1, length)),
                       cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, cv::Scalar(0));
      const grid_internal::RuleScan scan = grid_internal::ScanRules(ink, axis, {length, 0, 1.0, 1});
      EXPECT_EQ(cv::countNonZero(scan.mask != opened), 0);
    }
  }
}

TEST(FindGrids, SpeedOnA4) {
  // Not a benchmark (see bench/grid_bench.cc); catches an order-of-magnitude slowdown.
  for (double dpi : {100.0, 200.0}) {
    cv::Mat page = BlankPage(dpi);
    DrawTable(&page, dpi, PerformanceTable(), RuleStyle{});
    DrawTextInCells(&page, dpi, PerformanceTable());
    AddSpeckle(&page, 2000, 8, 3);
    double best_ms = 1e9;
    for (int i = 0; i < 5; ++i) {
      const auto start = std::chrono::steady_clock::now();
      const std::vector<Grid> grids = Find(page, dpi);
      best_ms = std::min(best_ms, std::chrono::duration<double, std::milli>(
                                      std::chrono::steady_clock::now() - start)
                                      .count());
      ASSERT_EQ(grids.size(), 1u);
    }
    RecordProperty(dpi >= 200 ? "ms_at_200dpi" : "ms_at_100dpi", std::to_string(best_ms));
    EXPECT_LT(best_ms, dpi >= 200 ? 300.0 : 75.0);  // budget 15 / 60 ms, with slack for CI
  }
}

}  // namespace
}  // namespace jixiao
