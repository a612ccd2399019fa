// Findings and comparisons for people (an aligned plain-text table) and for machines (JSON,
// CONTRACT.md "jixiao check --json").
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/checks.h"
#include "checks/finding.h"

namespace jixiao {

enum class Lang { kZh, kEn };

// {"rule", "severity", "index", "project_code", "project_name", "page", "fields", "figures",
//  "message" (in `lang`), "message_zh", "message_en"}; page is null when unknown.
nlohmann::ordered_json FindingJson(const Finding& f, Lang lang = Lang::kZh);
nlohmann::ordered_json FindingsJson(const std::vector<Finding>& findings, Lang lang = Lang::kZh);

// {"documents": [labels], "rows": [{"project_code", "project_name", "field", "indicator",
//  "values": [...], "numbers": [...]}]}
nlohmann::ordered_json ComparisonJson(const Comparison& c);

// One finding a line under a header: severity, rule, project index, code, page, message.
std::string FindingsTable(const std::vector<Finding>& findings, Lang lang = Lang::kZh);
// One row a change: code, name, what, then one column per document.
std::string ComparisonTable(const Comparison& c, Lang lang = Lang::kZh);

}  // namespace jixiao
