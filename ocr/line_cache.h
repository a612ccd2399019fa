// Lines read already on a page. A table prints the same terms and values again and again
// (产出指标, 数量指标, 100%, ≥95% …): a line whose ink matches one read before, pixel for
// pixel up to scan noise, is that line again and needs no second reading.
//
// The match is approximate, so what a line reads depends on what the cache holds. A cache
// therefore spans one page (ReadScannedPage keeps one per page): one kept by a worker thread
// across its pages made a page's reading depend on which pages that thread had read before,
// and two runs of a document differ in their confidences (measured against one per page:
// the same accuracy on the sample and corpus scans, and no measurable cost).
#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace jixiao::ocr {

struct CachedLine {
  std::string text;
  double confidence = 0;
  bool corrected = false;
  std::vector<std::string> fixes;  // core/fixes.h ids
  std::vector<float> char_confidence;
};

class LineCache {
 public:
  // The line's shape: its ink (CV_8UC1, non-zero = ink) cropped tight, scaled to kHeight
  // pixels high, blurred. Empty for a line with no ink.
  struct Key {
    cv::Mat shape;  // CV_32F, kHeight rows
    int width = 0, height = 0;  // of the ink, pixels
  };
  static constexpr int kHeight = 24;

  static Key MakeKey(const cv::Mat& ink);

  // The reading of a cached line as near as `max_distance` to `key` (see Distance), or null.
  const CachedLine* Find(const Key& key, double max_distance, double* distance = nullptr) const;

  // Keeps a reading; lines longer than kMaxChars characters are not kept (they rarely
  // repeat), nor anything once kMaxEntries are kept.
  void Add(Key key, CachedLine line);

  // Normalized L1 difference of two shapes of the same size: 0 same, 1 disjoint.
  static double Distance(const cv::Mat& a, const cv::Mat& b);

  size_t size() const { return entries_.size(); }

  static constexpr size_t kMaxChars = 12;
  static constexpr size_t kMaxEntries = 2000;

 private:
  struct Entry {
    Key key;
    CachedLine line;
  };
  std::vector<Entry> entries_;
};

}  // namespace jixiao::ocr
