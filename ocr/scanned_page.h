// Reading a page that has no usable text layer: prepare it, find the grids, OCR each cell and
// the text outside the tables.
#pragma once

#include <memory>

#include "core/types.h"
#include "records/records.h"

namespace jixiao {

// Tesseract state of one worker thread: created once, reused for every page of that thread.
class OcrEngine {
 public:
  // Throws Error when the chi_sim / eng models are missing.
  OcrEngine();
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// `scan` is the page image at its own resolution (200–300 dpi typical).
PageContent ReadScannedPage(const PageImage& scan, OcrEngine& engine);

}  // namespace jixiao
