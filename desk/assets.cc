#include "desk/assets.h"

#include <map>

#include "desk/assets_data.h"  // generated from desk/assets/
#include "desk/html.h"

namespace jixiao::desk {

namespace {

// The template with each {{NAME}} replaced by values[NAME], in one pass: what is put in is
// never looked at again (a title holding "{{SCRIPT}}" stays text).
std::string Fill(std::string_view page,
                 const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  size_t at = 0;
  while (at < page.size()) {
    const size_t open = page.find("{{", at);
    const size_t close = open == std::string_view::npos ? open : page.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    const auto it = values.find(page.substr(open + 2, close - open - 2));
    out.append(page.substr(at, open - at));
    if (it == values.end())
      out.append(page.substr(open, close + 2 - open));
    else
      out += it->second;
    at = close + 2;
  }
  out.append(page.substr(std::min(at, page.size())));
  return out;
}

}  // namespace

std::string_view DeskScript() {
  return assets::k_desk_js;
}
std::string_view DeskStyle() {
  return assets::k_desk_css;
}

std::string DocumentPage(const std::string& title, const nlohmann::ordered_json& config,
                         bool inline_assets) {
  std::string style, script;
  if (inline_assets) {
    // Neither file holds "</": they cannot end their element early.
    style = "<style>\n" + std::string(DeskStyle()) + "</style>";
    script = "<script>\n" + std::string(DeskScript()) + "</script>";
  } else {
    style = "<link rel=\"stylesheet\" href=\"/static/desk.css\">";
    script = "<script src=\"/static/desk.js\"></script>";
  }
  return Fill(assets::k_document_html, {{"TITLE", HtmlEscape(title)},
                                        {"STYLE", style},
                                        {"CONFIG", ScriptJson(config)},
                                        {"SCRIPT", script}});
}

}  // namespace jixiao::desk
