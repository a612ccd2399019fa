#include "pipeline/extract.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "layout/grid.h"
#include "layout/table.h"

namespace jixiao {

PageContent ReadPage(const Document& doc, int page, const ExtractOptions& options) {
  PageContent out;
  out.page = page;
  out.width = doc.PageWidth(page);
  out.height = doc.PageHeight(page);
  std::vector<Word> words = doc.TextLayer(page);
  out.has_text = !words.empty();
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
  auto work = [&](const Document& doc) {
    for (int page = next++; page <= n; page = next++) {
      Slot& s = slots[page - 1];
      try {
        s.content = ReadPage(doc, page, options);
        s.ok = true;
      } catch (const Error& e) {
        s.warning = Warning{page, "page.unreadable", e.message()};
      } catch (const std::exception& e) {
        s.warning = Warning{page, "page.unreadable", e.what()};
      }
    }
  };
  int threads = options.threads > 0 ? options.threads
                                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min(threads, n);
  std::vector<std::thread> pool;
  std::vector<Document> docs;
  for (int i = 1; i < threads; ++i) docs.push_back(first.Reopen());
  for (int i = 1; i < threads; ++i) pool.emplace_back(work, std::cref(docs[i - 1]));
  work(first);
  for (auto& t : pool) t.join();

  for (Slot& s : slots) {
    if (s.warning) result.warnings.push_back(*s.warning);
    if (!s.ok) continue;
    if (!s.content.has_text)
      result.warnings.push_back({s.content.page, "page.no_text",
                                 "page has no text layer (an image-only page needs OCR)"});
    result.pages.push_back(std::move(s.content));
  }
  result.document = ReadMeta(result.pages);
  result.sections = ReadSections(result.pages);
  result.projects = ReadProjects(result.pages, &result.warnings);
  return result;
}

}  // namespace jixiao
