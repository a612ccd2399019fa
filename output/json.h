// The JSON that `jixiao extract`, `jixiao tables` and `jixiao normalize` write (CONTRACT.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/extract.h"

namespace jixiao {

nlohmann::ordered_json ExtractJson(const ExtractResult& result);
nlohmann::ordered_json TablesJson(const ExtractResult& result);

// Writes `text` to `path` atomically (a temporary file renamed into place), so that a failed
// run never leaves a half-written output. Throws Error(kOutput).
void WriteFileAtomic(const std::string& path, const std::string& text);

}  // namespace jixiao
