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
  Box box;
  std::vector<double> row_lines;
  std::vector<double> col_lines;
  std::vector<GridCell> cells;  // sorted by (row, col)

  int rows() const { return row_lines.empty() ? 0 : static_cast<int>(row_lines.size()) - 1; }
  int cols() const { return col_lines.empty() ? 0 : static_cast<int>(col_lines.size()) - 1; }
};

struct GridOptions {
  // Minimum rule length, as a share of the page width, for a horizontal rule to count.
  double min_rule_fraction = 0.02;
};

// All ruled tables on the page, top to bottom. A page without rules gives an empty vector.
std::vector<Grid> FindGrids(const PageImage& image, const GridOptions& options = {});

}  // namespace jixiao
