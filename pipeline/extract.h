// The whole extraction of one document: open, read every page (in parallel, each page on its
// own and failing on its own), then rebuild the records.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "checks/finding.h"
#include "core/error.h"
#include "extract/document.h"
#include "records/records.h"

namespace jixiao {

struct ExtractOptions {
  int threads = 0;          // 0 = every core
  double grid_dpi = 100;    // resolution at which digital pages are rendered for rules
  double ocr_dpi = 200;     // resolution at which image-only PDF pages are rendered for OCR
  bool ocr = true;          // read pages without a usable text layer by OCR
};

class OcrEngine;

// Whether a text layer can be trusted: not empty, and not a layer of unmapped glyphs
// (private-use characters, U+FFFD, control characters).
bool TextLayerUsable(const std::vector<Word>& words);

struct ExtractResult {
  SourceInfo source;
  DocumentMeta document;
  Sections sections;
  std::vector<Project> projects;
  std::vector<PageContent> pages;
  std::vector<Warning> warnings;
  std::vector<Finding> findings;  // Check() on the projects (checks/checks.h)
};

// Reads one page: render, find the grids, fill them with the text layer; a page without a
// usable text layer goes to OCR with the engine that `engine` gives (the caller keeps one per
// thread and creates it on first use; null means no OCR). Throws Error (with the page) when the
// page cannot be read.
PageContent ReadPage(const Document& doc, int page, const ExtractOptions& options,
                     const std::function<OcrEngine*()>& engine);

// Throws Error only when the document cannot be opened; bad pages become warnings.
ExtractResult Extract(const std::string& path, const ExtractOptions& options = {});

}  // namespace jixiao
