#include "ocr/scanned_page.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "core/geometry.h"
#include "core/text.h"
#include "layout/grid.h"
#include "layout/table.h"
#include "ocr/engine.h"
#include "ocr/lexicon.h"
#include "ocr/line_reader.h"
#include "ocr/lines.h"
#include "ocr/preprocess.h"
#include "ocr/text_fixes.h"
#include "ocr/value_check.h"

namespace jixiao {

namespace {

// A line's gray image reaches kLineMarginPx beyond its ink on each side (a blurred glyph's
// soft edges: a 1 px margin cut them, and the recognizer read 量 as 最 on an archive copy),
// and keeps the gray within that distance of its own ink, nothing else.
constexpr int kLineMarginPx = 2;
// The text outside the tables leaves this many em around each table (its rules, their halo).
constexpr double kTablePadEm = 0.15;
// Without a binary from Prepare: ink is a pixel darker by kFallbackContrast gray levels than
// the mean of kFallbackBlockPx pixels around it.
constexpr int kFallbackBlockPx = 31;
constexpr double kFallbackContrast = 25;

// A box in points to the pixel rectangle it covers on an image at `dpi`, clipped to `size`.
cv::Rect PixelRect(const Box& b, double dpi, cv::Size size) {
  const double k = dpi / 72.0;
  const int x0 = static_cast<int>(std::floor(b.x0 * k)), y0 = static_cast<int>(std::floor(b.y0 * k));
  const int x1 = static_cast<int>(std::ceil(b.x1 * k)), y1 = static_cast<int>(std::ceil(b.y1 * k));
  return cv::Rect(x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)) & cv::Rect(cv::Point(0, 0), size);
}

Box PointBox(const cv::Rect& r, double dpi) {
  return ToPoints(Box{static_cast<double>(r.x), static_cast<double>(r.y),
                      static_cast<double>(r.x + r.width), static_cast<double>(r.y + r.height)},
                  dpi);
}

// A region of the page whose lines are read: its cleaned ink and where it lies.
struct Region {
  cv::Mat ink;
  cv::Rect where;  // pixels of the page
  double split_gap_em = 0;
  bool cell = false;  // a table cell (values with operators live there)
};

struct PageReader {
  OcrEngine::Impl& engine;
  const cv::Mat& gray;
  double dpi;
  double em;
  const ocr::LineOptions& lines;
  const FixSwitches& switches;
  std::vector<Word> words = {};
  std::vector<size_t> corrected = {};  // indices of words that a correction changed
  std::vector<std::vector<std::string>> fixes = {};  // per word: the fixes that changed it
  ocr::LineCache cache = {};           // this page's cells read so far (with these switches)

  // ocr.operator_cell: a cell holding an operator glyph alone is that operator (its one word);
  // returns whether it was.
  bool ReadLoneOperator(const Region& region) {
    if (!switches.Enabled("ocr.operator_cell")) return false;
    const std::optional<ocr::OpMatch> m = ocr::LoneOperator(region.ink, em);
    if (!m) return false;
    const cv::Rect r = cv::boundingRect(region.ink);
    Word w;
    w.text = ocr::OperatorText(m->op);
    w.box = PointBox(cv::Rect(r.x + region.where.x, r.y + region.where.y, r.width, r.height), dpi);
    w.confidence = m->confidence;
    w.char_confidence = {static_cast<float>(m->confidence)};
    w.glyphs = {GlyphImage{}};
    w.source = WordSource::kOcr;
    corrected.push_back(words.size());
    fixes.push_back({"ocr.operator_cell"});
    words.push_back(std::move(w));
    return true;
  }

  std::vector<int> BandHeights(const std::vector<Region>& regions) const {
    std::vector<int> h;
    for (const Region& r : regions)
      for (const ocr::InkLine& l : ocr::FindLines(r.ink, em, r.split_gap_em, 0, lines))
        h.push_back(l.box.height);
    return h;
  }

  void Read(const Region& region, double line_height) {
    if (region.cell && ReadLoneOperator(region)) return;
    for (const ocr::InkLine& l :
         ocr::FindLines(region.ink, em, region.split_gap_em, line_height, lines)) {
      // The gray line, kLineMarginPx wider on each side for the glyphs' soft edges, with
      // everything that is not its ink or within kLineMarginPx of it (rules, specks, the
      // neighbouring lines) white.
      constexpr int m = kLineMarginPx;
      const cv::Rect page_rect(cv::Point(0, 0), gray.size());
      const cv::Rect on_page = cv::Rect(l.box.x + region.where.x - m, l.box.y + region.where.y - m,
                                        l.box.width + 2 * m, l.box.height + 2 * m) &
                               page_rect;
      cv::Mat own = cv::Mat::zeros(on_page.size(), CV_8UC1);
      const cv::Rect in_own(l.box.x + region.where.x - on_page.x, l.box.y + region.where.y - on_page.y,
                            l.box.width, l.box.height);
      l.mask.copyTo(own(in_own));
      cv::Mat mask;
      cv::dilate(own, mask,
                 cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * m + 1, 2 * m + 1)));
      cv::Mat line = gray(on_page).clone();
      line.setTo(255, mask == 0);
      ocr::LineResult t = ocr::ReadTextLine(engine, line, own, dpi, region.cell, &cache, switches);
      if (t.text.empty()) continue;
      if (t.corrected) corrected.push_back(words.size());
      fixes.push_back(std::move(t.fixes));
      Word w;
      w.text = t.text;
      w.box = PointBox(on_page, dpi);
      w.confidence = t.confidence;
      w.char_confidence = std::move(t.char_confidence);
      w.glyphs = std::move(t.glyphs);
      w.source = WordSource::kOcr;
      words.push_back(std::move(w));
    }
  }
};

// Splits `text` into pieces as long (in code points) as the lines it replaces, so that a
// corrected cell keeps its printed line breaks.
std::vector<std::string> Redistribute(const std::string& text, const std::vector<TextLine>& lines) {
  const std::u32string u = ToU32(text);
  std::vector<size_t> lengths;
  size_t total = 0;
  for (const TextLine& l : lines) {
    lengths.push_back(ToU32(Compact(l.text)).size());
    total += lengths.back();
  }
  std::vector<std::string> out;
  size_t at = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t n = i + 1 == lines.size() || total == 0
                   ? u.size() - at
                   : std::min(u.size() - at, (u.size() * lengths[i] + total / 2) / total);
    out.push_back(ToUtf8(u.substr(at, n)));
    at += n;
  }
  return out;
}

// Confidence given to a cell whose text the lexicon settled: the term is certain, the
// reading that led to it was not.
constexpr double kLexiconConfidence = 0.85;

// The fixes the line reader applied to the words whose centres lie in `l` (and in `inside`,
// when given), noted on `l`; returns whether one of those words is `corrected`.
bool NoteWordFixes(TextLine& l, const Box* inside, const std::vector<Word>& words,
                   const std::vector<size_t>& corrected, const std::vector<std::vector<std::string>>& fixes) {
  auto in = [&](size_t i) {
    const double x = words[i].box.cx(), y = words[i].box.cy();
    return (!inside || inside->Contains(x, y)) && l.box.Contains(x, y);
  };
  for (size_t i = 0; i < words.size(); ++i)
    if (!fixes[i].empty() && in(i)) NoteFixes(l.fixes, fixes[i]);
  bool any = false;
  for (size_t i : corrected) any = any || in(i);
  return any;
}

// What the reader knows, applied to a table read by OCR: every cell is marked as OCR'd,
// operators decided by shape are marked as corrections, symbol fixes apply, and a cell that
// is a near miss of a fixed label or indicator term becomes that term. Each line and cell
// notes the fixes that changed it.
void Review(Table& t, const std::vector<Word>& words, const std::vector<size_t>& corrected,
            const std::vector<std::vector<std::string>>& word_fixes, const FixSwitches& switches) {
  for (TableCell& c : t.cells) {
    c.source = WordSource::kOcr;
    for (TextLine& l : c.lines) {
      if (NoteWordFixes(l, &c.box, words, corrected, word_fixes)) {
        l.corrected = true;
        c.corrected = true;
      }
      ocr::FixedText fixed = ocr::FixSymbols(l.text, switches);
      NoteFixes(l.fixes, fixed.fixes);
      if (fixed.text != l.text) {
        l.SetText(fixed.text);
        l.corrected = c.corrected = true;
      }
    }
    if (c.lines.empty()) continue;
    // Specks read as marks at the cell's ends.
    const std::string first = ocr::TrimCellMarks(c.lines.front().text + "X", switches, &c.lines.front().fixes);
    c.lines.front().SetText(first.substr(0, first.size() - 1));
    const std::string last = ocr::TrimCellMarks("X" + c.lines.back().text, switches, &c.lines.back().fixes);
    c.lines.back().SetText(last.substr(1));
    std::vector<std::string> texts;
    for (const TextLine& l : c.lines) {
      texts.push_back(l.text);
      NoteFixes(c.fixes, l.fixes);
    }
    c.text = JoinWrapped(texts);
    const char* by = "ocr.nearest_term";
    std::optional<std::string> term;
    if (switches.Enabled(by)) term = ocr::NearestTerm(c.text);
    if (!term && switches.Enabled("ocr.term_in_row")) {
      by = "ocr.term_in_row";
      std::vector<std::string> siblings;
      for (const TableCell& o : t.cells)
        if (&o != &c && o.row == c.row) siblings.push_back(o.text);
      term = ocr::NearestTermInRow(c.text, siblings);
    }
    if (term) {
      c.text = *term;
      const std::vector<std::string> pieces = Redistribute(*term, c.lines);
      for (size_t i = 0; i < c.lines.size(); ++i) {
        c.lines[i].SetText(pieces[i]);
        c.lines[i].corrected = true;
        NoteFix(c.lines[i].fixes, by);
        c.lines[i].confidence = std::max(c.lines[i].confidence, kLexiconConfidence);
      }
      c.corrected = true;
      NoteFix(c.fixes, by);
      c.confidence = std::max(c.confidence, kLexiconConfidence);
    }
  }
}

void Review(std::vector<TextLine>& lines, const std::vector<Word>& words,
            const std::vector<std::vector<std::string>>& word_fixes, const FixSwitches& switches) {
  for (TextLine& l : lines) {
    NoteWordFixes(l, nullptr, words, {}, word_fixes);
    const ocr::FixedText fixed =
        ocr::FixSymbols(ocr::TrimLeadingMarks(l.text, switches, &l.fixes), switches);
    NoteFixes(l.fixes, fixed.fixes);
    if (fixed.text != l.text) l.SetText(fixed.text), l.corrected = true;
    std::optional<std::string> term;
    if (switches.Enabled("ocr.nearest_term")) term = ocr::NearestTerm(l.text);
    if (term) {
      l.SetText(*term);
      l.corrected = true;
      NoteFix(l.fixes, "ocr.nearest_term");
      l.confidence = std::max(l.confidence, kLexiconConfidence);
    }
  }
}

}  // namespace

PageContent ReadScannedPage(const PageImage& scan, OcrEngine& engine, const FixSwitches& fixes,
                            bool keep_image) {
  const ocr::OcrOptions& options = engine.options();
  PrepareOptions prepare = options.prepare;
  prepare.tessdata = options.tessdata;
  PreparedPage prepared = Prepare(scan, prepare);
  const PageImage& image = prepared.image;
  const double dpi = image.dpi > 0 ? image.dpi : 200;
  PageContent out;
  out.page = scan.page;
  out.width = ToPoints(image.gray.cols, dpi);
  out.height = ToPoints(image.gray.rows, dpi);
  out.has_text = true;
  out.source = WordSource::kOcr;

  const std::vector<Grid> grids = FindGrids(image);
  cv::Mat ink = prepared.binary;
  if (ink.empty() || ink.size() != image.gray.size()) {
    cv::adaptiveThreshold(image.gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV,
                          kFallbackBlockPx, kFallbackContrast);
  }
  PageReader reader{engine.impl(), image.gray, dpi, ocr::DefaultEm(dpi), options.lines, fixes};

  // Cells first: their cleaned ink, and the height of their lines.
  cv::Mat outside = ink.clone();
  const cv::Size size = ink.size();
  std::vector<Region> cells;
  for (const Grid& g : grids) {
    for (const GridCell& c : g.cells) {
      cv::Rect r = PixelRect(c.box, dpi, size);
      if (r.width < ocr::kMinLinePx || r.height < ocr::kMinLinePx) continue;
      Region cell{ink(r).clone(), r, 0, true};

      ocr::RemoveRules(cell.ink, reader.em, options.lines);
      ocr::RemoveBorderDebris(cell.ink, reader.em, options.lines);
      ocr::RemoveSpecks(cell.ink, reader.em, options.lines);
      if (cv::countNonZero(cell.ink) == 0) continue;  // an empty cell
      cells.push_back(std::move(cell));
    }
    // Nothing of the table (its rules included) is text outside it.
    const double pad = kTablePadEm * reader.em * 72 / dpi;
    Box b = g.box;
    b.x0 -= pad, b.y0 -= pad, b.x1 += pad, b.y1 += pad;
    outside(PixelRect(b, dpi, size)).setTo(0);
  }
  const double cell_line = ocr::TypicalLineHeight(reader.BandHeights(cells));
  for (const Region& cell : cells) reader.Read(cell, cell_line);

  Region rest{outside, cv::Rect(cv::Point(0, 0), size), options.lines.text_split_gap_band, false};
  ocr::RemoveRules(rest.ink, reader.em, options.lines);
  ocr::RemoveSpecks(rest.ink, reader.em, options.lines);
  reader.Read(rest, ocr::TypicalLineHeight(reader.BandHeights({rest})));

  for (const Grid& g : grids) {
    out.tables.push_back(Assemble(g, reader.words, out.page));
    Review(out.tables.back(), reader.words, reader.corrected, reader.fixes, fixes);
  }
  out.lines = LinesOutside(out.tables, reader.words);
  Review(out.lines, reader.words, reader.fixes, fixes);
  if (keep_image) {
    out.image = std::move(prepared.image);
    out.image.dpi = dpi;
    out.image.page = out.page;
  }
  return out;
}

}  // namespace jixiao
