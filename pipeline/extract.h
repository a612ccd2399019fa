// The whole extraction of one document: open, read every page (in parallel, each page on its
// own and failing on its own), then rebuild the records.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "extract/document.h"
#include "records/records.h"

namespace jixiao {

struct ExtractOptions {
  int threads = 0;          // 0 = every core
  double grid_dpi = 100;    // resolution at which digital pages are rendered for rules
};

struct ExtractResult {
  SourceInfo source;
  DocumentMeta document;
  Sections sections;
  std::vector<Project> projects;
  std::vector<PageContent> pages;
  std::vector<Warning> warnings;
};

// Reads one page: render, find the grids, fill them with the text layer. Throws Error (with
// the page) when the page cannot be read.
PageContent ReadPage(const Document& doc, int page, const ExtractOptions& options);

// Throws Error only when the document cannot be opened; bad pages become warnings.
ExtractResult Extract(const std::string& path, const ExtractOptions& options = {});

}  // namespace jixiao
