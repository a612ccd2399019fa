// The PostgreSQL engine: libpq, every parameter sent as text, results typed by column type.
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>

#include "core/error.h"
#include "store/engines.h"

namespace jixiao::store {

namespace {

// Column types (pg_type oids) that come back as numbers.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

// libpq messages end with a newline and may run over several lines: one line, trimmed.
std::string OneLine(const char* message) {
  std::string s = message ? message : "";
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

class PostgresDatabase final : public EngineDatabase {
 public:
  explicit PostgresDatabase(const std::string& uri) : EngineDatabase(RedactUri(uri)) {
    conn_ = PQconnectdb(uri.c_str());
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      const std::string why = conn_ ? OneLine(PQerrorMessage(conn_)) : "out of memory";
      PQfinish(conn_);
      conn_ = nullptr;
      throw Error(ErrorCode::kOutput, target(), "cannot connect to PostgreSQL: " + why);
    }
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // "relation exists, skipping"
    Exec("SET client_min_messages = warning", {});
  }
  ~PostgresDatabase() override { PQfinish(conn_); }

  Engine engine() const override { return Engine::kPostgres; }

  void Begin() override { Exec("BEGIN", {}); }
  void Commit() override { Exec("COMMIT", {}); }
  void Rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) Exec("ROLLBACK", {});
  }

 private:
  void Run(const std::string& sql, const Row& params, std::vector<Row>* rows) override {
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) continue;
      if (const auto* n = std::get_if<int64_t>(&v)) {
        text[i] = std::to_string(*n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *d);  // round-trips exactly
        text[i] = buf;
      } else {
        text[i] = std::get<std::string>(v);
      }
      values[i] = text[i].c_str();
    }
    PGresult* res = PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                                 nullptr, nullptr, 0);
    struct Clear {
      PGresult* r;
      ~Clear() { PQclear(r); }
    } clear{res};
    const ExecStatusType status = PQresultStatus(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      std::string why = OneLine(res ? PQresultErrorMessage(res) : PQerrorMessage(conn_));
      if (why.empty()) why = OneLine(PQerrorMessage(conn_));
      throw Error(ErrorCode::kOutput, target(), "PostgreSQL: " + why);
    }
    if (!rows) return;
    const int n = PQntuples(res), cols = PQnfields(res);
    rows->reserve(static_cast<size_t>(n));
    for (int r = 0; r < n; ++r) {
      Row row;
      row.reserve(static_cast<size_t>(cols));
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res, r, c)) {
          row.emplace_back(std::monostate{});
          continue;
        }
        const char* s = PQgetvalue(res, r, c);
        switch (PQftype(res, c)) {
          case kBool:
            row.emplace_back(static_cast<int64_t>(s[0] == 't' ? 1 : 0));
            break;
          case kInt2:
          case kInt4:
          case kInt8:
          case kOid:
            row.emplace_back(static_cast<int64_t>(std::strtoll(s, nullptr, 10)));
            break;
          case kFloat4:
          case kFloat8:
          case kNumeric:
            row.emplace_back(std::strtod(s, nullptr));
            break;
          default:
            row.emplace_back(std::string(s, static_cast<size_t>(PQgetlength(res, r, c))));
        }
      }
      rows->push_back(std::move(row));
    }
  }

  PGconn* conn_ = nullptr;
};

}  // namespace

std::unique_ptr<Database> OpenPostgres(const std::string& uri) { return std::make_unique<PostgresDatabase>(uri); }

}  // namespace jixiao::store
