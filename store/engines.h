// The two engines behind Database::Open (store/database.cc). Internal to store/.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace jixiao::store {

// What both engines share: Exec, Query and InsertReturningId over one Run.
class EngineDatabase : public Database {
 public:
  void Exec(const std::string& sql, const Row& params = {}) final { Run(sql, params, nullptr); }
  std::vector<Row> Query(const std::string& sql, const Row& params = {}) final {
    std::vector<Row> rows;
    Run(sql, params, &rows);
    return rows;
  }
  int64_t InsertReturningId(const std::string& sql, const Row& params) final;

 protected:
  using Database::Database;
  // Runs one statement with its $1..$n parameters; fills `rows` when given.
  virtual void Run(const std::string& sql, const Row& params, std::vector<Row>* rows) = 0;
};

// An SQLite file, created when missing: WAL journal, foreign keys on, a busy timeout so that
// readers and a second writer wait instead of failing. Throws Error(kOutput, path).
std::unique_ptr<Database> OpenSqlite(const std::string& path);

// A PostgreSQL server through libpq; `uri` is a postgresql:// connection URI.
// Throws Error(kOutput, uri without its password).
std::unique_ptr<Database> OpenPostgres(const std::string& uri);

// The URI with any password replaced by "***", fit for messages.
std::string RedactUri(const std::string& uri);

}  // namespace jixiao::store
