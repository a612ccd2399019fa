#include "ocr/value_check.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace jixiao::ocr {

namespace {

// An operator glyph is at most this many em high and wide (≥ is about 0.6 em high in the
// fonts these tables print; a line of text is 1 em): a taller ink is two lines or a character.
constexpr double kMaxOperatorHeightEm = 1.0;
constexpr double kMaxOperatorWidthEm = 1.2;
// The two bars of ＝ are as long as each other; 二's top bar is about 0.7 of its bottom one.
constexpr double kEqualBarsShare = 0.85;

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
  const OpMatch m = ClassifyOperator(ink(g));
  if (m.op == OpClass::kOther) return std::nullopt;
  if (m.op == OpClass::kEq) {
    // The bars: the widths of the two largest components.
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink(g), labels, stats, centroids, 8, CV_32S);
    std::vector<std::pair<int, int>> bars;  // (area, width)
    for (int i = 1; i < n; ++i)
      bars.emplace_back(stats.at<int>(i, cv::CC_STAT_AREA), stats.at<int>(i, cv::CC_STAT_WIDTH));
    std::sort(bars.rbegin(), bars.rend());
    if (bars.size() < 2) return std::nullopt;
    const double a = bars[0].second, b = bars[1].second;
    if (std::min(a, b) < kEqualBarsShare * std::max(a, b)) return std::nullopt;
  }
  return m;
}

}  // namespace jixiao::ocr
