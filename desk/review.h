// `jixiao review`: the desk's document view as one self-contained HTML file (page images as
// data: URIs, script and style inline, no server, read-only) to send to an auditor.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "desk/pages.h"
#include "pipeline/extract.h"

namespace jixiao::desk {

// The records to show for INPUT and the file their pages come from (`source`): an extract JSON
// (.json) names its source in source.path (looked for as written, then beside the JSON); any
// other input is a PDF or image, extracted with `options`. Throws Error as Extract does, and
// kNotFound naming the source when an extract JSON's source cannot be found.
nlohmann::ordered_json ReviewRecords(const std::string& input, const ExtractOptions& options,
                                     std::string* source);

// The page: `records` beside every page of `source` rendered at `dpi`.
std::string ReviewHtml(const nlohmann::ordered_json& records, const std::string& source,
                       double dpi = kPageDpi);

}  // namespace jixiao::desk
