// What --searchable-pdf adds per scanned page: SearchablePdf (encode the prepared page image,
// set its lines as invisible text, write the PDF with qpdf) for a scan whose every page is one
// page read by OCR, page 11 of the bundled samples/jiaoyu-2021/scan-office.pdf (two project
// tables). The reading itself (OCR) is not timed: see BM_ReadScannedPage (bench/ocr_bench.cc).
#include <benchmark/benchmark.h>

#include <ctime>
#include <string>

#include <opencv2/core/utility.hpp>

#include "ocr/engine.h"
#include "output/searchable_pdf.h"
#include "pipeline/extract.h"

namespace {

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

void BM_SearchablePdfPerPage(benchmark::State& state) {
  cv::setNumThreads(1);
  const std::string scan = std::string(JIXIAO_SOURCE_DIR) + "/samples/jiaoyu-2021/scan-office.pdf";
  const jixiao::Document doc = jixiao::Document::Open(scan);
  jixiao::OcrEngine engine;
  jixiao::ExtractOptions options;
  options.keep_page_images = true;
  const jixiao::PageContent page = jixiao::ReadPage(doc, 11, options, [&] { return &engine; });
  jixiao::ExtractResult result;
  result.source = doc.info();
  for (int n = 1; n <= result.source.pages; ++n) {
    result.pages.push_back(page);
    result.pages.back().page = n;
  }
  double cpu = 0, bytes = 0;
  for (auto _ : state) {
    const double t0 = ThreadCpuSeconds();
    const std::string pdf = jixiao::SearchablePdf(result, "bench.pdf");
    cpu += ThreadCpuSeconds() - t0;
    bytes = static_cast<double>(pdf.size());
  }
  const double pages = result.source.pages;
  state.counters["cpu_ms_per_page"] = 1000 * cpu / static_cast<double>(state.iterations()) / pages;
  state.counters["kb_per_page"] = bytes / 1024 / pages;
  state.SetLabel("jiaoyu-2021/scan-office.pdf p11 as every page");
}
BENCHMARK(BM_SearchablePdfPerPage)->Unit(benchmark::kMillisecond);

}  // namespace
