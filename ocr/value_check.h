// Second looks at the values of a scanned table: what chi_sim cannot read or reads short,
// decided by the glyph's shape or by the second recognizer (ocr/line_net.h). Two named fixes
// of stage `line` (core/fixes.h):
// - ocr.operator_cell: a cell that holds an operator glyph alone (the 绩效指标性质 column of a
//   table printing ≥ apart from its number) is that operator. chi_sim reads it as 之, 么, 章 or
//   nothing, and the ＝'s two bars may be found as two lines (章 over 一).
// - ocr.digit_recheck: a cell's line whose digits have a suspicious form is read again by the
//   second recognizer, and the number is taken from it when that reads it surely, reads the
//   line's other numbers as chi_sim did, and makes the form plausible (SuspiciousDigits).
#pragma once

#include <opencv2/core.hpp>
#include <optional>
#include <string>

#include "ocr/line_reader.h"
#include "ocr/operator.h"

namespace jixiao::ocr {

// ocr.operator_cell: the operator that `ink` (a table cell's ink without its rules, CV_8UC1,
// non-zero = ink) holds alone, or nullopt: its ink is one glyph (one run of inked columns) no
// taller than a line of `em` pixels, and ClassifyOperator takes it for an operator. Where that
// operator is ＝, its two bars are of one length (二's top one is shorter).
std::optional<OpMatch> LoneOperator(const cv::Mat& ink, double em);

// ocr.digit_recheck: whether `text` (one line of a table cell) has a number of a suspicious form:
// - a percentage of one digit (8% where the print has 80%: a lost 0), not after a decimal point;
// - a decimal point right before % or ‰ (4.% or 0.%o: the digit after it lost);
// - a glyph chi_sim reads for an operator it has no letter for (之 么 和 for ≥ ≤, 一 二 三 for
//   ＝, < > for ≤ ≥) right before a number, at the line's start or after Chinese or a colon.
bool SuspiciousDigits(const std::string& text);

class LineNet;

// ocr.digit_recheck: reads the line `gray` (as ReadTextLine was given it) with `net` and mends
// `r` where SuspiciousDigits finds a form: the net's number (a one-digit percentage that it
// reads as two digits of at most 100, a decimal with its digit after the point), or its
// operator before the number, each read at kDigitNetSure or more, when the net reads the
// line's numbers otherwise as `r` does. Returns whether `r` changed; its confidences and
// glyph images follow its text.
bool RecheckDigits(LineNet& net, const cv::Mat& gray, LineResult& r);

}  // namespace jixiao::ocr
