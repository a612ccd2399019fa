#include "ocr/document_lexicon.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <fstream>
#include <future>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <tesseract/baseapi.h>

#include "core/text.h"
#include "layout/table.h"
#include "ocr/engine.h"
#include "ocr/lexicon.h"

namespace jixiao::ocr {

namespace {

// A proposal must be this many times as frequent in the document's pairs as the reading
// itself: a misreading repeated (数最 in two cells) has a few pairs of its own.
constexpr int kOverOwnReading = 3;
// Word-list proposals that make a word on both sides rank above all that make one: a
// both-sided word's weight is this times its rarer pair's frequency.
constexpr long kBothSidesWeight = 1000000L;
// A line is corrected to a trusted line of the document when it has at least
// kMinSameLineChars characters, the trusted one was read kMinTrustedReadings times (once may
// be a misreading too), and they differ in at most one character in kCharsPerDifference
// (at least one).
constexpr size_t kMinSameLineChars = 3;
constexpr int kMinTrustedReadings = 2;
constexpr size_t kCharsPerDifference = 4;

using Pair = uint64_t;
Pair Key(char32_t a, char32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }

// Pairs of Chinese characters with a weight each (how often read, how frequent a word), and
// for each character the characters that follow it and that precede it in some pair.
class PairCounts {
 public:
  void Add(char32_t a, char32_t b, int n = 1) {
    int& c = counts_[Key(a, b)];
    if (c == 0) {
      next_[a].push_back(b);
      prev_[b].push_back(a);
    }
    c += n;
  }
  void Reserve(size_t pairs) { counts_.reserve(pairs); }
  int Count(char32_t a, char32_t b) const {
    auto it = counts_.find(Key(a, b));
    return it == counts_.end() ? 0 : it->second;
  }
  const std::vector<char32_t>* After(char32_t a) const {
    auto it = next_.find(a);
    return it == next_.end() ? nullptr : &it->second;
  }
  const std::vector<char32_t>* Before(char32_t b) const {
    auto it = prev_.find(b);
    return it == prev_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<Pair, int> counts_;
  std::unordered_map<char32_t, std::vector<char32_t>> next_, prev_;
};

bool IsCnNumeral(char32_t c) { return std::u32string_view(U"一二三四五六七八九十〇零").find(c) != std::u32string_view::npos; }

// Room made for the word list's pairs and three-character words before reading it (jieba's
// dict.txt has about 114,000 and 131,000): no rehashing while it is read.
constexpr size_t kWordListPairs = 1 << 17;
constexpr size_t kWordListTriples = 1 << 18;

// Two-character words of written Chinese with their frequencies, from a word list of the
// form "word frequency [tag]" per line (jieba's dict.txt, Debian package python3-jieba): the
// knowledge that 膳食 is a word and 腾食 is none, for the glyphs no page prints clearly. The
// three-character words too (满意度, 准确率), without frequencies. Empty when the list cannot
// be read.
struct WordLists {
  PairCounts pairs;
  std::unordered_set<std::u32string> triples;

  bool Triple(char32_t a, char32_t b, char32_t c) const {
    return a && b && c && triples.count(std::u32string{a, b, c}) > 0;
  }
};

// The `n` characters of UTF-8 at `s` (3 × n bytes) in `out`, when each is a Chinese character
// (IsCjk): these all take three bytes, so any other byte sequence is no such word.
bool ChineseChars(const char* s, size_t n, char32_t* out) {
  for (size_t k = 0; k < n; ++k, s += 3) {
    const auto b0 = static_cast<unsigned char>(s[0]), b1 = static_cast<unsigned char>(s[1]),
               b2 = static_cast<unsigned char>(s[2]);
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
    out[k] = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) |
             (b2 & 0x3F);
    if (!IsCjk(out[k])) return false;
  }
  return true;
}

// The file read whole and parsed in place: the word list has 350,000 lines, and a string and a
// u32string made for each took as long as the counting.
WordLists LoadWordLists(const std::string& path) {
  WordLists lists;
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  lists.pairs.Reserve(kWordListPairs);
  lists.triples.reserve(kWordListTriples);
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + at, end - at);
    at = end + 1;
    // Two or three Chinese characters are six or nine bytes of UTF-8: most lines are passed
    // over unread.
    const size_t space = line.find(' ');
    if (space != 6 && space != 9) continue;
    char32_t w[3];
    const size_t n = space / 3;
    if (!ChineseChars(line.data(), n, w)) continue;
    if (n == 2) {
      // The frequency as atoi reads it: digits after optional blanks and sign, 0 for none.
      const std::string rest(line.substr(space + 1, std::min<size_t>(line.size() - space - 1, 24)));
      const int f = std::atoi(rest.c_str());
      if (f > 0) lists.pairs.Add(w[0], w[1], f);
    } else {
      lists.triples.insert(std::u32string(w, 3));
    }
  }
  return lists;
}

// The word lists of the file at `path`, read once for the process: in the background from the
// first OcrEngine made with that list (PrefetchWordLists), else at the first document that
// needs them (reading takes a fifth of a second).
std::shared_future<std::shared_ptr<const WordLists>> WordListsOf(const std::string& path,
                                                                 std::launch how) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_future<std::shared_ptr<const WordLists>>> loaded;
  std::lock_guard<std::mutex> lock(mutex);
  auto& lists = loaded[path];
  if (!lists.valid())
    lists = std::async(how, [path] {
              return std::make_shared<const WordLists>(LoadWordLists(path));
            }).share();
  return lists;
}

const WordLists& WordListsAt(const std::string& path) {
  return *WordListsOf(path, std::launch::deferred).get();
}

}  // namespace

void PrefetchWordLists(const std::string& path) {
  WordListsOf(path, std::launch::async);
}

namespace {

// Whether `c` makes a two-character word of the word list with `left` or with `right` (0 for
// no neighbour).
bool MakesWord(const WordLists& lists, char32_t left, char32_t c, char32_t right) {
  const PairCounts& words = lists.pairs;
  return (left && words.Count(left, c) > 0) || (right && words.Count(c, right) > 0);
}

float ConfidenceAt(const TextLine& l, size_t i) {
  return i < l.char_confidence.size() ? l.char_confidence[i] : static_cast<float>(l.confidence);
}

void CountLine(const TextLine& l, float trusted, PairCounts& counts) {
  const std::u32string u = ToU32(l.text);
  for (size_t i = 0; i + 1 < u.size(); ++i) {
    if (IsCjk(u[i]) && IsCjk(u[i + 1]) && ConfidenceAt(l, i) >= trusted && ConfidenceAt(l, i + 1) >= trusted)
      counts.Add(u[i], u[i + 1]);
  }
}

// What u[i] could have been printed as, best supported first: characters that make the
// document's pairs with both neighbours (each pair at least min_pairs times), or, at a line's
// end or beside a mark, with the one neighbour (min_one_sided times). Nothing when the reading
// itself makes such a pair somewhere. Word-list proposals follow, up to
// max_exclusive_proposals; the first `*shown` of all (max_word_proposals of the word list's)
// are the ones shown beside the first reading, the first `*from_document` the document's.
// The document's come only with ocr.doc_pairs on, the word list's with ocr.word_list.
std::vector<char32_t> Proposals(const std::u32string& u, size_t i, const TextLine& l,
                                const PairCounts& counts, const WordLists& lists,
                                const DocumentLexiconOptions& o, size_t* shown, size_t* from_document) {
  *shown = 0;
  *from_document = 0;
  const char32_t left = i > 0 && IsCjk(u[i - 1]) && ConfidenceAt(l, i - 1) >= o.doubt ? u[i - 1] : 0;
  const char32_t right =
      i + 1 < u.size() && IsCjk(u[i + 1]) && ConfidenceAt(l, i + 1) >= o.doubt ? u[i + 1] : 0;
  if (left == 0 && right == 0) return {};
  if (IsCnNumeral(u[i])) return {};  // item numbers: 二、分项 is no 部分
  // What the reading itself has: a misreading repeated (数最 in two cells) has a little.
  const int own = std::max(left ? counts.Count(left, u[i]) : 0, right ? counts.Count(u[i], right) : 0);
  std::vector<char32_t> pool;
  for (const auto* c : {left ? counts.After(left) : nullptr, right ? counts.Before(right) : nullptr})
    if (c) pool.insert(pool.end(), c->begin(), c->end());
  std::sort(pool.begin(), pool.end());
  pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
  // Both pairs first, then the stronger of one.
  std::vector<std::tuple<int, int, char32_t>> scored;
  if (!o.fixes.Enabled("ocr.doc_pairs")) pool.clear();
  for (char32_t x : pool) {
    if (x == u[i] || IsCnNumeral(x)) continue;
    const int a = left ? counts.Count(left, x) : 0, b = right ? counts.Count(x, right) : 0;
    if (left && right && std::min(a, b) >= o.min_pairs && std::min(a, b) >= kOverOwnReading * own) {
      scored.emplace_back(0, -std::min(a, b), x);
    } else if (std::max(a, b) >= o.min_one_sided && std::max(a, b) >= kOverOwnReading * own) {
      scored.emplace_back(1, -std::max(a, b), x);
    }
  }
  std::sort(scored.begin(), scored.end());
  std::vector<char32_t> out;
  for (size_t k = 0; k < scored.size() && k < static_cast<size_t>(o.max_proposals); ++k)
    out.push_back(std::get<2>(scored[k]));
  *shown = *from_document = out.size();
  // Then what the language knows: the reading makes no word with a neighbour, others would
  // (most frequent first).
  if (MakesWord(lists, left, u[i], right) || !o.fixes.Enabled("ocr.word_list")) return out;
  const PairCounts& words = lists.pairs;
  std::vector<std::pair<long, char32_t>> by_word;
  for (const auto* c : {left ? words.After(left) : nullptr, right ? words.Before(right) : nullptr}) {
    if (!c) continue;
    for (char32_t x : *c) {
      if (x == u[i] || IsCnNumeral(x) || std::find(out.begin(), out.end(), x) != out.end()) continue;
      const long a = left ? words.Count(left, x) : 0, b = right ? words.Count(x, right) : 0;
      // A word on both sides counts far above one.
      by_word.emplace_back(a > 0 && b > 0 ? kBothSidesWeight * std::min(a, b) + a + b : a + b, x);
    }
  }
  std::sort(by_word.begin(), by_word.end(), [](const auto& p, const auto& q) {
    return p.first != q.first ? p.first > q.first : p.second < q.second;
  });
  by_word.erase(std::unique(by_word.begin(), by_word.end(),
                            [](const auto& p, const auto& q) { return p.second == q.second; }),
                by_word.end());
  for (size_t k = 0; k < by_word.size() && k < static_cast<size_t>(o.max_exclusive_proposals); ++k)
    out.push_back(by_word[k].second);
  *shown = std::min(out.size(), *from_document + static_cast<size_t>(std::max(0, o.max_word_proposals)));
  return out;
}

// Lines read with confidence throughout (labels, terms, values that repeat), by length.
using TrustedLines = std::unordered_map<size_t, std::map<std::u32string, int>>;

// The one trusted line that differs from `u` only in Chinese characters the recognizer
// doubted (at most one in four), or nothing.
const std::u32string* SameLine(const std::u32string& u, const TextLine& l, const TrustedLines& trusted,
                               const DocumentLexiconOptions& o) {
  auto it = trusted.find(u.size());
  if (it == trusted.end() || u.size() < kMinSameLineChars) return nullptr;
  const std::u32string* found = nullptr;
  for (const auto& [t, n] : it->second) {
    if (n < kMinTrustedReadings) continue;  // once may be a misreading too
    size_t differ = 0;
    bool fits = true;
    for (size_t j = 0; j < u.size() && fits; ++j) {
      if (t[j] == u[j]) continue;
      ++differ;
      fits = IsCjk(u[j]) && IsCjk(t[j]) && !IsCnNumeral(u[j]) && !IsCnNumeral(t[j]) &&
             ConfidenceAt(l, j) < o.doubt;
    }
    if (!fits || differ == 0 || differ > std::max<size_t>(1, u.size() / kCharsPerDifference))
      continue;
    if (found) return nullptr;  // two lines it could be
    found = &t;
  }
  return found;
}

// The confidence of a proposal read with the first reading set aside: 膳 read at 0.54 to 0.84
// where chi_sim took it for 腾; the wrong proposals give no symbol at all.
constexpr double kExclusiveSure = 0.5;
constexpr float kNetSure = 0.5f;
constexpr float kNetCertain = 0.9f;

// A glyph that is no character: a speck or stain chi_sim read as one (人 of 、人骨干).
constexpr char32_t kNoGlyph = U'\uFFFF';

// The second recognizer's reading of the glyph in `glyph` (the glyph with its neighbours):
// a character other than `first` that it reads between `left` and `right` (beside the one
// neighbour a line's end leaves), at least kNetSure and making a word with a neighbour, or at
// kNetCertain. The neighbours must be read as such: they place the glyph in the reading (规、规
// read as 规、规章 has no 章 for the 、). With `may_drop`, kNoGlyph when it reads the two
// neighbours side by side, both at kNetCertain. 0 when none of these holds, or without a
// second recognizer. A character only with ocr.line_net_glyph on, kNoGlyph only with
// ocr.dropped_glyph.
char32_t NetGlyph(OcrEngine::Impl& engine, const WordLists& lists, const GlyphImage& glyph,
                  char32_t first, char32_t left, char32_t right, const FixSwitches& switches,
                  bool may_drop = false) {
  const bool read = switches.Enabled("ocr.line_net_glyph");
  may_drop = may_drop && switches.Enabled("ocr.dropped_glyph");
  if (!read && !may_drop) return 0;
  LineNet* net = engine.Net();
  // Item numbers (二、) and marks are the layout's to read: the second recognizer passes over
  // small marks at times.
  if (net == nullptr || glyph.image.empty() || (left == 0 && right == 0) || !IsIdeograph(first) ||
      IsCnNumeral(first))
    return 0;
  const std::vector<NetChar> r = net->Read(glyph.image);
  const PairCounts& words = lists.pairs;
  auto is = [&](size_t k, char32_t c) { return k < r.size() && r[k].c == c; };
  char32_t found = 0;
  int places = 0;  // readings that fit the neighbours: one, or the glyph's place is unclear
  for (size_t k = 0; k < r.size(); ++k) {
    if (may_drop && left && right && is(k, left) && is(k + 1, right)) {
      if (std::min(r[k].probability, r[k + 1].probability) >= kNetCertain) found = kNoGlyph;
      ++places;
    }
    if ((left && !(k > 0 && is(k - 1, left))) || (right && !is(k + 1, right))) continue;
    ++places;
    const char32_t x = r[k].c;
    if (x == first || !IsIdeograph(x) || IsCnNumeral(x) || r[k].probability < kNetSure) continue;
    const bool word = (left && words.Count(left, x) > 0) || (right && words.Count(x, right) > 0);
    if (read && (word || r[k].probability >= kNetCertain)) found = x;
  }
  return places == 1 ? found : 0;
}

// A glyph's new reading and the fix that decided it (0 and null: none).
struct Decided {
  char32_t c = 0;
  const char* fix = nullptr;
};

// The second recognizer's reading (NetGlyph) as a decision.
Decided ByNet(char32_t c) {
  if (c == 0) return {};
  return {c, c == kNoGlyph ? "ocr.dropped_glyph" : "ocr.line_net_glyph"};
}

// What the recognizer, shown the glyph at `i` of `u` with its neighbours and allowed only
// their characters, the first reading and the proposals, reads between the neighbours: one of
// the proposals, or 0 (the first reading again, or nothing clear). When it keeps the first
// reading and that is `foreign` (no page has it with trust) and makes no word with either
// neighbour, the glyph is read once more without it, among `wider` (or the proposals).
// `proposed_by(k)` names the fix that proposed proposals[k].
template <typename ProposedBy>
Decided GlyphAmong(OcrEngine::Impl& engine, const WordLists& lists, const GlyphImage& glyph,
                   const std::u32string& u, size_t i, const std::vector<char32_t>& proposals,
                   const std::vector<char32_t>& wider, bool foreign, const ProposedBy& proposed_by,
                   const FixSwitches& switches) {
  if (glyph.image.empty() || glyph.dpi <= 0) return {};
  const char32_t left = i > 0 && u[i - 1] != U' ' && u[i - 1] != kNoGlyph ? u[i - 1] : 0;
  const char32_t right = i + 1 < u.size() && u[i + 1] != U' ' ? u[i + 1] : 0;
  const bool no_word = !MakesWord(lists, left, u[i], right);
  // Nothing to propose (the neighbours are doubted too, or make no pair anywhere): the second
  // recognizer alone.
  if (proposals.empty())
    return no_word ? ByNet(NetGlyph(engine, lists, glyph, u[i], left, right, switches, true)) : Decided{};
  std::u32string allowed{u[i]};
  allowed.append(proposals.begin(), proposals.end());
  if (left) allowed += left;
  if (right) allowed += right;
  const std::string choices = ToUtf8(allowed);
  engine.chinese->SetVariable("tessedit_char_whitelist", choices.c_str());
  const LineText t = engine.ReadLine(glyph.image, glyph.dpi, Model::kChinese, Layout::kLine);
  engine.chinese->SetVariable("tessedit_char_whitelist", "");
  const std::u32string read = ToU32(Compact(t.text));
  if (read.find(u[i]) == std::u32string::npos) {
    // A proposal beside a neighbour (the crop may cut the other one), or alone.
    for (size_t k = 0; k < proposals.size(); ++k) {
      const char32_t x = proposals[k];
      if (x == left || x == right) continue;
      const bool beside = (left && read.find(std::u32string{left, x}) != std::u32string::npos) ||
                          (right && read.find(std::u32string{x, right}) != std::u32string::npos);
      if (beside || read == std::u32string{x}) return {x, proposed_by(k)};
    }
    return no_word ? ByNet(NetGlyph(engine, lists, glyph, u[i], left, right, switches, true)) : Decided{};
  }
  // The recognizer keeps its first reading when allowed it. Where that reading makes no word
  // with either neighbour, the second recognizer is asked; then, for a reading no page prints
  // with trust, chi_sim is shown the glyph once more without it: a proposal it then reads
  // with some confidence is the printed glyph (膳 of 膳食, read as 腾 at 0.84-0.95 and as 膳
  // at 0.54-0.84), where the other proposals are dropped as no reading at all.
  if (!no_word) return {};
  if (const char32_t x = NetGlyph(engine, lists, glyph, u[i], left, right, switches, true)) return ByNet(x);
  if (!foreign || !switches.Enabled("ocr.set_aside")) return {};
  const std::vector<char32_t>& candidates = wider.empty() ? proposals : wider;
  std::u32string others(candidates.begin(), candidates.end());
  if (left) others += left;
  if (right) others += right;
  engine.chinese->SetVariable("tessedit_char_whitelist", ToUtf8(others).c_str());
  const LineText t2 = engine.ReadLine(glyph.image, glyph.dpi, Model::kChinese, Layout::kLine);
  engine.chinese->SetVariable("tessedit_char_whitelist", "");
  for (size_t k = 0; k < t2.symbols.size(); ++k) {
    const std::u32string y = ToU32(t2.symbols[k].text);
    if (y.size() != 1 || y[0] == left || y[0] == right) continue;
    if (std::find(candidates.begin(), candidates.end(), y[0]) == candidates.end()) continue;
    const bool beside = (left && k > 0 && t2.symbols[k - 1].text == ToUtf8(std::u32string{left})) ||
                        (right && k + 1 < t2.symbols.size() &&
                         t2.symbols[k + 1].text == ToUtf8(std::u32string{right}));
    if (beside && t2.symbols[k].confidence >= kExclusiveSure) return {y[0], "ocr.set_aside"};
  }
  return {};
}

int CorrectLine(TextLine& l, const PairCounts& counts, const TrustedLines& trusted,
                const WordLists& lists, OcrEngine::Impl& engine, const DocumentLexiconOptions& o,
                bool in_table, std::pair<bool, bool> wrapped) {
  std::u32string u = ToU32(l.text);
  if (l.char_confidence.size() != u.size()) return 0;
  std::u32string fixed = u;
  std::vector<const char*> by(u.size(), nullptr);  // the fix that decided each changed glyph
  auto glyph_at = [&](size_t i, const std::vector<char32_t>& proposals, const auto& proposed_by,
                      const std::vector<char32_t>& wider = {}) -> Decided {
    // A reading the document prints nowhere else with trust (腾 among 膳食's misreadings, not
    // the 保 of 控辍保学, which 保障 and 保持 have).
    const bool foreign = counts.After(fixed[i]) == nullptr && counts.Before(fixed[i]) == nullptr;
    return i < l.glyphs.size() ? GlyphAmong(engine, lists, l.glyphs[i], fixed, i, proposals, wider, foreign,
                                            proposed_by, o.fixes)
                               : Decided{};
  };
  // A line the document prints clearly elsewhere, when every glyph that differs agrees.
  const std::u32string* same = o.fixes.Enabled("ocr.doc_line") ? SameLine(u, l, trusted, o) : nullptr;
  if (same) {
    bool all = true;
    auto doc_line = [](size_t) { return "ocr.doc_line"; };
    for (size_t j = 0; j < u.size() && all; ++j) {
      if ((*same)[j] == u[j]) continue;
      const Decided d = glyph_at(j, {(*same)[j]}, doc_line);
      all = d.c == (*same)[j];
      by[j] = d.fix;
    }
    if (all) fixed = *same;
  }
  const bool took_line = same && fixed == *same;
  // Else glyph by glyph (each replacement is context for the next).
  if (fixed == u) {
    for (size_t i = 0; i < fixed.size(); ++i) {
      if (!IsCjk(fixed[i]) || l.char_confidence[i] >= o.net_doubt) continue;
      if (l.char_confidence[i] >= o.doubt) {
        // Read surely, yet making no word with either neighbour (数最 of 数量, at 0.975, a
        // misreading the document may repeat): the second recognizer alone may change it. In
        // table cells only: prose has many such glyphs (的, 和 between words), each a read.
        if (!in_table || i >= l.glyphs.size() || l.glyphs[i].image.empty()) continue;
        const char32_t left = i > 0 && IsCjk(fixed[i - 1]) ? fixed[i - 1] : 0;
        const char32_t right = i + 1 < fixed.size() && IsCjk(fixed[i + 1]) ? fixed[i + 1] : 0;
        if (left == 0 && right == 0) continue;
        if (MakesWord(lists, left, fixed[i], right)) continue;
        // Nor in a word of three (满意度: 意度 is none), nor where a wrapped cell's word goes on
        // in the line before or after.
        const char32_t left2 = i > 1 && left && IsCjk(fixed[i - 2]) ? fixed[i - 2] : 0;
        const char32_t right2 =
            i + 2 < fixed.size() && right && IsCjk(fixed[i + 2]) ? fixed[i + 2] : 0;
        if (lists.Triple(left2, left, fixed[i]) || lists.Triple(left, fixed[i], right) ||
            lists.Triple(fixed[i], right, right2))
          continue;
        if ((i == 0 && wrapped.first) || (i + 1 == fixed.size() && wrapped.second)) continue;
        if (const char32_t x = NetGlyph(engine, lists, l.glyphs[i], fixed[i], left, right, o.fixes))
          fixed[i] = x, by[i] = "ocr.line_net_glyph";
        continue;
      }
      size_t shown = 0, from_document = 0;
      const std::vector<char32_t> all = Proposals(fixed, i, l, counts, lists, o, &shown, &from_document);
      const std::vector<char32_t> first(all.begin(), all.begin() + static_cast<long>(shown));
      auto proposed_by = [from_document](size_t k) {
        return k < from_document ? "ocr.doc_pairs" : "ocr.word_list";
      };
      if (const Decided d = glyph_at(i, first, proposed_by, all); d.c) fixed[i] = d.c, by[i] = d.fix;
    }
  }
  int replaced = 0;
  std::vector<std::string> fixes;
  for (size_t i = 0; i < u.size(); ++i) {
    if (fixed[i] == u[i]) continue;
    l.char_confidence[i] = o.doubt;  // decided, not read
    ++replaced;
    // A line the document prints is the document's doing, whoever confirmed each glyph.
    if (took_line) NoteFix(fixes, "ocr.doc_line");
    if (by[i]) NoteFix(fixes, by[i]);
  }
  if (replaced == 0) return 0;
  NoteFixes(l.fixes, fixes);
  // Glyphs that are no character go one by one, SetText keeping the others' confidences and
  // images in step.
  for (size_t i = fixed.size(); i-- > 0;) {
    if (fixed[i] != kNoGlyph) continue;
    l.text = ToUtf8(fixed);
    fixed.erase(i, 1);
    l.SetText(ToUtf8(fixed), o.doubt);
  }
  l.text = ToUtf8(fixed);
  l.corrected = true;
  return replaced;
}

}  // namespace

int CorrectByDocument(std::vector<PageContent>& pages, OcrEngine* engine,
                      const DocumentLexiconOptions& options) {
  return CorrectByDocument(pages, std::vector<OcrEngine*>{engine}, options);
}

int CorrectByDocument(std::vector<PageContent>& pages, const std::vector<OcrEngine*>& engines,
                      const DocumentLexiconOptions& options) {
  std::vector<OcrEngine*> workers;
  for (OcrEngine* e : engines)
    if (e) workers.push_back(e);
  if (workers.empty()) return 0;
  PairCounts counts;
  TrustedLines trusted;
  bool any_doubt = false;
  auto visit = [&](auto&& f) {
    for (PageContent& p : pages) {
      for (Table& t : p.tables)
        for (TableCell& c : t.cells)
          for (TextLine& l : c.lines) f(l, &c);
      for (TextLine& l : p.lines) f(l, nullptr);
    }
  };
  visit([&](const TextLine& l, const TableCell*) {
    CountLine(l, options.trusted, counts);
    bool sure = !l.char_confidence.empty();
    for (float c : l.char_confidence) {
      any_doubt = any_doubt || c < std::max(options.doubt, options.net_doubt);
      sure = sure && c >= options.trusted;
    }
    if (sure) {
      const std::u32string u = ToU32(l.text);
      ++trusted[u.size()][u];
    }
  });
  if (!any_doubt) return 0;  // a digital document: nothing to correct
  // The fixed labels and terms of the templates are words of every document.
  for (const std::string& term : Vocabulary()) {
    const std::u32string u = ToU32(term);
    for (size_t i = 0; i + 1 < u.size(); ++i)
      if (IsCjk(u[i]) && IsCjk(u[i + 1])) counts.Add(u[i], u[i + 1]);
  }
  const WordLists& lists = WordListsAt(workers.front()->options().word_list);
  // Lines are corrected each on its own (the counts are the document's, read before), so the
  // engines share them out.
  std::vector<std::pair<TextLine*, TableCell*>> lines;
  visit([&](TextLine& l, TableCell* c) { lines.emplace_back(&l, c); });
  std::atomic<size_t> next{0};
  std::vector<int> replaced(workers.size(), 0);
  std::vector<std::vector<TableCell*>> changed(workers.size());
  auto work = [&](size_t w) {
    for (size_t k = next++; k < lines.size(); k = next++) {
      auto [l, c] = lines[k];
      // A cell's line between others may be a wrapped word's first or last part.
      const size_t at = c ? static_cast<size_t>(l - c->lines.data()) : 0;
      const std::pair<bool, bool> wrapped{c && at > 0, c && at + 1 < c->lines.size()};
      int n = 0;
      try {
        n = CorrectLine(*l, counts, trusted, lists, workers[w]->impl(), options, c != nullptr,
                        wrapped);
      } catch (const std::exception&) {
        continue;  // the line keeps its first reading; a worker thread must not throw
      }
      if (n == 0) continue;
      replaced[w] += n;
      if (c) changed[w].push_back(c);
    }
  };
  std::vector<std::thread> pool;
  for (size_t w = 1; w < workers.size(); ++w) pool.emplace_back(work, w);
  work(0);
  for (std::thread& t : pool) t.join();
  std::vector<TableCell*> cells;
  for (const auto& v : changed) cells.insert(cells.end(), v.begin(), v.end());
  std::sort(cells.begin(), cells.end());
  cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
  for (TableCell* c : cells) {
    std::vector<std::string> texts;
    for (const TextLine& l : c->lines) {
      texts.push_back(l.text);
      NoteFixes(c->fixes, l.fixes);
    }
    c->text = JoinWrapped(texts);
    c->corrected = true;
  }
  int total = 0;
  for (int n : replaced) total += n;
  return total;
}

}  // namespace jixiao::ocr
