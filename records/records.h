// Records rebuilt from the tables and text of a document (docs/CONTRACT.md): projects with their
// 绩效目标表, the part-1 sections, the cover's metadata.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/fixes.h"
#include "core/types.h"
#include "layout/page.h"
#include "layout/table.h"
#include "normalize/normalize.h"

namespace jixiao {

// Where a field came from.
struct Source {
  int page = 0;
  Box box;  // points
  double confidence = 1.0;
  WordSource source = WordSource::kTextLayer;
  bool corrected = false;  // changed by the lexicon after reading
  // The ids of the fixes that changed it (core/fixes.h), in the order of Fixes(). A field that
  // is `corrected` names at least one; speck trims name theirs without marking it corrected.
  std::vector<std::string> fixes;
  // OCR: the lowest confidence (0..1) of any glyph read into the field (1 for the text layer).
  // A field's `confidence` is its weakest line's mean; one doubted glyph hides in that mean.
  double weakest_glyph = 1.0;
  // Why an archivist should look at the field (MarkReview, checks/checks.h), in the order of
  // kReviewReasons; empty = nothing says it may be wrong.
  std::vector<std::string> review;
};

struct Indicator {
  std::string level1, level2, level3, description, value, basis;
  TypedValue value_normalized;
  std::vector<std::pair<std::string, std::string>> attributes;  // other columns (权重 …)
};

struct Budget {
  std::optional<double> total, fiscal, other;
};

// Cumulative share (%) of the budget spent by the end of March, June, October, December.
struct Schedule {
  std::optional<double> mar, jun, oct, dec;
};

struct Project {
  int index = 0;  // 1-based, in document order
  // "project", or "department" for a table of the whole department's targets (CONTRACT.md).
  std::string kind = "project";
  std::string title, unit_code, unit_name, money_unit;
  std::string project_code, project_name;
  Budget budget;
  std::string purpose;
  Schedule schedule;
  std::vector<std::string> goals;
  std::vector<Indicator> indicators;
  std::vector<int> pages;
  std::vector<std::pair<std::string, std::string>> attributes;  // label -> text
  std::map<std::string, Source> provenance;                     // field path -> source
};

struct SectionItem {
  std::string no, title, text;
};

struct Sections {
  std::string overall;
  std::vector<SectionItem> goals;
  std::vector<SectionItem> measures;
};

struct DocumentMeta {
  std::string department, title;
  std::optional<int> year;
  bool draft = false;
  std::string compiled_by, reviewed_by;
};

// `fixes`: the fixes of stage records that run on OCR'd lists (ListMending).
std::vector<Project> ReadProjects(const std::vector<PageContent>& pages,
                                  std::vector<Warning>* warnings, const FixSwitches& fixes = {});

// The 一级 and 二级 columns hold a handful of terms, each printed in many cells. A cell of
// one of them read by OCR, whose text no other cell of that column has, becomes the one term
// that at least two other cells of the column print (anywhere in the document) and that it
// misses by a character (效黑指标 for 效果指标), or by two when it was read with doubt
// (上声出指标 for 产出指标, a speck and a blurred glyph); a text of the vocabulary stays. Its
// provenance is marked corrected and names the fix records.indicator_levels.
// A document pass after ReadProjects (pipeline/extract.h); returns the number of cells changed.
int SettleIndicatorLevels(std::vector<Project>& projects);
// Part 1's goals and measures. On scanned pages the item numbers go as a sequence
// (records.item_sequence: a glyph in an item's brackets at a line's start, where the next
// number is expected, is that number when it looks like it, （血） for （四）), and an item text
// without the 。 all others end with gets it (records.list_full_stop).
Sections ReadSections(const std::vector<PageContent>& pages, const FixSwitches& fixes = {});
DocumentMeta ReadMeta(const std::vector<PageContent>& pages);
// A form without a cover names its department in each project's 主管部门 field
// (vocabulary/ DepartmentFieldLabels): `meta` without a department takes the first project's.
void DepartmentFromProjects(DocumentMeta& meta, const std::vector<Project>& projects);
// A document whose cover and projects' fields name no department: the first line naming one
// (vocabulary/ OrganizationLabels: "部门名称：某局" above a list), else the name of its table of
// the department's targets, else the organization its title names ("某局2022年部门收支总表").
void DepartmentFromHeadings(DocumentMeta& meta, const std::vector<PageContent>& pages,
                            const std::vector<Project>& projects);

// The indicators packed in one text cell, one per numbered item (CONTRACT.md, "Packed"):
// "1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:每年≥20场。2、…"
// gives level1 产出指标, level2 数量指标, level3 会议活动保障次数, value 每年≥20场 (the 年度指标值)
// and the other labeled parts as attributes. Empty when the text is not such a list.
std::vector<Indicator> SplitPackedIndicators(const std::string& text);
// The same for a cell read by OCR (`ocr`), whose separators OCR may have misread: each item's
// levels are read by their numbers and the vocabulary's terms whatever separates them
// ("1-产出指标11-数量指标;巡查里程", "1一产出指标，11-数量指标"), a label whose colon was read as
// another mark still labels its value ("实施周期指标值；有效促进"), and an item whose levels
// cannot be read keeps its text as its third level under the levels of the item before it. Empty
// when no item has numbered levels.
std::vector<Indicator> SplitPackedIndicators(const std::string& text, bool ocr);

// How a list read from a scan is mended (text-layer lists are as printed and left alone).
struct ListMending {
  bool ocr = false;   // the list was read by OCR
  FixSwitches fixes;  // the fixes that run (core/fixes.h)
};
// The same with the fixes of `mending` for a cell read by OCR (all of them run for `ocr` above);
// the ids of those that changed each row go to `row_fixes` (one list per row; may be null):
// - records.packed_items: an item holding the levels of several (their numbers lost, the
//   list's first number in another cell) is cut before each level 2 ("11-数量指标") into the
//   items whose levels they are;
// - records.packed_levels: an item whose level numbers, dash or marks the scan garbled
//   ("1-产12-质量指标", "工严出指标; 11-数量指标", "1-产出指标示11-数量指标") still has its levels:
//   level 2 by its number, level 1 the term read before it, else the one the cell's other items
//   print before a level 2 of the same first digit, else the term its last characters miss by one;
// - records.packed_labels: a labeled part (年度指标值:, 实施周期指标值:) begins at its label
//   whatever mark the scan left before it (，, none);
// - records.packed_operator: a glyph chi_sim reads for ≤ before a number (vocabulary
//   OperatorConfusions: 冬15个工作日) is the operator.
std::vector<Indicator> SplitPackedIndicators(const std::string& text, const ListMending& mending,
                                             std::vector<std::vector<std::string>>* row_fixes);

// "1、甲 2、乙" -> {"甲", "乙"}: splits a cell of numbered items, dropping the numbering.
std::vector<std::string> SplitNumbered(const std::string& text);

// SplitNumbered, with the fixes of `mending` for an OCR'd list; the ids of those that changed
// the list are added to `fixes` (may be null):
// - records.item_sequence: the numbers go 1, 2, 3 …, so where number k+1 is not found, a
//   doubtful marker right after the 。 or ； that ends item k continues the list: k+1 with a
//   wrong stop or none (2 完成, 2，完成), a glyph read for it before 、 or ． (>、完成), or the
//   、 alone. With none, while k+2 follows, item k+1 begins after the last 。 or ； before
//   k+2 (its marker lost), and the items after k+1 are not merged into k.
// - records.list_full_stop: MendFinalStops.
std::vector<std::string> SplitNumbered(const std::string& text, const ListMending& mending,
                                       std::vector<std::string>* fixes);

// records.list_full_stop: the one item of a list that ends in text (a Chinese character, a
// digit, %) while every other item, at least two, ends with 。 gets the 。 the scan lost.
// Returns whether it changed an item.
bool MendFinalStops(std::vector<std::string>& items);

}  // namespace jixiao
