// The SQLite engine: one connection, statements prepared once and kept.
#include <sqlite3.h>

#include <cstdio>
#include <unordered_map>

#include "core/error.h"
#include "store/engines.h"

namespace jixiao::store {

namespace {

class SqliteDatabase final : public EngineDatabase {
 public:
  explicit SqliteDatabase(const std::string& path) : EngineDatabase(path) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
      const std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      db_ = nullptr;
      throw Error(ErrorCode::kOutput, path, "cannot open the SQLite database: " + why);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 30000);
    try {
      Exec("PRAGMA foreign_keys = ON", {});
      Query("PRAGMA journal_mode = WAL", {});  // returns the mode
      Exec("PRAGMA synchronous = NORMAL", {});  // with WAL: a crash of the process loses no commit
    } catch (...) {
      Close();
      throw;
    }
  }
  ~SqliteDatabase() override { Close(); }

  Engine engine() const override { return Engine::kSqlite; }

  void Begin() override { Exec("BEGIN IMMEDIATE", {}); }
  void Commit() override { Exec("COMMIT", {}); }
  void Rollback() override {
    if (!sqlite3_get_autocommit(db_)) Exec("ROLLBACK", {});
  }

 private:
  void Close() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    statements_.clear();
    if (db_) sqlite3_close(db_);
    db_ = nullptr;
  }

  [[noreturn]] void Fail(const std::string& what) const {
    throw Error(ErrorCode::kOutput, target(), what + ": " + sqlite3_errmsg(db_));
  }

  sqlite3_stmt* Prepare(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
      Fail("SQL error");
    statements_.emplace(sql, stmt);
    return stmt;
  }

  void Bind(sqlite3_stmt* stmt, const Row& params) {
    for (size_t i = 0; i < params.size(); ++i) {
      char name[24];
      std::snprintf(name, sizeof name, "$%zu", i + 1);
      const int at = sqlite3_bind_parameter_index(stmt, name);
      if (at == 0) throw Error(ErrorCode::kInternal, target(), std::string("no placeholder ") + name + " in " + sqlite3_sql(stmt));
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(v)) rc = sqlite3_bind_null(stmt, at);
      else if (const auto* n = std::get_if<int64_t>(&v)) rc = sqlite3_bind_int64(stmt, at, *n);
      else if (const auto* d = std::get_if<double>(&v)) rc = sqlite3_bind_double(stmt, at, *d);
      else {
        const std::string& s = std::get<std::string>(v);
        rc = sqlite3_bind_text(stmt, at, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) Fail(std::string("cannot bind ") + name);
    }
  }

  void Run(const std::string& sql, const Row& params, std::vector<Row>* rows) override {
    sqlite3_stmt* stmt = Prepare(sql);
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt};
    Bind(stmt, params);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return;
      if (rc != SQLITE_ROW) Fail("cannot run " + FirstWords(sql));
      if (!rows) continue;
      Row row;
      const int n = sqlite3_column_count(stmt);
      for (int c = 0; c < n; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER:
            row.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, c)));
            break;
          case SQLITE_FLOAT:
            row.emplace_back(sqlite3_column_double(stmt, c));
            break;
          case SQLITE_NULL:
            row.emplace_back(std::monostate{});
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            row.emplace_back(std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
          }
        }
      }
      rows->push_back(std::move(row));
    }
  }

  static std::string FirstWords(const std::string& sql) {
    std::string s = sql.substr(0, 40);
    for (char& c : s)
      if (c == '\n') c = ' ';
    return s + (sql.size() > 40 ? "…" : "");
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

std::unique_ptr<Database> OpenSqlite(const std::string& path) { return std::make_unique<SqliteDatabase>(path); }

}  // namespace jixiao::store
