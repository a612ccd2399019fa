#include "ocr/line_cache.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/text.h"

namespace jixiao::ocr {

LineCache::Key LineCache::MakeKey(const cv::Mat& ink) {
  Key key;
  if (ink.empty()) return key;
  const cv::Rect box = cv::boundingRect(ink);
  if (box.area() == 0) return key;
  key.width = box.width;
  key.height = box.height;
  cv::Mat f;
  cv::Mat mask = ink(box) != 0;
  mask.convertTo(f, CV_32F, 1.0 / 255);
  const int w = std::max(1, static_cast<int>(std::lround(static_cast<double>(kHeight) * box.width / box.height)));
  cv::resize(f, key.shape, cv::Size(w, kHeight), 0, 0, cv::INTER_AREA);
  cv::GaussianBlur(key.shape, key.shape, cv::Size(0, 0), 1.0);
  return key;
}

double LineCache::Distance(const cv::Mat& a, const cv::Mat& b) {
  const double sum = cv::sum(a)[0] + cv::sum(b)[0];
  if (sum <= 0) return 1;
  return cv::norm(a, b, cv::NORM_L1) / sum;
}

const CachedLine* LineCache::Find(const Key& key, double max_distance, double* distance) const {
  if (distance) *distance = 1;
  if (key.shape.empty()) return nullptr;
  const CachedLine* best = nullptr;
  double best_d = max_distance;
  for (const Entry& e : entries_) {
    if (std::abs(e.key.shape.cols - key.shape.cols) > 1) continue;
    if (std::abs(e.key.height - key.height) > 0.1 * key.height + 1) continue;
    if (std::abs(e.key.width - key.width) > 0.05 * key.width + 2) continue;
    cv::Mat resized = key.shape;
    if (e.key.shape.cols != key.shape.cols)
      cv::resize(key.shape, resized, e.key.shape.size(), 0, 0, cv::INTER_LINEAR);
    const double d = Distance(resized, e.key.shape);
    if (distance && d < *distance) *distance = d;
    if (d < best_d) {
      best_d = d;
      best = &e.line;
    }
  }
  return best;
}

void LineCache::Add(Key key, CachedLine line) {
  if (key.shape.empty() || entries_.size() >= kMaxEntries) return;
  if (ToU32(line.text).size() > kMaxChars || line.text.empty()) return;
  entries_.push_back({std::move(key), std::move(line)});
}

}  // namespace jixiao::ocr
