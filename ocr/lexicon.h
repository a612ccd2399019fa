// What a reader of these tables knows before reading a cell: the fixed labels of the
// templates and the standard indicator vocabulary. A cell whose OCR text is within a small
// edit distance of exactly one such term is that term.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::ocr {

// The terms, as printed (full-width punctuation).
const std::vector<std::string>& Vocabulary();

// Levenshtein distance between two strings, in code points.
int EditDistance(std::u32string_view a, std::u32string_view b);

// The term `text` was printed as, when OCR got it slightly wrong: compared without white
// space and after NFKC, a term at distance 1 (terms of 4 to 8 characters) or 2 (longer
// terms), nearer than any other term, with a length within that distance of the text's.
// Shorter terms and exact matches give nullopt (nothing to correct); so does a tie.
std::optional<std::string> NearestTerm(std::string_view text);

// Fixes that need no vocabulary: an `x`, `X` or `*` between a Chinese character and a
// number is the multiplication sign (总数量×100%). Returns the text unchanged otherwise.
std::string FixSymbols(std::string_view text);

}  // namespace jixiao::ocr
