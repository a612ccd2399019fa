// Ruled table grids found on a rendered page.
#pragma once

#include <vector>

#include "core/geometry.h"
#include "core/types.h"

namespace jixiao {

// One cell as printed: a merged cell appears once, with its spans. Rows and columns count
// from 0, top-left first. `box` is in PDF points (the inside of the cell's rules).
struct GridCell {
  int row = 0, col = 0, rowspan = 1, colspan = 1;
  Box box;
};

// A ruled table. Line positions are in PDF points: row_lines has rows+1 entries (top to
// bottom), col_lines has cols+1 entries (left to right).
struct Grid {
  Box box;  // points: the outer edges of the border rules
  std::vector<double> row_lines;
  std::vector<double> col_lines;
  std::vector<GridCell> cells;  // sorted by (row, col)

  int rows() const { return row_lines.empty() ? 0 : static_cast<int>(row_lines.size()) - 1; }
  int cols() const { return col_lines.empty() ? 0 : static_cast<int>(col_lines.size()) - 1; }
};

// Tuning of FindGrids. Lengths are in PDF points and are converted to pixels with the
// image's dpi, so the same options serve a 100 dpi render and a 300 dpi scan.
struct GridOptions {
  // Minimum rule length, as a share of the page width, for a horizontal rule to count.
  double min_rule_fraction = 0.02;

  // Shortest ink run (points) that can be part of a horizontal rule: the length of the
  // opening kernel. It must exceed a glyph's long horizontal stroke (一, 二: ~10-16 pt).
  double min_hrule_pt = 20.0;
  // Shortest ink run (points) that can be part of a vertical rule. Body text strokes (1,
  // 丨) are ~8-11 pt; the lowest table row with its rules is ~14 pt and more.
  double min_vrule_pt = 13.0;
  // Breaks of up to this length (points) inside a run are bridged at the pixel level, as
  // long as ink fills at least rule_fill of the run.
  double rule_gap_pt = 0.75;
  double rule_fill = 0.75;
  // A shorter run (points) still counts when it starts or ends on a rule of the other axis:
  // the end of a rule cut off by a break. Text keeps clear of the rules.
  double min_rule_end_pt = 1.0;
  // Rule pieces thicker than this (points) are solid shapes, not rules.
  double max_rule_thickness_pt = 5.0;
  // Collinear rule pieces separated by at most this gap (points) belong to one rule.
  double piece_gap_pt = 8.0;
  // Parallel rules closer than this (points) are one line: doubled rules, thick borders.
  double line_merge_pt = 4.0;
  // How far (points) a rule may stop short of a crossing rule and still meet it. Less than
  // the padding between text and rules.
  double junction_pt = 1.5;
  // Share of a slot side that rule ink must cover for the side to count as ruled.
  double presence_ratio = 0.5;
  // A line must cover at least this share of one cell side (text runs that slipped through
  // the kernels cover a part at most).
  double min_side_fill = 0.8;
  // Bold title glyphs such as 国, 四 or 局 are little boxes of rules of their own, and a
  // title's strokes can chain into a row of them. Not tables (points):
  //  - a rule structure narrower than min_table_width_pt;
  //  - one lower than lettering_height_pt (a line of lettering) that is narrower than
  //    lettering_width_pt or whose columns are mostly narrower than lettering_column_pt;
  //  - a small block (under 2 x lettering_width_pt by 4 x lettering_height_pt) whose
  //    columns are mostly narrower than lettering_column_pt and rows mostly lower than
  //    0.6 x lettering_height_pt: cells too small for text, as in a cover's huge title.
  double min_table_width_pt = 40.0;
  double lettering_height_pt = 24.0;
  double lettering_width_pt = 100.0;
  double lettering_column_pt = 30.0;
  // Binarization: a pixel is ink when it is this many gray levels darker than the mean of
  // its neighbourhood (about a quarter inch square).
  double ink_contrast = 12.0;
};

// All ruled tables on the page, top to bottom (then left to right). A page without rules
// gives an empty vector, and so does an image FindGrids cannot read (empty, tiny, no usable
// dpi, not 8-bit); it does not throw. Slight skew (a degree or two) is tolerated: lines are
// then given where they cross the middle of the table. A table whose left/right (or
// top/bottom) border is missing gets that column (row) line at the extent of its rules.
// Cost: a few ms for an A4 page at 100 dpi, ~4x that at 200 dpi (bench/grid_bench.cc).
// `glyphs` are the cores (points) of glyphs the page is known to print, as GlyphCores
// (layout/table.h) gives them for a text layer; an ink run along them is a stroke of
// their text, not a rule. A scan, whose text is read after its grids, has none.
std::vector<Grid> FindGrids(const PageImage& image, const GridOptions& options = {},
                            const std::vector<Box>& glyphs = {});

}  // namespace jixiao
