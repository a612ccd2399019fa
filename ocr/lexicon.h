// What a reader of these tables knows before reading a cell: the fixed labels of the
// templates and the standard indicator vocabulary. A cell whose OCR text is within a small
// edit distance of exactly one such term is that term.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "vocabulary/vocabulary.h"

namespace jixiao::ocr {

// The terms, as printed (full-width punctuation): vocabulary/'s PrintedTerms.
const std::vector<std::string>& Vocabulary();

// Levenshtein distance lives in core/text.h.
using ::jixiao::EditDistance;

// The term `text` was printed as, when OCR got it slightly wrong: compared without white
// space and after NFKC, a term at distance 1 (terms of 4 to 9 characters) or 2 (longer
// terms), nearer than any other term, with a length within that distance of the text's.
// Shorter terms and exact matches give nullopt (nothing to correct); so does a tie, and a
// term with one more Chinese character at either end (another word: 12月底前).
std::optional<std::string> NearestTerm(std::string_view text);

// Terms printed side by side in one row of a table (vocabulary/'s TermGroups).
using ::jixiao::TermGroups;

// The term a cell in a row of `siblings` (the other cells' texts) was printed as, when the
// text is within distance 2 (and less than the term's length) of several terms of one
// group, or of one, and exactly one of those is missing from the row while at least two
// other members of its group are there.
std::optional<std::string> NearestTermInRow(std::string_view text,
                                            const std::vector<std::string>& siblings);

// The fixes of marks by context (FixSymbols) and the speck trims are in ocr/text_fixes.h.

}  // namespace jixiao::ocr
