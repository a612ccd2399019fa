// What reading one page gives, digital or scanned: its tables and the text lines outside them.
// The handoff type between the per-page stages (extract/, ocr/, layout/) and the records.
#pragma once

#include <vector>

#include "layout/table.h"

namespace jixiao {

// What one page gave: its tables and the text lines outside them. Pages are read
// independently (and in parallel); records are built from all of them in order.
struct PageContent {
  int page = 0;  // 1-based
  double width = 0, height = 0;  // points
  std::vector<Table> tables;
  std::vector<TextLine> lines;  // outside every table, top to bottom
  bool has_text = false;
  // kOcr when the page was read from its image (ocr/scanned_page.h): its text is as recognized,
  // which the records' fixes may mend; kTextLayer when it is as printed.
  WordSource source = WordSource::kTextLayer;
  // The image every box of the page is on, kept only when the reader is asked to
  // (ExtractOptions::keep_page_images, for the searchable PDF; output/searchable_pdf.h): a
  // scanned page's prepared image (upright, deskewed, paper flattened; ocr/preprocess.h), or an
  // image input's page as it is. Empty otherwise, and always for a page read from its text layer.
  PageImage image;
};

}  // namespace jixiao
