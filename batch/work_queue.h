// The work queue of a PostgreSQL database (docs/QUEUE.md): `jixiao enqueue` registers
// documents, `jixiao worker` processes on any machines claim them one at a time, and the
// database that holds the records holds the queue too (tables queue and queue_paths of
// store/schema.sql). No scheduler of its own: the cluster's (Slurm, Kubernetes, ssh) starts the
// workers.
//
// A document is pending, then running under one worker's lease, then done (its records written
// in the transaction that marks it done) or failed. A worker renews its lease while it reads;
// a lease that ends (the worker died, or lost the database) puts the document back, counted as
// a failed attempt. A document that fails kMaxAttempts times is failed, recorded in `documents`
// with its last error as `jixiao batch` records one; every attempt's error stays in
// queue.errors.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "batch/batch.h"
#include "store/database.h"

namespace jixiao::batch {

// Failed attempts (errors, or leases that ended with their worker gone) after which a document
// is failed. Three: a path one node cannot read (a missing mount) may read on another, while a
// document that kills its workers does not take the whole cluster down one worker at a time.
inline constexpr int kMaxAttempts = 3;

// Throws Error(kUsage, target) unless `target` is a postgresql:// URI: the queue needs a server
// every machine reaches (SELECT … FOR UPDATE SKIP LOCKED); an SQLite file is one machine's.
void RequireQueueTarget(const std::string& target);

// ---- enqueue

// Documents registered per transaction: workers see them in chunks this size, and a commit (a
// disk flush on the server) is paid once per chunk.
inline constexpr int kEnqueueChunk = 200;

enum class Queued {
  kQueued,         // a new document in the queue
  kRequeued,       // failed before (in the queue): queued again, its failures counted anew
  kAlreadyQueued,  // the same bytes are pending or running: the path is added as another name
  kImported,       // imported already: the path is added to the document's paths
};

struct EnqueueEvent {
  std::string path;
  Queued outcome = Queued::kQueued;
  std::string detail;  // the file could not be read here: why (queued all the same)
};

struct EnqueueSummary {
  int documents = 0, queued = 0, requeued = 0, already_queued = 0, imported = 0;
  int unreadable = 0;   // could not be hashed here: queued by path, a worker records why
  int64_t waiting = 0;  // documents pending or running in the queue after this
};

// Registers `paths` (ExpandInputs; absolute, as every worker must read them) by their sha256,
// in order: the first path of some bytes is the document's path, later ones its other names, as
// `jixiao batch` records them. Commits every kEnqueueChunk documents, so that workers already
// running start on them. Throws Error(kOutput) when the database fails.
EnqueueSummary Enqueue(store::Database& db, const std::vector<std::string>& paths,
                       const std::function<void(const EnqueueEvent&)>& on_event = {});

// ---- claim, renew, finish (one worker's connection)

// A document claimed by a worker. It stays the worker's while the row still has this claim
// number and the state running: a worker whose lease ended and whose document another worker
// took finds out when it renews or finishes, and drops what it read.
struct Claim {
  int64_t id = 0;
  int64_t number = 0;  // queue.claims after this claim
  std::string path, sha256;
  int failures = 0;  // failed attempts before this one
};

// What happened to a claimed document.
enum class Finished {
  kImported,  // written, marked done
  kSkipped,   // the same bytes were imported meanwhile (by a batch): only its paths were added
  kRetry,     // failed, back in the queue (attempts left)
  kFailed,    // failed kMaxAttempts times: recorded as failed in documents
  kLost,      // no longer this worker's (its lease ended and another worker took it): dropped
};

// What a worker found and did while claiming: a document whose worker's lease ended.
struct LeaseEnded {
  std::string path, worker;
  int failures = 0;     // counting this one
  bool failed = false;  // that was the last attempt: recorded as failed
};

// Seconds spent in the queue's own statements (claims that got a document, renewals, the
// queue's part of finishing: everything but writing the records).
struct QueueTimes {
  double claim = 0, renew = 0, finish = 0, write = 0;
  int claims = 0, renewals = 0, finishes = 0;
};

class WorkQueue {
 public:
  // `db` must be PostgreSQL (Error kUsage otherwise); `worker` names this worker in the queue
  // (host:pid); a claim's lease lasts `lease_seconds` past its claim or last renewal.
  WorkQueue(store::Database& db, std::string worker, double lease_seconds);

  // Claims a document whose lease ended (its worker is gone), else the oldest pending document
  // not tried yet, else one that failed before (those that failed on this machine last):
  // nullopt when there is none to claim now. Leases found ended are reported to `on_lease_ended`
  // (and a document whose last attempt that was is failed and not claimed).
  std::optional<Claim> Take(const std::function<void(const LeaseEnded&)>& on_lease_ended = {});

  // Extends the lease by lease_seconds from now; false when the document is no longer this
  // worker's.
  bool Renew(const Claim& claim);

  // Ends the claim with what was read: on success writes the document (store/writer.h, aliases
  // from queue_paths) and marks it done in one transaction; on failure counts the attempt.
  // Nothing is written when the claim is lost. Throws Error(kOutput) when the database fails.
  Finished Finish(const Claim& claim, const ReadOutcome& read);

  // Documents pending, and running under a lease (ended or not).
  struct Counts {
    int64_t pending = 0, running = 0;
  };
  Counts Count();

  const std::string& worker() const { return worker_; }
  double lease_seconds() const { return lease_seconds_; }
  const QueueTimes& times() const { return times_; }

 private:
  // The row to claim next, locked (FOR UPDATE SKIP LOCKED), or none.
  std::vector<store::Row> Candidate();

  store::Database& db_;
  std::string worker_;
  double lease_seconds_;
  QueueTimes times_;
};

// ---- status

struct RunningDocument {
  std::string worker, path;
  double running_seconds = 0;     // since it was claimed
  double lease_age_seconds = 0;   // since the lease was last renewed
  double lease_left_seconds = 0;  // until it ends; negative: ended, the document is claimable
  int attempt = 1;
};

struct FailedDocument {
  std::string path;
  int failures = 0;
  std::vector<std::string> errors;  // one per failed attempt, oldest first
};

struct QueueStatus {
  int64_t pending = 0, running = 0, done = 0, failed = 0;
  int64_t retrying = 0;                  // pending after a failed attempt
  std::vector<RunningDocument> workers;  // running, by worker
  std::vector<FailedDocument> failures;  // failed documents
  // Documents finished over the last minutes: the window ends now and starts `window_seconds`
  // ago (less when the queue's first claim is more recent).
  double window_seconds = 0;
  int64_t window_documents = 0, window_pages = 0;
  double PagesPerSecond() const { return window_seconds > 0 ? window_pages / window_seconds : 0; }
};

// How far back `status` looks for its rate: five minutes, several documents even of a hundred
// pages each at a second a page, short enough to show a slowdown.
inline constexpr double kRateWindowSeconds = 300;

// The queue's state. `window` is how far back the rate looks.
QueueStatus ReadQueueStatus(store::Database& db, double window = kRateWindowSeconds);

nlohmann::ordered_json StatusJson(const QueueStatus& s);
std::string StatusText(const QueueStatus& s);

}  // namespace jixiao::batch
