#include "layout/grid_rules.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <opencv2/imgproc.hpp>

namespace jixiao::grid_internal {
namespace {

// A run of ink on one image row (horizontal rules) or column (vertical rules), in pixels:
// `line` is the row or column, [lo, hi) the extent along it.
struct Run {
  int line = 0, lo = 0, hi = 0;
};

int FindRoot(std::vector<int>& parent, int i) {
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

// True when the 8 bytes at p are all zero (no ink): lets the scans skip blank paper fast.
inline bool Blank8(const uint8_t* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof(word));
  return word == 0;
}

// A run under way: [start, last] with `ink` ink pixels in it.
struct OpenRun {
  int start = -1, last = -1, ink = 0;
};

// Whether `anchors` (the other axis' rule mask, may be empty) has a rule pixel at `along`
// on line `line` or its two neighbours. Row runs: along = x, line = y; column runs the
// other way round.
inline bool AnchorNear(const cv::Mat& anchors, bool rows, int line, int along) {
  const int lines = rows ? anchors.rows : anchors.cols;
  const int length = rows ? anchors.cols : anchors.rows;
  if (along < 0 || along >= length) return false;
  for (int l = std::max(0, line - 1); l <= std::min(lines - 1, line + 1); ++l) {
    if ((rows ? anchors.at<uint8_t>(l, along) : anchors.at<uint8_t>(along, l)) != 0) return true;
  }
  return false;
}

// Whether an ended run on line `line` is part of a rule: long and solid enough, or short
// (a rule's end piece cut off by a break) but starting or ending on a rule of the other
// axis, with enough ink of its own off that rule.
bool Keep(const OpenRun& r, const RunLimits& limits, const cv::Mat& anchors, bool rows, int line) {
  if (r.start < 0) return false;
  const int len = r.last + 1 - r.start;
  if (r.ink < limits.min_fill * len) return false;
  if (len >= limits.min_run) return true;
  if (anchors.empty() || len < limits.min_anchored_run) return false;
  const bool anchored =
      AnchorNear(anchors, rows, line, r.start - 1) || AnchorNear(anchors, rows, line, r.start) ||
      AnchorNear(anchors, rows, line, r.last) || AnchorNear(anchors, rows, line, r.last + 1);
  if (!anchored) return false;
  int own = 0;
  for (int a = r.start; a <= r.last; ++a) {
    if ((rows ? anchors.at<uint8_t>(line, a) : anchors.at<uint8_t>(a, line)) == 0) ++own;
  }
  return own >= limits.min_anchored_run;
}

// Adds ink pixel `at` to run `r`; returns true when it starts a new run, after `r` ended.
inline bool Extend(OpenRun* r, int at, const RunLimits& limits) {
  if (r->start >= 0 && at - r->last - 1 <= limits.max_break) {
    r->last = at;
    ++r->ink;
    return false;
  }
  return true;
}

// Runs along each image row. Appends in (row, lo) order.
void RowRuns(const cv::Mat& ink, const RunLimits& limits, const cv::Mat& anchors,
             std::vector<Run>* runs) {
  const int width = ink.cols;
  for (int y = 0; y < ink.rows; ++y) {
    const uint8_t* p = ink.ptr<uint8_t>(y);
    OpenRun r;
    int x = 0;
    while (x < width) {
      if (x + 8 <= width && Blank8(p + x)) {
        x += 8;
        continue;
      }
      if (p[x] != 0 && Extend(&r, x, limits)) {
        if (Keep(r, limits, anchors, true, y)) runs->push_back({y, r.start, r.last + 1});
        r = {x, x, 1};
      }
      ++x;
    }
    if (Keep(r, limits, anchors, true, y)) runs->push_back({y, r.start, r.last + 1});
  }
}

// Runs down each image column. The image is read row by row (cache friendly) with one open
// run per column. Appends in (column, lo) order.
void ColumnRuns(const cv::Mat& ink, const RunLimits& limits, const cv::Mat& anchors,
                std::vector<Run>* runs) {
  const int width = ink.cols;
  std::vector<OpenRun> open(width);
  std::vector<Run> found;
  for (int y = 0; y < ink.rows; ++y) {
    const uint8_t* p = ink.ptr<uint8_t>(y);
    int x = 0;
    while (x < width) {
      if (x + 8 <= width && Blank8(p + x)) {
        x += 8;
        continue;
      }
      if (p[x] != 0 && Extend(&open[x], y, limits)) {
        if (Keep(open[x], limits, anchors, false, x))
          found.push_back({x, open[x].start, open[x].last + 1});
        open[x] = {y, y, 1};
      }
      ++x;
    }
  }
  for (int x = 0; x < width; ++x) {
    if (Keep(open[x], limits, anchors, false, x))
      found.push_back({x, open[x].start, open[x].last + 1});
  }
  std::sort(found.begin(), found.end(), [](const Run& a, const Run& b) {
    return a.line != b.line ? a.line < b.line : a.lo < b.lo;
  });
  runs->insert(runs->end(), found.begin(), found.end());
}

// Links runs on neighbouring lines that touch (8-connectivity) into pieces. `runs` must be
// sorted by (line, lo), runs on one line disjoint.
std::vector<RulePiece> LinkRuns(const std::vector<Run>& runs, Axis axis) {
  const int n = static_cast<int>(runs.size());
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);

  // [prev_begin, prev_end): runs on the line before the current one.
  int prev_begin = 0, prev_end = 0;
  int i = 0;
  while (i < n) {
    const int line = runs[i].line;
    int line_end = i;
    while (line_end < n && runs[line_end].line == line) ++line_end;
    const bool prev_adjacent = prev_end > prev_begin && runs[prev_begin].line == line - 1;
    if (prev_adjacent) {
      int j = prev_begin;
      for (int k = i; k < line_end; ++k) {
        // Skip previous runs that end before this one starts (diagonal touch allowed).
        while (j < prev_end && runs[j].hi < runs[k].lo) ++j;
        for (int m = j; m < prev_end && runs[m].lo <= runs[k].hi; ++m) {
          const int a = FindRoot(parent, k), b = FindRoot(parent, m);
          if (a != b) parent[a] = b;
        }
      }
    }
    prev_begin = i;
    prev_end = line_end;
    i = line_end;
  }

  struct Acc {
    int lo = 0, hi = 0, across_lo = 0, across_hi = 0;
    // Sums over the piece's pixels: count, across, along, along^2, along*across.
    double area = 0, moment = 0, sum_a = 0, sum_aa = 0, sum_ax = 0;
    bool used = false;
  };
  std::vector<Acc> acc(n);
  for (int k = 0; k < n; ++k) {
    const Run& r = runs[k];
    Acc& a = acc[FindRoot(parent, k)];
    const double len = r.hi - r.lo;
    if (!a.used) {
      a.used = true;
      a.lo = r.lo;
      a.hi = r.hi;
      a.across_lo = r.line;
      a.across_hi = r.line + 1;
    } else {
      a.lo = std::min(a.lo, r.lo);
      a.hi = std::max(a.hi, r.hi);
      a.across_lo = std::min(a.across_lo, r.line);
      a.across_hi = std::max(a.across_hi, r.line + 1);
    }
    // Sums of x and x^2 for x = lo .. hi-1.
    auto squares = [](double m) { return m * (m + 1) * (2 * m + 1) / 6; };
    const double sum_x = len * (r.lo + r.hi - 1) / 2.0;
    a.area += len;
    a.moment += len * r.line;
    a.sum_a += sum_x;
    a.sum_aa += squares(r.hi - 1) - squares(r.lo - 1);
    a.sum_ax += sum_x * r.line;
  }
  std::vector<RulePiece> pieces;
  for (const Acc& a : acc) {
    if (!a.used) continue;
    RulePiece p;
    p.axis = axis;
    p.lo = a.lo;
    p.hi = a.hi;
    p.across_lo = a.across_lo;
    p.across_hi = a.across_hi;
    p.pos = a.moment / a.area;
    p.thickness = a.area / std::max(1, a.hi - a.lo);
    p.mid = a.sum_a / a.area;
    const double var = a.sum_aa - a.sum_a * a.sum_a / a.area;
    p.slope = var > 1e-9 ? (a.sum_ax - a.sum_a * a.moment / a.area) / var : 0.0;
    pieces.push_back(p);
  }
  return pieces;
}

}  // namespace

cv::Mat BinarizeInk(const cv::Mat& gray, int window, double contrast) {
  cv::Mat ink;
  window = std::max(3, window | 1);
  cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, window,
                        contrast);
  return ink;
}

RuleScan ScanRules(const cv::Mat& ink, Axis axis, RunLimits limits, const cv::Mat& anchors,
                   bool want_mask) {
  RuleScan scan;
  if (ink.empty() || ink.type() != CV_8UC1) return scan;
  limits.min_run = std::max(1, limits.min_run);
  limits.min_anchored_run = std::max(1, limits.min_anchored_run);
  limits.max_break = std::max(0, limits.max_break);
  const cv::Mat usable =
      anchors.size() == ink.size() && anchors.type() == CV_8UC1 ? anchors : cv::Mat();
  std::vector<Run> runs;
  const bool rows = axis == Axis::kHorizontal;
  if (rows) {
    RowRuns(ink, limits, usable, &runs);
  } else {
    ColumnRuns(ink, limits, usable, &runs);
  }
  if (want_mask) {
    scan.mask = cv::Mat::zeros(ink.size(), CV_8UC1);
    for (const Run& r : runs) {
      if (rows) {
        std::memset(scan.mask.ptr<uint8_t>(r.line) + r.lo, 255, r.hi - r.lo);
      } else {
        for (int y = r.lo; y < r.hi; ++y) scan.mask.at<uint8_t>(y, r.line) = 255;
      }
    }
  }
  scan.pieces = LinkRuns(runs, axis);
  return scan;
}

}  // namespace jixiao::grid_internal
