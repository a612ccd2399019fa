#include "ocr/lexicon.h"

#include <algorithm>

#include "core/text.h"
#include "vocabulary/vocabulary.h"

namespace jixiao::ocr {

const std::vector<std::string>& Vocabulary() { return PrintedTerms(); }

namespace {

// The edit distance a term of `length` characters may be read with and still be recognized.
int Allowed(size_t length) {
  if (length < 4) return 0;
  return length >= 10 ? 2 : 1;
}

}  // namespace

std::optional<std::string> NearestTerm(std::string_view text) {
  static const std::vector<std::u32string> compact = [] {
    std::vector<std::u32string> c;
    for (const std::string& t : Vocabulary()) c.push_back(ToU32(Compact(t)));
    return c;
  }();
  const std::u32string t = ToU32(Compact(text));
  if (t.empty()) return std::nullopt;
  int best = 1 << 30, best_i = -1;
  bool tie = false;
  for (size_t i = 0; i < compact.size(); ++i) {
    const std::u32string& v = compact[i];
    const int allowed = Allowed(v.size());
    const int len_diff = std::abs(static_cast<int>(v.size()) - static_cast<int>(t.size()));
    if (len_diff > std::max(allowed, 0) || (allowed == 0 && v != t)) continue;
    const int d = EditDistance(t, v);
    if (d == 0) return std::nullopt;  // printed as it is
    if (d > allowed) continue;
    // A term with one more Chinese character before or after it is another word (a value
    // 12月底前, a description 服务对象满意度高), not the term misread; one more mark (效果指标。,
    // a speck) is the term.
    if (t.size() == v.size() + 1 && ((IsIdeograph(t.back()) && t.compare(0, v.size(), v) == 0) ||
                                     (IsIdeograph(t.front()) && t.compare(1, v.size(), v) == 0)))
      continue;
    if (d < best) {
      best = d;
      best_i = static_cast<int>(i);
      tie = false;
    } else if (d == best) {
      tie = true;
    }
  }
  if (best_i < 0 || tie) return std::nullopt;
  return Vocabulary()[best_i];
}

std::optional<std::string> NearestTermInRow(std::string_view text,
                                            const std::vector<std::string>& siblings) {
  const std::u32string t = ToU32(Compact(text));
  if (t.empty()) return std::nullopt;
  std::vector<std::u32string> present;
  for (const std::string& s : siblings) present.push_back(ToU32(Compact(s)));
  auto in_row = [&](const std::u32string& term) {
    return std::find(present.begin(), present.end(), term) != present.end();
  };
  std::optional<std::string> found;
  for (const std::vector<std::string>& group : TermGroups()) {
    std::vector<std::u32string> terms;
    for (const std::string& g : group) terms.push_back(ToU32(Compact(g)));
    int others = 0;
    for (const std::u32string& g : terms) others += in_row(g);
    if (others < 2) continue;
    int best = 1 << 30;
    std::vector<size_t> nearest;
    for (size_t i = 0; i < terms.size(); ++i) {
      const int d = EditDistance(t, terms[i]);
      if (d == 0) return std::nullopt;
      if (d < best) {
        best = d;
        nearest.clear();
      }
      if (d == best) nearest.push_back(i);
    }
    // The row says which term is missing; the reading must still share most of it.
    const int term_len = static_cast<int>(terms[nearest.front()].size());
    if (best > std::max(2, Allowed(term_len)) || best >= term_len) continue;
    std::vector<size_t> missing;
    for (size_t i : nearest)
      if (!in_row(terms[i])) missing.push_back(i);
    if (missing.size() != 1) continue;
    if (found) return std::nullopt;  // two groups claim it
    found = group[missing.front()];
  }
  return found;
}

namespace {

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsCnNumeral(char32_t c) { return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos; }
bool IsOpenBracket(char32_t c) { return std::u32string_view(U"(（〈<《{[【「").find(c) != std::u32string_view::npos; }
bool IsCloseBracket(char32_t c) { return std::u32string_view(U")）〉>》}]】」").find(c) != std::u32string_view::npos; }

}  // namespace

std::string FixSymbols(std::string_view text) {
  std::u32string u = ToU32(text);
  const std::u32string original = u;
  // ×
  for (size_t i = 1; i + 1 < u.size(); ++i) {
    if (u[i] != U'x' && u[i] != U'X' && u[i] != U'*' && u[i] != U'＊' && u[i] != U'"') continue;
    size_t next = i + 1;
    while (next < u.size() && u[next] == U' ') ++next;
    size_t prev = i;
    while (prev > 0 && u[prev - 1] == U' ') --prev;
    if (prev == 0 || next >= u.size()) continue;
    if (IsCjk(u[prev - 1]) && u[next] >= U'0' && u[next] <= U'9') u[i] = U'×';
  }
  // Item numbers: （一） … （十二）
  size_t start = 0;
  while (start < u.size() && u[start] == U' ') ++start;
  size_t k = start;
  const bool opened = k < u.size() && IsOpenBracket(u[k]);
  if (opened) ++k;
  size_t digits = k;
  while (digits < u.size() && IsCnNumeral(u[digits])) ++digits;
  if (digits > k && digits - k <= 3 && digits < u.size() && IsCloseBracket(u[digits]) &&
      (opened || digits + 1 < u.size())) {
    std::u32string fixed = U"（" + u.substr(k, digits - k) + U"）";
    u = u.substr(0, start) + fixed + u.substr(digits + 1);
  }
  // Specks between a number and its 、: 2…、
  {
    size_t d = start;
    while (d < u.size() && u[d] >= U'0' && u[d] <= U'9') ++d;
    size_t e = d;
    while (e < u.size() && std::u32string_view(U".…‥·").find(u[e]) != std::u32string_view::npos) ++e;
    if (d > start && e > d && e < u.size() && u[e] == U'、') u = u.substr(0, d) + u.substr(e);
  }
  // 〈 closed by ) is （
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
  // The item's label without its colon: （三）绩效目标非税收入管理.
  {
    const std::u32string label = U"绩效目标";
    const size_t at = u.find(label);
    const size_t next = at == std::u32string::npos ? u.size() : at + label.size();
    size_t before = at == std::u32string::npos ? 0 : at;
    while (before > 0 && u[before - 1] == U' ') --before;
    if (at != std::u32string::npos && before > 0 && u[before - 1] == U'）' && next < u.size() &&
        IsCjk(u[next]) && std::u32string_view(U":：;；,，").find(u[next]) == std::u32string_view::npos)
      u = u.substr(0, next) + U"：" + u.substr(next);
    // ... or its colon read as a comma: （二）绩效目标,强化制度保障.
    else if (at != std::u32string::npos && before > 0 && u[before - 1] == U'）' && next + 1 < u.size() &&
             (u[next] == U',' || u[next] == U'，') && IsCjk(u[next + 1]))
      u[next] = U'：';
  }
  // Labels' colons.
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
  // 合 read as 台.
  static const std::u32string kAfter = U"同理计格法作并";   // 合X
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
  // Marks that are no text here.
  for (size_t i = 0; i < u.size();) {
    if (u[i] == U'$' || u[i] == U'`' || u[i] == U'|' || u[i] == U'~') {
      u.erase(i, 1);
    } else {
      ++i;
    }
  }
  // ‰ read as %o; 1 read as L, l or I between a Chinese character and digits; an unpaired
  // ] or [ next to a digit; a unit's middle dot read as : or - (元/生·年).
  for (size_t i = 0; i + 1 < u.size(); ++i) {
    if (u[i] == U'%' && (u[i + 1] == U'o' || u[i + 1] == U'0') && i > 0 &&
        ((u[i - 1] >= U'0' && u[i - 1] <= U'9') || u[i - 1] == U'(' || u[i - 1] == U'（') &&
        (i + 2 >= u.size() || !((u[i + 2] >= U'0' && u[i + 2] <= U'9') || IsAsciiAlnum(u[i + 2])))) {
      u = u.substr(0, i) + U"‰" + u.substr(i + 2);
    }
  }
  for (size_t i = 1; i + 1 < u.size(); ++i) {
    if ((u[i] == U'L' || u[i] == U'l' || u[i] == U'I') && IsCjk(u[i - 1]) && u[i + 1] >= U'0' &&
        u[i + 1] <= U'9')
      u[i] = U'1';
  }
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
  // A unit's middle dot read as another small mark: 元/生:天, 元/生'天.
  for (size_t i = 2; i + 1 < u.size(); ++i) {
    if (std::u32string_view(U":：-'’‘`•・").find(u[i]) != std::u32string_view::npos &&
        IsCjk(u[i - 1]) && IsCjk(u[i + 1]) && (u[i - 2] == U'/' || u[i - 2] == U'／'))
      u[i] = U'·';
  }
  // The % sign's echo: chi_sim reads its left circle once more as a digit, after the sign
  // (5%6安排, 90%6以上) or before it (959%以上, 1009%): a digit between % and Chinese (or
  // the end) goes, and so does a last 9 or 6 that lifts a whole percentage over 100.
  for (size_t i = 0; i + 1 < u.size(); ++i) {
    if (u[i] != U'%' || i == 0 || !IsDigit(u[i - 1])) continue;
    if (u[i + 1] >= U'1' && u[i + 1] <= U'9' && (i + 2 == u.size() || IsCjk(u[i + 2]) || u[i + 2] == U' '))
      u.erase(i + 1, 1);
  }
  // The sign read twice (100%%完成), or once more as a question mark before it (95?%%): no
  // value prints either, one sign was printed.
  for (size_t i = 0; i + 1 < u.size(); ++i) {
    const bool twice = u[i] == U'%' && u[i + 1] == U'%';
    const bool asked = u[i] == U'?' && u[i + 1] == U'%' && i > 0 && IsDigit(u[i - 1]);
    if (twice || asked) u.erase(i--, 1);
  }
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
  // A unit's middle dot that the scan lost: 元/生天 is 元/生·天 (per pupil and day).
  for (size_t i = 0; i + 2 < u.size(); ++i) {
    if (u[i] != U'/' && u[i] != U'／') continue;
    const bool per = std::u32string_view(U"生人户床车次").find(u[i + 1]) != std::u32string_view::npos;
    const bool time = std::u32string_view(U"天年月日周").find(u[i + 2]) != std::u32string_view::npos;
    if (per && time && (i + 3 == u.size() || !IsCjk(u[i + 3]))) u.insert(i + 2, 1, U'·');
  }
  // Straight double quotes around Chinese are the curly ones: "一卡通" is “一卡通”.
  {
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
  // An opening quote that nothing follows but a mark (186人“，) is a speck.
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U'“' || u.find(U'”', i) != std::u32string::npos) continue;
    if (i + 1 == u.size() || std::u32string_view(U"，。、；：,.;:").find(u[i + 1]) != std::u32string_view::npos) {
      u.erase(i, 1);
      --i;
    }
  }
  // ‰ with the o it was read as still beside it (0.9‰o); { for （ before Chinese that ) closes.
  for (size_t i = 0; i + 1 < u.size(); ++i)
    if (u[i] == U'‰' && (u[i + 1] == U'o' || u[i + 1] == U'0')) u.erase(i + 1, 1);
  for (size_t i = 0; i + 1 < u.size(); ++i) {
    if (u[i] != U'{' || !IsCjk(u[i + 1]) || u.find(U'}', i) != std::u32string::npos) continue;
    const size_t close = u.find_first_of(U")）", i);
    if (close != std::u32string::npos && close < i + 12) u[i] = U'（' == u[close] ? U'（' : U'(';
  }
  // A date's day read with 月 for 日: 2022年10月31月前.
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U'年') continue;
    size_t m = i + 1, d = 0;
    while (m < u.size() && IsDigit(u[m])) ++m;
    if (m == i + 1 || m >= u.size() || u[m] != U'月') continue;
    d = m + 1;
    while (d < u.size() && IsDigit(u[d])) ++d;
    if (d > m + 1 && d - m - 1 <= 2 && d < u.size() && u[d] == U'月') u[d] = U'日';
  }
  // A straight quote closing a curly one: “双监控" is “双监控”.
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U'"') continue;
    const size_t open = u.rfind(U'“', i);
    const size_t close = u.rfind(U'”', i);
    if (open != std::u32string::npos && (close == std::u32string::npos || close < open)) u[i] = U'”';
  }
  // A line-final ASCII full stop after Chinese.
  while (!u.empty() && u.back() == U' ') u.pop_back();
  if (u.size() >= 2 && u.back() == U'.' && IsCjk(u[u.size() - 2])) u.pop_back();
  return u == original ? std::string(text) : ToUtf8(u);
}

namespace {

std::string Trimmed(std::string_view text, std::u32string_view lead, std::u32string_view tail) {
  std::u32string u = ToU32(Trim(text));
  size_t a = 0, b = u.size();
  while (a < b && (lead.find(u[a]) != std::u32string_view::npos || u[a] == U' ')) ++a;
  while (b > a && (tail.find(u[b - 1]) != std::u32string_view::npos || u[b - 1] == U' ')) --b;
  if (a == 0 && b == u.size()) return std::string(text);
  return ToUtf8(u.substr(a, b - a));
}

}  // namespace

// Full stops between two Chinese characters become `with` (nothing to drop them).
std::string DotsBetweenCjk(const std::string& text, std::u32string_view with) {
  std::u32string u = ToU32(text);
  bool changed = false;
  for (size_t i = 1; i + 1 < u.size(); ++i) {
    if (u[i] != U'.' || !IsCjk(u[i - 1]) || !IsCjk(u[i + 1])) continue;
    u.replace(i, 1, with);
    changed = true;
  }
  return changed ? ToUtf8(u) : text;
}

std::string TrimCellMarks(std::string_view text) {
  std::u32string u = ToU32(Trimmed(text, U",，、。.;；:：'`", U",，、;；:：.'`"));
  // A dash after a percentage ends no value (100%-): a speck. A closing quote that nothing
  // opened at the cell's end likewise.
  while (u.size() >= 2 && (u.back() == U'-' || u.back() == U'—') && u[u.size() - 2] == U'%') u.pop_back();
  if (!u.empty() && (u.back() == U'”' || u.back() == U'"') && u.find(U'“') == std::u32string::npos &&
      u.find_first_of(U"\"”") == u.size() - 1)
    u.pop_back();
  // A full stop between Chinese characters: a unit's middle dot after `/X` (元/生·天), else
  // a comma whose tail the scan lost.
  for (size_t i = 1; i + 1 < u.size(); ++i) {
    if (u[i] != U'.' || !IsCjk(u[i - 1]) || !IsCjk(u[i + 1])) continue;
    u[i] = i >= 2 && (u[i - 2] == U'/' || u[i - 2] == U'／') ? U'·' : U'，';
  }
  return ToUtf8(u);
}

std::string TrimLeadingMarks(std::string_view text) {
  std::string t = Trimmed(text, U".,;:'`…", U"");
  if (StartsWith(t, "、") && t != text) t = t.substr(std::string("、").size());
  return DotsBetweenCjk(t, U"");
}

}  // namespace jixiao::ocr
