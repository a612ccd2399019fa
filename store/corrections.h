// Corrections: a person's word on one field of an imported document (the review desk,
// docs/DESK.md). Each is a row of the `corrections` table (store/schema.sql), keyed by the
// document's sha256 and a field path (records/fields.h: projects[0].indicators[3].value), so
// that it outlives the document's rows: `jixiao batch --force` re-imports the bytes and applies
// them again. History is kept (several rows per field); the latest row of a field wins.
//
// documents.result_json keeps the extraction as read; the projects, indicators and provenance
// rows hold the corrected values (what `jixiao export` reads), and CorrectedJson gives the
// extract JSON with the corrections applied.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace jixiao::store {

enum class CorrectionAction {
  kCorrect,  // a new value typed in
  kAccept,   // a field flagged for review, accepted as read (new value = old value)
};
const char* ActionName(CorrectionAction action);  // "correct", "accept"

struct Correction {
  int64_t id = 0;
  std::string sha256;
  std::string field;  // projects[N]. … (records/fields.h)
  CorrectionAction action = CorrectionAction::kCorrect;
  std::optional<std::string> old_value;  // as text (a number in its JSON form); nullopt: empty
  // The value the extraction gave when the correction was made (old_value is that value
  // corrected by earlier corrections): a later extraction reading otherwise is reported.
  std::optional<std::string> extracted_value;
  std::optional<std::string> new_value;
  std::string note;
  std::string who;
  std::string at;  // UTC, ISO 8601
};

// {id, field, action, old, new, note, who, at}: a correction as the desk's API and the
// provenance's "correction" show it (old and new null when empty).
nlohmann::ordered_json CorrectionJson(const Correction& c);

// Every correction of the document with these bytes, oldest first.
std::vector<Correction> CorrectionsOf(Database& db, const std::string& sha256);
// The latest correction of each field, in field order of first correction.
std::vector<Correction> Latest(const std::vector<Correction>& history);

// A field's value in an extract JSON as a correction stores it: a string as itself, a number
// in its JSON form, null (or a missing field) as nullopt.
std::optional<std::string> ValueText(const nlohmann::ordered_json& value);

// What applying corrections to an extract JSON found.
struct Applied {
  int applied = 0;
  // Fields whose extracted value is no longer the correction's old value (the document was
  // extracted again and read differently), or that the extraction no longer has (then not
  // applied).
  std::vector<std::string> changed;
};
// Applies the latest corrections to `result` (an extract JSON): each field takes its new
// value (an indicator's value_normalized follows its value), its provenance entry gets
// "correction": {action, old, new, note, who, at}, and the document gets "corrections": the
// list applied.
Applied ApplyCorrections(nlohmann::ordered_json& result, const std::vector<Correction>& latest);

// The extract JSON of an imported document (by id) with its corrections applied; nullopt when
// no imported document has this id.
std::optional<nlohmann::ordered_json> CorrectedJson(Database& db, int64_t document_id);

struct CorrectionRequest {
  std::string field;                 // projects[0].indicators[3].value
  std::optional<std::string> value;  // kCorrect: the new value ("" or nullopt: empty)
  CorrectionAction action = CorrectionAction::kCorrect;
  std::string note;
  std::string who;
};

// Records a correction of an imported document (by id), in one transaction: checks the path
// against the document's records (Error kBadInput naming what is wrong: an unknown field, an
// index out of range, a field that holds more than one value, a number field given no
// number), takes the current (corrected) value as the old value, inserts the row and rewrites
// the document's project rows with the corrected values. Two writers at once are serialized
// (the document's row is locked), so each sees the other's correction as its old value.
// Error kNotFound when no imported document has this id.
Correction AddCorrection(Database& db, int64_t document_id, const CorrectionRequest& request);

// Inside a transaction that just wrote the document's rows from `result` (store/writer.cc):
// the corrections of `sha256` applied to a copy of it, and its project rows written again
// with the corrected values. What was applied and what changed under them.
Applied ReapplyCorrections(Database& db, int64_t document_id, const std::string& sha256,
                           const nlohmann::ordered_json& result);

}  // namespace jixiao::store
