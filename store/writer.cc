#include "store/writer.h"

#include <ctime>
#include <set>

#include "output/json.h"
#include "records/fields.h"
#include "store/corrections.h"

namespace jixiao::store {

namespace {

using Json = nlohmann::ordered_json;

// A JSON value as a column value: text (a non-string as its JSON text), a number, an integer
// (true is 1), or a JSON value as its compact text (arrays and objects in TEXT columns); null,
// or a value of another type, is NULL.
Value Text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return std::monostate{};
  return v.dump();
}

Value Number(const Json& v) { return v.is_number() ? Value{v.get<double>()} : Value{}; }

Value Integer(const Json& v) {
  if (v.is_boolean()) return static_cast<int64_t>(v.get<bool>() ? 1 : 0);
  if (v.is_number()) return static_cast<int64_t>(v.get<double>());
  return std::monostate{};
}

Value JsonText(const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The same for a member of `o` (NULL when it is missing).
Value Text(const Json& o, const char* key) {
  return o.is_object() && o.contains(key) ? Text(o[key]) : Value{};
}
Value Number(const Json& o, const char* key) {
  return o.is_object() && o.contains(key) ? Number(o[key]) : Value{};
}
Value Integer(const Json& o, const char* key) {
  return o.is_object() && o.contains(key) ? Integer(o[key]) : Value{};
}
Value JsonText(const Json& o, const char* key) {
  return o.is_object() && o.contains(key) ? JsonText(o[key]) : Value{};
}

// The member, or null (which iterates as empty) when missing: no copies, no temporaries.
const Json& Member(const Json& o, const char* key) {
  static const Json kNull;
  if (!o.is_object()) return kNull;
  const auto it = o.find(key);
  return it == o.end() ? kNull : *it;
}

Value NullIfEmpty(const std::string& s) { return s.empty() ? Value{} : Value{s}; }
Value NullIfEmpty(const Value& v) {
  const auto* s = std::get_if<std::string>(&v);
  return s && s->empty() ? Value{} : v;
}

std::string Line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

// A page counts as read by OCR when its text came from the recognizer (text-layer lines and
// cells have confidence 1 and source kTextLayer).
int OcrPages(const ExtractResult& r) {
  int n = 0;
  for (const PageContent& p : r.pages) {
    bool ocr = false;
    for (const Table& t : p.tables)
      for (const TableCell& c : t.cells) ocr = ocr || c.source == WordSource::kOcr;
    for (const TextLine& l : p.lines) ocr = ocr || l.confidence < 1.0;
    n += ocr ? 1 : 0;
  }
  return n;
}

// The row of the document with these bytes (or, without bytes, the failed row of this path).
struct Existing {
  int64_t id = 0;
  std::string status, path;
};

std::optional<Existing> Find(Database& db, const std::string& sha256) {
  if (sha256.empty()) return std::nullopt;
  const auto rows = db.Query("SELECT id, status, path FROM documents WHERE sha256 = $1", {sha256});
  if (rows.empty()) return std::nullopt;
  return Existing{std::get<int64_t>(rows[0][0]), std::get<std::string>(rows[0][1]), std::get<std::string>(rows[0][2])};
}

void InsertPaths(Database& db, int64_t id, const std::vector<std::string>& paths) {
  std::set<std::string> seen;
  for (const std::string& p : paths)
    if (seen.insert(p).second)
      db.Exec("INSERT INTO document_paths (document_id, path) VALUES ($1, $2) ON CONFLICT DO NOTHING", {id, p});
}

// Inside the transaction: what is there already for these bytes. Fills `paths` (the first is
// the primary path) and deletes what is replaced; nullopt-free `already` when an imported
// document stays.
struct Prepared {
  std::vector<std::string> paths;
  std::optional<int64_t> kept;  // an imported document that stays (not replaced)
};

Prepared Prepare(Database& db, const std::string& path, const std::string& sha256, const WriteOptions& options) {
  Prepared p;
  p.paths.push_back(path);
  if (const auto old = Find(db, sha256)) {
    if (old->status == "imported" && !options.replace) {
      p.kept = old->id;
    } else {
      // Replaced: the first path stays first, every other path it had stays.
      p.paths = {old->path, path};
      for (const Row& r : db.Query("SELECT path FROM document_paths WHERE document_id = $1 ORDER BY path", {old->id}))
        p.paths.push_back(std::get<std::string>(r[0]));
      db.Exec("DELETE FROM documents WHERE id = $1", {old->id});
    }
  }
  // An earlier run could not read this path at all: that record is replaced too.
  db.Exec("DELETE FROM documents WHERE sha256 IS NULL AND status = 'failed' AND path = $1", {path});
  for (const std::string& a : options.aliases) p.paths.push_back(a);
  return p;
}

// An imported document that stays as it was: only the paths are added.
Written Kept(int64_t id) {
  Written w;
  w.id = id;
  w.already = true;
  return w;
}

// A typed value (value_normalized) is stored as its parts, each in the column of its name.
struct TypedPart {
  const char* name;
  bool number;
};
constexpr TypedPart kTypedParts[] = {{"kind", false}, {"op", false}, {"number", true},
                                     {"upper", true}, {"unit", false}, {"reference", false},
                                     {"date", false}, {"qualifier", false}};

// The columns that hold the fields of `scope` (records/fields.h), after `leading`.
std::vector<std::string> FieldColumns(FieldScope scope, std::vector<std::string> leading) {
  for (const FieldSpec& f : Fields(scope)) {
    if (f.type == FieldType::kTypedValue) {
      for (const TypedPart& part : kTypedParts) leading.push_back(part.name);
    } else if (!f.column.empty()) {
      leading.push_back(f.column);
    }
  }
  return leading;
}

std::string InsertSql(const std::string& table, const std::vector<std::string>& columns,
                      const std::string& tail) {
  std::string names, values;
  for (size_t i = 0; i < columns.size(); ++i) {
    names += (i ? ", " : "") + columns[i];
    values += (i ? ", $" : "$") + std::to_string(i + 1);
  }
  return "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")" + tail;
}

// The values of FieldColumns(scope, …) in `record`, after `row`.
Row FieldValues(FieldScope scope, const Json& record, Row row) {
  static const Json kNull;
  for (const FieldSpec& f : Fields(scope)) {
    const Json* v = FindJson(record, f);
    if (f.type == FieldType::kTypedValue) {
      const Json& typed = v ? *v : kNull;
      for (const TypedPart& part : kTypedParts)
        row.push_back(part.number ? Number(typed, part.name) : Text(typed, part.name));
      continue;
    }
    if (f.column.empty()) continue;
    if (!v) {
      row.emplace_back();
      continue;
    }
    switch (f.type) {
      case FieldType::kInteger: row.push_back(Integer(*v)); break;
      case FieldType::kText: row.push_back(Text(*v)); break;
      case FieldType::kNumber: row.push_back(Number(*v)); break;
      case FieldType::kTextList:
      case FieldType::kIntegerList:
      case FieldType::kRows:
      case FieldType::kLabeled:
      case FieldType::kTypedValue: row.push_back(JsonText(*v)); break;
    }
  }
  return row;
}

void WriteProject(Database& db, int64_t doc, const Json& p) {
  static const std::string project_sql =
      InsertSql("projects", FieldColumns(FieldScope::kProject, {"document_id"}), " RETURNING id");
  static const std::string indicator_sql = InsertSql(
      "indicators", FieldColumns(FieldScope::kIndicator, {"document_id", "project_id", "seq"}), "");
  const int64_t project =
      db.InsertReturningId(project_sql, FieldValues(FieldScope::kProject, p, {doc}));
  int64_t seq = 0;
  for (const Json& i : Member(p, "indicators"))
    db.Exec(indicator_sql, FieldValues(FieldScope::kIndicator, i, {doc, project, seq++}));
  for (const auto& [field, s] : Member(p, "provenance").items()) {
    const Json& box = Member(s, "bbox");
    auto coord = [&](size_t k) { return box.size() == 4 && box[k].is_number() ? Value{box[k].get<double>()} : Value{}; };
    db.Exec(
        "INSERT INTO provenance (document_id, project_id, field, page, x0, y0, x1, y1, source, confidence, corrected) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        {doc, project, field, Integer(s, "page"), coord(0), coord(1), coord(2), coord(3), Text(s, "source"),
         Number(s, "confidence"), static_cast<int64_t>(s.value("corrected", false) ? 1 : 0)});
  }
}

void WriteSections(Database& db, int64_t doc, const Json& sections) {
  const std::string sql =
      "INSERT INTO sections (document_id, part, seq, no, title, text) VALUES ($1, $2, $3, $4, $5, $6)";
  const Value overall = Text(sections, "overall");
  if (const auto* s = std::get_if<std::string>(&overall); s && !s->empty())
    db.Exec(sql, {doc, std::string("overall"), int64_t{0}, Value{}, Value{}, *s});
  for (const char* part : {"goals", "measures"}) {
    int64_t seq = 0;
    for (const Json& item : Member(sections, part))
      db.Exec(sql, {doc, std::string(part), seq++, Text(item, "no"), Text(item, "title"), Text(item, "text")});
  }
}

void WriteFindings(Database& db, int64_t doc, const Json& findings) {
  for (const Json& f : findings) {
    const Value index = Integer(f, "index");
    const bool whole = std::holds_alternative<int64_t>(index) && std::get<int64_t>(index) == 0;
    db.Exec(
        "INSERT INTO findings (document_id, project_idx, project_code, rule, severity, page, fields, message) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {doc, whole ? Value{} : index, Text(f, "project_code"), Text(f, "rule"), Text(f, "severity"),
         Integer(f, "page"), JsonText(f, "fields"), Text(f, "message")});
  }
}

}  // namespace

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

ExtractedDocument ToExtracted(const ExtractResult& result, const std::string& path, double seconds) {
  ExtractedDocument d;
  d.path = path;
  d.sha256 = result.source.sha256;
  d.result = ExtractJson(result);
  d.pages_ocr = OcrPages(result);
  d.seconds = seconds;
  return d;
}

std::map<std::string, std::string> KnownDocuments(Database& db) {
  std::map<std::string, std::string> known;
  for (const Row& r : db.Query("SELECT sha256, status FROM documents WHERE sha256 IS NOT NULL"))
    known[std::get<std::string>(r[0])] = std::get<std::string>(r[1]);
  return known;
}

Written WriteDocument(Database& db, const ExtractedDocument& doc, const WriteOptions& options) {
  return InTransaction(db, [&] { return WriteDocumentRows(db, doc, options); });
}

Written WriteDocumentRows(Database& db, const ExtractedDocument& doc, const WriteOptions& options) {
  const Prepared p = Prepare(db, doc.path, doc.sha256, options);
  if (p.kept) {
    InsertPaths(db, *p.kept, p.paths);
    return Kept(*p.kept);
  }
  const Json& r = doc.result;
  const Json& meta = Member(r, "document");
  const Json& source = Member(r, "source");
  const int64_t id = db.InsertReturningId(
      "INSERT INTO documents (sha256, path, pages, pages_ocr, status, error, error_code, extractor_version, title, "
      "department, year, draft, seconds, imported_at, result_json) VALUES ($1, $2, $3, $4, 'imported', NULL, NULL, "
      "$5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
      {doc.sha256, p.paths.front(), Integer(source, "pages"), int64_t{doc.pages_ocr}, std::string(JIXIAO_VERSION),
       NullIfEmpty(Text(meta, "title")), NullIfEmpty(Text(meta, "department")), Integer(meta, "year"), Integer(meta, "draft"), doc.seconds,
       UtcNow(), r.dump(-1, ' ', false, Json::error_handler_t::replace)});
  InsertPaths(db, id, p.paths);
  WriteSections(db, id, Member(r, "sections"));
  for (const Json& project : Member(r, "projects")) WriteProject(db, id, project);
  WriteFindings(db, id, Member(r, "findings"));
  for (const Json& w : Member(r, "warnings"))
    db.Exec("INSERT INTO warnings (document_id, page, code, message) VALUES ($1, $2, $3, $4)",
            {id, Integer(w, "page"), Text(w, "code"), Text(w, "message")});
  Written written;
  written.id = id;
  // Corrections made before (an earlier import of these bytes) hold for the new rows too.
  const Applied applied = ReapplyCorrections(db, id, doc.sha256, r);
  written.corrections = applied.applied;
  written.corrections_changed = applied.changed;
  return written;
}

Written RecordFailure(Database& db, const std::string& path, const std::string& sha256, const Error& error,
                      double seconds, const WriteOptions& options) {
  return InTransaction(db, [&] { return RecordFailureRows(db, path, sha256, error, seconds, options); });
}

Written RecordFailureRows(Database& db, const std::string& path, const std::string& sha256, const Error& error,
                          double seconds, const WriteOptions& options) {
  const Prepared p = Prepare(db, path, sha256, options);
  if (p.kept) {
    InsertPaths(db, *p.kept, p.paths);
    return Kept(*p.kept);
  }
  const int64_t id = db.InsertReturningId(
      "INSERT INTO documents (sha256, path, status, error, error_code, extractor_version, seconds, imported_at) "
      "VALUES ($1, $2, 'failed', $3, $4, $5, $6, $7) RETURNING id",
      {NullIfEmpty(sha256), p.paths.front(), Line(error.what()), int64_t{error.exit_code()},
       std::string(JIXIAO_VERSION), seconds, UtcNow()});
  InsertPaths(db, id, p.paths);
  Written written;
  written.id = id;
  return written;
}

void RewriteProjects(Database& db, int64_t document_id, const Json& projects) {
  db.Exec("DELETE FROM projects WHERE document_id = $1", {document_id});
  for (const Json& project : projects) WriteProject(db, document_id, project);
}

bool AddPath(Database& db, const std::string& sha256, const std::string& path) {
  const auto old = Find(db, sha256);
  if (!old) return false;
  InsertPaths(db, old->id, {path});
  return true;
}

}  // namespace jixiao::store
