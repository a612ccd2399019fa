#include "core/fixes.h"

#include <algorithm>
#include <unordered_map>

#include "core/error.h"

namespace jixiao {

std::string_view StageName(FixStage stage) {
  switch (stage) {
    case FixStage::kLine:
      return "line";
    case FixStage::kText:
      return "text";
    case FixStage::kPage:
      return "page";
    case FixStage::kDocument:
      return "document";
    case FixStage::kRecords:
      return "records";
  }
  return "";
}

const std::vector<FixInfo>& Fixes() {
  using S = FixStage;
  // clang-format off
  static const std::vector<FixInfo> fixes = {
      // While a line is read (table cells, and codes and numbers anywhere).
      {"ocr.operator_shape", S::kLine, "a cell's leading ≥ ≤ ＝ < > read by its glyph's shape, which chi_sim has no letter for"},
      {"ocr.operator_cell", S::kLine, "a table cell holding one glyph of an operator's shape alone (≥ printed apart from its number) is that operator"},
      {"ocr.percent_echo_glyph", S::kLine, "a digit whose box lies within the % beside it is the sign read twice (959% is 95%)"},
      {"ocr.code_lookalike", S::kLine, "a code's look-alike letters and digits (5/S, 0/O) as the second recognizer reads them at 0.8"},
      {"ocr.ascii_number", S::kLine, "a number chi_sim read short (50 as 0) is the English model's longer reading of it"},
      {"ocr.ascii_code", S::kLine, "a code with one Chinese character in it (JBN-攻2M8) is the English model's reading"},
      {"ocr.digit_recheck", S::kLine, "a cell's number of a suspicious form (8% for 80%, 4.% for 4.2%, 之 or 一 before a number) is the second recognizer's sure reading of it"},
      // Lines outside the tables, before the text fixes.
      {"ocr.line_start_marks", S::kPage, "specks read as . , ; : ' ` … at a line's start go (and dots before 、)"},
      {"ocr.line_dots", S::kPage, "a full stop between two Chinese characters in a line outside the tables is a speck"},
      // Each line's text by its own context (FixSymbols), in this order.
      {"ocr.times", S::kText, "x X * \" between a Chinese character and a number is × (数量x100%)"},
      {"ocr.item_number", S::kText, "an item number with a wrong bracket or none, 〈八) or 八) at the start, is （八）"},
      {"ocr.item_number_specks", S::kText, "specks between a number and its 、 go (2…、 is 2、)"},
      {"ocr.angle_bracket", S::kText, "〈 closed by ) is （ (部门〈单位) is 部门（单位）)"},
      {"ocr.goal_colon", S::kText, "an item's （三）绩效目标 followed by its title, or by a comma, gets its colon"},
      {"ocr.label_colon", S::kText, "; after 绩效目标, 单位 or 其中 is the label's colon, and a colon read as two marks is one; a heading's 部门名称 (vocabulary OrganizationLabels) read with ；，. for its colon, and 金额单位 with ， before a money unit, gets its colon"},
      {"ocr.he_tai", S::kText, "台 (or 人台) where 合 makes a word with its neighbour (合同, 符合) is 合"},
      {"ocr.stray_marks", S::kText, "$ ` | ~, marks these documents never print, go"},
      {"ocr.per_mille", S::kText, "%o or %0 after a number is ‰"},
      {"ocr.one_letter", S::kText, "L, l or I between a Chinese character and digits is 1 (面积L3459)"},
      {"ocr.code_o_zero", S::kText, "an O beside a digit in a code of digits and another letter (11000026TO00053535958) is 0"},
      {"ocr.lone_bracket", S::kText, "an unpaired ] or [ beside a digit goes (11]月)"},
      {"ocr.unit_dot_mark", S::kText, "a unit's middle dot read as : - ' (元/生:年) is ·"},
      {"ocr.percent_echo", S::kText, "a digit between % and Chinese or the end (5%6安排) is the sign's echo and goes"},
      {"ocr.percent_twice", S::kText, "%% or ?% after a number is one % (100%%完成)"},
      {"ocr.percent_over_100", S::kText, "a last 9 or 6 that lifts a whole percentage over 100 (959%, 1009%) is the sign's echo"},
      {"ocr.unit_dot_lost", S::kText, "a unit's middle dot the scan lost (元/生天) is put back (元/生·天)"},
      {"ocr.straight_quotes", S::kText, "straight double quotes around Chinese (\"一卡通\") are curly ones"},
      {"ocr.open_quote_speck", S::kText, "an opening quote followed by nothing but a mark (186人“，) is a speck"},
      {"ocr.per_mille_o", S::kText, "the o still beside a ‰ (0.9‰o) goes"},
      {"ocr.brace_paren", S::kText, "{ before Chinese that ) closes is ( (13459.00{平方米))"},
      {"ocr.day_month", S::kText, "a date's day read with 月 for 日 (2022年10月31月前) gets its 日"},
      {"ocr.closing_quote", S::kText, "a straight quote closing a curly one (“双监控\") is ”"},
      {"ocr.cjk_punctuation", S::kText, "an ASCII , ; : ? ! ( ) between Chinese characters is the full-width mark, and the spaces beside it go (部门 (单位) 年度)"},
      {"ocr.final_full_stop", S::kText, "an ASCII full stop ending a line after a Chinese character is a speck"},
      // A page's cells and lines.
      {"ocr.cell_end_marks", S::kPage, "specks read as marks at a cell's ends go (.工作计划、), a dash after a % and an unopened ” too"},
      {"ocr.cell_dots", S::kPage, "a full stop between Chinese characters in a cell is a unit's · after /X, else a comma"},
      {"ocr.nearest_term", S::kPage, "a cell or line a character or two off one label or indicator term (清意度指标) is that term"},
      {"ocr.term_in_row", S::kPage, "a cell near several terms of a row's group (3月底 … 12月底) is the one its row lacks"},
      // What the whole document prints (scanned documents).
      {"ocr.doc_line", S::kDocument, "a line the document prints clearly at least twice, differing only in doubted glyphs the recognizer agrees to, is that line"},
      {"ocr.doc_pairs", S::kDocument, "a doubted glyph is the character the document's clear pairs with its neighbours propose, when the recognizer picks it"},
      {"ocr.word_list", S::kDocument, "a doubted glyph making no word is the character the word list (jieba) proposes, when the recognizer picks it"},
      {"ocr.line_net_glyph", S::kDocument, "a glyph making no word is the second recognizer's (PP-OCRv4) reading when that makes a word or is certain"},
      {"ocr.set_aside", S::kDocument, "a first reading no page prints with trust, read again without it: a proposal read at 0.5 is taken"},
      {"ocr.dropped_glyph", S::kDocument, "a glyph the second recognizer reads as nothing between its two neighbours is a speck and goes"},
      // The records.
      {"records.item_sequence", S::kRecords, "an OCR'd list's numbers go in sequence: a doubtful marker where the next is expected (2 完成, >、, （血） for （四）) continues it, and a lost one merges nothing"},
      {"records.list_full_stop", S::kRecords, "the one item of an OCR'd list without the final 。 all others (two or more) end with gets it"},
      {"records.unit_glyph", S::kRecords, "an OCR'd unit cell of a list or department table (度量单位) read as one glyph no unit is, which chi_sim gives for a unit printed alone (多 or 和 for %), is that unit"},
      {"records.packed_items", S::kRecords, "an OCR'd packed cell's item holding the levels of several (their numbers lost, the first in another cell) is cut before each level 2 (11-数量指标) into its items"},
      {"records.packed_levels", S::kRecords, "a packed item whose level numbers, dash or marks the scan garbled (1-产12-质量指标, 工严出指标; 11-) has its levels: level 1 the term read, else the one the cell prints with the same number, else the term a character off"},
      {"records.packed_labels", S::kRecords, "a packed item's labeled part (年度指标值:) begins at its label whatever mark the scan left before it (群众满意度，实施周期指标值:)"},
      {"records.packed_operator", S::kRecords, "a glyph chi_sim reads for ≤ before a number in a packed item's value (冬15个工作日, vocabulary OperatorConfusions) is ≤"},
      {"records.level_noise", S::kRecords, "an OCR'd 一级/二级 cell of a list or department table printing one indicator term among up to three stray glyphs (产出指标全, 妈公 一 产出指标: a speck, a seal's strokes) is that term"},
      {"records.money_marks", S::kRecords, "an OCR'd form's amount with two marks between its digit groups (2,.746.30: a speck beside the comma) has the one thousands comma"},
      {"records.indicator_levels", S::kRecords, "an 一级/二级 cell a character off (two when doubted) the one term two other cells of its column print is that term"},
  };
  // clang-format on
  return fixes;
}

namespace {

// Position of each fix in Fixes().
const std::unordered_map<std::string_view, size_t>& Order() {
  static const std::unordered_map<std::string_view, size_t> order = [] {
    std::unordered_map<std::string_view, size_t> m;
    for (size_t i = 0; i < Fixes().size(); ++i) m.emplace(Fixes()[i].id, i);
    return m;
  }();
  return order;
}

}  // namespace

const FixInfo* FindFix(std::string_view id) {
  auto it = Order().find(id);
  return it == Order().end() ? nullptr : &Fixes()[it->second];
}

void FixSwitches::Disable(std::string_view id) {
  if (!FindFix(id))
    throw Error(ErrorCode::kUsage, "--disable-fix",
                "unknown fix '" + std::string(id) + "' (jixiao fixes lists them)");
  disabled_.emplace(id);
}

void NoteFix(std::vector<std::string>& fixes, std::string_view id) {
  const size_t at = Order().at(id);
  auto it = std::find_if(fixes.begin(), fixes.end(),
                         [&](const std::string& f) { return Order().at(f) >= at; });
  if (it != fixes.end() && *it == id) return;
  fixes.insert(it, std::string(id));
}

void NoteFixes(std::vector<std::string>& fixes, const std::vector<std::string>& more) {
  for (const std::string& id : more) NoteFix(fixes, id);
}

}  // namespace jixiao
