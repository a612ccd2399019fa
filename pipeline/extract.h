// The whole extraction of one document, in two steps: ReadPages (open, read every page in
// parallel, each page on its own and failing on its own), then BuildDocument (the document
// passes, by name, in one list).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "checks/checks.h"
#include "checks/finding.h"
#include "core/error.h"
#include "core/fixes.h"
#include "extract/document.h"
#include "ocr/options.h"
#include "records/records.h"

namespace jixiao {

struct ExtractOptions {
  int threads = 0;          // 0 = every core
  double grid_dpi = 100;    // resolution at which digital pages are rendered for rules
  // A page whose text is smaller than fine_grid_below_em_pt (TextEm, layout/table.h) is
  // rendered at fine_grid_dpi instead: at 100 dpi the glyphs of a table printed at 3-6 pt
  // (Beijing's 年度项目支出绩效表, 75 rows a page) are 5-8 pixels, their bold strokes blur
  // into bars beside the rules, and rules 5 pt apart are 7 pixels: header rows vanish and
  // text falls outside its cell. Pages of ordinary text keep the cheaper render.
  double fine_grid_dpi = 200;
  double fine_grid_below_em_pt = 7.0;
  double ocr_dpi = 200;     // resolution at which image-only PDF pages are rendered for OCR
  bool ocr = true;          // read pages without a usable text layer by OCR
  CheckOptions checks;      // the auditor checks run on the records
  // What the OCR engines load and how each OCR stage is tuned (ocr/options.h).
  ocr::OcrOptions ocr_options;
  FixSwitches disabled_fixes;  // fixes not applied (core/fixes.h; `--disable-fix ID`)
  // Keep each scanned page's prepared image, and each page of an image input, in
  // PageContent::image (for the searchable PDF, output/searchable_pdf.h). Off, nothing more is
  // kept; on, a page holds its gray image until the result goes: width x height bytes, 3.9 MB
  // for an A4 page scanned at 200 dpi.
  bool keep_page_images = false;
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

// What reading the pages gave: each page read (in parallel, one OCR engine per thread), the
// pages that failed as warnings, and the engines, kept for the document pass.
struct PagesRead {
  SourceInfo source;
  std::vector<PageContent> pages;  // the pages read, in order
  std::vector<Warning> warnings;   // pages that could not be read, pages without text, OCR missing
  std::vector<std::unique_ptr<OcrEngine>> engines;  // null where a thread read no scanned page

  PagesRead();
  PagesRead(PagesRead&&) noexcept;
  PagesRead& operator=(PagesRead&&) noexcept;
  ~PagesRead();
};

// Every page of `path`, in parallel. Throws Error only when the document cannot be opened; bad
// pages become warnings.
PagesRead ReadPages(const std::string& path, const ExtractOptions& options = {});

// One pass over the whole document, run in the order of DocumentPasses().
struct DocumentPass {
  const char* name;
  const char* description;
  void (*run)(PagesRead& read, ExtractResult& result, const ExtractOptions& options);
};

// The document passes in order: OCR corrections by the document's own words, the cover's
// metadata, the part-1 sections, the projects, their indicator levels, the department of a
// form without a cover, and the auditor checks (the review of low-confidence fields among them).
const std::vector<DocumentPass>& DocumentPasses();

// The records of a document from its pages: runs DocumentPasses() in order.
ExtractResult BuildDocument(PagesRead read, const ExtractOptions& options = {});

// ReadPages then BuildDocument. Throws Error only when the document cannot be opened.
ExtractResult Extract(const std::string& path, const ExtractOptions& options = {});

}  // namespace jixiao
