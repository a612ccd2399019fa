// No project lost in silence (issue 14 item 2, issue 15 item 2): a page whose text shows a
// performance table but from which no record and no indicator row came is named by a warning,
// and so is a page printing more 项目名称 labels than records came from it. A document pass
// (pipeline/extract.h, "records.unread_pages") after the records are built.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "layout/page.h"
#include "records/records.h"

namespace jixiao {

// What a page's text shows of a performance table, read with the vocabulary's tolerance for OCR
// (vocabulary/: IndicatorHeader, ConfusedLevelHeaders, IsProjectTitle, the 项目名称 labels, and
// the packed reader's numbered items).
struct PageEvidence {
  int header_columns = 0;  // distinct indicator header columns (一级/二级/三级指标, 指标值) seen
  bool title = false;  // a 绩效目标表 title (not a line of contents: it ends in the title)
  // 项目名称 labels with a value (in their cell after a colon, in the cell to the right, or next on
  // their line), and those with none (a form printed blank); a label beside other labels (a
  // list's column header) is neither.
  int name_labels = 0;
  int blank_name_labels = 0;
  int packed_items = 0;  // packed indicator items (1-产出指标；11-数量指标；…)
  // Cells (or parts of lines) that print an indicator term and nothing more (产出指标, 数量指标,
  // 产出指 read without its wrapped 标): the level columns of an indicator block, on a page that
  // continues a table without repeating its header.
  int level_terms = 0;

  // Whether it is enough to say that the page prints a performance table (kHeaderColumnsSeen).
  bool Performance() const;
  // What was seen, for a warning ("indicator header (3 columns), 2 项目名称 labels").
  std::string Describe() const;
};

PageEvidence EvidenceOf(const PageContent& page);

// The warnings for `pages` given the records built from them and the warnings already given (a
// page already named by a warning is not named again):
// - page.performance_unread: a page with performance-table evidence from which no record and no
//   indicator row came (no project lists it in `pages` nor in a field's provenance);
// - page.projects_unread: a page printing more 项目名称 labels than records were named on it.
std::vector<Warning> UnreadPageWarnings(const std::vector<PageContent>& pages,
                                        const std::vector<Project>& projects,
                                        const std::vector<Warning>& given);

}  // namespace jixiao
