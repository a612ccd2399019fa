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

}  // namespace jixiao::ocr
