#include "layout/table.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/text.h"

namespace jixiao {

namespace {

// A glyph's core (GlyphCores): the middle kGlyphCoreEm of its em across the line, where the
// strokes of any glyph are and no rule passes (a cell's text keeps clear of its rules by a
// padding), and the middle kGlyphCoreAdvance of its advance, clear of a rule the last glyph of
// right-aligned text touches.
constexpr double kGlyphCoreEm = 0.6;
constexpr double kGlyphCoreAdvance = 0.7;

// A cell the page cut (it runs on over the page break) may print the rest of its text below the
// table's bottom rule. A line there belongs to the cell when the rule passes below this share
// of the line's height from its top (a line printed under a table keeps clear of it) …
constexpr double kCutLineShare = 0.25;
// … or when it lies in the cell's columns within this share of its height below the cell's
// line above (the line pitch of the cell's text; a note under a table lies further, beyond the
// cell's padding and the rule).
constexpr double kSpilledLineGap = 0.4;

// A run of the text layer may hold text wrapped onto several lines ("99.5" in a narrow cell
// printed as "99." over "5"): poppler joins glyphs whose font boxes overlap into one word and
// gives every glyph the word's full height. Within a line each glyph starts where the one
// before it ends (kerning overlaps them by a few hundredths of an em); a glyph that starts
// more than this share of an em left of the end of the one before it begins the next line.
constexpr double kWrapBackEm = 0.3;

// The smallest piece of text that is placed: a glyph when the source knows glyph boxes,
// else a whole word.
struct Piece {
  std::string text;
  Box box;
  double confidence = 1;
  bool space_after = false;
  std::vector<float> char_confidence;  // per code point of text, or empty
  std::vector<GlyphImage> glyphs;      // likewise
  size_t word = 0;                     // the index of the word it is of
};

// Appends `text` and its confidences (or `fallback` for each code point) to a line.
void AppendText(TextLine& line, const std::string& text, const std::vector<float>& confidences,
                double fallback, const std::vector<GlyphImage>& glyphs = {}) {
  const size_t n = ToU32(text).size();
  line.glyphs.resize(line.char_confidence.size());
  if (glyphs.size() == n) {
    line.glyphs.insert(line.glyphs.end(), glyphs.begin(), glyphs.end());
  } else {
    line.glyphs.resize(line.glyphs.size() + n);
  }
  line.text += text;
  if (confidences.size() == n) {
    line.char_confidence.insert(line.char_confidence.end(), confidences.begin(), confidences.end());
  } else {
    line.char_confidence.insert(line.char_confidence.end(), n, static_cast<float>(fallback));
  }
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// The em of a run of the text layer (its code points `u`): the advance of its CJK glyphs, or
// twice that of its Latin ones, or the run's height.
double RunEm(const Word& w, const std::u32string& u) {
  std::vector<double> cjk, latin;
  for (size_t i = 0; i < u.size() && i < w.chars.size(); ++i) {
    if (w.chars[i].width() <= 0) continue;
    (IsCjk(u[i]) ? cjk : latin).push_back(w.chars[i].width());
  }
  return !cjk.empty() ? Median(cjk) : !latin.empty() ? 2 * Median(latin) : w.box.height();
}

// The vertical centre of each glyph of a run (code points `u`, em `em`): the run's, unless it
// wraps (kWrapBackEm): then its lines share the run's height, top down. `lines` is set to the
// number of lines.
std::vector<double> GlyphCentres(const Word& w, const std::u32string& u, double em, int* lines) {
  std::vector<double> cys(u.size(), w.box.cy());
  std::vector<int> line(u.size(), 0);
  int n = 1;
  double last_x1 = 0;
  bool first = true;
  for (size_t i = 0; i < u.size() && i < w.chars.size(); ++i) {
    const Box& c = w.chars[i];
    if (!IsSpace(u[i]) && c.width() > 0) {
      if (!first && c.x0 < last_x1 - kWrapBackEm * em) ++n;
      last_x1 = c.x1;
      first = false;
    }
    line[i] = n - 1;
  }
  if (lines) *lines = n;
  if (n == 1) return cys;
  const double pitch = w.box.height() / n;
  for (size_t i = 0; i < u.size(); ++i) cys[i] = w.box.y0 + (line[i] + 0.5) * pitch;
  return cys;
}

std::vector<Piece> Explode(const std::vector<Word>& words) {
  std::vector<Piece> pieces;
  pieces.reserve(words.size() * 4);
  for (size_t wi = 0; wi < words.size(); ++wi) {
    const Word& w = words[wi];
    std::u32string u = ToU32(w.text);
    if (w.chars.size() == u.size() && !u.empty()) {
      // Text-layer boxes reach from the font's ascent to its descent, which for some fonts
      // (Noto CJK: 2.6 em) is taller than the line pitch, so that boxes of neighbouring lines
      // overlap. Each glyph gets the run's vertical centre and a height of 1.2 em, the em
      // measured by the advance of the run's CJK glyphs (or twice that of its Latin ones).
      const double em = RunEm(w, u);
      const double half = std::min(w.box.height(), 1.2 * em) / 2;
      int lines = 1;
      const std::vector<double> cys = GlyphCentres(w, u, em, &lines);
      for (size_t i = 0; i < u.size(); ++i) {
        if (IsSpace(u[i])) continue;
        Box b = w.chars[i];
        // A glyph without a width is placed over the whole run, unless the run wraps: then
        // where it starts (the last glyph of a line, whose end poppler takes from the next
        // line's start).
        if (b.width() <= 0) b = lines > 1 ? Box{b.x0, b.y0, b.x0 + kWrapBackEm * em, b.y1} : w.box;
        const double cy = cys[i];
        b.y0 = cy - half;
        b.y1 = cy + half;
        pieces.push_back({ToUtf8(u[i]), b, w.confidence, false, {}, {}, wi});
      }
      if (!pieces.empty() && w.space_after) pieces.back().space_after = true;
    } else {
      pieces.push_back({w.text, w.box, w.confidence, w.space_after, w.char_confidence, w.glyphs, wi});
    }
  }
  return pieces;
}

std::vector<TextLine> GroupPieces(std::vector<Piece> pieces, double split_gap) {
  std::vector<TextLine> out;
  if (pieces.empty()) return out;
  std::sort(pieces.begin(), pieces.end(),
            [](const Piece& a, const Piece& b) { return a.box.cy() < b.box.cy(); });
  std::vector<std::vector<Piece>> rows;
  double row_cy = 0, row_h = 0;
  for (Piece& p : pieces) {
    double h = std::max(p.box.height(), 1.0);
    if (rows.empty() || p.box.cy() - row_cy > 0.5 * std::max(h, row_h)) {
      rows.emplace_back();
      row_cy = p.box.cy();
      row_h = h;
    }
    rows.back().push_back(std::move(p));
    // Running mean of the row's centres keeps a long line from drifting.
    const auto& r = rows.back();
    row_cy += (r.back().box.cy() - row_cy) / static_cast<double>(r.size());
    row_h = std::max(row_h, h);
  }
  for (auto& row : rows) {
    std::sort(row.begin(), row.end(), [](const Piece& a, const Piece& b) { return a.box.x0 < b.box.x0; });
    std::vector<double> heights;
    for (const Piece& p : row) heights.push_back(p.box.height());
    const double h = std::max(Median(heights), 1.0);
    TextLine line;
    line.char_height = h;
    const Piece* prev = nullptr;
    for (const Piece& p : row) {
      if (prev) {
        double gap = p.box.x0 - prev->box.x1;
        if (split_gap > 0 && gap > split_gap * h) {
          out.push_back(std::move(line));
          line = TextLine{};
          line.char_height = h;
        } else if (gap > h / 3 || prev->space_after) {
          AppendText(line, " ", {}, 1.0);
        }
      }
      AppendText(line, p.text, p.char_confidence, p.confidence, p.glyphs);
      line.box.Extend(p.box);
      line.confidence = std::min(line.confidence, p.confidence);
      prev = &p;
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace

void TextLine::SetText(const std::string& new_text, float changed) {
  if (new_text == text) return;
  const std::u32string a = ToU32(text), b = ToU32(new_text);
  std::vector<float> old = char_confidence;
  if (old.size() != a.size()) old.assign(a.size(), static_cast<float>(confidence));
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::vector<float> c(old.begin(), old.begin() + static_cast<long>(prefix));
  c.insert(c.end(), b.size() - prefix - suffix, changed);
  c.insert(c.end(), old.end() - static_cast<long>(suffix), old.end());
  std::vector<GlyphImage> g;
  if (glyphs.size() == a.size()) {
    g.assign(glyphs.begin(), glyphs.begin() + static_cast<long>(prefix));
    g.resize(b.size() - suffix);
    g.insert(g.end(), glyphs.end() - static_cast<long>(suffix), glyphs.end());
  }
  text = new_text;
  char_confidence = std::move(c);
  glyphs = std::move(g);
}

std::string TableCell::MultilineText() const {
  std::string s;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) s += '\n';
    s += lines[i].text;
  }
  return s;
}

const TableCell* Table::At(int row, int col) const {
  for (const TableCell& c : cells)
    if (row >= c.row && row < c.row + c.rowspan && col >= c.col && col < c.col + c.colspan) return &c;
  return nullptr;
}

std::vector<Box> GlyphCores(const std::vector<Word>& words) {
  std::vector<Box> cores;
  for (const Word& w : words) {
    const std::u32string u = ToU32(w.text);
    if (w.chars.size() != u.size() || u.empty()) continue;
    const double em = RunEm(w, u);
    const double half = std::min(w.box.height(), kGlyphCoreEm * em) / 2;
    const std::vector<double> cys = GlyphCentres(w, u, em, nullptr);
    for (size_t i = 0; i < u.size(); ++i) {
      const Box& c = w.chars[i];
      if (c.width() <= 0 || IsSpace(u[i])) continue;
      const double inset = (1 - kGlyphCoreAdvance) / 2 * c.width();
      cores.push_back({c.x0 + inset, cys[i] - half, c.x1 - inset, cys[i] + half});
    }
  }
  return cores;
}

double TextEm(const std::vector<Word>& words) {
  std::vector<double> ems;
  for (const Word& w : words) {
    const std::u32string u = ToU32(w.text);
    if (w.chars.size() != u.size()) continue;
    for (size_t i = 0; i < u.size(); ++i) {
      if (w.chars[i].width() <= 0 || IsSpace(u[i])) continue;
      ems.push_back((IsCjk(u[i]) ? 1 : 2) * w.chars[i].width());
    }
  }
  return Median(std::move(ems));
}

namespace {

// The cell of `grid` a piece of text of the table goes to: the one its centre lies in, else
// (a line across a row rule: the last line of a cell the page cut) the one it overlaps most of
// those its centre lies across; -1 when none (a glyph run over a column rule stays out).
int CellOf(const Grid& grid, const Box& piece) {
  int best = -1;
  double best_area = 0;
  for (size_t i = 0; i < grid.cells.size(); ++i) {
    const Box& b = grid.cells[i].box;
    if (b.Contains(piece.cx(), piece.cy())) return static_cast<int>(i);
    if (piece.cx() < b.x0 || piece.cx() > b.x1) continue;
    if (const double a = b.OverlapArea(piece); a > best_area) {
      best_area = a;
      best = static_cast<int>(i);
    }
  }
  return best;
}

}  // namespace

std::vector<TextLine> GroupLines(const std::vector<Word>& words, double split_gap) {
  return GroupPieces(Explode(words), split_gap);
}

Table Assemble(const Grid& grid, const std::vector<Word>& words, int page) {
  Table t;
  t.page = page;
  t.box = grid.box;
  t.rows = grid.rows();
  t.cols = grid.cols();
  t.row_lines = grid.row_lines;
  t.col_lines = grid.col_lines;
  std::vector<std::vector<Piece>> in_cell(grid.cells.size());
  std::vector<Piece> pieces = Explode(words);
  // The cell of each piece (CellOf: by its centre, or by overlap for one across a row rule);
  // kNoCell for one outside the table, kBetween for one inside it but on no cell: on a column
  // rule (a cell's box ends where its rule begins).
  constexpr size_t kNoCell = SIZE_MAX, kBetween = SIZE_MAX - 1;
  std::vector<size_t> cell_of(pieces.size(), kNoCell);
  std::vector<Piece> below;  // under the table
  for (size_t k = 0; k < pieces.size(); ++k) {
    const Piece& p = pieces[k];
    if (grid.box.Contains(p.box.cx(), p.box.cy())) {
      const int i = CellOf(grid, p.box);
      cell_of[k] = i >= 0 ? static_cast<size_t>(i) : kBetween;
    } else if (p.box.cy() > grid.box.y1 && p.box.cx() >= grid.box.x0 &&
               p.box.cx() <= grid.box.x1) {
      below.push_back(p);
    }
  }
  // A glyph on a rule is of the cell its word's nearest placed glyph is in: the first glyph of
  // a text set close to its rule ("1、" of 1、对照…) is the cell's, not lost.
  for (size_t k = 0; k < pieces.size(); ++k) {
    if (cell_of[k] != kBetween) continue;
    for (size_t d = 1; d < pieces.size(); ++d) {
      const bool before = d <= k && pieces[k - d].word == pieces[k].word;
      const bool after = k + d < pieces.size() && pieces[k + d].word == pieces[k].word;
      if (!before && !after) break;
      if (before && cell_of[k - d] < kBetween) {
        cell_of[k] = cell_of[k - d];
        break;
      }
      if (after && cell_of[k + d] < kBetween) {
        cell_of[k] = cell_of[k + d];
        break;
      }
    }
  }
  for (size_t k = 0; k < pieces.size(); ++k)
    if (cell_of[k] < kBetween) in_cell[cell_of[k]].push_back(std::move(pieces[k]));
  // The text a cut cell of the last row printed below the table (kCutLineShare,
  // kSpilledLineGap), top down.
  std::sort(below.begin(), below.end(),
            [](const Piece& a, const Piece& b) { return a.box.y0 < b.box.y0; });
  std::vector<double> reach(grid.cells.size(), grid.box.y0);  // the cell's text reaches down to
  for (size_t i = 0; i < grid.cells.size(); ++i)
    for (const Piece& p : in_cell[i]) reach[i] = std::max(reach[i], p.box.y1);
  for (Piece& p : below) {
    for (size_t i = 0; i < grid.cells.size(); ++i) {
      const Box& c = grid.cells[i].box;
      if (grid.cells[i].row + grid.cells[i].rowspan != grid.rows() || p.box.cx() < c.x0 ||
          p.box.cx() > c.x1)
        continue;
      const double h = p.box.height();
      if (grid.box.y1 - p.box.y0 > kCutLineShare * h ||
          p.box.y0 <= reach[i] + kSpilledLineGap * h) {
        reach[i] = std::max(reach[i], p.box.y1);
        in_cell[i].push_back(std::move(p));
      }
      break;
    }
  }
  for (size_t i = 0; i < grid.cells.size(); ++i)
    if (reach[i] > grid.box.y1)
      t.spilled.push_back({grid.cells[i].box.x0, grid.box.y1, grid.cells[i].box.x1, reach[i]});
  for (size_t i = 0; i < grid.cells.size(); ++i) {
    const GridCell& g = grid.cells[i];
    TableCell c;
    c.row = g.row;
    c.col = g.col;
    c.rowspan = g.rowspan;
    c.colspan = g.colspan;
    c.box = g.box;
    c.lines = GroupPieces(std::move(in_cell[i]), 0);
    std::vector<std::string> texts;
    for (const TextLine& l : c.lines) {
      texts.push_back(l.text);
      c.confidence = std::min(c.confidence, l.confidence);
    }
    c.text = JoinWrapped(texts);
    t.cells.push_back(std::move(c));
  }
  std::sort(t.cells.begin(), t.cells.end(), [](const TableCell& a, const TableCell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  return t;
}

std::vector<TextLine> LinesOutside(const std::vector<Table>& tables, const std::vector<Word>& words) {
  std::vector<Piece> outside;
  for (Piece& p : Explode(words)) {
    bool inside = false;
    for (const Table& t : tables)
      if (t.box.Contains(p.box.cx(), p.box.cy()) ||
          std::any_of(t.spilled.begin(), t.spilled.end(),
                      [&p](const Box& b) { return b.Contains(p.box.cx(), p.box.cy()); })) {
        inside = true;
        break;
      }
    if (!inside) outside.push_back(std::move(p));
  }
  return GroupPieces(std::move(outside), 3.0);
}

}  // namespace jixiao
