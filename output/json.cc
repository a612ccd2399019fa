#include "output/json.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <cmath>
#include <unistd.h>

#include "checks/report.h"
#include "records/fields.h"

namespace jixiao {

namespace {

using Json = nlohmann::ordered_json;

Json BoxJson(const Box& b) {
  auto r = [](double v) { return std::round(v * 100) / 100; };
  return Json::array({r(b.x0), r(b.y0), r(b.x1), r(b.y1)});
}

Json SourceJson(const Source& s) {
  Json o;
  o["page"] = s.page;
  o["bbox"] = BoxJson(s.box);
  o["source"] = s.source == WordSource::kOcr ? "ocr" : "text_layer";
  o["confidence"] = std::round(s.confidence * 1000) / 1000;
  if (s.corrected) o["corrected"] = true;
  if (!s.fixes.empty()) o["fixes"] = s.fixes;
  if (s.source == WordSource::kOcr && s.weakest_glyph < 1)
    o["weakest_glyph"] = std::round(s.weakest_glyph * 1000) / 1000;
  if (!s.review.empty()) o["review"] = s.review;
  return o;
}

// The project's fields in registry order (records/fields.h), then where each was read.
Json ProjectJson(const Project& p) {
  Json o;
  for (const FieldSpec& f : Fields(FieldScope::kProject))
    PutJson(o, f, FieldJson(p, FieldPath{.field = &f}));
  Json prov = Json::object();
  for (const auto& [k, s] : p.provenance) prov[k] = SourceJson(s);
  o["provenance"] = std::move(prov);
  return o;
}

Json ItemsJson(const std::vector<SectionItem>& items) {
  Json a = Json::array();
  for (const SectionItem& i : items) a.push_back({{"no", i.no}, {"title", i.title}, {"text", i.text}});
  return a;
}

}  // namespace

Json ExtractJson(const ExtractResult& r) {
  Json o;
  o["source"] = {{"path", r.source.path}, {"sha256", r.source.sha256}, {"pages", r.source.pages}};
  Json doc;
  doc["department"] = r.document.department;
  doc["title"] = r.document.title;
  doc["year"] = r.document.year ? Json(*r.document.year) : Json(nullptr);
  doc["draft"] = r.document.draft;
  doc["compiled_by"] = r.document.compiled_by;
  doc["reviewed_by"] = r.document.reviewed_by;
  o["document"] = std::move(doc);
  o["sections"] = {{"overall", r.sections.overall},
                   {"goals", ItemsJson(r.sections.goals)},
                   {"measures", ItemsJson(r.sections.measures)}};
  Json projects = Json::array();
  for (const Project& p : r.projects) projects.push_back(ProjectJson(p));
  o["projects"] = std::move(projects);
  Json warnings = Json::array();
  for (const Warning& w : r.warnings) warnings.push_back({{"page", w.page}, {"code", w.code}, {"message", w.message}});
  o["warnings"] = std::move(warnings);
  o["findings"] = FindingsJson(r.findings);
  return o;
}

Json TablesJson(const ExtractResult& r) {
  Json tables = Json::array();
  for (const PageContent& p : r.pages) {
    for (const Table& t : p.tables) {
      Json tj;
      tj["page"] = t.page;
      tj["bbox"] = BoxJson(t.box);
      tj["rows"] = t.rows;
      tj["cols"] = t.cols;
      Json cells = Json::array();
      for (const TableCell& c : t.cells)
        cells.push_back({{"row", c.row}, {"col", c.col}, {"rowspan", c.rowspan}, {"colspan", c.colspan},
                         {"bbox", BoxJson(c.box)}, {"text", c.MultilineText()}});
      tj["cells"] = std::move(cells);
      tables.push_back(std::move(tj));
    }
  }
  // The text outside the tables, line by line: what the section and title readers see.
  Json lines = Json::array();
  for (const PageContent& p : r.pages)
    for (const TextLine& l : p.lines) lines.push_back({{"page", p.page}, {"bbox", BoxJson(l.box)}, {"text", l.text}});
  return Json{{"tables", std::move(tables)}, {"lines", std::move(lines)}};
}

namespace {

std::string TextOf(const Json& o, const char* key) {
  if (!o.is_object() || !o.contains(key)) return "";
  return JsonToText(o[key]);
}

// A number, or a number printed as a string ("100.00", "3,286,500.00"); null and "" are empty.
std::optional<double> NumberOf(const Json& o, const char* key) {
  if (!o.is_object() || !o.contains(key)) return std::nullopt;
  return JsonToNumber(o[key]);
}

Source SourceOf(const Json& o) {
  Source s;
  if (!o.is_object()) return s;
  if (o.contains("page") && o["page"].is_number_integer()) s.page = o["page"].get<int>();
  if (o.contains("bbox") && o["bbox"].is_array() && o["bbox"].size() == 4) {
    const Json& b = o["bbox"];
    if (b[0].is_number() && b[1].is_number() && b[2].is_number() && b[3].is_number())
      s.box = {b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()};
  }
  if (TextOf(o, "source") == "ocr") s.source = WordSource::kOcr;
  if (auto c = NumberOf(o, "confidence")) s.confidence = *c;
  if (o.contains("corrected") && o["corrected"].is_boolean()) s.corrected = o["corrected"].get<bool>();
  if (o.contains("fixes") && o["fixes"].is_array())
    for (const Json& f : o["fixes"])
      if (f.is_string()) s.fixes.push_back(f.get<std::string>());
  if (auto g = NumberOf(o, "weakest_glyph")) s.weakest_glyph = *g;
  if (o.contains("review") && o["review"].is_array())
    for (const Json& f : o["review"])
      if (f.is_string()) s.review.push_back(f.get<std::string>());
  return s;
}

std::vector<SectionItem> ItemsOf(const Json& o) {
  std::vector<SectionItem> out;
  if (!o.is_array()) return out;
  for (const Json& i : o) out.push_back({TextOf(i, "no"), TextOf(i, "title"), TextOf(i, "text")});
  return out;
}

// The project's fields in registry order (records/fields.h); a missing field takes its empty
// value, a missing index the project's position.
Project ProjectOf(const Json& o, int position) {
  static const Json kNull;
  Project p;
  for (const FieldSpec& f : Fields(FieldScope::kProject)) {
    const Json* v = FindJson(o, f);
    SetFieldJson(p, FieldPath{.field = &f}, v ? *v : kNull);
  }
  if (!o.contains("index") || !o["index"].is_number_integer()) p.index = position;
  const Json prov = o.value("provenance", Json::object());
  if (prov.is_object())
    for (auto it = prov.begin(); it != prov.end(); ++it) p.provenance[it.key()] = SourceOf(it.value());
  return p;
}

}  // namespace

ExtractResult ReadExtractJson(const Json& j, const std::string& path) {
  if (!j.is_object() || !j.contains("projects") || !j["projects"].is_array())
    throw Error(ErrorCode::kBadInput, path, "not an extract JSON (no \"projects\" array)");
  ExtractResult r;
  const Json source = j.value("source", Json::object());
  r.source.path = source.is_object() && source.contains("path") ? TextOf(source, "path") : path;
  r.source.sha256 = TextOf(source, "sha256");
  if (source.is_object() && source.contains("pages") && source["pages"].is_number_integer())
    r.source.pages = source["pages"].get<int>();
  const Json doc = j.value("document", Json::object());
  r.document.department = TextOf(doc, "department");
  r.document.title = TextOf(doc, "title");
  if (auto y = NumberOf(doc, "year")) r.document.year = static_cast<int>(*y);
  r.document.draft = doc.is_object() && doc.contains("draft") && doc["draft"].is_boolean() && doc["draft"].get<bool>();
  r.document.compiled_by = TextOf(doc, "compiled_by");
  r.document.reviewed_by = TextOf(doc, "reviewed_by");
  const Json sections = j.value("sections", Json::object());
  if (sections.is_object()) {
    r.sections.overall = TextOf(sections, "overall");
    r.sections.goals = ItemsOf(sections.value("goals", Json()));
    r.sections.measures = ItemsOf(sections.value("measures", Json()));
  }
  int position = 0;
  for (const Json& p : j["projects"]) {
    ++position;
    if (!p.is_object()) throw Error(ErrorCode::kBadInput, path, "project " + std::to_string(position) + " is not an object");
    r.projects.push_back(ProjectOf(p, position));
  }
  if (j.contains("warnings") && j["warnings"].is_array())
    for (const Json& w : j["warnings"]) {
      Warning warning;
      if (w.is_object() && w.contains("page") && w["page"].is_number_integer()) warning.page = w["page"].get<int>();
      warning.code = TextOf(w, "code");
      warning.message = TextOf(w, "message");
      r.warnings.push_back(std::move(warning));
    }
  return r;
}

void WriteFileAtomic(const std::string& path, const std::string& text) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
    // A device or pipe (/dev/null, /dev/stdout): nothing to replace atomically.
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw Error(ErrorCode::kOutput, path, "cannot write output");
    return;
  }
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorCode::kOutput, path, "cannot write output");
    out << text;
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      throw Error(ErrorCode::kOutput, path, "cannot write output");
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    throw Error(ErrorCode::kOutput, path, "cannot write output: " + ec.message());
  }
}

}  // namespace jixiao
