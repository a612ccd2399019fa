#include "checks/review.h"

#include <cstdio>
#include <string>

namespace jixiao {

std::vector<Warning> ReviewWarnings(const std::vector<Project>& projects, double threshold) {
  std::vector<Warning> out;
  for (const Project& p : projects) {
    for (const auto& [field, source] : p.provenance) {
      if (source.source != WordSource::kOcr) continue;
      const std::string where = "project " + std::to_string(p.index) +
                                (p.project_code.empty() ? "" : " (" + p.project_code + ")") + " " + field;
      if (source.confidence >= threshold) continue;
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", source.confidence);
      out.push_back({source.page, "ocr.review", where + ": OCR confidence " + conf + ", please check"});
    }
  }
  return out;
}

}  // namespace jixiao
