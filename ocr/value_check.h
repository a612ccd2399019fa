// Second looks at the values of a scanned table: what chi_sim cannot read, decided by the
// glyph's shape. A named fix of stage `line` (core/fixes.h):
// - ocr.operator_cell: a cell that holds an operator glyph alone (the 绩效指标性质 column of a
//   table printing ≥ apart from its number) is that operator. chi_sim reads it as 之, 么, 章 or
//   nothing, and the ＝'s two bars may be found as two lines (章 over 一).
#pragma once

#include <opencv2/core.hpp>
#include <optional>
#include <string>

#include "ocr/operator.h"

namespace jixiao::ocr {

// ocr.operator_cell: the operator that `ink` (a table cell's ink without its rules, CV_8UC1,
// non-zero = ink) holds alone, or nullopt: its ink is one glyph (one run of inked columns) no
// taller than a line of `em` pixels, and ClassifyOperator takes it for an operator. Where that
// operator is ＝, its two bars are of one length (二's top one is shorter).
std::optional<OpMatch> LoneOperator(const cv::Mat& ink, double em);

}  // namespace jixiao::ocr
