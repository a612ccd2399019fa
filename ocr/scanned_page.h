// Reading a page that has no usable text layer: prepare it, find the grids, OCR each cell and
// the text outside the tables.
#pragma once

#include <memory>
#include <vector>

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

// `scan` is the page image at its own resolution (200–300 dpi typical). Returns what
// ReadPage returns for a digital page: tables = FindGrids(prepared image) filled by Assemble
// with one OCR Word per text line (box in points, confidence 0–1, source kOcr), lines =
// LinesOutside. Cells are marked source kOcr, and `corrected` where the reading was decided
// by what the reader knows (operator glyph shapes, the label and indicator vocabulary,
// context fixes of marks); their confidence is the weakest line's.
PageContent ReadScannedPage(const PageImage& scan, OcrEngine& engine);

// Confidence below which a field read by OCR goes to a human for review. Tesseract's own
// confidence is high even for many misreadings (on the corpus scans, misread fields
// averaged 0.95), so the bar sits high: it flags about one field in twelve.
inline constexpr double kReviewConfidence = 0.9;

// One warning (code "ocr.review", the field's page, its path and confidence) for every
// field of `projects` read by OCR whose confidence is below `threshold`. (Corrections are
// marked in the provenance, `corrected`.)
std::vector<Warning> ReviewWarnings(const std::vector<Project>& projects,
                                    double threshold = kReviewConfidence);

}  // namespace jixiao
