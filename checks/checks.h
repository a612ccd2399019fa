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
  // low_confidence in its provenance's review (MarkReview), though the field's confidence (its
  // weakest line's mean) is over low_confidence: one doubted glyph hides in a line's mean. On
  // three dev scans (seed 177020: form-1 office and archive, list-12 office) such fields with a
  // glyph under 0.93 were 18 wrong and 25 right (under 0.95: 33 and 43; 0.98: 71 and 166).
  double weak_glyph = 0.93;
  // Fixes whose change the dev scans (seed 177020, office, archive, photocopy) found right
  // nearly always: they restore a form (the width of punctuation, an operator read by its
  // glyph's shape, a number the second recognizer read surely, a term a character off). Fields
  // they changed alone were 145 wrong and 694 right; those of the other fixes 175 wrong and 180
  // right. A field one of these changed is not flagged `fixed` for it; any other fix flags it.
  // The fixes added since (issue 15, flags2; dev scans seed 177020 office and archive, main
  // dd17004; fields changed by these and sure fixes only): a unit read by its glyph
  // (records.unit_glyph: 19 wrong, 48 right, the wrong ones mostly a lost 性质 operator, which
  // not_read flags), the packed family's labels, levels and operators, a % echoed, an opening
  // quote's speck (0 wrong, 61 right).
  std::vector<std::string> sure_fixes = {
      "ocr.cjk_punctuation",      "ocr.operator_shape",      "ocr.digit_recheck",
      "ocr.angle_bracket",        "ocr.percent_twice",       "ocr.percent_echo_glyph",
      "ocr.final_full_stop",      "ocr.nearest_term",        "records.level_noise",
      "records.indicator_levels", "records.unit_glyph",      "records.packed_labels",
      "records.packed_levels",    "records.packed_operator", "ocr.percent_echo",
      "ocr.open_quote_speck"};
};

// Every rule on the projects of one document, in project order (document-level findings,
// such as a code used twice, come with the later project).
std::vector<Finding> Check(const std::vector<Project>& projects, const CheckOptions& options = {});

// The reasons provenance's `review` gives (docs/CHECKS.md, "Review flags"), in this order:
// - low_confidence: OCR, the field's confidence under CheckOptions::low_confidence, or one of its
//   glyphs under CheckOptions::weak_glyph;
// - recognizers_disagree: a second reading disagreed (named; no pass sets it yet);
// - value_untyped: a value of a suspicious form: an indicator value with digits that does not
//   type, whose digits white space parts, whose printed operator is not the typed one, that
//   starts with - or 一 before a digit (＝ lost a stroke), or that compares with a named quantity
//   by < or > (`<预算控制数`); a value (and its 性质 cell) whose 性质 cell reads as no 性质; a
//   project code with O, o, I or l beside a digit; a total, fiscal or schedule figure with a
//   place in the table that reads as nothing;
// - not_read (OCR records): a field every performance table prints left empty (title,
//   project_name, money_unit, budget.total, budget.fiscal, goals; budget.other when 财政资金
//   falls short of the total); an indicator attribute left empty (a unit excepted); a value with
//   a digit whose 性质 cell is empty. MarkReview makes the entry when the field has none;
// - text_junk (OCR records): Latin letters, one lower-case, beside Chinese text;
// - check_failed: named by an error or warning finding (a finding naming a whole list, such as
//   `indicators`, names none of its items);
// - fixed: changed by a fix (other than CheckOptions::sure_fixes) or the lexicon after reading;
// low_confidence is not given to an indicator value that types (its form is checked instead),
// nor to an entry for a field nothing was read into; an indicator attribute that repeats its
// row's value (实施周期指标值) takes the value's reasons;
// - row_incomplete: the field's indicator row leaves a level empty, or the value where most rows
//   of its record print one (a cell lost, a column whose header was misread; the fields of a
//   row or record that was not read at all have no entry and cannot be flagged).
inline constexpr const char* kReviewReasons[] = {
    "low_confidence", "recognizers_disagree", "value_untyped", "not_read",
    "text_junk",      "check_failed",         "fixed",         "row_incomplete"};

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
