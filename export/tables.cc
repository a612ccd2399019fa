#include "export/tables.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "records/fields.h"

namespace jixiao::exporter {

namespace {

using store::Engine;
using store::Row;
using store::Value;
using Json = nlohmann::ordered_json;

// The document columns every table starts with (documents d).
constexpr const char* kDocumentSelect = "d.year, d.department, d.path";

std::vector<Column> WithDocument(std::vector<Column> rest) {
  std::vector<Column> columns = {
      {"year", "年度", ColumnType::kInteger},
      {"department", "部门", ColumnType::kText},
      {"document", "文件", ColumnType::kText},
  };
  columns.insert(columns.end(), rest.begin(), rest.end());
  return columns;
}

struct TableSpec {
  const char* name;
  const char* sheet_zh;
  std::vector<Column> columns;
  std::string sql;  // selects the columns in order; {C} is the engine's binary collation
};

// The column of a record field: its key (the field's flat name unless given), Chinese header and
// type from the field registry (records/fields.h).
Column FieldColumn(FieldScope scope, std::string_view path, const char* key = nullptr) {
  const FieldSpec* f = FindField(scope, path);
  if (!f)
    throw Error(ErrorCode::kInternal, std::string(path),
                "export names a field the registry does not have");
  Column c{key ? key : f->name.c_str(), f->header_zh.c_str(), ColumnType::kText};
  switch (f->type) {
    case FieldType::kInteger: c.type = ColumnType::kInteger; break;
    case FieldType::kNumber: c.type = ColumnType::kNumber; break;
    case FieldType::kTextList: c.type = ColumnType::kList; c.join = "\n"; break;
    case FieldType::kIntegerList: c.type = ColumnType::kList; c.join = ", "; break;
    case FieldType::kLabeled: c.type = ColumnType::kObject; break;
    case FieldType::kText:
    case FieldType::kRows:
    case FieldType::kTypedValue: break;
  }
  return c;
}
Column ProjectColumn(std::string_view path, const char* key = nullptr) {
  return FieldColumn(FieldScope::kProject, path, key);
}
Column IndicatorColumn(std::string_view path) { return FieldColumn(FieldScope::kIndicator, path); }

const std::vector<TableSpec>& Specs() {
  static const std::vector<TableSpec> specs = {
      {"indicators", "指标",
       WithDocument({
           ProjectColumn("index", "project_index"),
           ProjectColumn("project_code"),
           ProjectColumn("project_name"),
           IndicatorColumn("level1"),
           IndicatorColumn("level2"),
           IndicatorColumn("level3"),
           IndicatorColumn("description"),
           IndicatorColumn("value"),
           {"op", "比较", ColumnType::kText},
           {"number", "数值", ColumnType::kNumber},
           {"upper", "上限", ColumnType::kNumber},
           {"unit", "单位", ColumnType::kText},
           IndicatorColumn("basis"),
           {"kind", "类型", ColumnType::kText},
           {"reference", "参照", ColumnType::kText},
           {"date", "日期", ColumnType::kText},
           {"qualifier", "限定", ColumnType::kText},
           {"seq", "行号（从0起）", ColumnType::kInteger},
           {"corrected", "已更正", ColumnType::kList, ", "},
       }),
       std::string("SELECT ") + kDocumentSelect +
           ", p.idx, p.project_code, p.project_name, i.level1, i.level2, i.level3, i.description, "
           "i.value_raw, i.op, "
           "i.number, i.upper, i.unit, i.basis, i.kind, i.reference, i.date, i.qualifier, i.seq, "
           "d.sha256 "
           "FROM indicators i JOIN projects p ON p.id = i.project_id JOIN documents d ON d.id = "
           "i.document_id "
           "ORDER BY d.path{C}, COALESCE(d.sha256, ''), p.idx, p.id, i.seq, i.id"},
      {"projects", "项目",
       WithDocument({
           ProjectColumn("index"),
           ProjectColumn("project_code"),
           ProjectColumn("project_name"),
           ProjectColumn("title"),
           ProjectColumn("unit_code"),
           ProjectColumn("unit_name"),
           ProjectColumn("money_unit"),
           ProjectColumn("budget.total"),
           ProjectColumn("budget.fiscal"),
           ProjectColumn("budget.other"),
           ProjectColumn("schedule.mar"),
           ProjectColumn("schedule.jun"),
           ProjectColumn("schedule.oct"),
           ProjectColumn("schedule.dec"),
           ProjectColumn("goals"),
           ProjectColumn("purpose"),
           {"indicators", "指标数", ColumnType::kInteger},  // the number of rows, not the rows
           ProjectColumn("pages"),
           ProjectColumn("attributes"),
           {"corrected", "已更正", ColumnType::kList, ", "},
       }),
       std::string("SELECT ") + kDocumentSelect +
           ", p.idx, p.project_code, p.project_name, p.title, p.unit_code, p.unit_name, "
           "p.money_unit, p.budget_total, "
           "p.budget_fiscal, p.budget_other, p.schedule_mar, p.schedule_jun, p.schedule_oct, "
           "p.schedule_dec, p.goals, "
           "p.purpose, (SELECT COUNT(*) FROM indicators i WHERE i.project_id = p.id), p.pages, "
           "p.attributes, d.sha256 "
           "FROM projects p JOIN documents d ON d.id = p.document_id "
           "ORDER BY d.path{C}, COALESCE(d.sha256, ''), p.idx, p.id"},
      {"findings", "问题",
       WithDocument({
           ProjectColumn("index", "project_index"),
           ProjectColumn("project_code"),
           ProjectColumn("project_name"),
           {"rule", "规则", ColumnType::kText},
           {"severity", "级别", ColumnType::kText},
           {"page", "页码", ColumnType::kInteger},
           {"message", "说明", ColumnType::kText},
           {"fields", "字段", ColumnType::kList, ", "},
       }),
       std::string("SELECT ") + kDocumentSelect +
           ", f.project_idx, f.project_code, p.project_name, f.rule, f.severity, f.page, "
           "f.message, f.fields "
           "FROM findings f JOIN documents d ON d.id = f.document_id "
           "LEFT JOIN projects p ON p.document_id = f.document_id AND p.idx = f.project_idx "
           "ORDER BY d.path{C}, COALESCE(d.sha256, ''), COALESCE(f.project_idx, 0), f.id"},
      {"documents",
       "文件",
       {
           {"document", "文件", ColumnType::kText},
           {"sha256", "SHA-256", ColumnType::kText},
           {"status", "状态", ColumnType::kText},
           {"error", "错误", ColumnType::kText},
           {"error_code", "错误码", ColumnType::kInteger},
           {"year", "年度", ColumnType::kInteger},
           {"department", "部门", ColumnType::kText},
           {"title", "标题", ColumnType::kText},
           {"draft", "草案", ColumnType::kBool},
           {"pages", "页数", ColumnType::kInteger},
           {"pages_ocr", "OCR页数", ColumnType::kInteger},
           {"projects", "项目数", ColumnType::kInteger},
           {"indicators", "指标数", ColumnType::kInteger},
           {"findings", "问题数", ColumnType::kInteger},
           {"warnings", "警告数", ColumnType::kInteger},
           {"other_paths", "其他路径", ColumnType::kList, "\n"},
           {"imported_at", "导入时间", ColumnType::kText},
           {"extractor_version", "jixiao版本", ColumnType::kText},
       },
       "SELECT d.path, d.sha256, d.status, d.error, d.error_code, d.year, d.department, d.title, "
       "d.draft, d.pages, "
       "d.pages_ocr, (SELECT COUNT(*) FROM projects p WHERE p.document_id = d.id), "
       "(SELECT COUNT(*) FROM indicators i WHERE i.document_id = d.id), "
       "(SELECT COUNT(*) FROM findings f WHERE f.document_id = d.id), "
       "(SELECT COUNT(*) FROM warnings w WHERE w.document_id = d.id), d.id, d.imported_at, "
       "d.extractor_version "
       "FROM documents d ORDER BY d.path{C}, COALESCE(d.sha256, ''), d.id"},
      {"warnings", "警告",
       WithDocument({
           {"page", "页码", ColumnType::kInteger},
           {"code", "代码", ColumnType::kText},
           {"message", "说明", ColumnType::kText},
       }),
       std::string("SELECT ") + kDocumentSelect +
           ", w.page, w.code, w.message FROM warnings w JOIN documents d ON d.id = w.document_id "
           "ORDER BY d.path{C}, COALESCE(d.sha256, ''), w.id"},
  };
  return specs;
}

std::string ForEngine(std::string sql, Engine engine) {
  // Byte order on both engines, whatever the PostgreSQL database's locale.
  const std::string collate = engine == Engine::kPostgres ? " COLLATE \"C\"" : "";
  for (size_t at = sql.find("{C}"); at != std::string::npos; at = sql.find("{C}", at)) sql.replace(at, 3, collate);
  return sql;
}

// documents.other_paths: the column holds d.id from the query; it becomes the JSON array of
// the document's paths other than its first one.
void FillOtherPaths(store::Database& db, Table& documents) {
  std::map<int64_t, Json> others;
  for (const Row& r : db.Query(ForEngine("SELECT p.document_id, p.path FROM document_paths p JOIN documents d ON "
                                         "d.id = p.document_id WHERE p.path <> d.path ORDER BY p.path{C}",
                                         db.engine()))) {
    if (!std::holds_alternative<int64_t>(r[0]) || !std::holds_alternative<std::string>(r[1])) continue;
    others[std::get<int64_t>(r[0])].push_back(std::get<std::string>(r[1]));
  }
  const auto column = std::find_if(documents.columns.begin(), documents.columns.end(),
                                   [](const Column& c) { return std::string_view(c.key) == "other_paths"; }) -
                      documents.columns.begin();
  for (Row& row : documents.rows) {
    Value& cell = row[static_cast<size_t>(column)];
    const auto* id = std::get_if<int64_t>(&cell);
    const auto it = id ? others.find(*id) : others.end();
    cell = it == others.end() ? Value{std::string("[]")} : Value{it->second.dump(-1, ' ', false, Json::error_handler_t::replace)};
  }
}

size_t ColumnIndex(const Table& t, std::string_view key) {
  for (size_t i = 0; i < t.columns.size(); ++i)
    if (key == t.columns[i].key) return i;
  throw Error(ErrorCode::kInternal, t.name, "export table has no column " + std::string(key));
}

// The `corrected` column of indicators and projects: the query puts the document's sha256 there;
// it becomes the JSON array of the row's fields whose value a person corrected on the review
// desk (store/corrections.h; the latest correction of a field, not an acceptance). The rows
// already hold the corrected values.
void FillCorrected(store::Database& db, Table& t) {
  // sha256 -> (project position, indicator row or -1) -> fields, from the latest row of each field.
  std::map<std::string, std::map<std::pair<int, int>, std::vector<std::string>>> corrected;
  std::map<std::pair<std::string, std::string>, std::string> latest;  // (sha256, field) -> action
  for (const Row& r : db.Query("SELECT sha256, field, action FROM corrections ORDER BY id")) {
    const auto* sha = std::get_if<std::string>(&r[0]);
    const auto* field = std::get_if<std::string>(&r[1]);
    const auto* action = std::get_if<std::string>(&r[2]);
    if (sha && field && action) latest[{*sha, *field}] = *action;
  }
  for (const auto& [key, action] : latest) {
    if (action != "correct") continue;
    const std::optional<FieldPath> path = ParseFieldPath(key.second);
    if (!path || !path->project) continue;
    FieldPath in_record = *path;
    in_record.project.reset();
    int row = -1;
    std::string name = ToString(in_record);
    if (path->field->scope == FieldScope::kIndicator) {
      row = path->index.value_or(-1);
      name = path->field->path;
    }
    corrected[key.first][{*path->project, row}].push_back(name);
  }
  const size_t column = ColumnIndex(t, "corrected");
  const bool indicators = t.name == "indicators";
  const size_t index = ColumnIndex(t, indicators ? "project_index" : "index");
  const size_t seq = indicators ? ColumnIndex(t, "seq") : 0;
  for (Row& r : t.rows) {
    Json fields = Json::array();
    const auto* sha = std::get_if<std::string>(&r[column]);
    const auto* idx = std::get_if<int64_t>(&r[index]);
    const auto* s = indicators ? std::get_if<int64_t>(&r[seq]) : nullptr;
    const auto doc = sha ? corrected.find(*sha) : corrected.end();
    if (doc != corrected.end() && idx && (!indicators || s)) {
      const auto it =
          doc->second.find({static_cast<int>(*idx) - 1, indicators ? static_cast<int>(*s) : -1});
      if (it != doc->second.end())
        for (const std::string& f : it->second) fields.push_back(f);
    }
    r[column] = fields.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

// A read-only snapshot: SQLite's deferred BEGIN (no write lock, so a running batch goes on);
// PostgreSQL's repeatable read (one snapshot for every query, not one per statement).
class Snapshot {
 public:
  explicit Snapshot(store::Database& db) : db_(db) {
    db_.Exec(db_.engine() == Engine::kPostgres ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
  }
  ~Snapshot() {
    try {
      db_.Exec("ROLLBACK");
    } catch (const Error&) {
      // The connection is gone; nothing was written.
    }
  }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

 private:
  store::Database& db_;
};

void AppendNumber(double d, std::string& out) {
  if (!std::isfinite(d)) {
    out += std::isnan(d) ? "NaN" : (d > 0 ? "Infinity" : "-Infinity");
    return;
  }
  // The shortest digits that read back exactly, in plain notation (100000, not 1e+05) unless
  // the number is far from everyday magnitudes.
  char buf[128];
  const double a = std::fabs(d);
  const bool plain = a == 0 || (a >= 1e-9 && a < 1e21);
  const auto r = plain ? std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed)
                       : std::to_chars(buf, buf + sizeof buf, d);
  out.append(buf, r.ptr);
}

std::string ScalarText(const Json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return "";
  if (j.is_number_float()) {
    std::string s;
    AppendNumber(j.get<double>(), s);
    return s;
  }
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

const std::vector<std::string>& TableNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const TableSpec& s : Specs()) n.push_back(s.name);
    return n;
  }();
  return names;
}

bool IsTableName(std::string_view name) {
  const auto& names = TableNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<Table> ReadTables(store::Database& db, const std::vector<std::string>& names) {
  for (const std::string& n : names)
    if (!IsTableName(n)) throw Error(ErrorCode::kUsage, n, "no such table");
  std::vector<Table> tables;
  Snapshot snapshot(db);
  for (const TableSpec& spec : Specs()) {
    if (!names.empty() && std::find(names.begin(), names.end(), spec.name) == names.end()) continue;
    Table t{spec.name, spec.sheet_zh, spec.columns, db.Query(ForEngine(spec.sql, db.engine()))};
    for (const Row& r : t.rows)
      if (r.size() != t.columns.size())
        throw Error(ErrorCode::kInternal, db.target(), "export query for " + t.name + " returned a short row");
    if (t.name == "documents") FillOtherPaths(db, t);
    if (t.name == "indicators" || t.name == "projects") FillCorrected(db, t);
    tables.push_back(std::move(t));
  }
  return tables;
}

std::string CellText(const Value& v, const Column& column) {
  if (std::holds_alternative<std::monostate>(v)) return "";
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    std::string s;
    AppendNumber(*d, s);
    return s;
  }
  const std::string& s = std::get<std::string>(v);
  if (column.type != ColumnType::kList && column.type != ColumnType::kObject) return s;
  const Json j = Json::parse(s, nullptr, false);
  if (j.is_discarded()) return s;  // not JSON after all: the text as stored
  std::string out;
  if (j.is_array()) {
    for (const Json& item : j) {
      if (!out.empty()) out += column.join;
      out += ScalarText(item);
    }
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!out.empty()) out += "\n";
      out += it.key() + "：" + ScalarText(it.value());
    }
  } else {
    out = ScalarText(j);
  }
  return out;
}

}  // namespace jixiao::exporter
