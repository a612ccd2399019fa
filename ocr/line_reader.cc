#include "ocr/line_reader.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "core/text.h"
#include "ocr/engine.h"
#include "ocr/line_net.h"
#include "ocr/operator.h"
#include "ocr/value_check.h"

namespace jixiao::ocr {

namespace {

// Confidence below which a line is read a second time from a thickened image: its strokes
// grown by a kThickenPx square.
constexpr double kSecondLook = 0.96;
constexpr int kThickenPx = 2;
// A line read as nothing is read at last as one character at this scale.
constexpr double kLoneGlyphScale = 0.75;
// A line of far fewer symbols than its ink holds: characters are at most kCharPitchEm of the
// line's height wide, so a line of kMinExpectedChars or more read as fewer than
// kFewSymbolsShare of them is read again in raw line mode.
constexpr double kCharPitchEm = 0.95;
constexpr double kMinExpectedChars = 2;
constexpr double kFewSymbolsShare = 0.5;
// A digit whose box lies this share within the box of a % beside it is the %'s echo.
constexpr double kEchoOverlapShare = 0.7;
// Latin letters, digits and ASCII marks are at most about 0.7 em wide: a line read as ASCII
// that is wider per symbol than this (em) is Chinese that chi_sim misread.
constexpr double kMaxAsciiPitchEm = 0.9;
// The English model's reading of a number that chi_sim cut short is kept from this
// confidence on; its reading of a code with one Chinese character in it (of at least
// kMinCodeChars ASCII characters) from kCodeSure on.
constexpr double kNumberSure = 0.85;
constexpr double kCodeSure = 0.7;
constexpr size_t kMinCodeChars = 6;
// The second recognizer's reading of a code's letter or digit is taken from this probability.
constexpr float kCodeNetSure = 0.8f;
// A space goes between two glyphs (not both Chinese) where the ink leaves a gap wider than
// this share of the line's height.
constexpr double kInkSpaceShare = 0.25;
// A doubted glyph's image reaches a quarter of the line's height (1 / kGlyphPadPerHeight)
// beyond its neighbours on either side.
constexpr int kGlyphPadPerHeight = 4;
// An operator glyph (≥ ≤ ＝) at the start of a value is at most this many line heights wide;
// the rest of the line is cut kOperatorCutPx before its next ink.
constexpr double kMaxOperatorWidthEm = 1.2;
constexpr int kOperatorCutPx = 2;

bool IsDigit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19); }

// The first column at or after `from` that holds ink, or -1.
int FirstInkColumn(const cv::Mat& ink, int from) {
  for (int x = std::max(0, from); x < ink.cols; ++x)
    if (cv::countNonZero(ink.col(x)) > 0) return x;
  return -1;
}

// Columns [x0, x1) of a line image, clipped.
cv::Mat Columns(const cv::Mat& m, int x0, int x1) {
  x0 = std::clamp(x0, 0, m.cols);
  x1 = std::clamp(x1, x0, m.cols);
  return m.colRange(x0, x1).clone();
}

std::string DigitsOf(const std::string& s) {
  std::string d;
  for (char c : s)
    if (c >= '0' && c <= '9') d += c;
  return d;
}

int Count(const std::string& s, char c) { return static_cast<int>(std::count(s.begin(), s.end(), c)); }

// Letters and digits that print alike (a code's 0 and O, 5 and S), by group.
int LookAlike(char32_t c) {
  static const std::u32string kGroups[] = {U"0OQD", U"1IL", U"5S", U"8B", U"2Z", U"6G"};
  for (int g = 0; g < static_cast<int>(std::size(kGroups)); ++g)
    if (kGroups[g].find(c) != std::u32string::npos) return g;
  return -1;
}

// A code (letters and digits, such as 207-0505-JBN-X5CA) read by the English model, checked
// glyph by glyph against the second line recognizer, which tells 5 from S and 0 from O in
// faded print better: a symbol where the two readings are look-alikes becomes the second
// recognizer's, read at 0.8 or more. Both readings must have the same characters otherwise.
// Returns whether a symbol changed.
bool CheckCode(OcrEngine::Impl& engine, const cv::Mat& gray, LineText& a) {
  const bool letter =
      std::any_of(a.text.begin(), a.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  const bool digit =
      std::any_of(a.text.begin(), a.text.end(), [](char c) { return c >= '0' && c <= '9'; });
  LineNet* net = letter && digit ? engine.Net() : nullptr;
  if (net == nullptr) return false;
  std::vector<NetChar> r = net->Read(gray);
  r.erase(std::remove_if(r.begin(), r.end(), [](const NetChar& c) { return c.c == U' '; }),
          r.end());
  std::vector<size_t> at;  // the symbols of `a` that are one character, in order
  for (size_t k = 0; k < a.symbols.size(); ++k)
    if (a.symbols[k].text.size() == 1 && a.symbols[k].text[0] != ' ') at.push_back(k);
  if (at.size() != r.size() || at.size() != ToU32(Compact(a.text)).size()) return false;
  std::vector<std::pair<size_t, char>> changes;
  for (size_t k = 0; k < r.size(); ++k) {
    const char32_t x = r[k].c, y = static_cast<unsigned char>(a.symbols[at[k]].text[0]);
    if (x == y) continue;
    if (x >= 0x80 || LookAlike(x) < 0 || LookAlike(x) != LookAlike(y)) return false;  // they disagree
    if (r[k].probability >= kCodeNetSure) changes.emplace_back(at[k], static_cast<char>(x));
  }
  for (const auto& [k, c] : changes) a.symbols[k].text = std::string(1, c);
  if (!changes.empty()) a.text = JoinSymbols(a.symbols, 0, a.symbols.size());
  return !changes.empty();
}

bool Wide(char32_t c) {
  return IsCjk(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == U'“' ||
         c == U'”' || c == U'‘' || c == U'’' || c == U'…' || c == U'—';
}

// The symbols' text with a space where the printed gap between two symbols is wider than
// 0.25 of the glyph height, never between two Chinese characters or marks (Tesseract's own
// word breaks are unreliable next to Chinese).
std::string JoinWithInkSpaces(const std::vector<Symbol>& symbols, const cv::Mat& ink) {
  const cv::Rect all = cv::boundingRect(ink);
  std::vector<char> empty(ink.cols, 1);
  for (int x = 0; x < ink.cols; ++x) empty[x] = cv::countNonZero(ink.col(x)) == 0;
  std::string text;
  for (size_t i = 0; i < symbols.size(); ++i) {
    if (i > 0) {
      const std::u32string a = ToU32(symbols[i - 1].text), b = ToU32(symbols[i].text);
      static const std::u32string kNoSpaceBefore = U"、，。；：？！）》」』】%,.;:)?!";
      static const std::u32string kNoSpaceAfter = U"（《「『【(:;,";
      const bool ascii_pair = !a.empty() && !b.empty() && a.back() < 0x80 && b.front() < 0x80;
      if (ascii_pair) {
        if (symbols[i].space_before) text += ' ';
      } else if (!a.empty() && !b.empty() && !(Wide(a.back()) && Wide(b.front())) &&
                 kNoSpaceBefore.find(b.front()) == std::u32string::npos &&
                 kNoSpaceAfter.find(a.back()) == std::u32string::npos) {
        const cv::Rect& ra = symbols[i - 1].box;
        const cv::Rect& rb = symbols[i].box;
        const int from = std::clamp(ra.x + ra.width / 2, 0, ink.cols);
        const int to = std::clamp(rb.x + rb.width / 2, from, ink.cols);
        int run = 0, longest = 0;
        for (int x = from; x < to; ++x) {
          run = empty[x] ? run + 1 : 0;
          longest = std::max(longest, run);
        }
        if (longest > kInkSpaceShare * all.height) text += ' ';
      }
    }
    text += symbols[i].text;
  }
  return text;
}

// A line's result: `symbols` joined with spaces where the ink has gaps, each code point with
// its symbol's confidence (spaces 1).
LineResult Joined(const std::vector<Symbol>& symbols, const cv::Mat& gray, const cv::Mat& ink,
                  double dpi, double confidence, bool corrected, std::vector<std::string> fixes) {
  LineResult r;
  r.text = JoinWithInkSpaces(symbols, ink);
  r.confidence = confidence;
  r.corrected = corrected;
  r.fixes = std::move(fixes);
  const std::u32string u = ToU32(r.text);
  r.char_confidence.assign(u.size(), 1.0f);
  r.glyphs.resize(u.size());
  size_t s = 0, k = 0;  // the symbol, and the code point within it, that comes next
  std::u32string cur = symbols.empty() ? U"" : ToU32(symbols[0].text);
  for (size_t i = 0; i < u.size() && s < symbols.size(); ++i) {
    while (s < symbols.size() && k >= cur.size()) {
      if (++s < symbols.size()) cur = ToU32(symbols[s].text);
      k = 0;
    }
    if (s >= symbols.size()) break;
    if (u[i] != cur[k]) continue;  // a space the join put in
    r.char_confidence[i] = static_cast<float>(symbols[s].confidence);
    if (symbols[s].confidence < kDoubtedGlyph && cur.size() == 1) {
      // The glyph with its neighbours on either side (Tesseract's symbol boxes are loose), for
      // a second look later.
      cv::Rect box = symbols[s].box;
      if (s > 0) box |= symbols[s - 1].box;
      if (s + 1 < symbols.size()) box |= symbols[s + 1].box;
      const int pad = gray.rows / kGlyphPadPerHeight;
      box = cv::Rect(box.x - pad, 0, box.width + 2 * pad, gray.rows) & cv::Rect(cv::Point(0, 0), gray.size());
      if (box.width >= kMinLinePx && box.height >= kMinLinePx) r.glyphs[i] = {gray(box).clone(), dpi};
    }
    ++k;
  }
  return r;
}

// Tesseract's reading of a line without an operator glyph: chi_sim (again as a single
// character or a raw line when line mode finds nothing), the English model for an all-ASCII
// line and for each run of ASCII symbols holding a digit, and a glyph at the start that
// chi_sim passed over read on its own. The fixes of stage `line` that `switches` leave on
// apply.
LineResult ReadPlain(OcrEngine::Impl& engine, const cv::Mat& gray, const cv::Mat& ink, double dpi,
                     const FixSwitches& switches) {
  LineText t = engine.ReadLine(gray, dpi, Model::kChinese);
  // Line mode reads a lone character (a wrapped cell's last line) as nothing at times; the
  // raw line mode, and a smaller scale, read it.
  if (t.symbols.empty()) t = engine.ReadLine(gray, dpi, Model::kChinese, Layout::kRawLine);
  if (t.symbols.empty()) {
    cv::Mat half;
    cv::resize(gray, half, cv::Size(), kLoneGlyphScale, kLoneGlyphScale, cv::INTER_AREA);
    t = engine.ReadLine(half, dpi * kLoneGlyphScale, Model::kChinese, Layout::kChar);
    for (Symbol& y : t.symbols)  // back to `gray`'s pixels: 4 / 3 undoes kLoneGlyphScale
      y.box = cv::Rect(y.box.x * 4 / 3, y.box.y * 4 / 3, y.box.width * 4 / 3, y.box.height * 4 / 3);
  }
  if (t.symbols.empty()) return {};
  // A line read with doubt (faded strokes of an archive copy): read again with the strokes
  // thickened by a pixel, and keep the surer reading of as many glyphs.
  if (t.confidence < kSecondLook) {
    cv::Mat thick;
    cv::erode(gray, thick,
              cv::getStructuringElement(cv::MORPH_RECT, cv::Size(kThickenPx, kThickenPx)));
    LineText again = engine.ReadLine(thick, dpi, Model::kChinese);
    // The same glyphs, each read more surely: thicker strokes change no count of characters
    // (where they do, they merged or split glyphs).
    if (again.symbols.size() == t.symbols.size() && again.confidence > t.confidence) t = std::move(again);
  }
  // Far fewer symbols than the ink's width holds (元。 read as 7): the raw line mode, and the
  // reading nearer the expected count of characters (an em each at most), is kept.
  {
    const cv::Rect all = cv::boundingRect(ink);
    const double expected = all.width / std::max(1.0, kCharPitchEm * all.height);
    if (expected >= kMinExpectedChars && t.symbols.size() < kFewSymbolsShare * expected) {
      LineText raw = engine.ReadLine(gray, dpi, Model::kChinese, Layout::kRawLine);
      if (raw.symbols.size() > t.symbols.size() && raw.symbols.size() <= expected + 1) t = std::move(raw);
    }
  }
  // The fixes that changed chi_sim's reading `t`.
  std::vector<std::string> t_fixes;
  // chi_sim reads % now and then as a digit and a % from the same glyph (95% as 959% or
  // 95%6): a digit whose box lies within the %'s beside it is that glyph's echo.
  const bool echo = switches.Enabled("ocr.percent_echo_glyph");
  for (size_t i = 0; echo && i + 1 < t.symbols.size(); ++i) {
    const Symbol& a = t.symbols[i];
    const Symbol& b = t.symbols[i + 1];
    // The echo stands before the % (959%) or after it (95%6).
    const bool before = b.text == "%" && a.text.size() == 1 && a.text[0] >= '0' && a.text[0] <= '9';
    const bool after = a.text == "%" && b.text.size() == 1 && b.text[0] >= '0' && b.text[0] <= '9';
    if (!before && !after) continue;
    const Symbol& digit = before ? a : b;
    const int overlap = std::min(a.box.x + a.box.width, b.box.x + b.box.width) - std::max(a.box.x, b.box.x);
    if (overlap >= kEchoOverlapShare * digit.box.width) {
      t.symbols.erase(t.symbols.begin() + static_cast<long>(before ? i : i + 1));
      t.text = JoinSymbols(t.symbols, 0, t.symbols.size());
      NoteFix(t_fixes, "ocr.percent_echo_glyph");
    }
  }
  const int glyph_height = std::max(1, cv::boundingRect(ink).height);
  // Latin letters, digits and ASCII marks are at most about 0.7 em wide; a line read as
  // ASCII whose ink is wider than that per character is Chinese that chi_sim misread.
  const double per_char = static_cast<double>(cv::boundingRect(ink).width) / glyph_height /
                          std::max<size_t>(1, t.symbols.size());
  if (AsciiOnly(t.text) && per_char <= kMaxAsciiPitchEm) {
    // Codes and numbers: the English model, limited to ASCII, tells 0 from O and 1 from I
    // and reads `%` as itself rather than `9%`.
    LineText a = engine.ReadLine(gray, dpi, Model::kAscii);
    std::vector<std::string> a_fixes;
    if (switches.Enabled("ocr.code_lookalike") && CheckCode(engine, gray, a))
      NoteFix(a_fixes, "ocr.code_lookalike");
    if (!a.text.empty()) {
      // A decimal point chi_sim saw in a number and the English model missed (320.50 read as
      // 32050) is there.
      const bool number = std::none_of(a.text.begin(), a.text.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      });
      if (number && DigitsOf(a.text) == DigitsOf(t.text) && Count(t.text, '.') > Count(a.text, '.'))
        return Joined(t.symbols, gray, ink, dpi, std::min(a.confidence, t.confidence), false, t_fixes);
      return Joined(a.symbols, gray, ink, dpi, a.confidence, false, a_fixes);
    }
    return Joined(t.symbols, gray, ink, dpi, t.confidence, false, t_fixes);
  }
  if (AsciiOnly(t.text) && switches.Enabled("ocr.ascii_number")) {
    // Too few ASCII symbols for the ink: chi_sim lost a digit of a short number (50 read as
    // 0), or misread Chinese. The English model's reading is kept when it is a number that
    // holds chi_sim's digits in order, fits the ink's width, and is sure of itself.
    LineText a = engine.ReadLine(gray, dpi, Model::kAscii);
    const std::string da = DigitsOf(a.text), dt = DigitsOf(t.text);
    const bool number = !a.text.empty() && std::all_of(a.text.begin(), a.text.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == '.' || c == '%' || c == ',' || c == ' ';
    });
    const double a_per_char = static_cast<double>(cv::boundingRect(ink).width) / glyph_height /
                              std::max<size_t>(1, a.symbols.size());
    size_t k = 0;
    for (char c : da) k += k < dt.size() && dt[k] == c;
    if (number && da.size() > dt.size() && k == dt.size() && a_per_char <= kMaxAsciiPitchEm &&
        a.confidence >= kNumberSure)
      return Joined(a.symbols, gray, ink, dpi, a.confidence, true, {"ocr.ascii_number"});
  }
  // A code with one Chinese character in it (207-0501-JBN-攻2M8: a letter chi_sim took for
  // Chinese) is read again by the English model, kept when that reading is all ASCII, about as
  // long, and sure of itself.
  if (switches.Enabled("ocr.ascii_code")) {
    const std::u32string u = ToU32(t.text);
    size_t ascii = 0, cjk = 0, at = 0;
    bool letters = false;
    for (size_t i = 0; i < u.size(); ++i) {
      if (u[i] > 0x20 && u[i] < 0x7F) ++ascii;
      if ((u[i] >= U'A' && u[i] <= U'Z') || u[i] == U'-') letters = true;
      if (IsCjk(u[i])) ++cjk, at = i;
    }
    auto code_char = [](char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || c == U'-'; };
    // Inside the code, not a unit after a number (=10260 人).
    const bool inside = cjk == 1 && at > 0 && at + 1 < u.size() && code_char(u[at - 1]) && code_char(u[at + 1]);
    if (inside && letters && ascii >= kMinCodeChars && ascii + cjk + 1 >= u.size()) {
      LineText a = engine.ReadLine(gray, dpi, Model::kAscii);
      const size_t n = ToU32(Compact(a.text)).size();
      if (AsciiOnly(a.text) && n + 1 >= ascii + cjk && n <= ascii + cjk + 1 &&
          a.confidence >= kCodeSure)
        return Joined(a.symbols, gray, ink, dpi, a.confidence, true, {"ocr.ascii_code"});
    }
  }
  // Mixed lines stay with chi_sim: Tesseract's symbol boxes are too loose to cut a run of
  // digits out of a Chinese line for the English model (a crop took in half of 月).
  return Joined(t.symbols, gray, ink, dpi, t.confidence, false, t_fixes);
}

// ocr.digit_recheck (ocr/value_check.h): a cell's line of suspicious digits read again by the
// second recognizer.
void RecheckDigitsOf(OcrEngine::Impl& engine, const cv::Mat& gray, const FixSwitches& switches,
                     LineResult& r) {
  if (!switches.Enabled("ocr.digit_recheck") || !SuspiciousDigits(r.text)) return;
  LineNet* net = engine.Net();
  if (net && RecheckDigits(*net, gray, r)) {
    r.corrected = true;
    NoteFix(r.fixes, "ocr.digit_recheck");
  }
}

// Two readings of one printed line (its label or term on another page) came within 0.03 of
// each other in 1,700 lines of three scans; different texts (3月底 and 6月底, 数量指标 and
// 质量指标) no nearer than 0.041.
constexpr double kSameLine = 0.025;

}  // namespace

LineResult ReadTextLineUncached(OcrEngine::Impl& engine, const cv::Mat& gray, const cv::Mat& ink,
                                double dpi, bool values, const FixSwitches& switches);

bool AsciiOnly(const std::string& text) {
  bool any = false;
  for (char32_t c : ToU32(text)) {
    if (c == U' ') continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c < 0x21 || c > 0x7E) return false;
    any = true;
  }
  return any;
}

LineResult ReadTextLine(OcrEngine::Impl& engine, const cv::Mat& gray, const cv::Mat& ink, double dpi,
                        bool values, LineCache* cache, const FixSwitches& switches) {
  if (gray.empty() || ink.size() != gray.size()) return {};
  // Only table cells are kept: they repeat (labels, terms), and they are read with the
  // operator check that other lines are not. A cache serves one set of switches (the caller's
  // page).
  if (!values || cache == nullptr) return ReadTextLineUncached(engine, gray, ink, dpi, values, switches);
  LineCache::Key key = LineCache::MakeKey(ink);
  if (const CachedLine* hit = cache->Find(key, kSameLine)) {
    LineResult r;
    r.text = hit->text;
    r.confidence = hit->confidence;
    r.corrected = hit->corrected;
    r.fixes = hit->fixes;
    r.char_confidence = hit->char_confidence;
    return r;
  }
  LineResult r = ReadTextLineUncached(engine, gray, ink, dpi, values, switches);
  cache->Add(std::move(key), {r.text, r.confidence, r.corrected, r.fixes, r.char_confidence});
  return r;
}

LineResult ReadTextLineUncached(OcrEngine::Impl& engine, const cv::Mat& gray, const cv::Mat& ink,
                                double dpi, bool values, const FixSwitches& switches) {
  if (values && switches.Enabled("ocr.operator_shape")) {
    cv::Rect g = FirstGlyph(ink);
    const int height = cv::boundingRect(ink).height;
    OpMatch m;
    if (!g.empty() && g.width <= kMaxOperatorWidthEm * height) m = ClassifyOperator(ink(g));
    // An operator the scan's blur joined to its number (≥98% one run of ink): the glyph left of
    // the faint join, read as the rest of the line begins there.
    int cut = -1;
    if (m.op == OpClass::kOther) {
      cut = TouchingCut(gray, ink, height);
      const cv::Rect left = cut > 0 ? FirstGlyph(ink.colRange(0, cut)) : cv::Rect();
      const OpMatch l = left.empty() ? OpMatch{} : ClassifyOperator(ink(left));
      if (l.op != OpClass::kOther)
        g = left, m = l;
      else
        cut = -1;
    }
    if (m.op != OpClass::kOther) {
      const int next = cut > 0 ? cut : FirstInkColumn(ink, g.x + g.width);
      if (next >= 0) {
        // The rest of the line, read without the glyph that chi_sim has no letter for.
        const int x0 = cut > 0 ? cut : std::max(g.x + g.width, next - kOperatorCutPx);
        const cv::Mat rest_gray = Columns(gray, x0, gray.cols);
        LineResult rest = ReadPlain(engine, rest_gray, Columns(ink, x0, ink.cols), dpi, switches);
        RecheckDigitsOf(engine, rest_gray, switches, rest);
        const std::u32string r = ToU32(rest.text);
        const bool strong = m.op == OpClass::kGe || m.op == OpClass::kLe;
        // A number follows any operator; a named quantity (≤预算控制数) only ≥ and ≤, which
        // chi_sim cannot read: a `=`-like glyph before Chinese is more likely 二.
        if (!r.empty() && (IsDigit(r.front()) || (strong && IsCjk(r.front())))) {
          // Only ≥ and ≤ mark the line corrected (chi_sim has letters for the others), but an
          // operator read by its shape names the fix all the same.
          LineResult out;
          out.text = OperatorText(m.op) + rest.text;
          out.confidence = std::min(rest.confidence, m.confidence);
          out.corrected = strong || rest.corrected;
          out.fixes = rest.fixes;
          NoteFix(out.fixes, "ocr.operator_shape");
          out.char_confidence = {static_cast<float>(m.confidence)};
          out.glyphs = {GlyphImage{}};
          out.char_confidence.insert(out.char_confidence.end(), rest.char_confidence.begin(),
                                     rest.char_confidence.end());
          out.glyphs.insert(out.glyphs.end(), rest.glyphs.begin(), rest.glyphs.end());
          return out;
        }
      }
    }
  }
  LineResult r = ReadPlain(engine, gray, ink, dpi, switches);
  if (values) RecheckDigitsOf(engine, gray, switches, r);
  return r;
}

}  // namespace jixiao::ocr
