// Prepare on one page, timed by Google Benchmark, with each stage's milliseconds (from the
// last iteration) as counters. Shared by the synthetic and the scanned-page benchmarks.
#pragma once

#include <benchmark/benchmark.h>

#include <opencv2/core/utility.hpp>

#include "ocr/preprocess.h"
#include "ocr/preprocess_internal.h"

namespace jixiao::bench {

inline void RunPrepareStages(benchmark::State& state, const PageImage& page) {
  cv::setNumThreads(1);
  preprocess_internal::Diagnostics d;
  for (auto _ : state) {
    d.stage_ms.clear();
    PreparedPage p = preprocess_internal::PrepareWithDiagnostics(page, PrepareOptions{}, &d);
    benchmark::DoNotOptimize(p.binary.data);
  }
  for (const auto& [stage, ms] : d.stage_ms) state.counters[stage] = ms;
}

}  // namespace jixiao::bench
