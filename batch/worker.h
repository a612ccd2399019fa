// `jixiao worker`: claims documents from the work queue (batch/work_queue.h) one at a time,
// reads each as `jixiao batch` does (ReadDocument) while renewing its lease, and writes it in
// the transaction that marks it done; stops when the queue is empty, after max_documents, or
// when asked to (SIGTERM: the current document is finished first).
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "batch/work_queue.h"
#include "store/database.h"

namespace jixiao::batch {

// A lease long enough that a busy machine renews it in time (renewed every third of it), short
// enough that a dead worker's document is back within a minute.
inline constexpr double kDefaultLeaseSeconds = 60;
// The shortest lease accepted: a renewal must fit in a third of it, round trip included.
inline constexpr double kMinLeaseSeconds = 2;

struct WorkerOptions {
  int jobs = 0;  // pages read in parallel; 0 = every core this process may run on
  double lease_seconds = kDefaultLeaseSeconds;
  int max_documents = 0;  // stop after claiming this many; 0 = until the queue is empty
  std::string name;       // the worker's name in the queue; "" = host:pid
  // How each document is extracted (as `jixiao batch` extracts it); its `threads` is set from
  // `jobs`.
  ExtractOptions extract;
};

struct WorkerEvent {
  enum class Kind {
    kImported,    // read and written
    kSkipped,     // read, but its bytes were imported meanwhile: its paths added
    kRetry,       // not read: back in the queue (detail: the error)
    kFailed,      // not read, the last attempt: recorded as failed (detail: the error)
    kLost,        // its lease ended and another worker took it: what was read is dropped
    kLeaseLost,   // while reading: a renewal found the document taken (kLost follows)
    kLeaseEnded,  // while claiming: another worker's lease on `path` had ended (detail: its name)
  };
  Kind kind = Kind::kImported;
  std::string path;
  int pages = 0;
  double seconds = 0;  // reading time
  int attempt = 1;     // of kMaxAttempts
  bool last = false;   // kLeaseEnded: that was its last attempt, the document is failed
  std::string detail;
};

struct WorkerSummary {
  enum class Stop { kEmpty, kMaxDocuments, kSignal };
  std::string name;
  int jobs = 0;
  Stop stop = Stop::kEmpty;
  int documents = 0, imported = 0, skipped = 0, retried = 0, failed = 0, lost = 0;
  long pages = 0;
  double seconds = 0;  // wall time
  QueueTimes times;
};

// The default worker name: host:pid.
std::string DefaultWorkerName();
// The cores this process may run on (its CPU affinity: Slurm's or taskset's binding).
int UsableCores();

// Runs the worker on `db` (PostgreSQL: Error kUsage otherwise) until it stops. `stop` is
// polled between documents and while waiting (a signal handler may set it). `on_started` runs
// once the options are settled (the name and jobs known). Throws Error(kOutput) when the
// database fails; the document it held then returns to the queue when its lease ends.
WorkerSummary RunWorker(store::Database& db, const WorkerOptions& options,
                        const std::atomic<bool>& stop,
                        const std::function<void(const WorkerEvent&)>& on_event = {},
                        const std::function<void(const WorkerSummary&)>& on_started = {});

// "3 documents: 2 imported, 1 failed; 40 pages in 1:05 (65.2 s); queue empty; queue 3.1 ms a
// document (claim 1.0, renew 0.4, done 1.7)".
std::string WorkerSummaryLine(const WorkerSummary& s);
// One line for an event ("imported a.pdf (5 pages, 12.1 s)").
std::string WorkerEventLine(const WorkerEvent& e);

}  // namespace jixiao::batch
