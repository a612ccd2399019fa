#include "ocr/text_fixes.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "vocabulary/vocabulary.h"

namespace jixiao::ocr {

namespace {

bool IsDigit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
bool IsCnNumeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}
bool IsOpenBracket(char32_t c) {
  return std::u32string_view(U"(（〈<《{[【「").find(c) != std::u32string_view::npos;
}
bool IsCloseBracket(char32_t c) {
  return std::u32string_view(U")）〉>》}]】」").find(c) != std::u32string_view::npos;
}

// Where the line's text begins, after its leading spaces.
size_t Start(const std::u32string& u) {
  size_t start = 0;
  while (start < u.size() && u[start] == U' ') ++start;
  return start;
}

// ocr.times
void Times(std::u32string& u) {
  for (size_t i = 1; i + 1 < u.size(); ++i) {
    if (u[i] != U'x' && u[i] != U'X' && u[i] != U'*' && u[i] != U'＊' && u[i] != U'"') continue;
    size_t next = i + 1;
    while (next < u.size() && u[next] == U' ') ++next;
    size_t prev = i;
    while (prev > 0 && u[prev - 1] == U' ') --prev;
    if (prev == 0 || next >= u.size()) continue;
    if (IsCjk(u[prev - 1]) && u[next] >= U'0' && u[next] <= U'9') u[i] = U'×';
  }
}

// ocr.item_number: （一） … （十二）
void ItemNumber(std::u32string& u) {
  const size_t start = Start(u);
  size_t k = start;
  const bool opened = k < u.size() && IsOpenBracket(u[k]);
  if (opened) ++k;
  size_t digits = k;
  while (digits < u.size() && IsCnNumeral(u[digits])) ++digits;
  if (digits > k && digits - k <= 3 && digits < u.size() && IsCloseBracket(u[digits]) &&
      (opened || digits + 1 < u.size())) {
    std::u32string fixed = u.substr(0, start);
    fixed += U'（';
    fixed.append(u, k, digits - k);
    fixed += U'）';
    fixed.append(u, digits + 1);
    u = std::move(fixed);
  }
}

// ocr.item_number_specks: 2…、
void ItemNumberSpecks(std::u32string& u) {
  const size_t start = Start(u);
  size_t d = start;
  while (d < u.size() && u[d] >= U'0' && u[d] <= U'9') ++d;
  size_t e = d;
  while (e < u.size() && std::u32string_view(U".…‥·").find(u[e]) != std::u32string_view::npos) ++e;
  if (d > start && e > d && e < u.size() && u[e] == U'、') u = u.substr(0, d) + u.substr(e);
}

// ocr.angle_bracket: 〈 closed by ) is （
void AngleBracket(std::u32string& u) {
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U'〈') continue;
    for (size_t j = i + 1; j < u.size() && j < i + 12; ++j) {
      if (u[j] == U'〉') break;
      if (u[j] == U')' || u[j] == U'）') {
        u[i] = U'（';
        u[j] = U'）';
        break;
      }
    }
  }
}

// ocr.goal_colon: the item's label without its colon, （三）绩效目标非税收入管理.
void GoalColon(std::u32string& u) {
  const std::u32string label = U"绩效目标";
  const size_t at = u.find(label);
  const size_t next = at == std::u32string::npos ? u.size() : at + label.size();
  size_t before = at == std::u32string::npos ? 0 : at;
  while (before > 0 && u[before - 1] == U' ') --before;
  if (at != std::u32string::npos && before > 0 && u[before - 1] == U'）' && next < u.size() &&
      IsCjk(u[next]) &&
      std::u32string_view(U":：;；,，").find(u[next]) == std::u32string_view::npos)
    u = u.substr(0, next) + U"：" + u.substr(next);
  // ... or its colon read as a comma: （二）绩效目标,强化制度保障.
  else if (at != std::u32string::npos && before > 0 && u[before - 1] == U'）' &&
           next + 1 < u.size() && (u[next] == U',' || u[next] == U'，') && IsCjk(u[next + 1]))
    u[next] = U'：';
}

// ocr.label_colon: labels' colons.
// The organization and money-unit labels of a heading (vocabulary/ OrganizationLabels,
// MoneyUnitLabels) without their colon, brackets folded to ASCII.
const std::vector<std::u32string>& HeadingLabels(bool money) {
  static const auto kLabels = [] {
    std::array<std::vector<std::u32string>, 2> labels;
    for (int m = 0; m < 2; ++m)
      for (std::string_view l : m ? MoneyUnitLabels() : OrganizationLabels())
        labels[m].push_back(ToU32(l.substr(0, l.size() - 1)));  // (each ends with its colon)
    return labels;
  }();
  return kLabels[money ? 1 : 0];
}

// A heading's label read with another mark for its colon ("部门名称；某局", "金额单位，元"): the
// organization's label followed by one of ColonReadings, the money unit's by one followed by a
// money unit that ends the line or its part (单位，元; "各单位，元旦前" is no label).
void HeadingColon(std::u32string& u) {
  std::u32string folded = u;
  for (char32_t& c : folded) c = c == U'（' ? U'(' : c == U'）' ? U')' : c;
  for (bool money : {false, true})
    for (const std::u32string& label : HeadingLabels(money))
      for (size_t at = folded.find(label); at != std::u32string::npos;
           at = folded.find(label, at + 1)) {
        size_t c = at + label.size();
        while (c < u.size() && u[c] == U' ') ++c;
        if (c >= u.size() || ColonReadings().find(u[c]) == std::u32string::npos) continue;
        if (money) {
          size_t v = c + 1;
          while (v < u.size() && u[v] == U' ') ++v;
          // (the unit ends the line or its part of it: 元旦 is no unit)
          const std::u32string unit = ToU32(MoneyUnitAt(ToUtf8(u.substr(v))));
          const size_t end = v + unit.size();
          if (unit.empty() ||
              (end < u.size() && u[end] != U' ' && u[end] != U')' && u[end] != U'）'))
            continue;
        }
        u[c] = folded[c] = U'：';
      }
}

void LabelColon(std::u32string& u) {
  HeadingColon(u);
  static constexpr std::u32string_view kSeparators = U":：;；,，";
  for (std::u32string_view label : {std::u32string_view(U"绩效目标"), std::u32string_view(U"单位"),
                                    std::u32string_view(U"其中")}) {
    for (size_t at = u.find(label); at != std::u32string::npos; at = u.find(label, at + 1)) {
      size_t c = at + label.size();
      while (c < u.size() && u[c] == U' ') ++c;
      if (c < u.size() && (u[c] == U';' || u[c] == U'；')) u[c] = U'：';
      // A blurred full-width colon read as two marks (绩效目标:;强化): one colon.
      if (c >= u.size() || (u[c] != U':' && u[c] != U'：')) continue;
      size_t d = c + 1;
      while (d < u.size() && u[d] == U' ') ++d;
      if (d < u.size() && kSeparators.find(u[d]) != std::u32string_view::npos)
        u.erase(c + 1, d - c);
    }
  }
}

// ocr.he_tai: 合 read as 台.
void HeTai(std::u32string& u) {
  static const std::u32string kAfter = U"同理计格法作并";     // 合X
  static const std::u32string kBefore = U"综符配结整联融适";  // X合
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U'台') continue;
    const bool roof = i > 0 && u[i - 1] == U'人';
    const size_t b = roof ? i - 1 : i;  // where 合 begins
    const bool after = i + 1 < u.size() && kAfter.find(u[i + 1]) != std::u32string::npos;
    const bool before = b > 0 && kBefore.find(u[b - 1]) != std::u32string::npos;
    if (!after && !before) continue;
    u[i] = U'合';
    if (roof) {
      u.erase(b, 1);
      --i;
    }
  }
}

// ocr.stray_marks: marks that are no text here.
void StrayMarks(std::u32string& u) {
  for (size_t i = 0; i < u.size();) {
    if (u[i] == U'$' || u[i] == U'`' || u[i] == U'|' || u[i] == U'~') {
      u.erase(i, 1);
    } else {
      ++i;
    }
  }
}

// ocr.per_mille: ‰ read as %o.
void PerMille(std::u32string& u) {
  for (size_t i = 0; i + 1 < u.size(); ++i) {
    if (u[i] == U'%' && (u[i + 1] == U'o' || u[i + 1] == U'0') && i > 0 &&
        ((u[i - 1] >= U'0' && u[i - 1] <= U'9') || u[i - 1] == U'(' || u[i - 1] == U'（') &&
        (i + 2 >= u.size() ||
         !((u[i + 2] >= U'0' && u[i + 2] <= U'9') || IsAsciiAlnum(u[i + 2])))) {
      u = u.substr(0, i) + U"‰" + u.substr(i + 2);
    }
  }
}

// ocr.one_letter: 1 read as L, l or I between a Chinese character and digits.
void OneLetter(std::u32string& u) {
  for (size_t i = 1; i + 1 < u.size(); ++i) {
    if ((u[i] == U'L' || u[i] == U'l' || u[i] == U'I') && IsCjk(u[i - 1]) && u[i + 1] >= U'0' &&
        u[i + 1] <= U'9')
      u[i] = U'1';
  }
}

// ocr.code_o_zero: a project code of digits and one letter (11000026T000053535958, where the
// 2026 budgets print 8 digits, a letter and 12 digits) read with an O for a 0 beside a digit
// (11000026TO00053535958): in a run of at least kMinCodeChars letters and digits that holds
// another letter and no more than kMaxCodeLetters letters in all, an O or o beside a digit is 0.
// A run whose only letter is O is left alone: that may be the code's letter.
constexpr size_t kMinCodeChars = 15;
constexpr size_t kMaxCodeLetters = 3;
void CodeOZero(std::u32string& u) {
  for (size_t i = 0; i < u.size();) {
    if (!IsAsciiAlnum(u[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    size_t letters = 0, others = 0;
    while (j < u.size() && IsAsciiAlnum(u[j])) {
      if (!IsDigit(u[j])) ++letters;
      if (!IsDigit(u[j]) && u[j] != U'O' && u[j] != U'o') ++others;
      ++j;
    }
    if (j - i >= kMinCodeChars && others >= 1 && letters <= kMaxCodeLetters)
      for (size_t k = i; k < j; ++k)
        if ((u[k] == U'O' || u[k] == U'o') &&
            ((k > i && IsDigit(u[k - 1])) || (k + 1 < j && IsDigit(u[k + 1]))))
          u[k] = U'0';
    i = j;
  }
}

// ocr.lone_bracket: an unpaired ] or [ next to a digit.
void LoneBracket(std::u32string& u) {
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U']' && u[i] != U'[') continue;
    const bool digit_near = (i > 0 && u[i - 1] >= U'0' && u[i - 1] <= U'9') ||
                            (i + 1 < u.size() && u[i + 1] >= U'0' && u[i + 1] <= U'9');
    const char32_t pair = u[i] == U']' ? U'[' : U']';
    if (digit_near && u.find(pair) == std::u32string::npos) {
      u = u.substr(0, i) + u.substr(i + 1);
      --i;
    }
  }
}

// ocr.unit_dot_mark: a unit's middle dot read as another small mark: 元/生:天, 元/生'天.
void UnitDotMark(std::u32string& u) {
  for (size_t i = 2; i + 1 < u.size(); ++i) {
    if (std::u32string_view(U":：-'’‘`•・").find(u[i]) != std::u32string_view::npos &&
        IsCjk(u[i - 1]) && IsCjk(u[i + 1]) && (u[i - 2] == U'/' || u[i - 2] == U'／'))
      u[i] = U'·';
  }
}

// ocr.percent_echo: chi_sim reads the % sign's left circle once more as a digit after the
// sign (5%6安排, 90%6以上): a digit between % and Chinese (or the end) goes.
void PercentEcho(std::u32string& u) {
  for (size_t i = 0; i + 1 < u.size(); ++i) {
    if (u[i] != U'%' || i == 0 || !IsDigit(u[i - 1])) continue;
    if (u[i + 1] >= U'1' && u[i + 1] <= U'9' &&
        (i + 2 == u.size() || IsCjk(u[i + 2]) || u[i + 2] == U' '))
      u.erase(i + 1, 1);
  }
}

// ocr.percent_twice: the sign read twice (100%%完成), or once more as a question mark before
// it (95?%%): no value prints either, one sign was printed.
void PercentTwice(std::u32string& u) {
  for (size_t i = 0; i + 1 < u.size(); ++i) {
    const bool twice = u[i] == U'%' && u[i + 1] == U'%';
    const bool asked = u[i] == U'?' && u[i + 1] == U'%' && i > 0 && IsDigit(u[i - 1]);
    if (twice || asked) u.erase(i--, 1);
  }
}

// ocr.percent_over_100: the echo before the sign (959%以上, 1009%): a last 9 or 6 that lifts
// a whole percentage over 100 goes.
void PercentOver100(std::u32string& u) {
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U'%') continue;
    size_t b = i;
    while (b > 0 && IsDigit(u[b - 1])) --b;
    if (b > 0 && (u[b - 1] == U'.' || u[b - 1] == U'．')) continue;  // a decimal: 95.9%
    if (i - b < 3 || (u[i - 1] != U'9' && u[i - 1] != U'6')) continue;
    const std::u32string printed = u.substr(b, i - b);
    const std::u32string kept = printed.substr(0, printed.size() - 1);
    if (kept.size() > 3 || kept.front() == U'0') continue;
    const int whole = std::stoi(ToUtf8(printed).substr(0, 9)), lower = std::stoi(ToUtf8(kept));
    if (whole > 100 && lower <= 100) {
      u.erase(i - 1, 1);
      --i;
    }
  }
}

// ocr.unit_dot_lost: a unit's middle dot that the scan lost: 元/生天 is 元/生·天 (per pupil
// and day).
void UnitDotLost(std::u32string& u) {
  for (size_t i = 0; i + 2 < u.size(); ++i) {
    if (u[i] != U'/' && u[i] != U'／') continue;
    const bool per =
        std::u32string_view(U"生人户床车次").find(u[i + 1]) != std::u32string_view::npos;
    const bool time =
        std::u32string_view(U"天年月日周").find(u[i + 2]) != std::u32string_view::npos;
    if (per && time && (i + 3 == u.size() || !IsCjk(u[i + 3]))) u.insert(i + 2, 1, U'·');
  }
}

// ocr.straight_quotes: straight double quotes around Chinese are the curly ones: "一卡通" is
// “一卡通”.
void StraightQuotes(std::u32string& u) {
  bool open = false;
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] == U'“') open = true;
    if (u[i] == U'”') open = false;
    if (u[i] != U'"') continue;
    const bool cjk_after = i + 1 < u.size() && IsCjk(u[i + 1]);
    const bool cjk_before = i > 0 && IsCjk(u[i - 1]);
    if (!open && cjk_after && u.find(U'"', i + 1) != std::u32string::npos) {
      u[i] = U'“';
      open = true;
    } else if (open && cjk_before) {
      u[i] = U'”';
      open = false;
    }
  }
}

// ocr.open_quote_speck: an opening quote that nothing follows but a mark (186人“，) is a speck.
void OpenQuoteSpeck(std::u32string& u) {
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U'“' || u.find(U'”', i) != std::u32string::npos) continue;
    if (i + 1 == u.size() ||
        std::u32string_view(U"，。、；：,.;:").find(u[i + 1]) != std::u32string_view::npos) {
      u.erase(i, 1);
      --i;
    }
  }
}

// ocr.per_mille_o: ‰ with the o it was read as still beside it (0.9‰o).
void PerMilleO(std::u32string& u) {
  for (size_t i = 0; i + 1 < u.size(); ++i)
    if (u[i] == U'‰' && (u[i + 1] == U'o' || u[i + 1] == U'0')) u.erase(i + 1, 1);
}

// ocr.brace_paren: { for （ before Chinese that ) closes.
void BraceParen(std::u32string& u) {
  for (size_t i = 0; i + 1 < u.size(); ++i) {
    if (u[i] != U'{' || !IsCjk(u[i + 1]) || u.find(U'}', i) != std::u32string::npos) continue;
    const size_t close = u.find_first_of(U")）", i);
    if (close != std::u32string::npos && close < i + 12) u[i] = U'（' == u[close] ? U'（' : U'(';
  }
}

// ocr.day_month: a date's day read with 月 for 日: 2022年10月31月前.
void DayMonth(std::u32string& u) {
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U'年') continue;
    size_t m = i + 1, d = 0;
    while (m < u.size() && IsDigit(u[m])) ++m;
    if (m == i + 1 || m >= u.size() || u[m] != U'月') continue;
    d = m + 1;
    while (d < u.size() && IsDigit(u[d])) ++d;
    if (d > m + 1 && d - m - 1 <= 2 && d < u.size() && u[d] == U'月') u[d] = U'日';
  }
}

// ocr.closing_quote: a straight quote closing a curly one: “双监控" is “双监控”.
void ClosingQuote(std::u32string& u) {
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U'"') continue;
    const size_t open = u.rfind(U'“', i);
    const size_t close = u.rfind(U'”', i);
    if (open != std::u32string::npos && (close == std::u32string::npos || close < open))
      u[i] = U'”';
  }
}

// ocr.cjk_punctuation: Chinese text prints full-width marks, and chi_sim reads many of them as
// their ASCII forms, with the blank half of the mark's square as a space (部门 (单位) 年度,
// 要求,监控 on the funing and jiaoyu scans). Between two Chinese characters an ASCII , ; : ? !
// is the full-width mark, ( and ) are （ and ）, and the spaces beside a full-width mark there go:
// no sample or corpus truth prints either (13,556 texts).
void CjkPunctuation(std::u32string& u) {
  static constexpr std::u32string_view kAscii = U",;:?!()";
  static constexpr std::u32string_view kWide = U"，；：？！（）";
  static constexpr std::u32string_view kMarks = U"，；：？！（）、。“”";
  // The first code point before `i` that is no space (npos when none), and after it.
  auto before = [&u](size_t i) {
    while (i > 0 && u[i - 1] == U' ') --i;
    return i == 0 ? std::u32string::npos : i - 1;
  };
  auto after = [&u](size_t i) {
    ++i;
    while (i < u.size() && u[i] == U' ') ++i;
    return i < u.size() ? i : std::u32string::npos;
  };
  // Chinese text on that side: a character, or a full-width mark other than the one at `i`.
  auto cjk_at = [&u](size_t at) {
    return at != std::u32string::npos && (IsCjk(u[at]) || u[at] == U'（' || u[at] == U'）');
  };
  for (size_t i = 0; i < u.size(); ++i) {
    const size_t ascii = kAscii.find(u[i]);
    if (ascii == std::u32string_view::npos && kMarks.find(u[i]) == std::u32string_view::npos)
      continue;
    const size_t b = before(i), a = after(i);
    bool between =
        b != std::u32string::npos && a != std::u32string::npos && IsCjk(u[b]) && IsCjk(u[a]);
    // A bracket encloses Chinese: its outer side may be another bracket or a mark (（单位）。),
    // and ) closes a （.
    if (u[i] == U'(' || u[i] == U'（')
      between = a != std::u32string::npos && IsCjk(u[a]) && cjk_at(b);
    if (u[i] == U')' || u[i] == U'）')
      between = b != std::u32string::npos && IsCjk(u[b]) &&
                (a == std::u32string::npos || IsCjk(u[a]) || kMarks.find(u[a]) != kMarks.npos) &&
                i > 0 && u.find_last_of(U"(（)）", i - 1) != std::u32string::npos &&
                u[u.find_last_of(U"(（)）", i - 1)] == U'（';  // what it closes is （
    if (!between) continue;
    if (ascii != std::u32string_view::npos) u[i] = kWide[ascii];
    // The spaces beside it, where Chinese text is on their other side.
    const size_t last = a == std::u32string::npos ? u.size() : a;
    if (last > i + 1 && a != std::u32string::npos) u.erase(i + 1, last - i - 1);
    if (b != std::u32string::npos && i > b + 1) {
      u.erase(b + 1, i - b - 1);
      i = b + 1;
    }
  }
}

// ocr.final_full_stop: a line-final ASCII full stop after Chinese (before trailing spaces).
void FinalFullStop(std::u32string& u) {
  size_t end = u.size();
  while (end > 0 && u[end - 1] == U' ') --end;
  if (end >= 2 && u[end - 1] == U'.' && IsCjk(u[end - 2])) u.erase(end - 1, 1);
}

const FixSwitches& AllOn() {
  static const FixSwitches all;
  return all;
}

// Notes the fix `id` in `fixes` (when given) if it changed the text from `before` to `after`.
void Note(const std::u32string& before, const std::u32string& after, std::string_view id,
          std::vector<std::string>* fixes) {
  if (fixes && before != after) NoteFix(*fixes, id);
}

std::string Trimmed(std::string_view text, std::u32string_view lead, std::u32string_view tail) {
  std::u32string u = ToU32(Trim(text));
  size_t a = 0, b = u.size();
  while (a < b && (lead.find(u[a]) != std::u32string_view::npos || u[a] == U' ')) ++a;
  while (b > a && (tail.find(u[b - 1]) != std::u32string_view::npos || u[b - 1] == U' ')) --b;
  if (a == 0 && b == u.size()) return std::string(text);
  return ToUtf8(u.substr(a, b - a));
}

}  // namespace

const std::vector<TextFix>& TextFixes() {
  static const std::vector<TextFix> fixes = {
      {"ocr.times", Times},
      {"ocr.item_number", ItemNumber},
      {"ocr.item_number_specks", ItemNumberSpecks},
      {"ocr.angle_bracket", AngleBracket},
      {"ocr.goal_colon", GoalColon},
      {"ocr.label_colon", LabelColon},
      {"ocr.he_tai", HeTai},
      {"ocr.stray_marks", StrayMarks},
      {"ocr.per_mille", PerMille},
      {"ocr.one_letter", OneLetter},
      {"ocr.code_o_zero", CodeOZero},
      {"ocr.lone_bracket", LoneBracket},
      {"ocr.unit_dot_mark", UnitDotMark},
      {"ocr.percent_echo", PercentEcho},
      {"ocr.percent_twice", PercentTwice},
      {"ocr.percent_over_100", PercentOver100},
      {"ocr.unit_dot_lost", UnitDotLost},
      {"ocr.straight_quotes", StraightQuotes},
      {"ocr.open_quote_speck", OpenQuoteSpeck},
      {"ocr.per_mille_o", PerMilleO},
      {"ocr.brace_paren", BraceParen},
      {"ocr.day_month", DayMonth},
      {"ocr.closing_quote", ClosingQuote},
      {"ocr.cjk_punctuation", CjkPunctuation},
      {"ocr.final_full_stop", FinalFullStop},
  };
  return fixes;
}

FixedText FixSymbols(std::string_view text, const FixSwitches& switches) {
  std::u32string u = ToU32(text);
  const std::u32string original = u;
  FixedText out;
  for (const TextFix& f : TextFixes()) {
    if (!switches.Enabled(f.id)) continue;
    const std::u32string before = u;
    f.apply(u);
    Note(before, u, f.id, &out.fixes);
  }
  while (!u.empty() && u.back() == U' ') u.pop_back();
  out.text = u == original ? std::string(text) : ToUtf8(u);
  return out;
}

std::string FixSymbols(std::string_view text) {
  return FixSymbols(text, AllOn()).text;
}

std::string TrimCellMarks(std::string_view text, const FixSwitches& switches,
                          std::vector<std::string>* fixes) {
  std::u32string u = ToU32(text);
  if (switches.Enabled("ocr.cell_end_marks")) {
    const std::u32string before = u;
    u = ToU32(Trimmed(text, U",，、。.;；:：'`", U",，、;；:：.'`"));
    // A dash after a percentage ends no value (100%-): a speck. A closing quote that nothing
    // opened at the cell's end likewise.
    while (u.size() >= 2 && (u.back() == U'-' || u.back() == U'—') && u[u.size() - 2] == U'%')
      u.pop_back();
    if (!u.empty() && (u.back() == U'”' || u.back() == U'"') &&
        u.find(U'“') == std::u32string::npos && u.find_first_of(U"\"”") == u.size() - 1)
      u.pop_back();
    Note(before, u, "ocr.cell_end_marks", fixes);
  }
  if (switches.Enabled("ocr.cell_dots")) {
    // A full stop between Chinese characters: a unit's middle dot after `/X` (元/生·天), else
    // a comma whose tail the scan lost.
    const std::u32string before = u;
    for (size_t i = 1; i + 1 < u.size(); ++i) {
      if (u[i] != U'.' || !IsCjk(u[i - 1]) || !IsCjk(u[i + 1])) continue;
      u[i] = i >= 2 && (u[i - 2] == U'/' || u[i - 2] == U'／') ? U'·' : U'，';
    }
    Note(before, u, "ocr.cell_dots", fixes);
  }
  return ToUtf8(u);
}

std::string TrimCellMarks(std::string_view text) {
  return TrimCellMarks(text, AllOn(), nullptr);
}

std::string TrimLeadingMarks(std::string_view text, const FixSwitches& switches,
                             std::vector<std::string>* fixes) {
  std::string t(text);
  if (switches.Enabled("ocr.line_start_marks")) {
    t = Trimmed(text, U".,;:'`…", U"");
    if (StartsWith(t, "、") && t != text) t = t.substr(std::string("、").size());
    Note(ToU32(text), ToU32(t), "ocr.line_start_marks", fixes);
  }
  if (switches.Enabled("ocr.line_dots")) {
    // Full stops between two Chinese characters are specks.
    std::u32string u = ToU32(t);
    const std::u32string before = u;
    for (size_t i = 1; i + 1 < u.size(); ++i) {
      if (u[i] != U'.' || !IsCjk(u[i - 1]) || !IsCjk(u[i + 1])) continue;
      u.erase(i, 1);
    }
    if (u != before) t = ToUtf8(u);
    Note(before, u, "ocr.line_dots", fixes);
  }
  return t;
}

std::string TrimLeadingMarks(std::string_view text) {
  return TrimLeadingMarks(text, AllOn(), nullptr);
}

}  // namespace jixiao::ocr
