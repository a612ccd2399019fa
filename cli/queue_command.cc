// The work queue of a PostgreSQL database (docs/QUEUE.md):
//   jixiao enqueue INPUT… --db postgresql://…
//   jixiao worker --db postgresql://… [-j N] [--lease SECONDS] [--max-docs N]
//   jixiao status --db postgresql://… [--json]
#include <signal.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <memory>

#include "batch/inputs.h"
#include "batch/work_queue.h"
#include "batch/worker.h"
#include "cli/commands.h"
#include "cli/environment.h"
#include "store/database.h"

namespace jixiao::cli {

namespace {

// `jixiao worker` stopped by SIGTERM or SIGINT before the queue was empty (EX_TEMPFAIL: run it
// again to go on). A Kubernetes Job starts another pod for it; the current document was
// finished first.
constexpr int kExitStopped = 75;

const char* const kDbHelp =
    "The PostgreSQL database that holds the records and the queue: postgresql://user@host/dbname";

// ---- enqueue

struct EnqueueArgs {
  std::vector<std::string> inputs;
  std::string db;
};

int RunEnqueue(const EnqueueArgs& a) {
  batch::RequireQueueTarget(a.db);
  // Workers run in other directories, on other machines: every path absolute.
  std::vector<std::string> paths;
  for (const std::string& p : batch::ExpandInputs(a.inputs))
    paths.push_back(std::filesystem::absolute(p).lexically_normal().string());
  std::sort(paths.begin(), paths.end());
  const std::unique_ptr<store::Database> db = store::Database::Open(a.db);
  const batch::EnqueueSummary s = batch::Enqueue(*db, paths, [](const batch::EnqueueEvent& e) {
    if (!e.detail.empty())
      std::cerr << "jixiao: enqueue: cannot read " << e.detail
                << " (queued: a worker records why)\n";
  });
  std::cerr << "jixiao: enqueue: " << s.documents
            << (s.documents == 1 ? " document: " : " documents: ") << s.queued << " queued";
  if (s.requeued) std::cerr << ", " << s.requeued << " queued again (failed before)";
  std::cerr << ", " << s.already_queued << " queued already, " << s.imported
            << " imported already; " << s.waiting << " waiting in the queue of " << db->target()
            << "\n";
  return 0;
}

// ---- worker

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

void OnStopSignal(int) {
  g_stop = true;
}

struct WorkerArgs {
  std::string db;
  batch::WorkerOptions options;
};

int RunWorker(const WorkerArgs& a) {
  batch::RequireQueueTarget(a.db);
  struct sigaction action = {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);

  batch::WorkerOptions options = a.options;
  options.extract.ocr_options = OcrOptionsFromEnvironment();  // as jixiao batch reads them
  const std::unique_ptr<store::Database> db = store::Database::Open(a.db);
  std::string name;
  const batch::WorkerSummary s = batch::RunWorker(
      *db, options, g_stop,
      [&](const batch::WorkerEvent& e) {
        std::cerr << "jixiao: worker " << name << ": " << batch::WorkerEventLine(e) << "\n";
      },
      [&](const batch::WorkerSummary& started) {
        name = started.name;
        std::cerr << "jixiao: worker " << name << ": claiming documents from " << db->target()
                  << " (-j " << started.jobs << ", lease "
                  << std::max(a.options.lease_seconds, batch::kMinLeaseSeconds) << " s)\n";
      });
  std::cerr << "jixiao: worker " << name << ": " << batch::WorkerSummaryLine(s) << "\n";
  return s.stop == batch::WorkerSummary::Stop::kSignal ? kExitStopped : 0;
}

// ---- status

struct StatusArgs {
  std::string db;
  bool json = false;
};

int RunStatus(const StatusArgs& a) {
  batch::RequireQueueTarget(a.db);
  const std::unique_ptr<store::Database> db = store::Database::Open(a.db);
  const batch::QueueStatus s = batch::ReadQueueStatus(*db);
  if (a.json)
    std::cout << batch::StatusJson(s).dump(1, ' ', false) << "\n";
  else
    std::cout << batch::StatusText(s);
  return 0;
}

const char* const kQueueFooter =
    "The queue lives in the PostgreSQL database the records go to; an SQLite target is a usage "
    "error (64): use "
    "jixiao batch. Paths are stored absolute: give them as every worker's machine sees them (a "
    "shared file "
    "system). See docs/QUEUE.md.";

}  // namespace

Runner AddEnqueueCommand(CLI::App& app) {
  auto args = std::make_shared<EnqueueArgs>();
  auto* cmd =
      app.add_subcommand("enqueue", "Queue documents for jixiao worker processes (PostgreSQL)");
  cmd->add_option("INPUT", args->inputs,
                  "Files, folders (recursive), globs, or @list.txt (one input a line)")
      ->required();
  cmd->add_option("--db", args->db, kDbHelp)->required();
  cmd->footer(
      std::string(
          "A document (by sha256) imported already or queued already is not queued again; its path "
          "is recorded as another name. ") +
      kQueueFooter +
      "\nExit status: 0 queued; 64 not a PostgreSQL target; 66 a @list cannot be read; 73 the "
      "database "
      "cannot be opened or written.");
  return [args] { return RunEnqueue(*args); };
}

Runner AddWorkerCommand(CLI::App& app) {
  auto args = std::make_shared<WorkerArgs>();
  auto* cmd = app.add_subcommand("worker",
                                 "Import queued documents one at a time until the queue is empty");
  cmd->add_option("--db", args->db, kDbHelp)->required();
  cmd->add_option("-j,--jobs", args->options.jobs,
                  "Pages read in parallel (default: every core this process may run on; with "
                  "several workers on "
                  "one machine give each its share)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--lease", args->options.lease_seconds,
                  "Seconds a claimed document stays this worker's without a renewal (renewed every "
                  "third of it)")
      ->check(CLI::Range(batch::kMinLeaseSeconds, 86400.0))
      ->capture_default_str();
  cmd->add_option("--max-docs", args->options.max_documents,
                  "Stop after this many documents (default: no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd->footer(
      std::string(
          "Each document's records are written in the transaction that marks it done. A worker "
          "that "
          "dies loses its lease: its document returns to the queue when the lease ends. A document "
          "that fails 3 times is recorded as failed with its errors. With nothing to claim while "
          "other workers read, a worker waits (their documents may come back); it exits when "
          "nothing "
          "is pending or running. SIGTERM or SIGINT: the current document is finished first. ") +
      kQueueFooter +
      "\nExit status: 0 the queue is empty (or --max-docs reached), whatever the documents' "
      "outcomes "
      "(jixiao status lists failures); 64 not a PostgreSQL target; 73 the database cannot be "
      "reached or "
      "written; 75 stopped by SIGTERM or SIGINT.");
  return [args] { return RunWorker(*args); };
}

Runner AddStatusCommand(CLI::App& app) {
  auto args = std::make_shared<StatusArgs>();
  auto* cmd = app.add_subcommand(
      "status", "The work queue: pending, running (by worker), done, failed, pages/s");
  cmd->add_option("--db", args->db, kDbHelp)->required();
  cmd->add_flag("--json", args->json, "JSON for machines instead of text");
  cmd->footer(std::string(kQueueFooter) +
              "\nExit status: 0; 64 not a PostgreSQL target; 73 the database cannot be opened.");
  return [args] { return RunStatus(*args); };
}

}  // namespace jixiao::cli
