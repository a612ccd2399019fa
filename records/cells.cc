#include "records/cells.h"

#include "core/text.h"

namespace jixiao {

namespace {

// A cell under a column covers at least this share of the column's width.
constexpr double kCoverShare = 0.5;

}  // namespace

std::string LabelOf(const std::string& text) {
  std::string s = Compact(text);
  while (EndsWith(s, ":")) s.pop_back();
  return s;
}

Source SourceOf(const Table& t, const TableCell& c) {
  Source s;
  s.page = t.page;
  s.box = c.box;
  s.confidence = c.confidence;
  s.source = c.source;
  s.corrected = c.corrected;
  s.fixes = c.fixes;
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

}  // namespace jixiao
