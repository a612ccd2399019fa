// Reading one line of text the way a careful reader would: an operator glyph at the start is
// recognized by its shape, digits and codes by the ASCII recognizer, a glyph Tesseract
// skipped is read again on its own.
#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/fixes.h"
#include "core/types.h"
#include "ocr/engine.h"
#include "ocr/line_cache.h"

namespace jixiao::ocr {

struct LineResult {
  std::string text;        // UTF-8
  double confidence = 0;   // 0..1
  bool corrected = false;  // a glyph's reading was decided by more than Tesseract's reading
  std::vector<std::string> fixes;      // ids of the fixes of stage `line` that changed it
  std::vector<float> char_confidence;  // one per code point of text (spaces 1)
  std::vector<GlyphImage> glyphs;      // likewise: the images of doubted glyphs, others empty
};

// `gray` is the line (CV_8UC1, paper 255) with everything that is not its own ink white;
// `ink` is its ink mask (same size, 255 = ink). `values` allows a comparison operator at
// the start of the line (table cells). Empty text when nothing could be read. Glyphs read
// with less confidence than kDoubtedGlyph (ocr/options.h) keep their image. The fixes of stage
// `line` (core/fixes.h) that `fixes` switches off are not applied.
// With `cache`, a table cell's line whose ink matches one read before (ocr/line_cache.h) is
// given that line's reading, and a line read is kept there. The caller decides what the
// cache spans: ReadScannedPage keeps one per page (read with one set of switches), so that a
// page reads the same whatever was read before it.
LineResult ReadTextLine(OcrEngine::Impl& engine, const cv::Mat& gray, const cv::Mat& ink, double dpi,
                        bool values, LineCache* cache = nullptr, const FixSwitches& fixes = {});

// Printable ASCII (full-width forms included) and nothing else, spaces aside, and not empty:
// the text of a code, a number or an amount.
bool AsciiOnly(const std::string& text);

}  // namespace jixiao::ocr
