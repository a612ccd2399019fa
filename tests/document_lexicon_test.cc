// The document lexicon: a doubted glyph is replaced only when the rest of the document
// proposes a character and the glyph's image, looked at again, agrees.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "tests/line_net_testing.h"
#include "core/text.h"
#include "layout/table.h"
#include "ocr/document_lexicon.h"
#include "ocr/scanned_page.h"

namespace jixiao {
namespace {

using Ids = std::vector<std::string>;

// Options with the fixes `off` switched off.
ocr::DocumentLexiconOptions Without(const Ids& off) {
  ocr::DocumentLexiconOptions o;
  for (const std::string& id : off) o.fixes.Disable(id);
  return o;
}

GlyphImage Fixture(const std::string& name) {
  cv::Mat m = cv::imread(std::string(JIXIAO_SOURCE_DIR) + "/tests/data/ocr/" + name, cv::IMREAD_GRAYSCALE);
  EXPECT_FALSE(m.empty()) << name;
  return {m, 200};  // rendered at a 29 px em: 10.5 pt at 200 dpi
}

// A line as OCR gives it: every glyph sure, except `doubted` (index) with `glyph` kept.
TextLine Read(const std::string& text, int doubted = -1, GlyphImage glyph = {}) {
  TextLine l;
  l.text = text;
  const size_t n = ToU32(text).size();
  l.char_confidence.assign(n, 0.99f);
  l.glyphs.resize(n);
  if (doubted >= 0) {
    l.char_confidence[doubted] = 0.6f;
    l.glyphs[doubted] = std::move(glyph);
  }
  return l;
}

// A page whose other lines print 预算 and 白菜 clearly, several times.
PageContent Page(std::vector<TextLine> doubtful) {
  PageContent p;
  p.page = 1;
  for (const char* t : {"年度预算", "预算执行", "预算批复", "部门预算", "白菜", "白菜", "白菜"})
    p.lines.push_back(Read(t));
  for (TextLine& l : doubtful) p.lines.push_back(std::move(l));
  return p;
}

class DocumentLexicon : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = new OcrEngine(); }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  static OcrEngine* engine_;
};
OcrEngine* DocumentLexicon::engine_ = nullptr;

TEST_F(DocumentLexicon, ContextProposesAndTheGlyphAgrees) {
  // Printed 工程预算, faded; read 工程蔬算 with the third glyph in doubt.
  std::vector<PageContent> pages{Page({Read("工程蔬算", 2, Fixture("lexicon_yusuan.png"))})};
  EXPECT_EQ(ocr::CorrectByDocument(pages, engine_), 1);
  const TextLine& l = pages[0].lines.back();
  EXPECT_EQ(l.text, "工程预算");
  EXPECT_TRUE(l.corrected);
  EXPECT_EQ(l.fixes, Ids{"ocr.doc_pairs"});
  EXPECT_LT(l.char_confidence[2], 0.99f);  // decided, not read
}

TEST_F(DocumentLexicon, TheGlyphOverrulesTheContext) {
  // 蔬菜 really printed: the document's 白菜 proposes 白, the glyph says 蔬.
  std::vector<PageContent> pages{Page({Read("蔬菜配送", 0, Fixture("lexicon_shucai.png"))})};
  EXPECT_EQ(ocr::CorrectByDocument(pages, engine_), 0);
  EXPECT_EQ(pages[0].lines.back().text, "蔬菜配送");
  EXPECT_FALSE(pages[0].lines.back().corrected);
}

TEST_F(DocumentLexicon, TheWordListProposesWhereTheDocumentCannot) {
  // No line of the document reads 膳食 clearly; 腾食 is no word of Chinese, 膳食 is.
  if (!std::ifstream("/usr/lib/python3/dist-packages/jieba/dict.txt") && !std::getenv("CI"))
    GTEST_SKIP() << "word list missing (Debian package python3-jieba, installed by scripts/setup.sh)";
  std::vector<PageContent> pages{Page({Read("营养腾食供给", 2, Fixture("lexicon_shanshi.png"))})};
  EXPECT_EQ(ocr::CorrectByDocument(pages, engine_), 1);
  EXPECT_EQ(pages[0].lines.back().text, "营养膳食供给");
  EXPECT_EQ(pages[0].lines.back().fixes, Ids{"ocr.word_list"});
}

TEST_F(DocumentLexicon, AReadingNoPageHasIsPutAsideForTheOneWordThatFits) {
  // A scanned 膳 that chi_sim reads as 腾 even when allowed 膳 too. 腾食 and 养腾 are no words
  // and 腾 stands nowhere else in the document: shown the glyph without 腾, the recognizer
  // reads 膳, where every other character that makes a word with 养 or 食 gives no reading.
  if (!std::ifstream("/usr/lib/python3/dist-packages/jieba/dict.txt") && !std::getenv("CI"))
    GTEST_SKIP()
        << "word list missing (Debian package python3-jieba, installed by scripts/setup.sh)";
  std::vector<PageContent> pages{
      Page({Read("营养腾食供给", 2, Fixture("lexicon_shanshi_scan.png"))})};
  EXPECT_EQ(ocr::CorrectByDocument(pages, engine_), 1);
  EXPECT_EQ(pages[0].lines.back().text, "营养膳食供给");
  EXPECT_TRUE(pages[0].lines.back().corrected);
  // The second recognizer, asked first, reads 膳 already; without it, setting 腾 aside does.
  EXPECT_EQ(pages[0].lines.back().fixes, Ids{"ocr.line_net_glyph"});
  std::vector<PageContent> aside{
      Page({Read("营养腾食供给", 2, Fixture("lexicon_shanshi_scan.png"))})};
  EXPECT_EQ(ocr::CorrectByDocument(aside, engine_, Without({"ocr.line_net_glyph"})), 1);
  EXPECT_EQ(aside[0].lines.back().text, "营养膳食供给");
  EXPECT_EQ(aside[0].lines.back().fixes, Ids{"ocr.set_aside"});
  // Without both, 腾 stands.
  std::vector<PageContent> neither{
      Page({Read("营养腾食供给", 2, Fixture("lexicon_shanshi_scan.png"))})};
  EXPECT_EQ(ocr::CorrectByDocument(neither, engine_, Without({"ocr.line_net_glyph", "ocr.set_aside"})), 0);
  EXPECT_EQ(neither[0].lines.back().text, "营养腾食供给");
}

TEST_F(DocumentLexicon, TheSecondRecognizerReadsWhatThePagesPrintElsewhere) {
  JIXIAO_NEEDS_LINE_NET();
  // The same glyph, in a document that prints 腾 clearly elsewhere (腾飞). chi_sim's reading
  // alone would stand there (a character of the document in an unusual pair may be what was
  // printed); the second line recognizer reads 养膳食, and 膳 makes a word with 食.
  if (!std::ifstream("/usr/lib/python3/dist-packages/jieba/dict.txt") && !std::getenv("CI"))
    GTEST_SKIP()
        << "word list missing (Debian package python3-jieba, installed by scripts/setup.sh)";
  std::vector<PageContent> pages{
      Page({Read("经济腾飞"), Read("营养腾食供给", 2, Fixture("lexicon_shanshi_scan.png"))})};
  EXPECT_EQ(ocr::CorrectByDocument(pages, engine_), 1);
  EXPECT_EQ(pages[0].lines.back().text, "营养膳食供给");
  EXPECT_EQ(pages[0].lines.back().fixes, Ids{"ocr.line_net_glyph"});
}

TEST_F(DocumentLexicon, TheEnginesWordListProposes) {
  // The word list is the engine's to name (OcrOptions::word_list). One that lists 膳食 proposes
  // 膳 for 腾食, and the glyph agrees; without a list nothing proposes, and the engine says it
  // runs without one. (No second recognizer here, which could read the glyph on its own.)
  const std::string list =
      ::testing::TempDir() + "/jixiao-words-" + std::to_string(::getpid()) + ".txt";
  std::ofstream(list) << "膳食 2000 n\n营养素 500 n\n";
  ocr::OcrOptions options;
  options.line_net_dir = "";
  options.word_list = list;
  OcrEngine listed(options);
  options.word_list = "/nonexistent/dict.txt";
  OcrEngine unlisted(options);
  std::vector<PageContent> pages{Page({Read("营养腾食供给", 2, Fixture("lexicon_shanshi.png"))})};
  EXPECT_EQ(ocr::CorrectByDocument(pages, &listed), 1);
  EXPECT_EQ(pages[0].lines.back().text, "营养膳食供给");
  std::vector<PageContent> again{Page({Read("营养腾食供给", 2, Fixture("lexicon_shanshi.png"))})};
  EXPECT_EQ(ocr::CorrectByDocument(again, &unlisted), 0);
  EXPECT_EQ(again[0].lines.back().text, "营养腾食供给");
  // Both run without the second recognizer; only the second without a word list.
  EXPECT_NE(listed.degraded_reason().find("second OCR line recognizer"), std::string::npos);
  EXPECT_EQ(listed.degraded_reason().find("word list"), std::string::npos)
      << listed.degraded_reason();
  EXPECT_NE(unlisted.degraded_reason().find("word list '/nonexistent/dict.txt'"), std::string::npos)
      << unlisted.degraded_reason();
  std::remove(list.c_str());
}

TEST_F(DocumentLexicon, TheDefaultEngineRunsWithEverything) {
  JIXIAO_NEEDS_LINE_NET();
  if (!std::ifstream(ocr::kDefaultWordList) && !std::getenv("CI"))
    GTEST_SKIP()
        << "word list missing (Debian package python3-jieba, installed by scripts/setup.sh)";
  EXPECT_FALSE(engine_->degraded()) << engine_->degraded_reason();
}

// A page with `line` as the one line of a table cell.
PageContent CellPage(TextLine line) {
  PageContent p = Page({});
  Table t;
  t.page = 1;
  TableCell c;
  c.text = line.text;
  c.lines = {std::move(line)};
  t.cells.push_back(std::move(c));
  p.tables.push_back(std::move(t));
  return p;
}

TEST_F(DocumentLexicon, ASureReadingThatMakesNoWordIsReadAgainByTheSecondRecognizer) {
  JIXIAO_NEEDS_LINE_NET();
  // 学校数量 in a table cell of an archive scan: chi_sim reads 最 for 量 at 0.975, above the
  // doubt that lets the document's words propose. 数最 is no word, so the second recognizer
  // reads the glyph with its neighbours (校数量), and 量 makes a word with 数.
  if (!std::ifstream("/usr/lib/python3/dist-packages/jieba/dict.txt") && !std::getenv("CI"))
    GTEST_SKIP()
        << "word list missing (Debian package python3-jieba, installed by scripts/setup.sh)";
  auto sure = [](const std::string& text) {
    TextLine l = Read(text, 5, Fixture("lexicon_shuliang_scan.png"));
    l.char_confidence[5] = 0.975f;
    return l;
  };
  std::vector<PageContent> pages{CellPage(sure("实施学校数最"))};
  EXPECT_EQ(ocr::CorrectByDocument(pages, engine_), 1);
  EXPECT_EQ(pages[0].tables[0].cells[0].text, "实施学校数量");
  EXPECT_TRUE(pages[0].tables[0].cells[0].corrected);
  EXPECT_EQ(pages[0].tables[0].cells[0].fixes, Ids{"ocr.line_net_glyph"});
  // Without the second recognizer's glyph reads, the reading stands.
  std::vector<PageContent> off{CellPage(sure("实施学校数最"))};
  EXPECT_EQ(ocr::CorrectByDocument(off, engine_, Without({"ocr.line_net_glyph"})), 0);
  EXPECT_EQ(off[0].tables[0].cells[0].text, "实施学校数最");
  EXPECT_TRUE(off[0].tables[0].cells[0].fixes.empty());
  // A reading that makes a word (数目) is not asked about, whatever the glyph shows.
  std::vector<PageContent> word{CellPage(sure("实施学校数目"))};
  EXPECT_EQ(ocr::CorrectByDocument(word, engine_), 0);
  // Nor a sure reading in prose, outside the tables (a read for every 的 between two words).
  std::vector<PageContent> prose{Page({sure("实施学校数最")})};
  EXPECT_EQ(ocr::CorrectByDocument(prose, engine_), 0);
  EXPECT_EQ(prose[0].lines.back().text, "实施学校数最");
}

TEST_F(DocumentLexicon, ALineTheDocumentPrintsClearlyIsThatLine) {
  // 工程预算 stands clearly twice: the line read 工程蔬算 is it when the glyph agrees.
  std::vector<PageContent> pages{
      Page({Read("工程预算"), Read("工程预算"), Read("工程蔬算", 2, Fixture("lexicon_yusuan.png"))})};
  EXPECT_EQ(ocr::CorrectByDocument(pages, engine_), 1);
  EXPECT_EQ(pages[0].lines.back().text, "工程预算");
  EXPECT_EQ(pages[0].lines.back().fixes, Ids{"ocr.doc_line"});
}

TEST_F(DocumentLexicon, EachFixOfTheDocumentCanBeSwitchedOff) {
  auto correct = [&](const Ids& off) {
    std::vector<PageContent> pages{Page({Read("工程蔬算", 2, Fixture("lexicon_yusuan.png"))})};
    ocr::CorrectByDocument(pages, engine_, Without(off));
    return pages[0].lines.back();
  };
  // Without the document's pairs, the word list proposes 预 (预算 is a word) all the same.
  const TextLine pairs_off = correct({"ocr.doc_pairs"});
  EXPECT_EQ(pairs_off.text, "工程预算");
  EXPECT_EQ(pairs_off.fixes, Ids{"ocr.word_list"});
  // Without either, nothing proposes it: the reading stands, and names nothing.
  const TextLine both_off = correct({"ocr.doc_pairs", "ocr.word_list", "ocr.line_net_glyph"});
  EXPECT_EQ(both_off.text, "工程蔬算");
  EXPECT_TRUE(both_off.fixes.empty());
  EXPECT_FALSE(both_off.corrected);
}

TEST_F(DocumentLexicon, SeveralEnginesShareTheLinesAndGiveWhatOneGives) {
  auto pages_of = [] {
    std::vector<PageContent> pages{
        Page({Read("工程蔬算", 2, Fixture("lexicon_yusuan.png")),
              Read("蔬菜配送", 0, Fixture("lexicon_shucai.png")),
              Read("营养腾食供给", 2, Fixture("lexicon_shanshi_scan.png"))})};
    pages.push_back(CellPage(Read("工程蔬算", 2, Fixture("lexicon_yusuan.png"))));
    return pages;
  };
  std::vector<PageContent> one = pages_of(), two = pages_of();
  OcrEngine second;
  const int n1 = ocr::CorrectByDocument(one, engine_);
  const int n2 = ocr::CorrectByDocument(two, std::vector<OcrEngine*>{engine_, nullptr, &second});
  EXPECT_EQ(n1, n2);
  EXPECT_GE(n1, 2);
  for (size_t p = 0; p < one.size(); ++p) {
    for (size_t i = 0; i < one[p].lines.size(); ++i)
      EXPECT_EQ(one[p].lines[i].text, two[p].lines[i].text);
    for (size_t t = 0; t < one[p].tables.size(); ++t)
      EXPECT_EQ(one[p].tables[t].cells[0].text, two[p].tables[t].cells[0].text);
  }
  EXPECT_EQ(two[1].tables[0].cells[0].text, "工程预算");
  EXPECT_EQ(ocr::CorrectByDocument(two, std::vector<OcrEngine*>{nullptr}), 0);
}

TEST_F(DocumentLexicon, NothingWithoutAGlyphOrAnEngine) {
  std::vector<PageContent> pages{Page({Read("工程蔬算", 2)})};  // no image kept
  EXPECT_EQ(ocr::CorrectByDocument(pages, engine_), 0);
  std::vector<PageContent> again{Page({Read("工程蔬算", 2, Fixture("lexicon_yusuan.png"))})};
  EXPECT_EQ(ocr::CorrectByDocument(again, nullptr), 0);
  EXPECT_EQ(again[0].lines.back().text, "工程蔬算");
}

TEST_F(DocumentLexicon, CellsAreJoinedAnew) {
  PageContent p = Page({});
  Table t;
  t.page = 1;
  TableCell c;
  c.lines = {Read("依据："), Read("工程蔬算", 2, Fixture("lexicon_yusuan.png"))};
  c.text = "依据：工程蔬算";
  t.cells.push_back(c);
  p.tables.push_back(t);
  std::vector<PageContent> pages{p};
  ocr::CorrectByDocument(pages, engine_);
  EXPECT_EQ(pages[0].tables[0].cells[0].text, "依据：工程预算");
  EXPECT_TRUE(pages[0].tables[0].cells[0].corrected);
}

TEST_F(DocumentLexicon, TextLayerPagesAreLeftAlone) {
  PageContent p;
  TextLine l;
  l.text = "工程蔬算";  // as printed: the text layer is never doubted
  p.lines = {l, l};
  std::vector<PageContent> pages{p};
  EXPECT_EQ(ocr::CorrectByDocument(pages, engine_), 0);
  EXPECT_EQ(pages[0].lines[0].text, "工程蔬算");
}

}  // namespace
}  // namespace jixiao
