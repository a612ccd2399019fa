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

std::vector<Project> ReadProjects(const std::vector<PageContent>& pages, std::vector<Warning>* warnings);

// The 一级 and 二级 columns hold a handful of terms, each printed in many cells. A cell of
// one of them read by OCR, whose text no other cell of that column has, becomes the one term
// that at least two other cells of the column print (anywhere in the document) and that it
// misses by a character (效黑指标 for 效果指标), or by two when it was read with doubt
// (上声出指标 for 产出指标, a speck and a blurred glyph); a text of the vocabulary stays. Its
// provenance is marked corrected and names the fix records.indicator_levels.
// A document pass after ReadProjects (pipeline/extract.h); returns the number of cells changed.
int SettleIndicatorLevels(std::vector<Project>& projects);
Sections ReadSections(const std::vector<PageContent>& pages);
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

// "1、甲 2、乙" -> {"甲", "乙"}: splits a cell of numbered items, dropping the numbering.
std::vector<std::string> SplitNumbered(const std::string& text);

}  // namespace jixiao
