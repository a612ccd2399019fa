#include "ocr/lines.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace jixiao::ocr {

namespace {

// Rules are found along rows of ink whose breaks of up to kRuleBridgePx pixels are bridged
// (a scanned hairline is dotted), whose pixels are, at least kRuleShallowShare of them, no
// deeper across the run than the rule's thickness plus kRuleDepthSlackPx (a rule tilted by a
// fraction of a degree steps from one row to the next).
constexpr int kRuleBridgePx = 2;
constexpr int kRuleDepthSlackPx = 2;
constexpr double kRuleShallowShare = 0.85;
// Floors in pixels of the em-derived sizes, for small text at low resolution.
constexpr int kMinRuleThicknessPx = 3;
constexpr int kMinGlyphAreaPx = 6;
constexpr int kMinGlyphSidePx = 3;
constexpr int kMinSpeckReachPx = 2;
constexpr int kMinBorderThinPx = 2;
constexpr int kMinBorderSmallPx = 6;
constexpr int kMinBorderNearPx = 1;
constexpr long kMinLineInkPx = 4;
constexpr int kMinSplitGapPx = 2;
// A row's emptiness, where a tall band may be cut, counts this share of each neighbouring
// row's ink with its own (a cut between two glyph rows, not through a thin stroke).
constexpr double kNeighbourRowWeight = 0.5;

int Clamp(double v, double lo, double hi) {
  return static_cast<int>(std::lround(std::clamp(v, lo, std::max(lo, hi))));
}

// Lengths of the vertical ink runs through each pixel (0 off the ink), computed row by row.
cv::Mat VerticalRunLengths(const cv::Mat& ink) {
  cv::Mat len(ink.size(), CV_32S, cv::Scalar(0));
  // Down: the length of the run so far; up again: the length of the whole run.
  for (int y = 0; y < ink.rows; ++y) {
    const uchar* p = ink.ptr<uchar>(y);
    const int* above = y > 0 ? len.ptr<int>(y - 1) : nullptr;
    int* l = len.ptr<int>(y);
    for (int x = 0; x < ink.cols; ++x) l[x] = p[x] ? (above ? above[x] : 0) + 1 : 0;
  }
  for (int y = ink.rows - 2; y >= 0; --y) {
    const uchar* below_ink = ink.ptr<uchar>(y + 1);
    const int* below = len.ptr<int>(y + 1);
    int* l = len.ptr<int>(y);
    for (int x = 0; x < ink.cols; ++x)
      if (l[x] && below_ink[x]) l[x] = below[x];
  }
  return len;
}

// Clears the horizontal rules: runs of at least `min_run` pixels along a row (breaks of up
// to 2 pixels bridged) whose pixels are, nearly all, at most `thick` pixels deep across the
// run. A row through bold text can be as long (touching glyphs) but is deep where it
// crosses their strokes; where a glyph crosses a rule, its stroke stays. Runs are found on
// a copy grown by a pixel across, so that a rule tilted by a fraction of a degree, which
// steps from one row to the next, still makes one run. (Vertical rules: on the transpose.)
void ClearRules(cv::Mat& ink, int min_run, int thick) {
  cv::Mat grown;
  cv::dilate(ink, grown, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(1, 3)));
  const cv::Mat across = VerticalRunLengths(grown);
  const int max_depth = thick + kRuleDepthSlackPx;
  cv::Mat rule = cv::Mat::zeros(ink.size(), CV_8UC1);
  bool any = false;
  for (int y = 0; y < grown.rows; ++y) {
    const uchar* on = grown.ptr<uchar>(y);
    const int* depth = across.ptr<int>(y);
    uchar* r = rule.ptr<uchar>(y);
    int start = -1, last = -1;
    auto flush = [&]() {
      if (start < 0 || last - start + 1 < min_run) return;
      int inked = 0, shallow = 0;
      for (int x = start; x <= last; ++x) {
        if (!on[x]) continue;
        ++inked;
        shallow += depth[x] <= max_depth;
      }
      if (inked == 0 || shallow < kRuleShallowShare * inked) return;
      for (int x = start; x <= last; ++x)
        if (on[x] && depth[x] <= max_depth) r[x] = 255, any = true;
    };
    for (int x = 0; x < grown.cols; ++x) {
      if (!on[x]) continue;
      if (start >= 0 && x - last - 1 > kRuleBridgePx) {
        flush();
        start = -1;
      }
      if (start < 0) start = x;
      last = x;
    }
    flush();
  }
  if (any) ink.setTo(0, rule);
}

}  // namespace

void RemoveRules(cv::Mat& ink, double em, const LineOptions& opt) {
  if (ink.empty()) return;
  const int h_run =
      Clamp(ink.cols * opt.rule_h_share, opt.rule_min_h_em * em, opt.rule_max_em * em);
  const int v_run =
      Clamp(ink.rows * opt.rule_v_share, opt.rule_min_v_em * em, opt.rule_max_em * em);
  const int thick =
      std::max(kMinRuleThicknessPx, static_cast<int>(std::lround(opt.rule_thickness_em * em)));
  // Only the part of the image that holds ink is worked on (a page's text outside its
  // tables is a small part of it).
  const cv::Rect inked = cv::boundingRect(ink);
  if (inked.empty()) return;
  cv::Mat view = ink(inked);
  ClearRules(view, h_run, thick);
  cv::Mat across = view.t();
  ClearRules(across, v_run, thick);
  cv::Mat(across.t()).copyTo(view);
}

void RemoveSpecks(cv::Mat& whole, double em, const LineOptions& opt) {
  if (whole.empty()) return;
  const cv::Rect inked = cv::boundingRect(whole);
  if (inked.empty()) return;
  cv::Mat ink = whole(inked);  // components and marks are the same on the inked part alone
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  if (n <= 1) return;
  // Large enough to be a glyph or a solid part of one.
  const int big_area =
      std::max(kMinGlyphAreaPx, static_cast<int>(std::lround(opt.glyph_min_area_em2 * em * em)));
  const int big_side =
      std::max(kMinGlyphSidePx, static_cast<int>(std::lround(opt.glyph_min_side_em * em)));
  std::vector<char> big(n, 0);
  cv::Mat big_mask = cv::Mat::zeros(ink.size(), CV_8UC1);
  bool any_big = false;
  for (int i = 1; i < n; ++i) {
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (area >= big_area || std::max(w, h) >= big_side) {
      big[i] = 1;
      any_big = true;
    }
  }
  if (any_big) {
    // The neighbourhood of the large components: a small component within 0.7 em belongs
    // to their line (a dot, a comma, a full stop).
    for (int y = 0; y < labels.rows; ++y) {
      const int* l = labels.ptr<int>(y);
      uchar* m = big_mask.ptr<uchar>(y);
      for (int x = 0; x < labels.cols; ++x) m[x] = big[l[x]] ? 255 : 0;
    }
    const int r =
        std::max(kMinSpeckReachPx, static_cast<int>(std::lround(opt.speck_reach_em * em)));
    cv::dilate(big_mask, big_mask, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * r + 1, r + 1)));
  }
  std::vector<char> drop(n, 0);
  bool any_drop = false;
  for (int i = 1; i < n; ++i) {
    if (big[i]) continue;
    const int cx = std::clamp(static_cast<int>(centroids.at<double>(i, 0)), 0, ink.cols - 1);
    const int cy = std::clamp(static_cast<int>(centroids.at<double>(i, 1)), 0, ink.rows - 1);
    if (!any_big || big_mask.at<uchar>(cy, cx) == 0) {
      drop[i] = 1;
      any_drop = true;
    }
  }
  if (!any_drop) return;
  for (int y = 0; y < labels.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* m = ink.ptr<uchar>(y);
    for (int x = 0; x < labels.cols; ++x)
      if (drop[l[x]]) m[x] = 0;
  }
}

void RemoveBorderDebris(cv::Mat& ink, double em, const LineOptions& opt) {
  if (ink.empty()) return;
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  const int thin =
      std::max(kMinBorderThinPx, static_cast<int>(std::lround(opt.border_thin_em * em)));
  const int small =
      std::max(kMinBorderSmallPx, static_cast<int>(std::lround(opt.border_small_em2 * em * em)));
  std::vector<char> drop(n, 0);
  bool any = false;
  for (int i = 1; i < n; ++i) {
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    // Touching the border, or within 0.15 em of it (a rule's edge that the crop cut off).
    const int near =
        std::max(kMinBorderNearPx, static_cast<int>(std::lround(opt.border_near_em * em)));
    const bool left = x < near, right = x + w > ink.cols - near, top = y < near,
               bottom = y + h > ink.rows - near;
    if (!(left || right || top || bottom)) continue;
    const bool touching = x == 0 || y == 0 || x + w == ink.cols || y + h == ink.rows;
    const bool is_small = touching && stats.at<int>(i, cv::CC_STAT_AREA) < small;
    const bool thin_side = ((left || right) && w <= thin) || ((top || bottom) && h <= thin);
    // The stub of a crossing rule: a short stroke leaving the side of the cell, or the
    // corner where a rule turned (sparse in its box).
    const bool stub = ((left || right) && h <= thin && w <= opt.border_stub_em * em) ||
                      ((top || bottom) && w <= thin && h <= opt.border_stub_em * em);
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    const bool corner =
        (w <= opt.border_corner_em * em && h <= opt.border_corner_em * em &&
         area < opt.border_corner_fill_share * w * h) ||
        (touching && area <= opt.border_hairline_em * em * (w + h));  // hairline L of a corner
    if (is_small || thin_side || stub || corner) {
      drop[i] = 1;
      any = true;
    }
  }
  if (!any) return;
  for (int y = 0; y < labels.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* m = ink.ptr<uchar>(y);
    for (int x = 0; x < labels.cols; ++x)
      if (drop[l[x]]) m[x] = 0;
  }
}

double TypicalLineHeight(std::vector<int> heights) {
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}

namespace {

struct Band {
  int y0, y1;  // [y0, y1)
  long ink;
};

// Cuts a band taller than 1.5 lines at the emptiest row that leaves at least 0.6 of a line
// on either side, when that row holds at most a fifth of the band's median row ink
// (LineOptions::tall_band_line, split_margin_line, split_valley_share).
void SplitTall(const std::vector<int>& rows, Band b, double line_height, const LineOptions& opt,
               std::vector<Band>* out) {
  const int h = b.y1 - b.y0;
  if (line_height <= 0 || h < opt.tall_band_line * line_height) {
    out->push_back(b);
    return;
  }
  std::vector<int> v(rows.begin() + b.y0, rows.begin() + b.y1);
  std::vector<int> sorted = v;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const double median = sorted[sorted.size() / 2];
  const int margin = static_cast<int>(std::lround(opt.split_margin_line * line_height));
  int best = -1;
  double best_ink = 1e18;
  for (int y = margin; y < h - margin; ++y) {
    const double s =
        v[y] + kNeighbourRowWeight * ((y > 0 ? v[y - 1] : v[y]) + (y + 1 < h ? v[y + 1] : v[y]));
    // Prefer the cut nearest a whole number of lines on equal ink.
    const double off = std::abs(y / line_height - std::round(y / line_height));
    const double score = s + off;
    if (score < best_ink) {
      best_ink = score;
      best = y;
    }
  }
  if (best < 0 || v[best] > opt.split_valley_share * median) {
    out->push_back(b);
    return;
  }
  Band top{b.y0, b.y0 + best, 0}, bottom{b.y0 + best + 1, b.y1, 0};
  for (int y = top.y0; y < top.y1; ++y) top.ink += rows[y];
  for (int y = bottom.y0; y < bottom.y1; ++y) bottom.ink += rows[y];
  SplitTall(rows, top, line_height, opt, out);
  SplitTall(rows, bottom, line_height, opt, out);
}

cv::Rect CompBox(const cv::Mat& stats, int i) {
  return {stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
          stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT)};
}

// Drops what is not text at either end of a line (components sorted by x):
// - a speck: too small for any mark of the script, alone (a quotation mark's two strokes and a
//   colon's two dots are pairs), and apart from the text or above the line's middle, where
//   no single small mark stands at a line's end;
// - a small mark (a dot, a short stroke) that begins the line after a gap: no line of a cell
//   begins with one;
// - a small or thin piece (a speck, a rule's remnant) a whole em or more away from the rest,
//   or a sparse one (a rule's corner) half an em away.
void TrimEndSpecks(const cv::Mat& stats, const Band& band, double em, const LineOptions& opt,
                   std::vector<int>* seg) {
  auto tiny = [&](int i) {
    const cv::Rect r = CompBox(stats, i);
    return std::max(r.width, r.height) <= opt.end_tiny_em * em &&
           stats.at<int>(i, cv::CC_STAT_AREA) <= opt.end_tiny_em2 * em * em;
  };
  auto small = [&](int i) {
    const cv::Rect r = CompBox(stats, i);
    return std::max(r.width, r.height) <= opt.end_small_em * em &&
           stats.at<int>(i, cv::CC_STAT_AREA) <= opt.end_small_em2 * em * em;
  };
  auto thin = [&](int i) {
    const cv::Rect r = CompBox(stats, i);
    return r.width <= opt.end_thin_w_em * em || r.height <= opt.end_thin_h_em * em;
  };
  auto paired = [&](size_t k) {
    const cv::Rect r = CompBox(stats, (*seg)[k]);
    for (size_t j = 0; j < seg->size(); ++j) {
      if (j == k || !tiny((*seg)[j])) continue;
      const cv::Rect o = CompBox(stats, (*seg)[j]);
      const int dx = std::max(0, std::max(o.x - (r.x + r.width), r.x - (o.x + o.width)));
      const int dy = std::max(0, std::max(o.y - (r.y + r.height), r.y - (o.y + o.height)));
      if (dx <= opt.end_pair_dx_em * em && dy <= opt.end_pair_dy_em * em) return true;
    }
    return false;
  };
  const double middle = (band.y0 + band.y1) / 2.0;
  for (bool changed = true; changed && seg->size() > 1;) {
    changed = false;
    for (bool front : {true, false}) {
      const size_t k = front ? 0 : seg->size() - 1;
      const int i = (*seg)[k];
      const cv::Rect r = CompBox(stats, i);
      int gap = 0;
      if (front) {
        int x0 = 1 << 30;
        for (size_t j = 1; j < seg->size(); ++j) x0 = std::min(x0, CompBox(stats, (*seg)[j]).x);
        gap = x0 - (r.x + r.width);
      } else {
        int x1 = 0;
        for (size_t j = 0; j + 1 < seg->size(); ++j) {
          const cv::Rect o = CompBox(stats, (*seg)[j]);
          x1 = std::max(x1, o.x + o.width);
        }
        gap = r.x - x1;
      }
      bool drop = false;
      if (tiny(i) && !paired(k)) drop = gap >= opt.end_tiny_gap_em * em || r.y + r.height < middle;
      if (front && small(i) && !paired(k) && gap >= opt.end_tiny_gap_em * em) drop = true;
      if (!front && small(i) && !paired(k) && gap >= opt.end_small_gap_end_em * em) drop = true;
      if ((small(i) || thin(i)) && gap >= opt.end_far_gap_em * em) drop = true;
      // A sparse stroke (a rule's corner, a hair) apart from the text.
      const int area = stats.at<int>(i, cv::CC_STAT_AREA);
      if (area < opt.end_sparse_fill_share * r.area() && area < opt.end_sparse_em2 * em * em &&
          gap >= opt.end_sparse_gap_em * em)
        drop = true;
      if (drop) {
        seg->erase(seg->begin() + static_cast<long>(k));
        changed = true;
        break;
      }
    }
  }
}

}  // namespace

std::vector<InkLine> FindLines(const cv::Mat& ink, double em, double split_gap_em,
                               double line_height, const LineOptions& opt) {
  std::vector<InkLine> out;
  if (ink.empty()) return out;
  std::vector<int> rows(ink.rows, 0);
  for (int y = 0; y < ink.rows; ++y) rows[y] = cv::countNonZero(ink.row(y));

  std::vector<Band> bands;
  for (int y = 0; y < ink.rows;) {
    if (rows[y] == 0) {
      ++y;
      continue;
    }
    Band b{y, y, 0};
    while (y < ink.rows && rows[y] > 0) b.ink += rows[y++];
    b.y1 = y;
    bands.push_back(b);
  }
  // A thin band close to a taller one is part of its line: the bars of 二 or = on a row of
  // their own, a punctuation mark's tail, a line's underline of dots.
  const double thin = opt.thin_band_em * em;
  const double near_gap = opt.near_band_em * em;
  for (bool merged = true; merged && bands.size() > 1;) {
    merged = false;
    for (size_t i = 0; i + 1 < bands.size(); ++i) {
      Band& a = bands[i];
      Band& b = bands[i + 1];
      const int gap = b.y0 - a.y1;
      const bool a_thin = a.y1 - a.y0 < thin, b_thin = b.y1 - b.y0 < thin;
      if ((a_thin || b_thin) && gap <= near_gap && (b.y1 - a.y0) <= opt.joined_band_max_em * em) {
        a.y1 = b.y1;
        a.ink += b.ink;
        bands.erase(bands.begin() + i + 1);
        merged = true;
        break;
      }
    }
  }
  if (line_height > 0) {
    std::vector<Band> split;
    for (const Band& b : bands) SplitTall(rows, b, line_height, opt, &split);
    bands.swap(split);
  }
  if (bands.empty()) return out;

  // Components go whole to the band that holds their centre (a glyph that reaches into the
  // line above stays with its own line), unless they lie across two bands (wrapped lines
  // that touch): those are cut along the bands' rows.
  // Components of the inked part only (labels are of that part; stats and centroids are
  // moved to the whole image's coordinates).
  const cv::Rect inked = cv::boundingRect(ink);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink(inked), labels, stats, centroids, 8, CV_32S);
  for (int i = 0; i < n; ++i) {
    stats.at<int>(i, cv::CC_STAT_LEFT) += inked.x;
    stats.at<int>(i, cv::CC_STAT_TOP) += inked.y;
    centroids.at<double>(i, 0) += inked.x;
    centroids.at<double>(i, 1) += inked.y;
  }
  std::vector<std::vector<int>> members(bands.size());
  std::vector<char> cut(n, 0);
  // Rows [lo[b], hi[b]) belong to band b when a cut component is divided.
  std::vector<int> lo(bands.size()), hi(bands.size());
  for (size_t b = 0; b < bands.size(); ++b) {
    lo[b] = b == 0 ? 0 : (bands[b - 1].y1 + bands[b].y0) / 2;
    hi[b] = b + 1 == bands.size() ? ink.rows : (bands[b].y1 + bands[b + 1].y0) / 2;
  }
  for (int i = 1; i < n; ++i) {
    const int top = stats.at<int>(i, cv::CC_STAT_TOP);
    const int bottom = top + stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const double cy = centroids.at<double>(i, 1);
    int best = -1;
    double best_d = 1e18;
    int spanned = 0;
    for (size_t b = 0; b < bands.size(); ++b) {
      const double d = cy < bands[b].y0 ? bands[b].y0 - cy : cy >= bands[b].y1 ? cy - bands[b].y1 + 1 : 0;
      if (d < best_d) {
        best_d = d;
        best = static_cast<int>(b);
      }
      const int overlap = std::min(bottom, bands[b].y1) - std::max(top, bands[b].y0);
      if (overlap > opt.across_band_share * (bands[b].y1 - bands[b].y0)) ++spanned;
    }
    if (spanned > 1) {
      cut[i] = 1;
      for (size_t b = 0; b < bands.size(); ++b)
        if (std::min(bottom, hi[b]) > std::max(top, lo[b])) members[b].push_back(i);
    } else if (best >= 0 && best_d <= opt.component_reach_em * em) {
      members[best].push_back(i);
    }
  }

  const long min_ink = std::max(kMinLineInkPx, static_cast<long>(opt.min_line_ink_em2 * em * em));
  std::vector<char> in(n, 0);  // the components of the segment at hand
  for (size_t b = 0; b < bands.size(); ++b) {
    std::vector<int>& m = members[b];
    if (m.empty()) continue;
    std::sort(m.begin(), m.end(), [&](int a, int c) {
      return stats.at<int>(a, cv::CC_STAT_LEFT) < stats.at<int>(c, cv::CC_STAT_LEFT);
    });
    const int h = bands[b].y1 - bands[b].y0;
    const int max_gap =
        split_gap_em > 0
            ? std::max(kMinSplitGapPx,
                       static_cast<int>(std::lround(
                           split_gap_em * std::max<double>(h, opt.split_min_band_em * em))))
            : ink.cols + 1;
    // Segments: runs of components whose x-extents are no more than max_gap apart.
    std::vector<std::vector<int>> segments;
    int seg_x1 = -1;
    for (int i : m) {
      const int x0 = stats.at<int>(i, cv::CC_STAT_LEFT);
      const int x1 = x0 + stats.at<int>(i, cv::CC_STAT_WIDTH);
      if (segments.empty() || x0 - seg_x1 > max_gap) {
        segments.emplace_back();
        seg_x1 = x1;
      }
      segments.back().push_back(i);
      seg_x1 = std::max(seg_x1, x1);
    }
    for (std::vector<int>& seg : segments) {
      TrimEndSpecks(stats, bands[b], em, opt, &seg);
      cv::Rect box;
      long area = 0;
      for (int i : seg) {
        const cv::Rect c(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                         stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
        box = box.area() == 0 ? c : (box | c);
        area += stats.at<int>(i, cv::CC_STAT_AREA);
      }
      if (area < min_ink) continue;
      // A line of one speck or blot, much lower than the region's lines, is no text.
      const double low =
          line_height > 0 ? opt.speck_line_line * line_height : opt.speck_line_em * em;
      if (box.height < low && area < opt.speck_line_em2 * em * em &&
          box.width < opt.speck_line_width_em * em)
        continue;
      // A line of nothing but strokes of rules (stubs, pieces), at most three.
      if (seg.size() <= static_cast<size_t>(opt.max_rule_pieces) &&
          std::all_of(seg.begin(), seg.end(), [&](int i) {
            const cv::Rect r = CompBox(stats, i);
            const bool flat =
                r.height <= opt.rule_piece_em * em && r.width >= opt.rule_piece_aspect * r.height;
            const bool upright =
                r.width <= opt.rule_piece_em * em && r.height >= opt.rule_piece_aspect * r.width;
            return flat || upright;
          }))
        continue;
      InkLine line;
      line.box = box;
      line.mask = cv::Mat::zeros(box.size(), CV_8UC1);
      for (int i : seg) in[i] = 1;
      for (int y = 0; y < box.height; ++y) {
        const int row = box.y + y;
        const bool own_rows = row >= lo[b] && row < hi[b];
        const int* l = labels.ptr<int>(row - inked.y) + (box.x - inked.x);
        uchar* o = line.mask.ptr<uchar>(y);
        for (int x = 0; x < box.width; ++x)
          if (in[l[x]] && (own_rows || !cut[l[x]])) o[x] = 255;
      }
      for (int i : seg) in[i] = 0;
      // A cut component's box reaches into the other band: tighten to the mask.
      const cv::Rect tight = cv::boundingRect(line.mask);
      if (tight.area() == 0) continue;
      line.box = cv::Rect(box.x + tight.x, box.y + tight.y, tight.width, tight.height);
      line.mask = line.mask(tight).clone();
      out.push_back(std::move(line));
    }
  }
  std::sort(out.begin(), out.end(), [](const InkLine& a, const InkLine& c) {
    return a.box.y != c.box.y ? a.box.y < c.box.y : a.box.x < c.box.x;
  });
  return out;
}

}  // namespace jixiao::ocr
