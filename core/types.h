// Value types handed from stage to stage: page image -> words -> grid -> table -> record.
#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/geometry.h"

namespace jixiao {

enum class WordSource { kTextLayer, kOcr };

// The image of one glyph that the recognizer doubted, with its neighbours on either side, kept
// so that a later stage can look at it again with what the whole document says (CV_8UC1,
// paper 255, pixels at `dpi`).
struct GlyphImage {
  cv::Mat image;
  double dpi = 0;
};

// A run of text on one line, with its box in points. `chars` holds one box per code point
// when the source knows them (the text layer does), so a run that crosses a cell border
// can be split.
struct Word {
  std::string text;  // UTF-8
  Box box;
  std::vector<Box> chars;
  bool space_after = false;
  double confidence = 1.0;  // 0..1; 1 for the text layer
  // OCR: one confidence (0..1) per code point of `text` (spaces 1); empty = `confidence` for all.
  std::vector<float> char_confidence;
  // OCR: per code point as char_confidence, the image of each doubted glyph (others empty).
  std::vector<GlyphImage> glyphs;
  WordSource source = WordSource::kTextLayer;
};

// A page rendered to an 8-bit gray image. Pixels are at `dpi`; the image covers the whole
// page as displayed (rotation applied), so pixel (x, y) is point (x*72/dpi, y*72/dpi).
struct PageImage {
  cv::Mat gray;   // CV_8UC1, white paper = 255
  double dpi = 0;
  int page = 0;   // 1-based page number
};

}  // namespace jixiao
