// Prepare: scan -> upright, deskewed, flattened page and its binary.
//
// Stages (A4 at 200 dpi; estimation runs on a ~100 dpi copy; ~45 ms CPU on one core for a
// page whose own evidence settles the orientation, up to ~140 ms when OSD is asked):
//  1. background: the paper's brightness at ~25 dpi (a 7 mm closing removes the ink); the
//     page divided by it, paper -> ~1, then a tone curve: paper (and its noise) -> 255, the
//     ink's low percentile -> 0.
//  2. ink of the 100 dpi copy, as components: specks (< 0.5 mm) dropped, rules and frames
//     kept for the skew, characters for the text-line direction.
//  3. direction: text lines run along rows (0/180) or columns (90/270): smeared shapes and
//     projection-profile contrast, summed.
//  4. skew: projection-profile sharpness sweep (0.2 degree steps, then 0.04 and 0.01, then a
//     parabola) on the ink points, dithered inside their pixels; rules dominate it on table
//     pages, text lines elsewhere.
//  5. one warpAffine (INTER_LINEAR, white border) for the quarter turn and the skew.
//  6. binary: the flattened page smoothed by 0.09 mm, below a level set from the paper's
//     noise, plus hairline rules found along 2 mm of their direction; components by runs;
//     tiny specks and isolated small ones removed from `binary` and whitened in `image`.
//  7. upright or upside down: punctuation position within text lines; Tesseract OSD (on a
//     crop of ~6 lines) only when that says little; else where the ink sits on the sheet.

#include "ocr/preprocess.h"

#include <tesseract/baseapi.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <numeric>
#include <opencv2/imgproc.hpp>
#include <string>
#include <utility>
#include <vector>

#include "ocr/preprocess_internal.h"

namespace jixiao {
namespace preprocess_internal {
namespace {

constexpr double kMmPerInch = 25.4;
constexpr double kPi = 3.14159265358979323846;

// Constants of the method rather than of the page (the thresholds are PrepareOptions):
// - the paper's brightness is median-filtered over kBackgroundMedianPx pixels of its small
//   copy (a stain's edge), and blurred by at least kMinBackgroundBlurPx;
constexpr int kBackgroundMedianPx = 5;
constexpr double kMinBackgroundBlurPx = 0.5;
// - the paper's tone is the mode of the histogram smoothed over 2 * kModeHalfWindow + 1
//   levels; its noise is kDefaultNoise without pixels above the mode, and at least kMinNoise;
constexpr int kModeHalfWindow = 2;
constexpr double kDefaultNoise = 2.0;
constexpr double kMinNoise = 1.0;
// - the character height needs kMinEmSamples components, else the default is taken;
constexpr size_t kMinEmSamples = 5;
// - the skew: a coarse sweep in kCoarseStepDegrees (kContrastStepDegrees when only the
//   contrast is wanted) on at most kCoarsePoints points (kContrastPoints), then refined in
//   steps of kFineStepsDegrees over +-5 steps each, on at most kFinePoints points;
constexpr double kCoarseStepDegrees = 0.2;
constexpr double kContrastStepDegrees = 0.5;
constexpr size_t kCoarsePoints = 30000;
constexpr size_t kContrastPoints = 20000;
constexpr size_t kFinePoints = 120000;
constexpr double kFineStepsDegrees[] = {0.04, 0.01};
constexpr size_t kMinSkewPoints = 20;
// - the text direction: shapes smeared by em / kSmearPerEm either way (at least
//   kMinSmearPx), a shape's elongation counted beyond twice its thickness and twice the em;
constexpr double kSmearPerEm = 3;
constexpr int kMinSmearPx = 2;
// - punctuation is looked for in a grid of em-sized cells, at least kMinPunctCellPx;
constexpr int kMinPunctCellPx = 4;
// - specks are weighed against the ink around them at 1 / kSpeckDensityScale resolution;
constexpr int kSpeckDensityScale = 4;
// - a speck's halo and the side of faint rules' paper are at least kMinHaloSidePx.
constexpr int kMinHaloSidePx = 2;

int Odd(double v) {
  return std::max(1, static_cast<int>(std::lround(v))) | 1;
}

struct Comp {
  int x0, y0, x1, y1;  // pixel box, x1 and y1 exclusive
  int area;
  int w() const { return x1 - x0; }
  int h() const { return y1 - y0; }
};

Comp CompOf(const cv::Mat& stats, int i) {
  const int* s = stats.ptr<int>(i);
  return {s[cv::CC_STAT_LEFT], s[cv::CC_STAT_TOP], s[cv::CC_STAT_LEFT] + s[cv::CC_STAT_WIDTH],
          s[cv::CC_STAT_TOP] + s[cv::CC_STAT_HEIGHT], s[cv::CC_STAT_AREA]};
}

// True when [x0, x1) x [y0, y1) of `binary` has no ink (an empty or outside box is empty).
bool EmptyBox(const cv::Mat& binary, int x0, int y0, int x1, int y1) {
  x0 = std::max(x0, 0), y0 = std::max(y0, 0);
  x1 = std::min(x1, binary.cols), y1 = std::min(y1, binary.rows);
  for (int y = y0; y < y1; ++y) {
    const uint8_t* row = binary.ptr<uint8_t>(y);
    for (int x = x0; x < x1; ++x) {
      if (row[x] != 0) return false;
    }
  }
  return true;
}

// Sum over [x0, x1) x [y0, y1) from an integral image (CV_32S or CV_64F), clipped to it.
double BoxSum(const cv::Mat& integral, int x0, int y0, int x1, int y1) {
  x0 = std::clamp(x0, 0, integral.cols - 1), x1 = std::clamp(x1, 0, integral.cols - 1);
  y0 = std::clamp(y0, 0, integral.rows - 1), y1 = std::clamp(y1, 0, integral.rows - 1);
  if (x1 <= x0 || y1 <= y0) return 0;
  const bool f64 = integral.depth() == CV_64F;
  const auto at = [&](int y, int x) {
    return f64 ? integral.at<double>(y, x) : static_cast<double>(integral.at<int>(y, x));
  };
  return at(y1, x1) - at(y0, x1) - at(y1, x0) + at(y0, x0);
}

}  // namespace

cv::Mat EstimateBackground(const cv::Mat& gray, double dpi, const PrepareOptions& o) {
  const double f = std::min(1.0, o.background_dpi / dpi);
  cv::Mat small;
  if (f < 1.0) {
    const cv::Size size(std::max(1, static_cast<int>(std::lround(gray.cols * f))),
                        std::max(1, static_cast<int>(std::lround(gray.rows * f))));
    cv::resize(gray, small, size, 0, 0, cv::INTER_AREA);
  } else {
    small = gray.clone();
  }
  const double px_per_mm = dpi * f / kMmPerInch;
  const int k = Odd(o.background_closing_mm * px_per_mm);
  cv::Mat bg;
  cv::morphologyEx(small, bg, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(k, k)));
  if (std::min(bg.rows, bg.cols) >= kBackgroundMedianPx)
    cv::medianBlur(bg, bg, kBackgroundMedianPx);
  cv::GaussianBlur(bg, bg, cv::Size(),
                   std::max(kMinBackgroundBlurPx, o.background_blur_mm * px_per_mm));
  // Never divide by (near) zero: a black border is taken as paper no darker than 32.
  cv::max(bg, o.background_floor_gray, bg);
  return bg;
}

cv::Mat RatioToBackground(const cv::Mat& gray, const cv::Mat& background) {
  cv::Mat bg;
  if (background.size() != gray.size()) {
    cv::resize(background, bg, gray.size(), 0, 0, cv::INTER_LINEAR);
  } else {
    bg = background;
  }
  cv::Mat ratio;
  cv::divide(gray, bg, ratio, kRatioOne, CV_8U);
  return ratio;
}

Tone EstimateTone(const cv::Mat& ratio, int row_step, const PrepareOptions& o) {
  Tone tone;
  std::array<double, 256> hist{};
  row_step = std::max(1, row_step);
  for (int y = 0; y < ratio.rows; y += row_step) {
    const uint8_t* row = ratio.ptr<uint8_t>(y);
    for (int x = 0; x < ratio.cols; ++x) hist[row[x]] += 1;
  }
  // Paper: the mode among the bright values, smoothed over 5 levels.
  int mode = static_cast<int>(kRatioOne);
  double best = -1;
  for (int v = o.tone_min_paper_ratio; v < 256; ++v) {
    double s = 0;
    for (int d = -kModeHalfWindow; d <= kModeHalfWindow; ++d) s += hist[std::clamp(v + d, 0, 255)];
    if (s > best) best = s, mode = v;
  }
  tone.paper = mode;
  // Noise from the bright side of the mode, where there is no ink.
  double n = 0, ss = 0;
  for (int v = mode + 1; v < 256; ++v) n += hist[v], ss += hist[v] * (v - mode) * (v - mode);
  tone.noise = std::clamp(n > 0 ? std::sqrt(ss / n) : kDefaultNoise, kMinNoise,
                          o.tone_max_noise_share * mode);
  // Ink: clearly below the paper; its 20th percentile maps to black unless the page has
  // hardly any ink.
  const double ink_limit = std::min(mode - o.tone_ink_noise * tone.noise, o.tone_ink_share * mode);
  double ink_n = 0;
  for (int v = 0; v < ink_limit; ++v) ink_n += hist[v];
  tone.ink = 0;
  if (ink_n >= o.tone_min_ink_px) {
    double acc = 0;
    for (int v = 0; v < ink_limit; ++v) {
      acc += hist[v];
      if (acc >= o.tone_ink_percentile * ink_n) {
        tone.ink = v;
        break;
      }
    }
  }
  tone.ink = std::min(tone.ink, o.tone_max_ink_share * mode);
  // White a little below the paper: nearly all of its noise goes to 255, faint strokes stay.
  tone.white = std::max(mode - o.tone_white_noise * tone.noise, o.tone_min_white_share * mode);
  // Ink for the binary: the darker 84% of the way from the ink to the paper's low edge.
  const double edge =
      std::max(mode - o.tone_edge_noise * tone.noise, o.tone_min_white_share * mode);
  tone.threshold = tone.ink + o.tone_binary_share * (edge - tone.ink);
  return tone;
}

cv::Mat ToneCurve(const Tone& tone) {
  cv::Mat lut(1, 256, CV_8U);
  const double span = std::max(1.0, tone.white - tone.ink);
  for (int v = 0; v < 256; ++v) {
    const double t = std::clamp((v - tone.ink) / span, 0.0, 1.0);
    lut.at<uint8_t>(v) = cv::saturate_cast<uint8_t>(255.0 * t);
  }
  return lut;
}

Components FindComponents(const cv::Mat& binary) {
  Components out;
  std::vector<int> parent;
  const auto find = [&](int a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  };
  auto& runs = out.runs;
  size_t prev_begin = 0, prev_end = 0;
  const int w = binary.cols;
  for (int y = 0; y < binary.rows; ++y) {
    const uint8_t* row = binary.ptr<uint8_t>(y);
    const size_t cur_begin = runs.size();
    int x = 0;
    while (x < w) {
      // Paper is most of the page: skip it 8 bytes at a time.
      while (x + 8 <= w) {
        uint64_t v;
        std::memcpy(&v, row + x, 8);
        if (v != 0) break;
        x += 8;
      }
      while (x < w && row[x] == 0) ++x;
      if (x >= w) break;
      const int x0 = x;
      while (x < w && row[x] != 0) ++x;
      runs.emplace_back(y, x0, x);
      parent.push_back(static_cast<int>(parent.size()));
    }
    const size_t cur_end = runs.size();
    // Runs [a, b) and [c, d) of neighbouring rows touch (8-connected) when c <= b, a <= d.
    size_t p = prev_begin;
    for (size_t r = cur_begin; r < cur_end; ++r) {
      const int a = runs[r][1], b = runs[r][2];
      while (p < prev_end && runs[p][2] < a) ++p;
      for (size_t q = p; q < prev_end && runs[q][1] <= b; ++q) {
        const int ra = find(static_cast<int>(r)), rq = find(static_cast<int>(q));
        if (ra != rq) parent[std::max(ra, rq)] = std::min(ra, rq);
      }
    }
    prev_begin = cur_begin, prev_end = cur_end;
  }
  // Labels in raster order of first appearance; statistics as OpenCV gives them.
  std::vector<int> label(runs.size(), 0);
  out.run_label.resize(runs.size());
  int n = 1;
  for (size_t r = 0; r < runs.size(); ++r) {
    const int root = find(static_cast<int>(r));
    if (label[root] == 0) label[root] = n++;
    out.run_label[r] = label[root];
  }
  std::vector<std::array<int, 5>> box(n, {INT_MAX, INT_MAX, -1, -1, 0});
  long long ink = 0;
  for (size_t r = 0; r < runs.size(); ++r) {
    auto& b = box[out.run_label[r]];
    const cv::Vec3i& run = runs[r];
    b[0] = std::min(b[0], run[1]), b[1] = std::min(b[1], run[0]);
    b[2] = std::max(b[2], run[2]), b[3] = std::max(b[3], run[0] + 1);
    b[4] += run[2] - run[1];
    ink += run[2] - run[1];
  }
  out.stats = cv::Mat(n, 5, CV_32S);
  int* s0 = out.stats.ptr<int>(0);
  s0[cv::CC_STAT_LEFT] = 0, s0[cv::CC_STAT_TOP] = 0;
  s0[cv::CC_STAT_WIDTH] = binary.cols, s0[cv::CC_STAT_HEIGHT] = binary.rows;
  s0[cv::CC_STAT_AREA] = static_cast<int>(static_cast<long long>(binary.total()) - ink);
  for (int i = 1; i < n; ++i) {
    int* s = out.stats.ptr<int>(i);
    s[cv::CC_STAT_LEFT] = box[i][0], s[cv::CC_STAT_TOP] = box[i][1];
    s[cv::CC_STAT_WIDTH] = box[i][2] - box[i][0], s[cv::CC_STAT_HEIGHT] = box[i][3] - box[i][1];
    s[cv::CC_STAT_AREA] = box[i][4];
  }
  return out;
}

namespace {

// Sum of squared counts of the projection of every `stride`-th point on the axis across
// lines at angle `rad`, in bins of `bin` pixels. Each count is split linearly between two
// bins so the score is smooth in the angle. |coordinate| <= radius.
double ProfileScore(const std::vector<cv::Point2f>& points, size_t stride, double rad, bool columns,
                    double bin, double radius, std::vector<float>& hist,
                    double* contrast = nullptr) {
  const float c = static_cast<float>(std::cos(rad) / bin);
  const float s = static_cast<float>(std::sin(rad) / bin);
  const float offset = static_cast<float>(radius / bin + 2);
  const size_t nbins = static_cast<size_t>(2 * offset + 4);
  hist.assign(nbins, 0.f);
  float* h = hist.data();
  // Rows: v = y cos + x sin is constant along a line turned counterclockwise by `rad`;
  // columns: v = x cos - y sin.
  const float cx = columns ? c : s, cy = columns ? -s : c;
  for (size_t i = 0; i < points.size(); i += stride) {
    const float v = points[i].x * cx + points[i].y * cy + offset;
    const int k = static_cast<int>(v);
    const float f = v - static_cast<float>(k);
    h[k] += 1.f - f;
    h[k + 1] += f;
  }
  double sum = 0, sum2 = 0;
  for (size_t k = 0; k < nbins; ++k) {
    sum += h[k];
    sum2 += static_cast<double>(h[k]) * h[k];
  }
  if (contrast != nullptr) {
    // Span between the 1st and 99th percentile, so a stray mark does not widen it.
    double acc = 0;
    size_t lo = 0, hi = 0;
    bool have_lo = false;
    for (size_t k = 0; k < nbins; ++k) {
      acc += h[k];
      if (!have_lo && acc >= 0.01 * sum) lo = k, have_lo = true;
      if (acc >= 0.99 * sum) {
        hi = k;
        break;
      }
    }
    const double span = static_cast<double>(hi - lo + 1);
    *contrast = sum > 0 ? span * sum2 / (sum * sum) : 0;
  }
  return sum2;
}

}  // namespace

SkewEstimate EstimateSkew(const std::vector<cv::Point2f>& points, bool columns, double max_degrees,
                          double px_per_mm, bool fine) {
  SkewEstimate est;
  if (points.size() < kMinSkewPoints) return est;
  max_degrees = std::max(0.0, max_degrees);
  double radius = 1;
  for (const auto& p : points) {
    radius = std::max(radius, std::hypot(static_cast<double>(p.x), static_cast<double>(p.y)));
  }
  std::vector<float> hist;
  const double deg = kPi / 180;
  const auto score = [&](double a, size_t stride) {
    return ProfileScore(points, stride, a * deg, columns, 1.0, radius, hist);
  };
  double best = 0;
  if (max_degrees > 0) {
    // Coarse sweep on at most ~30k points (20k when only the contrast is wanted).
    const double step = fine ? kCoarseStepDegrees : kContrastStepDegrees;
    const size_t stride =
        std::max<size_t>(1, points.size() / (fine ? kCoarsePoints : kContrastPoints));
    const int n = static_cast<int>(std::ceil(max_degrees / step - 1e-9));
    double best_score = -1;
    for (int i = -n; i <= n; ++i) {
      const double a = std::clamp(i * step, -max_degrees, max_degrees);
      const double s = score(a, stride);
      if (s > best_score) best_score = s, best = a;
    }
  }
  const size_t stride = std::max<size_t>(1, points.size() / kFinePoints);
  if (fine && max_degrees > 0) {
    // Refine: 0.04 degree steps over +-0.2, then 0.01 over +-0.04, then a parabola.
    for (const double step : kFineStepsDegrees) {
      const double center = best;
      double best_score = -1;
      std::array<double, 11> scores{};
      int best_i = 0;
      for (int i = -5; i <= 5; ++i) {
        const double a = center + i * step;
        if (std::abs(a) > max_degrees + 1e-9) continue;
        scores[i + 5] = score(a, stride);
        if (scores[i + 5] > best_score) best_score = scores[i + 5], best_i = i + 5, best = a;
      }
      if (step == kFineStepsDegrees[1] && best_i > 0 && best_i < 10 && scores[best_i - 1] > 0 &&
          scores[best_i + 1] > 0) {
        const double l = scores[best_i - 1], c = scores[best_i], r = scores[best_i + 1];
        const double den = l - 2 * c + r;
        if (den < 0) best += step * std::clamp(0.5 * (l - r) / den, -0.5, 0.5);
      }
    }
    best = std::clamp(best, -max_degrees, max_degrees);
  }
  est.degrees = best;
  ProfileScore(points, stride, best * deg, columns, std::max(1.0, px_per_mm), radius, hist,
               &est.contrast);
  return est;
}

double SmearDirection(const cv::Mat& text_mask, double em) {
  if (text_mask.empty()) return 0;
  const int k = std::max(kMinSmearPx, static_cast<int>(std::lround(em / kSmearPerEm)));
  const auto elongation = [&](bool rows) {
    cv::Mat smeared;
    const cv::Size ksize = rows ? cv::Size(k, 1) : cv::Size(1, k);
    cv::morphologyEx(text_mask, smeared, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, ksize));
    const Components cc = FindComponents(smeared);
    double sum = 0;
    for (int i = 1; i < cc.count(); ++i) {
      const Comp c = CompOf(cc.stats, i);
      const double len = rows ? c.w() : c.h(), thick = rows ? c.h() : c.w();
      sum += std::max(0.0, len - std::max(2.0 * thick, 2.0 * em));
    }
    return sum;
  };
  const double c = 2 * std::max(em, 1.0);
  return std::log((elongation(true) + c) / (elongation(false) + c));
}

double EstimateEm(const cv::Mat& stats, double px_per_mm, const PrepareOptions& o) {
  std::vector<int> hs;
  for (int i = 1; i < stats.rows; ++i) {
    const Comp c = CompOf(stats, i);
    if (c.h() >= o.em_min_mm * px_per_mm && c.h() <= o.em_max_mm * px_per_mm &&
        c.w() <= o.em_max_width_mm * px_per_mm) {
      hs.push_back(c.h());
    }
  }
  if (hs.size() < kMinEmSamples) return o.em_default_mm * px_per_mm;  // 10.5 pt
  const auto k = static_cast<std::ptrdiff_t>(static_cast<double>(hs.size()) * o.em_percentile);
  std::nth_element(hs.begin(), hs.begin() + k, hs.end());
  return std::max(1.0, static_cast<double>(hs[k]));
}

PunctuationVotes CountPunctuation(const cv::Mat& binary, const cv::Mat& stats,
                                  const std::vector<char>& keep, double dpi,
                                  const PrepareOptions& opt) {
  PunctuationVotes votes;
  if (binary.empty() || stats.rows < 3) return votes;
  const double em = EstimateEm(stats, dpi / kMmPerInch, opt);
  // Tall strokes of characters and digits, and the small marks, in grids of em-sized cells.
  const int cell = std::max(kMinPunctCellPx, static_cast<int>(em));
  const int gw = binary.cols / cell + 1, gh = binary.rows / cell + 1;
  std::vector<std::vector<int>> tall(static_cast<size_t>(gw) * gh);
  std::vector<std::vector<int>> small(static_cast<size_t>(gw) * gh);
  std::vector<int> marks;
  const auto at = [&](std::vector<std::vector<int>>& grid, int gx, int gy) -> std::vector<int>& {
    return grid[static_cast<size_t>(gy) * gw + gx];
  };
  for (int i = 1; i < stats.rows; ++i) {
    if (!keep[i]) continue;
    const Comp c = CompOf(stats, i);
    if (c.h() >= opt.punct_stroke_min_em * em && c.h() <= opt.punct_stroke_max_em * em &&
        c.w() <= opt.punct_stroke_max_width_em * em) {
      for (int gy = c.y0 / cell; gy <= (c.y1 - 1) / cell; ++gy) {
        for (int gx = c.x0 / cell; gx <= (c.x1 - 1) / cell; ++gx) at(tall, gx, gy).push_back(i);
      }
    } else if (c.w() <= opt.punct_mark_max_em * em && c.h() <= opt.punct_mark_max_em * em &&
               c.w() >= opt.punct_mark_min_em * em && c.h() >= opt.punct_mark_min_em * em &&
               c.area >= opt.punct_mark_min_px) {
      marks.push_back(i);
      at(small, c.x0 / cell, c.y0 / cell).push_back(i);
    }
  }
  std::vector<int> tops, bottoms, seen;
  const double reach = opt.punct_reach_em * em;
  const double slack = opt.punct_slack_em * em;
  const int margin = std::max(1, static_cast<int>(opt.punct_clear_margin_em * em));
  const int side = std::max(1, static_cast<int>(opt.punct_clear_side_em * em));
  for (int i : marks) {
    const Comp m = CompOf(stats, i);
    const int gx0 = std::max(0, static_cast<int>((m.x0 - reach) / cell));
    const int gx1 = std::min(gw - 1, static_cast<int>((m.x1 + reach) / cell));
    const int gy0 = std::max(0, static_cast<int>((m.y0 - em) / cell));
    const int gy1 = std::min(gh - 1, static_cast<int>((m.y1 + em) / cell));
    tops.clear(), bottoms.clear(), seen.clear();
    // The line around the mark: tall strokes level with it. A stroke above or below the mark
    // makes it part of a character (a dot stroke), not punctuation.
    bool inside = false;
    for (int gy = gy0; gy <= gy1 && !inside; ++gy) {
      for (int gx = gx0; gx <= gx1 && !inside; ++gx) {
        for (int j : at(tall, gx, gy)) {
          if (std::find(seen.begin(), seen.end(), j) != seen.end()) continue;
          seen.push_back(j);
          const Comp c = CompOf(stats, j);
          if (m.y0 < c.y0 - slack || m.y1 > c.y1 + slack) continue;
          const int gap = std::max(c.x0 - m.x1, m.x0 - c.x1);
          if (gap < 0) {
            inside = true;
            break;
          }
          if (gap <= reach) tops.push_back(c.y0), bottoms.push_back(c.y1);
        }
      }
    }
    if (inside || tops.size() < opt.punct_min_strokes) continue;
    // A twin beside it at the same height is a quotation mark (“ ” sit at the top of an
    // upright line), which tells nothing.
    bool twin = false;
    for (int gy = std::max(0, gy0 - 1); gy <= gy1 && !twin; ++gy) {
      for (int gx = std::max(0, gx0 - 1); gx <= gx1 && !twin; ++gx) {
        for (int j : at(small, gx, gy)) {
          if (j == i) continue;
          const Comp o = CompOf(stats, j);
          const int gap = std::max(o.x0 - m.x1, m.x0 - o.x1);
          if (gap >= 0 && gap < opt.punct_twin_gap_em * em && o.y0 < m.y1 && o.y1 > m.y0) {
            twin = true;
            break;
          }
        }
      }
    }
    if (twin) continue;
    const auto mid = static_cast<std::ptrdiff_t>(tops.size() / 2);
    std::nth_element(tops.begin(), tops.begin() + mid, tops.end());
    std::nth_element(bottoms.begin(), bottoms.begin() + mid, bottoms.end());
    const int top = tops[mid], bottom = bottoms[mid];
    const double h = bottom - top;
    if (h < opt.punct_min_line_em * em) continue;
    const double pos = (0.5 * (m.y0 + m.y1) - top) / h;
    if (pos > opt.punct_low_share) {
      if (EmptyBox(binary, m.x0 - side, top, m.x1 + side, m.y0 - margin)) ++votes.upright;
    } else if (pos < opt.punct_high_share) {
      if (EmptyBox(binary, m.x0 - side, m.y1 + margin, m.x1 + side, bottom)) ++votes.upside_down;
    }
  }
  return votes;
}

std::vector<char> FindSpecks(const cv::Mat& binary, const cv::Mat& stats, double dpi,
                             const PrepareOptions& o) {
  std::vector<char> speck(static_cast<size_t>(stats.rows), 0);
  if (binary.empty() || stats.rows < 2) return speck;
  const double px_per_mm = dpi / kMmPerInch;
  // Tiny: below (0.2 mm)^2, 2 px at 200 dpi, 5 at 300. No part of a character is so small.
  const int tiny_area = std::max(1, static_cast<int>(o.speck_tiny_mm2 * px_per_mm * px_per_mm));
  const int tiny_side = static_cast<int>(2 * std::sqrt(tiny_area)) + 1;
  // Small: at most 1.2 mm across and 0.6 mm^2. A period or a dot stroke is this small, so
  // these go only when nothing but at most one other small mark is within 2 mm.
  const double small_side = o.speck_small_mm * px_per_mm;
  const double small_area = o.speck_small_mm2 * px_per_mm * px_per_mm;
  const double reach = o.speck_reach_mm * px_per_mm;
  // Ink nearby counts from (0.35 mm)^2 on: 7 px at 200 dpi.
  const double min_near = std::max(2.0, o.speck_near_ink_mm2 * px_per_mm * px_per_mm);
  std::vector<int> candidates;
  for (int i = 1; i < stats.rows; ++i) {
    const Comp c = CompOf(stats, i);
    const int side = std::max(c.w(), c.h());
    if (c.area <= tiny_area && side <= tiny_side) {
      speck[i] = 1;
    } else if (c.area <= small_area && side <= small_side) {
      candidates.push_back(i);
    }
  }
  if (candidates.empty()) return speck;
  // Density at 1/4 resolution of the ink that is not a small candidate (characters, rules),
  // and the count of candidates by their centres.
  const int k = kSpeckDensityScale;
  cv::Mat large = binary.clone();
  for (int i : candidates) {
    const Comp c = CompOf(stats, i);
    large(cv::Rect(c.x0, c.y0, c.w(), c.h())).setTo(0);
  }
  cv::Mat density, integral;
  cv::resize(large, density, cv::Size((binary.cols + k - 1) / k, (binary.rows + k - 1) / k), 0, 0,
             cv::INTER_AREA);
  cv::integral(density, integral, CV_32S);
  cv::Mat small_count = cv::Mat::zeros(density.size(), CV_64F);
  for (int i : candidates) {
    const Comp c = CompOf(stats, i);
    small_count.at<double>(std::min(density.rows - 1, (c.y0 + c.y1) / 2 / k),
                           std::min(density.cols - 1, (c.x0 + c.x1) / 2 / k)) += 1;
  }
  cv::Mat count_integral;
  cv::integral(small_count, count_integral, CV_64F);
  // Full-resolution pixels per density pixel, over 255: density sum -> ink pixels.
  const double per_unit = static_cast<double>(binary.cols) * binary.rows /
                          (static_cast<double>(density.cols) * density.rows) / 255.0;
  for (int i : candidates) {
    const Comp c = CompOf(stats, i);
    const int x0 = static_cast<int>(std::floor((c.x0 - reach) / k));
    const int y0 = static_cast<int>(std::floor((c.y0 - reach) / k));
    const int x1 = static_cast<int>(std::ceil((c.x1 + reach) / k));
    const int y1 = static_cast<int>(std::ceil((c.y1 + reach) / k));
    // Kept beside a character or a rule, or in a row of dots (leaders, an ellipsis).
    const bool by_text = BoxSum(integral, x0, y0, x1, y1) * per_unit >= min_near;
    const double others = BoxSum(count_integral, x0, y0, x1, y1) - 1;
    if (!by_text && others < o.speck_row_marks) speck[i] = 1;
  }
  return speck;
}

namespace {

// dpi as given, or guessed from the page size (A4 either way) when missing or absurd.
double UsableDpi(const cv::Mat& gray, double dpi) {
  if (std::isfinite(dpi) && dpi >= 30 && dpi <= 2400) return dpi;
  const double long_side = std::max(gray.rows, gray.cols);
  return std::clamp(long_side / (297.0 / kMmPerInch), 50.0, 1200.0);
}

cv::Mat ToGray8(const cv::Mat& m) {
  if (m.empty() || m.depth() != CV_8U || m.dims != 2) return cv::Mat();
  if (m.channels() == 1) return m;
  cv::Mat g;
  if (m.channels() == 3) cv::cvtColor(m, g, cv::COLOR_BGR2GRAY);
  if (m.channels() == 4) cv::cvtColor(m, g, cv::COLOR_BGRA2GRAY);
  return g;
}

// Ink points of the working copy, relative to its centre: `all` for the skew (text and
// rules), `text` for the line direction (no rules, frames, pictures or specks).
struct InkPoints {
  std::vector<cv::Point2f> all;
  std::vector<cv::Point2f> text;
  cv::Mat text_mask;  // 255 where text ink is
  double em = 0;      // character height, px
};

InkPoints CollectInk(const cv::Mat& ink, double px_per_mm, const PrepareOptions& o) {
  InkPoints out;
  const Components cc = FindComponents(ink);
  // 0: skip (speck or solid blob), 1: rule-like or large (skew only), 2: text.
  std::vector<uint8_t> cls(static_cast<size_t>(cc.count()), 0);
  const double speck_side = o.work_speck_mm * px_per_mm;
  const double big = o.work_large_mm * px_per_mm;
  const double fragment_len = o.work_fragment_min_mm * px_per_mm;
  for (int i = 1; i < cc.count(); ++i) {
    const Comp c = CompOf(cc.stats, i);
    if (std::max(c.w(), c.h()) <= speck_side) continue;
    if (c.w() >= big || c.h() >= big) {
      // Rules and grids are thin; a large solid blob (picture, stamp, black border) has no
      // direction to offer.
      cls[i] = c.area < o.work_rule_fill_share * static_cast<double>(c.w()) * c.h() ? 1 : 0;
    } else if (IsRuleFragment(c.w(), c.h(), c.area, fragment_len, o.work_fragment_aspect)) {
      cls[i] = 1;
    } else {
      cls[i] = 2;
    }
  }
  const float cx = 0.5f * static_cast<float>(ink.cols - 1);
  const float cy = 0.5f * static_cast<float>(ink.rows - 1);
  // Each point somewhere in its pixel (a fixed pseudo-random dither): on the integer grid,
  // every point of a row would fall at the same place between two profile bins at angle 0
  // exactly, and the profile score would favour 0 over its neighbours.
  uint32_t seed = 0x9E3779B9u;
  const auto dither = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<float>(seed >> 8) * (1.f / 16777216.f) - 0.5f;
  };
  out.text_mask = cv::Mat::zeros(ink.size(), CV_8UC1);
  for (size_t r = 0; r < cc.runs.size(); ++r) {
    const uint8_t c = cls[cc.run_label[r]];
    if (c == 0) continue;
    const cv::Vec3i& run = cc.runs[r];
    const float y = static_cast<float>(run[0]) - cy;
    for (int x = run[1]; x < run[2]; ++x) {
      const float dx = dither(), dy = dither();
      const cv::Point2f p(static_cast<float>(x) - cx + dx, y + dy);
      out.all.push_back(p);
      if (c == 2) out.text.push_back(p);
    }
    if (c == 2) {
      std::memset(out.text_mask.ptr<uint8_t>(run[0]) + run[1], 255,
                  static_cast<size_t>(run[2] - run[1]));
    }
  }
  out.em = EstimateEm(cc.stats, px_per_mm, o);
  return out;
}

// Tesseract OSD, one engine per thread, created on first use (and again when asked for
// another `tessdata` folder; empty: Tesseract's default); null when osd.traineddata is
// missing. The legacy OSD classifier runs in the calling thread (no OpenMP).
tesseract::TessBaseAPI* OsdEngine(const std::string& tessdata) {
  thread_local std::unique_ptr<tesseract::TessBaseAPI> api;
  thread_local bool tried = false;
  thread_local std::string tried_with;
  if (!tried || tried_with != tessdata) {
    tried = true;
    tried_with = tessdata;
    api.reset();
    auto a = std::make_unique<tesseract::TessBaseAPI>();
    if (a->Init(tessdata.empty() ? nullptr : tessdata.c_str(), "osd",
                tesseract::OEM_TESSERACT_ONLY) == 0) {
      a->SetVariable("debug_file", "/dev/null");
      a->SetPageSegMode(tesseract::PSM_OSD_ONLY);
      api = std::move(a);
    }
  }
  return api.get();
}

// What OSD is shown: characters (components kOsdMinCharEm..kOsdMaxCharEm high, at most
// kOsdMaxCharWidthEm wide, kOsdMinChars of them) in the window of kOsdWindowEm (about 6
// lines) that holds the most, with an em of margin, at least kOsdMinSidePx a side, scaled so
// that characters are kOsdCharPx high (a factor of kOsdMinScale..1, no resampling above
// kOsdNoResample); fewer than kOsdMinCharsShown characters (OSD skips a page with fewer than
// a few dozen) are repeated, up to kOsdMaxCopies times; never below kMinPpi.
constexpr double kOsdMinCharEm = 0.4;
constexpr double kOsdMaxCharEm = 2;
constexpr double kOsdMaxCharWidthEm = 3;
constexpr size_t kOsdMinChars = 3;
constexpr double kOsdWindowEm = 9;
constexpr int kOsdMinSidePx = 16;
constexpr double kOsdCharPx = 30.0;
constexpr double kOsdMinScale = 0.2;
constexpr double kOsdNoResample = 0.9;
constexpr size_t kOsdMinCharsShown = 40;
constexpr int kOsdMaxCopies = 6;
constexpr int kMinPpi = 70;

// OSD on the band of `page` (horizontal lines, ink = 255 in `binary`) with the most text,
// at most ~6 lines, scaled so characters are ~30 px high. Returns Tesseract's clockwise
// orientation or -1.
int AskOsd(const cv::Mat& page, const cv::Mat& stats, const std::vector<char>& keep, double em,
           double dpi, const std::string& tessdata, double* confidence) {
  *confidence = 0;
  tesseract::TessBaseAPI* api = OsdEngine(tessdata);
  if (api == nullptr) return -1;
  std::vector<Comp> text;
  for (int i = 1; i < stats.rows; ++i) {
    if (!keep[i]) continue;
    const Comp c = CompOf(stats, i);
    if (c.h() >= kOsdMinCharEm * em && c.h() <= kOsdMaxCharEm * em &&
        c.w() <= kOsdMaxCharWidthEm * em)
      text.push_back(c);
  }
  if (text.size() < kOsdMinChars) return -1;
  std::sort(text.begin(), text.end(), [](const Comp& a, const Comp& b) { return a.y0 < b.y0; });
  // The window of 9 em (about 6 lines) holding the most characters.
  const int window = static_cast<int>(kOsdWindowEm * em);
  size_t best_lo = 0, best_n = 0;
  for (size_t lo = 0, hi = 0; lo < text.size(); ++lo) {
    while (hi < text.size() && text[hi].y0 < text[lo].y0 + window) ++hi;
    if (hi - lo > best_n) best_n = hi - lo, best_lo = lo;
  }
  int x0 = INT_MAX, y0 = INT_MAX, x1 = 0, y1 = 0;
  for (size_t i = best_lo; i < best_lo + best_n; ++i) {
    x0 = std::min(x0, text[i].x0), y0 = std::min(y0, text[i].y0);
    x1 = std::max(x1, text[i].x1), y1 = std::max(y1, text[i].y1);
  }
  const int pad = static_cast<int>(em);
  const cv::Rect roi = cv::Rect(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad) &
                       cv::Rect(0, 0, page.cols, page.rows);
  if (roi.width < kOsdMinSidePx || roi.height < kOsdMinSidePx) return -1;
  const double f = std::clamp(kOsdCharPx / std::max(em, 1.0), kOsdMinScale, 1.0);
  cv::Mat img;
  if (f < kOsdNoResample) {
    cv::resize(page(roi), img, cv::Size(), f, f, cv::INTER_AREA);
  } else {
    img = page(roi).clone();
  }
  // OSD skips a page with fewer than a few dozen characters: a short title is repeated.
  if (best_n < kOsdMinCharsShown) {
    const int copies =
        std::min(kOsdMaxCopies, static_cast<int>((kOsdMinCharsShown + best_n - 1) / best_n));
    cv::Mat tiled;
    cv::vconcat(std::vector<cv::Mat>(static_cast<size_t>(copies), img), tiled);
    img = tiled;
  }
  api->SetImage(img.data, img.cols, img.rows, 1, static_cast<int>(img.step));
  api->SetSourceResolution(std::max(kMinPpi, static_cast<int>(std::lround(dpi * f))));
  int deg = -1;
  float conf = 0, script_conf = 0;
  const char* script = nullptr;
  const bool ok = api->DetectOrientationScript(&deg, &conf, &script, &script_conf);
  api->Clear();
  if (!ok || deg < 0) return -1;
  *confidence = conf;
  return deg;
}

cv::Matx33d To33(const cv::Matx23d& m) {
  return cv::Matx33d(m(0, 0), m(0, 1), m(0, 2), m(1, 0), m(1, 1), m(1, 2), 0, 0, 1);
}
cv::Matx23d To23(const cv::Matx33d& m) {
  return cv::Matx23d(m(0, 0), m(0, 1), m(0, 2), m(1, 0), m(1, 1), m(1, 2));
}

// Pixel map that undoes a clockwise turn of `orientation` degrees on a w x h image.
cv::Matx23d UndoTurn(int orientation, int w, int h) {
  switch (orientation) {
    case 90:
      return cv::Matx23d(0, 1, 0, -1, 0, w - 1);
    case 180:
      return cv::Matx23d(-1, 0, w - 1, 0, -1, h - 1);
    case 270:
      return cv::Matx23d(0, -1, h - 1, 1, 0, 0);
    default:
      return cv::Matx23d(1, 0, 0, 0, 1, 0);
  }
}

// Undoes a further clockwise turn of `orientation` on an already prepared page.
void Turn(PreparedPage& out, int orientation) {
  if (orientation % 360 == 0) return;
  const int w = out.image.gray.cols, h = out.image.gray.rows;
  const int code = orientation == 90    ? cv::ROTATE_90_COUNTERCLOCKWISE
                   : orientation == 180 ? cv::ROTATE_180
                                        : cv::ROTATE_90_CLOCKWISE;
  cv::Mat gray, binary;
  cv::rotate(out.image.gray, gray, code);
  cv::rotate(out.binary, binary, code);
  out.image.gray = gray;
  out.binary = binary;
  out.transform = To23(To33(UndoTurn(orientation, w, h)) * To33(out.transform));
  out.orientation = (out.orientation + orientation) % 360;
}

// Hairline rules too faint for the threshold: averaged along 2 mm of their direction they
// stand out of the noise, a thin ridge on clean paper (2 px to either side), and the pixel
// itself is not paper white.
void AddFaintRules(const cv::Mat& smooth, double dpi, const PrepareOptions& o, cv::Mat& binary) {
  const int len = Odd(o.faint_rule_mm * dpi / kMmPerInch);
  const int d = std::max(kMinHaloSidePx,
                         static_cast<int>(std::lround(o.faint_rule_side_px_at_200dpi * dpi / 200)));
  const int line = o.faint_rule_gray;         // averaged gray at most this
  const int paper = o.faint_rule_paper_gray;  // averaged gray beside it at least this
  const int pixel = o.faint_rule_pixel_gray;  // the pixel itself below this
  for (const bool horizontal : {true, false}) {
    cv::Mat mean;
    cv::blur(smooth, mean, horizontal ? cv::Size(len, 1) : cv::Size(1, len));
    for (int y = 0; y < mean.rows; ++y) {
      const uint8_t* m = mean.ptr<uint8_t>(y);
      const uint8_t* p = smooth.ptr<uint8_t>(y);
      uint8_t* b = binary.ptr<uint8_t>(y);
      if (horizontal) {
        if (y < d || y + d >= mean.rows) continue;
        const uint8_t* above = mean.ptr<uint8_t>(y - d);
        const uint8_t* below = mean.ptr<uint8_t>(y + d);
        for (int x = 0; x < mean.cols; ++x) {
          if (m[x] <= line && p[x] < pixel && std::min(above[x], below[x]) >= paper) b[x] = 255;
        }
      } else {
        for (int x = d; x + d < mean.cols; ++x) {
          if (m[x] <= line && p[x] < pixel && std::min(m[x - d], m[x + d]) >= paper) b[x] = 255;
        }
      }
    }
  }
}

PreparedPage Unchanged(const PageImage& scan, const cv::Mat& gray) {
  PreparedPage out;
  out.image = scan;
  if (gray.empty()) {
    if (!scan.gray.empty()) out.binary = cv::Mat::zeros(scan.gray.rows, scan.gray.cols, CV_8UC1);
    return out;
  }
  out.image.gray = gray;
  cv::threshold(gray, out.binary, 127, 255, cv::THRESH_BINARY_INV);
  return out;
}

class Stopwatch {
 public:
  explicit Stopwatch(Diagnostics* d) : d_(d) {}
  void Lap(const char* stage) {
    if (d_ == nullptr) return;
    const auto now = std::chrono::steady_clock::now();
    d_->stage_ms.emplace_back(stage,
                              std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }

 private:
  Diagnostics* d_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

bool GuessUpsideDown(const PunctuationVotes& votes, double ink_centre_share,
                     const PrepareOptions& options) {
  const int lead = votes.upside_down - votes.upright;
  if (std::abs(lead) >= options.guess_vote_margin) return lead > 0;
  return ink_centre_share > options.upside_down_ink_share;
}

bool IsRuleFragment(int w, int h, int area, double min_len, double aspect) {
  const double len = std::max(w, h);
  return len >= min_len && len * len >= aspect * area;
}

namespace {
// Whether `votes` clearly outnumber `other`: by min_vote_margin and min_vote_ratio times.
bool ClearlyMore(int votes, int other, const PrepareOptions& o) {
  return votes - other >= o.min_vote_margin && votes >= o.min_vote_ratio * other;
}
}  // namespace

bool QuarterTurnSure(int osd, double confidence, double direction, const PrepareOptions& o) {
  if (osd != 90 && osd != 270) return false;
  const double d = std::abs(direction);
  return d < o.osd_quarter_turn_direction &&
         confidence >= o.osd_quarter_turn_confidence + o.osd_quarter_turn_per_direction * d;
}

bool MarksLeanAgainst(const PunctuationVotes& votes, int osd, const PrepareOptions& o) {
  const int lean = votes.upright - votes.upside_down;
  return (osd == 180 && lean >= o.guess_vote_margin) || (osd == 0 && -lean >= o.guess_vote_margin);
}

PreparedPage PrepareWithDiagnostics(const PageImage& scan, const PrepareOptions& options,
                                    Diagnostics* diag) {
  Diagnostics scratch;
  if (diag == nullptr) diag = &scratch;
  Stopwatch watch(diag == &scratch ? nullptr : diag);
  const cv::Mat gray = ToGray8(scan.gray);
  if (gray.empty() || gray.rows < 32 || gray.cols < 32) return Unchanged(scan, gray);
  const double dpi = UsableDpi(gray, scan.dpi);
  const double px_per_mm = dpi / kMmPerInch;

  // 1. Working copy (~100 dpi), the paper's brightness, the ink.
  const double ws = std::min(1.0, options.work_dpi / dpi);
  cv::Mat work;
  if (ws < 1.0) {
    cv::resize(gray, work, cv::Size(), ws, ws, cv::INTER_AREA);
  } else {
    work = gray;
  }
  const double work_px_per_mm = dpi * ws / kMmPerInch;
  const cv::Mat background = EstimateBackground(work, dpi * ws, options);
  const cv::Mat work_ratio = RatioToBackground(work, background);
  const Tone work_tone = EstimateTone(work_ratio, 1, options);
  cv::Mat work_ink;
  cv::threshold(work_ratio, work_ink,
                std::min(work_tone.paper - options.work_ink_noise * work_tone.noise,
                         options.work_ink_share * work_tone.paper),
                255, cv::THRESH_BINARY_INV);
  const InkPoints ink = CollectInk(work_ink, work_px_per_mm, options);
  diag->em = ink.em / ws;
  watch.Lap("work");

  // 2. Direction of the text lines and skew.
  const double max_skew = std::max(0.0, options.max_skew_degrees);
  bool columns = false;
  const bool has_text = static_cast<double>(ink.text.size()) >= options.min_text_px;
  if (options.detect_orientation && has_text) {
    const SkewEstimate h = EstimateSkew(ink.text, false, max_skew, work_px_per_mm, false);
    const SkewEstimate v = EstimateSkew(ink.text, true, max_skew, work_px_per_mm, false);
    const double profile =
        (h.contrast > 0 && v.contrast > 0) ? std::log(h.contrast / v.contrast) : 0.0;
    diag->direction = SmearDirection(ink.text_mask, ink.em) + profile;
    columns = diag->direction < 0;
  }
  watch.Lap("direction");
  PreparedPage out;
  out.skew_degrees = EstimateSkew(ink.all, columns, max_skew, work_px_per_mm).degrees;
  watch.Lap("skew");

  // 3. Full resolution: flatten, then the quarter turn and the skew in one resampling.
  // (Fresh outputs throughout: OpenCV writes into a destination's buffer when it fits, and
  // `gray` is the caller's image.)
  cv::Mat flat;
  // Gray level of `flat` below which a pixel is ink, when the page was flattened (else Otsu's
  // level of the page decides).
  double ink_below = 0;
  if (options.flatten_background) {
    const cv::Mat ratio = RatioToBackground(gray, background);
    const Tone tone = EstimateTone(ratio, 4, options);
    const cv::Mat curve = ToneCurve(tone);
    cv::LUT(ratio, curve, flat);
    ink_below =
        std::clamp(255.0 * (tone.threshold - tone.ink) / std::max(1.0, tone.white - tone.ink),
                   options.binary_min_gray, options.binary_max_gray);
  } else {
    flat = gray;
  }
  const int quarter = columns ? 90 : 0;
  const cv::Size size = columns ? cv::Size(gray.rows, gray.cols) : gray.size();
  const bool rotate = std::abs(out.skew_degrees) >= options.min_rotation_degrees;
  if (!rotate) out.skew_degrees = 0;
  const cv::Matx23d rot =
      cv::getRotationMatrix2D(cv::Point2f(0.5f * static_cast<float>(size.width - 1),
                                          0.5f * static_cast<float>(size.height - 1)),
                              -out.skew_degrees, 1.0);
  out.transform = To23(To33(rot) * To33(UndoTurn(quarter, gray.cols, gray.rows)));
  out.orientation = quarter;
  cv::Mat page;
  if (rotate) {
    cv::warpAffine(flat, page, out.transform, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar(255));
  } else if (columns) {
    cv::rotate(flat, page, cv::ROTATE_90_COUNTERCLOCKWISE);
  } else {
    page = flat.data == gray.data ? flat.clone() : flat;
  }
  watch.Lap("flatten+warp");

  // 4. Binary (smoothed by ~0.09 mm against noise), components, specks.
  cv::Mat binary;
  {
    cv::Mat smooth;
    cv::GaussianBlur(page, smooth, cv::Size(), options.binary_blur_px_at_200dpi * dpi / 200.0);
    if (options.flatten_background) {
      cv::threshold(smooth, binary, ink_below, 255, cv::THRESH_BINARY_INV);
    } else {
      cv::threshold(smooth, binary, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    }
    AddFaintRules(smooth, dpi, options, binary);
  }
  const Components cc = FindComponents(binary);
  std::vector<char> keep(static_cast<size_t>(cc.count()), 1);
  watch.Lap("binary");
  if (options.remove_specks) {
    const std::vector<char> speck = FindSpecks(binary, cc.stats, dpi, options);
    const int tiny_side =
        std::max(kMinHaloSidePx, static_cast<int>(options.speck_halo_mm * px_per_mm));
    for (size_t r = 0; r < cc.runs.size(); ++r) {
      const int l = cc.run_label[r];
      if (!speck[l]) continue;
      const cv::Vec3i& run = cc.runs[r];
      std::memset(binary.ptr<uint8_t>(run[0]) + run[1], 0, static_cast<size_t>(run[2] - run[1]));
      // Whiten it in the image too, with its one-pixel halo unless it is tiny (a tiny speck
      // may sit close to a stroke).
      const Comp c = CompOf(cc.stats, l);
      const int halo = std::max(c.w(), c.h()) > tiny_side ? 1 : 0;
      for (int y = std::max(0, run[0] - halo); y <= std::min(page.rows - 1, run[0] + halo); ++y) {
        const uint8_t* brow = binary.ptr<uint8_t>(y);
        uint8_t* grow = page.ptr<uint8_t>(y);
        for (int x = std::max(0, run[1] - halo); x < std::min(page.cols, run[2] + halo); ++x) {
          if (brow[x] == 0) grow[x] = 255;
        }
      }
    }
    for (int i = 1; i < cc.count(); ++i) {
      if (speck[i]) keep[i] = 0, ++diag->specks_removed;
    }
  }
  watch.Lap("specks");

  out.image.gray = page;
  out.image.dpi = scan.dpi;
  out.image.page = scan.page;
  out.binary = binary;

  // 5. Upright or upside down.
  if (!options.detect_orientation || !has_text) {
    out.orientation_source = OrientationSource::kNone;
    return out;
  }
  // 5a. A close call between rows and columns (sparse text in narrow cells, a table's rules
  // broken by fading) is OSD's to settle first: its quarter turn, when sure, is taken, and the
  // marks are counted on the page it gives.
  bool osd_asked = false;
  auto ask_osd = [&] {  // once per page
    if (osd_asked) return;
    diag->osd_orientation = AskOsd(page, cc.stats, keep, EstimateEm(cc.stats, px_per_mm, options),
                                   dpi, options.tessdata, &diag->osd_confidence);
    osd_asked = true;
    watch.Lap("osd");
  };
  if (options.use_osd && std::abs(diag->direction) < options.osd_quarter_turn_direction) {
    ask_osd();
    if (QuarterTurnSure(diag->osd_orientation, diag->osd_confidence, diag->direction, options)) {
      Turn(out, diag->osd_orientation);
      out.orientation_source = OrientationSource::kOsd;
      // Specks are gone from the binary already: every component counts.
      const Components turned = FindComponents(out.binary);
      const PunctuationVotes v =
          CountPunctuation(out.binary, turned.stats,
                           std::vector<char>(static_cast<size_t>(turned.count()), 1), dpi, options);
      diag->votes = v;
      // OSD saw the page upright after its turn; only clear marks overrule that.
      if (ClearlyMore(v.upside_down, v.upright, options)) Turn(out, 180);
      return out;
    }
  }
  diag->votes = CountPunctuation(binary, cc.stats, keep, dpi, options);
  const int up = diag->votes.upright, down = diag->votes.upside_down;
  const bool clear_up = ClearlyMore(up, down, options);
  const bool clear_down = ClearlyMore(down, up, options);
  watch.Lap("punctuation");
  out.orientation_source = OrientationSource::kLayout;
  if (clear_up) return out;
  if (clear_down) {
    Turn(out, 180);
    return out;
  }
  if (options.use_osd) {
    ask_osd();
    const int osd = diag->osd_orientation;
    // A quarter turn from OSD only when it is sure and the line direction was a close call.
    const bool plausible =
        ((osd == 0 || osd == 180) && !MarksLeanAgainst(diag->votes, osd, options)) ||
        QuarterTurnSure(osd, diag->osd_confidence, diag->direction, options);
    if (osd >= 0 && plausible && diag->osd_confidence >= options.osd_min_confidence) {
      out.orientation_source = OrientationSource::kOsd;
      Turn(out, osd);
      return out;
    }
  }
  // Neither says much: the majority of the marks, else where the ink sits (title pages,
  // contents and short notes start at the top of the sheet).
  out.orientation_source = OrientationSource::kGuess;
  double mass = 0, moment = 0;
  for (int i = 1; i < cc.count(); ++i) {
    if (!keep[i]) continue;
    const Comp c = CompOf(cc.stats, i);
    mass += c.area;
    moment += c.area * 0.5 * (c.y0 + c.y1);
  }
  const double centre = mass > 0 ? moment / mass / std::max(1, page.rows) : -1;
  if (GuessUpsideDown(diag->votes, centre, options)) Turn(out, 180);
  return out;
}

}  // namespace preprocess_internal

PreparedPage Prepare(const PageImage& scan, const PrepareOptions& options) {
  return preprocess_internal::PrepareWithDiagnostics(scan, options, nullptr);
}

}  // namespace jixiao
