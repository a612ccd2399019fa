// Figures stated in running text ("取暖费 120526.20 元，取暖面积 4017.54 平方米，单价 30 元"):
// amounts of money, quantities with their units, and prices per unit. Used by the checks
// that redo the arithmetic a text states.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::check {

enum class MentionKind { kMoney, kPrice, kQuantity };

// How a figure binds: as stated, as a ceiling (不超过, ≤) or as a floor (不低于, ≥).
enum class Bound { kExact, kAtMost, kAtLeast };

struct Mention {
  MentionKind kind = MentionKind::kQuantity;
  double value = 0;  // money and prices in 元; quantities in `unit`
  double step = 0;   // one unit of the last printed digit, on the same scale as `value`
  std::string unit;  // quantities: canonical unit (CanonicalUnit); money and prices: "元"
  // Prices: the units the price is per, canonical ("人", "天"); empty for a 单价 or 标准 that
  // names none (the quantity beside it says what it is per).
  std::vector<std::string> per;
  Bound bound = Bound::kExact;
  std::string raw;       // as printed, number and unit: "120526.20 元"
  int sentence = 0;      // index of the sentence in the text
  std::string context;   // that sentence as printed (NFKC, trimmed): what a finding quotes
  bool partial = false;  // money in a sentence that names a part of a whole (其中, 包括 …)
};

// Every figure in `text`, in order. Years (2020 年), dates (3月31日), percentages and numbers
// inside codes are skipped.
std::vector<Mention> ScanText(std::string_view text);

// The canonical form of a unit of count or measure: 生/名/学生 → 人, 平米/m2 → 平方米, 日 → 天;
// other units as they are (NFKC, no white space).
std::string CanonicalUnit(std::string_view unit);

// 元 per unit of money (vocabulary/ MoneyFactor: 元 1, 千元 1e3, 万元 1e4, 百万元 1e6, 亿元 1e8,
// 万亿元 1e12), after NFKC and without white space; nullopt for anything else.
std::optional<double> MoneyFactor(std::string_view unit);

// A compound money unit "元/生·天", "元/(人·年)", "万元/公里": the factor of its money part
// and the canonical units it is per. nullopt when `unit` is not money per something.
struct PerUnit {
  double factor = 1;
  std::vector<std::string> per;
};
std::optional<PerUnit> ParsePerUnit(std::string_view unit);

// What a name or description says a money figure is per: 每生每天 → {人, 天}, 一年一户 →
// {年, 户}, 人均 → {人}; {} for 单价/定额 (and 标准, with `standard`) without a unit; nullopt
// when it does not read as a price at all.
std::optional<std::vector<std::string>> PerMarkers(std::string_view text, bool standard = true);

// Digits after the decimal point as printed in `raw` (the first number in it); 0 without one.
int PrintedDecimals(std::string_view raw);

}  // namespace jixiao::check
