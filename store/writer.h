// Writing documents into the database (store/schema.sql): every row of one document in one
// transaction, so that a reader — or a batch killed at any moment — sees a document whole or
// not at all.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>
#include <vector>

#include "core/error.h"
#include "pipeline/extract.h"
#include "store/database.h"

namespace jixiao::store {

// One extracted document, ready to be written: the `jixiao extract` JSON and what the JSON
// does not say. Small next to the ExtractResult it comes from (no page contents).
struct ExtractedDocument {
  std::string path;               // as given to the batch
  std::string sha256;             // of the file's bytes
  nlohmann::ordered_json result;  // ExtractJson(...)
  int pages_ocr = 0;              // pages read by OCR
  double seconds = 0;             // wall time of the extraction
};

ExtractedDocument ToExtracted(const ExtractResult& result, const std::string& path, double seconds);

// What the database already holds, by sha256: "imported" or "failed".
std::map<std::string, std::string> KnownDocuments(Database& db);

struct WriteOptions {
  bool replace = false;              // --force: an imported document with this sha256 is replaced
  std::vector<std::string> aliases;  // other paths the same bytes were found under
};

// Writes the document and all its rows (projects, indicators, sections, findings, warnings,
// provenance, paths) in one transaction. A failed record of the same file (same sha256, or
// same path without one) is replaced; an imported one only with `replace`, keeping its first
// path and its other paths. Throws Error(kOutput) and leaves the database as it was when the
// write fails.
struct Written {
  int64_t id = 0;
  bool already = false;  // an imported document with these bytes was there (another process
                         // wrote it meanwhile): only the paths were added
  // The document's corrections (store/corrections.h), applied again to its new rows, and the
  // fields among them whose extracted value is no longer the one corrected.
  int corrections = 0;
  std::vector<std::string> corrections_changed;
};
Written WriteDocument(Database& db, const ExtractedDocument& doc, const WriteOptions& options = {});

// Records a document that could not be read: status 'failed', the error's one line and code.
// `sha256` is empty when the file could not even be read.
Written RecordFailure(Database& db, const std::string& path, const std::string& sha256,
                      const Error& error, double seconds, const WriteOptions& options = {});

// The same two inside a transaction the caller began and commits, so that more can be written
// with the document's rows, all or nothing (the work queue marks its document done in the
// transaction that writes it, batch/work_queue.h). On failure the caller rolls back.
Written WriteDocumentRows(Database& db, const ExtractedDocument& doc,
                          const WriteOptions& options = {});
Written RecordFailureRows(Database& db, const std::string& path, const std::string& sha256,
                          const Error& error, double seconds, const WriteOptions& options = {});

// Deletes the document's project rows (with their indicators and provenance) and writes them
// again from `projects` (the "projects" of an extract JSON): corrections (store/corrections.h)
// rewrite them with corrected values. Inside a transaction the caller holds.
void RewriteProjects(Database& db, int64_t document_id, const nlohmann::ordered_json& projects);

// Adds `path` as another name of the document with this sha256. False when there is none.
bool AddPath(Database& db, const std::string& sha256, const std::string& path);

// Runs `work` in a transaction and returns what it returns; rolls back and rethrows on failure.
template <typename F>
auto InTransaction(Database& db, F&& work) -> decltype(work()) {
  db.Begin();
  try {
    if constexpr (std::is_void_v<decltype(work())>) {
      work();
      db.Commit();
    } else {
      auto result = work();
      db.Commit();
      return result;
    }
  } catch (...) {
    try {
      db.Rollback();
    } catch (const Error&) {
      // The connection is gone; the server rolls back on its own.
    }
    throw;
  }
}

// The current time, UTC, ISO 8601 (2024-05-01T12:00:00Z).
std::string UtcNow();

}  // namespace jixiao::store
