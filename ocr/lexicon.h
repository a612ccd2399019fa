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
// space and after NFKC, a term at distance 1 (terms of 4 to 8 characters) or 2 (longer
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

// Fixes of marks that chi_sim confuses, by what the text around them says:
// - `x`, `X`, `*` or `"` between a Chinese character and a number is ×  (总故障数量×100%);
// - an item number opened by a wrong bracket or none, `〈八)` or `八)` at the line's start,
//   is `（八）`; `〈` closed by `)` is `（`; specks between a number and its `、` go (2…、);
// - `;` after a label (绩效目标, 单位, 其中) is the label's colon `：`, and an item's
//   `（三）绩效目标` followed directly by its title gets the colon it lost;
// - an ASCII full stop ending a line after a Chinese character is a speck (Chinese ends
//   sentences with 。).
// - `合` whose roof faded reads `台` (or `人台`): in 合同, 综合, 合理, 符合, 合计, 合格, 合法,
//   合作, 合并, 配合, 结合, 整合, 联合, 融合, 适合, where 台 makes no word;
// - marks that are no text of these documents, $ ` | ~, go;
// - ‰ read as %o, 1 read as L/l/I between a Chinese character and digits, an unpaired
//   ] or [ beside a digit, a unit's middle dot read as : or - (元/生·年).
// Returns the text unchanged when none applies.
std::string FixSymbols(std::string_view text);

// A cell's text without the specks that read as marks at its ends: no cell begins with
// , 、 。 . ; : ' or `, and none ends with , 、 ; : . ' or ` (it may end with 。). A full
// stop between two Chinese characters in a cell is the middle dot of a unit after `/X`
// (元/生·天), else a comma.
std::string TrimCellMarks(std::string_view text);

// A line's text without specks read as ASCII marks at its start (. , ; : ' `, and dots
// before 、 where a bold item number was lost), and without full stops between two Chinese
// characters (a speck: Chinese ends sentences with 。).
std::string TrimLeadingMarks(std::string_view text);

}  // namespace jixiao::ocr
