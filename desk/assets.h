// The desk's page, script and style (desk/assets/, compiled in), and the document view built
// from them: the same page for `jixiao serve` (script and style fetched from the server, data
// from its API) and `jixiao review` (everything inline in one file).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace jixiao::desk {

std::string_view DeskScript();  // desk/assets/desk.js
std::string_view DeskStyle();   // desk/assets/desk.css

// The document view. `config` goes to the script as JSON (desk/assets/desk.js reads it):
//   served: {"mode": "desk", "id": N, "token": "…", "review_confidence": 0.9}
//   review: {"mode": "review", "document": {extract JSON}, "pages": [{"src": "data:…", "dpi":
//   100}], …}
// `inline_assets`: the script and style written into the page (review) or linked (serve).
std::string DocumentPage(const std::string& title, const nlohmann::ordered_json& config,
                         bool inline_assets);

}  // namespace jixiao::desk
