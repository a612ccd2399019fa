#include "ocr/operator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace jixiao::ocr {

namespace {

// A rendered glyph: stretched to kSide x kSide bits (bit x of rows[y] is pixel (x, y)),
// with the aspect (width / height) of the glyph before stretching.
constexpr int kSide = 20;
struct Template {
  OpClass cls;
  const char* label;
  int width, height;
  float aspect;
  std::array<uint32_t, kSide> rows;
};

const Template kTemplates[] = {
#include "ocr/operator_templates.inc"
};

// Glyphs are compared as kFeature x kFeature gray images (area-resampled, lightly blurred)
// plus their aspect ratio; must match ocr/tools/make_operator_templates.py.
constexpr int kFeature = 16;
constexpr double kAspectWeight = 0.1;

// A match needs a distance below kMaxDistance and less than kMargin times the nearest
// negative's. On the first glyphs of 2,100 table lines of scans (office, archive, photocopy
// and clean profiles, two fonts) operators came within 0.085 at a ratio below 0.51, every
// other glyph at 0.09 or more, or at a ratio above 0.5 where nearer.
constexpr double kMaxDistance = 0.09;
constexpr double kMargin = 0.55;

struct Feature {
  std::array<float, kFeature * kFeature> v{};
  double log_aspect = 0;
};

Feature MakeFeature(const cv::Mat& ink01, double aspect) {
  cv::Mat f;
  cv::resize(ink01, f, cv::Size(kFeature, kFeature), 0, 0, cv::INTER_AREA);
  cv::GaussianBlur(f, f, cv::Size(0, 0), 0.8);
  Feature out;
  for (int y = 0; y < kFeature; ++y)
    for (int x = 0; x < kFeature; ++x) out.v[y * kFeature + x] = f.at<float>(y, x);
  out.log_aspect = std::log(std::max(aspect, 1e-3));
  return out;
}

double Distance(const Feature& a, const Feature& b) {
  double s = 0;
  for (size_t i = 0; i < a.v.size(); ++i) {
    const double d = a.v[i] - b.v[i];
    s += d * d;
  }
  const double da = a.log_aspect - b.log_aspect;
  return s / static_cast<double>(a.v.size()) + kAspectWeight * da * da;
}

struct Library {
  std::vector<OpClass> cls;
  std::vector<Feature> features;
};

const Library& Templates() {
  static const Library lib = [] {
    Library l;
    for (const Template& t : kTemplates) {
      cv::Mat bits(t.height, t.width, CV_32F, cv::Scalar(0));
      for (int y = 0; y < t.height; ++y)
        for (int x = 0; x < t.width; ++x)
          if ((t.rows[y] >> x) & 1u) bits.at<float>(y, x) = 1.f;
      // Templates are stored stretched; stretch to the generator's side first, as it did.
      cv::Mat side;
      cv::resize(bits, side, cv::Size(kSide, kSide), 0, 0, cv::INTER_AREA);
      l.cls.push_back(t.cls);
      l.features.push_back(MakeFeature(side, t.aspect));
    }
    return l;
  }();
  return lib;
}

}  // namespace

std::string OperatorText(OpClass op) {
  switch (op) {
    case OpClass::kGe: return "≥";
    case OpClass::kLe: return "≤";
    case OpClass::kEq: return "=";
    case OpClass::kGt: return ">";
    case OpClass::kLt: return "<";
    case OpClass::kOther: return "";
  }
  return "";
}

OpMatch ClassifyOperator(const cv::Mat& glyph) {
  OpMatch out;
  if (glyph.empty() || glyph.type() != CV_8UC1) return out;
  cv::Rect box = cv::boundingRect(glyph);
  if (box.width < 3 || box.height < 2 || box.width * box.height < 12) return out;
  cv::Mat ink01;
  cv::Mat mask = glyph(box) != 0;
  mask.convertTo(ink01, CV_32F, 1.0 / 255);
  // As the templates: stretched to kSide x kSide (bits), then to the feature.
  cv::Mat side;
  cv::resize(ink01, side, cv::Size(kSide, kSide), 0, 0, cv::INTER_AREA);
  cv::threshold(side, side, 0.4 - 1e-6, 1.0, cv::THRESH_BINARY);
  const Feature f = MakeFeature(side, static_cast<double>(box.width) / box.height);

  const Library& lib = Templates();
  std::array<double, 6> best;
  best.fill(1e9);
  for (size_t i = 0; i < lib.features.size(); ++i) {
    const double d = Distance(f, lib.features[i]);
    double& b = best[static_cast<int>(lib.cls[i])];
    b = std::min(b, d);
  }
  int op = 0;
  for (int c = 1; c < 5; ++c)
    if (best[c] < best[op]) op = c;
  out.distance = best[op];
  out.other_distance = best[static_cast<int>(OpClass::kOther)];
  out.nearest = static_cast<OpClass>(op);
  out.near = out.distance < kMaxDistance;
  if (out.distance < kMaxDistance && out.distance < kMargin * out.other_distance) {
    out.op = static_cast<OpClass>(op);
    const double by_distance = 1 - out.distance / kMaxDistance;
    const double by_margin = 1 - out.distance / (kMargin * out.other_distance);
    out.confidence = std::clamp(0.5 + 0.5 * std::min(by_distance, by_margin * 2), 0.0, 1.0);
  }
  return out;
}

namespace {

// An operator glyph is 0.45 to 0.9 of a line's height wide in the fonts of these tables (≥ of
// WenQuanYi Micro Hei 0.65 em, of AR PL UMing 0.55): a cut is looked for in that range, and the
// run beyond kMaxTouchCutEm is no operator alone.
constexpr double kMinTouchCutEm = 0.3;
constexpr double kMaxTouchCutEm = 1.0;
// The strokes' gray is the median of the darkest pixel of the inked columns; a cut column's
// darkest pixel lies more than this share of the way from it to white (a blur's join of two
// glyphs is 180 to 210 of 255 where strokes are 20 to 60; a stroke is never that light).
constexpr double kFaintJoinShare = 0.5;

}  // namespace

int TouchingCut(const cv::Mat& gray, const cv::Mat& ink, int height) {
  if (gray.empty() || ink.size() != gray.size() || gray.type() != CV_8UC1 || height <= 0) return -1;
  int x0 = -1, x1 = -1;  // the first run of inked columns
  std::vector<int> darkest(ink.cols, 255);
  for (int x = 0; x < ink.cols; ++x) {
    double lo = 255;
    cv::minMaxLoc(gray.col(x), &lo);
    darkest[x] = static_cast<int>(lo);
  }
  std::vector<int> strokes;
  for (int x = 0; x < ink.cols; ++x) {
    const bool on = cv::countNonZero(ink.col(x)) > 0;
    if (on) strokes.push_back(darkest[x]);
    if (on && x0 < 0) x0 = x;
    if (!on && x0 >= 0 && x1 < 0) x1 = x;
  }
  if (x0 < 0 || strokes.empty()) return -1;
  if (x1 < 0) x1 = ink.cols;
  const int from = x0 + static_cast<int>(std::ceil(kMinTouchCutEm * height));
  const int to = std::min(x1 - 1, x0 + static_cast<int>(kMaxTouchCutEm * height));
  if (x1 - x0 <= kMaxTouchCutEm * height || from >= to) return -1;
  std::nth_element(strokes.begin(), strokes.begin() + strokes.size() / 2, strokes.end());
  const double stroke = strokes[strokes.size() / 2];
  int cut = -1;
  for (int x = from; x <= to; ++x)
    if (cut < 0 || darkest[x] > darkest[cut]) cut = x;
  return darkest[cut] > stroke + kFaintJoinShare * (255 - stroke) ? cut : -1;
}

cv::Rect FirstGlyph(const cv::Mat& ink) {
  if (ink.empty()) return {};
  int x0 = -1, x1 = -1;
  for (int x = 0; x < ink.cols; ++x) {
    const bool on = cv::countNonZero(ink.col(x)) > 0;
    if (on && x0 < 0) x0 = x;
    if (!on && x0 >= 0) break;
    if (on) x1 = x;
  }
  if (x0 < 0) return {};
  // The glyph's strokes, without a speck that shares its columns: components of at least a
  // fifth of the largest one's area (the bar of ≥ is half its chevron).
  const cv::Mat cols = ink.colRange(x0, x1 + 1);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(cols, labels, stats, centroids, 8, CV_32S);
  int largest = 0;
  for (int i = 1; i < n; ++i) largest = std::max(largest, stats.at<int>(i, cv::CC_STAT_AREA));
  cv::Rect box;
  for (int i = 1; i < n; ++i) {
    if (stats.at<int>(i, cv::CC_STAT_AREA) * 5 < largest) continue;
    const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                     stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    box = box.area() == 0 ? r : (box | r);
  }
  return {box.x + x0, box.y, box.width, box.height};
}

}  // namespace jixiao::ocr
