// A connection to the jixiao database: an SQLite file (embedded, the default) or a
// PostgreSQL server (a shared, multi-user target). Both hold the schema in store/schema.sql.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace jixiao::store {

enum class Engine { kSqlite, kPostgres };

// Whether Database::Open takes `target` for a PostgreSQL server: a postgresql:// or
// postgres:// URI. Anything else is an SQLite file.
bool IsPostgresUri(const std::string& target);

// One value handed to or read from the database. NULL is std::monostate.
using Value = std::variant<std::monostate, int64_t, double, std::string>;
using Row = std::vector<Value>;

class Database {
 public:
  // `target` beginning with postgresql:// or postgres:// is a libpq connection URI; anything
  // else is an SQLite file, created when missing. Creates the schema when absent.
  // Throws Error (file = target, code kNotFound / kBadInput / kOutput) on failure.
  static std::unique_ptr<Database> Open(const std::string& target);

  virtual ~Database() = default;
  virtual Engine engine() const = 0;
  const std::string& target() const { return target_; }

  // One statement. Placeholders are $1, $2, ... (both engines), each used once, in order.
  virtual void Exec(const std::string& sql, const Row& params = {}) = 0;
  // All rows of a query, columns in the order selected. Integers come back as int64_t,
  // floating point as double, text as std::string.
  virtual std::vector<Row> Query(const std::string& sql, const Row& params = {}) = 0;
  // An INSERT ... RETURNING id; returns the id.
  virtual int64_t InsertReturningId(const std::string& sql, const Row& params) = 0;

  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;

 protected:
  explicit Database(std::string target) : target_(std::move(target)) {}

 private:
  std::string target_;
};

}  // namespace jixiao::store
