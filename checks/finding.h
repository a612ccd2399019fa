// What a check reports: a rule that fired on a project (or on the document), with the fields
// and figures involved and a message in Chinese and English. Rule ids are stable; see
// docs/CHECKS.md.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao {

enum class Severity { kInfo, kWarning, kError };

struct Finding {
  std::string rule;  // stable id, e.g. "budget.sum"
  Severity severity = Severity::kWarning;
  int index = 0;  // the project's `index` in its document; 0 = the document as a whole
  std::string project_code, project_name;
  int page = 0;  // 1-based; 0 = unknown
  std::vector<std::string>
      fields;  // field paths as in the extract JSON: "budget.total", "indicators[3].value"
  std::vector<std::pair<std::string, double>> figures;  // the numbers involved, by name
  std::string message_zh, message_en;
};

std::string_view SeverityName(Severity s);    // "error", "warning", "info"
std::string_view SeverityNameZh(Severity s);  // "错误", "警告", "提示"

// Whether any finding is at `severity` or above.
bool AnyAtLeast(const std::vector<Finding>& findings, Severity severity);

}  // namespace jixiao
