// Fixes of marks and characters that chi_sim confuses, decided by what the text around them
// says: the fixes of stage `text` in core/fixes.h, one function each, applied in that order to
// every line a scanned page is read into; and the speck trims of cells and lines (stage
// `page`). Each reports the ids of the fixes that changed the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/fixes.h"

namespace jixiao::ocr {

// One fix of a line's text: `apply` rewrites the text in place where the fix applies and
// leaves it alone elsewhere.
struct TextFix {
  std::string_view id;  // one of Fixes() of stage kText
  void (*apply)(std::u32string& text);
};

// The text fixes in the order they are applied, which is their order in Fixes():
// - `x`, `X`, `*` or `"` between a Chinese character and a number is ×  (总故障数量×100%);
// - an item number opened by a wrong bracket or none, `〈八)` or `八)` at the line's start,
//   is `（八）`; `〈` closed by `)` is `（`; specks between a number and its `、` go (2…、);
// - `;` after a label (绩效目标, 单位, 其中) is the label's colon `：`, as is a mark a scan
//   reads for the colon of a heading's label (部门名称；某局, 金额单位，元: vocabulary/
//   OrganizationLabels, MoneyUnitLabels, ColonReadings), and an item's
//   `（三）绩效目标` followed directly by its title gets the colon it lost;
// - `合` whose roof faded reads `台` (or `人台`): in 合同, 综合, 合理, 符合, 合计, 合格, 合法,
//   合作, 合并, 配合, 结合, 整合, 联合, 融合, 适合, where 台 makes no word;
// - marks that are no text of these documents, $ ` | ~, go;
// - ‰ read as %o, 1 read as L/l/I between a Chinese character and digits, an unpaired
//   ] or [ beside a digit, a unit's middle dot read as : or - (元/生·年);
// - the % sign's echo (5%6, 959%, 100%%), a unit's lost middle dot (元/生天), straight quotes
//   ("一卡通"), {, a date's 月 for 日;
// - an ASCII full stop ending a line after a Chinese character (Chinese ends sentences
//   with 。).
const std::vector<TextFix>& TextFixes();

// A text and the ids of the fixes that changed it (in the order of Fixes()).
struct FixedText {
  std::string text;
  std::vector<std::string> fixes;
};

// The text fixes that `switches` leave on, applied in order; trailing spaces go too (no fix
// of their own: they hold no reading). Returns the text unchanged when none applies.
FixedText FixSymbols(std::string_view text, const FixSwitches& switches);
// ... all of them.
std::string FixSymbols(std::string_view text);

// A cell's text without the specks that read as marks at its ends (ocr.cell_end_marks): no
// cell begins with , 、 。 . ; : ' or `, and none ends with , 、 ; : . ' or ` (it may end with
// 。), nor with a dash after a % or a closing quote nothing opened. A full stop between two
// Chinese characters in a cell (ocr.cell_dots) is the middle dot of a unit after `/X`
// (元/生·天), else a comma. The ids of the fixes that changed the text are added to `fixes`.
std::string TrimCellMarks(std::string_view text, const FixSwitches& switches,
                          std::vector<std::string>* fixes);
std::string TrimCellMarks(std::string_view text);

// A line's text without specks read as ASCII marks at its start (. , ; : ' `, and dots
// before 、 where a bold item number was lost: ocr.line_start_marks), and without full stops
// between two Chinese characters (a speck: Chinese ends sentences with 。; ocr.line_dots).
std::string TrimLeadingMarks(std::string_view text, const FixSwitches& switches,
                             std::vector<std::string>* fixes);
std::string TrimLeadingMarks(std::string_view text);

}  // namespace jixiao::ocr
