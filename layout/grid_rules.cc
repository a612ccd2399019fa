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

// Runs of at least `min_run` pixels along each image row, with breaks of up to
// `max_break` pixels bridged. Appends in (row, lo) order.
void RowRuns(const cv::Mat& ink, int min_run, int max_break, std::vector<Run>* runs) {
  const int width = ink.cols;
  for (int y = 0; y < ink.rows; ++y) {
    const uint8_t* p = ink.ptr<uint8_t>(y);
    int start = -1, last = -1;
    int x = 0;
    while (x < width) {
      if (x + 8 <= width && Blank8(p + x)) {
        x += 8;
        continue;
      }
      if (p[x] != 0) {
        if (start >= 0 && x - last - 1 <= max_break) {
          last = x;
        } else {
          if (start >= 0 && last + 1 - start >= min_run) runs->push_back({y, start, last + 1});
          start = last = x;
        }
      }
      ++x;
    }
    if (start >= 0 && last + 1 - start >= min_run) runs->push_back({y, start, last + 1});
  }
}

// Runs of at least `min_run` pixels down each image column, bridging breaks of up to
// `max_break` pixels. The image is read row by row (cache friendly) with per-column state.
// Appends in (column, lo) order.
void ColumnRuns(const cv::Mat& ink, int min_run, int max_break, std::vector<Run>* runs) {
  const int width = ink.cols;
  std::vector<int> start(width, -1), last(width, -1);
  std::vector<Run> found;
  for (int y = 0; y < ink.rows; ++y) {
    const uint8_t* p = ink.ptr<uint8_t>(y);
    int x = 0;
    while (x < width) {
      if (x + 8 <= width && Blank8(p + x)) {
        x += 8;
        continue;
      }
      if (p[x] != 0) {
        if (start[x] >= 0 && y - last[x] - 1 <= max_break) {
          last[x] = y;
        } else {
          if (start[x] >= 0 && last[x] + 1 - start[x] >= min_run) {
            found.push_back({x, start[x], last[x] + 1});
          }
          start[x] = last[x] = y;
        }
      }
      ++x;
    }
  }
  for (int x = 0; x < width; ++x) {
    if (start[x] >= 0 && last[x] + 1 - start[x] >= min_run)
      found.push_back({x, start[x], last[x] + 1});
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

std::vector<RulePiece> FindRulePieces(const cv::Mat& ink, Axis axis, int min_run, int max_break) {
  if (ink.empty() || ink.type() != CV_8UC1) return {};
  min_run = std::max(1, min_run);
  max_break = std::max(0, max_break);
  std::vector<Run> runs;
  if (axis == Axis::kHorizontal) {
    RowRuns(ink, min_run, max_break, &runs);
  } else {
    ColumnRuns(ink, min_run, max_break, &runs);
  }
  return LinkRuns(runs, axis);
}

}  // namespace jixiao::grid_internal
