// `jixiao serve`: the review desk, a local web application over a batch database (docs/DESK.md).
// Pages are rendered on the server (the list) or drawn by desk/assets/desk.js from the API (a
// document); everything is served from the binary, nothing from elsewhere.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace jixiao::desk {

struct ServeOptions {
  std::string db;                  // SQLite file (must exist) or postgresql:// URI
  std::string bind = "127.0.0.1";  // the address to listen on; anything but loopback needs a token
  int port = 8080;                 // 0: a free port
  std::string token;               // "" : a random one
  std::string user;                // `who` of a correction that names nobody
  // A field read below this confidence is flagged for review (as checks' review.low_confidence
  // flags fields for the auditor; the desk shows the same ones in order).
  double review_confidence = 0.9;
  // The largest request body: a correction is a field path, a value and a note.
  size_t max_body_bytes = 64 * 1024;
};

// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
bool IsLoopback(const std::string& host);

class Server {
 public:
  // Opens the database and binds the address. Throws Error: kUsage for a non-loopback address
  // without a token; as exporter::OpenForExport for the database; kOutput when the address
  // cannot be bound.
  explicit Server(ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  const std::string& token() const;
  // http://HOST:PORT/?token=…, the address to open.
  std::string Url() const;
  // Serves until Stop(); returns then.
  void Run();
  // Safe from another thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jixiao::desk
