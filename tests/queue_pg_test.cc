// The work queue (jixiao enqueue, worker, status) on a real PostgreSQL server: a document is
// queued once, a worker killed with SIGKILL in the middle of a document loses it to another
// worker when its lease ends, SIGTERM finishes the current document first, a document that
// fails three times is failed with its errors, and the database ends equal, table by table, to
// a single `jixiao batch` of the same inputs. Needs JIXIAO_TEST_PG (batch_testing.h); an SQLite
// target is a usage error whatever the server.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "batch/batch.h"
#include "batch/work_queue.h"
#include "batch_testing.h"

namespace {

using namespace batch_testing;
using jixiao::batch::Claim;
using jixiao::batch::Finished;
using jixiao::batch::LeaseEnded;
using jixiao::batch::QueueStatus;
using jixiao::batch::WorkQueue;
using jixiao::store::Database;

using Queue = PostgresDatabase;

// Polls `ready` every 100 ms until it holds or `seconds` pass; whether it held.
template <typename F>
bool WaitFor(F&& ready, double seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return ready();
}

// The pid in a worker's name (host:pid).
pid_t PidOf(const std::string& worker) {
  return static_cast<pid_t>(std::stol(worker.substr(worker.rfind(':') + 1)));
}

std::string Str(const jixiao::store::Value& v) {
  const auto* s = std::get_if<std::string>(&v);
  return s ? *s : "NULL";
}

TEST(QueueTarget, SqliteIsAUsageError) {
  const fs::path dir =
      fs::temp_directory_path() / ("jixiao-queue-sqlite-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "archive.sqlite").string();
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"enqueue", Sample("tianbao-2022/digital.pdf"), "--db", db},
           {"worker", "--db", db},
           {"status", "--db", db}}) {
    const RunResult r = Jixiao(args, (dir / "log").string());
    EXPECT_EQ(r.code, 64) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find("needs a PostgreSQL database"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(db)) << args[0] << " created the SQLite file";
  }
  fs::remove_all(dir);
}

// Digital documents, a copy, an unreadable path and a damaged file: queued once each, imported
// by one worker, failures failed after three attempts with every error, then equal to a batch.
TEST_F(Queue, EnqueueOnceWorkAndFailures) {
  Variant("tianbao-2022/digital.pdf", dir_ / "in/a.pdf", 1);
  Variant("tianbao-2022/digital.pdf", dir_ / "in/b.pdf", 2);
  fs::copy_file(dir_ / "in/b.pdf", dir_ / "in/c-copy-of-b.pdf");
  WriteBytes(dir_ / "in/damaged.pdf", "%PDF-1.4\n% nothing more\n");
  WriteBytes(dir_ / "list.txt", P("in") + "\n" + P("missing.pdf") + "\n");

  RunResult r = Jixiao({"enqueue", "@" + P("list.txt"), "--db", uri_}, P("enqueue-1.log"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("5 documents: 4 queued, 1 queued already, 0 imported already; 4 waiting"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("cannot read " + P("missing.pdf")), std::string::npos) << r.err;
  r = Jixiao({"enqueue", "@" + P("list.txt"), "--db", uri_}, P("enqueue-2.log"));
  EXPECT_NE(r.err.find("5 documents: 0 queued, 5 queued already, 0 imported already; 4 waiting"),
            std::string::npos)
      << r.err;

  r = Jixiao({"worker", "--db", uri_, "-j", "1", "--max-docs", "1"}, P("worker-1.log"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("1 document: 1 imported"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--max-docs reached"), std::string::npos) << r.err;
  r = Jixiao({"worker", "--db", uri_, "-j", "1"}, P("worker.log"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("queue empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("imported " + P("in/b.pdf")), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("failed (attempt 3 of 3, recorded as failed): " + P("missing.pdf")),
            std::string::npos)
      << r.err;

  auto db = Database::Open(uri_);
  const QueueStatus s = jixiao::batch::ReadQueueStatus(*db);
  EXPECT_EQ(s.pending, 0);
  EXPECT_EQ(s.running, 0);
  EXPECT_EQ(s.done, 2);
  EXPECT_EQ(s.failed, 2);
  EXPECT_EQ(s.window_documents, 2);
  EXPECT_EQ(s.window_pages, 10);
  EXPECT_GT(s.PagesPerSecond(), 0);
  ASSERT_EQ(s.failures.size(), 2u);
  for (const auto& f : s.failures) {
    EXPECT_EQ(f.failures, 3) << f.path;
    ASSERT_EQ(f.errors.size(), 3u) << f.path;
    for (const std::string& e : f.errors) EXPECT_NE(e.find(f.path + ": "), std::string::npos) << e;
  }
  const RunResult json = Jixiao({"status", "--db", uri_, "--json"}, P("status.json"));
  EXPECT_EQ(json.code, 0) << json.err;
  const auto j = nlohmann::json::parse(json.err);  // stdout and stderr share the log
  EXPECT_EQ(j["done"], 2);
  EXPECT_EQ(j["failed"], 2);
  EXPECT_EQ(j["failures"][0]["errors"].size(), 3u);
  EXPECT_EQ(j["rate"]["pages"], 10);

  // The same inputs by `jixiao batch`: the same tables.
  r = Jixiao({"batch", "@" + P("list.txt"), "--db", P("batch.sqlite"), "-j", "1"}, P("batch.log"));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(Incomplete(*db), "");
  EXPECT_EQ(Difference(Content(*db), Content(*Database::Open(P("batch.sqlite")))), "");
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM document_paths WHERE path = '" +
                           P("in/c-copy-of-b.pdf") + "'"),
            1);

  // Imported already: not queued again, its new name recorded. Failed: queued again.
  fs::create_directories(dir_ / "again");
  fs::copy_file(dir_ / "in/a.pdf", dir_ / "again/a-again.pdf");
  r = Jixiao({"enqueue", P("again"), P("in/damaged.pdf"), P("in/b.pdf"), "--db", uri_},
             P("enqueue-3.log"));
  EXPECT_NE(r.err.find("3 documents: 0 queued, 1 queued again (failed before), 0 queued already, 2 "
                       "imported already"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM document_paths WHERE path = '" +
                           P("again/a-again.pdf") + "'"),
            1);
  EXPECT_EQ(jixiao::batch::ReadQueueStatus(*db).pending, 1);
}

// The queue's calls themselves: a claim is its worker's until its lease ends; then another
// worker takes the document, the first one's renewal and finish find it lost, nothing of it is
// written, and after kMaxAttempts ended leases the document is failed.
TEST_F(Queue, LeaseEndsAndAnotherWorkerTakesIt) {
  Variant("tianbao-2022/digital.pdf", dir_ / "in/a.pdf", 1);
  Variant("tianbao-2022/digital.pdf", dir_ / "in/b.pdf", 2);
  auto db_a = Database::Open(uri_), db_b = Database::Open(uri_);
  const auto queued = jixiao::batch::Enqueue(*db_a, {P("in/a.pdf"), P("in/b.pdf")});
  EXPECT_EQ(queued.queued, 2);
  constexpr double kLease = 2;
  WorkQueue a(*db_a, "host-a:1", kLease), b(*db_b, "host-b:2", kLease);

  const std::optional<Claim> first = a.Take();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->path, P("in/a.pdf"));
  EXPECT_TRUE(a.Renew(*first));
  const std::optional<Claim> other = b.Take();  // not a.pdf: its lease holds
  ASSERT_TRUE(other);
  EXPECT_EQ(other->path, P("in/b.pdf"));
  EXPECT_FALSE(b.Take()) << "nothing else to claim";
  EXPECT_EQ(b.Count().running, 2);

  std::this_thread::sleep_for(std::chrono::duration<double>(kLease + 0.5));
  std::vector<LeaseEnded> ended;
  const std::optional<Claim> taken = b.Take([&](const LeaseEnded& e) { ended.push_back(e); });
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->path, P("in/a.pdf"));
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].worker, "host-a:1");
  EXPECT_EQ(ended[0].failures, 1);
  EXPECT_FALSE(ended[0].failed);

  const jixiao::batch::ReadOutcome read =
      jixiao::batch::ReadDocument(P("in/a.pdf"), jixiao::ExtractOptions{});
  ASSERT_TRUE(read.document);
  EXPECT_FALSE(a.Renew(*first));
  EXPECT_EQ(a.Finish(*first, read), Finished::kLost);
  EXPECT_EQ(Count(*db_a, "SELECT COUNT(*) FROM documents"), 0) << "a lost claim writes nothing";
  EXPECT_EQ(b.Finish(*taken, read), Finished::kImported);
  EXPECT_EQ(Count(*db_a, "SELECT COUNT(*) FROM documents WHERE status = 'imported'"), 1);
  const auto errors =
      db_a->Query("SELECT failures, errors, state FROM queue WHERE path = $1", {P("in/a.pdf")});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(std::get<int64_t>(errors[0][0]), 1);
  EXPECT_NE(Str(errors[0][1]).find("host-a:1: its lease ended"), std::string::npos)
      << Str(errors[0][1]);
  EXPECT_EQ(Str(errors[0][2]), "done");

  // b.pdf's claim is left to end kMaxAttempts times: failed, recorded as batch records a failure.
  std::optional<Claim> again = other;
  for (int i = 1; i <= jixiao::batch::kMaxAttempts; ++i) {
    std::this_thread::sleep_for(std::chrono::duration<double>(kLease + 0.5));
    ended.clear();
    again = a.Take([&](const LeaseEnded& e) { ended.push_back(e); });
    ASSERT_EQ(ended.size(), 1u);
    EXPECT_EQ(ended[0].failures, i);
    EXPECT_EQ(ended[0].failed, i == jixiao::batch::kMaxAttempts);
    EXPECT_EQ(again.has_value(), i < jixiao::batch::kMaxAttempts) << "attempt " << i;
  }
  const auto failed = db_a->Query("SELECT status, error, error_code FROM documents WHERE path = $1",
                                  {P("in/b.pdf")});
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(Str(failed[0][0]), "failed");
  EXPECT_NE(Str(failed[0][1]).find("its lease ended 3 times while workers read it"),
            std::string::npos)
      << Str(failed[0][1]);
  EXPECT_EQ(std::get<int64_t>(failed[0][2]), 70);
  EXPECT_EQ(jixiao::batch::ReadQueueStatus(*db_a).failed, 1);
}

// The issue's test: the samples and their scans queued, two workers, one killed with SIGKILL
// in the middle of a scan, a third started; whoever takes the killed worker's document is sent
// SIGTERM while it reads it and finishes it first. Every document is imported exactly once,
// and the database equals a single-process `jixiao batch` of the same inputs.
TEST_F(Queue, KilledWorkersDocumentImportedOnce) {
  const std::string samples = std::string(JIXIAO_SOURCE_DIR) + "/samples";
  RunResult r = Jixiao({"enqueue", samples, "--db", uri_}, P("enqueue.log"));
  ASSERT_EQ(r.code, 0) << r.err;
  ASSERT_NE(r.err.find("4 documents: 4 queued"), std::string::npos) << r.err;
  auto db = Database::Open(uri_);
  constexpr const char* kLease =
      "3";  // short, so that the killed worker's document comes back soon

  std::map<pid_t, std::string> logs;
  auto start_worker = [&](const std::string& log) {
    const pid_t pid = Spawn({"worker", "--db", uri_, "-j", "1", "--lease", kLease}, P(log));
    EXPECT_GT(pid, 0);
    logs[pid] = P(log);
    return pid;
  };
  start_worker("worker-1.log");
  start_worker("worker-2.log");

  // A worker in the middle of a scan (running for 2 s of the many a scan takes): killed.
  std::string killed, killed_path;
  ASSERT_TRUE(WaitFor(
      [&] {
        for (const auto& w : jixiao::batch::ReadQueueStatus(*db).workers)
          if (w.path.find("/scan-") != std::string::npos && w.running_seconds >= 2 &&
              w.lease_left_seconds > 0) {
            killed = w.worker;
            killed_path = w.path;
            return true;
          }
        return false;
      },
      300))
      << "no worker read a scan";
  ASSERT_TRUE(logs.count(PidOf(killed))) << killed;
  ASSERT_EQ(::kill(PidOf(killed), SIGKILL), 0);
  EXPECT_EQ(Wait(PidOf(killed)), 128 + SIGKILL);
  start_worker("worker-3.log");

  // Its document comes back when the lease ends; whoever takes it is asked to stop meanwhile.
  std::string second;
  ASSERT_TRUE(WaitFor(
      [&] {
        for (const auto& w : jixiao::batch::ReadQueueStatus(*db).workers)
          if (w.path == killed_path && w.worker != killed && w.running_seconds >= 1) {
            second = w.worker;
            return true;
          }
        return false;
      },
      300))
      << "nobody took " << killed_path << " back";
  ASSERT_EQ(::kill(PidOf(second), SIGTERM), 0);
  for (const auto& [pid, log] : logs) {
    if (pid == PidOf(killed)) continue;
    const int code = Wait(pid);
    const std::string err = Slurp(log);
    if (pid == PidOf(second)) {
      EXPECT_EQ(code, 75) << err;
      EXPECT_NE(err.find("imported " + killed_path), std::string::npos) << err;
      EXPECT_NE(err.find("stopped by a signal"), std::string::npos) << err;
    } else {
      EXPECT_EQ(code, 0) << err;
      EXPECT_NE(err.find("queue empty"), std::string::npos) << err;
    }
  }

  // Every document done, the killed one by the second worker after one ended lease.
  const QueueStatus s = jixiao::batch::ReadQueueStatus(*db);
  EXPECT_EQ(s.done, 4);
  EXPECT_EQ(s.pending + s.running + s.failed, 0);
  const auto row = db->Query("SELECT worker, claims, failures, errors FROM queue WHERE path = $1",
                             {killed_path});
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(Str(row[0][0]), second);
  EXPECT_EQ(std::get<int64_t>(row[0][1]), 2);
  EXPECT_EQ(std::get<int64_t>(row[0][2]), 1);
  EXPECT_NE(Str(row[0][3]).find(killed + ": its lease ended"), std::string::npos) << Str(row[0][3]);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM documents WHERE status = 'imported'"), 4);
  EXPECT_EQ(Count(*db, "SELECT COUNT(DISTINCT sha256) FROM documents"), 4);
  EXPECT_EQ(Incomplete(*db), "");

  r = Jixiao({"batch", samples, "--db", P("batch.sqlite"), "-j", "2"}, P("batch.log"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Difference(Content(*db), Content(*Database::Open(P("batch.sqlite")))), "");
}

}  // namespace
