// jixiao batch into PostgreSQL: the same batch gives the same content as into SQLite, a second
// run skips, and a password never shows in a message. Needs a server: JIXIAO_TEST_PG, a URI
// that scripts/test.sh sets after starting scripts/pg-test-server.sh. Without it the tests
// skip on a developer machine and fail in CI (CI=true).
#include <gtest/gtest.h>

#include <cstdlib>

#include "batch_testing.h"
#include "core/error.h"
#include "store/engines.h"

namespace {

using namespace batch_testing;
using jixiao::store::Database;

std::string ServerUri() {
  const char* uri = std::getenv("JIXIAO_TEST_PG");
  return uri ? uri : "";
}

#define REQUIRE_SERVER()                                                                              \
  do {                                                                                                \
    if (ServerUri().empty()) {                                                                        \
      const char* ci = std::getenv("CI");                                                             \
      if (ci && std::string(ci) == "true") FAIL() << "JIXIAO_TEST_PG is not set (scripts/test.sh)";   \
      GTEST_SKIP() << "JIXIAO_TEST_PG is not set: start scripts/pg-test-server.sh";                   \
    }                                                                                                 \
  } while (0)

// A database of its own on the test server, dropped at the end.
class Postgres : public ::testing::Test {
 protected:
  void SetUp() override {
    REQUIRE_SERVER();
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    name_ = "jixiao_test_" + std::to_string(::getpid()) + "_" + info->name();
    std::transform(name_.begin(), name_.end(), name_.begin(), [](unsigned char c) { return std::tolower(c); });
    admin_ = Database::Open(ServerUri());
    admin_->Exec("DROP DATABASE IF EXISTS " + name_);
    admin_->Exec("CREATE DATABASE " + name_);
    const std::string base = ServerUri();
    const size_t query = base.find('?');
    const size_t slash = base.rfind('/', query == std::string::npos ? base.size() : query);
    uri_ = base.substr(0, slash + 1) + name_ + (query == std::string::npos ? "" : base.substr(query));
    dir_ = fs::temp_directory_path() / ("jixiao-pg-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (admin_) admin_->Exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    if (!HasFailure() && !dir_.empty()) fs::remove_all(dir_);
  }
  std::string P(const std::string& name) const { return (dir_ / name).string(); }

  std::unique_ptr<Database> admin_;
  std::string name_, uri_;
  fs::path dir_;
};

TEST(PostgresUri, PasswordNeverInMessages) {
  EXPECT_EQ(jixiao::store::RedactUri("postgresql://ann:s3cret@db.example:5432/budget"),
            "postgresql://ann:***@db.example:5432/budget");
  EXPECT_EQ(jixiao::store::RedactUri("postgres://db/budget?user=ann&password=s3cret&sslmode=require"),
            "postgres://db/budget?user=ann&password=***&sslmode=require");
  EXPECT_EQ(jixiao::store::RedactUri("postgresql://ann@db/budget"), "postgresql://ann@db/budget");
  try {
    Database::Open("postgresql://ann:s3cret@127.0.0.1:1/budget?connect_timeout=5");
    FAIL() << "no server on port 1";
  } catch (const jixiao::Error& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.find("s3cret"), std::string::npos) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    EXPECT_NE(what.find("postgresql://ann:***@127.0.0.1:1/budget"), std::string::npos) << what;
    EXPECT_EQ(e.exit_code(), 73);
  }
}

TEST_F(Postgres, ValuesAndTransactions) {
  auto db = Database::Open(uri_);
  EXPECT_EQ(db->engine(), jixiao::store::Engine::kPostgres);
  ExpectValuesAndTransactions(*db);
  EXPECT_EQ(Count(*Database::Open(uri_), "SELECT COUNT(*) FROM documents"), 1) << "a second connection";
}

TEST_F(Postgres, SameBatchSameContentAsSqlite) {
  for (int i = 0; i < 6; ++i)
    Variant(i == 5 ? "jiaoyu-2021/digital.pdf" : "tianbao-2022/digital.pdf",
            dir_ / "in" / ("doc-" + std::to_string(i) + ".pdf"), i);
  WriteBytes(dir_ / "in/corrupt.pdf", "%PDF-1.4\n% nothing more\n");
  fs::copy_file(dir_ / "in/doc-2.pdf", dir_ / "in/copy.pdf");

  RunResult r = Jixiao({"batch", P("in"), "--db", uri_, "-j", "2"}, P("pg.log"));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("8 documents: 6 imported, 1 skipped (1 duplicate), 1 failed"), std::string::npos) << r.err;
  r = Jixiao({"batch", P("in"), "--db", P("same.sqlite"), "-j", "2"}, P("sqlite.log"));
  EXPECT_EQ(r.code, 1) << r.err;

  auto pg = Database::Open(uri_);
  auto lite = Database::Open(P("same.sqlite"));
  EXPECT_EQ(Incomplete(*pg), "");
  const auto content = Content(*pg);
  EXPECT_EQ(content.at("documents").size(), 7u);
  EXPECT_EQ(Difference(content, Content(*lite)), "");

  r = Jixiao({"batch", P("in"), "--db", uri_}, P("again.log"));
  EXPECT_NE(r.err.find("8 documents: 0 imported, 7 skipped, 1 failed"), std::string::npos) << r.err;
  EXPECT_EQ(Difference(content, Content(*pg)), "");
  // The URI in messages, never a password (there is none here, but the summary names it).
  EXPECT_NE(r.err.find(uri_), std::string::npos) << r.err;
}

}  // namespace
