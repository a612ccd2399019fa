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
  // Share of the piece's length (away from crossing rules) with ink right beside it on its
  // more crowded side: near 0 for a rule, high for the chained bottom strokes of bold text.
  double touch = 0;

  int length() const { return hi - lo; }
};

// Ink mask of a gray page: 255 where a pixel is `contrast` gray levels darker than the
// mean of a square window of `window` pixels (odd, >= 3), 0 elsewhere.
cv::Mat BinarizeInk(const cv::Mat& gray, int window, double contrast);

// Which ink runs along a line of pixels can be part of a rule: at least `min_run` pixels
// long, breaks of up to `max_break` pixels bridged, and at least `min_fill` of the run ink.
// With max_break 0 this is exactly what an opening with a 1 x min_run line kernel keeps.
// A shorter run of at least `min_anchored_run` pixels is kept too when it starts or ends on
// a rule of the other axis: the end of a rule whose last piece a break made too short.
struct RunLimits {
  int min_run = 1;
  int max_break = 0;
  double min_fill = 1.0;
  int min_anchored_run = 1;
};

// The rule pieces along one axis and their pixels.
struct RuleScan {
  std::vector<RulePiece> pieces;
  cv::Mat mask;  // CV_8UC1, 255 on the kept runs (empty unless asked for)
};

// Pieces of rules along `axis`: the runs that `limits` keep, linked into 8-connected pieces.
// `ink` is CV_8UC1, non-zero = ink. `anchors` is the other axis' rule mask (ScanRules'
// `mask`), or empty to keep long runs only. The mask is filled only when `want_mask`.
RuleScan ScanRules(const cv::Mat& ink, Axis axis, RunLimits limits, const cv::Mat& anchors = {},
                   bool want_mask = true);

}  // namespace jixiao::grid_internal
