// jixiao batch into PostgreSQL: the same batch gives the same content as into SQLite, a second
// run skips, and a password never shows in a message. Needs a server: JIXIAO_TEST_PG, a URI
// that scripts/test.sh sets after starting scripts/pg-test-server.sh. Without it the tests
// skip on a developer machine and fail in CI (CI=true).
#include <gtest/gtest.h>

#include "batch_testing.h"
#include "core/error.h"
#include "store/engines.h"

namespace {

using namespace batch_testing;
using jixiao::store::Database;

// A database of its own on the test server (batch_testing.h).
using Postgres = PostgresDatabase;

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
