// How long normalizing takes: 100,000 values of the forms issue 4 lists (well under a second).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "normalize/normalize.h"

namespace {

const std::vector<std::string>& Values() {
  static const std::vector<std::string> values = {
      "≥95%",
      "=6 人",
      "100%完成",
      "≤预算控制数",
      "74 人",
      "１００％",
      "＞＝９５％",
      "≥ 95 %",
      "不低于95%",
      "95%以上",
      "90%-100%",
      "90～100%",
      "三次",
      "十二个",
      "1.2万",
      "5个工作日内",
      "12月底前",
      "2020年12月31日",
      "2021年6月底前",
      "有效提高",
      "按合同规定",
      "",
      "零事故",
      "1000元/生·年",
      "50万元/间",
      "≤1260万元",
      "不超过预算数",
      "120526.20元",
      "提高财政资金的使用效率，做到节俭高效",
      "1,200.50",
      "满意度≥90%",
      "每年2次",
  };
  return values;
}

// One pass over 100,000 values cycling through the forms above.
void BM_Normalize100k(benchmark::State& state) {
  const std::vector<std::string>& values = Values();
  for (auto _ : state) {
    for (int i = 0; i < 100000; ++i) {
      benchmark::DoNotOptimize(jixiao::Normalize(values[i % values.size()]));
    }
  }
  state.SetItemsProcessed(state.iterations() * 100000);
}
BENCHMARK(BM_Normalize100k)->Unit(benchmark::kMillisecond);

void BM_NormalizeOne(benchmark::State& state) {
  const std::string& value = Values()[static_cast<size_t>(state.range(0))];
  for (auto _ : state) benchmark::DoNotOptimize(jixiao::Normalize(value));
  state.SetLabel(value);
}
BENCHMARK(BM_NormalizeOne)->DenseRange(0, 31);

void BM_ToJson(benchmark::State& state) {
  jixiao::TypedValue v = jixiao::Normalize("≥95%");
  for (auto _ : state) benchmark::DoNotOptimize(jixiao::ToJson(v));
}
BENCHMARK(BM_ToJson);

void BM_ParseMoney(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(jixiao::ParseMoney("120526.20元", "万元"));
}
BENCHMARK(BM_ParseMoney);

}  // namespace
