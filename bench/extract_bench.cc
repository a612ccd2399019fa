// Milliseconds per page of the digital path on one core: render for the grid, find it, read
// the text layer, assemble the cells (ReadPage), and the whole document (Extract, one thread).
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>

#include "pipeline/extract.h"

namespace {

namespace fs = std::filesystem;

std::string SamplePdf() {
  for (const auto& e : fs::directory_iterator(fs::path(JIXIAO_SOURCE_DIR) / "samples"))
    if (fs::exists(e.path() / "digital.pdf")) return (e.path() / "digital.pdf").string();
  return "";
}

void BM_ReadPage(benchmark::State& state) {
  const std::string pdf = SamplePdf();
  if (pdf.empty()) {
    state.SkipWithError("no sample PDF");
    return;
  }
  jixiao::Document doc = jixiao::Document::Open(pdf);
  jixiao::ExtractOptions options;
  const int pages = doc.page_count();
  int page = 0;
  for (auto _ : state) {
    auto content = jixiao::ReadPage(doc, page % pages + 1, options, nullptr);
    benchmark::DoNotOptimize(content);
    ++page;
  }
  state.SetLabel(fs::path(pdf).parent_path().filename().string() + ", per page");
}
BENCHMARK(BM_ReadPage)->Unit(benchmark::kMillisecond);

void BM_ExtractDocumentOneThread(benchmark::State& state) {
  const std::string pdf = SamplePdf();
  if (pdf.empty()) {
    state.SkipWithError("no sample PDF");
    return;
  }
  jixiao::ExtractOptions options;
  options.threads = 1;
  double pages = 0, ms = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    auto r = jixiao::Extract(pdf, options);
    ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    pages += r.source.pages;
    benchmark::DoNotOptimize(r);
  }
  if (pages > 0) state.counters["ms_per_page"] = ms / pages;
}
BENCHMARK(BM_ExtractDocumentOneThread)->Unit(benchmark::kMillisecond);

}  // namespace
