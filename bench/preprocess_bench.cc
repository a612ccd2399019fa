// Milliseconds of Prepare per scanned page on one core: a synthetic A4 page at 200 dpi (ruled
// table, lines of text with punctuation, noise, yellowed uneven paper, specks), upright and
// turned by 180 degrees, and the stages alone.
#include <benchmark/benchmark.h>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

#include "ocr/preprocess.h"
#include "ocr/preprocess_internal.h"
#include "bench/prepare_stages.h"

namespace {

cv::Mat ScannedPage(double skew_degrees) {
  cv::Mat page(2339, 1653, CV_8UC1, cv::Scalar(255));
  const int font = cv::FONT_HERSHEY_SIMPLEX;
  int y = 250;
  for (int i = 0; i < 14; ++i, y += 48) {
    cv::putText(page, std::to_string(i + 1) + ". FUNDS 1,234.56, PAID 2020, RATE 98.5, TOTAL 7.",
                {160, y}, font, 1.0, 0, 2, cv::LINE_AA);
  }
  const int top = y, rows = 16, row_h = 60;
  for (int r = 0; r <= rows; ++r)
    cv::line(page, {150, top + r * row_h}, {1500, top + r * row_h}, 0, 2);
  for (int x : {150, 420, 700, 980, 1260, 1500})
    cv::line(page, {x, top}, {x, top + rows * row_h}, 0, 2);
  for (int r = 0; r < rows; ++r) {
    for (int x : {170, 440, 720, 1000, 1280}) {
      cv::putText(page, std::to_string(100 + 37 * r + x % 97) + ".50,", {x, top + r * row_h + 42},
                  font, 0.9, 0, 2, cv::LINE_AA);
    }
  }
  cv::Mat g;
  const cv::Point2f c(826, 1169);
  cv::warpAffine(page, g, cv::getRotationMatrix2D(c, skew_degrees, 1.0), page.size(),
                 cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  g.convertTo(g, CV_32F, 232.0 / 255.0);  // yellowed
  for (int yy = 0; yy < g.rows; ++yy) {
    float* row = g.ptr<float>(yy);
    for (int x = 0; x < g.cols; ++x) row[x] *= 1.f - 0.2f * x / g.cols;  // light falls off
  }
  cv::GaussianBlur(g, g, cv::Size(), 0.7);
  cv::RNG rng(5);
  cv::Mat noise(g.size(), CV_32F);
  rng.fill(noise, cv::RNG::NORMAL, 0, 8);
  g += noise;
  for (int i = 0; i < 150; ++i) {
    cv::circle(g, {rng.uniform(0, g.cols), rng.uniform(0, g.rows)}, rng.uniform(1, 3),
               cv::Scalar(rng.uniform(0, 100)), -1);
  }
  cv::Mat out;
  g.convertTo(out, CV_8U);
  return out;
}

void BM_PreparePage(benchmark::State& state) {
  cv::setNumThreads(1);
  cv::Mat scan = ScannedPage(1.3);
  if (state.range(0) == 180) cv::rotate(scan, scan, cv::ROTATE_180);
  const jixiao::PageImage page{scan, 200, 1};
  for (auto _ : state) {
    jixiao::PreparedPage p = jixiao::Prepare(page);
    benchmark::DoNotOptimize(p.binary.data);
  }
  state.SetLabel("A4 at 200 dpi, turned " + std::to_string(state.range(0)));
}
BENCHMARK(BM_PreparePage)->Arg(0)->Arg(180)->Unit(benchmark::kMillisecond);

void BM_PrepareStages(benchmark::State& state) {
  jixiao::bench::RunPrepareStages(state, jixiao::PageImage{ScannedPage(-0.7), 200, 1});
}
BENCHMARK(BM_PrepareStages)->Unit(benchmark::kMillisecond);

}  // namespace
