// What the record readers of records/ (project.cc, families.cc) share about a table's cells:
// a label's compact form, a cell's provenance, the cell under a column. Internal to records/.
#pragma once

#include <string>

#include "layout/table.h"
#include "records/records.h"

namespace jixiao {

// A cell's text in the form labels are compared: NFKC, no white space, no trailing colon.
std::string LabelOf(const std::string& text);

// Where a field read from cell `c` of table `t` came from.
Source SourceOf(const Table& t, const TableCell& c);

// The cell of row `r` under the column [x0, x1] (points): the one overlapping it most, provided
// it covers at least kCoverShare of the column (a neighbour's edge does not count), or nullptr.
const TableCell* CellUnder(const Table& t, int r, double x0, double x1);

}  // namespace jixiao
