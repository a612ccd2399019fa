#include "batch/worker.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>
#include <thread>

#include "batch/progress.h"

namespace jixiao::batch {

namespace {

using Clock = std::chrono::steady_clock;

// Renewals per lease: one renewal may be late or lost twice before the lease ends.
constexpr double kRenewalsPerLease = 3;
// How often a worker with nothing to claim looks again while other workers read (a quarter of
// the lease, so that a dead worker's document is taken soon after its lease ends), within
// these bounds.
constexpr double kMinIdleSeconds = 0.25, kMaxIdleSeconds = 5;
// How often a sleeping worker looks at `stop`.
constexpr auto kStopPoll = std::chrono::milliseconds(100);

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void SleepUnless(const std::atomic<bool>& stop, double seconds) {
  const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(seconds));
  while (!stop && Clock::now() < until)
    std::this_thread::sleep_for(std::min<Clock::duration>(kStopPoll, until - Clock::now()));
}

WorkerEvent::Kind KindOf(Finished f) {
  switch (f) {
    case Finished::kImported:
      return WorkerEvent::Kind::kImported;
    case Finished::kSkipped:
      return WorkerEvent::Kind::kSkipped;
    case Finished::kRetry:
      return WorkerEvent::Kind::kRetry;
    case Finished::kFailed:
      return WorkerEvent::Kind::kFailed;
    case Finished::kLost:
      break;
  }
  return WorkerEvent::Kind::kLost;
}

std::string Ms(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f ms", seconds * 1000);
  return buf;
}

}  // namespace

std::string DefaultWorkerName() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || !host[0])
    std::snprintf(host, sizeof host, "localhost");
  return std::string(host) + ":" + std::to_string(::getpid());
}

int UsableCores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

WorkerSummary RunWorker(store::Database& db, const WorkerOptions& options,
                        const std::atomic<bool>& stop,
                        const std::function<void(const WorkerEvent&)>& on_event,
                        const std::function<void(const WorkerSummary&)>& on_started) {
  const auto start = Clock::now();
  WorkerSummary s;
  s.name = options.name.empty() ? DefaultWorkerName() : options.name;
  s.jobs = options.jobs > 0 ? options.jobs : UsableCores();
  const double lease = std::max(options.lease_seconds, kMinLeaseSeconds);
  ExtractOptions extract = options.extract;
  extract.threads = s.jobs;
  WorkQueue queue(db, s.name, lease);
  if (on_started) on_started(s);
  auto emit = [&](const WorkerEvent& e) {
    if (on_event) on_event(e);
  };
  const auto renew_every = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(lease / kRenewalsPerLease));
  const double idle = std::clamp(lease / 4, kMinIdleSeconds, kMaxIdleSeconds);

  for (;;) {
    if (stop) {
      s.stop = WorkerSummary::Stop::kSignal;
      break;
    }
    if (options.max_documents > 0 && s.documents >= options.max_documents) {
      s.stop = WorkerSummary::Stop::kMaxDocuments;
      break;
    }
    const std::optional<Claim> claim = queue.Take([&](const LeaseEnded& ended) {
      WorkerEvent e;
      e.kind = WorkerEvent::Kind::kLeaseEnded;
      e.path = ended.path;
      e.attempt = ended.failures;
      e.last = ended.failed;
      e.detail = ended.worker;
      if (ended.failed) ++s.failed;
      emit(e);
    });
    if (!claim) {
      const WorkQueue::Counts counts = queue.Count();
      if (counts.pending == 0 && counts.running == 0) {
        s.stop = WorkerSummary::Stop::kEmpty;
        break;
      }
      // Others are reading the rest: one of them may stop, and its document come back.
      SleepUnless(stop, idle);
      continue;
    }
    ++s.documents;
    // Read on a thread of its own; this one keeps the lease (the connection is this thread's).
    std::future<ReadOutcome> reading = std::async(
        std::launch::async, [path = claim->path, &extract] { return ReadDocument(path, extract); });
    bool lost = false;
    while (reading.wait_for(renew_every) != std::future_status::ready) {
      if (lost || queue.Renew(*claim)) continue;
      lost = true;
      WorkerEvent e;
      e.kind = WorkerEvent::Kind::kLeaseLost;
      e.path = claim->path;
      emit(e);
    }
    const ReadOutcome read = reading.get();
    const Finished finished = queue.Finish(*claim, read);
    WorkerEvent e;
    e.kind = KindOf(finished);
    e.path = claim->path;
    e.seconds = read.seconds;
    e.attempt = claim->failures + 1;
    if (read.error) e.detail = read.error->what();
    if (read.document) {
      const auto& result = read.document->result;
      const auto source = result.find("source");
      e.pages = source != result.end() ? source->value("pages", 0) : 0;
      if (!claim->sha256.empty() && read.document->sha256 != claim->sha256)
        e.detail = "its bytes changed since it was queued: imported as read now";
    }
    switch (finished) {
      case Finished::kImported:
        ++s.imported;
        s.pages += e.pages;
        break;
      case Finished::kSkipped:
        ++s.skipped;
        break;
      case Finished::kRetry:
        ++s.retried;
        break;
      case Finished::kFailed:
        ++s.failed;
        break;
      case Finished::kLost:
        ++s.lost;
        break;
    }
    emit(e);
  }
  s.times = queue.times();
  s.seconds = Since(start);
  return s;
}

std::string WorkerEventLine(const WorkerEvent& e) {
  char buf[64];
  switch (e.kind) {
    case WorkerEvent::Kind::kImported:
      std::snprintf(buf, sizeof buf, " (%d pages, %.1f s)", e.pages, e.seconds);
      return "imported " + e.path + buf + (e.detail.empty() ? "" : ": " + e.detail);
    case WorkerEvent::Kind::kSkipped:
      return "skipped " + e.path + " (imported meanwhile by another process: its paths added)";
    case WorkerEvent::Kind::kRetry:
      return "failed (attempt " + std::to_string(e.attempt) + " of " +
             std::to_string(kMaxAttempts) + ", back in the queue): " + e.detail;
    case WorkerEvent::Kind::kFailed:
      return "failed (attempt " + std::to_string(e.attempt) + " of " +
             std::to_string(kMaxAttempts) + ", recorded as failed): " + e.detail;
    case WorkerEvent::Kind::kLost:
      return "dropped " + e.path + ": its lease ended and another worker took it";
    case WorkerEvent::Kind::kLeaseLost:
      return "lost the lease on " + e.path + " (not renewed in time): another worker may take it";
    case WorkerEvent::Kind::kLeaseEnded:
      return "the lease of " + e.detail + " on " + e.path + " ended (attempt " +
             std::to_string(e.attempt) + " of " + std::to_string(kMaxAttempts) +
             (e.last ? "): recorded as failed" : "): taking it");
  }
  return e.path;
}

std::string WorkerSummaryLine(const WorkerSummary& s) {
  std::string line = std::to_string(s.documents) +
                     (s.documents == 1 ? " document: " : " documents: ") +
                     std::to_string(s.imported) + " imported";
  if (s.skipped) line += ", " + std::to_string(s.skipped) + " skipped";
  if (s.retried) line += ", " + std::to_string(s.retried) + " back in the queue";
  if (s.failed) line += ", " + std::to_string(s.failed) + " failed";
  if (s.lost) line += ", " + std::to_string(s.lost) + " dropped";
  char buf[64];
  std::snprintf(buf, sizeof buf, " (%.1f s)", s.seconds);
  line += "; " + std::to_string(s.pages) + " pages in " + Progress::Duration(s.seconds) + buf;
  switch (s.stop) {
    case WorkerSummary::Stop::kEmpty:
      line += "; queue empty";
      break;
    case WorkerSummary::Stop::kMaxDocuments:
      line += "; --max-docs reached";
      break;
    case WorkerSummary::Stop::kSignal:
      line += "; stopped by a signal";
      break;
  }
  const QueueTimes& t = s.times;
  if (t.finishes > 0) {
    const double per_document = (t.claim + t.renew + t.finish) / t.finishes;
    line += "; queue " + Ms(per_document) + " a document (claim " +
            Ms(t.claims ? t.claim / t.claims : 0) + ", " + std::to_string(t.renewals) +
            " renewals " + Ms(t.renewals ? t.renew / t.renewals : 0) + " each, done " +
            Ms(t.finish / t.finishes) + "; writing the records " + Ms(t.write / t.finishes) + ")";
  }
  return line;
}

}  // namespace jixiao::batch
