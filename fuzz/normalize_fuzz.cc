// libFuzzer target for the value normalizer: never crashes, never hangs, always a kind, and a
// typed value read back from its canonical form is the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "normalize/normalize.h"

namespace {

bool SameTyped(const jixiao::TypedValue& a, const jixiao::TypedValue& b) {
  return a.kind == b.kind && a.op == b.op && a.number == b.number && a.upper == b.upper &&
         a.unit == b.unit && a.reference == b.reference && a.date == b.date &&
         a.qualifier == b.qualifier;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  jixiao::TypedValue v = jixiao::Normalize(raw);
  switch (v.kind) {
    case jixiao::ValueKind::kNumeric:
    case jixiao::ValueKind::kReference:
    case jixiao::ValueKind::kDate:
    case jixiao::ValueKind::kText:
    case jixiao::ValueKind::kEmpty:
      break;
    default:
      std::abort();
  }
  (void)jixiao::ToJson(v).dump();  // must not throw, even for ill-formed UTF-8
  if (v.kind != jixiao::ValueKind::kText && v.kind != jixiao::ValueKind::kEmpty) {
    if (!SameTyped(jixiao::Normalize(jixiao::Canonical(v)), v)) std::abort();
  }
  (void)jixiao::ParseMoney(raw, "万元");
  return 0;
}
