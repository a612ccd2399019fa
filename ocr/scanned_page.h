// Reading a page that has no usable text layer: prepare it, find the grids, OCR each cell and
// the text outside the tables.
#pragma once

#include <vector>

#include "core/fixes.h"
#include "core/types.h"
#include "layout/page.h"

namespace jixiao {

class OcrEngine;  // ocr/engine.h

// `scan` is the page image at its own resolution (200–300 dpi typical). Returns what
// ReadPage returns for a digital page: tables = FindGrids(prepared image) filled by Assemble
// with one OCR Word per text line (box in points, confidence 0–1, source kOcr), lines =
// LinesOutside. Cells are marked source kOcr, and `corrected` where the reading was decided
// by what the reader knows (operator glyph shapes, the label and indicator vocabulary,
// context fixes of marks); their confidence is the weakest line's. The page is prepared and
// cut into lines as the engine's OcrOptions say (prepare, lines), and reads the same whatever
// the engine read before (ocr/line_cache.h). Lines and cells name the fixes that changed them
// (core/fixes.h); the fixes `fixes` switches off are not applied. With `keep_image` the
// prepared page image, the one the boxes are on, comes back as PageContent::image.
PageContent ReadScannedPage(const PageImage& scan, OcrEngine& engine, const FixSwitches& fixes = {},
                            bool keep_image = false);

}  // namespace jixiao
