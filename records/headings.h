// The text around the tables (docs/CONTRACT.md, "The documents"): the heading lines that title a
// table or a document, and the lines that name the department or unit a table belongs to
// ("部门名称：某局    单位：万元"). Internal to records/: the readers of the cover
// (sections.cc), of forms (project.cc) and of list tables (families.cc) share them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/page.h"

namespace jixiao {

// The organization a line names after one of vocabulary/ OrganizationLabels ("部门名称：某局",
// "部门（单位）：某局"), without the money unit printed at the line's right ("单位：万元"); ""
// when the line has no such label. In compact form (NFKC, no spaces).
std::string LabeledOrganization(std::string_view text);

// The organization a document's heading names: the text before its year
// ("南屏区商务局2022年部门收支总表" -> 南屏区商务局), or between the year and a kind of
// document (vocabulary/ DocumentKindEndings: "2026年烟台市审计局部门预算" -> 烟台市审计局); ""
// when the heading names none ("2022年项目支出绩效目标表").
std::string OrganizationInHeading(std::string_view text);

// A department's name printed after its code ("231_烟台市审计局", "231 烟台市审计局") without it.
std::string WithoutUnitCode(std::string_view text);

// The first heading of a page: its first line that is not a page number, a table's number
// ("表12-1", "附件2"), a year under a title ("（2022年度）"), a money unit or an organization's
// labeled line; nullptr when it has none.
const TextLine* FirstHeading(const PageContent& page);

// A cover's title broken over short lines at the top of the page ("2026 年度" / "泉州市人民政府
// 办公室" / "（本级）" / "单位预算"), joined; "" when the page does not start so or holds a
// table.
std::string BrokenCoverTitle(const PageContent& page);

// A table's number printed above its title: "表12-1", "预算01表", "附件2"; compared in compact
// form.
bool IsTableNumber(const std::string& compact);

// Whether a title names a budget or performance text of some year (a cover's title).
bool IsCoverTitle(std::string_view text);

// The year a line names ("2021 年部门预算", "（2022年度）").
std::optional<int> YearIn(std::string_view text);

// The year printed in brackets under a title ("（2022年度）", "(2022年)"), wherever the text
// holds it; nullopt when it holds none.
std::optional<int> BracketedYearIn(std::string_view text);

// Whether a text begins with one of vocabulary/ OrganizationLabels ("部门名称：某局").
bool StartsWithOrganizationLabel(std::string_view text);

// A running page number: "1", "- 1 -", "第1页", "—1—"; compared in compact form.
bool IsPageNumber(const std::string& compact);

}  // namespace jixiao
