// Pieces of Prepare (ocr/preprocess.h), visible for tests and tools. Not a stable interface.
#pragma once

#include <opencv2/core.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/types.h"
#include "ocr/preprocess.h"

namespace jixiao::preprocess_internal {

// Paper brightness of `gray`, smooth, at ~25 dpi (1/8 of a 200 dpi page): dark marks smaller
// than ~7 mm are closed away (PrepareOptions::background_*). `dpi` is gray's resolution.
cv::Mat EstimateBackground(const cv::Mat& gray, double dpi, const PrepareOptions& options = {});

// gray * kRatioOne / background (background resized to gray's size), saturated to 8 bits:
// paper comes out near kRatioOne whatever its shade.
constexpr double kRatioOne = 200.0;
cv::Mat RatioToBackground(const cv::Mat& gray, const cv::Mat& background);

// Levels of a ratio image (RatioToBackground), in its units.
struct Tone {
  double paper = kRatioOne;            // mode of the paper pixels
  double noise = 2;                    // spread of the paper pixels above the mode
  double ink = 0;                      // maps to 0: a low percentile of the ink
  double white = kRatioOne;            // maps to 255 (and all above)
  double threshold = 0.8 * kRatioOne;  // below: ink in the binary
};
// Every `row_step`-th row is sampled (speed on full pages).
Tone EstimateTone(const cv::Mat& ratio, int row_step, const PrepareOptions& options = {});
// 256-entry lookup table: ratio -> output gray.
cv::Mat ToneCurve(const Tone& tone);

// 8-connected components of a binary image (non-zero = ink), found through its runs.
struct Components {
  cv::Mat stats;                // count() x 5 CV_32S, cv::CC_STAT_* columns; row 0 = background
  std::vector<cv::Vec3i> runs;  // (y, x0, x1), x1 exclusive, in raster order
  std::vector<int> run_label;   // component of each run, >= 1
  int count() const { return stats.rows; }
};
Components FindComponents(const cv::Mat& binary);

// Skew search on ink points (pixel coordinates relative to the page centre): the angle
// (degrees, counterclockwise as displayed) that makes the projection profile sharpest.
// `columns` looks for vertical lines (text of a page turned by 90 or 270) instead.
struct SkewEstimate {
  double degrees = 0;
  double contrast = 0;  // at the best angle, 1 mm bins: span * sum(p^2) / N^2 (1 = flat)
};
// `fine` false: a 0.5 degree sweep only (enough for `contrast`).
SkewEstimate EstimateSkew(const std::vector<cv::Point2f>& points, bool columns, double max_degrees,
                          double px_per_mm, bool fine = true);

// Text-line direction from shapes: log(row elongation / column elongation) after smearing
// `text_mask` (ink = 255) by a third of `em` (character height, px) either way. Positive
// when the lines run horizontally.
double SmearDirection(const cv::Mat& text_mask, double em);

// Character height (px) from component statistics: a high percentile of the heights between
// 1.5 and 12 mm (PrepareOptions::em_*).
double EstimateEm(const cv::Mat& stats, double px_per_mm, const PrepareOptions& options = {});

// 0 versus 180 degrees: small marks (，。、 . ,) at the bottom of their text line with
// nothing above them vote upright; at the top with nothing below, upside down. `binary`:
// ink = 255, lines horizontal; `stats` from FindComponents or
// cv::connectedComponentsWithStats on it; `keep[i]` false for dropped components.
struct PunctuationVotes {
  int upright = 0;
  int upside_down = 0;
};
PunctuationVotes CountPunctuation(const cv::Mat& binary, const cv::Mat& stats,
                                  const std::vector<char>& keep, double dpi,
                                  const PrepareOptions& options = {});

// The last resort of step 5, when neither the marks clearly nor OSD decide: whether the page
// is upside down, from its votes and the centre of its ink (share of the page's height from
// the top, 0..1; negative when there is no ink).
bool GuessUpsideDown(const PunctuationVotes& votes, double ink_centre_share,
                     const PrepareOptions& options = {});

// Specks among the components of `binary` (ink = 255): tiny ones (below (0.2 mm)^2)
// anywhere; small ones (at most 1.2 mm across) with no character or rule within 2 mm,
// unless two more small marks are that near (a row of dots) (PrepareOptions::speck_*). One
// flag per label; label 0 (background) is never a speck.
std::vector<char> FindSpecks(const cv::Mat& binary, const cv::Mat& stats, double dpi,
                             const PrepareOptions& options = {});

// What Prepare saw, for tests and tuning.
struct Diagnostics {
  double direction = 0;  // > 0: the scan's text lines run horizontally (smear + profile)
  PunctuationVotes votes;
  int osd_orientation = -1;  // what OSD said (clockwise degrees), -1 if not asked
  double osd_confidence = 0;
  double em = 0;  // character height, px of the scan
  int specks_removed = 0;
  std::vector<std::pair<std::string, double>> stage_ms;  // wall-clock time of each stage
};
PreparedPage PrepareWithDiagnostics(const PageImage& scan, const PrepareOptions& options,
                                    Diagnostics* diagnostics);

}  // namespace jixiao::preprocess_internal
