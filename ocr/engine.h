// One worker thread's Tesseract state and the single operation the OCR path asks of it:
// read one line of text from a small, clean gray image.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "ocr/line_net.h"
#include "ocr/options.h"

namespace tesseract {
class TessBaseAPI;
}

namespace jixiao::ocr {

// Which recognizer reads a line: the Chinese model (which also knows digits and Latin
// letters), or the English model limited to printable ASCII, for codes and numbers.
enum class Model { kChinese, kAscii };

// How Tesseract is told to take the line image: one text line (the default), one character
// (a wrapped cell's last line is often a single character, which line mode reads as empty),
// or the raw line without any layout analysis.
enum class Layout { kLine, kChar, kRawLine };

// One recognized symbol: its text and its box in pixels of the line image handed to
// ReadLine (before any scaling that ReadLine does internally).
struct Symbol {
  std::string text;  // UTF-8, one code point as a rule
  cv::Rect box;
  double confidence = 0;  // 0..1
  bool space_before = false;  // Tesseract began a new word here
};

struct LineText {
  std::string text;       // UTF-8, spaces as Tesseract put them
  double confidence = 0;  // 0..1: mean of the symbol confidences (0 when empty)
  std::vector<Symbol> symbols;
};

// The text of symbols [from, to). Tesseract's word breaks are unreliable next to Chinese
// (it splits `单位：万元` into words and runs `318002 抚宁区` together), so with a line height
// (pixels) a space goes where the printed gap is wider than 0.3 of it, or where Tesseract put
// one between two Latin letters or digits with a gap of at least 0.12 of it. Without one,
// Tesseract's spaces are kept except between Chinese characters.
std::string JoinSymbols(const std::vector<Symbol>& symbols, size_t from, size_t to,
                        double line_height = 0);

// Smallest line image (pixels) given to Tesseract; smaller inputs are read as empty.
inline constexpr int kMinLinePx = 6;

}  // namespace jixiao::ocr

namespace jixiao {

// Tesseract state of one worker thread: created once, reused for every page of that thread.
// What it reads holds no memory of earlier pages: a page reads the same on any engine.
class OcrEngine {
 public:
  // Throws Error when the chi_sim / eng models are missing.
  explicit OcrEngine(const ocr::OcrOptions& options = {});
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  const ocr::OcrOptions& options() const;
  // The engine reads without something it was given: the second line recognizer's model
  // (OcrOptions::line_net_dir) or the word list (OcrOptions::word_list) is missing. Its
  // readings are worse; degraded_reason() says what is missing, for a warning.
  bool degraded() const { return !degraded_reason().empty(); }
  const std::string& degraded_reason() const;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

struct OcrEngine::Impl {
  explicit Impl(const ocr::OcrOptions& options);
  ~Impl();

  // Reads `line` (CV_8UC1, paper 255, one text line, tight to the ink) as one line of text.
  // `dpi` is the resolution of `line`. The image is padded and scaled here; degenerate
  // inputs (tiny, blank, solid) come back empty instead of reaching Tesseract.
  ocr::LineText ReadLine(const cv::Mat& line, double dpi, ocr::Model model,
                         ocr::Layout layout = ocr::Layout::kLine);

  // The recognizer of `model`, the English one loaded at its first use.
  tesseract::TessBaseAPI* Api(ocr::Model model);

  // The second line recognizer (ocr/line_net.h), made at its first use; null when its model
  // files are not in OcrOptions::line_net_dir.
  ocr::LineNet* Net();

  ocr::OcrOptions options;
  std::string degraded_reason;  // empty, or what the engine runs without
  std::unique_ptr<tesseract::TessBaseAPI> chinese;
  std::unique_ptr<tesseract::TessBaseAPI> ascii;  // null until a line needs it
  std::unique_ptr<ocr::LineNet> net;
  bool net_tried = false;
  int lines_read = 0;             // statistics for benchmarks
  double recognize_seconds = 0;   // thread CPU time spent inside Tesseract
};

}  // namespace jixiao
