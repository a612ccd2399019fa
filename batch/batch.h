// `jixiao batch`: many documents into one database. Documents are hashed first (in input
// order) and skipped when their sha256 is imported already; the others are extracted by
// worker threads and written, each in one transaction, by the calling thread alone (a
// connection is never shared between threads). Queues between the stages are bounded, so
// memory does not grow with the number of documents.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "pipeline/extract.h"
#include "store/database.h"
#include "store/writer.h"

namespace jixiao::batch {

struct BatchOptions {
  int jobs = 0;        // documents (or pages) in parallel; 0 = every core
  bool force = false;  // re-extract documents already imported and replace them
  // How each document is extracted; its `threads` is set from `jobs`.
  ExtractOptions extract;
};

enum class Outcome {
  kImported,   // extracted and written
  kSkipped,    // imported already (same sha256), by an earlier run or another process
  kDuplicate,  // the same bytes as another input of this run: recorded as another path of it
  kFailed,     // could not be read: recorded as failed with its error
};

// One document done, as the writer saw it.
struct Event {
  std::string path;
  Outcome outcome = Outcome::kImported;
  int pages = 0;       // pages extracted (0 unless imported)
  double seconds = 0;  // extraction wall time
  std::string detail;  // kFailed: the error's line; kDuplicate: the path of the first copy
  // kImported: the document's corrections (store/corrections.h) applied again, and the fields
  // among them whose extracted value changed under the correction (--force re-extracting).
  int corrections = 0;
  std::vector<std::string> corrections_changed;
};

struct Summary {
  int documents = 0, imported = 0, skipped = 0, duplicates = 0, failed = 0;
  long pages = 0;
  double seconds = 0;  // wall time of the whole batch
};

// One document read as the batch reads it, ready to be written: extracted (a document without
// a 绩效目标表 is still imported, with the warning document.no_tables), or the error that stopped
// it (missing, unreadable, not a PDF or image, damaged, encrypted). The work queue's workers
// (batch/worker.h) read through it too, so that both import a document the same.
struct ReadOutcome {
  std::optional<store::ExtractedDocument> document;  // read
  std::optional<Error> error;                        // not read
  double seconds = 0;                                // wall time
};
ReadOutcome ReadDocument(const std::string& path, const ExtractOptions& options);

// Imports `paths` (see ExpandInputs) into `db`. `on_event` runs on the calling thread after
// each document is written; `on_tick` about once a second while waiting (progress redraws).
// Throws Error(kOutput) when the database cannot be written (documents written before stay).
Summary RunBatch(const std::vector<std::string>& paths, store::Database& db, const BatchOptions& options,
                 const std::function<void(const Event&)>& on_event, const std::function<void()>& on_tick = {});

}  // namespace jixiao::batch
