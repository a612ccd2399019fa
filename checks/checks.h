// Auditor checks: figures of a document that do not add up (docs/CHECKS.md lists the rules).
// Pure functions of the records; no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/finding.h"
#include "records/records.h"

namespace jixiao {

struct CheckOptions {
  // An OCR-read field under this confidence is listed for review (review.low_confidence), the one
  // review of doubtful readings. Tesseract's own confidence is high even for many misreadings
  // (on the corpus scans, misread fields averaged 0.95), so the bar sits high: it flags about one
  // field in twelve.
  double low_confidence = 0.9;
  double satisfaction_floor = 80;  // a 满意度 target under this share (%) is a warning
  // An OCR-read field with one glyph read under this confidence (0..1) is flagged
  // low_confidence in its provenance's review (MarkReview). See kWeakGlyph in checks.cc.
  double weak_glyph = 0.0;
};

// Every rule on the projects of one document, in project order (document-level findings,
// such as a code used twice, come with the later project).
std::vector<Finding> Check(const std::vector<Project>& projects, const CheckOptions& options = {});

// The reasons provenance's `review` gives (docs/CONTRACT.md, "Review flags"), in this order:
// low_confidence (OCR: the field's confidence under CheckOptions::low_confidence, or one of its
// glyphs under CheckOptions::weak_glyph), recognizers_disagree (a second reading disagreed),
// value_untyped (an indicator value with digits that does not type), check_failed (named by an
// error or warning finding), fixed (changed by a fix or the lexicon after reading).
inline constexpr const char* kReviewReasons[] = {"low_confidence", "recognizers_disagree",
                                                 "value_untyped", "check_failed", "fixed"};

// Sets each provenance entry's `review` of `projects` from what it says, the typed values, and
// `findings` (of Check on the same projects; a finding's `index` is its project's). Replaces any
// review there was. Cheap: no reading again.
void MarkReview(std::vector<Project>& projects, const std::vector<Finding>& findings,
                const CheckOptions& options = {});

// One document of a comparison: a label for the columns (its year, or its file name) and its
// projects.
struct ComparedDocument {
  std::string label;
  std::vector<Project> projects;
};

// One line of the comparison table: a project's 预算数, one of its indicators' targets, or the
// project itself (present in some documents only). `values` has one entry per document, as
// printed ("" = absent there).
struct ComparisonRow {
  std::string project_code, project_name;
  std::string field;      // "budget.total", "indicator" or "project"
  std::string indicator;  // "产出指标/数量指标/保障在职人数" on indicator rows
  std::vector<std::string> values;
  std::vector<std::optional<double>> numbers;  // budget rows: the amounts, in each document's unit
  std::string money_unit;                      // budget rows
};

struct Comparison {
  std::vector<std::string> documents;  // labels, in the order given
  std::vector<ComparisonRow> rows;     // only what changed, project by project
  std::vector<Finding> findings;       // one info finding per row (compare.*)
};

// Pairs projects across documents by 项目编码 (by name when a project has no code) and lists
// every change of 预算数 and of indicator targets.
Comparison Compare(const std::vector<ComparedDocument>& documents);

}  // namespace jixiao
