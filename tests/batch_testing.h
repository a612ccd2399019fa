// Helpers for the `jixiao batch` and work queue tests (batch_test.cc, batch_pg_test.cc,
// queue_pg_test.cc): distinct documents made from the samples, running the program, a
// database's content in canonical form, and a database of its own on the PostgreSQL test server.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "store/database.h"

extern char** environ;

namespace batch_testing {

namespace fs = std::filesystem;

inline std::string Sample(const std::string& name) { return std::string(JIXIAO_SOURCE_DIR) + "/samples/" + name; }

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteBytes(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// A copy of `sample` that differs in its bytes (a PDF comment after %%EOF, which readers
// ignore), so that it has a sha256 of its own yet reads the same.
inline void Variant(const std::string& sample, const fs::path& to, int n) {
  WriteBytes(to, Slurp(Sample(sample)) + "% jixiao test variant " + std::to_string(n) + "\n");
}

struct RunResult {
  int code = -1;
  std::string err;
};

// Starts `jixiao ARGS…` with stdout and stderr into `log`; returns its pid.
inline pid_t Spawn(const std::vector<std::string>& args, const std::string& log) {
  std::vector<std::string> all = {JIXIAO_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

inline int Wait(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

inline RunResult Jixiao(const std::vector<std::string>& args, const std::string& log) {
  RunResult r;
  const pid_t pid = Spawn(args, log);
  if (pid < 0) return r;
  r.code = Wait(pid);
  r.err = Slurp(log);
  return r;
}

inline std::string Cell(const jixiao::store::Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "NULL";
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", *d);
    return buf;
  }
  return "'" + std::get<std::string>(v) + "'";
}

// Every table's rows without ids, timestamps and timings, rows identified by their
// document's sha256 (or path) and their project's index, sorted: equal for two databases
// that hold the same documents, whatever order they were written in.
inline std::map<std::string, std::vector<std::string>> Content(jixiao::store::Database& db) {
  const std::string doc = "COALESCE(d.sha256, d.path)";
  const std::map<std::string, std::string> queries = {
      {"meta", "SELECT key, value FROM meta"},
      {"documents",
       "SELECT " + doc + ", path, pages, pages_ocr, status, error, error_code, extractor_version, title, department, "
       "year, draft, result_json FROM documents d"},
      {"document_paths", "SELECT " + doc + ", p.path FROM document_paths p JOIN documents d ON d.id = p.document_id"},
      {"projects",
       "SELECT " + doc + ", p.idx, p.title, p.unit_code, p.unit_name, p.money_unit, p.project_code, "
       "p.project_name, p.budget_total, p.budget_fiscal, p.budget_other, p.purpose, p.schedule_mar, p.schedule_jun, "
       "p.schedule_oct, p.schedule_dec, p.goals, p.attributes, p.pages FROM projects p JOIN documents d ON d.id = p.document_id"},
      {"indicators",
       "SELECT " + doc + ", p.idx, seq, level1, level2, level3, description, value_raw, basis, kind, op, number, "
       "upper, unit, reference, date, qualifier FROM indicators i JOIN documents d ON d.id = i.document_id "
       "JOIN projects p ON p.id = i.project_id"},
      {"sections", "SELECT " + doc + ", s.part, s.seq, s.no, s.title, s.text FROM sections s JOIN documents d ON d.id = s.document_id"},
      {"findings",
       "SELECT " + doc + ", project_idx, project_code, rule, severity, page, fields, message FROM findings f "
       "JOIN documents d ON d.id = f.document_id"},
      {"warnings", "SELECT " + doc + ", page, code, message FROM warnings w JOIN documents d ON d.id = w.document_id"},
      {"provenance",
       "SELECT " + doc + ", p.idx, field, v.page, x0, y0, x1, y1, source, confidence, corrected FROM provenance v "
       "JOIN documents d ON d.id = v.document_id LEFT JOIN projects p ON p.id = v.project_id"},
  };
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [table, sql] : queries) {
    std::vector<std::string>& rows = out[table];
    for (const jixiao::store::Row& r : db.Query(sql)) {
      std::string line;
      for (const auto& v : r) line += Cell(v) + " | ";
      rows.push_back(line);
    }
    std::sort(rows.begin(), rows.end());
  }
  return out;
}

// The first difference between two contents, or "" when they are equal.
inline std::string Difference(const std::map<std::string, std::vector<std::string>>& a,
                              const std::map<std::string, std::vector<std::string>>& b) {
  for (const auto& [table, rows] : a) {
    const auto it = b.find(table);
    if (it == b.end()) return table + ": missing";
    if (rows == it->second) continue;
    std::ostringstream s;
    s << table << ": " << rows.size() << " rows vs " << it->second.size();
    for (size_t i = 0; i < std::min(rows.size(), it->second.size()); ++i)
      if (rows[i] != it->second[i]) {
        s << "; first difference:\n  " << rows[i].substr(0, 400) << "\n  " << it->second[i].substr(0, 400);
        break;
      }
    return s.str();
  }
  return "";
}

inline int64_t Count(jixiao::store::Database& db, const std::string& sql) {
  const auto rows = db.Query(sql);
  return rows.empty() ? -1 : std::get<int64_t>(rows[0][0]);
}

// The Database interface on either engine: typed values through $n placeholders, a rolled
// back transaction leaving nothing, foreign keys enforced.
inline void ExpectValuesAndTransactions(jixiao::store::Database& db) {
  const int64_t id = db.InsertReturningId(
      "INSERT INTO documents (sha256, path, status, extractor_version, imported_at, seconds, year) "
      "VALUES ($1, $2, 'imported', 'x', 'now', $3, $4) RETURNING id",
      {std::string("abc"), std::string("路径.pdf"), 0.1, int64_t{2021}});
  const auto rows = db.Query("SELECT sha256, path, seconds, year, error FROM documents WHERE id = $1", {id});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(rows[0][1]), "路径.pdf");
  EXPECT_EQ(std::get<double>(rows[0][2]), 0.1);
  EXPECT_EQ(std::get<int64_t>(rows[0][3]), 2021);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(rows[0][4]));
  db.Begin();
  db.Exec("DELETE FROM documents");
  db.Rollback();
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM documents"), 1);
  // Foreign keys are on: a path of no document is refused.
  EXPECT_THROW(db.Exec("INSERT INTO document_paths (document_id, path) VALUES (999, 'x')"), jixiao::Error);
}

// Every imported document is whole: as many project, indicator and section rows as its
// result_json has. Returns the first document that is not, or "".
inline std::string Incomplete(jixiao::store::Database& db) {
  for (const jixiao::store::Row& r :
       db.Query("SELECT id, path, result_json FROM documents WHERE status = 'imported' ORDER BY id")) {
    const int64_t id = std::get<int64_t>(r[0]);
    const auto j = nlohmann::json::parse(std::get<std::string>(r[2]));
    size_t indicators = 0;
    for (const auto& p : j["projects"]) indicators += p["indicators"].size();
    const std::string where = " WHERE document_id = " + std::to_string(id);
    if (Count(db, "SELECT COUNT(*) FROM projects" + where) != static_cast<int64_t>(j["projects"].size()) ||
        Count(db, "SELECT COUNT(*) FROM indicators" + where) != static_cast<int64_t>(indicators) ||
        Count(db, "SELECT COUNT(*) FROM warnings" + where) != static_cast<int64_t>(j["warnings"].size()) ||
        Count(db, "SELECT COUNT(*) FROM document_paths" + where) < 1)
      return std::get<std::string>(r[1]);
  }
  return "";
}

// ---- PostgreSQL (batch_pg_test.cc, queue_pg_test.cc)

// The test server: JIXIAO_TEST_PG, a URI that scripts/test.sh sets after starting
// scripts/pg-test-server.sh; "" without one.
inline std::string ServerUri() {
  const char* uri = std::getenv("JIXIAO_TEST_PG");
  return uri ? uri : "";
}

// Without a server the tests skip on a developer machine and fail in CI (CI=true).
#define REQUIRE_SERVER()                                                                              \
  do {                                                                                                \
    if (batch_testing::ServerUri().empty()) {                                                         \
      const char* ci = std::getenv("CI");                                                             \
      if (ci && std::string(ci) == "true") FAIL() << "JIXIAO_TEST_PG is not set (scripts/test.sh)";   \
      GTEST_SKIP() << "JIXIAO_TEST_PG is not set: start scripts/pg-test-server.sh";                   \
    }                                                                                                 \
  } while (0)

// A database of its own on the test server (uri_), and a folder of its own (dir_), for each
// test; both removed at the end (the folder kept when the test failed).
class PostgresDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    REQUIRE_SERVER();
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    name_ = "jixiao_test_" + std::to_string(::getpid()) + "_" + info->name();
    std::transform(name_.begin(), name_.end(), name_.begin(), [](unsigned char c) { return std::tolower(c); });
    admin_ = jixiao::store::Database::Open(ServerUri());
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

  std::unique_ptr<jixiao::store::Database> admin_;
  std::string name_, uri_;
  fs::path dir_;
};

}  // namespace batch_testing
