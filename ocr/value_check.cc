#include "ocr/value_check.h"

#include <algorithm>
#include <array>
#include <opencv2/imgproc.hpp>

#include "core/text.h"
#include "ocr/line_net.h"

namespace jixiao::ocr {

namespace {

// An operator glyph is at most this many em high and wide (≥ is about 0.6 em high in the
// fonts these tables print; a line of text is 1 em): a taller ink is two lines or a character.
constexpr double kMaxOperatorHeightEm = 1.0;
constexpr double kMaxOperatorWidthEm = 1.2;
// The two bars of ＝ are as long as each other; 二's top bar is about 0.7 of its bottom one.
constexpr double kEqualBarsShare = 0.85;
// A ＝ decided by its bars (near the ＝ templates, too near a negative's): each bar at least
// this many times as wide as high (a 200 dpi scan's bar of a 10 px ＝ is 3 px high), and the
// confidence it is given (below a template's match: the margin did not hold).
constexpr double kMinBarAspect = 2.5;
constexpr double kBarsEqConfidence = 0.8;
// The second recognizer's reading of a digit, a point, a sign or an operator is taken from this
// probability (as a code's look-alike: kCodeNetSure in line_reader.cc).
constexpr float kDigitNetSure = 0.8f;
// The net reads a line squeezed into its widest bucket beyond this width per height (960 / 48):
// squeezed glyphs are not worth a second look.
constexpr double kMaxNetAspect = 20;

bool IsDigit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
bool IsSign(char32_t c) {
  return c == U'%' || c == U'‰';
}
// Glyphs chi_sim reads for ≥ ≤ ＝ (which it has no letter for), or for ≤ ≥ (< >).
bool OperatorLookalike(char32_t c) {
  return std::u32string_view(U"之么和一二三<>").find(c) != std::u32string_view::npos;
}
bool IsOperator(char32_t c) {
  return std::u32string_view(U"≥≤＝=<>").find(c) != std::u32string_view::npos;
}

// A number of a line: the code points [begin, end) of a run of digits and points (no space).
struct Number {
  size_t begin, end;
};

std::vector<Number> Numbers(const std::u32string& u) {
  std::vector<Number> out;
  for (size_t i = 0; i < u.size();) {
    if (!IsDigit(u[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < u.size() && (IsDigit(u[j]) || u[j] == U'.')) ++j;
    out.push_back({i, j});
    i = j;
  }
  return out;
}

// What makes the number `n` of `u` suspicious.
enum class Form { kNone, kOneDigitPercent, kPointBeforeSign, kOperatorLookalike };

Form FormOf(const std::u32string& u, const Number& n) {
  const size_t len = n.end - n.begin;
  const bool sign_after = n.end < u.size() && IsSign(u[n.end]);
  if (sign_after && len == 1 && (n.begin == 0 || u[n.begin - 1] != U'.'))
    return Form::kOneDigitPercent;
  if (sign_after && u[n.end - 1] == U'.') return Form::kPointBeforeSign;
  size_t b = n.begin;
  while (b > 0 && u[b - 1] == U' ') --b;
  if (b > 0 && OperatorLookalike(u[b - 1])) {
    size_t a = b - 1;
    while (a > 0 && u[a - 1] == U' ') --a;
    // Not within a code or a number (A>3, 1<2); 一 二 三 not after Chinese either, where they
    // may be numerals of the text (第三 12).
    const bool numeral = std::u32string_view(U"一二三").find(u[b - 1]) != std::u32string_view::npos;
    if (a == 0 || (!IsAsciiAlnum(u[a - 1]) && u[a - 1] != U'.' && !(numeral && IsCjk(u[a - 1]))))
      return Form::kOperatorLookalike;
  }
  return Form::kNone;
}

std::u32string Text(const std::u32string& u, const Number& n) {
  return u.substr(n.begin, n.end - n.begin);
}

}  // namespace

std::optional<OpMatch> LoneOperator(const cv::Mat& ink, double em) {
  if (ink.empty() || ink.type() != CV_8UC1 || cv::countNonZero(ink) == 0) return std::nullopt;
  const cv::Rect all = cv::boundingRect(ink);
  const cv::Rect g = FirstGlyph(ink);
  if (g.empty() || all.height > kMaxOperatorHeightEm * em || all.width > kMaxOperatorWidthEm * em)
    return std::nullopt;
  // One glyph: no ink right of the first run of inked columns.
  for (int x = g.x + g.width; x < ink.cols; ++x)
    if (cv::countNonZero(ink.col(x)) > 0) return std::nullopt;
  OpMatch m = ClassifyOperator(ink(g));
  // A glyph near ＝ alone in its cell that fails the margin to the negatives only (a small ＝
  // whose blurred bars look like the top of 型, a character's first piece that a cell never
  // holds alone) is ＝ when its bars say so, as below.
  const bool near_eq = m.op == OpClass::kOther && m.near && m.nearest == OpClass::kEq;
  if (m.op == OpClass::kOther && !near_eq) return std::nullopt;
  if (m.op == OpClass::kEq || near_eq) {
    // The bars: the two largest components, each a bar (wider than tall), of one length.
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink(g), labels, stats, centroids, 8, CV_32S);
    std::vector<std::array<int, 3>> bars;  // (area, width, height)
    for (int i = 1; i < n; ++i)
      bars.push_back({stats.at<int>(i, cv::CC_STAT_AREA), stats.at<int>(i, cv::CC_STAT_WIDTH),
                      stats.at<int>(i, cv::CC_STAT_HEIGHT)});
    std::sort(bars.rbegin(), bars.rend());
    if (bars.size() < 2) return std::nullopt;
    const double a = bars[0][1], b = bars[1][1];
    if (std::min(a, b) < kEqualBarsShare * std::max(a, b)) return std::nullopt;
    if (near_eq) {
      if (bars[0][1] < kMinBarAspect * bars[0][2] || bars[1][1] < kMinBarAspect * bars[1][2])
        return std::nullopt;
      m.op = OpClass::kEq;
      m.confidence = kBarsEqConfidence;
    }
  }
  return m;
}

bool SuspiciousDigits(const std::string& text) {
  const std::u32string u = ToU32(text);
  for (const Number& n : Numbers(u))
    if (FormOf(u, n) != Form::kNone) return true;
  return false;
}

namespace {

// A window of a line too wide for the net reaches this many em on either side of the number (its
// operator or sign within), estimated from the code points' widths: Chinese and full-width
// marks 1 em, others kAsciiWidthEm.
constexpr double kWindowContextEm = 3;
constexpr double kAsciiWidthEm = 0.55;

double WidthEm(char32_t c) {
  return IsCjk(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ? 1.0
                                                                                  : kAsciiWidthEm;
}

// What the net reads of `gray`: its characters without spaces, and their text.
struct NetReading {
  std::vector<NetChar> chars;
  std::u32string text;
};

NetReading ReadWith(LineNet& net, const cv::Mat& gray) {
  NetReading out;
  for (const NetChar& c : net.Read(gray))
    if (c.c != U' ') out.chars.push_back(c), out.text += c.c;
  return out;
}

}  // namespace

bool RecheckDigits(LineNet& net, const cv::Mat& gray, LineResult& r) {
  if (gray.empty() || gray.rows == 0) return false;
  std::u32string u = ToU32(r.text);
  const std::vector<Number> ours = Numbers(u);
  std::vector<Form> forms;
  for (const Number& n : ours) forms.push_back(FormOf(u, n));
  // A line that fits the net is read whole, and its numbers go by their order: every number
  // that is not suspicious must be read alike (the net read this line). A wider one is read in a
  // window around each suspicious number, where that number is the net's only candidate.
  const bool whole = gray.cols <= kMaxNetAspect * gray.rows;
  NetReading line;
  if (whole) {
    line = ReadWith(net, gray);
    const std::vector<Number> theirs = Numbers(line.text);
    if (theirs.size() != ours.size()) return false;
    for (size_t k = 0; k < ours.size(); ++k)
      if (forms[k] == Form::kNone && Text(u, ours[k]) != Text(line.text, theirs[k])) return false;
  }
  std::vector<double> x_em(u.size() + 1, 0);  // where each code point begins, in em
  for (size_t i = 0; i < u.size(); ++i) x_em[i + 1] = x_em[i] + WidthEm(u[i]);
  const double px_per_em = gray.cols / std::max(1.0, x_em.back());

  std::vector<float> conf = r.char_confidence;
  std::vector<GlyphImage> glyphs = r.glyphs;
  conf.resize(u.size(), 1.0f);
  glyphs.resize(u.size());
  bool changed = false;
  auto replace = [&](size_t at, size_t count, const std::u32string& by, float p) {
    u.replace(at, count, by);
    conf.erase(conf.begin() + static_cast<long>(at), conf.begin() + static_cast<long>(at + count));
    conf.insert(conf.begin() + static_cast<long>(at), by.size(), p);
    glyphs.erase(glyphs.begin() + static_cast<long>(at),
                 glyphs.begin() + static_cast<long>(at + count));
    glyphs.insert(glyphs.begin() + static_cast<long>(at), by.size(), GlyphImage{});
    changed = true;
  };
  // Mends from the last number on, so that the positions of those before stay.
  for (size_t k = ours.size(); k-- > 0;) {
    if (forms[k] == Form::kNone) continue;
    const Number& o = ours[k];
    const std::u32string mine = Text(u, o);
    NetReading window;
    const NetReading* v = &line;
    if (!whole) {
      const double from = std::max(0.0, x_em[o.begin > 0 ? o.begin - 1 : 0] - kWindowContextEm);
      const double to =
          std::min(x_em.back(), x_em[std::min(u.size(), o.end + 1)] + kWindowContextEm);
      const int x0 = std::clamp(static_cast<int>(from * px_per_em), 0, gray.cols);
      const int x1 = std::clamp(static_cast<int>(to * px_per_em), x0, gray.cols);
      if (x1 - x0 < gray.rows) continue;
      window = ReadWith(net, gray.colRange(x0, x1).clone());
      v = &window;
    }
    const std::u32string& vt = v->text;
    auto sure = [&](size_t from, size_t to) {
      for (size_t i = from; i < to; ++i)
        if (v->chars[i].probability < kDigitNetSure) return false;
      return true;
    };
    // The net's number that is this one: by order in a whole line, else the only candidate.
    const std::vector<Number> theirs = Numbers(vt);
    std::vector<Number> candidates;
    if (whole) {
      candidates.push_back(theirs[k]);
    } else {
      for (const Number& t : theirs) {
        const std::u32string n = Text(vt, t);
        const bool longer = n.size() > mine.size() && n.compare(0, mine.size(), mine) == 0;
        if (forms[k] == Form::kOperatorLookalike ? n == mine : longer) candidates.push_back(t);
      }
      if (candidates.size() != 1) continue;
    }
    const Number& t = candidates.front();
    const std::u32string net_number = Text(vt, t);
    if (forms[k] == Form::kOperatorLookalike) {
      // The net reads an operator right before the same number.
      if (mine != net_number || t.begin == 0 || !IsOperator(vt[t.begin - 1]) ||
          !sure(t.begin - 1, t.begin))
        continue;
      size_t b = o.begin;
      while (b > 0 && u[b - 1] == U' ') --b;
      const char32_t op = vt[t.begin - 1] == U'＝' ? U'=' : vt[t.begin - 1];
      if (u[b - 1] != op)
        replace(b - 1, o.begin - b + 1, std::u32string(1, op), v->chars[t.begin - 1].probability);
      continue;
    }
    // A lost digit: the net's number begins with ours and is longer, is followed by a sign, and
    // (a percentage) is at most 100.
    if (net_number.size() <= mine.size() || net_number.compare(0, mine.size(), mine) != 0 ||
        t.end >= vt.size() || !IsSign(vt[t.end]) || !sure(t.begin, t.end + 1) ||
        net_number.back() == U'.')
      continue;
    if (vt[t.end] == U'%' && std::stod(ToUtf8(net_number)) > 100) continue;
    // Our sign, and what chi_sim read for the rest of a ‰ (%o, %。), are the net's sign.
    size_t sign_end = o.end + 1;
    if (vt[t.end] == U'‰' && u[o.end] == U'%' && sign_end < u.size() &&
        std::u32string_view(U"o0。").find(u[sign_end]) != std::u32string_view::npos)
      ++sign_end;
    replace(o.begin, sign_end - o.begin, net_number + vt[t.end], v->chars[t.begin].probability);
  }
  if (!changed) return false;
  r.text = ToUtf8(u);
  r.char_confidence = std::move(conf);
  r.glyphs = std::move(glyphs);
  return true;
}

}  // namespace jixiao::ocr
