// Scanned pages as scanners deliver them -> upright, straight, clean pages.
#pragma once

#include <opencv2/core.hpp>

#include "core/types.h"

namespace jixiao {

struct PrepareOptions {
  bool detect_orientation = true;  // 90/180/270 turns (Tesseract OSD or own evidence)
  double max_skew_degrees = 6.0;   // 0 (or less) disables deskewing
  // Own evidence first (text-line direction, where punctuation sits in its line); Tesseract
  // OSD is asked only when that evidence is weak, and its answer is taken only when its
  // confidence reaches osd_min_confidence.
  bool use_osd = true;
  double osd_min_confidence = 0.5;
  bool flatten_background = true;  // divide by the paper's brightness, stretch ink to black
  bool remove_specks = true;       // isolated specks leave `binary` (and `image`)
  // Skews smaller than this (degrees) are not resampled away: the rotation would only blur.
  double min_rotation_degrees = 0.02;
};

// Where the page's answer for `orientation` came from.
enum class OrientationSource {
  kNone,    // not asked (option off, degenerate or blank page): 0
  kLayout,  // text-line direction and punctuation positions
  kOsd,     // Tesseract's orientation detection
  kGuess,   // weak evidence both ways; the likelier of what was seen
};

struct PreparedPage {
  // Upright and deskewed, background flattened to white (255), same dpi as the scan.
  // Boxes found on it are the page's boxes (points = px * 72 / dpi).
  PageImage image;
  cv::Mat binary;  // CV_8UC1, same size, ink = 255, paper = 0, specks removed
  // The rotation that was removed, degrees, counterclockwise as displayed (the scan's content
  // was turned by this much; cv::getRotationMatrix2D's sign). Within +-max_skew_degrees.
  double skew_degrees = 0;
  // 0, 90, 180 or 270: the turn that was undone, clockwise as displayed (as Tesseract's
  // DetectOrientationScript reports it): 90 means the scan's text reads top to bottom and
  // Prepare turned it 90 degrees counterclockwise.
  int orientation = 0;
  OrientationSource orientation_source = OrientationSource::kNone;
  // Scan pixel (x, y, 1) -> pixel of `image`: orientation turn and skew rotation together.
  cv::Matx23d transform = cv::Matx23d(1, 0, 0, 0, 1, 0);
};

// Never throws on odd input: an empty, tiny (< 32 px a side) or non-8-bit image comes back
// unchanged (gray converted to CV_8UC1 when it had 3 or 4 channels), skew 0, orientation 0.
PreparedPage Prepare(const PageImage& scan, const PrepareOptions& options = {});

}  // namespace jixiao
