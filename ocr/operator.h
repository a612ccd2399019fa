// The comparison operator a value begins with, read from the glyph's shape.
//
// chi_sim has no ≥, ≤ (nor the slanted ⩾ ⩽ of CJK fonts): it reads `≥95%` as `之95%`,
// `295%` or `>95%` and sometimes drops the glyph. So the first glyph of a line is compared
// with templates of the operators as fonts draw them (and of the digits, letters, brackets
// and pieces of Chinese characters a line may also begin with, so that those are not taken
// for operators): nearest template, with a distance limit and a margin to the negatives.
#pragma once

#include <string>

#include <opencv2/core.hpp>

namespace jixiao::ocr {

enum class OpClass { kGe, kLe, kEq, kGt, kLt, kOther };

// "≥", "≤", "=", ">", "<"; "" for kOther.
std::string OperatorText(OpClass op);

struct OpMatch {
  OpClass op = OpClass::kOther;
  double distance = 1;        // to the nearest template of `op` (or of any operator)
  double other_distance = 1;  // to the nearest negative template
  double confidence = 0;      // 0..1, for the operator (0 when kOther)
  OpClass nearest = OpClass::kOther;  // the nearest operator's class, kept or not
  bool near = false;  // within the distance limit of `nearest` (kept or failing the margin)
};

// Classifies one glyph: `glyph` is an ink mask (CV_8UC1, non-zero = ink), cropped to the
// glyph or not. Too small or blank masks are kOther.
OpMatch ClassifyOperator(const cv::Mat& glyph);

// The first glyph of a line's ink mask: the first run of inked columns (an operator's bar and
// chevron overlap in x, so they stay together), cropped to its ink. Empty when the mask is.
cv::Rect FirstGlyph(const cv::Mat& ink);

// Where the first glyph of a line runs into the next one: an operator set close to its number,
// which the scan's blur joins to it (≥98% one run of inked columns, read as 298%). `gray` is the
// line's image and `ink` its ink mask (same size); `height` the line's ink height. The cut is
// the column, between kMinTouchCutEm and kMaxTouchCutEm line heights from the ink's start, whose
// darkest pixel is the lightest, when that pixel is lighter than halfway from the line's strokes
// to white (a join of blur, not a stroke). Returns the ink's column of the cut, or -1 when the
// first run of inked columns is no wider than kMaxTouchCutEm or no such faint column is there.
int TouchingCut(const cv::Mat& gray, const cv::Mat& ink, int height);

}  // namespace jixiao::ocr
