#include "desk/review.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "desk/assets.h"
#include "desk/html.h"
#include "output/json.h"

namespace jixiao::desk {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

Json ReviewRecords(const std::string& input, const ExtractOptions& options, std::string* source) {
  if (fs::path(input).extension() != ".json") {
    Json records = ExtractJson(Extract(input, options));
    *source = input;
    return records;
  }
  std::ifstream in(input, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, input, "cannot read the extract JSON");
  std::stringstream text;
  text << in.rdbuf();
  Json records = Json::parse(text.str(), nullptr, false);
  if (records.is_discarded() || !records.is_object() || !records.contains("projects"))
    throw Error(ErrorCode::kBadInput, input, "not the JSON of jixiao extract (no \"projects\")");
  const std::string named = records.contains("source") && records["source"].is_object()
                                ? records["source"].value("path", "")
                                : "";
  if (named.empty())
    throw Error(ErrorCode::kBadInput, input, "the JSON names no source file (source.path)");
  std::error_code ec;
  if (fs::exists(named, ec)) {
    *source = named;
  } else if (const fs::path beside = fs::path(input).parent_path() / fs::path(named).filename();
             fs::exists(beside, ec)) {
    *source = beside.string();
  } else {
    throw Error(ErrorCode::kNotFound, named,
                "the source file of " + input + " is not there (nor beside it)");
  }
  return records;
}

std::string ReviewHtml(const Json& records, const std::string& source, double dpi) {
  Json pages = Json::array();
  for (const PagePng& page : RenderPages(source, dpi))
    pages.push_back({{"src", "data:image/png;base64," + Base64(page.png)},
                     {"dpi", page.dpi},
                     {"grids", page.grids}});
  Json config;
  config["mode"] = "review";
  config["document"] = records;
  config["pages"] = std::move(pages);
  const std::string title = fs::path(source).filename().string();
  return DocumentPage(title + " — jixiao review", config, true);
}

}  // namespace jixiao::desk
