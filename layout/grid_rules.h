// Rule detection for FindGrids: binarization and the pieces of horizontal and vertical
// rules, in pixels of the page image. Internal to layout/; the public API is grid.h.
#pragma once

#include <vector>

#include "core/types.h"

namespace jixiao::grid_internal {

enum class Axis { kHorizontal, kVertical };

// One connected piece of a rule: the ink that the opening with a long thin kernel keeps.
// All values are in pixels of the image it came from. "Along" is x for a horizontal rule
// and y for a vertical one; "across" is the other axis.
struct RulePiece {
  Axis axis = Axis::kHorizontal;
  int lo = 0, hi = 0;                // extent along, [lo, hi)
  int across_lo = 0, across_hi = 0;  // bounding box across, [across_lo, across_hi)
  double pos = 0;                    // ink centroid across (the rule's centre line)
  double thickness = 0;              // ink area / length: robust to skew
  double mid = 0;                    // ink centroid along
  double slope = 0;                  // least-squares d(across)/d(along) of the ink

  int length() const { return hi - lo; }
};

// Ink mask of a gray page: 255 where a pixel is `contrast` gray levels darker than the
// mean of a square window of `window` pixels (odd, >= 3), 0 elsewhere.
cv::Mat BinarizeInk(const cv::Mat& gray, int window, double contrast);

// Pieces of rules along `axis`: ink runs of at least `min_run` pixels (breaks of up to
// `max_break` pixels bridged), which is what an opening with a 1 x min_run line kernel
// keeps, linked into 8-connected pieces. `ink` is CV_8UC1, non-zero = ink.
std::vector<RulePiece> FindRulePieces(const cv::Mat& ink, Axis axis, int min_run, int max_break);

}  // namespace jixiao::grid_internal
