// CPU seconds of reading one scanned page on one thread, with the Tesseract engine already
// loaded (as a batch reuses it): ReadScannedPage whole, and its stages alone (Prepare,
// FindGrids on the prepared page). The page is JIXIAO_OCR_PAGE (a page image: PNG, JPEG,
// TIFF, read at its own resolution) or else page 7 (a table page) of the bundled
// samples/jiaoyu-2021/scan-office.pdf at 200 dpi. scripts/bench-ocr.sh runs this beside a
// plain `tesseract PAGE.png - -l chi_sim --psm 6` of the same image.
//
// A page reads the same, and costs the same, whatever the engine read before: the cache of
// lines read (ocr/line_cache.h) spans one page.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include <opencv2/core/utility.hpp>
#include <tesseract/baseapi.h>

#include "core/types.h"
#include "extract/document.h"
#include "layout/grid.h"
#include "ocr/engine.h"
#include "ocr/preprocess.h"
#include "ocr/preprocess_internal.h"
#include "bench/prepare_stages.h"
#include "ocr/scanned_page.h"

namespace {

const jixiao::PageImage& Page() {
  static const jixiao::PageImage page = [] {
    const char* env = std::getenv("JIXIAO_OCR_PAGE");
    if (env && *env) return jixiao::Document::Open(env).Render(1, 200);
    return jixiao::Document::Open(std::string(JIXIAO_SOURCE_DIR) +
                                  "/samples/jiaoyu-2021/scan-office.pdf")
        .Render(7, 200);
  }();
  return page;
}

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

std::string Label() {
  const char* env = std::getenv("JIXIAO_OCR_PAGE");
  return env && *env ? std::string(env) : std::string("jiaoyu-2021/scan-office.pdf p7");
}

// Whole page, engine warm. Counters: CPU seconds per page (the thread's, robust against
// other load on the machine), of which inside Tesseract, and lines handed to Tesseract.
void BM_ReadScannedPage(benchmark::State& state) {
  cv::setNumThreads(1);
  const jixiao::PageImage& page = Page();
  jixiao::OcrEngine engine;
  jixiao::ReadScannedPage(page, engine);  // warm: models paged in, buffers grown
  double cpu = 0, recognize = 0;
  long lines = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const int lines0 = engine.impl().lines_read;
    const double rec0 = engine.impl().recognize_seconds;
    state.ResumeTiming();
    const double t0 = ThreadCpuSeconds();
    jixiao::PageContent content = jixiao::ReadScannedPage(page, engine);
    cpu += ThreadCpuSeconds() - t0;
    benchmark::DoNotOptimize(content.tables.data());
    recognize += engine.impl().recognize_seconds - rec0;
    lines += engine.impl().lines_read - lines0;
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["cpu_s"] = cpu / n;
  state.counters["tesseract_s"] = recognize / n;
  state.counters["lines"] = static_cast<double>(lines) / n;
  state.SetLabel(Label());
}
BENCHMARK(BM_ReadScannedPage)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// The counterpart of BM_ReadScannedPage on Tesseract's side: `tesseract PAGE - -l chi_sim
// --psm 6` with its model already loaded, on the same page image at its resolution. Beside
// the CLI's time (model loading included) it tells how much of that is loading, so that
// warm is compared with warm. Counter: CPU seconds per page.
void BM_TesseractPsm6Page(benchmark::State& state) {
  const jixiao::PageImage& page = Page();
  tesseract::TessBaseAPI api;
  if (api.Init(nullptr, "chi_sim", tesseract::OEM_LSTM_ONLY) != 0) {
    state.SkipWithError("chi_sim model missing");
    return;
  }
  api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  const cv::Mat& g = page.gray;
  double cpu = 0;
  for (auto _ : state) {
    const double t0 = ThreadCpuSeconds();
    api.SetImage(g.data, g.cols, g.rows, 1, static_cast<int>(g.step));
    api.SetSourceResolution(static_cast<int>(page.dpi > 0 ? page.dpi : 200));
    char* text = api.GetUTF8Text();
    cpu += ThreadCpuSeconds() - t0;
    benchmark::DoNotOptimize(text);
    delete[] text;
  }
  state.counters["cpu_s"] = cpu / static_cast<double>(state.iterations());
  state.SetLabel(Label());
}
BENCHMARK(BM_TesseractPsm6Page)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// A whole scanned document read in page order by one engine, as `jixiao extract -j 1` reads
// it (without the document pass).
// The document is JIXIAO_OCR_DOC (a scanned PDF, pages rendered at 200 dpi as the pipeline
// renders them) or else the bundled samples/jiaoyu-2021/scan-office.pdf. Counters: the CPU
// seconds of each page ("p7" for page 7) and of the whole document ("cpu_s").
void BM_ReadScannedDocument(benchmark::State& state) {
  cv::setNumThreads(1);
  static const std::vector<jixiao::PageImage> pages = [] {
    const char* env = std::getenv("JIXIAO_OCR_DOC");
    const jixiao::Document doc = jixiao::Document::Open(
        env && *env ? std::string(env)
                    : std::string(JIXIAO_SOURCE_DIR) + "/samples/jiaoyu-2021/scan-office.pdf");
    std::vector<jixiao::PageImage> out;
    for (int p = 1; p <= doc.page_count(); ++p) out.push_back(doc.Render(p, 200));
    return out;
  }();
  jixiao::OcrEngine engine;
  std::vector<double> cpu(pages.size(), 0);
  for (auto _ : state) {
    for (size_t i = 0; i < pages.size(); ++i) {
      const double t0 = ThreadCpuSeconds();
      jixiao::PageContent content = jixiao::ReadScannedPage(pages[i], engine);
      cpu[i] += ThreadCpuSeconds() - t0;
      benchmark::DoNotOptimize(content.tables.data());
    }
  }
  const double n = static_cast<double>(state.iterations());
  double total = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    state.counters["p" + std::to_string(i + 1)] = cpu[i] / n;
    total += cpu[i] / n;
  }
  state.counters["cpu_s"] = total;
  const char* env = std::getenv("JIXIAO_OCR_DOC");
  state.SetLabel(env && *env ? env : "jiaoyu-2021/scan-office.pdf");
}
BENCHMARK(BM_ReadScannedDocument)->Unit(benchmark::kMillisecond)->Iterations(1);

// Prepare, with its stages' milliseconds as counters.
void BM_PrepareScan(benchmark::State& state) {
  jixiao::bench::RunPrepareStages(state, Page());
  state.SetLabel(Label());
}
BENCHMARK(BM_PrepareScan)->Unit(benchmark::kMillisecond);

void BM_FindGridsScan(benchmark::State& state) {
  cv::setNumThreads(1);
  const jixiao::PreparedPage p = jixiao::Prepare(Page());
  for (auto _ : state) {
    std::vector<jixiao::Grid> grids = jixiao::FindGrids(p.image);
    benchmark::DoNotOptimize(grids.data());
  }
  state.SetLabel(Label());
}
BENCHMARK(BM_FindGridsScan)->Unit(benchmark::kMillisecond);

}  // namespace
