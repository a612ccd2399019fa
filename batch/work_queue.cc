#include "batch/work_queue.h"

#include <chrono>
#include <cstdio>
#include <sstream>

#include "batch/progress.h"
#include "extract/document.h"

namespace jixiao::batch {

namespace {

using Clock = std::chrono::steady_clock;
using store::Database;
using store::Row;
using store::Value;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int64_t Int(const Value& v) {
  if (const auto* n = std::get_if<int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  return 0;
}
double Real(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  return 0;
}
std::string Text(const Value& v) {
  const auto* s = std::get_if<std::string>(&v);
  return s ? *s : std::string();
}
Value NullIfEmpty(const std::string& s) {
  return s.empty() ? Value{} : Value{s};
}

void RequirePostgres(const Database& db) {
  RequireQueueTarget(db.target());
}

// SQL that appends one line to queue.errors: the server's time (UTC), the worker, the message;
// $`worker` and $`message` are its parameters.
std::string AppendError(int worker, int message) {
  return "errors = COALESCE(errors || chr(10), '') || to_char(now() AT TIME ZONE 'UTC', "
         "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || ' ' || $" +
         std::to_string(worker) + "::text || ': ' || $" + std::to_string(message) + "::text";
}

// A seconds parameter as an interval.
constexpr const char* kLeaseInterval = "::double precision * interval '1 second'";

void AddQueuePath(Database& db, int64_t id, const std::string& path) {
  db.Exec("INSERT INTO queue_paths (queue_id, path) VALUES ($1, $2) ON CONFLICT DO NOTHING",
          {id, path});
}

// The other paths a queued document was found under, sorted: its aliases for the writer.
std::vector<std::string> Aliases(Database& db, int64_t id, const std::string& path) {
  std::vector<std::string> out;
  for (const Row& r :
       db.Query("SELECT path FROM queue_paths WHERE queue_id = $1 AND path <> $2 ORDER BY path",
                {id, path}))
    out.push_back(Text(r[0]));
  return out;
}

// One path into the queue, inside the caller's transaction.
Queued EnqueueOne(Database& db, const std::string& path, const std::string& sha256) {
  const std::vector<Row> rows =
      sha256.empty()
          ? db.Query("SELECT id, state FROM queue WHERE sha256 IS NULL AND path = $1 FOR UPDATE",
                     {path})
          : db.Query("SELECT id, state FROM queue WHERE sha256 = $1 FOR UPDATE", {sha256});
  if (!rows.empty()) {
    const int64_t id = Int(rows[0][0]);
    const std::string state = Text(rows[0][1]);
    if (state == "pending" || state == "running") {
      AddQueuePath(db, id, path);
      return Queued::kAlreadyQueued;
    }
    if (state == "done" && !sha256.empty() && store::AddPath(db, sha256, path))
      return Queued::kImported;
    // Failed (or done, and its document deleted since): queued again, with its failures counted
    // anew and its errors kept.
    db.Exec(
        "UPDATE queue SET state = 'pending', failures = 0, worker = NULL, claimed_at = NULL, "
        "renewed_at = NULL, "
        "lease_until = NULL, finished_at = NULL, pages = NULL, seconds = NULL, enqueued_at = now() "
        "WHERE id = $1",
        {id});
    AddQueuePath(db, id, path);
    return Queued::kRequeued;
  }
  if (!sha256.empty()) {
    const auto known = db.Query("SELECT status FROM documents WHERE sha256 = $1", {sha256});
    if (!known.empty() && Text(known[0][0]) == "imported") {
      store::AddPath(db, sha256, path);
      return Queued::kImported;
    }
  }
  const auto inserted = db.Query(
      "INSERT INTO queue (sha256, path, state, claims, failures, enqueued_at) VALUES ($1, $2, "
      "'pending', 0, 0, now()) "
      "ON CONFLICT (sha256) DO NOTHING RETURNING id",
      {NullIfEmpty(sha256), path});
  // Another enqueue registered the same bytes meanwhile (and committed, or the insert would
  // still wait): it is queued, this path becomes another name of it.
  if (inserted.empty()) return EnqueueOne(db, path, sha256);
  AddQueuePath(db, Int(inserted[0][0]), path);
  return Queued::kQueued;
}

}  // namespace

void RequireQueueTarget(const std::string& target) {
  if (!store::IsPostgresUri(target))
    throw Error(ErrorCode::kUsage, target,
                "the work queue needs a PostgreSQL database (--db postgresql://…) that every "
                "worker reaches; "
                "an SQLite file is one machine's: use jixiao batch");
}

// ---- enqueue

EnqueueSummary Enqueue(Database& db, const std::vector<std::string>& paths,
                       const std::function<void(const EnqueueEvent&)>& on_event) {
  RequirePostgres(db);
  EnqueueSummary summary;
  summary.documents = static_cast<int>(paths.size());
  for (size_t begin = 0; begin < paths.size(); begin += kEnqueueChunk) {
    const size_t end = std::min(paths.size(), begin + kEnqueueChunk);
    // Hashed before the transaction: reading files on a shared file system may be slow.
    std::vector<EnqueueEvent> events;
    std::vector<std::string> hashes;
    for (size_t i = begin; i < end; ++i) {
      EnqueueEvent e;
      e.path = paths[i];
      std::string sha;
      try {
        sha = Sha256HexOfFile(paths[i]);
      } catch (const Error& error) {
        e.detail = error.what();
      }
      events.push_back(std::move(e));
      hashes.push_back(std::move(sha));
    }
    InTransaction(db, [&] {
      for (size_t i = 0; i < events.size(); ++i)
        events[i].outcome = EnqueueOne(db, events[i].path, hashes[i]);
    });
    for (const EnqueueEvent& e : events) {
      switch (e.outcome) {
        case Queued::kQueued:
          ++summary.queued;
          break;
        case Queued::kRequeued:
          ++summary.requeued;
          break;
        case Queued::kAlreadyQueued:
          ++summary.already_queued;
          break;
        case Queued::kImported:
          ++summary.imported;
          break;
      }
      if (!e.detail.empty()) ++summary.unreadable;
      if (on_event) on_event(e);
    }
  }
  summary.waiting =
      Int(db.Query("SELECT COUNT(*) FROM queue WHERE state IN ('pending', 'running')")[0][0]);
  return summary;
}

// ---- claim, renew, finish

WorkQueue::WorkQueue(Database& db, std::string worker, double lease_seconds)
    : db_(db), worker_(std::move(worker)), lease_seconds_(lease_seconds) {
  RequirePostgres(db);
}

std::vector<Row> WorkQueue::Candidate() {
  // Rows another worker is claiming right now are locked: skipped, not waited for. Each step is
  // a short scan of the (state, id) index, however long the queue.
  static const std::string kColumns =
      "SELECT id, claims, failures, path, COALESCE(sha256, ''), state, COALESCE(worker, '') FROM "
      "queue WHERE ";
  static const std::string kTake = " LIMIT 1 FOR UPDATE SKIP LOCKED";
  // A document whose worker's lease ended, first: it has waited longest.
  auto rows = db_.Query(kColumns + "state = 'running' AND lease_until < now() ORDER BY id" + kTake);
  if (!rows.empty()) return rows;
  // Then the documents not tried yet, in the order they were queued.
  rows = db_.Query(kColumns + "state = 'pending' AND failures = 0 ORDER BY id" + kTake);
  if (!rows.empty()) return rows;
  // Then the ones that failed, those that failed on this worker's machine last: a path one
  // machine cannot read (its mount is missing) is tried on another first.
  const std::string host = " " + worker_.substr(0, worker_.rfind(':') + 1);
  return db_.Query(kColumns +
                       "state = 'pending' AND failures > 0 ORDER BY position($1 in "
                       "COALESCE(errors, '')) > 0, id" +
                       kTake,
                   {host});
}

std::optional<Claim> WorkQueue::Take(const std::function<void(const LeaseEnded&)>& on_lease_ended) {
  for (;;) {
    const auto start = Clock::now();
    std::optional<Claim> claim;
    std::optional<LeaseEnded> ended;
    InTransaction(db_, [&] {
      const auto rows = Candidate();
      if (rows.empty()) return;
      const Row& r = rows[0];
      Claim c{Int(r[0]), Int(r[1]) + 1, Text(r[3]), Text(r[4]), static_cast<int>(Int(r[2]))};
      if (Text(r[5]) == "running") {
        // Its worker stopped renewing: dead, stopped, or cut off from the database.
        ended = LeaseEnded{c.path, Text(r[6]), c.failures + 1, c.failures + 1 >= kMaxAttempts};
        c.failures = ended->failures;
        db_.Exec("UPDATE queue SET failures = $1, " + AppendError(2, 3) + " WHERE id = $4",
                 {int64_t{c.failures}, ended->worker,
                  std::string("its lease ended (the worker stopped, or lost the database)"), c.id});
        if (ended->failed) {
          const Error error(ErrorCode::kInternal, c.path,
                            "its lease ended " + std::to_string(kMaxAttempts) +
                                " times while workers read it (they stopped, or lost the database; "
                                "the last was " +
                                ended->worker + ")");
          store::WriteOptions options;
          options.aliases = Aliases(db_, c.id, c.path);
          const store::Written w =
              store::RecordFailureRows(db_, c.path, c.sha256, error, 0, options);
          db_.Exec(
              "UPDATE queue SET state = $1, finished_at = now(), lease_until = NULL WHERE id = $2",
              {std::string(w.already ? "done" : "failed"), c.id});
          return;
        }
      }
      db_.Exec(
          "UPDATE queue SET state = 'running', claims = $1, worker = $2, claimed_at = now(), "
          "renewed_at = now(), "
          "lease_until = now() + $3" +
              std::string(kLeaseInterval) + " WHERE id = $4",
          {c.number, worker_, lease_seconds_, c.id});
      claim = std::move(c);
    });
    if (ended && on_lease_ended) on_lease_ended(*ended);
    if (claim) {
      times_.claim += Since(start);
      ++times_.claims;
      return claim;
    }
    if (!ended) return std::nullopt;
    // That document failed for good: look for another.
  }
}

bool WorkQueue::Renew(const Claim& claim) {
  const auto start = Clock::now();
  const auto rows =
      db_.Query("UPDATE queue SET renewed_at = now(), lease_until = now() + $1" +
                    std::string(kLeaseInterval) +
                    " WHERE id = $2 AND claims = $3 AND state = 'running' RETURNING id",
                {lease_seconds_, claim.id, claim.number});
  times_.renew += Since(start);
  ++times_.renewals;
  return !rows.empty();
}

Finished WorkQueue::Finish(const Claim& claim, const ReadOutcome& read) {
  for (int attempt = 0;; ++attempt) {
    const auto start = Clock::now();
    double write = 0;
    try {
      const Finished finished = InTransaction(db_, [&] {
        // Locked until the commit: no other worker can take it while its records are written.
        const auto rows =
            db_.Query("SELECT state, claims FROM queue WHERE id = $1 FOR UPDATE", {claim.id});
        if (rows.empty() || Text(rows[0][0]) != "running" || Int(rows[0][1]) != claim.number)
          return Finished::kLost;
        store::WriteOptions options;
        options.aliases = Aliases(db_, claim.id, claim.path);
        if (read.document) {
          const auto write_start = Clock::now();
          const store::Written w = store::WriteDocumentRows(db_, *read.document, options);
          write = Since(write_start);
          const auto& result = read.document->result;
          const auto source = result.find("source");
          const int64_t pages = source != result.end() ? source->value("pages", 0) : 0;
          db_.Exec(
              "UPDATE queue SET state = 'done', finished_at = now(), lease_until = NULL, pages = "
              "$1, seconds = $2 "
              "WHERE id = $3",
              {pages, read.seconds, claim.id});
          return w.already ? Finished::kSkipped : Finished::kImported;
        }
        const int failures = claim.failures + 1;
        const std::string why = read.error ? read.error->what() : claim.path + ": not read";
        db_.Exec("UPDATE queue SET failures = $1, " + AppendError(2, 3) + " WHERE id = $4",
                 {int64_t{failures}, worker_, why, claim.id});
        if (failures < kMaxAttempts) {
          db_.Exec("UPDATE queue SET state = 'pending', lease_until = NULL WHERE id = $1",
                   {claim.id});
          return Finished::kRetry;
        }
        const Error error =
            read.error ? *read.error : Error(ErrorCode::kInternal, claim.path, "not read");
        const auto write_start = Clock::now();
        const store::Written w =
            store::RecordFailureRows(db_, claim.path, claim.sha256, error, read.seconds, options);
        write = Since(write_start);
        db_.Exec(
            "UPDATE queue SET state = $1, finished_at = now(), lease_until = NULL WHERE id = $2",
            {std::string(w.already ? "done" : "failed"), claim.id});
        return w.already ? Finished::kSkipped : Finished::kFailed;
      });
      times_.finish += Since(start) - write;
      times_.write += write;
      ++times_.finishes;
      return finished;
    } catch (const Error&) {
      // Another process (a `jixiao batch` into the same database) imported the same bytes
      // meanwhile: the unique sha256 refused ours. Once more, the writer then finds them and adds
      // the paths. Anything else is the database failing.
      if (attempt > 0 || !read.document) throw;
      if (db_.Query("SELECT 1 FROM documents WHERE sha256 = $1 AND status = 'imported'",
                    {read.document->sha256})
              .empty())
        throw;
    }
  }
}

WorkQueue::Counts WorkQueue::Count() {
  const auto rows = db_.Query(
      "SELECT COUNT(*) FILTER (WHERE state = 'pending'), COUNT(*) FILTER (WHERE state = 'running') "
      "FROM queue");
  return {Int(rows[0][0]), Int(rows[0][1])};
}

// ---- status

QueueStatus ReadQueueStatus(Database& db, double window) {
  RequirePostgres(db);
  QueueStatus s;
  for (const Row& r : db.Query("SELECT state, COUNT(*), COUNT(*) FILTER (WHERE failures > 0) FROM "
                               "queue GROUP BY state")) {
    const std::string state = Text(r[0]);
    const int64_t n = Int(r[1]);
    if (state == "pending") {
      s.pending = n;
      s.retrying = Int(r[2]);
    } else if (state == "running") {
      s.running = n;
    } else if (state == "done") {
      s.done = n;
    } else if (state == "failed") {
      s.failed = n;
    }
  }
  for (const Row& r : db.Query(
           "SELECT COALESCE(worker, ''), path, EXTRACT(EPOCH FROM now() - claimed_at)::float8, "
           "EXTRACT(EPOCH FROM now() - renewed_at)::float8, EXTRACT(EPOCH FROM lease_until - "
           "now())::float8, "
           "failures + 1 FROM queue WHERE state = 'running' ORDER BY worker, id"))
    s.workers.push_back(
        {Text(r[0]), Text(r[1]), Real(r[2]), Real(r[3]), Real(r[4]), static_cast<int>(Int(r[5]))});
  for (const Row& r : db.Query("SELECT path, failures, COALESCE(errors, '') FROM queue WHERE state "
                               "= 'failed' ORDER BY id")) {
    FailedDocument f{Text(r[0]), static_cast<int>(Int(r[1])), {}};
    std::istringstream lines(Text(r[2]));
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) f.errors.push_back(line);
    s.failures.push_back(std::move(f));
  }
  // The window reaches back `window` seconds, or to the first claim when that is more recent
  // (a queue started a minute ago is measured over that minute).
  const auto since =
      db.Query("SELECT EXTRACT(EPOCH FROM now() - MIN(claimed_at))::float8 FROM queue");
  const double first = since.empty() ? 0 : Real(since[0][0]);
  s.window_seconds = std::min(window, first);
  if (s.window_seconds > 0) {
    const auto done = db.Query(
        "SELECT COUNT(*), COALESCE(SUM(pages), 0)::bigint FROM queue WHERE state = 'done' AND "
        "finished_at >= now() - $1" +
            std::string(kLeaseInterval),
        {s.window_seconds});
    s.window_documents = Int(done[0][0]);
    s.window_pages = Int(done[0][1]);
  }
  return s;
}

nlohmann::ordered_json StatusJson(const QueueStatus& s) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["pending"] = s.pending;
  j["retrying"] = s.retrying;
  j["running"] = s.running;
  j["done"] = s.done;
  j["failed"] = s.failed;
  j["workers"] = Json::array();
  for (const RunningDocument& w : s.workers)
    j["workers"].push_back({{"worker", w.worker},
                            {"path", w.path},
                            {"attempt", w.attempt},
                            {"running_seconds", w.running_seconds},
                            {"lease_age_seconds", w.lease_age_seconds},
                            {"lease_left_seconds", w.lease_left_seconds}});
  j["failures"] = Json::array();
  for (const FailedDocument& f : s.failures)
    j["failures"].push_back({{"path", f.path}, {"failures", f.failures}, {"errors", f.errors}});
  j["rate"] = {{"window_seconds", s.window_seconds},
               {"documents", s.window_documents},
               {"pages", s.window_pages},
               {"pages_per_second", s.PagesPerSecond()}};
  return j;
}

std::string StatusText(const QueueStatus& s) {
  std::ostringstream out;
  char buf[160];
  out << "pending  " << s.pending;
  if (s.retrying) out << " (" << s.retrying << " after a failed attempt)";
  out << "\nrunning  " << s.running << "\n";
  for (const RunningDocument& w : s.workers) {
    out << "  " << w.worker << "  " << w.path << "\n    attempt " << w.attempt << ", running "
        << Progress::Duration(w.running_seconds);
    if (w.lease_left_seconds >= 0) {
      std::snprintf(buf, sizeof buf, ", lease renewed %.0f s ago, ends in %.0f s",
                    w.lease_age_seconds, w.lease_left_seconds);
    } else {
      std::snprintf(
          buf, sizeof buf,
          ", lease renewed %.0f s ago, ended %.0f s ago: the next worker to claim takes it",
          w.lease_age_seconds, -w.lease_left_seconds);
    }
    out << buf << "\n";
  }
  out << "done     " << s.done << "\nfailed   " << s.failed << "\n";
  for (const FailedDocument& f : s.failures) {
    out << "  " << f.path << " (" << f.failures << " failed attempts)\n";
    for (const std::string& e : f.errors) out << "    " << e << "\n";
  }
  std::snprintf(
      buf, sizeof buf, "rate     %.2f pages/s (%lld documents, %lld pages in the last %s)\n",
      s.PagesPerSecond(), static_cast<long long>(s.window_documents),
      static_cast<long long>(s.window_pages), Progress::Duration(s.window_seconds).c_str());
  out << buf;
  return out.str();
}

}  // namespace jixiao::batch
