// FindGrids: ruled tables from a rendered page.
//
// 1. Binarize (adaptive mean threshold) and keep the ink runs that an opening with long thin
//    kernels keeps (grid_rules.cc), linked into rule pieces. Kernel lengths come from points,
//    so they exceed a glyph's strokes at any dpi; thick blobs are dropped. Short runs that
//    end on a rule of the other axis are kept as stubs: rule ends cut off by a break.
// 2. The page skew is the median slope of the long pieces; positions across are compared
//    with it taken out, so a slightly skewed rule stays one line.
// 3. Pieces that meet (a horizontal and a vertical one crossing or touching, or two collinear
//    ones across a small gap) are one connected rule structure: one candidate table each.
// 4. In a structure, pieces cluster into row and column lines (doubled rules become one
//    line). A line must meet two lines of the other axis and cover most of one cell side
//    between them; text strokes that slipped through the kernels do not, and are dropped.
//    An outer border that is missing (open-sided table) is taken from the extent of the
//    other axis' rules. Small structures of glyph-sized cells are lettering, not tables.
// 5. Each side of each grid slot is ruled when rule pieces cover enough of it; slots with an
//    unruled side between them are merged, and each union becomes one cell (cut into
//    rectangles when the union is not one).
//
// Everything is computed in pixels of the image; ToPoints converts at the very end.
#include "layout/grid.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <opencv2/imgproc.hpp>
#include <optional>

#include "layout/grid_rules.h"

namespace jixiao {
namespace {

using grid_internal::Axis;
using grid_internal::RulePiece;

// A horizontal piece with ink beside more of its length than this (RulePiece::touch) is
// text. Rules measure near 0, the chained bottom strokes of bold text 0.5 and more.
constexpr double kMaxRuleTouch = 0.35;

// A piece that runs along the cores of known glyphs (FindGrids' `glyphs`) for more than this
// share of its length is a stroke of their text: the middle bars of a row of digits 3.4 pt
// high chain into a 20 pt run at 200 dpi, bold header text blurs into a bar, and a cover's
// 50 pt title is drawn with strokes as long as rules. Rules keep clear of the text.
constexpr double kMaxShareOnGlyphs = 0.5;

// A page with more rule pieces than this is not a table page (noise, hatching): the
// pairwise steps below are quadratic in the count.
constexpr size_t kMaxPieces = 4000;

class UnionFind {
 public:
  explicit UnionFind(int n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  int Find(int i) {
    while (parent_[i] != i) {
      parent_[i] = parent_[parent_[i]];
      i = parent_[i];
    }
    return i;
  }
  void Join(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<int> parent_;
};

// All tolerances of one run, in pixels at the image's dpi.
struct PixelParams {
  int min_hrun = 0, min_vrun = 0, max_break = 0;
  double min_fill = 1.0;
  int min_end_run = 1;
  double max_thickness = 0, piece_gap = 0, line_merge = 0, junction = 0;
  double presence_ratio = 0.5, min_side_fill = 0.8;
  double min_table_width = 0, lettering_height = 0, lettering_width = 0, lettering_column = 0;
  // Page skew: dy/dx of the horizontal rules (a vertical rule then has dx/dy = -skew).
  double skew = 0;
};

// Position across of a piece with the skew taken out: the same for all pieces of one rule.
double Key(const RulePiece& p, double skew) {
  return p.axis == Axis::kHorizontal ? p.pos - skew * p.mid : p.pos + skew * p.mid;
}

// Half-open intervals [a0, a1) and [b0, b1) overlap once each is grown by `tol`.
bool Near(double a0, double a1, double b0, double b1, double tol) {
  return a0 < b1 + tol && b0 < a1 + tol;
}

// A horizontal and a vertical piece cross or touch (bounding boxes, grown by `tol`).
bool Meet(const RulePiece& h, const RulePiece& v, double tol) {
  return Near(h.lo, h.hi, v.across_lo, v.across_hi, tol) &&
         Near(v.lo, v.hi, h.across_lo, h.across_hi, tol);
}

// Two pieces of the same axis lie on one rule: same line, small gap between them.
bool Collinear(const RulePiece& a, const RulePiece& b, const PixelParams& px) {
  return std::abs(Key(a, px.skew) - Key(b, px.skew)) <= px.line_merge &&
         std::max(a.lo, b.lo) - std::min(a.hi, b.hi) <= px.piece_gap;
}

// A row line (horizontal rule) or a column line (vertical rule), in pixels.
struct Line {
  double pos = 0;            // centre across
  double half = 0;           // half the width across, doubled rules included
  double lo = 0, hi = 0;     // extent along
  std::vector<int> members;  // indices into the structure's pieces
  bool synthetic = false;    // a missing outer border, placed at the other rules' extent
  bool alive = true;
};

// Clusters pieces (indices into `pieces`, all of one axis) into lines: sorted across with
// the skew taken out, a gap of more than `merge` pixels between neighbours starts a new
// line. A line's position is where it crosses the perpendicular through `ref_along`.
// Stubs (pieces shorter than `min_len`: rule ends kept because they end on a crossing rule)
// do not make or move lines; each joins the line it lies on, if any, for extent and
// coverage.
std::vector<Line> ClusterLines(const std::vector<RulePiece>& pieces, const std::vector<int>& idx,
                               double merge, double skew, double ref_along, int min_len) {
  auto key = [&](int i) { return Key(pieces[i], skew); };
  std::vector<int> full, stubs;
  for (int i : idx) (pieces[i].length() >= min_len ? full : stubs).push_back(i);
  std::sort(full.begin(), full.end(), [&](int a, int b) { return key(a) < key(b); });
  std::vector<Line> lines;
  for (size_t k = 0; k < full.size(); ++k) {
    if (k == 0 || key(full[k]) - key(full[k - 1]) > merge) lines.emplace_back();
    lines.back().members.push_back(full[k]);
  }
  std::vector<double> keys;
  for (Line& line : lines) {
    double weight = 0, moment = 0, outer_hi = -1e18, outer_lo = 1e18;
    for (int m : line.members) {
      const RulePiece& p = pieces[m];
      const double k = key(m);
      weight += p.length();
      moment += p.length() * k;
      outer_lo = std::min(outer_lo, k - p.thickness / 2);
      outer_hi = std::max(outer_hi, k + p.thickness / 2);
    }
    const double mean_key = moment / weight;
    keys.push_back(mean_key);
    line.half = std::max(outer_hi - mean_key, mean_key - outer_lo);
    const bool horizontal = pieces[line.members.front()].axis == Axis::kHorizontal;
    line.pos = mean_key + (horizontal ? skew : -skew) * ref_along;
  }
  for (int i : stubs) {
    int best = -1;
    double best_distance = 1e18;
    for (size_t l = 0; l < lines.size(); ++l) {
      const double distance = std::abs(key(i) - keys[l]);
      // On the line: within its width, give or take a pixel and a half.
      if (distance <= lines[l].half + 1.5 && distance < best_distance) {
        best = static_cast<int>(l);
        best_distance = distance;
      }
    }
    if (best >= 0) lines[best].members.push_back(i);
  }
  for (Line& line : lines) {
    line.lo = 1e18;
    line.hi = -1e18;
    for (int m : line.members) {
      line.lo = std::min<double>(line.lo, pieces[m].lo);
      line.hi = std::max<double>(line.hi, pieces[m].hi);
    }
  }
  return lines;
}

// Share of [a, b) (along the line) covered by the line's pieces.
double Coverage(const Line& line, const std::vector<RulePiece>& pieces, double a, double b) {
  if (line.synthetic) return 1.0;
  if (b <= a) return 0.0;
  std::vector<std::pair<double, double>> spans;
  for (int m : line.members) {
    const double lo = std::max<double>(a, pieces[m].lo), hi = std::min<double>(b, pieces[m].hi);
    if (hi > lo) spans.emplace_back(lo, hi);
  }
  std::sort(spans.begin(), spans.end());
  double covered = 0, end = a;
  for (const auto& [lo, hi] : spans) {
    const double from = std::max(lo, end);
    if (hi > from) covered += hi - from;
    end = std::max(end, hi);
  }
  return covered / (b - a);
}

// Does line `a` (one axis) meet line `b` (the other)? Synthetic lines have no pieces:
// they meet a line whose extent reaches them.
bool LinesMeet(const Line& a, const Line& b, const std::vector<RulePiece>& pieces,
               bool a_horizontal, double tol) {
  if (b.synthetic) return b.pos >= a.lo - tol && b.pos <= a.hi + tol;
  if (a.synthetic) return a.pos >= b.lo - tol && a.pos <= b.hi + tol;
  for (int i : a.members) {
    for (int j : b.members) {
      const bool meet =
          a_horizontal ? Meet(pieces[i], pieces[j], tol) : Meet(pieces[j], pieces[i], tol);
      if (meet) return true;
    }
  }
  return false;
}

// Where the missing outer border on one side would be: the extent of the other axis'
// live lines on that side, as reached by at least two of them (one stray long rule does not
// move the border). `low` picks the left/top side.
std::optional<double> OuterExtent(const std::vector<Line>& others, bool low) {
  std::vector<double> ends;
  for (const Line& l : others) {
    if (l.alive && !l.synthetic) ends.push_back(low ? l.lo : l.hi);
  }
  if (ends.empty()) return std::nullopt;
  std::sort(ends.begin(), ends.end());
  if (!low) std::reverse(ends.begin(), ends.end());
  return ends[std::min<size_t>(1, ends.size() - 1)];
}

// Adds synthetic outer lines to `lines` (one axis) where the other axis' rules reach
// clearly beyond the outermost live line. Removes earlier synthetic lines first.
void AddMissingBorders(std::vector<Line>* lines, const std::vector<Line>& others,
                       double min_reach) {
  std::erase_if(*lines, [](const Line& l) { return l.synthetic; });
  const Line* first = nullptr;
  const Line* last = nullptr;
  for (const Line& l : *lines) {
    if (!l.alive) continue;
    if (first == nullptr) first = &l;
    last = &l;
  }
  Line low_line, high_line;
  bool add_low = false, add_high = false;
  if (auto edge = OuterExtent(others, /*low=*/true)) {
    if (first == nullptr || *edge < first->pos - first->half - min_reach) {
      low_line.pos = *edge;
      add_low = true;
    }
  }
  if (auto edge = OuterExtent(others, /*low=*/false)) {
    if (last == nullptr || *edge > last->pos + last->half + min_reach) {
      high_line.pos = *edge;
      add_high = true;
    }
  }
  for (Line* l : {&low_line, &high_line}) {
    l->synthetic = true;
    l->lo = -1e18;
    l->hi = 1e18;
  }
  if (add_low) lines->insert(lines->begin(), low_line);
  if (add_high) lines->push_back(high_line);
}

// The inner side of line `l` facing +1 (towards larger coordinates) or -1.
double InnerEdge(const Line& l, int facing) {
  return l.pos + facing * l.half;
}

// Best share of one cell side that line `l` covers: the stretch between two neighbouring
// live lines of `others` (sorted), clear of their ink. The other axis' lines are `shift`
// pixels further along where they cross `l` than at the centre (skew).
double BestSideFill(const Line& l, const std::vector<Line>& others,
                    const std::vector<RulePiece>& pieces, double shift) {
  double best = 0;
  const Line* prev = nullptr;
  for (const Line& o : others) {
    if (!o.alive) continue;
    if (prev != nullptr) {
      best = std::max(best,
                      Coverage(l, pieces, InnerEdge(*prev, +1) + shift, InnerEdge(o, -1) + shift));
    }
    prev = &o;
  }
  return best;
}

// Whether line `l` ends on `border`, the first or the last live line of the other axis (`first`,
// `last`), where the border is not ruled: the columns of a list whose group the page cut hang
// open above or below the rules the page printed (the group's cells have no rule at the page's
// head or foot), and their rules end where the table's border would run on. `reach`: pixels
// between the end and the border's line.
bool EndsOnBorder(const Line& l, const Line& border, const Line* first, const Line* last,
                  double reach) {
  if (&border == first && std::abs(l.lo - border.pos) <= border.half + reach) return true;
  return &border == last && std::abs(l.hi - border.pos) <= border.half + reach;
}

// Drops lines that are not rules of the table: a line must meet two lines of the other axis
// (or end where the outer one runs on: EndsOnBorder) and cover most of the side of at least
// one cell between them. Repeats until stable. (cx, cy): the centre the line positions refer
// to (pixels).
void KeepSupportedLines(std::vector<Line>* rows, std::vector<Line>* cols,
                        const std::vector<RulePiece>& pieces, const PixelParams& px, double cx,
                        double cy) {
  const double min_reach = std::max(px.junction, px.line_merge);
  for (int round = 0; round < 8; ++round) {
    AddMissingBorders(cols, *rows, min_reach);
    AddMissingBorders(rows, *cols, min_reach);
    bool changed = false;
    auto prune = [&](std::vector<Line>* mine, const std::vector<Line>& others, bool horizontal) {
      const Line* first = nullptr;  // the outer live lines of `others`
      const Line* last = nullptr;
      for (const Line& o : others) {
        if (!o.alive) continue;
        if (first == nullptr) first = &o;
        last = &o;
      }
      for (Line& l : *mine) {
        if (!l.alive || l.synthetic) continue;
        int support = 0;
        for (const Line& o : others) {
          if (o.alive &&
              (LinesMeet(l, o, pieces, horizontal, px.junction) ||
               EndsOnBorder(l, o, first, last, px.junction)) &&
              ++support >= 2)
            break;
        }
        bool keep = support >= 2;
        if (keep) {
          const double shift = horizontal ? -px.skew * (l.pos - cy) : px.skew * (l.pos - cx);
          keep = BestSideFill(l, others, pieces, shift) >= px.min_side_fill;
        }
        if (!keep) {
          l.alive = false;
          changed = true;
        }
      }
    };
    prune(rows, *cols, /*horizontal=*/true);
    prune(cols, *rows, /*horizontal=*/false);
    if (!changed) break;
  }
  std::erase_if(*rows, [](const Line& l) { return !l.alive; });
  std::erase_if(*cols, [](const Line& l) { return !l.alive; });
  auto by_pos = [](const Line& a, const Line& b) { return a.pos < b.pos; };
  std::sort(rows->begin(), rows->end(), by_pos);
  std::sort(cols->begin(), cols->end(), by_pos);
}

// Cells from the slots of a rows x cols grid. `open_right[r][c]`: no rule between slot
// (r, c) and (r, c+1); `open_down[r][c]`: none between (r, c) and (r+1, c).
struct Span {
  int row, col, rowspan, colspan;
};
std::vector<Span> MergeSlots(int nrows, int ncols, const std::vector<std::vector<char>>& open_right,
                             const std::vector<std::vector<char>>& open_down) {
  UnionFind uf(nrows * ncols);
  for (int r = 0; r < nrows; ++r) {
    for (int c = 0; c < ncols; ++c) {
      if (c + 1 < ncols && open_right[r][c]) uf.Join(r * ncols + c, r * ncols + c + 1);
      if (r + 1 < nrows && open_down[r][c]) uf.Join(r * ncols + c, (r + 1) * ncols + c);
    }
  }
  // Bounding slot rectangle and slot count of each union.
  struct Extent {
    int r0 = 1 << 30, c0 = 1 << 30, r1 = -1, c1 = -1, count = 0;
  };
  std::vector<Extent> ext(nrows * ncols);
  for (int r = 0; r < nrows; ++r) {
    for (int c = 0; c < ncols; ++c) {
      Extent& e = ext[uf.Find(r * ncols + c)];
      e.r0 = std::min(e.r0, r);
      e.c0 = std::min(e.c0, c);
      e.r1 = std::max(e.r1, r);
      e.c1 = std::max(e.c1, c);
      ++e.count;
    }
  }
  std::vector<char> taken(nrows * ncols, 0);
  auto free_in = [&](int r, int c, int root) {
    return r < nrows && c < ncols && !taken[r * ncols + c] && uf.Find(r * ncols + c) == root;
  };
  std::vector<Span> spans;
  for (int r = 0; r < nrows; ++r) {
    for (int c = 0; c < ncols; ++c) {
      if (taken[r * ncols + c]) continue;
      const int root = uf.Find(r * ncols + c);
      const Extent& e = ext[root];
      Span s{r, c, 1, 1};
      if (e.count == (e.r1 - e.r0 + 1) * (e.c1 - e.c0 + 1)) {
        // A rectangle: row-major order reaches its top-left slot first.
        s = {e.r0, e.c0, e.r1 - e.r0 + 1, e.c1 - e.c0 + 1};
      } else {
        // Not a rectangle (a rule is missing on one side only, as with a broken rule): cut it
        // into rectangles greedily, keeping the larger of "widest first" and "tallest first".
        auto grow = [&](bool wide_first) {
          int w = 1, h = 1;
          auto row_ok = [&](int rr, int width) {
            for (int k = 0; k < width; ++k) {
              if (!free_in(rr, c + k, root) || !open_down[rr - 1][c + k]) return false;
              if (k > 0 && !open_right[rr][c + k - 1]) return false;
            }
            return true;
          };
          auto col_ok = [&](int cc, int height) {
            for (int k = 0; k < height; ++k) {
              if (!free_in(r + k, cc, root) || !open_right[r + k][cc - 1]) return false;
              if (k > 0 && !open_down[r + k - 1][cc]) return false;
            }
            return true;
          };
          if (wide_first) {
            while (col_ok(c + w, 1)) ++w;
            while (row_ok(r + h, w)) ++h;
          } else {
            while (row_ok(r + h, 1)) ++h;
            while (col_ok(c + w, h)) ++w;
          }
          return Span{r, c, h, w};
        };
        const Span wide = grow(true), tall = grow(false);
        s = wide.rowspan * wide.colspan >= tall.rowspan * tall.colspan ? wide : tall;
      }
      for (int rr = s.row; rr < s.row + s.rowspan; ++rr) {
        for (int cc = s.col; cc < s.col + s.colspan; ++cc) taken[rr * ncols + cc] = 1;
      }
      spans.push_back(s);
    }
  }
  return spans;
}

// Median gap between neighbouring lines (pixels).
double MedianSpacing(const std::vector<Line>& lines) {
  std::vector<double> gaps;
  for (size_t i = 0; i + 1 < lines.size(); ++i) gaps.push_back(lines[i + 1].pos - lines[i].pos);
  if (gaps.empty()) return 0;
  std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
  return gaps[gaps.size() / 2];
}

// Bold or large glyphs (国, 四, 局; a title's strokes chained together) are little boxes of
// rules: a structure that is small and made of glyph-sized cells is lettering, not a table.
bool LooksLikeLettering(const std::vector<Line>& rows, const std::vector<Line>& cols,
                        const PixelParams& px) {
  const double width = cols.back().pos - cols.front().pos;
  const double height = rows.back().pos - rows.front().pos;
  const double col_width = MedianSpacing(cols), row_height = MedianSpacing(rows);
  if (width < px.min_table_width) return true;
  // One line of lettering.
  if (height < px.lettering_height &&
      (width < px.lettering_width || col_width < px.lettering_column)) {
    return true;
  }
  // A block of very large lettering (cover titles): small, with cells too small for text.
  return width < 2 * px.lettering_width && height < 4 * px.lettering_height &&
         col_width < px.lettering_column && row_height < 0.6 * px.lettering_height;
}

// One connected rule structure to a grid, or nothing when it is not a table.
std::optional<Grid> BuildGrid(const std::vector<RulePiece>& pieces, const PixelParams& px,
                              double dpi) {
  std::vector<int> hidx, vidx;
  // Centre of the structure (pixels): line positions are given where they cross it.
  double cx = 0, cy = 0, wx = 0, wy = 0;
  for (int i = 0; i < static_cast<int>(pieces.size()); ++i) {
    const RulePiece& p = pieces[i];
    if (p.axis == Axis::kHorizontal) {
      hidx.push_back(i);
      cx += p.mid * p.length();
      wx += p.length();
    } else {
      vidx.push_back(i);
      cy += p.mid * p.length();
      wy += p.length();
    }
  }
  if (hidx.empty() || vidx.empty()) return std::nullopt;
  cx /= wx;
  cy /= wy;
  std::vector<Line> rows = ClusterLines(pieces, hidx, px.line_merge, px.skew, cx, px.min_hrun);
  std::vector<Line> cols = ClusterLines(pieces, vidx, px.line_merge, px.skew, cy, px.min_vrun);
  // Line extents in the deskewed frame, so that ends of different lines compare.
  for (Line& l : rows) {
    l.lo += px.skew * (l.pos - cy);
    l.hi += px.skew * (l.pos - cy);
  }
  for (Line& l : cols) {
    l.lo -= px.skew * (l.pos - cx);
    l.hi -= px.skew * (l.pos - cx);
  }
  KeepSupportedLines(&rows, &cols, pieces, px, cx, cy);
  if (rows.size() < 2 || cols.size() < 2) return std::nullopt;
  if (LooksLikeLettering(rows, cols, px)) return std::nullopt;

  const int nrows = static_cast<int>(rows.size()) - 1;
  const int ncols = static_cast<int>(cols.size()) - 1;
  // The stretch of a line between two crossing lines, shrunk clear of their ink. `shift`
  // moves the crossing lines to where they are at the line (skew).
  auto stretch = [](const Line& from, const Line& to, double shift) {
    double a = InnerEdge(from, +1) + 1 + shift, b = InnerEdge(to, -1) - 1 + shift;
    if (b - a < 2) {
      a = from.pos + shift;
      b = to.pos + shift;
    }
    return std::pair{a, b};
  };
  std::vector<std::vector<char>> open_right(nrows, std::vector<char>(ncols, 0));
  std::vector<std::vector<char>> open_down(nrows, std::vector<char>(ncols, 0));
  for (int c = 0; c + 1 < ncols; ++c) {
    const Line& col = cols[c + 1];
    for (int r = 0; r < nrows; ++r) {
      const auto [a, b] = stretch(rows[r], rows[r + 1], px.skew * (col.pos - cx));
      open_right[r][c] = Coverage(col, pieces, a, b) < px.presence_ratio;
    }
  }
  for (int r = 0; r + 1 < nrows; ++r) {
    const Line& row = rows[r + 1];
    for (int c = 0; c < ncols; ++c) {
      const auto [a, b] = stretch(cols[c], cols[c + 1], -px.skew * (row.pos - cy));
      open_down[r][c] = Coverage(row, pieces, a, b) < px.presence_ratio;
    }
  }

  Grid grid;
  for (const Line& l : rows) grid.row_lines.push_back(ToPoints(l.pos, dpi));
  for (const Line& l : cols) grid.col_lines.push_back(ToPoints(l.pos, dpi));
  grid.box = ToPoints(Box{InnerEdge(cols.front(), -1), InnerEdge(rows.front(), -1),
                          InnerEdge(cols.back(), +1), InnerEdge(rows.back(), +1)},
                      dpi);
  for (const Span& s : MergeSlots(nrows, ncols, open_right, open_down)) {
    const Line& left = cols[s.col];
    const Line& right = cols[s.col + s.colspan];
    const Line& top = rows[s.row];
    const Line& bottom = rows[s.row + s.rowspan];
    Box inner{InnerEdge(left, +1), InnerEdge(top, +1), InnerEdge(right, -1), InnerEdge(bottom, -1)};
    // Rules wider than the cell (only in degenerate input): fall back to the centre lines.
    if (inner.x1 <= inner.x0) {
      inner.x0 = left.pos;
      inner.x1 = right.pos;
    }
    if (inner.y1 <= inner.y0) {
      inner.y0 = top.pos;
      inner.y1 = bottom.pos;
    }
    grid.cells.push_back({s.row, s.col, s.rowspan, s.colspan, ToPoints(inner, dpi)});
  }
  return grid;
}

// RulePiece::touch of a horizontal piece: the rows two pixels above and below it, read in
// `ink`, at the columns where no vertical rule (`vertical`, a mask) crosses it; ink of
// another horizontal rule there (`horizontal`: a doubled rule) is no glyph.
double Touch(const RulePiece& p, const cv::Mat& ink, const cv::Mat& vertical, const cv::Mat& horizontal) {
  const int above = p.across_lo - 2, below = p.across_hi + 1;
  int n = 0, a = 0, b = 0;
  for (int x = std::max(0, p.lo); x < std::min(p.hi, ink.cols); ++x) {
    // A rule crossing it has ink on both sides; a glyph's stroke (which the rule scan may
    // keep as a stub ending on the piece) on one.
    const bool crossed = above >= 0 && below < ink.rows && vertical.at<uint8_t>(above, x) &&
                         vertical.at<uint8_t>(below, x);
    if (crossed) continue;
    ++n;
    a += above >= 0 && ink.at<uint8_t>(above, x) != 0 && horizontal.at<uint8_t>(above, x) == 0;
    b += below < ink.rows && ink.at<uint8_t>(below, x) != 0 && horizontal.at<uint8_t>(below, x) == 0;
  }
  return n == 0 ? 0.0 : static_cast<double>(std::max(a, b)) / n;
}

// Page skew (dy/dx of horizontal rules) from the slopes of the long rule pieces: the
// length-weighted median, vertical pieces counted with their sign turned. 0 without long
// pieces; at most 3 degrees either way.
double EstimateSkew(const std::vector<RulePiece>& pieces, const PixelParams& px) {
  std::vector<std::pair<double, double>> votes;  // slope, weight
  double total = 0;
  for (const RulePiece& p : pieces) {
    const bool horizontal = p.axis == Axis::kHorizontal;
    if (p.length() < 2 * (horizontal ? px.min_hrun : px.min_vrun)) continue;
    votes.emplace_back(horizontal ? p.slope : -p.slope, p.length());
    total += p.length();
  }
  if (votes.empty()) return 0.0;
  std::sort(votes.begin(), votes.end());
  double acc = 0, median = 0;
  for (const auto& [slope, weight] : votes) {
    acc += weight;
    median = slope;
    if (acc >= total / 2) break;
  }
  const double limit = std::tan(3.0 * CV_PI / 180.0);
  return std::clamp(median, -limit, limit);
}

// Drops the pieces that run along the glyph cores `glyphs` (points).
void EraseTextStrokes(std::vector<RulePiece>* pieces, const std::vector<Box>& glyphs,
                      const cv::Size& size, double dpi) {
  if (glyphs.empty()) return;
  cv::Mat on_glyph = cv::Mat::zeros(size, CV_8UC1);
  const double k = dpi / 72.0;
  for (const Box& g : glyphs) {
    const cv::Point a(static_cast<int>(std::floor(g.x0 * k)),
                      static_cast<int>(std::floor(g.y0 * k)));
    const cv::Point b(static_cast<int>(std::ceil(g.x1 * k)), static_cast<int>(std::ceil(g.y1 * k)));
    cv::rectangle(on_glyph, a, b, cv::Scalar(255), cv::FILLED);
  }
  std::erase_if(*pieces, [&](const RulePiece& p) {
    if (p.length() <= 0) return false;
    const bool horizontal = p.axis == Axis::kHorizontal;
    const int across = static_cast<int>(std::lround(p.pos));
    if (across < 0 || across >= (horizontal ? on_glyph.rows : on_glyph.cols)) return false;
    int n = 0;
    for (int a = std::max(0, p.lo); a < std::min(p.hi, horizontal ? on_glyph.cols : on_glyph.rows);
         ++a)
      n += (horizontal ? on_glyph.at<uint8_t>(across, a) : on_glyph.at<uint8_t>(a, across)) != 0;
    return n > kMaxShareOnGlyphs * p.length();
  });
}

PixelParams ToPixels(const GridOptions& o, double dpi, int page_width) {
  const double k = dpi / 72.0;  // pixels per point
  PixelParams px;
  px.min_hrun = std::max({3, static_cast<int>(std::lround(o.min_hrule_pt * k)),
                          static_cast<int>(std::lround(o.min_rule_fraction * page_width))});
  px.min_vrun = std::max(3, static_cast<int>(std::lround(o.min_vrule_pt * k)));
  px.max_break = std::max(0, static_cast<int>(std::lround(o.rule_gap_pt * k)));
  px.max_thickness = std::max(1.5, o.max_rule_thickness_pt * k);
  px.piece_gap = o.piece_gap_pt * k;
  px.line_merge = std::max(1.0, o.line_merge_pt * k);
  px.junction = std::max(1.0, o.junction_pt * k);
  px.presence_ratio = o.presence_ratio;
  px.min_side_fill = o.min_side_fill;
  px.min_fill = o.rule_fill;
  px.min_end_run = std::max(2, static_cast<int>(std::lround(o.min_rule_end_pt * k)));
  px.min_table_width = o.min_table_width_pt * k;
  px.lettering_height = o.lettering_height_pt * k;
  px.lettering_width = o.lettering_width_pt * k;
  px.lettering_column = o.lettering_column_pt * k;
  return px;
}

}  // namespace

namespace {

// A box of one cell round a table (a photocopy's dark page edge, a frame drawn round the page)
// is no table of its own: its one cell would hold the table's text, and the table would no
// longer be the first of its page (a table continued from the page before is). Dropped.
void DropFrames(std::vector<Grid>* grids) {
  auto encloses = [](const Grid& frame, const Grid& t) {
    return &frame != &t && frame.box.x0 <= t.box.x0 && frame.box.y0 <= t.box.y0 &&
           frame.box.x1 >= t.box.x1 && frame.box.y1 >= t.box.y1;
  };
  std::vector<bool> frame(grids->size(), false);
  for (size_t i = 0; i < grids->size(); ++i) {
    const Grid& g = (*grids)[i];
    if (g.rows() != 1 || g.cols() != 1) continue;
    frame[i] = std::any_of(grids->begin(), grids->end(),
                           [&](const Grid& t) { return encloses(g, t); });
  }
  std::vector<Grid> kept;
  for (size_t i = 0; i < grids->size(); ++i)
    if (!frame[i]) kept.push_back(std::move((*grids)[i]));
  *grids = std::move(kept);
}

}  // namespace

std::vector<Grid> FindGrids(const PageImage& image, const GridOptions& options,
                            const std::vector<Box>& glyphs) {
  const cv::Mat& src = image.gray;
  if (src.empty() || src.rows < 8 || src.cols < 8) return {};
  if (!std::isfinite(image.dpi) || image.dpi < 20 || image.dpi > 2400) return {};
  cv::Mat gray;
  if (src.type() == CV_8UC1) {
    gray = src;
  } else if (src.type() == CV_8UC3) {
    cv::cvtColor(src, gray, cv::COLOR_BGR2GRAY);
  } else if (src.type() == CV_8UC4) {
    cv::cvtColor(src, gray, cv::COLOR_BGRA2GRAY);
  } else {
    return {};
  }
  const double dpi = image.dpi;
  PixelParams px = ToPixels(options, dpi, gray.cols);

  // Window of the adaptive threshold: about a quarter inch, wider than a glyph.
  const cv::Mat ink =
      grid_internal::BinarizeInk(gray, static_cast<int>(dpi / 4), options.ink_contrast);
  // Long horizontal runs first; then vertical runs, keeping short ones that end on a
  // horizontal rule; then horizontal runs again, likewise anchored on the vertical rules.
  const grid_internal::RunLimits hlimits{px.min_hrun, px.max_break, px.min_fill, px.min_end_run};
  const grid_internal::RunLimits vlimits{px.min_vrun, px.max_break, px.min_fill, px.min_end_run};
  const grid_internal::RuleScan long_h = grid_internal::ScanRules(ink, Axis::kHorizontal, hlimits);
  const grid_internal::RuleScan v =
      grid_internal::ScanRules(ink, Axis::kVertical, vlimits, long_h.mask);
  const grid_internal::RuleScan h =
      grid_internal::ScanRules(ink, Axis::kHorizontal, hlimits, v.mask);
  std::vector<RulePiece> pieces;
  for (const auto* scan : {&h, &v}) {
    for (const RulePiece& p : scan->pieces) {
      if (p.thickness <= px.max_thickness) pieces.push_back(p);
    }
  }
  // The bottom strokes of a line of bold text, chained by a scan's blur into a run as long as
  // a short rule, have the glyphs' other strokes standing along them: they are no rule.
  for (RulePiece& p : pieces)
    if (p.axis == Axis::kHorizontal) p.touch = Touch(p, ink, v.mask, h.mask);
  std::erase_if(pieces, [](const RulePiece& p) { return p.touch > kMaxRuleTouch; });
  EraseTextStrokes(&pieces, glyphs, ink.size(), dpi);
  if (pieces.empty() || pieces.size() > kMaxPieces) return {};
  px.skew = EstimateSkew(pieces, px);

  // Connected rule structures.
  const int n = static_cast<int>(pieces.size());
  UnionFind uf(n);
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      const RulePiece& a = pieces[i];
      const RulePiece& b = pieces[j];
      const bool linked =
          a.axis == b.axis
              ? Collinear(a, b, px)
              : (a.axis == Axis::kHorizontal ? Meet(a, b, px.junction) : Meet(b, a, px.junction));
      if (linked) uf.Join(i, j);
    }
  }
  std::vector<std::vector<RulePiece>> groups(n);
  for (int i = 0; i < n; ++i) groups[uf.Find(i)].push_back(pieces[i]);

  std::vector<Grid> grids;
  for (const auto& group : groups) {
    if (group.size() < 2) continue;
    if (auto grid = BuildGrid(group, px, dpi)) grids.push_back(std::move(*grid));
  }
  DropFrames(&grids);
  std::sort(grids.begin(), grids.end(), [](const Grid& a, const Grid& b) {
    return a.box.y0 != b.box.y0 ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0;
  });
  return grids;
}

}  // namespace jixiao
