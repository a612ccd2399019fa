// jixiao batch INPUT… --db TARGET [-j N] [--force]: see docs/BATCH.md.
#include <unistd.h>

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "batch/batch.h"
#include "batch/inputs.h"
#include "batch/progress.h"
#include "cli/commands.h"
#include "cli/environment.h"
#include "store/database.h"

namespace jixiao::cli {

namespace {

struct BatchArgs {
  std::vector<std::string> inputs;
  std::string db;
  int jobs = 0;
  bool force = false;
};

// 0: every document imported or skipped; 1: some failed (recorded in the database).
int RunBatch(const BatchArgs& a) {
  const std::vector<std::string> paths = batch::ExpandInputs(a.inputs);
  const std::unique_ptr<store::Database> db = store::Database::Open(a.db);
  batch::Progress progress(std::cerr, static_cast<int>(paths.size()), ::isatty(STDERR_FILENO) == 1);
  batch::BatchOptions options;
  options.jobs = a.jobs;
  options.force = a.force;
  options.extract.ocr_options = OcrOptionsFromEnvironment();
  const batch::Summary s = batch::RunBatch(
      paths, *db, options, [&](const batch::Event& e) { progress.OnEvent(e); }, [&] { progress.Tick(); });
  progress.Finish(s, db->target());
  return s.failed > 0 ? 1 : 0;
}

}  // namespace

Runner AddBatchCommand(CLI::App& app) {
  auto args = std::make_shared<BatchArgs>();
  auto* cmd = app.add_subcommand("batch", "Import many documents into a database (SQLite file or PostgreSQL)");
  cmd->add_option("INPUT", args->inputs, "Files, folders (recursive), globs, or @list.txt (one input a line)")
      ->required();
  cmd->add_option("--db", args->db, "SQLite file (created when missing) or postgresql://user@host/dbname")
      ->required();
  cmd->add_option("-j,--jobs", args->jobs, "Documents (or pages) in parallel (default: every core)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--force", args->force, "Re-extract documents imported already and replace them");
  cmd->footer(
      "Each document is written in one transaction once it is extracted. A second run skips documents whose "
      "sha256 is imported already and retries the ones that failed, so a batch killed at any moment resumes "
      "where it stopped.\n"
      "Exit status: 0 every document imported or skipped; 1 some documents failed (recorded in the database "
      "with their error); 66 a @list cannot be read; 73 the database cannot be opened or written.");
  return [args] { return RunBatch(*args); };
}

}  // namespace jixiao::cli
