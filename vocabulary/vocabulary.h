// What a reader of these documents knows before reading them: the labels of the templates, the
// indicator terms and column headers, the department labels, the titles of performance tables and
// the fiscal units. The one home of this knowledge, as data: records/, ocr/, checks/ and
// normalize/ read it from here, so that a new region's wording is an entry here, not a new
// function. Labels are compared in their compact form (NFKC, no white space, no trailing colon:
// records' LabelOf), so a name here is written with ASCII punctuation: "其中:财政资金".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// ---------------------------------------------------------------- template labels

// The labels of a project's form (docs/CONTRACT.md: 项目编码, 项目名称, 预算数 …).
// kListName names the column of a list table (docs/CONTRACT.md "Template families") that holds
// each project's name; kDepartment the label of a department table's name (部门整体支出绩效目标表);
// kOverallGoals the overall goals (a department's, or a form's that prints no yearly goals
// label); kFiscalPart one level of government's part of the fiscal money (中央财政资金,
// 市级财政资金: the parts add up to budget.fiscal); kField a form's other labeled fields, which
// the contract keeps in `attributes` (主管部门, 实施单位, 项目类别 …): knowing them, a reader
// sees that a row of labels (项目名称 | 主管部门 | 实施单位) has its values in the row below. A
// totals row's name (合计) is IsTotalsName.
enum class Label {
  kCode,
  kName,
  kTotal,
  kFiscal,
  kOther,
  kGoals,
  kSchedule,
  kPurpose,
  kListName,
  kDepartment,
  kOverallGoals,
  kFiscalPart,
  kField,
  kMoneyPart,
  kMoneyGroup
};

// How a label is recognized. A label is in the set when it is one of `names` (or, with `nearly`,
// within one character in four of one: what OCR makes of a bold label, 项目名秫), or contains
// one of `contains`; and it contains none of `excludes`.
struct LabelSet {
  std::vector<std::string_view> names;
  bool nearly = false;
  std::vector<std::string_view> contains;
  std::vector<std::string_view> excludes;
};

const LabelSet& LabelsOf(Label label);

// Whether a compact label is in `set`.
bool Matches(const LabelSet& set, std::string_view label);
inline bool IsLabel(Label label, std::string_view text) { return Matches(LabelsOf(label), text); }

// A money label's words before the unit it states in brackets ("资金总额(万元)" → 资金总额; NFKC
// form, ASCII brackets); the label itself when it states none. Labels are matched by their words.
std::string_view WithoutMoneyUnit(std::string_view label);

// The money unit a label states ("项目资金总额(万元)" → 万元), or "".
std::string UnitInLabel(std::string_view label);

// The money unit a text starts with ("万元…" → 万元), or "".
std::string MoneyUnitAt(std::string_view text);

// ---------------------------------------------------------------- the indicator block

// The columns of a 绩效目标表's indicator block.
enum class IndicatorColumn { kLevel1, kLevel2, kLevel3, kDescription, kValue, kBasis, kOther };

// The column an indicator header names, by the templates' wordings (一级指标名称, 具体指标,
// 指标值确定依据, 评(扣)分标准 …), or nullopt.
std::optional<IndicatorColumn> ExactIndicatorHeader(std::string_view label);

// Columns that hold one part of a split value (指标性质 `≥` | 指标值 `20` | 度量单位 `家`) or the
// whole indicator in one cell (绩效指标: `产出指标数量指标…`, or numbered packed items), which
// the list and department readers (records/families.h) join or split.
enum class ValuePart { kOperator, kUnit, kWhole };
std::optional<ValuePart> ValuePartHeader(std::string_view label);

// The text of a 性质 cell that makes the value qualitative (`定性`): the value is the 指标值 alone.
bool IsQualitative(std::string_view compact);
// The text of a 性质 cell that says the value is a quantity (`定量`): it states the value's kind,
// not its operator; the 指标值 carries its own (`≥20`).
bool IsQuantitative(std::string_view compact);

// The standard header names a header misread by OCR is compared with, each with its column.
struct HeaderName {
  std::u32string_view name;
  IndicatorColumn column;
};
const std::vector<HeaderName>& IndicatorHeaderNames();

// What OCR reads in place of a header name's characters when their strokes fade or run
// together (一 as -, 二 as - or =, 三 as =, 级 as 級 or 圾 …): each reading with the printed
// characters it may stand for. A header read with these alone may be any name they spell
// (-级指标: 一级指标 or 二级指标), which the row's order then tells apart.
struct OcrConfusion {
  char32_t read;
  std::u32string_view printed;
};
const std::vector<OcrConfusion>& HeaderConfusions();

// The labels a packed item (CONTRACT.md, "Packed") prints before its values, 年度指标值:每年≥20场.
const std::vector<std::u32string_view>& PackedValueLabels();

// Glyphs chi_sim reads for an operator it has no letter for, printed before a number inside a
// line (the packed cell's 年度指标值:≤15个工作日, where ocr.operator_shape, which looks at a
// cell's first glyph only, does not see it): `read` before a number is `printed`'s operator.
// None of them is a word that stands before a number in an indicator's value.
const std::vector<OcrConfusion>& OperatorConfusions();

// The column an indicator header names as OCR may read it: ExactIndicatorHeader, else the one
// header name (IndicatorHeaderNames) the label misses by at most one character in three
// (顷效指标摘述 for 绩效指标描述); nullopt when none is that near, when two names of different
// columns are equally near ("X级指标": which level is not known), or when the label is a
// ValuePartHeader (绩效指标, two edits from 绩效指标描述).
std::optional<IndicatorColumn> IndicatorHeader(std::string_view label);

// The level headers (一级指标, 二级指标, 三级指标) a label spells when each character OCR may
// have confused stands for one it may be (HeaderConfusions, at most two of the four
// characters): none, one, or several when the confused character is the one that tells the
// levels apart (-级指标: 一级 or 二级).
std::vector<IndicatorColumn> ConfusedLevelHeaders(std::string_view label);

// The indicator vocabulary: 一级 and 二级 indicators and their common variants (a variant
// read right is never taken for a misread standard term).
const std::vector<std::string>& IndicatorTerms();
// Whether `compact` (white space removed) is one of IndicatorTerms.
bool IsIndicatorTerm(const std::string& compact);

// ---------------------------------------------------------------- titles and departments

// A project table's title line ("3、公用取暖费绩效目标表", "财政项目支出绩效目标填报表"),
// compared in compact form.
bool IsProjectTitle(std::string_view compact);

// A title of a whole department's targets (部门整体支出绩效目标表, 部门整体预算绩效目标申报表),
// compared in compact form.
bool IsDepartmentTitle(std::string_view compact);

// The ending of a title that names its own project ("警务辅助人员经费项目绩效目标表" ends in
// 项目绩效目标表) when something precedes it, else "". A form without a 项目名称 label takes its
// name from the title before this ending.
std::string ProjectTitleEnding(std::string_view compact);

// Labels before a department's or unit's name on a line of its own: on a cover ("编制单位：某局"),
// or above a table ("部门名称：某局    单位：万元", "部门（单位）：某局"); with their colon, in
// compact (NFKC) form.
const std::vector<std::string_view>& OrganizationLabels();

// Labels before the money unit a heading states ("金额单位：元", "单位：万元"), with their colon,
// in compact (NFKC) form, the longer first.
const std::vector<std::string_view>& MoneyUnitLabels();

// The marks a scan reads for a label's colon (：) in a heading line: ；，;,.、 (a faded colon
// keeps one dot and gains a tail, or loses its upper dot).
const std::u32string& ColonReadings();

// The endings of a document's title after its organization: "2026年烟台市审计局部门预算",
// "2026年度泉州市人民政府办公室（本级）单位预算".
const std::vector<std::string_view>& DocumentKindEndings();

// A row that totals others (合计, 小计, 总计, 本年收入合计, 年初结转和结余 …), compared in compact
// form: never a project's name.
bool IsTotalsName(std::string_view compact);

// A project's field labels that name its department (a form without a cover: 主管部门), the
// value maybe after a code ("231_烟台市审计局").
const std::vector<std::string_view>& DepartmentFieldLabels();

// ---------------------------------------------------------------- OCR

// The fixed texts of the templates as printed (full-width punctuation), with the indicator
// terms: a cell that OCR read within a small edit distance of exactly one of them is it
// (ocr/lexicon.h NearestTerm).
const std::vector<std::string>& PrintedTerms();

// Terms printed side by side in one row of a table (the schedule's month ends, the indicator
// header): a reading that is as near to two of them is the one its row lacks.
const std::vector<std::vector<std::string>>& TermGroups();

// ---------------------------------------------------------------- units

// One unit of count or measure as printed, and what each reader makes of it.
struct UnitSpec {
  std::u32string_view printed;
  // Its canonical spelling in an indicator value (normalize/: 工作日 → 个工作日); empty when
  // values do not take it as a unit.
  std::u32string_view value;
  // The unit it counts in running text (checks/ arithmetic: 学生, 名 → 人; 棵 → 株); empty when
  // running text does not read it as a unit.
  std::string_view counted;
  // Running text reads it as a unit only after 每 or 一 (after a number, 月 and 日 are dates).
  bool per_only = false;
};
const std::vector<UnitSpec>& Units();

// What chi_sim reads in place of a unit printed alone in its cell (a 度量单位 column's %, whose
// glyph it has no letter for): each reading with the unit it stands for. A unit cell read as
// one of these, which no unit is, is that unit (UnitMisread).
const std::vector<OcrConfusion>& UnitConfusions();
// The unit (as Units prints it) an OCR'd unit cell of text `compact` stands for when it is one
// glyph that UnitConfusions maps to a unit and that is no unit itself; nullopt otherwise.
std::optional<std::string> UnitMisread(std::string_view compact);

// A count that a price per another unit multiplies (checks/ arithmetic): a per-head price
// (人均 500 元, 每人 500 元) times 1800 人次; canonical units (UnitSpec::counted).
struct CountAlias {
  std::string_view count, per;
};
const std::vector<CountAlias>& CountAliases();

// Latin spellings of units in values, compared case-insensitively (m2 → 平方米, h → 小时).
struct LatinUnit {
  std::u32string_view printed, canonical;
};
const std::vector<LatinUnit>& LatinUnits();

// ---------------------------------------------------------------- money

// 元 per unit of money: 元 1, 千元 1e3, 万元 1e4, 百万元 1e6, 亿元 1e8, 万亿元 1e12; nullopt for
// anything else. `unit` compact (NFKC, no white space).
std::optional<double> MoneyFactor(std::u32string_view unit);
std::optional<double> MoneyFactor(std::string_view unit);

// The money units, longest first (so that a scan of a text takes 百万元 before 万元).
struct MoneyUnit {
  std::u32string_view name;
  double factor;
};
const std::vector<MoneyUnit>& MoneyUnits();

}  // namespace jixiao
