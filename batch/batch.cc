#include "batch/batch.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "batch/queue.h"
#include "core/error.h"
#include "extract/document.h"
#include "pipeline/extract.h"
#include "store/writer.h"

namespace jixiao::batch {

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct Job {
  std::string path, sha256;  // sha256 empty when the file could not be read (Extract says why)
};

// What the producer or a worker hands to the writer.
struct Result {
  Outcome outcome = Outcome::kImported;
  std::string path, sha256;
  std::optional<store::ExtractedDocument> document;  // kImported
  std::optional<Error> error;                        // kFailed
  double seconds = 0;
  std::string detail;  // kDuplicate: the first path
};

Result Extract(const Job& job, const ExtractOptions& options) {
  ReadOutcome read = ReadDocument(job.path, options);
  Result r;
  r.path = job.path;
  r.sha256 = read.document ? read.document->sha256 : job.sha256;
  r.outcome = read.document ? Outcome::kImported : Outcome::kFailed;
  r.document = std::move(read.document);
  r.error = std::move(read.error);
  r.seconds = read.seconds;
  return r;
}

// The threads of one batch: a producer hashing inputs in order, workers extracting. Joined
// (after closing the queues) when it goes out of scope, also when the writer fails.
class Pipeline {
 public:
  Pipeline(const std::vector<std::string>& paths, std::map<std::string, std::string> known, const BatchOptions& o) {
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int jobs = o.jobs > 0 ? o.jobs : cores;
    // Many documents: one per worker, each on one thread. Fewer documents than jobs: the
    // spare threads read pages of the documents in parallel.
    const int workers = std::max(1, std::min<int>(jobs, static_cast<int>(paths.size())));
    ExtractOptions extract = o.extract;
    extract.threads = std::max(1, jobs / workers);
    jobs_ = std::make_unique<BoundedQueue<Job>>(static_cast<size_t>(workers));
    results_ = std::make_unique<BoundedQueue<Result>>(static_cast<size_t>(workers) + 1);
    running_ = workers + 1;
    threads_.emplace_back([this, &paths, known = std::move(known), force = o.force] { Produce(paths, known, force); });
    for (int i = 0; i < workers; ++i) threads_.emplace_back([this, extract] { Work(extract); });
  }
  ~Pipeline() {
    jobs_->Close();
    results_->Close();
    for (auto& t : threads_) t.join();
  }

  BoundedQueue<Result>& results() { return *results_; }

 private:
  // Hashes in input order, so that of two inputs with the same bytes the first is extracted
  // and the second recorded as its other path, whatever the timing.
  void Produce(const std::vector<std::string>& paths, const std::map<std::string, std::string>& known, bool force) {
    std::map<std::string, std::string> claimed;  // sha256 -> first path in this run
    for (const std::string& path : paths) {
      Job job{path, ""};
      try {
        job.sha256 = Sha256HexOfFile(path);
      } catch (const Error&) {
        // Extract will say why, in its words.
      }
      if (!job.sha256.empty()) {
        if (auto first = claimed.find(job.sha256); first != claimed.end()) {
          Result r;
          r.outcome = Outcome::kDuplicate;
          r.path = path;
          r.sha256 = job.sha256;
          r.detail = first->second;
          if (!results_->Push(std::move(r))) break;
          continue;
        }
        if (auto k = known.find(job.sha256); k != known.end() && k->second == "imported" && !force) {
          Result r;
          r.outcome = Outcome::kSkipped;
          r.path = path;
          r.sha256 = job.sha256;
          if (!results_->Push(std::move(r))) break;
          continue;
        }
        claimed.emplace(job.sha256, path);
      }
      if (!jobs_->Push(std::move(job))) break;
    }
    jobs_->Close();
    Done();
  }

  void Work(const ExtractOptions& options) {
    while (std::optional<Job> job = jobs_->Pop()) {
      if (!results_->Push(Extract(*job, options))) break;
    }
    Done();
  }

  void Done() {
    if (--running_ == 0) results_->Close();
  }

  std::unique_ptr<BoundedQueue<Job>> jobs_;
  std::unique_ptr<BoundedQueue<Result>> results_;
  std::atomic<int> running_{0};
  std::vector<std::thread> threads_;
};

}  // namespace

ReadOutcome ReadDocument(const std::string& path, const ExtractOptions& options) {
  ReadOutcome r;
  const auto start = Clock::now();
  try {
    ExtractResult extracted = jixiao::Extract(path, options);
    if (extracted.projects.empty())
      extracted.warnings.push_back({0, "document.no_tables", "no 绩效目标表 (performance table) found"});
    r.seconds = Since(start);
    r.document = store::ToExtracted(extracted, path, r.seconds);
  } catch (const Error& e) {
    r.error = e;
  } catch (const std::exception& e) {
    r.error = Error(ErrorCode::kInternal, path, std::string("internal error: ") + e.what());
  }
  if (r.error) r.seconds = Since(start);
  return r;
}

Summary RunBatch(const std::vector<std::string>& paths, store::Database& db, const BatchOptions& options,
                 const std::function<void(const Event&)>& on_event, const std::function<void()>& on_tick) {
  const auto start = Clock::now();
  Summary summary;
  summary.documents = static_cast<int>(paths.size());
  if (paths.empty()) return summary;
  Pipeline pipeline(paths, store::KnownDocuments(db), options);

  std::set<std::string> written;                             // sha256 written by this run
  std::map<std::string, std::vector<std::string>> pending;  // sha256 -> other paths, before it is written
  auto take_pending = [&](const std::string& sha) {
    store::WriteOptions w;
    w.replace = options.force;
    if (auto it = pending.find(sha); it != pending.end()) {
      w.aliases = std::move(it->second);
      pending.erase(it);
    }
    return w;
  };
  for (;;) {
    std::optional<Result> r = pipeline.results().Pop(std::chrono::milliseconds(1000));
    if (!r) {
      if (pipeline.results().Drained()) break;
      if (on_tick) on_tick();
      continue;
    }
    Event e;
    e.path = r->path;
    e.outcome = r->outcome;
    e.seconds = r->seconds;
    switch (r->outcome) {
      case Outcome::kImported: {
        store::WriteOptions w_options = take_pending(r->sha256);
        store::Written w;
        try {
          w = store::WriteDocument(db, *r->document, w_options);
        } catch (const Error&) {
          // Another process (a shared PostgreSQL database) imported the same bytes meanwhile:
          // the unique sha256 refused ours. Anything else is the database failing.
          if (!store::AddPath(db, r->sha256, r->path)) throw;
          for (const std::string& alias : w_options.aliases) store::AddPath(db, r->sha256, alias);
          w.already = true;
        }
        written.insert(r->sha256);
        if (w.already) {
          e.outcome = Outcome::kSkipped;
        } else {
          e.pages = r->document->result["source"].value("pages", 0);
          e.corrections = w.corrections;
          e.corrections_changed = w.corrections_changed;
        }
        break;
      }
      case Outcome::kFailed:
        e.detail = r->error->what();
        store::RecordFailure(db, r->path, r->sha256, *r->error, r->seconds, take_pending(r->sha256));
        if (!r->sha256.empty()) written.insert(r->sha256);
        break;
      case Outcome::kDuplicate:
        e.detail = r->detail;
        if (written.count(r->sha256)) store::AddPath(db, r->sha256, r->path);
        else pending[r->sha256].push_back(r->path);
        break;
      case Outcome::kSkipped:
        store::AddPath(db, r->sha256, r->path);
        break;
    }
    switch (e.outcome) {
      case Outcome::kImported:
        ++summary.imported;
        summary.pages += e.pages;
        break;
      case Outcome::kDuplicate:
        ++summary.duplicates;
        ++summary.skipped;
        break;
      case Outcome::kSkipped:
        ++summary.skipped;
        break;
      case Outcome::kFailed:
        ++summary.failed;
        break;
    }
    if (on_event) on_event(e);
  }
  for (const auto& [sha, aliases] : pending)  // copies of a document that another process holds
    for (const std::string& p : aliases) store::AddPath(db, sha, p);
  summary.seconds = Since(start);
  return summary;
}

}  // namespace jixiao::batch
