#include "checks/text_scan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "core/text.h"
#include "vocabulary/vocabulary.h"

namespace jixiao::check {

namespace {

using U32 = std::u32string;
using U32View = std::u32string_view;

bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == ';' || c == '!' || c == '?' || c == '\n' || c == '\r';
}
bool IsClauseEnd(char32_t c) {
  return IsSentenceEnd(c) || c == ',' || c == U'、' || c == ':';
}

bool At(U32View s, size_t pos, U32View word) {
  return pos <= s.size() && s.substr(pos).substr(0, word.size()) == word;
}

bool Has(U32View s, U32View word) {
  return s.find(word) != U32View::npos;
}

size_t SkipSpaces(U32View s, size_t pos) {
  while (pos < s.size() && IsSpace(s[pos])) ++pos;
  return pos;
}

// A unit of count at `pos` (vocabulary/'s units that running text reads, longest first): its
// length and the unit it counts (0 when none). 月 and 日 only with `per` (after 每 or 一).
size_t MatchUnit(U32View s, size_t pos, bool per, std::string* canonical) {
  const UnitSpec* best = nullptr;
  for (const UnitSpec& u : Units()) {
    if (u.counted.empty() || (u.per_only && !per)) continue;
    if ((!best || u.printed.size() > best->printed.size()) && At(s, pos, u.printed)) best = &u;
  }
  if (!best) return 0;
  *canonical = std::string(best->counted);
  return best->printed.size();
}

// A money unit at `pos` (vocabulary/, longest first): its length and factor (0 when none).
size_t MatchMoney(U32View s, size_t pos, double* factor) {
  for (const MoneyUnit& m : MoneyUnits())
    if (At(s, pos, m.name)) {
      *factor = m.factor;
      return m.name.size();
    }
  return 0;
}

void AddUnique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// The units after a '/' of a compound unit: "(生·年)", "生·天", "人/年". Returns the length read.
size_t ReadPerList(U32View s, size_t pos, std::vector<std::string>* per) {
  size_t i = pos;
  bool bracket = i < s.size() && s[i] == '(';
  if (bracket) ++i;
  while (i < s.size()) {
    std::string u;
    size_t n = MatchUnit(s, i, true, &u);
    if (n == 0) break;
    AddUnique(*per, u);
    i += n;
    if (i < s.size() && (s[i] == U'·' || s[i] == U'・' || s[i] == '.' || s[i] == '/' ||
                         s[i] == '*' || s[i] == U'×' || s[i] == U'•'))
      ++i;
    else
      break;
  }
  if (bracket && i < s.size() && s[i] == ')') ++i;
  return per->empty() ? 0 : i - pos;
}

std::optional<std::vector<std::string>> Markers(U32View s, bool standard) {
  std::vector<std::string> per;
  for (size_t q = 0; q < s.size(); ++q) {
    std::string u;
    if (s[q] == U'每') {
      size_t r = q + 1;
      if (r < s.size() && (s[r] == U'个' || s[r] == U'一')) ++r;
      if (MatchUnit(s, r, true, &u) || (r != q + 1 && MatchUnit(s, q + 1, true, &u)))
        AddUnique(per, u);
    } else if (s[q] == U'一') {
      // 一年一户: two in a row.
      size_t n = MatchUnit(s, q + 1, true, &u);
      std::string v;
      if (n && q + 1 + n < s.size() && s[q + 1 + n] == U'一' && MatchUnit(s, q + 2 + n, true, &v)) {
        AddUnique(per, u);
        AddUnique(per, v);
      }
    } else if (s[q] == U'均' && q > 0) {
      static const std::array<std::pair<char32_t, std::string_view>, 11> kBy = {{{U'人', "人"},
                                                                                 {U'生', "人"},
                                                                                 {U'户', "户"},
                                                                                 {U'亩', "亩"},
                                                                                 {U'校', "所"},
                                                                                 {U'次', "次"},
                                                                                 {U'台', "台"},
                                                                                 {U'车', "辆"},
                                                                                 {U'日', "天"},
                                                                                 {U'月', "月"},
                                                                                 {U'年', "年"}}};
      for (const auto& [c, name] : kBy)
        if (s[q - 1] == c) AddUnique(per, std::string(name));
    }
  }
  if (!per.empty()) return per;
  for (U32View w : {U32View(U"单价"), U32View(U"单位成本"), U32View(U"定额"), U32View(U"平均")})
    if (Has(s, w)) return std::vector<std::string>{};
  if (standard && Has(s, U"标准")) return std::vector<std::string>{};
  return std::nullopt;
}

Bound BoundBefore(U32View before, U32View after) {
  for (U32View w : {U32View(U"不超过"), U32View(U"不高于"), U32View(U"不得超过"), U32View(U"最高"),
                    U32View(U"上限"), U32View(U"控制在"), U32View(U"≤"), U32View(U"<")})
    if (Has(before, w)) return Bound::kAtMost;
  for (U32View w : {U32View(U"不低于"), U32View(U"不少于"), U32View(U"最低"), U32View(U"至少"),
                    U32View(U"≥"), U32View(U">")})
    if (Has(before, w)) return Bound::kAtLeast;
  if (At(after, 0, U"以内") || At(after, 0, U"以下")) return Bound::kAtMost;
  if (At(after, 0, U"以上")) return Bound::kAtLeast;
  return Bound::kExact;
}

}  // namespace

std::optional<double> MoneyFactor(std::string_view unit) {
  return ::jixiao::MoneyFactor(ToU32(Compact(unit)));
}

std::string CanonicalUnit(std::string_view unit) {
  U32 u = ToU32(Compact(unit));
  std::string c;
  if (MatchUnit(u, 0, true, &c) == u.size() && !u.empty()) return c;
  return ToUtf8(u);
}

std::optional<PerUnit> ParsePerUnit(std::string_view unit) {
  U32 u = ToU32(Compact(unit));
  PerUnit r;
  size_t n = MatchMoney(u, 0, &r.factor);
  if (n == 0 || n >= u.size()) return std::nullopt;
  size_t i = n;
  if (u[i] == '/')
    ++i;
  else if (u[i] == U'每')
    ++i;
  else
    return std::nullopt;
  size_t m = ReadPerList(u, i, &r.per);
  if (m == 0 || i + m != u.size()) return std::nullopt;
  return r;
}

std::optional<std::vector<std::string>> PerMarkers(std::string_view text, bool standard) {
  U32 s = ToU32(Compact(text));
  return Markers(s, standard);
}

int PrintedDecimals(std::string_view raw) {
  U32 s = ToU32(Nfkc(raw));
  size_t i = 0;
  while (i < s.size() && !IsAsciiDigit(s[i])) ++i;
  while (i < s.size() && (IsAsciiDigit(s[i]) || s[i] == ',')) ++i;
  if (i + 1 >= s.size() || s[i] != '.' || !IsAsciiDigit(s[i + 1])) return 0;
  int d = 0;
  for (++i; i < s.size() && IsAsciiDigit(s[i]); ++i) ++d;
  return d;
}

std::vector<Mention> ScanText(std::string_view text) {
  const U32 s = ToU32(Nfkc(text));
  std::vector<Mention> out;
  int sentence = 0;
  size_t sentence_start = 0, clause_start = 0, last_end = 0;
  size_t i = 0;
  while (i < s.size()) {
    const char32_t c = s[i];
    if (IsClauseEnd(c)) {
      if (IsSentenceEnd(c)) {
        ++sentence;
        sentence_start = i + 1;
      }
      clause_start = last_end = i + 1;
      ++i;
      continue;
    }
    if (!IsAsciiDigit(c)) {
      ++i;
      continue;
    }
    // Digits glued to letters or dashes belong to a code (318-1301-JBN-RKLW): skip the run.
    if (i > 0 && (IsAsciiAlnum(s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '_')) {
      while (i < s.size() && (IsAsciiAlnum(s[i]) || s[i] == '-' || s[i] == '_' || s[i] == '.')) ++i;
      continue;
    }
    // The number: digits, thousands separators, a decimal part.
    const size_t start = i;
    std::string digits;
    int decimals = 0;
    size_t j = i;
    while (j < s.size()) {
      if (IsAsciiDigit(s[j])) {
        digits += static_cast<char>(s[j]);
        ++j;
      } else if (s[j] == ',' && j + 3 < s.size() && IsAsciiDigit(s[j + 1]) &&
                 IsAsciiDigit(s[j + 2]) && IsAsciiDigit(s[j + 3]) &&
                 (j + 4 >= s.size() || !IsAsciiDigit(s[j + 4])) && !digits.empty()) {
        ++j;  // thousands separator
      } else if (s[j] == '.' && j + 1 < s.size() && IsAsciiDigit(s[j + 1]) &&
                 digits.find('.') == std::string::npos) {
        digits += '.';
        ++j;
        while (j < s.size() && IsAsciiDigit(s[j])) {
          digits += static_cast<char>(s[j]);
          ++decimals;
          ++j;
        }
        break;
      } else {
        break;
      }
    }
    i = j;
    const double number = std::strtod(digits.c_str(), nullptr);
    size_t k = SkipSpaces(s, j);
    if (k < s.size() && (s[k] == '%' || s[k] == U'‰')) continue;
    double multiplier = 1;
    double money = 0;
    std::string unit;
    size_t n = MatchMoney(s, k, &money);
    if (n == 0) n = MatchUnit(s, k, false, &unit);
    if (n == 0 && k < s.size() && (s[k] == U'万' || s[k] == U'亿')) {
      multiplier = s[k] == U'万' ? 1e4 : 1e8;
      n = MatchMoney(s, k + 1, &money);
      if (n == 0) n = MatchUnit(s, k + 1, false, &unit);
      if (n == 0) continue;
      ++k;
    }
    if (n == 0) continue;
    size_t end = k + n;
    Mention m;
    m.step = std::pow(10.0, -decimals) * multiplier;
    m.sentence = sentence;
    const U32View before = U32View(s).substr(std::max(clause_start, last_end),
                                             start - std::max(clause_start, last_end));
    if (money > 0) {
      m.kind = MentionKind::kMoney;
      m.value = number * multiplier * money;
      m.step *= money;
      m.unit = "元";
      size_t p = SkipSpaces(s, end);
      if (p < s.size() && (s[p] == '/' || s[p] == U'每')) {
        size_t r = ReadPerList(s, p + 1, &m.per);
        if (r > 0) {
          m.kind = MentionKind::kPrice;
          end = p + 1 + r;
        }
      }
      if (m.kind == MentionKind::kMoney) {
        // A price by its words: 每生每天 4 元, 一年一户 1600 元, 生均, 单价 30 元, 4 元标准.
        std::optional<std::vector<std::string>> per = Markers(before, false);
        if (!per) {
          const U32 trimmed = ToU32(Trim(ToUtf8(before)));
          const U32View after_unit = U32View(s).substr(SkipSpaces(s, end));
          for (U32View w :
               {U32View(U"标准"), U32View(U"标准为"), U32View(U"标准是"), U32View(U"标准:")})
            if (trimmed.size() >= w.size() &&
                U32View(trimmed).substr(trimmed.size() - w.size()) == w)
              per = std::vector<std::string>{};
          for (U32View w :
               {U32View(U"标准"), U32View(U"的标准"), U32View(U"的基准定额"), U32View(U"定额")})
            if (At(after_unit, 0, w)) per = std::vector<std::string>{};
        }
        if (per) {
          m.kind = MentionKind::kPrice;
          m.per = *per;
        }
      }
    } else {
      // Years and dates are not quantities.
      if (unit == "年" && decimals == 0 && number >= 1000 && number <= 2999) continue;
      if (unit == "年" && k + 1 < s.size() && s[k + 1] == U'度') continue;
      m.kind = MentionKind::kQuantity;
      m.value = number * multiplier;
      m.unit = unit;
    }
    const U32View after = U32View(s).substr(SkipSpaces(s, end));
    m.bound = BoundBefore(before, after);
    const U32View sentence_so_far = U32View(s).substr(sentence_start, start - sentence_start);
    m.partial = Has(sentence_so_far, U"其中") || Has(sentence_so_far, U"包括") ||
                Has(sentence_so_far, U"包含") || Has(sentence_so_far, U"含");
    m.raw = Trim(ToUtf8(U32View(s).substr(start, end - start)));
    out.push_back(std::move(m));
    i = end;
    last_end = end;
  }
  // Each figure's sentence as printed (sentence ends read in NFKC, as above), for the
  // findings to quote.
  std::vector<std::string> sentences(1);
  U32 current;
  for (char32_t c : ToU32(text)) {
    current += c;
    const U32 folded = ToU32(Nfkc(ToUtf8(U32(1, c))));
    if (std::any_of(folded.begin(), folded.end(), IsSentenceEnd)) {
      sentences.back() = Trim(ToUtf8(current));
      sentences.emplace_back();
      current.clear();
    }
  }
  sentences.back() = Trim(ToUtf8(current));
  for (Mention& m : out)
    if (m.sentence >= 0 && m.sentence < static_cast<int>(sentences.size())) m.context = sentences[m.sentence];
  return out;
}

}  // namespace jixiao::check
