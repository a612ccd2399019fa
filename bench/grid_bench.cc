// FindGrids on one core: a synthetic A4 page (a performance table with merged cells, text
// strokes in the cells, specks) at 100, 200 and 300 dpi; and a blank page. Budget: about
// 15 ms at 100 dpi and 60 ms at 200 dpi.
#include <benchmark/benchmark.h>

#include <cmath>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <vector>

#include "layout/grid.h"

namespace {

// An A4 page at `dpi` with a 14 x 6 ruled table (first column with cells spanning rows, wide
// cells spanning columns), a few glyph-like strokes in every cell, and specks.
cv::Mat TablePage(double dpi) {
  const double k = dpi / 72;  // pixels per point
  auto px = [k](double pt) { return static_cast<int>(std::lround(pt * k)); };
  cv::Mat page(px(842), px(595), CV_8UC1, cv::Scalar(255));
  const std::vector<double> rows = {100, 118, 136, 154, 172, 190, 220, 250,
                                    268, 308, 326, 356, 408, 437, 466};
  const std::vector<double> cols = {63, 129, 194, 279, 382, 457, 533};
  const int t = std::max(1, static_cast<int>(dpi / 100));
  for (double y : rows) cv::line(page, {px(cols.front()), px(y)}, {px(cols.back()), px(y)}, 0, t);
  for (size_t c = 0; c < cols.size(); ++c) {
    // Inner column rules skip rows 2 and 5 (cells spanning five columns).
    for (size_t r = 0; r + 1 < rows.size(); ++r) {
      if (c > 1 && c + 1 < cols.size() && (r == 2 || r == 5)) continue;
      cv::line(page, {px(cols[c]), px(rows[r])}, {px(cols[c]), px(rows[r + 1])}, 0, t);
    }
  }
  for (size_t r = 0; r + 1 < rows.size(); ++r) {
    for (size_t c = 0; c + 1 < cols.size(); ++c) {
      const double x = cols[c] + 4, y = (rows[r] + rows[r + 1]) / 2;
      for (double g = x; g + 11 < cols[c + 1] - 4; g += 12) {  // 一 and 丨 strokes
        cv::line(page, {px(g), px(y)}, {px(g + 10), px(y)}, 0, t);
        cv::line(page, {px(g + 5), px(y - 4)}, {px(g + 5), px(y + 4)}, 0, t);
      }
    }
  }
  std::mt19937 rng(1);
  for (int i = 0; i < 2000; ++i) {
    cv::circle(page, {static_cast<int>(rng() % page.cols), static_cast<int>(rng() % page.rows)},
               static_cast<int>(rng() % 2), 0, -1);
  }
  return page;
}

void BM_FindGridsTablePage(benchmark::State& state) {
  cv::setNumThreads(1);
  jixiao::PageImage image;
  image.dpi = static_cast<double>(state.range(0));
  image.gray = TablePage(image.dpi);
  image.page = 1;
  size_t cells = 0;
  for (auto _ : state) {
    const std::vector<jixiao::Grid> grids = jixiao::FindGrids(image);
    cells = grids.empty() ? 0 : grids[0].cells.size();
    benchmark::DoNotOptimize(cells);
  }
  state.counters["cells"] = static_cast<double>(cells);
  state.SetLabel(std::to_string(image.gray.cols) + "x" + std::to_string(image.gray.rows) + " px");
}
BENCHMARK(BM_FindGridsTablePage)->Arg(100)->Arg(200)->Arg(300)->Unit(benchmark::kMillisecond);

void BM_FindGridsBlankPage(benchmark::State& state) {
  cv::setNumThreads(1);
  jixiao::PageImage image;
  image.dpi = static_cast<double>(state.range(0));
  image.gray = cv::Mat(static_cast<int>(842 * image.dpi / 72),
                       static_cast<int>(595 * image.dpi / 72), CV_8UC1, cv::Scalar(255));
  for (auto _ : state) benchmark::DoNotOptimize(jixiao::FindGrids(image));
}
BENCHMARK(BM_FindGridsBlankPage)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);

}  // namespace
