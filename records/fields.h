// The one description of a project record's fields (CONTRACT.md, "projects"). Each field is
// declared once: its JSON path, the labels a reader of the document knows it by, its database
// column, and where it is in `Project`. The extract JSON (output/json.cc, written and read
// back), the check messages (checks/format.h: FieldLabelZh, FieldLabelEn, FieldText), the
// export's column headers (export/tables.cc) and the database writer (store/writer.cc) are all
// driven by this table; its order is the order of the keys in the JSON.
//
// A field path names a field or an item of one (indices are 0-based):
//   budget.total, purpose             a field of the project
//   goals[1]                          an item of a list
//   indicators[3]                     an indicator row
//   indicators[3].value               a field of an indicator row
//   attributes.项目类型               one labeled field the contract does not name (the label is
//                                     everything after the dot)
//   projects[0].indicators[3].value   the same, inside a document's list of projects
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "records/records.h"

namespace jixiao {

// Label -> text, in printed order (Project::attributes, Indicator::attributes).
using Labeled = std::vector<std::pair<std::string, std::string>>;

// What a field holds, and so how it is written, read back and shown.
enum class FieldType {
  kInteger,      // "index"
  kText,         // "project_code": "" when empty
  kNumber,       // "budget.total": null when empty
  kTextList,     // "goals"
  kIntegerList,  // "pages"
  kRows,         // "indicators": rows of the indicator fields
  kLabeled,      // "attributes": label -> text
  kTypedValue,   // "value_normalized": the typed form of a text field (normalize/normalize.h)
};

// The record a field belongs to: the project, or one of its indicator rows.
enum class FieldScope { kProject, kIndicator };

// Where a field's value is in its record.
template <typename R, typename T>
struct FieldMember {
  using Record = R;
  using Type = T;
  const T& (*get)(const Record&);
  T& (*ref)(Record&);
};

using FieldAccess = std::variant<
    FieldMember<Project, int>, FieldMember<Project, std::string>,
    FieldMember<Project, std::optional<double>>, FieldMember<Project, std::vector<std::string>>,
    FieldMember<Project, std::vector<int>>, FieldMember<Project, std::vector<Indicator>>,
    FieldMember<Project, Labeled>, FieldMember<Indicator, std::string>,
    FieldMember<Indicator, TypedValue>, FieldMember<Indicator, Labeled>>;

struct FieldSpec {
  FieldScope scope;
  FieldType type;
  std::string path;         // in its record, as the JSON nests it: "budget.total", "level1"
  std::string name;         // flat: "budget_total" (the export's keys)
  std::string zh;           // as the document labels it: 预算数, 一级指标
  std::string en;           // as the English messages name it: its JSON name
  std::string item_zh;      // a list's item, "{}" its 1-based number: 绩效目标第 {} 条
  std::string item_en;      // goal {}
  std::string header_zh;    // the export's Chinese column header (zh, or zh with its unit)
  std::string column;       // its column in store/schema.sql; "" when not stored
  bool omit_empty = false;  // left out of the JSON when empty
  const FieldSpec* typed_from = nullptr;  // kTypedValue: the text field it types ("value")
  FieldAccess access;
};

// Every field of one record, in JSON order.
const std::vector<FieldSpec>& Fields(FieldScope scope);
// The field at `path` in a record of `scope` ("budget.total", "level1"); nullptr when none.
const FieldSpec* FindField(FieldScope scope, std::string_view path);

// A parsed field path.
struct FieldPath {
  std::optional<int> project{};  // "projects[N]." before it
  const FieldSpec* field =
      nullptr;                 // an indicator field of indicators[i].f; never null when parsed
  std::optional<int> index{};  // the row of indicators[i], the item of goals[i]
  std::string key{};           // the label of attributes.<label>

  bool operator==(const FieldPath&) const = default;
};

// The path as text; ParseFieldPath reads it back to the same FieldPath.
std::string ToString(const FieldPath& path);

// Parses a field path. nullopt when it names no field of the registry (an unknown name, an
// index on a field that is no list, a part after a field that has none, a malformed index);
// `why`, when given, then says what is wrong.
std::optional<FieldPath> ParseFieldPath(std::string_view text, std::string* why = nullptr);
// The same, and every index must name an item that exists: among `projects` (the path must
// start with projects[N].), or in `project` (the path must not).
std::optional<FieldPath> ParseFieldPath(std::string_view text, const std::vector<Project>& projects,
                                        std::string* why = nullptr);
std::optional<FieldPath> ParseFieldPath(std::string_view text, const Project& project,
                                        std::string* why = nullptr);

// Reading and setting a field of a project (the path's project index is not looked at). An
// index or label that names nothing in `p` reads as nothing (nullopt, null).
//
// The text of a text field, of a text item or label, or a text list's items joined by "；";
// nullopt for a field of another type.
std::optional<std::string> FieldString(const Project& p, const FieldPath& path);
// The value of a number or integer field (an empty number is nullopt).
std::optional<double> FieldNumber(const Project& p, const FieldPath& path);
// The value as the extract JSON holds it: goals[1] is one string, indicators[3] one row.
nlohmann::ordered_json FieldJson(const Project& p, const FieldPath& path);
// Sets the value from JSON, as ReadExtractJson reads it: a text field takes a string or a
// number's JSON text, a number field a number or a number printed as a string ("3,286,500.00");
// a list keeps the items of its type; null or any other type gives the empty value, except a
// typed value, which is then normalized from the text field it types. Throws Error(kBadInput)
// when an index or a row names nothing in `p`.
void SetFieldJson(Project& p, const FieldPath& path, const nlohmann::ordered_json& value);

// JSON for a record's fields: the value of `field` in `record` (following "budget.total"
// into "budget"), nullptr when absent; and putting a value there, creating "budget" as needed
// (key order is the order of the puts; an omit_empty field that is empty is left out).
const nlohmann::ordered_json* FindJson(const nlohmann::ordered_json& record,
                                       const FieldSpec& field);
void PutJson(nlohmann::ordered_json& record, const FieldSpec& field, nlohmann::ordered_json value);

// How the reader takes a JSON value as text (a number gives its JSON text, anything else but a
// string "") and as a number (a number, or a number printed as a string; else nullopt).
std::string JsonToText(const nlohmann::ordered_json& v);
std::optional<double> JsonToNumber(const nlohmann::ordered_json& v);

}  // namespace jixiao
