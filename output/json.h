// The JSON that `jixiao extract`, `jixiao tables` and `jixiao normalize` write (docs/CONTRACT.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/extract.h"

namespace jixiao {

nlohmann::ordered_json ExtractJson(const ExtractResult& result);
nlohmann::ordered_json TablesJson(const ExtractResult& result);

// The records of an `extract` output or a truth.json (docs/CONTRACT.md) read back: document,
// sections, projects (with typed values and provenance when present), warnings. Missing
// fields take their empty values; a typed value missing is normalized from the printed one.
// Throws Error(kBadInput, path) when `j` is not such a document (no "projects" array).
ExtractResult ReadExtractJson(const nlohmann::ordered_json& j, const std::string& path);

// Writes `text` to `path` atomically (a temporary file renamed into place), so that a failed
// run never leaves a half-written output. Throws Error(kOutput).
void WriteFileAtomic(const std::string& path, const std::string& text);

}  // namespace jixiao
