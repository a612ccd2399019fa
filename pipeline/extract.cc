#include "pipeline/extract.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "checks/checks.h"
#include "checks/review.h"
#include "core/text.h"
#include "layout/grid.h"
#include "layout/table.h"
#include "ocr/document_lexicon.h"
#include "ocr/line_net.h"
#include "ocr/engine.h"
#include "ocr/scanned_page.h"

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
    PageContent out = ReadScannedPage(doc.Render(page, options.ocr_dpi), *ocr);
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
  PageImage image = doc.Render(page, options.grid_dpi);
  for (const Grid& g : FindGrids(image)) out.tables.push_back(Assemble(g, words, page));
  out.lines = LinesOutside(out.tables, words);
  return out;
}

ExtractResult Extract(const std::string& path, const ExtractOptions& options) {
  Document first = Document::Open(path);
  ExtractResult result;
  result.source = first.info();
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
  threads = std::min(threads, n);
  // One engine per thread, created at its first scanned page; kept for the document pass.
  std::vector<std::unique_ptr<OcrEngine>> engines(std::max(1, threads));
  auto work = [&](const Document& doc, std::unique_ptr<OcrEngine>& engine) {
    bool engine_failed = !options.ocr;
    auto engine_for = [&]() -> OcrEngine* {
      if (engine || engine_failed) return engine.get();
      try {
        engine = std::make_unique<OcrEngine>();
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
  for (int i = 1; i < threads; ++i) pool.emplace_back(work, std::cref(docs[i - 1]), std::ref(engines[i]));
  work(first, engines[0]);
  for (auto& t : pool) t.join();

  if (engine_error) result.warnings.push_back(*engine_error);
  for (Slot& s : slots) {
    if (s.warning) result.warnings.push_back(*s.warning);
    if (!s.ok) continue;
    if (!s.content.has_text)
      result.warnings.push_back({s.content.page, "page.no_text",
                                 "page has no text layer (an image-only page needs OCR)"});
    result.pages.push_back(std::move(s.content));
  }
  // Scanned pages: glyphs the recognizer doubted, settled by the words the rest of the
  // document prints clearly.
  std::vector<OcrEngine*> engines_made;
  for (auto& e : engines) engines_made.push_back(e.get());
  ocr::CorrectByDocument(result.pages, engines_made);
  // Pages were read by OCR without the second line recognizer: say so, as their text is read
  // less well (a build moved away from its line-net folder, say).
  if (std::any_of(engines_made.begin(), engines_made.end(), [](OcrEngine* e) { return e != nullptr; }) &&
      ocr::LineNet::ModelDir().empty())
    result.warnings.push_back({0, "ocr.degraded",
                               "the second OCR line recognizer's model is missing (run scripts/setup.sh and "
                               "build, or set JIXIAO_LINE_NET): scanned text is read less well"});
  result.document = ReadMeta(result.pages);
  result.sections = ReadSections(result.pages);
  result.projects = ReadProjects(result.pages, &result.warnings);
  // Fields read by OCR with little confidence, for a human to look at.
  for (Warning& w : ReviewWarnings(result.projects)) result.warnings.push_back(std::move(w));
  DepartmentFromProjects(result.document, result.projects);
  result.findings = Check(result.projects);
  return result;
}

}  // namespace jixiao
