// Fields a human should look at again: those read by OCR with little confidence.
#pragma once

#include <vector>

#include "core/error.h"
#include "records/records.h"

namespace jixiao {

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
