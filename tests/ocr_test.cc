// The OCR path on line images rendered for these tests (tests/data/ocr/make_fixtures.sh):
// the operator classifier, line splitting, rule removal, the ASCII recognizer, the lexicon,
// and inputs that must never take the process down.
#include <gtest/gtest.h>

#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "core/text.h"
#include "ocr/engine.h"
#include "ocr/lexicon.h"
#include "ocr/line_reader.h"
#include "ocr/lines.h"
#include "ocr/operator.h"
#include "ocr/scanned_page.h"
#include "ocr/text_fixes.h"
#include "ocr/value_check.h"
#include "tests/line_net_testing.h"

namespace jixiao {
namespace {

constexpr double kDpi = 200;  // the fixtures are drawn at a 200 dpi scan's size

cv::Mat Gray(const std::string& name) {
  cv::Mat m = cv::imread(std::string(JIXIAO_SOURCE_DIR) + "/tests/data/ocr/" + name, cv::IMREAD_GRAYSCALE);
  EXPECT_FALSE(m.empty()) << name;
  return m;
}

cv::Mat Ink(const cv::Mat& gray) {
  cv::Mat ink;
  cv::threshold(gray, ink, 160, 255, cv::THRESH_BINARY_INV);
  return ink;
}

// One engine for the whole test program: creating it loads the models.
OcrEngine& Engine() {
  static OcrEngine engine;
  return engine;
}

std::string Read(const std::string& name, bool values = true) {
  const cv::Mat gray = Gray(name);
  return Compact(ocr::ReadTextLine(Engine().impl(), gray, Ink(gray), kDpi, values).text);
}

ocr::OpClass FirstGlyphClass(const std::string& name) {
  const cv::Mat ink = Ink(Gray(name));
  const cv::Rect g = ocr::FirstGlyph(ink);
  if (g.empty()) return ocr::OpClass::kOther;
  return ocr::ClassifyOperator(ink(g)).op;
}

TEST(OcrOperator, ClassifiesOperatorGlyphsOfSeveralFonts) {
  EXPECT_EQ(FirstGlyphClass("op_ge_uming.png"), ocr::OpClass::kGe);  // slanted ⩾ form
  EXPECT_EQ(FirstGlyphClass("op_ge_serif.png"), ocr::OpClass::kGe);
  EXPECT_EQ(FirstGlyphClass("op_le_sans.png"), ocr::OpClass::kLe);
  EXPECT_EQ(FirstGlyphClass("op_le_uming.png"), ocr::OpClass::kLe);
  EXPECT_EQ(FirstGlyphClass("op_eq_uming.png"), ocr::OpClass::kEq);
  EXPECT_EQ(FirstGlyphClass("op_lt_serif.png"), ocr::OpClass::kLt);
}

TEST(OcrOperator, LeavesDigitsAndCharactersAlone) {
  EXPECT_EQ(FirstGlyphClass("plain_2021.png"), ocr::OpClass::kOther);
  EXPECT_EQ(FirstGlyphClass("plain_zhi.png"), ocr::OpClass::kOther);
  EXPECT_EQ(FirstGlyphClass("code_mono.png"), ocr::OpClass::kOther);
  EXPECT_EQ(FirstGlyphClass("bold_header.png"), ocr::OpClass::kOther);
}

TEST(OcrOperator, DegenerateGlyphsAreNoOperator) {
  EXPECT_EQ(ocr::ClassifyOperator(cv::Mat()).op, ocr::OpClass::kOther);
  EXPECT_EQ(ocr::ClassifyOperator(cv::Mat(1, 1, CV_8UC1, cv::Scalar(255))).op, ocr::OpClass::kOther);
  EXPECT_EQ(ocr::ClassifyOperator(cv::Mat(30, 30, CV_8UC1, cv::Scalar(0))).op, ocr::OpClass::kOther);
  EXPECT_TRUE(ocr::FirstGlyph(cv::Mat(10, 10, CV_8UC1, cv::Scalar(0))).empty());
}

// `name`'s line with its first glyph moved right against the next one, joined by one column of
// faint gray (a scan's blur: ≥95% one run of ink), and that line's ink as a scan's binarization
// takes it (lighter than 215).
struct Joined {
  cv::Mat gray, ink;
  int join = 0;  // the join's column
};
Joined JoinFirstGlyph(const std::string& name) {
  const cv::Mat gray = Gray(name);
  const cv::Rect g = ocr::FirstGlyph(Ink(gray));
  int next = g.x + g.width;
  while (next < gray.cols && cv::countNonZero(Ink(gray).col(next)) == 0) ++next;
  Joined out;
  out.join = g.x + g.width;
  cv::Mat join(gray.rows, 1, CV_8UC1, cv::Scalar(255));
  for (int y = 0; y < gray.rows; ++y) {
    const int dark = std::min(gray.at<uchar>(y, out.join - 1), gray.at<uchar>(y, next));
    join.at<uchar>(y, 0) = static_cast<uchar>(255 - (255 - dark) / 4);  // 0 -> 192
  }
  cv::hconcat(
      std::vector<cv::Mat>{gray.colRange(0, out.join), join, gray.colRange(next, gray.cols)},
      out.gray);
  cv::threshold(out.gray, out.ink, 215, 255, cv::THRESH_BINARY_INV);
  return out;
}

TEST(OcrOperator, TouchingCutFindsTheFaintJoin) {
  const Joined j = JoinFirstGlyph("op_ge_uming.png");
  const int height = cv::boundingRect(j.ink).height;
  // The first run of inked columns reaches into the 9 now.
  EXPECT_GT(ocr::FirstGlyph(j.ink).width, 1.2 * height);
  const int cut = ocr::TouchingCut(j.gray, j.ink, height);
  EXPECT_GE(cut, j.join - 1);
  EXPECT_LE(cut, j.join + 1);
  EXPECT_EQ(ocr::ClassifyOperator(j.ink(ocr::FirstGlyph(j.ink.colRange(0, cut)))).op,
            ocr::OpClass::kGe);
  // Glyphs apart, or joined by a stroke as dark as the others (a character's own stroke): no
  // cut.
  const cv::Mat apart = Gray("op_ge_uming.png");
  EXPECT_EQ(ocr::TouchingCut(apart, Ink(apart), height), -1);
  cv::Mat dark = j.gray.clone();
  dark.col(j.join).setTo(0, j.ink.col(j.join) != 0);
  EXPECT_EQ(ocr::TouchingCut(dark, j.ink, height), -1);
  EXPECT_EQ(ocr::TouchingCut(cv::Mat(), cv::Mat(), height), -1);
}

// A cell's ink holding only the first glyph of `name` (the rest of the line white).
cv::Mat FirstGlyphAlone(const std::string& name) {
  const cv::Mat ink = Ink(Gray(name));
  const cv::Rect g = ocr::FirstGlyph(ink);
  cv::Mat cell = cv::Mat::zeros(ink.size(), CV_8UC1);
  ink(g).copyTo(cell(g));
  return cell;
}

TEST(OcrOperator, ACellHoldingAnOperatorAloneIsThatOperator) {
  // ocr.operator_cell: a table printing ≥ in a column of its own (绩效指标性质).
  const double em = ocr::DefaultEm(kDpi);
  auto op = [&](const cv::Mat& ink) {
    const auto m = ocr::LoneOperator(ink, em);
    return m ? m->op : ocr::OpClass::kOther;
  };
  EXPECT_EQ(op(FirstGlyphAlone("op_ge_uming.png")), ocr::OpClass::kGe);
  EXPECT_EQ(op(FirstGlyphAlone("op_le_sans.png")), ocr::OpClass::kLe);
  EXPECT_EQ(op(FirstGlyphAlone("op_eq_uming.png")), ocr::OpClass::kEq);
  // An operator before its number is no lone operator (ocr.operator_shape reads that line), nor
  // is a character or a digit alone.
  EXPECT_EQ(op(Ink(Gray("op_ge_uming.png"))), ocr::OpClass::kOther);
  EXPECT_EQ(op(FirstGlyphAlone("plain_zhi.png")), ocr::OpClass::kOther);
  EXPECT_EQ(op(FirstGlyphAlone("plain_2021.png")), ocr::OpClass::kOther);
  EXPECT_FALSE(ocr::LoneOperator(cv::Mat(), em));
  // A small ＝ as a 200 dpi office scan of AR PL UMing printed it (a 绩效指标性质 cell): 10 by 9
  // px, its bars thickened by the blur to a third of its height each, a speck on the top one.
  cv::Mat small_eq = cv::Mat::zeros(60, 60, CV_8UC1);
  cv::rectangle(small_eq, cv::Rect(20, 26, 10, 3), cv::Scalar(255), cv::FILLED);
  cv::rectangle(small_eq, cv::Rect(20, 31, 10, 3), cv::Scalar(255), cv::FILLED);
  small_eq.at<uchar>(25, 27) = 255;
  EXPECT_EQ(op(small_eq), ocr::OpClass::kEq);
  // Two bars of which the top one is shorter are 二, not ＝.
  cv::Mat er = cv::Mat::zeros(60, 60, CV_8UC1);
  cv::rectangle(er, cv::Rect(18, 20, 14, 3), cv::Scalar(255), cv::FILLED);
  cv::rectangle(er, cv::Rect(14, 34, 22, 3), cv::Scalar(255), cv::FILLED);
  EXPECT_EQ(op(er), ocr::OpClass::kOther);
}

TEST(OcrLineReader, ReadsOperatorsChiSimHasNoLetterFor) {
  EXPECT_EQ(Read("op_ge_uming.png"), "≥95%");
  EXPECT_EQ(Read("op_ge_serif.png"), "≥90%");
  EXPECT_EQ(Read("op_le_sans.png"), "≤预算控制数");
  EXPECT_EQ(Read("op_le_uming.png"), "≤15个工作日");
  // Outside values (text outside tables) the first glyph is read as Tesseract reads it.
  EXPECT_NE(Read("op_ge_uming.png", false), "≥95%");
}

TEST(OcrLineReader, ReadsAnOperatorJoinedToItsNumber) {
  // ≥95% printed close, the blur joining ≥ to 9: chi_sim reads the run as 295% or >95%.
  const Joined j = JoinFirstGlyph("op_ge_uming.png");
  const ocr::LineResult r = ocr::ReadTextLine(Engine().impl(), j.gray, j.ink, kDpi, true);
  EXPECT_EQ(Compact(r.text), "≥95%");
  EXPECT_EQ(r.fixes, std::vector<std::string>{"ocr.operator_shape"});
}

TEST(OcrLineReader, AnOperatorReadByItsShapeNamesTheFix) {
  const cv::Mat gray = Gray("op_ge_uming.png");
  const ocr::LineResult r = ocr::ReadTextLine(Engine().impl(), gray, Ink(gray), kDpi, true);
  EXPECT_EQ(Compact(r.text), "≥95%");
  EXPECT_TRUE(r.corrected);
  EXPECT_EQ(r.fixes, std::vector<std::string>{"ocr.operator_shape"});
  // Switched off, chi_sim reads the glyph as it can (the line cache does not answer for it).
  FixSwitches off;
  off.Disable("ocr.operator_shape");
  const ocr::LineResult plain = ocr::ReadTextLine(Engine().impl(), gray, Ink(gray), kDpi, true, nullptr, off);
  EXPECT_NE(Compact(plain.text), "≥95%");
  EXPECT_FALSE(plain.corrected);
  EXPECT_TRUE(plain.fixes.empty());
  // And on again, the cached reading of the first call is the answer.
  EXPECT_EQ(ocr::ReadTextLine(Engine().impl(), gray, Ink(gray), kDpi, true).fixes, r.fixes);
}

TEST(OcrLineReader, KeepsOrdinaryLines) {
  EXPECT_EQ(Read("plain_2021.png"), "2021年");
  EXPECT_EQ(Read("plain_er.png"), "二级指标");
  EXPECT_EQ(Read("bold_header.png"), "绩效指标描述");
}

TEST(OcrLineReader, ChecksCodesAgainstTheSecondRecognizer) {
  JIXIAO_NEEDS_LINE_NET();
  // A project code cut from an archive-profile scan (200 dpi) and blurred: the English model
  // alone takes the 5 of X5CA for an S; the second line recognizer reads the 5.
  EXPECT_EQ(Read("code_scan.png", false), "207-0505-JBN-X5CA");
  const cv::Mat gray = Gray("code_scan.png");
  EXPECT_EQ(ocr::ReadTextLine(Engine().impl(), gray, Ink(gray), kDpi, false).fixes,
            std::vector<std::string>{"ocr.code_lookalike"});
  FixSwitches off;
  off.Disable("ocr.code_lookalike");
  const ocr::LineResult alone = ocr::ReadTextLine(Engine().impl(), gray, Ink(gray), kDpi, false, nullptr, off);
  EXPECT_EQ(Compact(alone.text), "207-0505-JBN-XSCA");
  EXPECT_TRUE(alone.fixes.empty());
}

TEST(OcrLineReader, RereadsDigitsOfASuspiciousFormWithTheSecondRecognizer) {
  JIXIAO_NEEDS_LINE_NET();
  // ocr.digit_recheck. A goals cell of an archive-profile scan: chi_sim reads 4.2‰ as 4.%o (the
  // 2 lost) and 90% as 9% (the 0 lost); the line is too wide for the net, which reads a window
  // around each number.
  const cv::Mat gray = Gray("digits_scan.png");
  const ocr::LineResult r = ocr::ReadTextLine(Engine().impl(), gray, Ink(gray), kDpi, true);
  // (the net reads the ‰ as %o too, which ocr.per_mille mends)
  EXPECT_NE(ocr::FixSymbols(r.text).find("4.2‰以下"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("达到90%以上"), std::string::npos) << r.text;
  EXPECT_TRUE(r.corrected);
  EXPECT_NE(std::find(r.fixes.begin(), r.fixes.end(), "ocr.digit_recheck"), r.fixes.end());
  EXPECT_EQ(r.char_confidence.size(), ToU32(r.text).size());
  FixSwitches off;
  off.Disable("ocr.digit_recheck");
  const ocr::LineResult alone =
      ocr::ReadTextLine(Engine().impl(), gray, Ink(gray), kDpi, true, nullptr, off);
  EXPECT_EQ(alone.text.find("90%"), std::string::npos) << alone.text;
  // A value whose ≥ chi_sim reads as > after a speck: the net reads ≥ before the same number.
  const std::string value = Read("op_speck_scan.png");
  EXPECT_NE(value.find("≥90(%)"), std::string::npos) << value;
  // Outside table cells, lines are left as read.
  EXPECT_EQ(Read("digits_scan.png", false).find("90%"), std::string::npos);
}

TEST(OcrValueCheck, SuspiciousDigitForms) {
  EXPECT_TRUE(ocr::SuspiciousDigits("满意度≥8%"));       // a one-digit percentage
  EXPECT_TRUE(ocr::SuspiciousDigits("控制在4.%o以下"));  // a point before the sign
  EXPECT_TRUE(ocr::SuspiciousDigits("之95%"));           // 之 for ≥
  EXPECT_TRUE(ocr::SuspiciousDigits("一98%"));           // 一 for ＝ at the start
  EXPECT_TRUE(ocr::SuspiciousDigits("年度指标值:<150.00元"));
  EXPECT_FALSE(ocr::SuspiciousDigits("≥80%"));
  EXPECT_FALSE(ocr::SuspiciousDigits("0.5%"));      // a decimal's last digit
  EXPECT_FALSE(ocr::SuspiciousDigits("第三12个"));  // a numeral of the text
  EXPECT_FALSE(ocr::SuspiciousDigits("A>3"));       // within a code
  EXPECT_FALSE(ocr::SuspiciousDigits("完成率100%"));
}

TEST(OcrLineReader, ReadsCodesAndNumbersWithTheAsciiModel) {
  EXPECT_EQ(Read("code_mono.png"), "415-2203-JBN-7RKW");
  EXPECT_EQ(Read("number_mono.png"), "1200.50");
  const cv::Mat gray = Gray("code_mono.png");
  EXPECT_EQ(Engine().impl().ReadLine(gray, kDpi, ocr::Model::kAscii).text, "415-2203-JBN-7RKW");
}

TEST(OcrLines, SplitsAWrappedCellWhoseLinesTouch) {
  cv::Mat ink = Ink(Gray("wrapped_cell.png"));
  const double em = ocr::DefaultEm(kDpi);
  const std::vector<ocr::InkLine> lines = ocr::FindLines(ink, em, 0, 30);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_LT(lines[0].box.y, lines[1].box.y);
  EXPECT_GT(lines[0].box.width, 4 * lines[1].box.width);  // 7 characters, then 1
  // Each line's mask holds its own ink only.
  EXPECT_LE(lines[1].box.height, 1.2 * em);
}

TEST(OcrLines, RemovesRulesAndKeepsBoldText) {
  const cv::Mat text = Ink(Gray("bold_header.png"));
  cv::Mat cell = cv::Mat::zeros(text.rows + 20, text.cols + 20, CV_8UC1);
  text.copyTo(cell(cv::Rect(10, 10, text.cols, text.rows)));
  const int text_ink = cv::countNonZero(cell);
  // The cell's rules, 2 px thick, at its edges.
  cell.rowRange(0, 2).setTo(255);
  cell.rowRange(cell.rows - 2, cell.rows).setTo(255);
  cell.colRange(0, 2).setTo(255);
  cell.colRange(cell.cols - 2, cell.cols).setTo(255);
  ocr::RemoveRules(cell, ocr::DefaultEm(kDpi));
  EXPECT_EQ(cv::countNonZero(cell.rowRange(0, 2)), 0);
  EXPECT_EQ(cv::countNonZero(cell.colRange(0, 2)), 0);
  EXPECT_GT(cv::countNonZero(cell), 0.97 * text_ink);
}

TEST(OcrLines, DropsSpecksAwayFromText) {
  cv::Mat ink = Ink(Gray("plain_er.png"));
  const int before = cv::countNonZero(ink);
  cv::Mat page = cv::Mat::zeros(ink.rows + 100, ink.cols + 100, CV_8UC1);
  ink.copyTo(page(cv::Rect(50, 50, ink.cols, ink.rows)));
  cv::circle(page, {10, 10}, 2, 255, -1);
  cv::circle(page, {page.cols - 10, page.rows - 12}, 1, 255, -1);
  ocr::RemoveSpecks(page, ocr::DefaultEm(kDpi));
  EXPECT_EQ(cv::countNonZero(page), before);
}

TEST(OcrEngine, DegenerateCropsNeverCrash) {
  OcrEngine::Impl& e = Engine().impl();
  EXPECT_TRUE(e.ReadLine(cv::Mat(), kDpi, ocr::Model::kChinese).text.empty());
  EXPECT_TRUE(e.ReadLine(cv::Mat(1, 1, CV_8UC1, cv::Scalar(0)), kDpi, ocr::Model::kChinese).text.empty());
  EXPECT_TRUE(e.ReadLine(cv::Mat(40, 200, CV_8UC1, cv::Scalar(255)), kDpi, ocr::Model::kChinese).text.empty());
  EXPECT_TRUE(e.ReadLine(cv::Mat(40, 200, CV_8UC1, cv::Scalar(0)), kDpi, ocr::Model::kAscii).text.empty());
  EXPECT_TRUE(e.ReadLine(cv::Mat(40, 40, CV_8UC3, cv::Scalar(0, 0, 0)), kDpi, ocr::Model::kChinese).text.empty());
  // Thin slivers and single dots go through without harm, whatever they read as.
  for (cv::Size s : {cv::Size(3, 300), cv::Size(300, 3), cv::Size(6, 6), cv::Size(7, 2000)}) {
    cv::Mat m(s, CV_8UC1, cv::Scalar(255));
    m.at<uchar>(s.height / 2, s.width / 2) = 0;
    e.ReadLine(m, kDpi, ocr::Model::kChinese);
    e.ReadLine(m, kDpi, ocr::Model::kAscii, ocr::Layout::kChar);
    e.ReadLine(m, 0, ocr::Model::kChinese, ocr::Layout::kRawLine);
  }
  EXPECT_TRUE(ocr::ReadTextLine(e, cv::Mat(), cv::Mat(), kDpi, true).text.empty());
  const cv::Mat black(30, 30, CV_8UC1, cv::Scalar(0));
  ocr::ReadTextLine(e, black, cv::Mat(30, 30, CV_8UC1, cv::Scalar(255)), kDpi, true);
}

TEST(OcrPage, BlankAndSolidPagesGiveNoText) {
  PageImage blank;
  blank.gray = cv::Mat(1100, 850, CV_8UC1, cv::Scalar(255));
  blank.dpi = 100;
  blank.page = 3;
  PageContent c = ReadScannedPage(blank, Engine());
  EXPECT_EQ(c.page, 3);
  EXPECT_TRUE(c.tables.empty());
  EXPECT_TRUE(c.lines.empty());
  PageImage black = blank;
  black.gray = cv::Mat(1100, 850, CV_8UC1, cv::Scalar(0));
  ReadScannedPage(black, Engine());
  PageImage tiny = blank;
  tiny.gray = cv::Mat(1, 1, CV_8UC1, cv::Scalar(0));
  ReadScannedPage(tiny, Engine());
}

TEST(OcrPage, ReadsATableAndTheLinesAboveIt) {
  // A small ruled table drawn on a page, its cells filled with the rendered lines.
  PageImage page;
  page.gray = cv::Mat(700, 900, CV_8UC1, cv::Scalar(255));
  page.dpi = kDpi;
  page.page = 1;
  auto paste = [&](const std::string& name, int x, int y) {
    const cv::Mat g = Gray(name);
    g.copyTo(page.gray(cv::Rect(x, y, g.cols, g.rows)));
  };
  paste("plain_er.png", 60, 60);  // a line above the table
  const int x0 = 60, x1 = 840, xm = 400, y0 = 200, y1 = 280, y2 = 360;
  for (int y : {y0, y1, y2}) cv::line(page.gray, {x0, y}, {x1, y}, 0, 2);
  for (int x : {x0, xm, x1}) cv::line(page.gray, {x, y0}, {x, y2}, 0, 2);
  paste("bold_header.png", 100, 212);
  paste("op_ge_uming.png", 450, 218);
  paste("code_mono.png", 80, 298);
  paste("number_mono.png", 500, 298);
  PageContent c = ReadScannedPage(page, Engine());
  ASSERT_EQ(c.tables.size(), 1u);
  const Table& t = c.tables[0];
  ASSERT_NE(t.At(0, 0), nullptr);
  EXPECT_EQ(Compact(t.At(0, 0)->text), "绩效指标描述");
  EXPECT_EQ(Compact(t.At(0, 1)->text), "≥95%");
  EXPECT_TRUE(t.At(0, 1)->corrected);  // the operator came from the glyph's shape
  EXPECT_EQ(t.At(0, 1)->fixes, std::vector<std::string>{"ocr.operator_shape"});
  EXPECT_TRUE(t.At(0, 0)->fixes.empty());
  EXPECT_EQ(t.At(0, 1)->source, WordSource::kOcr);
  EXPECT_EQ(Compact(t.At(1, 0)->text), "415-2203-JBN-7RKW");
  EXPECT_EQ(Compact(t.At(1, 1)->text), "1200.50");
  ASSERT_EQ(c.lines.size(), 1u);
  EXPECT_EQ(Compact(c.lines[0].text), "二级指标");
  // Boxes are in points: the line was drawn at (60, 60) px at 200 dpi.
  EXPECT_NEAR(c.lines[0].box.x0, 60 * 72.0 / kDpi, 6);
  for (const TableCell& cell : t.cells) {
    EXPECT_GE(cell.confidence, 0.0);
    EXPECT_LE(cell.confidence, 1.0);
  }
}

TEST(OcrLexicon, CorrectsNearMissesOfKnownTerms) {
  EXPECT_EQ(ocr::NearestTerm("产出指标."), "产出指标");
  EXPECT_EQ(ocr::NearestTerm("效果指标。"), "效果指标");  // a speck read as a full stop
  EXPECT_EQ(ocr::NearestTerm("清意度指标"), "满意度指标");
  EXPECT_EQ(ocr::NearestTerm("绩效指标描述J"), "绩效指标描述");
  EXPECT_EQ(ocr::NearestTerm("服务对象形意度指标"), "服务对象满意度指标");
  EXPECT_EQ(ocr::NearestTerm("其中;财政资金"), "其中：财政资金");
}

TEST(OcrLexicon, LeavesTermsVariantsTiesAndShortWordsAlone) {
  EXPECT_FALSE(ocr::NearestTerm("数量指标"));        // a term as it is
  EXPECT_FALSE(ocr::NearestTerm("服务对象满意度"));  // a variant, not a truncated term
  EXPECT_FALSE(ocr::NearestTerm("可持续性影响"));
  EXPECT_FALSE(ocr::NearestTerm("贡量指标"));        // as near to 数量指标 as to 质量指标
  EXPECT_FALSE(ocr::NearestTerm("预算"));            // too short to tell
  EXPECT_FALSE(ocr::NearestTerm("工作计划"));
  EXPECT_FALSE(ocr::NearestTerm("12月底前"));          // a value, not the label 12月底
  EXPECT_FALSE(ocr::NearestTerm("服务对象满意度高"));
  EXPECT_FALSE(ocr::NearestTerm(""));
  EXPECT_EQ(ocr::EditDistance(U"合同", U"台同"), 1);
}

TEST(OcrLexicon, RowContextSettlesMonthLabels) {
  EXPECT_EQ(ocr::NearestTermInRow("上月底", {"资金支出计划", "6月底", "10月底", "12月底"}), "3月底");
  EXPECT_EQ(ocr::NearestTermInRow("月底", {"3月底", "10月底", "12月底"}), "6月底");
  EXPECT_EQ(ocr::NearestTermInRow("和9月底", {"6月底", "10月底", "12月底"}), "3月底");
  EXPECT_FALSE(ocr::NearestTermInRow("上月底", {"6月底"}));  // too little context
  EXPECT_FALSE(ocr::NearestTermInRow("工作计划", {"6月底", "10月底", "12月底"}));
}

// FixSymbols and the speck trims: tests/fixes_test.cc, a table of rows per fix.

}  // namespace
}  // namespace jixiao
