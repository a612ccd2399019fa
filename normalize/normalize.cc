#include "normalize/normalize.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

#include "normalize/amount.h"
#include "normalize/fold.h"
#include "normalize/lexicon.h"
#include "normalize/parse.h"

namespace jixiao {

namespace {

// Forms print a value's unit in brackets after it: `≥13459.00(平方米)`, `100(%)`. The value
// with its brackets dropped, when the bracketed text reads as the unit of the number before
// it; nullopt otherwise (a note like `(抽查)` stays a note).
std::optional<TypedValue> BracketedUnit(const std::u32string& folded) {
  if (folded.size() < 4 || folded.back() != U')') return std::nullopt;
  const size_t open = folded.rfind(U'(');
  if (open == std::u32string::npos || open == 0) return std::nullopt;
  const char32_t before = folded[open - 1];
  if (!((before >= U'0' && before <= U'9') || before == U'%')) return std::nullopt;
  std::u32string inner = folded.substr(open + 1, folded.size() - open - 2);
  if (inner.empty() || inner.size() > 8) return std::nullopt;
  TypedValue v = norm::Parse(folded.substr(0, open) + inner);
  if (v.kind != ValueKind::kNumeric || !v.unit || v.qualifier) return std::nullopt;
  return v;
}

}  // namespace

TypedValue Normalize(std::string_view raw) {
  std::u32string folded = norm::Fold(raw);
  TypedValue v;
  if (auto unbracketed = BracketedUnit(folded)) v = *unbracketed;
  else v = norm::Parse(folded);
  v.raw = std::string(raw);
  return v;
}

std::string_view OpSymbol(Op op) {
  switch (op) {
    case Op::kEq:
      return "=";
    case Op::kGe:
      return ">=";
    case Op::kLe:
      return "<=";
    case Op::kGt:
      return ">";
    case Op::kLt:
      return "<";
    case Op::kRange:
      return "range";
  }
  return "=";
}

std::string_view KindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNumeric:
      return "numeric";
    case ValueKind::kReference:
      return "reference";
    case ValueKind::kDate:
      return "date";
    case ValueKind::kText:
      return "text";
    case ValueKind::kEmpty:
      return "empty";
  }
  return "text";
}

namespace {

// A whole number prints as one (74, not 74.0).
nlohmann::json JsonNumber(double x) {
  if (std::isfinite(x) && std::fabs(x) < 9.0e15 && x == std::floor(x))
    return static_cast<int64_t>(x);
  return x;
}

std::string FormatNumber(double x) {
  char buf[512];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
  if (ec != std::errc()) return "0";
  std::string s(buf, end);
  if (s == "-0") s = "0";
  return s;
}

std::string_view PrintedOp(Op op) {
  switch (op) {
    case Op::kGe:
      return "≥";
    case Op::kLe:
      return "≤";
    case Op::kGt:
      return ">";
    case Op::kLt:
      return "<";
    default:
      return "";
  }
}

bool SameTyped(const TypedValue& a, const TypedValue& b) {
  return a.kind == b.kind && a.op == b.op && a.number == b.number && a.upper == b.upper &&
         a.unit == b.unit && a.qualifier == b.qualifier && a.reference == b.reference &&
         a.date == b.date;
}

// Spellings of a numeric value without its qualifier, the plainest first.
std::vector<std::string> NumericCores(const TypedValue& v) {
  std::string unit = v.unit.value_or("");
  std::string op(PrintedOp(*v.op));
  if (v.op == Op::kRange)
    return {FormatNumber(*v.number) + "~" + FormatNumber(v.upper.value_or(*v.number)) + unit};
  std::string digits = op + FormatNumber(*v.number) + unit;
  if (*v.number != 0.0 || unit.empty()) return {digits};
  // A noun after zero: 零事故, 安全事故零发生 (but 0人, 0起 for a unit proper).
  std::u32string wide = norm::Fold(unit), known;
  if (norm::MatchKnownUnit(wide, 0, &known) == wide.size()) return {digits, op + "零" + unit};
  return {op + "零" + unit, unit + op + "零", digits};
}

// Spellings of a date value without its qualifier: 12月底前, 2020年12月31日, ≥9月1日.
std::vector<std::string> DateCores(const TypedValue& v) {
  const std::string& d = *v.date;
  int year = 0, month = 0, day = 0;
  if (d.rfind("--", 0) == 0) {
    std::sscanf(d.c_str(), "--%d-%d", &month, &day);
  } else {
    std::sscanf(d.c_str(), "%d-%d-%d", &year, &month, &day);
  }
  std::string chinese;
  if (year) chinese += std::to_string(year) + "年";
  chinese += std::to_string(month) + "月";
  if (day) chinese += std::to_string(day) + "日";
  std::vector<std::string> cores;
  if (*v.op == Op::kLe) cores.push_back(chinese + (day ? "前" : "底前"));
  if (*v.op == Op::kEq) cores.push_back(chinese);
  cores.push_back(std::string(PrintedOp(*v.op)) + chinese);
  return cores;
}

// Each core with the qualifier after it, before it, in brackets, or split around it (a
// qualifier joined from words on both sides of the value).
std::vector<std::string> WithQualifier(const std::vector<std::string>& cores,
                                       const std::optional<std::string>& qualifier) {
  if (!qualifier) return cores;
  const std::string& q = *qualifier;
  std::u32string wide = norm::Fold(q);
  std::vector<std::string> forms;
  // A measure's name (满意度, 完成率, 人数) reads best before the value, other words after it.
  static constexpr std::u32string_view kNameEnds = U"率度数量额值";
  bool name_first = !wide.empty() && kNameEnds.find(wide.back()) != std::u32string_view::npos;
  if (name_first)
    for (const std::string& core : cores) forms.push_back(q + core);
  for (const std::string& core : cores) forms.push_back(core + q);
  for (const std::string& core : cores) forms.push_back(q + core);
  for (const std::string& core : cores) forms.push_back(core + "(" + q + ")");
  for (const std::string& core : cores) forms.push_back(q + ":" + core);
  for (size_t k = 1; k < wide.size(); ++k)
    for (const std::string& core : cores)
      forms.push_back(norm::ToUtf8(wide.substr(0, k)) + core + norm::ToUtf8(wide.substr(k)));
  return forms;
}

}  // namespace

nlohmann::json ToJson(const TypedValue& v) {
  nlohmann::json j;
  j["raw"] = norm::SanitizeUtf8(v.raw);
  j["kind"] = KindName(v.kind);
  switch (v.kind) {
    case ValueKind::kNumeric:
      j["op"] = OpSymbol(v.op.value_or(Op::kEq));
      j["number"] = JsonNumber(v.number.value_or(0));
      if (v.upper) j["upper"] = JsonNumber(*v.upper);
      j["unit"] = v.unit ? nlohmann::json(norm::SanitizeUtf8(*v.unit)) : nlohmann::json(nullptr);
      if (v.qualifier) j["qualifier"] = norm::SanitizeUtf8(*v.qualifier);
      break;
    case ValueKind::kReference:
      j["op"] = OpSymbol(v.op.value_or(Op::kEq));
      j["reference"] = norm::SanitizeUtf8(v.reference.value_or(""));
      break;
    case ValueKind::kDate:
      j["op"] = OpSymbol(v.op.value_or(Op::kEq));
      j["date"] = v.date.value_or("");
      if (v.qualifier) j["qualifier"] = norm::SanitizeUtf8(*v.qualifier);
      break;
    case ValueKind::kText:
    case ValueKind::kEmpty:
      break;
  }
  return j;
}

std::string Canonical(const TypedValue& v) {
  std::vector<std::string> forms;
  switch (v.kind) {
    case ValueKind::kEmpty:
      return "";
    case ValueKind::kText:
      return v.raw;
    case ValueKind::kNumeric:
      if (!v.op || !v.number) return v.raw;
      forms = WithQualifier(NumericCores(v), v.qualifier);
      break;
    case ValueKind::kReference:
      if (!v.op || !v.reference) return v.raw;
      forms = {std::string(*v.op == Op::kEq ? "=" : PrintedOp(*v.op)) + *v.reference};
      break;
    case ValueKind::kDate:
      if (!v.op || !v.date) return v.raw;
      forms = WithQualifier(DateCores(v), v.qualifier);
      break;
  }
  // The first spelling that reads back to the same value.
  for (const std::string& form : forms)
    if (SameTyped(Normalize(form), v)) return form;
  return forms.front();
}

std::optional<double> ParseMoney(std::string_view raw, std::string_view table_unit) {
  std::u32string s = norm::Fold(raw);
  norm::Str view = s;
  for (norm::Str prefix : {U"人民币", U"RMB", U"¥", U"￥"})
    if (view.substr(0, prefix.size()) == prefix) view.remove_prefix(prefix.size());
  while (!view.empty() && (view.back() == U'整' || view.back() == U'。' || view.back() == '.'))
    view.remove_suffix(1);
  if (view.empty()) return std::nullopt;
  std::optional<norm::Amount> a = norm::ScanAmount(view, 0);
  if (!a || a->zero_noun || a->unit || a->more) return std::nullopt;
  size_t pos = a->end;
  std::u32string unit;
  std::optional<double> stated;  // the cell's own unit, in 元
  if (pos < view.size()) {
    size_t k = norm::MatchKnownUnit(view, pos, &unit);
    if (k == 0 || pos + k != view.size()) return std::nullopt;
    stated = norm::MoneyFactor(unit);
    if (!stated) return std::nullopt;
  } else if (a->multiplier != 1) {
    stated = 1.0;  // 12.05万: the multiplier is already applied, the value is in 元
  }
  if (!stated) return a->value;
  std::u32string table = norm::Fold(table_unit);
  std::optional<double> factor = norm::MoneyFactor(table);
  if (!factor) factor = 1.0;  // no table unit: 元
  return a->value * *stated / *factor;
}

}  // namespace jixiao
