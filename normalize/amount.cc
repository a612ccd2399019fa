#include "normalize/amount.h"

#include <charconv>
#include <cmath>
#include <string>

namespace jixiao::norm {
namespace {

constexpr size_t kMaxDigits = 40;

// A multiplier character that begins a known unit (万元, 千米, 百分点) belongs to the unit.
bool StartsUnit(Str s, size_t pos) {
  std::u32string unit;
  return MatchKnownUnit(s, pos, &unit) > 0;
}

std::optional<Amount> ScanArabic(Str s, size_t pos) {
  const size_t n = s.size();
  size_t i = pos;
  std::string buf;
  if (i < n && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') buf.push_back('-');
    ++i;
  }
  size_t digits = 0;
  while (i < n && digits < kMaxDigits) {
    if (IsAsciiDigit(s[i])) {
      buf.push_back(static_cast<char>(s[i++]));
      ++digits;
      continue;
    }
    // A thousands separator: a comma with exactly three digits after it.
    if (s[i] == ',' && digits > 0 && i + 3 < n && IsAsciiDigit(s[i + 1]) &&
        IsAsciiDigit(s[i + 2]) && IsAsciiDigit(s[i + 3]) &&
        (i + 4 >= n || !IsAsciiDigit(s[i + 4]))) {
      ++i;
      continue;
    }
    break;
  }
  if (i < n && s[i] == '.' && i + 1 < n && IsAsciiDigit(s[i + 1])) {
    buf.push_back('.');
    ++i;
    while (i < n && IsAsciiDigit(s[i]) && digits < kMaxDigits) {
      buf.push_back(static_cast<char>(s[i++]));
      ++digits;
    }
    while (i < n && IsAsciiDigit(s[i])) ++i;  // digits past any useful precision
  }
  if (digits == 0) return std::nullopt;
  Amount a;
  auto [ptr, ec] = std::from_chars(buf.data(), buf.data() + buf.size(), a.value);
  if (ec != std::errc() || ptr != buf.data() + buf.size()) return std::nullopt;
  // 万, 亿, 千, 百 after the digits (`1.2万`), and 余 or 多 (`100余人`, `10多万`).
  while (i < n) {
    char32_t c = s[i];
    if ((c == U'余' || c == U'多') && !a.more) {
      a.more = true;
      ++i;
      continue;
    }
    double m = CnMultiplier(c);
    if (m >= 100 && !StartsUnit(s, i)) {
      a.value *= m;
      a.multiplier *= m;
      a.multiplier_char = c;
      ++i;
      continue;
    }
    break;
  }
  if (!std::isfinite(a.value)) return std::nullopt;
  a.end = i;
  return a;
}

// The value of a run of Chinese numerals without 点, nullopt when it is not a number
// (`万一`, `百`).
std::optional<double> EvalChinese(Str run) {
  bool has_multiplier = false;
  for (char32_t c : run)
    if (CnMultiplier(c) > 0) has_multiplier = true;
  if (!has_multiplier) {
    // Digit by digit: 二〇二〇.
    if (run.size() > 1 && run.find(U'两') != Str::npos) return std::nullopt;
    double v = 0;
    for (char32_t c : run) v = v * 10 + CnDigit(c);
    return v;
  }
  double total = 0, section = 0, num = 0;
  bool have_num = false, last_digit = false;
  for (char32_t c : run) {
    int d = CnDigit(c);
    if (d >= 0) {
      if (last_digit && d != 0) return std::nullopt;  // 三五 inside a counted number
      num = d;
      have_num = d != 0;
      last_digit = d != 0;
      continue;
    }
    last_digit = false;
    double m = CnMultiplier(c);
    if (m < 1e4) {
      if (!have_num) {
        if (m != 10) return std::nullopt;
        num = 1;
      }
      section += num * m;
    } else if (m == 1e4) {
      if (section + num == 0) return std::nullopt;
      total += (section + num) * m;
      section = 0;
    } else {
      if (total + section + num == 0) return std::nullopt;
      total = (total + section + num) * m;
      section = 0;
    }
    num = 0;
    have_num = false;
  }
  return total + section + num;
}

std::optional<Amount> ScanChinese(Str s, size_t pos) {
  const size_t n = s.size();
  if (pos < n && s[pos] == U'半' && (pos + 1 >= n || !IsCnNumeral(s[pos + 1]))) {
    Amount a;
    a.value = 0.5;
    a.end = pos + 1;
    a.chinese = true;
    return a;
  }
  size_t i = pos;
  while (i < n && i - pos < 20 && IsCnNumeral(s[i])) {
    // 壹佰万元 is 100 万元; but 两千元 is 2000 元 and 三千米 is 3000 米.
    if (CnMultiplier(s[i]) >= 1e4 && i > pos && StartsUnit(s, i)) break;
    ++i;
  }
  if (i == pos) return std::nullopt;
  std::optional<double> whole = EvalChinese(s.substr(pos, i - pos));
  if (!whole) return std::nullopt;
  Amount a;
  a.value = *whole;
  a.chinese = true;
  // 三点五: digits after 点 are read one by one.
  if (i + 1 < n && s[i] == U'点' && CnDigit(s[i + 1]) >= 0) {
    double scale = 0.1;
    ++i;
    while (i < n && CnDigit(s[i]) >= 0 && CnDigit(s[i]) < 10 && s[i] != U'两') {
      a.value += CnDigit(s[i]) * scale;
      scale /= 10;
      ++i;
    }
  }
  a.end = i;
  return a;
}

}  // namespace

std::optional<Amount> ScanAmount(Str s, size_t pos) {
  const size_t n = s.size();
  if (pos >= n) return std::nullopt;
  // 百分之九十五, 百分之95, 百分之百, 百分百, 千分之三.
  if (StartsAt(s, pos, U"百分之百") || StartsAt(s, pos, U"百分百")) {
    Amount a;
    a.value = 100;
    a.end = pos + (s[pos + 2] == U'之' ? 4 : 3);
    a.unit = U"%";
    return a;
  }
  if (StartsAt(s, pos, U"百分之") || StartsAt(s, pos, U"千分之")) {
    std::optional<Amount> inner = ScanArabic(s, pos + 3);
    if (!inner) inner = ScanChinese(s, pos + 3);
    if (!inner || inner->more) return std::nullopt;
    inner->chinese = false;
    inner->unit = s[pos] == U'百' ? U"%" : U"‰";
    return inner;
  }
  char32_t c = s[pos];
  if (IsAsciiDigit(c) || ((c == '+' || c == '-') && pos + 1 < n && IsAsciiDigit(s[pos + 1])))
    return ScanArabic(s, pos);
  if (c == U'零' && (pos + 1 >= n || (!IsCnNumeral(s[pos + 1]) && s[pos + 1] != U'点'))) {
    Amount a;
    a.end = pos + 1;
    a.zero_noun = true;
    return a;
  }
  return ScanChinese(s, pos);
}

namespace {

// Where a word after the unit begins: an operator, 左右, 之间, a bracket.
bool TailWordAt(Str s, size_t pos) {
  OpMark mark;
  return s[pos] == '(' || MatchSuffixOpWord(s, pos, &mark) || MatchApproxAfter(s, pos) ||
         MatchRangeEnd(s, pos);
}

// A run of up to `max` ideographs at `pos` that stops before a tail word.
size_t IdeographRun(Str s, size_t pos, size_t max) {
  size_t e = pos;
  while (e < s.size() && e - pos <= max && IsIdeograph(s[e]) && !IsCnNumeral(s[e]) &&
         !TailWordAt(s, e))
    ++e;
  return e - pos;
}

// One part of a compound unit after its separator: a unit, or one or two ideographs.
size_t ScanUnitPart(Str s, size_t at, std::u32string* part) {
  if (size_t k = MatchKnownUnit(s, at, part)) return k;
  size_t k = IdeographRun(s, at, 2);
  if (k == 0 || k > 2) return 0;
  part->assign(s.substr(at, k));
  return k;
}

// (生·年) after a slash: its parts joined by middle dots, without the brackets.
size_t ScanBracketedParts(Str s, size_t at, std::u32string* parts) {
  size_t i = at + 1;
  for (;;) {
    std::u32string part;
    size_t k = ScanUnitPart(s, i, &part);
    if (k == 0) return 0;
    parts->append(part);
    i += k;
    if (i >= s.size()) return 0;
    if (s[i] == ')') return i + 1 - at;
    if (s[i] != 0xB7 && s[i] != '.' && s[i] != '/') return 0;
    parts->push_back(s[i] == '/' ? char32_t{'/'} : char32_t{0xB7});
    ++i;
  }
}

}  // namespace

size_t ScanUnit(Str s, size_t pos, bool guess, std::u32string* unit) {
  const size_t n = s.size();
  if (pos >= n) return 0;
  size_t len = MatchKnownUnit(s, pos, unit);
  if (len == 0 && guess) {
    size_t run = IdeographRun(s, pos, 2);
    Str word = s.substr(pos, run);
    if (run == 0 || run > 2 || IsQualifierWord(word) || !QualifierOk(word)) return 0;
    unit->assign(word);
    len = run;
  }
  if (len == 0) return 0;
  // Compound units: 元/生·年, 万元/间, 次/年, 元/(生·年) (written as 元/生·年).
  while (pos + len + 1 < n) {
    char32_t sep = s[pos + len];
    if (sep == '.') sep = 0xB7;  // 800元/生.年: a full stop read for the middle dot
    bool compound = unit->find('/') != std::u32string::npos;
    if (sep != '/' && !(sep == 0xB7 && (compound || s[pos + len] != '.'))) break;
    size_t at = pos + len + 1;
    std::u32string part;
    size_t k =
        sep == '/' && s[at] == '(' ? ScanBracketedParts(s, at, &part) : ScanUnitPart(s, at, &part);
    if (k == 0) break;
    unit->push_back(sep);
    unit->append(part);
    len += 1 + k;
  }
  return len;
}

}  // namespace jixiao::norm
