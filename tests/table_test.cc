// Cell assembly: words placed by hand into a grid built by hand.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/text.h"
#include "layout/table.h"

namespace jixiao {
namespace {

// A word whose glyphs are 10 pt squares starting at (x, y).
Word GlyphWord(const std::string& text, double x, double y, double advance = 10) {
  Word w;
  w.text = text;
  std::u32string u = ToU32(text);
  for (size_t i = 0; i < u.size(); ++i) w.chars.push_back({x + advance * i, y, x + advance * i + 10, y + 10});
  w.box = {x, y, x + advance * u.size(), y + 10};
  return w;
}

Grid TwoByTwo() {
  Grid g;
  g.row_lines = {100, 140, 180};
  g.col_lines = {50, 150, 300};
  g.box = {50, 100, 300, 180};
  g.cells = {{0, 0, 1, 1, {50, 100, 150, 140}}, {0, 1, 1, 1, {150, 100, 300, 140}},
             {1, 0, 1, 2, {50, 140, 300, 180}}};
  return g;
}

TEST(Assemble, PutsGlyphsInTheirCellsAndJoinsWrappedLines) {
  std::vector<Word> words = {
      GlyphWord("项目编码", 55, 105),
      GlyphWord("财政资金的使", 155, 105), GlyphWord("用效率", 155, 120),  // wrapped in the cell
      GlyphWord("合计", 60, 150),
  };
  Table t = Assemble(TwoByTwo(), words, 7);
  ASSERT_EQ(t.cells.size(), 3u);
  EXPECT_EQ(t.page, 7);
  EXPECT_EQ(t.At(0, 0)->text, "项目编码");
  EXPECT_EQ(t.At(0, 1)->text, "财政资金的使用效率");
  EXPECT_EQ(t.At(0, 1)->MultilineText(), "财政资金的使\n用效率");
  EXPECT_EQ(t.At(1, 1)->text, "合计");  // the merged cell covers (1, 1)
  EXPECT_EQ(t.At(1, 0), t.At(1, 1));
}

TEST(Assemble, SplitsARunThatCrossesACellBorder) {
  // One text-layer run whose glyphs lie in two cells.
  std::vector<Word> words = {GlyphWord("预算数100.00", 100, 105)};
  Table t = Assemble(TwoByTwo(), words, 1);
  EXPECT_EQ(t.At(0, 0)->text, "预算数10");
  EXPECT_EQ(t.At(0, 1)->text, "0.00");
}

TEST(Assemble, AGlyphOnARuleIsOfItsWordsCell) {
  // Cells whose boxes stop short of the rule between them (a thick or double rule), and a run
  // set so close to the rule that its first glyph's centre is on it: the glyph is the cell's,
  // not lost ("、对照…" for "1、对照…"); a glyph on the column rule with no word in a cell stays
  // out (one across a row rule goes to the cell it overlaps most).
  Grid g = TwoByTwo();
  g.cells[0].box.x1 = 148;
  g.cells[1].box.x0 = 154;
  g.cells[2].box.y0 = 142;
  std::vector<Word> words = {GlyphWord("1、对照", 146, 105, 6), GlyphWord("x", 146, 122, 4)};
  Table t = Assemble(g, words, 1);
  EXPECT_EQ(t.At(0, 1)->text, "1、对照");
  EXPECT_EQ(t.At(0, 0)->text, "");
  EXPECT_EQ(t.At(1, 0)->text, "");
}

TEST(Assemble, ARunWrappedInANarrowCellKeepsItsLinesInOrder) {
  // "99.5" centred in a narrow cell as "99." over "5", which the text layer gives as one run:
  // every glyph has the run's full height (both lines), the "." no width (poppler ends it where
  // the next line's "5" starts), and the "5" starts left of where the "9" before it ended.
  Word w;
  w.text = "99.5";
  w.box = {160, 103, 178, 123};
  w.chars = {
      {160, 103, 166, 123}, {166, 103, 172, 123}, {172, 103, 166, 123}, {166, 103, 172, 123}};
  Table t = Assemble(TwoByTwo(), {w}, 1);
  EXPECT_EQ(t.At(0, 1)->MultilineText(), "99.\n5");
  EXPECT_EQ(t.At(0, 1)->text, "99.5");
}

TEST(Assemble, KeepsSpacesBetweenSeparatedRuns) {
  std::vector<Word> words = {GlyphWord("=6", 55, 105, 6), GlyphWord("人", 75, 105)};
  Table t = Assemble(TwoByTwo(), words, 1);
  EXPECT_EQ(t.At(0, 0)->text, "=6 人");
}

TEST(Assemble, ACellThePageCutKeepsTheLinesItPrintedAcrossAndBelowTheBottomRule) {
  // The cell text and the lines outside of each set of words.
  auto read = [](const std::vector<Word>& words) {
    Table t = Assemble(TwoByTwo(), words, 1);
    std::vector<std::string> outside;
    for (const TextLine& l : LinesOutside({t}, words)) outside.push_back(l.text);
    return std::make_pair(t.At(1, 0)->text, outside);
  };
  // The merged last row (y 140-180) goes on over the page break: its next line is printed
  // across the table's bottom rule, the one after below it; a note further down is no part of it.
  auto [cut, notes] = read({GlyphWord("为决策提供", 60, 162), GlyphWord("科学依据和", 60, 176),
                            GlyphWord("有力支撑", 60, 189), GlyphWord("注：单位万元", 60, 215)});
  EXPECT_EQ(cut, "为决策提供科学依据和有力支撑");
  EXPECT_EQ(notes, std::vector<std::string>{"注：单位万元"});
  // Its next line may lie wholly below the rule, a line pitch under the cell's last one.
  std::tie(cut, notes) = read({GlyphWord("为决策提供", 60, 156), GlyphWord("科学依据和", 60, 169.5),
                               GlyphWord("有力支撑", 60, 182.5), GlyphWord("注：单位万元", 60, 215)});
  EXPECT_EQ(cut, "为决策提供科学依据和有力支撑");
  EXPECT_EQ(notes, std::vector<std::string>{"注：单位万元"});
  // A line under the table, clear of its rule, is no part of the cell above it.
  auto [whole, note] = read({GlyphWord("合计", 60, 150), GlyphWord("注：单位万元", 60, 181)});
  EXPECT_EQ(whole, "合计");
  EXPECT_EQ(note, std::vector<std::string>{"注：单位万元"});
}

TEST(LinesOutside, KeepsLeftAndRightTextOfOneBaselineApart) {
  std::vector<Word> words = {GlyphWord("318002", 50, 80, 6), GlyphWord("某局机关", 96, 80),
                             GlyphWord("单位：万元", 250, 80), GlyphWord("在表内", 60, 110)};
  Table t = Assemble(TwoByTwo(), words, 1);
  auto lines = LinesOutside({t}, words);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "318002 某局机关");
  EXPECT_EQ(lines[1].text, "单位：万元");
}

}  // namespace
}  // namespace jixiao
