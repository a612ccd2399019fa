#include "ocr/preprocess.h"

#include <gtest/gtest.h>

#include <cmath>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "ocr/preprocess_internal.h"

namespace jixiao {
namespace {

using preprocess_internal::Components;
using preprocess_internal::Diagnostics;
using preprocess_internal::FindComponents;
using preprocess_internal::GuessUpsideDown;
using preprocess_internal::PrepareWithDiagnostics;
using preprocess_internal::PunctuationVotes;

constexpr double kDpi = 200;
const cv::Size kA4(1653, 2339);  // A4 at 200 dpi

// Geometry of the synthetic page, in pixels of the upright page at 200 dpi.
struct Layout {
  std::vector<int> rule_rows;  // y of the horizontal table rules
  int table_x0 = 150, table_x1 = 1500;
  cv::Point period;  // centre of a lone period after the last text line
};

// A budget-table-like page: a title, paragraphs of digit-and-capital text with commas and
// periods, a ruled table with numbers in its cells.
cv::Mat DrawPage(Layout* layout) {
  cv::Mat page(kA4, CV_8UC1, cv::Scalar(255));
  const int font = cv::FONT_HERSHEY_SIMPLEX;
  cv::putText(page, "2020 BUDGET OF THE FINANCE BUREAU", {330, 200}, font, 1.6, 0, 3, cv::LINE_AA);
  int y = 300;
  const std::vector<std::string> lines = {
      "1. PROJECT 318002, FUNDS 1,234.56, PAID 2020.",
      "2. TARGETS MET: 98.5, 100.0, 12.05, 30.00.",
      "3. OFFICE RENT 120,526.20, AREA 4,017.54, 30.",
      "4. STAFF 74, SALARY 17.92, OTHER 8.2, 100.",
      "5. NETWORK 89, UPTIME 99.9, COST 45.6, 2021.",
      "6. REVIEW 2019, 2020, 2021, PLAN 3, 6, 9, 12.",
  };
  for (int rep = 0; rep < 2; ++rep) {
    for (const std::string& s : lines) {
      cv::putText(page, s, {160, y}, font, 1.0, 0, 2, cv::LINE_AA);
      y += 48;
    }
  }
  // Table: 10 rows, 5 columns.
  const int top = y + 20, row_h = 60, rows = 10;
  for (int r = 0; r <= rows; ++r) {
    const int ry = top + r * row_h;
    cv::line(page, {layout->table_x0, ry}, {layout->table_x1, ry}, 0, 2);
    layout->rule_rows.push_back(ry);
  }
  const std::vector<int> cols = {layout->table_x0, 420, 700, 980, 1260, layout->table_x1};
  for (int c : cols) cv::line(page, {c, top}, {c, top + rows * row_h}, 0, 2);
  for (int r = 0; r < rows; ++r) {
    for (size_t c = 0; c + 1 < cols.size(); ++c) {
      const std::string cell = std::to_string(100 + 37 * r + 11 * static_cast<int>(c)) + "." +
                               std::to_string(10 + r) + ",";
      cv::putText(page, cell, {cols[c] + 20, top + r * row_h + 42}, font, 0.9, 0, 2, cv::LINE_AA);
    }
  }
  y = top + rows * row_h + 80;
  for (const std::string& s : lines) {
    cv::putText(page, s, {160, y}, font, 1.0, 0, 2, cv::LINE_AA);
    y += 48;
  }
  // A lone period right after the last line's text.
  cv::Size size = cv::getTextSize(lines.back(), font, 1.0, 2, nullptr);
  layout->period = {160 + size.width + 14, y - 48 - 2};
  cv::circle(page, layout->period, 3, 0, -1, cv::LINE_AA);
  return page;
}

// Turns the page content counterclockwise by `degrees` about the centre, white outside.
cv::Mat Skew(const cv::Mat& page, double degrees) {
  cv::Mat out;
  const cv::Point2f c(0.5f * (page.cols - 1), 0.5f * (page.rows - 1));
  cv::warpAffine(page, out, cv::getRotationMatrix2D(c, degrees, 1.0), page.size(), cv::INTER_LINEAR,
                 cv::BORDER_CONSTANT, cv::Scalar(255));
  return out;
}

// What scanners add: blur, noise, yellowed paper with light falling off, toner specks.
struct Dirt {
  double blur = 0.7;
  double noise = 8;
  bool yellow = false;
  double light = 0;  // 0..1: how much darker the far corner is
  int specks = 0;
};

cv::Mat Degrade(const cv::Mat& page, const Dirt& dirt, std::vector<cv::Point>* speck_at,
                uint64_t seed = 7) {
  cv::Mat g;
  page.convertTo(g, CV_32F);
  if (dirt.yellow) g = g * (232.0 / 255.0);  // a yellowed sheet as a gray scanner sees it
  if (dirt.light > 0) {
    for (int y = 0; y < g.rows; ++y) {
      float* row = g.ptr<float>(y);
      for (int x = 0; x < g.cols; ++x) {
        row[x] *= static_cast<float>(1 - dirt.light * (0.6 * x / g.cols + 0.4 * y / g.rows));
      }
    }
  }
  if (dirt.blur > 0) cv::GaussianBlur(g, g, cv::Size(), dirt.blur);
  cv::RNG rng(seed);
  cv::Mat noise(g.size(), CV_32F);
  rng.fill(noise, cv::RNG::NORMAL, 0, dirt.noise);
  g += noise;
  for (int i = 0; i < dirt.specks; ++i) {
    const cv::Point p(rng.uniform(20, g.cols - 20), rng.uniform(20, g.rows - 20));
    cv::circle(g, p, rng.uniform(1, 3), cv::Scalar(rng.uniform(0, 100)), -1);
    if (speck_at != nullptr) speck_at->push_back(p);
  }
  cv::Mat out;
  g.convertTo(out, CV_8U);
  return out;
}

cv::Mat Turn(const cv::Mat& m, int clockwise) {
  cv::Mat out;
  if (clockwise == 90) cv::rotate(m, out, cv::ROTATE_90_CLOCKWISE);
  if (clockwise == 180) cv::rotate(m, out, cv::ROTATE_180);
  if (clockwise == 270) cv::rotate(m, out, cv::ROTATE_90_COUNTERCLOCKWISE);
  if (clockwise == 0) out = m.clone();
  return out;
}

// Fraction of [x0, x1) on which the binary has ink within +-band rows of y.
double RuleCoverage(const cv::Mat& binary, int y, int x0, int x1, int band) {
  int covered = 0;
  for (int x = x0; x < x1; ++x) {
    for (int dy = -band; dy <= band; ++dy) {
      const int yy = y + dy;
      if (yy >= 0 && yy < binary.rows && binary.at<uint8_t>(yy, x) != 0) {
        ++covered;
        break;
      }
    }
  }
  return static_cast<double>(covered) / (x1 - x0);
}

TEST(Prepare, EmptyAndTinyImagesComeBackUnchanged) {
  PreparedPage empty = Prepare(PageImage{});
  EXPECT_TRUE(empty.image.gray.empty());
  EXPECT_EQ(empty.skew_degrees, 0);
  EXPECT_EQ(empty.orientation, 0);

  cv::Mat tiny(10, 12, CV_8UC1, cv::Scalar(200));
  PreparedPage t = Prepare(PageImage{tiny, kDpi, 3});
  EXPECT_EQ(t.image.gray.size(), tiny.size());
  EXPECT_EQ(t.image.page, 3);
  EXPECT_EQ(t.binary.size(), tiny.size());
  EXPECT_EQ(t.skew_degrees, 0);

  cv::Mat one_row(1, 500, CV_8UC1, cv::Scalar(0));
  EXPECT_EQ(Prepare(PageImage{one_row, kDpi, 1}).image.gray.size(), one_row.size());

  cv::Mat wide16(100, 100, CV_16UC1, cv::Scalar(1000));
  PreparedPage w = Prepare(PageImage{wide16, kDpi, 1});
  EXPECT_EQ(w.skew_degrees, 0);
  EXPECT_EQ(w.binary.size(), wide16.size());
}

TEST(Prepare, BlankPageStaysBlank) {
  for (double dpi : {kDpi, 0.0, -5.0, 1e9}) {
    cv::Mat blank(kA4, CV_8UC1, cv::Scalar(228));
    PreparedPage p = Prepare(PageImage{blank, dpi, 1});
    EXPECT_EQ(p.skew_degrees, 0) << dpi;
    EXPECT_EQ(p.orientation, 0) << dpi;
    EXPECT_EQ(p.image.gray.size(), kA4);
    EXPECT_EQ(p.image.dpi, dpi);
    EXPECT_EQ(cv::countNonZero(p.binary), 0) << dpi;
    double lo = 0;
    cv::minMaxLoc(p.image.gray, &lo);
    EXPECT_GE(lo, 240) << dpi;
  }
}

TEST(Prepare, DoesNotTouchTheCallersImage) {
  Layout layout;
  cv::Mat scan = Degrade(Skew(DrawPage(&layout), 1.3), Dirt{}, nullptr);
  cv::Mat copy = scan.clone();
  Prepare(PageImage{scan, kDpi, 1});
  EXPECT_EQ(cv::norm(scan, copy, cv::NORM_INF), 0);
}

TEST(Prepare, ColourInputIsTakenAsGray) {
  Layout layout;
  cv::Mat gray = Degrade(Skew(DrawPage(&layout), -0.8), Dirt{}, nullptr);
  cv::Mat bgr;
  cv::cvtColor(gray, bgr, cv::COLOR_GRAY2BGR);
  PreparedPage p = Prepare(PageImage{bgr, kDpi, 1});
  EXPECT_EQ(p.image.gray.type(), CV_8UC1);
  EXPECT_NEAR(p.skew_degrees, -0.8, 0.1);
}

class SkewTest : public ::testing::TestWithParam<double> {};

TEST_P(SkewTest, RecoversTheAngleWithinATenthOfADegree) {
  const double angle = GetParam();
  Layout layout;
  Dirt dirt;
  dirt.specks = 150;  // specks must not pull the estimate
  const cv::Mat scan = Degrade(Skew(DrawPage(&layout), angle), dirt, nullptr);
  const PreparedPage p = Prepare(PageImage{scan, kDpi, 1});
  EXPECT_NEAR(p.skew_degrees, angle, 0.1);
  EXPECT_EQ(p.orientation, 0);
  EXPECT_EQ(p.image.gray.size(), kA4);
  EXPECT_EQ(p.binary.size(), kA4);
  // Straightened: the table rules are back on their rows.
  for (int y : layout.rule_rows) {
    EXPECT_GT(RuleCoverage(p.binary, y, layout.table_x0 + 5, layout.table_x1 - 5, 3), 0.97)
        << "rule at " << y;
  }
}

INSTANTIATE_TEST_SUITE_P(Angles, SkewTest,
                         ::testing::Values(-4.8, -2.35, -0.7, -0.15, 0.0, 0.4, 1.85, 3.3, 5.0));

TEST(Prepare, SkewBeyondTheLimitIsNotChased) {
  Layout layout;
  const cv::Mat scan = Degrade(Skew(DrawPage(&layout), 1.5), Dirt{}, nullptr);
  PrepareOptions options;
  options.max_skew_degrees = 0;
  EXPECT_EQ(Prepare(PageImage{scan, kDpi, 1}, options).skew_degrees, 0);
  options.max_skew_degrees = 1.0;
  EXPECT_LE(std::abs(Prepare(PageImage{scan, kDpi, 1}, options).skew_degrees), 1.0);
}

class OrientationTest : public ::testing::TestWithParam<int> {};

TEST_P(OrientationTest, UndoesQuarterTurns) {
  const int turn = GetParam();
  Layout layout;
  const cv::Mat upright = DrawPage(&layout);
  const cv::Mat scan = Turn(Degrade(Skew(upright, 0.9), Dirt{}, nullptr), turn);
  Diagnostics d;
  const PreparedPage p = PrepareWithDiagnostics(PageImage{scan, kDpi, 1}, PrepareOptions{}, &d);
  EXPECT_EQ(p.orientation, turn);
  EXPECT_NEAR(p.skew_degrees, 0.9, 0.1);
  ASSERT_EQ(p.image.gray.size(), kA4);
  // Own evidence suffices here: lines across the page, periods at their feet.
  EXPECT_EQ(p.orientation_source, OrientationSource::kLayout);
  EXPECT_EQ(d.direction > 0, turn % 180 == 0);
  // The result lies over the upright page.
  cv::Mat ink_upright = upright < 128;
  cv::dilate(ink_upright, ink_upright, cv::Mat::ones(7, 7, CV_8U));
  const double inside = cv::countNonZero(p.binary & ink_upright);
  EXPECT_GT(inside / cv::countNonZero(p.binary), 0.97);
}

INSTANTIATE_TEST_SUITE_P(Turns, OrientationTest, ::testing::Values(0, 90, 180, 270));

TEST(Prepare, AsksOsdWhenThePageHasNoPunctuation) {
  // A few lines of words in mid-page: no marks to vote, no top-heavy layout to lean on.
  cv::Mat upright(kA4, CV_8UC1, cv::Scalar(255));
  const std::vector<std::string> words = {
      "PERFORMANCE TARGETS FOR THE YEAR", "FINANCE BUREAU OF THE DISTRICT",
      "PROJECT BUDGET AND OUTPUT INDICATORS", "ANNUAL REVIEW OF PUBLIC SPENDING"};
  for (size_t i = 0; i < words.size(); ++i) {
    cv::putText(upright, words[i], {200, 1050 + 70 * static_cast<int>(i)}, cv::FONT_HERSHEY_SIMPLEX,
                1.4, 0, 3, cv::LINE_AA);
  }
  const cv::Mat scan = Turn(Degrade(upright, Dirt{}, nullptr), 180);
  Diagnostics d;
  const PreparedPage p = PrepareWithDiagnostics(PageImage{scan, kDpi, 1}, PrepareOptions{}, &d);
  if (d.osd_orientation < 0) GTEST_SKIP() << "Tesseract OSD (osd.traineddata) not available";
  EXPECT_EQ(p.orientation_source, OrientationSource::kOsd);
  EXPECT_EQ(p.orientation, 180);
  // Without OSD the page stays as it is: nothing says otherwise.
  PrepareOptions no_osd;
  no_osd.use_osd = false;
  EXPECT_EQ(Prepare(PageImage{scan, kDpi, 1}, no_osd).orientation_source,
            OrientationSource::kGuess);
}

TEST(Prepare, OneStrayMarkDoesNotTurnAPageOver) {
  // Neither the marks clearly nor OSD decided: a single mark voting upside down (a speck by a
  // stroke, a piece of a seal) does not outweigh a page whose ink stands at its top.
  const PrepareOptions o;
  EXPECT_FALSE(GuessUpsideDown(PunctuationVotes{0, 1}, 0.3, o));
  // Two more marks one way do decide, wherever the ink is.
  EXPECT_TRUE(GuessUpsideDown(PunctuationVotes{0, 2}, 0.3, o));
  EXPECT_FALSE(GuessUpsideDown(PunctuationVotes{2, 0}, 0.9, o));
  // Even marks, or one apart: the ink's centre decides (low on the sheet: upside down).
  EXPECT_TRUE(GuessUpsideDown(PunctuationVotes{1, 0}, 0.9, o));
  EXPECT_FALSE(GuessUpsideDown(PunctuationVotes{0, 0}, -1, o));
}

TEST(Prepare, OrientationCanBeLeftAlone) {
  Layout layout;
  const cv::Mat scan = Turn(Degrade(DrawPage(&layout), Dirt{}, nullptr), 180);
  PrepareOptions options;
  options.detect_orientation = false;
  const PreparedPage p = Prepare(PageImage{scan, kDpi, 1}, options);
  EXPECT_EQ(p.orientation, 0);
  EXPECT_EQ(p.orientation_source, OrientationSource::kNone);
}

TEST(Prepare, TransformMapsScanPixelsOntoThePreparedPage) {
  Layout layout;
  cv::Mat upright = DrawPage(&layout);
  const cv::Mat scan = Turn(Degrade(Skew(upright, -2.0), Dirt{}, nullptr), 90);
  const PreparedPage p = Prepare(PageImage{scan, kDpi, 1});
  ASSERT_EQ(p.orientation, 90);
  // Every ink pixel of the scan lands on ink of the prepared page (give or take a pixel).
  cv::Mat ink;
  cv::dilate(p.binary, ink, cv::Mat::ones(5, 5, CV_8U));
  int hits = 0, total = 0;
  for (int y = 0; y < scan.rows; y += 3) {
    for (int x = 0; x < scan.cols; x += 3) {
      if (scan.at<uint8_t>(y, x) > 60) continue;
      const cv::Vec2d q = p.transform * cv::Vec3d(x, y, 1);
      const int u = static_cast<int>(std::lround(q[0])), v = static_cast<int>(std::lround(q[1]));
      if (u < 0 || v < 0 || u >= ink.cols || v >= ink.rows) continue;
      ++total;
      hits += ink.at<uint8_t>(v, u) != 0;
    }
  }
  ASSERT_GT(total, 1000);
  EXPECT_GT(static_cast<double>(hits) / total, 0.98);
}

TEST(Prepare, FlattensYellowedUnevenPaperAndKeepsInkDark) {
  Layout layout;
  const cv::Mat upright = DrawPage(&layout);
  Dirt dirt;
  dirt.yellow = true;
  dirt.light = 0.3;
  dirt.noise = 10;
  const cv::Mat scan = Degrade(upright, dirt, nullptr);
  EXPECT_NEAR(Prepare(PageImage{scan, kDpi, 1}).skew_degrees, 0, 0.05);
  PrepareOptions options;
  options.max_skew_degrees = 0;  // pixels compare one to one
  const PreparedPage p = Prepare(PageImage{scan, kDpi, 1}, options);
  // Paper: pixels at least 4 px from any ink of the clean page.
  cv::Mat near_ink;
  cv::dilate(upright < 250, near_ink, cv::Mat::ones(9, 9, CV_8U));
  const cv::Mat paper = near_ink == 0;
  const cv::Mat white = p.image.gray >= 240;
  EXPECT_GT(static_cast<double>(cv::countNonZero(paper & white)) / cv::countNonZero(paper), 0.995);
  // Ink: the cores of the strokes stay dark.
  cv::Mat core;
  cv::erode(upright < 64, core, cv::Mat::ones(2, 2, CV_8U));
  const cv::Mat dark = p.image.gray < 100;
  EXPECT_GT(static_cast<double>(cv::countNonZero(core & dark)) / cv::countNonZero(core), 0.95);
  // The binary holds the ink and not the paper.
  cv::Mat ink_or_halo;
  cv::dilate(upright < 200, ink_or_halo, cv::Mat::ones(5, 5, CV_8U));
  EXPECT_GT(static_cast<double>(cv::countNonZero(p.binary & core)) / cv::countNonZero(core), 0.99);
  EXPECT_LT(cv::countNonZero(p.binary & (ink_or_halo == 0)), 200);
}

TEST(Prepare, KeepsFaintRulesAndThinStrokes) {
  cv::Mat page(kA4, CV_8UC1, cv::Scalar(255));
  // Hairline rules, faint: 1 px at 170 gray (a tired photocopy's table), and thin text.
  for (int i = 0; i < 8; ++i) cv::line(page, {200, 500 + 80 * i}, {1450, 500 + 80 * i}, 170, 1);
  for (int i = 0; i < 8; ++i) {
    cv::putText(page, "12,345.67  890.12  TOTAL.", {230, 550 + 80 * i}, cv::FONT_HERSHEY_SIMPLEX,
                0.8, 120, 1, cv::LINE_AA);
  }
  Dirt dirt;
  dirt.yellow = true;
  dirt.light = 0.2;
  const cv::Mat scan = Degrade(page, dirt, nullptr);
  PrepareOptions options;
  options.max_skew_degrees = 0;  // compare pixel for pixel
  const PreparedPage p = Prepare(PageImage{scan, kDpi, 1}, options);
  for (int i = 0; i < 8; ++i) {
    EXPECT_GT(RuleCoverage(p.binary, 500 + 80 * i, 205, 1445, 1), 0.98) << "rule " << i;
  }
  cv::Mat strokes = page < 200;
  EXPECT_GT(static_cast<double>(cv::countNonZero(p.binary & strokes)) / cv::countNonZero(strokes),
            0.9);
}

TEST(Prepare, RemovesIsolatedSpecksButNotPeriods) {
  Layout layout;
  const cv::Mat upright = DrawPage(&layout);
  Dirt dirt;
  dirt.specks = 300;
  std::vector<cv::Point> specks;
  const cv::Mat scan = Degrade(upright, dirt, &specks);
  Diagnostics d;
  PrepareOptions options;
  options.max_skew_degrees = 0;
  const PreparedPage p = PrepareWithDiagnostics(PageImage{scan, kDpi, 1}, options, &d);
  EXPECT_GT(d.specks_removed, 100);
  // Specks far (4 mm+) from the page's content are gone from the binary and the image.
  cv::Mat content;
  cv::dilate(upright < 250, content, cv::Mat::ones(63, 63, CV_8U));
  int far = 0;
  for (const cv::Point& s : specks) {
    if (content.at<uint8_t>(s) != 0) continue;
    ++far;
    const cv::Rect box = cv::Rect(s.x - 4, s.y - 4, 9, 9) & cv::Rect(0, 0, kA4.width, kA4.height);
    EXPECT_EQ(cv::countNonZero(p.binary(box)), 0) << s;
    double lo = 0;
    cv::minMaxLoc(p.image.gray(box), &lo);
    EXPECT_GE(lo, 200) << s;
  }
  EXPECT_GT(far, 120);
  // The period after the text stays, in the binary and in the image.
  const cv::Rect dot(layout.period.x - 4, layout.period.y - 4, 9, 9);
  EXPECT_GT(cv::countNonZero(p.binary(dot)), 10);
  double lo = 255;
  cv::minMaxLoc(p.image.gray(dot), &lo);
  EXPECT_LT(lo, 100);
  // Rules stay whole, including where a speck fell on them.
  for (int y : layout.rule_rows) {
    EXPECT_GT(RuleCoverage(p.binary, y, layout.table_x0, layout.table_x1, 2), 0.99) << y;
  }
}

TEST(Prepare, SpeckOnARuleDoesNotBreakIt) {
  cv::Mat page(kA4, CV_8UC1, cv::Scalar(255));
  cv::line(page, {200, 1000}, {1400, 1000}, 0, 2);
  cv::circle(page, {700, 1002}, 2, 0, -1);   // touching the rule
  cv::circle(page, {900, 1004}, 1, 40, -1);  // just under it
  PrepareOptions options;
  options.max_skew_degrees = 0;
  const PreparedPage p = Prepare(PageImage{Degrade(page, Dirt{}, nullptr), kDpi, 1}, options);
  EXPECT_GT(RuleCoverage(p.binary, 1000, 200, 1400, 1), 0.995);
}

TEST(Components, MatchOpenCv) {
  cv::RNG rng(3);
  for (int t = 0; t < 100; ++t) {
    cv::Mat m(rng.uniform(1, 80), rng.uniform(1, 80), CV_8UC1);
    rng.fill(m, cv::RNG::UNIFORM, 0, 2);
    m *= 255;
    if (t % 2 == 0) cv::dilate(m, m, cv::Mat());
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(m, labels, stats, centroids, 8, CV_32S);
    const Components cc = FindComponents(m);
    ASSERT_EQ(cc.count(), n);
    // Same components: label by label, through the first pixel of each run.
    std::vector<int> to_cv(n, -1);
    for (size_t r = 0; r < cc.runs.size(); ++r) {
      const cv::Vec3i& run = cc.runs[r];
      for (int x = run[1]; x < run[2]; ++x) {
        const int l = labels.at<int>(run[0], x);
        if (to_cv[cc.run_label[r]] < 0) to_cv[cc.run_label[r]] = l;
        ASSERT_EQ(to_cv[cc.run_label[r]], l);
      }
    }
    for (int i = 1; i < n; ++i) {
      for (int k = 0; k < 5; ++k) {
        ASSERT_EQ(cc.stats.at<int>(i, k), stats.at<int>(to_cv[i], k)) << t << " " << i;
      }
    }
  }
}

}  // namespace
}  // namespace jixiao
