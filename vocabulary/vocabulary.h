// What a reader of these documents knows before reading them: the labels of the templates, the
// indicator terms, the department labels and the fiscal units. The one home of this knowledge;
// records/, ocr/, checks/ and normalize/ read it from here (a new region's wording is an entry
// here, not a new function).
#pragma once

#include <string>
#include <vector>

namespace jixiao {

// The indicator vocabulary: 一级 and 二级 indicators and their common variants (a variant
// read right is never taken for a misread standard term).
const std::vector<std::string>& IndicatorTerms();

}  // namespace jixiao
