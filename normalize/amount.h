// Numbers as printed: Arabic digits, Chinese numerals, and the units after them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "normalize/lexicon.h"

namespace jixiao::norm {

// A number read at some position of a folded string.
struct Amount {
  double value = 0;
  size_t end = 0;
  bool chinese = false;    // Chinese numerals (`三次`), read more strictly than digits
  bool zero_noun = false;  // 零 before a noun (`零事故`): the noun is the unit
  bool more = false;       // 余 or 多 after the digits: `100余人` is more than 100
  std::optional<std::u32string> unit;  // stated by the number itself: 百分之 → %
  double multiplier = 1;               // 万, 亿 … applied to the digits (`1.2万`)
  char32_t multiplier_char = 0;
};

// A number at `pos`: signed digits with thousands separators and a decimal point, with
// 万/亿/千/百 after them; Chinese numerals; 百分之…; 零 before a noun.
std::optional<Amount> ScanAmount(Str s, size_t pos);

// The unit after a number at `pos`: a known unit, then `/x` or `·x` parts for a compound
// unit (元/生·年). With `guess`, a run of one or two ideographs that is not a qualifier
// counts as a unit too (`0事故`, `3栋`). Writes the unit and returns its length.
size_t ScanUnit(Str s, size_t pos, bool guess, std::u32string* unit);

}  // namespace jixiao::norm
