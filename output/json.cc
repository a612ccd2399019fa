#include "output/json.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <cmath>
#include <unistd.h>

namespace jixiao {

namespace {

using Json = nlohmann::ordered_json;

Json Number(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json BoxJson(const Box& b) {
  auto r = [](double v) { return std::round(v * 100) / 100; };
  return Json::array({r(b.x0), r(b.y0), r(b.x1), r(b.y1)});
}

Json Pairs(const std::vector<std::pair<std::string, std::string>>& kv) {
  Json o = Json::object();
  for (const auto& [k, v] : kv) o[k] = v;
  return o;
}

Json SourceJson(const Source& s) {
  Json o;
  o["page"] = s.page;
  o["bbox"] = BoxJson(s.box);
  o["source"] = s.source == WordSource::kOcr ? "ocr" : "text_layer";
  o["confidence"] = std::round(s.confidence * 1000) / 1000;
  if (s.corrected) o["corrected"] = true;
  return o;
}

Json ProjectJson(const Project& p) {
  Json o;
  o["index"] = p.index;
  o["title"] = p.title;
  o["unit_code"] = p.unit_code;
  o["unit_name"] = p.unit_name;
  o["money_unit"] = p.money_unit;
  o["project_code"] = p.project_code;
  o["project_name"] = p.project_name;
  o["budget"] = {{"total", Number(p.budget.total)}, {"fiscal", Number(p.budget.fiscal)}, {"other", Number(p.budget.other)}};
  o["purpose"] = p.purpose;
  o["schedule"] = {{"mar", Number(p.schedule.mar)}, {"jun", Number(p.schedule.jun)},
                   {"oct", Number(p.schedule.oct)}, {"dec", Number(p.schedule.dec)}};
  o["goals"] = p.goals;
  Json inds = Json::array();
  for (const Indicator& i : p.indicators) {
    Json j;
    j["level1"] = i.level1;
    j["level2"] = i.level2;
    j["level3"] = i.level3;
    j["description"] = i.description;
    j["value"] = i.value;
    j["basis"] = i.basis;
    j["value_normalized"] = Json::parse(ToJson(i.value_normalized).dump());
    if (!i.attributes.empty()) j["attributes"] = Pairs(i.attributes);
    inds.push_back(std::move(j));
  }
  o["indicators"] = std::move(inds);
  o["pages"] = p.pages;
  o["attributes"] = Pairs(p.attributes);
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
