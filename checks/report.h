// Findings and comparisons for people (an aligned plain-text table) and for machines (JSON,
// docs/CONTRACT.md "jixiao check --json").
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
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

// ---------------------------------------------------------------- `jixiao check`

// One document to check: the input it came from, its year (the comparison's columns), its
// projects, and its findings when the checks already ran on them (extraction runs them);
// nullopt to run them here (records read back from JSON).
struct CheckedDocument {
  std::string input;
  std::optional<int> year;
  std::vector<Project> projects;
  std::optional<std::vector<Finding>> findings;
};

// The report of `jixiao check`: each document's findings and counts, the counts of all, and the
// comparison of the documents when asked for.
struct CheckReport {
  struct Document {
    std::string input;
    std::vector<Finding> findings;
    int counts[3] = {0, 0, 0};  // by Severity: info, warning, error
  };
  std::vector<Document> documents;
  int counts[3] = {0, 0, 0};
  std::optional<Comparison> comparison;

  bool HasErrors() const { return counts[static_cast<int>(Severity::kError)] > 0; }
};

// Checks every document (once: findings already computed are taken as they are) and, with
// `compare`, compares them. The comparison's columns are the documents' years when each has
// its own, else their inputs.
CheckReport CheckDocuments(std::vector<CheckedDocument> documents, bool compare,
                           const CheckOptions& options = {});

// The report for machines: {"findings": [each with "input" first], "summary": {"error",
// "warning", "info"}, "comparison"?}; findings under `floor` are left out of the list (the
// summary counts them all).
nlohmann::ordered_json CheckReportJson(const CheckReport& report, Lang lang = Lang::kZh,
                                       Severity floor = Severity::kInfo);

// The report for people: per document a count line and its findings' table, then the
// comparison's.
std::string CheckReportText(const CheckReport& report, Lang lang = Lang::kZh, Severity floor = Severity::kInfo);

}  // namespace jixiao
