// jixiao batch into SQLite: the counts of a mixed batch, a second run that skips, --force,
// inputs given as folders, globs and lists, a batch killed with SIGKILL and run again, and
// bad database targets.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <thread>

#include "batch/inputs.h"
#include "batch_testing.h"
#include "core/error.h"

namespace {

using namespace batch_testing;
using jixiao::store::Database;
using jixiao::store::Row;

class BatchRun : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("jixiao-batch-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }

  std::string P(const std::string& name) const { return (dir_ / name).string(); }
  RunResult Batch(std::vector<std::string> args) { return Jixiao({"batch"}, args); }
  RunResult Jixiao(std::vector<std::string> head, const std::vector<std::string>& args) {
    head.insert(head.end(), args.begin(), args.end());
    return batch_testing::Jixiao(head, P("log-" + std::to_string(++runs_)));
  }

  // `n` digital documents, distinct, mostly the short sample.
  void Digital(const std::string& folder, int n, int long_every = 6) {
    for (int i = 0; i < n; ++i) {
      const bool long_one = long_every > 0 && i % long_every == long_every - 1;
      Variant(long_one ? "jiaoyu-2021/digital.pdf" : "tianbao-2022/digital.pdf",
              dir_ / folder / ("doc-" + std::to_string(100 + i) + ".pdf"), i);
    }
  }

  fs::path dir_;
  int runs_ = 0;
};

TEST(Store, SqliteValuesTransactionsAndSchema) {
  const fs::path path = fs::temp_directory_path() / ("jixiao-store-" + std::to_string(::getpid()) + ".sqlite");
  fs::remove(path);
  {
    auto db = Database::Open(path.string());
    EXPECT_EQ(db->engine(), jixiao::store::Engine::kSqlite);
    const auto version = db->Query("SELECT value FROM meta WHERE key = 'schema_version'");
    ASSERT_EQ(version.size(), 1u);
    EXPECT_EQ(std::get<std::string>(version[0][0]), "1");
    ExpectValuesAndTransactions(*db);
  }
  EXPECT_EQ(Count(*Database::Open(path.string()), "SELECT COUNT(*) FROM documents"), 1) << "reopened";
  fs::remove(path);
  fs::remove(path.string() + "-wal");
  fs::remove(path.string() + "-shm");
}

// A database made by an earlier jixiao of the same schema version lacks the tables added since
// (the work queue's, the desk's corrections): opening it creates them, and keeps what it holds.
TEST(Store, TablesAddedSinceAreCreated) {
  const fs::path path = fs::temp_directory_path() / ("jixiao-store-old-" + std::to_string(::getpid()) + ".sqlite");
  fs::remove(path);
  {
    auto db = Database::Open(path.string());
    ExpectValuesAndTransactions(*db);
    db->Exec("DROP TABLE queue_paths");
    db->Exec("DROP TABLE queue");
    db->Exec("DROP TABLE corrections");
  }
  auto db = Database::Open(path.string());
  EXPECT_EQ(Count(*db,
                  "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('queue', "
                  "'queue_paths', "
                  "'corrections')"),
            3);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM corrections"), 0);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM documents"), 1);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM queue"), 0);
  db.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

TEST(Inputs, FoldersGlobsAndListsSortedWithoutRepeats) {
  const fs::path d = fs::temp_directory_path() / ("jixiao-inputs-" + std::to_string(::getpid()));
  fs::remove_all(d);
  for (const char* f : {"a/x.pdf", "a/sub/Y.PDF", "a/sub/z.TiFF", "a/notes.txt", "a/r.json", "b/1.png", "b/2.jpeg",
                        "b/3.txt", "c/only.pdf"})
    WriteBytes(d / f, "x");
  WriteBytes(d / "list.txt", "# documents\n\n" + (d / "c/only.pdf").string() + "\r\n  " + (d / "a/x.pdf").string() +
                                 "\n" + (d / "missing.pdf").string() + "\n");
  const auto got = jixiao::batch::ExpandInputs(
      {(d / "a").string(), (d / "b/*").string(), "@" + (d / "list.txt").string(), (d / "a/notes.txt").string()});
  const std::vector<std::string> want = {(d / "a/notes.txt").string(), (d / "a/sub/Y.PDF").string(),
                                         (d / "a/sub/z.TiFF").string(), (d / "a/x.pdf").string(),
                                         (d / "b/1.png").string(),      (d / "b/2.jpeg").string(),
                                         (d / "c/only.pdf").string(),   (d / "missing.pdf").string()};
  EXPECT_EQ(got, want);
  EXPECT_THROW(jixiao::batch::ExpandInputs({"@" + (d / "no-list.txt").string()}), jixiao::Error);
  fs::remove_all(d);
}

// 38 distinct documents (digital, and a scan), one corrupt, one the same bytes under another
// name: the database counts them right, the corrupt one is failed with its error, and the
// exit status says so. A second run skips everything and changes nothing.
TEST_F(BatchRun, FortyDocumentsThenASecondRunSkipsEverything) {
  Digital("in", 37);
  WriteBytes(dir_ / "in/scans/scan-archive.pdf", Slurp(Sample("tianbao-2022/scan-archive.pdf")));
  WriteBytes(dir_ / "in/corrupt.pdf", Slurp(Sample("tianbao-2022/digital.pdf")).substr(0, 2000));
  fs::copy_file(dir_ / "in/doc-103.pdf", dir_ / "in/scans/copy of doc-103.pdf");
  const std::string db_path = P("archive.sqlite");

  RunResult r = Batch({P("in"), "--db", db_path, "-j", "2"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("40 documents: 38 imported, 1 skipped (1 duplicate), 1 failed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("failed: " + P("in/corrupt.pdf") + ": "), std::string::npos) << r.err;
  auto db = Database::Open(db_path);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM documents WHERE status = 'imported'"), 38);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM documents WHERE status = 'failed'"), 1);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM document_paths"), 40);
  const auto failed = db->Query("SELECT path, error, error_code FROM documents WHERE status = 'failed'");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(std::get<std::string>(failed[0][0]), P("in/corrupt.pdf"));
  EXPECT_NE(std::get<std::string>(failed[0][1]).find(P("in/corrupt.pdf")), std::string::npos);
  EXPECT_EQ(std::get<int64_t>(failed[0][2]), 65);
  // The copy is another path of the first document, not a document of its own.
  const auto copy = db->Query(
      "SELECT d.path FROM document_paths p JOIN documents d ON d.id = p.document_id WHERE p.path = $1",
      {P("in/scans/copy of doc-103.pdf")});
  ASSERT_EQ(copy.size(), 1u);
  EXPECT_EQ(std::get<std::string>(copy[0][0]), P("in/doc-103.pdf"));
  // The scan was read by OCR and gave its projects.
  const auto scan = db->Query(
      "SELECT pages, pages_ocr, (SELECT COUNT(*) FROM projects WHERE document_id = d.id) FROM documents d "
      "WHERE path = $1",
      {P("in/scans/scan-archive.pdf")});
  ASSERT_EQ(scan.size(), 1u);
  EXPECT_EQ(std::get<int64_t>(scan[0][0]), 5);
  EXPECT_GE(std::get<int64_t>(scan[0][1]), 1);
  EXPECT_GE(std::get<int64_t>(scan[0][2]), 1);
  EXPECT_EQ(Count(*db, "SELECT COUNT(*) FROM projects p JOIN documents d ON d.id = p.document_id "
                       "WHERE d.path LIKE '%doc-100.pdf'"),
            4);
  EXPECT_GT(Count(*db, "SELECT COUNT(*) FROM provenance"), 0);
  EXPECT_GT(Count(*db, "SELECT COUNT(*) FROM sections"), 0);
  EXPECT_EQ(Incomplete(*db), "");
  const auto before = Content(*db);

  r = Batch({P("in"), "--db", db_path, "-j", "2"});
  EXPECT_EQ(r.code, 1) << "the corrupt document is retried and fails again: " << r.err;
  EXPECT_NE(r.err.find("40 documents: 0 imported, 39 skipped, 1 failed"), std::string::npos) << r.err;
  EXPECT_EQ(Difference(before, Content(*db)), "");
}

TEST_F(BatchRun, ForceReplacesWithoutDoubling) {
  Digital("in", 3, 0);
  fs::copy_file(dir_ / "in/doc-101.pdf", dir_ / "in/zz-copy.pdf");
  const std::string db_path = P("force.sqlite");
  RunResult r = Batch({P("in"), "--db", db_path, "-j", "2"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto db = Database::Open(db_path);
  const auto before = Content(*db);
  const int64_t max_id = Count(*db, "SELECT MAX(id) FROM documents");

  r = Batch({P("in/doc-100.pdf"), P("in/doc-101.pdf"), "--db", db_path, "--force"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("2 documents: 2 imported, 0 skipped, 0 failed"), std::string::npos) << r.err;
  EXPECT_GT(Count(*db, "SELECT MAX(id) FROM documents"), max_id) << "re-extracted and written anew";
  EXPECT_EQ(Difference(before, Content(*db)), "") << "the copy's path is kept";
}

TEST_F(BatchRun, FolderGlobAndListInOneRun) {
  Digital("a", 2, 0);
  Variant("tianbao-2022/digital.pdf", dir_ / "b/one.pdf", 50);
  Variant("tianbao-2022/digital.pdf", dir_ / "b/two.PDF", 51);
  WriteBytes(dir_ / "b/readme.txt", "not a document");
  Variant("tianbao-2022/digital.pdf", dir_ / "c/listed.pdf", 52);
  WriteBytes(dir_ / "list.txt", P("c/listed.pdf") + "\n" + P("a/doc-100.pdf") + "\n");
  const RunResult r = Batch({P("a"), P("b") + "/*", "@" + P("list.txt"), "--db", P("in.sqlite")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("5 documents: 5 imported"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("readme"), std::string::npos) << r.err;
}

// Killed with SIGKILL twice while it writes, then run to the end: the same content as a run
// never interrupted, and no document half there at any point.
TEST_F(BatchRun, KilledAndRunAgainEqualsAnUninterruptedRun) {
  Digital("in", 14, 2);
  WriteBytes(dir_ / "in/corrupt.pdf", "%PDF-1.4\n% cut here\n");
  fs::copy_file(dir_ / "in/doc-105.pdf", dir_ / "in/again.pdf");
  const std::string once = P("once.sqlite"), killed = P("killed.sqlite");
  ASSERT_EQ(Batch({P("in"), "--db", once, "-j", "2"}).code, 1);

  int64_t seen = 0;
  for (int kill = 0; kill < 2; ++kill) {
    const pid_t pid = Spawn({"batch", P("in"), "--db", killed, "-j", "2"}, P("kill-" + std::to_string(kill)));
    ASSERT_GT(pid, 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    int64_t n = seen;
    while (std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (!fs::exists(killed)) continue;
      try {
        n = Count(*Database::Open(killed), "SELECT COUNT(*) FROM documents");
      } catch (const jixiao::Error&) {
        continue;  // busy creating the schema
      }
      if (n >= seen + 3) break;
    }
    ::kill(pid, SIGKILL);
    EXPECT_EQ(Wait(pid), 128 + SIGKILL) << "killed before it finished";
    auto db = Database::Open(killed);
    EXPECT_EQ(Incomplete(*db), "") << "after kill " << kill;
    seen = Count(*db, "SELECT COUNT(*) FROM documents");
    EXPECT_LT(seen, 15) << "killed midway";
  }
  const RunResult r = Batch({P("in"), "--db", killed, "-j", "2"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("16 documents: "), std::string::npos) << r.err;
  auto a = Database::Open(once);
  auto b = Database::Open(killed);
  EXPECT_EQ(Count(*b, "SELECT COUNT(*) FROM documents"), 15);
  EXPECT_EQ(Difference(Content(*a), Content(*b)), "");
}

TEST_F(BatchRun, ADatabaseThatCannotBeOpenedIsOneLineAndExit73) {
  Digital("in", 1, 0);
  RunResult r = Batch({P("in"), "--db", P("no/such/dir/x.sqlite")});
  EXPECT_EQ(r.code, 73) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(P("no/such/dir/x.sqlite")), std::string::npos) << r.err;

  WriteBytes(dir_ / "notes.txt", std::string(4096, 'n'));
  r = Batch({P("in"), "--db", P("notes.txt")});
  EXPECT_EQ(r.code, 73) << r.err;
  EXPECT_NE(r.err.find(P("notes.txt")), std::string::npos) << r.err;
  EXPECT_EQ(Slurp(P("notes.txt")), std::string(4096, 'n')) << "left as it was";
}

TEST_F(BatchRun, UsageErrors) {
  EXPECT_EQ(Batch({P("in")}).code, 64) << "no --db";
  const RunResult r = Batch({"@" + P("nope.txt"), "--db", P("x.sqlite")});
  EXPECT_EQ(r.code, 66) << r.err;
  EXPECT_NE(r.err.find(P("nope.txt")), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(P("x.sqlite"))) << "nothing written";
}

}  // namespace
