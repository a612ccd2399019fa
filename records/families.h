// The template families other than the form (docs/CONTRACT.md, "Template families"), recognized
// by the table's own structure: a header row naming a project-name column over groups of rows is
// a list (年度项目支出绩效表; its indicators may be packed into one cell per project), a table
// labeled 部门名称 is a department's targets. Internal to records/: ReadProjects hands every
// table to ReadFamilyTable first.
#pragma once

#include <string>
#include <vector>

#include "layout/page.h"
#include "records/records.h"

namespace jixiao {

// What a column of a list or department table holds.
enum class ListRole {
  kName,   // the project's name (CODE-名称)
  kTotal,  // money
  kFiscal,
  kOtherMoney,
  kGoals,
  kLevel1,  // the indicator block
  kLevel2,
  kLevel3,
  kDescription,
  kValue,
  kBasis,
  kOperator,  // a split value's parts
  kUnit,
  kWhole,      // the whole indicator in one cell (concatenated levels, or packed items)
  kAttribute,  // any other labeled column
};

struct ListColumn {
  ListRole role;
  std::string label;      // as printed
  double x0 = 0, x1 = 0;  // points
};

// The family table being read, carried from one table to the next (a list runs over pages).
struct FamilyState {
  enum class Family { kNone, kList, kDepartment };
  Family family = Family::kNone;
  std::vector<ListColumn> columns;  // of the table last read
  std::string money_unit, title, unit_name;
  int page = 0;            // of the table last read
  bool last_open = false;  // the last record may go on in the next table (a group cut by the page)
  std::string goals_text;  // the last goals cell of the last record (its goals may go on)
  // The packed indicators cell (ListRole::kWhole) of the last record's last row, which the page
  // may have cut: its text, whether OCR read it, and how many indicators it gave (the record's
  // last ones). Empty text when that row printed none.
  struct PackedCell {
    std::string text;
    bool ocr = false;
    size_t count = 0;
  };
  PackedCell packed;
  FixSwitches fixes;       // the fixes of stage records that run on OCR'd lists (ListMending)
  // The tables of page `joined_page` already read with the table beside them (a scan's list
  // parted in two side by side).
  int joined_page = 0;
  std::vector<size_t> joined;
};

// Reads table `ti` of `page` when it is a list or department table, or a list or department
// table continued from the page before (the first table of its page, its columns where the last
// one's were): appends or completes records in `projects` and returns true. Any other table
// returns false and ends the family being read.
bool ReadFamilyTable(const PageContent& page, size_t ti, const std::vector<const TextLine*>& above,
                     std::vector<Project>& projects, FamilyState& state,
                     std::vector<Warning>* warnings);

// "11000026T000003742166-就业管理咨询与评审服务项目" → code and name; "[292]国家信访局" likewise; a
// name without a code is all name.
std::pair<std::string, std::string> SplitCodeName(const std::string& text);

}  // namespace jixiao
