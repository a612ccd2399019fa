#include "pipeline/extract.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "checks/checks.h"
#include "core/text.h"
#include "layout/grid.h"
#include "layout/table.h"
#include "ocr/document_lexicon.h"
#include "ocr/engine.h"
#include "ocr/scanned_page.h"
#include "pipeline/silence.h"

namespace jixiao {

bool TextLayerUsable(const std::vector<Word>& words) {
  size_t total = 0, bad = 0;
  for (const Word& w : words) {
    for (char32_t c : ToU32(w.text)) {
      ++total;
      if (c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || c < 0x20 || (c >= 0xF0000)) ++bad;
    }
  }
  return total > 0 && bad * 10 < total;
}

PageContent ReadPage(const Document& doc, int page, const ExtractOptions& options,
                     const std::function<OcrEngine*()>& engine) {
  std::vector<Word> words = doc.TextLayer(page);
  OcrEngine* ocr = TextLayerUsable(words) || !engine ? nullptr : engine();
  if (ocr) {
    PageContent out = ReadScannedPage(doc.Render(page, options.ocr_dpi), *ocr,
                                      options.disabled_fixes, options.keep_page_images);
    out.page = page;
    out.has_text = true;
    return out;
  }
  PageContent out;
  out.page = page;
  out.width = doc.PageWidth(page);
  out.height = doc.PageHeight(page);
  out.has_text = TextLayerUsable(words);
  if (!out.has_text) words.clear();
  const double em = TextEm(words);
  const bool small_text = em > 0 && em < options.fine_grid_below_em_pt;
  // The grids are in the rules: the page drawn without its text, which the text layer gives.
  PageImage image = doc.Render(page, small_text ? options.fine_grid_dpi : options.grid_dpi,
                               Document::Drawn::kSkipText);
  for (const Grid& g : FindGrids(image, {}, GlyphCores(words)))
    out.tables.push_back(Assemble(g, words, page));
  out.lines = LinesOutside(out.tables, words);
  // An image input not read by OCR: its rendering is the page itself, at the image's own
  // resolution (Document::Render), all a searchable PDF can show of it.
  if (options.keep_page_images && doc.info().kind == InputKind::kImage)
    out.image = std::move(image);
  return out;
}

PagesRead::PagesRead() = default;
PagesRead::PagesRead(PagesRead&&) noexcept = default;
PagesRead& PagesRead::operator=(PagesRead&&) noexcept = default;
PagesRead::~PagesRead() = default;

PagesRead ReadPages(const std::string& path, const ExtractOptions& options) {
  Document first = Document::Open(path);
  PagesRead read;
  read.source = first.info();
  const int n = first.page_count();

  struct Slot {
    bool ok = false;
    PageContent content;
    std::optional<Warning> warning;
  };
  std::vector<Slot> slots(n);
  std::atomic<int> next{1};
  std::mutex engine_error_mutex;
  std::optional<Warning> engine_error;
  int threads = options.threads > 0 ? options.threads
                                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::max(1, std::min(threads, n));
  // One engine per thread, created at its first scanned page; kept for the document pass.
  read.engines.resize(threads);
  auto work = [&](const Document& doc, std::unique_ptr<OcrEngine>& engine) {
    bool engine_failed = !options.ocr;
    auto engine_for = [&]() -> OcrEngine* {
      if (engine || engine_failed) return engine.get();
      try {
        engine = std::make_unique<OcrEngine>(options.ocr_options);
      } catch (const Error& e) {
        engine_failed = true;
        std::lock_guard<std::mutex> lock(engine_error_mutex);
        engine_error = Warning{0, "ocr.unavailable", e.message()};
      }
      return engine.get();
    };
    for (int page = next++; page <= n; page = next++) {
      Slot& s = slots[page - 1];
      try {
        s.content = ReadPage(doc, page, options, engine_for);
        s.ok = true;
      } catch (const Error& e) {
        s.warning = Warning{page, "page.unreadable", e.message()};
      } catch (const std::exception& e) {
        s.warning = Warning{page, "page.unreadable", e.what()};
      }
    }
  };
  std::vector<std::thread> pool;
  std::vector<Document> docs;
  for (int i = 1; i < threads; ++i) docs.push_back(first.Reopen());
  for (int i = 1; i < threads; ++i) pool.emplace_back(work, std::cref(docs[i - 1]), std::ref(read.engines[i]));
  work(first, read.engines[0]);
  for (auto& t : pool) t.join();

  if (engine_error) read.warnings.push_back(*engine_error);
  for (Slot& s : slots) {
    if (s.warning) read.warnings.push_back(*s.warning);
    if (!s.ok) continue;
    if (!s.content.has_text)
      read.warnings.push_back({s.content.page, "page.no_text",
                               "page has no text layer (an image-only page needs OCR)"});
    read.pages.push_back(std::move(s.content));
  }
  return read;
}

namespace {

std::vector<OcrEngine*> EnginesOf(const PagesRead& read) {
  std::vector<OcrEngine*> engines;
  for (const auto& e : read.engines) engines.push_back(e.get());
  return engines;
}

// ---------------------------------------------------------------- the document passes

// Scanned pages: glyphs the recognizer doubted, settled by the words the rest of the document
// prints clearly (ocr/document_lexicon.h).
void CorrectByDocumentPass(PagesRead& read, ExtractResult&, const ExtractOptions& options) {
  const std::vector<OcrEngine*> engines = EnginesOf(read);
  ocr::DocumentLexiconOptions lexicon = options.ocr_options.lexicon;
  lexicon.fixes = options.disabled_fixes;
  ocr::CorrectByDocument(read.pages, engines, lexicon);
}

// Pages were read by an engine without its second line recognizer or its word list: say so, as
// their text is read less well (a build moved away from its line-net folder, say).
void OcrDegradedPass(PagesRead& read, ExtractResult& r, const ExtractOptions&) {
  for (OcrEngine* e : EnginesOf(read))
    if (e != nullptr && e->degraded()) {
      r.warnings.push_back(
          {0, "ocr.degraded", e->degraded_reason() + ": scanned text is read less well"});
      return;
    }
}

void MetadataPass(PagesRead& read, ExtractResult& r, const ExtractOptions&) { r.document = ReadMeta(read.pages); }

void SectionsPass(PagesRead& read, ExtractResult& r, const ExtractOptions& options) {
  r.sections = ReadSections(read.pages, options.disabled_fixes);
}

void ProjectsPass(PagesRead& read, ExtractResult& r, const ExtractOptions& options) {
  r.projects = ReadProjects(read.pages, &r.warnings, options.disabled_fixes);
}

// A fix (core/fixes.h): it runs unless switched off.
void IndicatorLevelsPass(PagesRead&, ExtractResult& r, const ExtractOptions& options) {
  if (options.disabled_fixes.Enabled("records.indicator_levels")) SettleIndicatorLevels(r.projects);
}

void DepartmentPass(PagesRead& read, ExtractResult& r, const ExtractOptions&) {
  DepartmentFromProjects(r.document, r.projects);
  DepartmentFromHeadings(r.document, read.pages, r.projects);
}

// No project lost in silence: pages that print a performance table but gave no record, or more
// 项目名称 labels than records, are named by a warning (pipeline/silence.h).
void UnreadPagesPass(PagesRead& read, ExtractResult& r, const ExtractOptions&) {
  for (Warning& w : UnreadPageWarnings(read.pages, r.projects, r.warnings))
    r.warnings.push_back(std::move(w));
}

void ChecksPass(PagesRead&, ExtractResult& r, const ExtractOptions& options) {
  r.findings = Check(r.projects, options.checks);
  MarkReview(r.projects, r.findings, options.checks);
}

}  // namespace

const std::vector<DocumentPass>& DocumentPasses() {
  static const std::vector<DocumentPass> kPasses = {
      {"ocr.document_lexicon",
       "doubted OCR glyphs settled by the words the document prints clearly",
       CorrectByDocumentPass},
      {"ocr.degraded",
       "a warning when pages were read without the second line recognizer or the word list",
       OcrDegradedPass},
      {"records.metadata",
       "the cover: department, title, year, draft, who compiled and reviewed it", MetadataPass},
      {"records.sections", "part 1: the overall goal, the goals and the measures", SectionsPass},
      {"records.projects", "the projects, from their 绩效目标表 tables", ProjectsPass},
      {"records.indicator_levels", "OCR'd 一级/二级 cells a character off their column's term",
       IndicatorLevelsPass},
      {"records.department", "no cover: the department from 主管部门, a 部门名称 line or a title",
       DepartmentPass},
      {"records.unread_pages",
       "a warning naming each page that prints a performance table no record was read from",
       UnreadPagesPass},
      {"checks", "the auditor checks and the review of doubtful fields (docs/CHECKS.md)",
       ChecksPass},
  };
  return kPasses;
}

ExtractResult BuildDocument(PagesRead read, const ExtractOptions& options) {
  ExtractResult result;
  result.source = read.source;
  result.warnings = std::move(read.warnings);
  read.warnings.clear();
  for (const DocumentPass& pass : DocumentPasses()) pass.run(read, result, options);
  result.pages = std::move(read.pages);
  return result;
}

ExtractResult Extract(const std::string& path, const ExtractOptions& options) {
  return BuildDocument(ReadPages(path, options), options);
}

}  // namespace jixiao
