// Scanned pages as scanners deliver them -> upright, straight, clean pages.
#pragma once

#include <opencv2/core.hpp>

#include "core/types.h"

namespace jixiao {

struct PrepareOptions {
  bool detect_orientation = true;  // 90/180/270 turns (Tesseract OSD or own evidence)
  double max_skew_degrees = 6.0;
};

struct PreparedPage {
  // Upright and deskewed, background flattened to white (255), same dpi as the scan.
  // Boxes found on it are the page's boxes (points = px * 72 / dpi).
  PageImage image;
  cv::Mat binary;             // CV_8UC1, same size, ink = 255, paper = 0, specks removed
  double skew_degrees = 0;    // the rotation that was removed
  int orientation = 0;        // 0, 90, 180 or 270: the turn that was undone
};

PreparedPage Prepare(const PageImage& scan, const PrepareOptions& options = {});

}  // namespace jixiao
