// Printed values to typed values (docs/CONTRACT.md, "Typed values"). Pure functions, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace jixiao {

enum class ValueKind { kNumeric, kReference, kDate, kText, kEmpty };
enum class Op { kEq, kGe, kLe, kGt, kLt, kRange };

struct TypedValue {
  ValueKind kind = ValueKind::kEmpty;
  std::string raw;                      // the printed string, as given
  std::optional<Op> op;                 // numeric, reference, date
  std::optional<double> number;         // numeric
  std::optional<double> upper;          // numeric with op == kRange
  std::optional<std::string> unit;      // numeric; nullopt = no unit
  std::optional<std::string> qualifier; // numeric, e.g. "完成" in "100%完成"
  std::optional<std::string> reference; // reference, e.g. "预算控制数"
  std::optional<std::string> date;      // date: "YYYY-MM-DD", "YYYY-MM" or "--MM"
};

TypedValue Normalize(std::string_view raw);

// The contract's JSON object for a typed value (with "raw").
nlohmann::json ToJson(const TypedValue& value);

// A canonical printed form ("≥95%", "90-100%", "≤预算控制数", "12月底前" …) that
// Normalize() reads back to the same typed value.
std::string Canonical(const TypedValue& value);

std::string_view OpSymbol(Op op);    // "=", ">=", "<=", ">", "<", "range"
std::string_view KindName(ValueKind kind);

// A money cell ("100.00", "１００．００", "120526.20元", "12.05万元") as a number in
// `table_unit` ("元", "万元" or "亿元"); a cell that states its own unit is converted.
// nullopt for a blank or non-numeric cell.
std::optional<double> ParseMoney(std::string_view raw, std::string_view table_unit);

}  // namespace jixiao
