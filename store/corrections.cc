#include "store/corrections.h"

#include <map>

#include "core/error.h"
#include "normalize/normalize.h"
#include "output/json.h"
#include "records/fields.h"
#include "store/writer.h"

namespace jixiao::store {

namespace {

using Json = nlohmann::ordered_json;

// The longest value and note a correction keeps (a cell's text is far shorter).
constexpr size_t kMaxValueBytes = 16 * 1024;
constexpr size_t kMaxNoteBytes = 4 * 1024;
constexpr size_t kMaxWhoBytes = 200;

std::optional<std::string> OptionalText(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return std::nullopt;
}

Value OrNull(const std::optional<std::string>& s) {
  return s ? Value{*s} : Value{};
}

// The record of a project-scope or indicator-scope field in a project's JSON; nullptr when
// the row is not there.
Json* RecordOf(Json& project, const FieldPath& path) {
  if (path.field->scope == FieldScope::kProject) return &project;
  auto rows = project.find("indicators");
  if (rows == project.end() || !rows->is_array() || !path.index || *path.index < 0 ||
      static_cast<size_t>(*path.index) >= rows->size())
    return nullptr;
  return &(*rows)[static_cast<size_t>(*path.index)];
}

// The field's value in `record` (created as null when missing): the item of goals[i], the
// label of attributes.X, else the field. nullptr when an item is not there.
Json* Slot(Json& record, const FieldPath& path, bool create) {
  const FieldSpec& f = *path.field;
  const Json* found = FindJson(record, f);
  if (!found) {
    if (!create) return nullptr;
    PutJson(record, f, f.type == FieldType::kLabeled ? Json::object() : Json());
    found = FindJson(record, f);
    if (!found) return nullptr;
  }
  Json& v = const_cast<Json&>(*found);  // FindJson looks into `record`, which is ours to change
  if (f.type == FieldType::kTextList && path.field->scope == FieldScope::kProject && path.index) {
    if (!v.is_array() || static_cast<size_t>(*path.index) >= v.size()) return nullptr;
    return &v[static_cast<size_t>(*path.index)];
  }
  if (f.type == FieldType::kLabeled) {
    if (!v.is_object()) {
      if (!create) return nullptr;
      v = Json::object();
    }
    if (!v.contains(path.key) && !create) return nullptr;
    return &v[path.key];
  }
  return &v;
}

// The provenance key of a field in its project: the path without "projects[N].".
std::string ProjectRelative(const FieldPath& path) {
  FieldPath p = path;
  p.project.reset();
  return ToString(p);
}

// Whether a correction can set the field: one text or number, not a list, a row, a typed
// value or the record's index. `why` says what is wrong.
bool Settable(const FieldPath& path, std::string* why) {
  const FieldSpec& f = *path.field;
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kNumber:
      return true;
    case FieldType::kTextList:
      if (f.scope == FieldScope::kProject && path.index) return true;
      *why = f.path + " holds several values: correct one item, " + f.path + "[N]";
      return false;
    case FieldType::kLabeled:
      if (!path.key.empty()) return true;
      *why = f.path + " holds several values: correct one label, " + f.path + ".LABEL";
      return false;
    case FieldType::kTypedValue:
      *why = f.path + " follows " + (f.typed_from ? f.typed_from->path : std::string("its text")) +
             ": correct that one";
      return false;
    case FieldType::kInteger:
    case FieldType::kIntegerList:
    case FieldType::kRows:
      break;
  }
  *why = f.path + " is not a value a correction can set";
  return false;
}

// The JSON value a correction's text gives the field (a number field takes a number).
Json NewValue(const FieldPath& path, const std::optional<std::string>& text,
              const std::string& field) {
  if (path.field->type != FieldType::kNumber) return text.value_or("");
  if (!text || text->empty()) return nullptr;
  const std::optional<double> n = JsonToNumber(Json(*text));
  if (!n) throw Error(ErrorCode::kBadInput, field, "\"" + *text + "\" is not a number");
  return *n;
}

// Sets one field of `result` to the correction's new value and marks its provenance. False
// when the path names nothing in `result`.
bool ApplyOne(Json& result, const Correction& c, bool* changed) {
  const std::optional<FieldPath> path = ParseFieldPath(c.field);
  if (!path || !path->project) return false;
  auto projects = result.find("projects");
  if (projects == result.end() || !projects->is_array() || *path->project < 0 ||
      static_cast<size_t>(*path->project) >= projects->size())
    return false;
  Json& project = (*projects)[static_cast<size_t>(*path->project)];
  Json* record = RecordOf(project, *path);
  if (!record) return false;
  Json* slot = Slot(*record, *path, true);
  if (!slot) return false;
  *changed = ValueText(*slot) != c.extracted_value;
  Json value;
  try {
    value = NewValue(*path, c.new_value, c.field);
  } catch (const Error&) {
    return false;  // a number field's correction is always a number; a hand-edited row is not
  }
  *slot = value;
  // An indicator's typed value follows its printed value.
  for (const FieldSpec& typed : Fields(path->field->scope))
    if (typed.typed_from == path->field)
      PutJson(*record, typed,
              Json(ToJson(Normalize(value.is_string() ? value.get<std::string>() : ""))));
  Json& prov = project["provenance"];
  if (!prov.is_object()) prov = Json::object();
  Json& entry = prov[ProjectRelative(*path)];
  if (!entry.is_object()) entry = Json::object();
  entry["correction"] = CorrectionJson(c);
  return true;
}

void CheckLength(const std::string& what, const std::string& text, size_t limit) {
  if (text.size() > limit)
    throw Error(ErrorCode::kBadInput, what, "longer than " + std::to_string(limit) + " bytes");
}

}  // namespace

Json CorrectionJson(const Correction& c) {
  Json o;
  o["id"] = c.id;
  o["field"] = c.field;
  o["action"] = ActionName(c.action);
  o["old"] = c.old_value ? Json(*c.old_value) : Json();
  o["new"] = c.new_value ? Json(*c.new_value) : Json();
  o["note"] = c.note;
  o["who"] = c.who;
  o["at"] = c.at;
  return o;
}

const char* ActionName(CorrectionAction action) {
  return action == CorrectionAction::kAccept ? "accept" : "correct";
}

std::optional<std::string> ValueText(const Json& value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::vector<Correction> CorrectionsOf(Database& db, const std::string& sha256) {
  std::vector<Correction> out;
  for (const Row& r : db.Query("SELECT id, sha256, field, action, old_value, new_value, note, who, "
                               "corrected_at, extracted_value "
                               "FROM corrections WHERE sha256 = $1 ORDER BY id",
                               {sha256})) {
    Correction c;
    c.id = std::get<int64_t>(r[0]);
    c.sha256 = std::get<std::string>(r[1]);
    c.field = std::get<std::string>(r[2]);
    c.action = OptionalText(r[3]).value_or("") == "accept" ? CorrectionAction::kAccept
                                                           : CorrectionAction::kCorrect;
    c.old_value = OptionalText(r[4]);
    c.extracted_value = OptionalText(r[9]);
    c.new_value = OptionalText(r[5]);
    c.note = OptionalText(r[6]).value_or("");
    c.who = OptionalText(r[7]).value_or("");
    c.at = OptionalText(r[8]).value_or("");
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Correction> Latest(const std::vector<Correction>& history) {
  std::vector<Correction> latest;
  std::map<std::string, size_t> at;
  for (const Correction& c : history) {
    const auto [it, fresh] = at.emplace(c.field, latest.size());
    if (fresh)
      latest.push_back(c);
    else
      latest[it->second] = c;
  }
  return latest;
}

Applied ApplyCorrections(Json& result, const std::vector<Correction>& latest) {
  Applied a;
  Json list = Json::array();
  for (const Correction& c : latest) {
    bool changed = false;
    if (!ApplyOne(result, c, &changed)) {
      a.changed.push_back(c.field);
      continue;
    }
    ++a.applied;
    if (changed) a.changed.push_back(c.field);
    Json item = CorrectionJson(c);
    item["extraction_changed"] = changed;
    list.push_back(std::move(item));
  }
  if (!list.empty()) result["corrections"] = std::move(list);
  return a;
}

std::optional<Json> CorrectedJson(Database& db, int64_t document_id) {
  const auto rows =
      db.Query("SELECT sha256, result_json FROM documents WHERE id = $1 AND status = 'imported'",
               {document_id});
  if (rows.empty()) return std::nullopt;
  const auto sha = OptionalText(rows[0][0]);
  const auto text = OptionalText(rows[0][1]);
  Json result = Json::parse(text.value_or("{}"), nullptr, false);
  if (result.is_discarded()) result = Json::object();
  if (sha) ApplyCorrections(result, Latest(CorrectionsOf(db, *sha)));
  return result;
}

Correction AddCorrection(Database& db, int64_t document_id, const CorrectionRequest& request) {
  CheckLength("value", request.value.value_or(""), kMaxValueBytes);
  CheckLength("note", request.note, kMaxNoteBytes);
  CheckLength("who", request.who, kMaxWhoBytes);
  return InTransaction(db, [&] {
    // The document's row locked first (PostgreSQL: the row; SQLite: the file's write lock), so
    // that two corrections at once are one after the other.
    db.Exec("UPDATE documents SET status = status WHERE id = $1", {document_id});
    const auto rows =
        db.Query("SELECT sha256, result_json FROM documents WHERE id = $1 AND status = 'imported'",
                 {document_id});
    if (rows.empty() || !OptionalText(rows[0][0]))
      throw Error(ErrorCode::kNotFound, std::to_string(document_id),
                  "no imported document with this id");
    const std::string sha256 = *OptionalText(rows[0][0]);
    Json result = Json::parse(OptionalText(rows[0][1]).value_or("{}"), nullptr, false);
    if (result.is_discarded() || !result.is_object())
      throw Error(ErrorCode::kBadInput, std::to_string(document_id),
                  "the document's stored records cannot be read");
    const Json extracted = result;
    const std::vector<Correction> latest = Latest(CorrectionsOf(db, sha256));
    ApplyCorrections(result, latest);

    std::string why;
    const ExtractResult records = ReadExtractJson(result, std::to_string(document_id));
    const std::optional<FieldPath> path = ParseFieldPath(request.field, records.projects, &why);
    if (!path)
      throw Error(ErrorCode::kBadInput, request.field, why.empty() ? "no such field" : why);
    if (!Settable(*path, &why)) throw Error(ErrorCode::kBadInput, request.field, why);
    Json& project = result["projects"][static_cast<size_t>(*path->project)];
    Json* record = RecordOf(project, *path);
    Json* slot = record ? Slot(*record, *path, false) : nullptr;
    const std::optional<std::string> old_value = slot ? ValueText(*slot) : std::nullopt;
    // The value as extracted (before any correction), to see whether a later extraction reads
    // it otherwise.
    Json as_read = extracted;
    Json* read_record = RecordOf(as_read["projects"][static_cast<size_t>(*path->project)], *path);
    const Json* read_slot = read_record ? Slot(*read_record, *path, false) : nullptr;

    Correction c;
    c.sha256 = sha256;
    c.field = ToString(*path);
    c.action = request.action;
    c.old_value = old_value;
    c.extracted_value = read_slot ? ValueText(*read_slot) : std::nullopt;
    if (request.action == CorrectionAction::kAccept) {
      c.new_value = old_value;
    } else {
      const Json value = NewValue(*path, request.value, request.field);
      c.new_value = ValueText(value);
    }
    c.note = request.note;
    c.who = request.who;
    c.at = UtcNow();
    c.id = db.InsertReturningId(
        "INSERT INTO corrections (sha256, field, action, extracted_value, old_value, new_value, "
        "note, "
        "who, corrected_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        {sha256, c.field, std::string(ActionName(c.action)), OrNull(c.extracted_value),
         OrNull(c.old_value), OrNull(c.new_value), c.note, c.who, c.at});
    bool changed = false;
    ApplyOne(result, c, &changed);
    RewriteProjects(db, document_id, result["projects"]);
    return c;
  });
}

Applied ReapplyCorrections(Database& db, int64_t document_id, const std::string& sha256,
                           const Json& result) {
  const std::vector<Correction> latest = Latest(CorrectionsOf(db, sha256));
  if (latest.empty()) return {};
  Json corrected = result;
  const Applied a = ApplyCorrections(corrected, latest);
  RewriteProjects(db, document_id, corrected["projects"]);
  return a;
}

}  // namespace jixiao::store
