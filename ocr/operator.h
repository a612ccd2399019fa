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
};

// Classifies one glyph: `glyph` is an ink mask (CV_8UC1, non-zero = ink), cropped to the
// glyph or not. Too small or blank masks are kOther.
OpMatch ClassifyOperator(const cv::Mat& glyph);

// The first glyph of a line's ink mask: the first run of inked columns (an operator's bar and
// chevron overlap in x, so they stay together), cropped to its ink. Empty when the mask is.
cv::Rect FirstGlyph(const cv::Mat& ink);

}  // namespace jixiao::ocr
