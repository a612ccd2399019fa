// What the record readers of records/ (project.cc, families.cc) share about a table's cells:
// a label's compact form, a cell's provenance, the cell under a column. Internal to records/.
#pragma once

#include <string>
#include <vector>

#include "layout/table.h"
#include "records/records.h"

namespace jixiao {

// A cell's text in the form labels are compared: NFKC, no white space, no trailing colon.
std::string LabelOf(const std::string& text);

// A label of a form's field that the vocabulary knows (compact, as LabelOf gives it).
bool IsFieldLabel(const std::string& label);

// The label part of a cell that may also hold its value ("项目编码：318-…"): the label in
// compact form, and the value as printed after the label's colon ("" when the cell is only a
// label). "其中：财政拨款" is one label (its colon opens a sub-label), and
// "其中：财政拨款：13456.05" that label with its value.
struct LabelValue {
  std::string label;
  std::string value;
};
LabelValue SplitLabelCell(const TableCell& c);

// The labeled values of a cell that prints several, each label with its colon after white space
// ("资金总额：7,893.46 财政拨款：7,893.46 其他资金：", vocabulary/ labels only); a cell of one
// label gives SplitLabelCell's one pair.
std::vector<LabelValue> SplitLabelCells(const TableCell& c);

// A split value's parts joined (CONTRACT.md, "Common rules"): operator, number and unit in that
// order (`≥20家`); a qualitative one (性质 `定性`) is the value text alone.
std::string JoinValue(const std::string& op, const std::string& value, const std::string& unit);

// Where a field read from cell `c` of table `t` came from.
Source SourceOf(const Table& t, const TableCell& c);

// The cell of row `r` under the column [x0, x1] (points): the one overlapping it most, provided
// it covers at least kCoverShare of the column (a neighbour's edge does not count), or nullptr.
const TableCell* CellUnder(const Table& t, int r, double x0, double x1);

// How far a table continued over a page break sits sideways from the columns of the table before
// it (a scanned page lies a little left or right of the one before; a digital one does not move):
// the shift that puts both edges of most of `columns` ([x0, x1], points) on rules of `rules`
// (within kEdgeTolerance), no shift when none does better, and how many columns it lines up. Shifts
// are tried that put a column's left edge onto a rule, up to kMaxPageShift.
struct ColumnShift {
  double shift = 0;  // points, added to the columns' edges
  int aligned = 0;   // columns whose both edges lie on rules once shifted
};
// `tolerance`: points between an edge and the rule it lies on (0: the usual kEdgeTolerance).
ColumnShift ShiftOntoRules(const std::vector<double>& rules,
                           const std::vector<std::pair<double, double>>& columns,
                           double tolerance = 0);

}  // namespace jixiao
