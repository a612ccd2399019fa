// Cells with their text: a Grid filled with the words that fall inside it, and the lines of
// text that lie outside every table.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"
#include "layout/grid.h"

namespace jixiao {

// A line of text: glyphs on one baseline, left to right. Box in points.
struct TextLine {
  std::string text;
  Box box;
  double confidence = 1.0;
  double char_height = 0;  // median glyph height, points
  bool corrected = false;  // OCR text changed by what the reader knows (lexicon, operator shape)
  // The ids of the fixes that changed the text (core/fixes.h), in the order of Fixes(); a
  // line that is `corrected` names at least one, but speck trims name theirs without marking
  // it corrected.
  std::vector<std::string> fixes;
  // One confidence (0..1) per code point of `text`: the recognizer's for OCR'd glyphs, 1 for
  // the text layer, for inserted spaces and for glyphs a rule decided. Kept in step with
  // `text` by SetText.
  std::vector<float> char_confidence;
  // Per code point likewise (or empty): images of the glyphs the recognizer doubted.
  std::vector<GlyphImage> glyphs;

  // Replaces the text, keeping the confidences of the code points that the old and new texts
  // share at their start and end; code points in between get `changed` (what decided them).
  void SetText(const std::string& new_text, float changed = 1.0f);
};

struct TableCell {
  int row = 0, col = 0, rowspan = 1, colspan = 1;
  Box box;                        // the cell, points
  std::vector<TextLine> lines;    // its text, top to bottom
  std::string text;               // lines joined without the breaks that wrapping added
  double confidence = 1.0;        // lowest confidence among its lines (1 when empty)
  WordSource source = WordSource::kTextLayer;  // where its text came from
  bool corrected = false;  // OCR text changed by what the reader knows (lexicon, operator shape)
  std::vector<std::string> fixes;  // of its lines and of the cell's text, as TextLine::fixes

  // Text with its printed line breaks as '\n'.
  std::string MultilineText() const;
};

struct Table {
  int page = 0;  // 1-based
  Box box;       // points
  int rows = 0, cols = 0;
  std::vector<double> row_lines, col_lines;  // points
  std::vector<TableCell> cells;              // sorted by (row, col)
  // Below the table, where cells of its last row that the page cut printed the rest of their
  // text (their columns, down to their last line).
  std::vector<Box> spilled;

  // The cell that covers slot (row, col), or nullptr.
  const TableCell* At(int row, int col) const;
};

// Groups words (or their glyphs) into lines: glyphs whose vertical centres are within half a
// glyph height of each other, sorted by x. Spaces are inserted where the gap between glyphs is
// wider than a third of the glyph height. `split_gap` (in glyph heights) splits a line into
// separate lines where a gap is wider, so that left- and right-aligned text on one baseline
// stay apart; 0 keeps them together.
std::vector<TextLine> GroupLines(const std::vector<Word>& words, double split_gap = 0);

// The size of the page's text (points): the median em of its glyphs, an em measured as the
// advance of a CJK glyph or twice that of a Latin one. 0 without glyph boxes.
double TextEm(const std::vector<Word>& words);

// The core of each glyph of `words` (points), for FindGrids: the middle kGlyphCoreEm of its
// em across the line, the middle of its advance along it. Glyphs without boxes give none.
std::vector<Box> GlyphCores(const std::vector<Word>& words);

// Fills a grid's cells with the glyphs whose centres lie inside them (a glyph across an inner
// rule: the cell it overlaps most), and a cell of the last row with the lines it printed across
// and below the table's bottom rule, cut by the page (Table::spilled).
Table Assemble(const Grid& grid, const std::vector<Word>& words, int page);

// The words of the page that lie in no table, as lines, top to bottom.
std::vector<TextLine> LinesOutside(const std::vector<Table>& tables, const std::vector<Word>& words);

}  // namespace jixiao
