// Tables and text lines built by hand, for the record readers' tests (records_test.cc,
// families_test.cc): what Assemble would give for a ruled table of known cells.
#pragma once

#include <string>
#include <vector>

#include "layout/page.h"
#include "layout/table.h"

namespace table_testing {

using jixiao::Table;
using jixiao::TableCell;
using jixiao::TextLine;

// One cell as printed: its slot, spans and text.
struct C {
  int row, col, rowspan, colspan;
  std::string text;
};

// A table whose column i spans x in [xs[i], xs[i+1]] and row r spans y in [y0 + 20r, y0 + 20(r+1)];
// each cell with text holds it as one line.
inline Table MakeTable(int page, const std::vector<double>& xs, int rows,
                       const std::vector<C>& cells, double y0 = 100) {
  Table t;
  t.page = page;
  t.cols = static_cast<int>(xs.size()) - 1;
  t.rows = rows;
  t.col_lines = xs;
  for (int r = 0; r <= rows; ++r) t.row_lines.push_back(y0 + 20.0 * r);
  t.box = {xs.front(), y0, xs.back(), y0 + 20.0 * rows};
  for (const C& c : cells) {
    TableCell tc;
    tc.row = c.row;
    tc.col = c.col;
    tc.rowspan = c.rowspan;
    tc.colspan = c.colspan;
    tc.box = {xs[c.col], t.row_lines[c.row], xs[c.col + c.colspan], t.row_lines[c.row + c.rowspan]};
    tc.text = c.text;
    if (!c.text.empty()) {
      TextLine l;
      l.text = c.text;
      l.box = tc.box;
      l.char_height = 10;
      tc.lines.push_back(l);
    }
    t.cells.push_back(tc);
  }
  return t;
}

// A line of text outside the tables, 12 pt high, at `y` (points).
inline TextLine Line(const std::string& text, double y, double x0 = 50, double x1 = 500) {
  TextLine l;
  l.text = text;
  l.box = {x0, y, x1, y + 12};
  l.char_height = 12;
  return l;
}

}  // namespace table_testing
