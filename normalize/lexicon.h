// Words and characters the value parser knows: operators, fillers, units, numerals.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.h"
#include "normalize/normalize.h"

namespace jixiao::norm {

using Str = std::u32string_view;

inline bool IsLatin(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool AllIdeographs(Str s);

inline bool StartsAt(Str s, size_t pos, Str word) {
  return pos <= s.size() && s.substr(pos, word.size()) == word;
}

// Chinese numerals: 0..9 for a digit (一 壹 两 〇 零 …), -1 otherwise.
int CnDigit(char32_t c);
// 10, 100, 1000, 1e4, 1e8 for 十 百 千 万 亿 (and their financial forms), 0 otherwise.
double CnMultiplier(char32_t c);
inline bool IsCnNumeral(char32_t c) {
  return CnDigit(c) >= 0 || CnMultiplier(c) > 0;
}

// An operator as read from the text. A weak operator (`=`, 为, 达到, 控制在) gives way to a
// word after the number (`=95%以上` is ≥ 95%).
struct OpMark {
  Op op = Op::kEq;
  bool weak = false;
};

// A run of symbols (≥ ≤ > < = and their spellings) at `pos`: its length, 0 if none.
size_t MatchSymbolOp(Str s, size_t pos, OpMark* mark);
// An operator word written before the value (不低于, 超过, 控制在 …).
size_t MatchPrefixOpWord(Str s, size_t pos, OpMark* mark);
// An operator word written after the value (以上, 以内, 内 …).
size_t MatchSuffixOpWord(Str s, size_t pos, OpMark* mark);
// Words before a date (截至 ≤, 不早于 ≥; 在 and 于 weak) and after it (前 ≤, 起 ≥).
size_t MatchDatePrefixWord(Str s, size_t pos, OpMark* mark);
size_t MatchDateSuffixWord(Str s, size_t pos, OpMark* mark);
// Words that carry no meaning before a value (在, 于, 介于 …).
size_t MatchFiller(Str s, size_t pos);
// 约, 大约, ≈ before a value; `左右`, `上下` after it.
size_t MatchApproxBefore(Str s, size_t pos);
size_t MatchApproxAfter(Str s, size_t pos);
// 之间, 不等: closes a range.
size_t MatchRangeEnd(Str s, size_t pos);
// (含), (含本数), (包含) …: an inclusive mark, no meaning of its own.
size_t MatchInclusiveMark(Str s, size_t pos);

// A known unit at `pos` (longest match; Latin spellings like `m2`, `h` included), written
// into `unit` in its canonical spelling (`㎡` → 平方米). Returns the length, 0 if none.
size_t MatchKnownUnit(Str s, size_t pos, std::u32string* unit);
// The factor of a money unit in 元 (vocabulary/ MoneyFactor: 元 1, 万元 1e4, 百万元 1e6 …), nullopt
// for any other unit.
std::optional<double> MoneyFactor(Str unit);

// Words that read as a qualifier, never as a unit (完成, 达标 …).
bool IsQualifierWord(Str s);
// A qualifier: a short run of ideographs that does not begin like a clause or hold a numeral.
bool QualifierOk(Str q);
// A noun after 零 may not begin with these (零星, 零售 …).
bool ZeroNounOk(Str noun);
// 发生, 出现 …: `安全事故零发生` names the counted thing before 零.
bool IsZeroVerb(Str s);

// A named quantity a target refers to (预算控制数, 上年水平, 市场价 …).
bool LooksLikeQuantity(Str s);
// A reference standing alone, without an operator (预算控制数).
bool LooksLikeBareReference(Str s);

}  // namespace jixiao::norm
