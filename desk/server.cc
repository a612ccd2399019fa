#include "desk/server.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "core/error.h"
#include "desk/assets.h"
#include "desk/html.h"
#include "desk/pages.h"
#include "export/export.h"
#include "store/corrections.h"
#include "store/database.h"
#include "store/engines.h"  // RedactUri

namespace jixiao::desk {

namespace {

using Json = nlohmann::ordered_json;
using store::Row;
using store::Value;

constexpr const char* kCookie = "jixiao_token";
// Bytes of randomness in a token made up by the server (hex: twice as many characters).
constexpr int kTokenBytes = 24;
// A document id has at most this many digits (int64_t).
constexpr size_t kMaxIdDigits = 18;

// What every response says to the browser: nothing but this server's own script, style and
// images runs or loads; no framing; no sniffing; no referrer (the token is in the first URL).
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
    "connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

std::string RandomToken() {
  std::random_device random;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (int i = 0; i < kTokenBytes; ++i) {
    const unsigned byte = random() & 0xff;
    token += kHex[byte >> 4];
    token += kHex[byte & 15];
  }
  return token;
}

// Compares without stopping at the first difference, so that the time taken tells nothing.
bool SameToken(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || b.empty()) return false;
  unsigned diff = 0;
  for (size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]);
  return diff == 0;
}

std::string CookieValue(const std::string& header, const std::string& name) {
  size_t at = 0;
  while (at < header.size()) {
    size_t end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(at, end - at);
    part.erase(0, part.find_first_not_of(' '));
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    at = end + 1;
  }
  return "";
}

std::optional<std::string> Text(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return std::nullopt;
}
std::optional<int64_t> Integer(const Value& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  return std::nullopt;
}

void SendJson(httplib::Response& res, const Json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, Json{{"error", message}}, status);
}

int HttpStatus(const Error& e) {
  switch (e.code()) {
    case ErrorCode::kUsage:
    case ErrorCode::kBadInput:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    default:
      return 500;
  }
}

std::optional<int64_t> IdOf(const std::string& digits) {
  if (digits.empty() || digits.size() > kMaxIdDigits) return std::nullopt;
  return std::stoll(digits);
}

}  // namespace

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

struct Server::Impl {
  ServeOptions options;
  std::unique_ptr<store::Database> db;
  std::mutex db_mutex;  // one connection, one request at a time
  httplib::Server http;
  int port = 0;
  // httplib's stop() does nothing until listen has begun, so a Stop() that comes before Run()
  // has reached the accept loop (a test that ends at once, a signal at start) is remembered
  // here and carried out when the loop is up.
  std::mutex run_mutex;
  bool stop_requested = false;
  bool in_run = false;

  std::vector<DocumentRow> Documents() {
    static const std::string sql =
        "SELECT d.id, d.path, d.sha256, d.status, d.error, d.year, d.department, d.title, d.pages, "
        "(SELECT COUNT(*) FROM projects p WHERE p.document_id = d.id), "
        "(SELECT COUNT(*) FROM indicators i WHERE i.document_id = d.id), "
        "(SELECT COUNT(*) FROM findings f WHERE f.document_id = d.id), "
        "(SELECT COUNT(DISTINCT c.field) FROM corrections c WHERE c.sha256 = d.sha256 AND c.action "
        "= 'correct') "
        "FROM documents d ORDER BY d.id";
    std::vector<Row> rows, low, findings;
    {
      std::lock_guard lock(db_mutex);
      rows = db->Query(sql);
      low = db->Query(
          "SELECT v.document_id, p.idx, v.field FROM provenance v JOIN projects p ON p.id = "
          "v.project_id "
          "WHERE v.confidence < $1",
          {options.review_confidence});
      findings = db->Query(
          "SELECT document_id, project_idx, fields FROM findings WHERE project_idx IS NOT NULL");
    }
    // A field is flagged for review when it was read below the review confidence or a finding
    // names it (as the document view's queue counts them).
    std::map<int64_t, std::set<std::pair<int64_t, std::string>>> flagged;
    for (const Row& r : low)
      if (const auto doc = Integer(r[0]), idx = Integer(r[1]); doc && idx)
        flagged[*doc].insert({*idx, Text(r[2]).value_or("")});
    for (const Row& r : findings) {
      const auto doc = Integer(r[0]), idx = Integer(r[1]);
      const Json names = Json::parse(Text(r[2]).value_or("[]"), nullptr, false);
      if (!doc || !idx || !names.is_array()) continue;
      for (const Json& n : names)
        if (n.is_string()) flagged[*doc].insert({*idx, n.get<std::string>()});
    }
    std::vector<DocumentRow> out;
    for (const Row& r : rows) {
      DocumentRow d;
      d.id = Integer(r[0]).value_or(0);
      d.path = Text(r[1]).value_or("");
      d.sha256 = Text(r[2]).value_or("");
      d.status = Text(r[3]).value_or("");
      d.error = Text(r[4]).value_or("");
      d.year = Integer(r[5]);
      d.department = Text(r[6]).value_or("");
      d.title = Text(r[7]).value_or("");
      d.pages = Integer(r[8]);
      d.projects = Integer(r[9]).value_or(0);
      d.indicators = Integer(r[10]).value_or(0);
      d.findings = Integer(r[11]).value_or(0);
      d.corrections = Integer(r[12]).value_or(0);
      d.flagged = static_cast<int64_t>(flagged[d.id].size());
      out.push_back(std::move(d));
    }
    return out;
  }

  // The paths the document was imported from, its first one first.
  std::vector<std::string> Paths(int64_t id, std::string* sha256) {
    std::lock_guard lock(db_mutex);
    const auto rows =
        db->Query("SELECT path, sha256 FROM documents WHERE id = $1 AND status = 'imported'", {id});
    if (rows.empty()) return {};
    *sha256 = Text(rows[0][1]).value_or("");
    std::vector<std::string> paths = {Text(rows[0][0]).value_or("")};
    for (const Row& r :
         db->Query("SELECT path FROM document_paths WHERE document_id = $1 ORDER BY path", {id}))
      if (const auto p = Text(r[0]); p && std::find(paths.begin(), paths.end(), *p) == paths.end())
        paths.push_back(*p);
    return paths;
  }

  // Page `page` of document `id` rendered from the first of its paths that holds it; nullopt
  // after sending the 404 that says why not (no such document or page, the file gone).
  std::optional<PagePng> Page(const std::string& id_digits, const std::string& page_digits,
                              bool with_grids, httplib::Response& res) {
    const auto id = IdOf(id_digits);
    const auto page = IdOf(page_digits);
    std::string sha256;
    const std::vector<std::string> paths = id ? Paths(*id, &sha256) : std::vector<std::string>{};
    if (paths.empty() || !page) {
      SendError(res, 404, "no imported document " + id_digits);
      return std::nullopt;
    }
    std::string gone;
    for (const std::string& path : paths) {
      std::error_code ec;
      if (!std::filesystem::is_regular_file(path, ec)) {
        gone += (gone.empty() ? "" : ", ") + path;
        continue;
      }
      try {
        return RenderPagePng(path, static_cast<int>(*page), kPageDpi, sha256, with_grids);
      } catch (const Error& e) {
        if (e.code() == ErrorCode::kBadInput && e.message().rfind("no page", 0) == 0) {
          SendError(res, 404, e.what());
          return std::nullopt;
        }
        gone += (gone.empty() ? "" : ", ") + path + " (" + e.message() + ")";
      }
    }
    SendError(res, 404, "the source file is gone: " + gone);
    return std::nullopt;
  }

  void Routes();
  bool Authorized(const httplib::Request& req, httplib::Response& res);
};

bool Server::Impl::Authorized(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
  enum class Via { kNone, kHeader, kQuery, kCookie } via = Via::kNone;
  std::string given;
  const std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) {
    given = auth.substr(7);
    via = Via::kHeader;
  } else if (req.has_param("token")) {
    given = req.get_param_value("token");
    via = Via::kQuery;
  } else if (const std::string c = CookieValue(req.get_header_value("Cookie"), kCookie);
             !c.empty()) {
    given = c;
    via = Via::kCookie;
  }
  if (via == Via::kNone) {
    SendError(res, 401, "a token is needed: open the address jixiao serve printed (…/?token=…)");
    res.set_header("WWW-Authenticate", "Bearer");
    return false;
  }
  if (!SameToken(given, options.token)) {
    SendError(res, 403, "wrong token");
    return false;
  }
  if (req.method != "GET" && req.method != "HEAD") {
    // A write needs the token in its own header (a page of another site can send the cookie,
    // not the header) and, when the browser names the page it comes from, this server's.
    if (via != Via::kHeader) {
      SendError(res, 403, "a write needs the token as Authorization: Bearer");
      return false;
    }
    const std::string origin = req.get_header_value("Origin");
    if (!origin.empty() && origin != "http://" + req.get_header_value("Host")) {
      SendError(res, 403, "a write from another origin: " + origin);
      return false;
    }
  }
  if (via == Via::kQuery)
    res.set_header("Set-Cookie", std::string(kCookie) + "=" + options.token +
                                     "; Path=/; HttpOnly; SameSite=Strict");
  return true;
}

void Server::Impl::Routes() {
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return Authorized(req, res) ? httplib::Server::HandlerResponse::Unhandled
                                : httplib::Server::HandlerResponse::Handled;
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        try {
          std::rethrow_exception(ep);
        } catch (const Error& e) {
          SendError(res, HttpStatus(e), e.what());
        } catch (const std::exception& e) {
          SendError(res, 500, e.what());
        }
      });

  http.Get("/static/desk.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(DeskScript()), "text/javascript; charset=utf-8");
  });
  http.Get("/static/desk.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(DeskStyle()), "text/css; charset=utf-8");
  });

  http.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
    ListQuery q;
    q.text = req.get_param_value("q");
    q.status = req.get_param_value("status");
    q.year = req.get_param_value("year");
    if (req.has_param("sort")) q.sort = req.get_param_value("sort");
    q.descending = req.get_param_value("desc") == "1";
    std::vector<DocumentRow> rows = Documents();
    std::erase_if(rows, [&](const DocumentRow& r) {
      if (!q.status.empty() && r.status != q.status) return true;
      if (!q.year.empty() && (!r.year || std::to_string(*r.year) != q.year)) return true;
      if (!q.text.empty() && r.path.find(q.text) == std::string::npos &&
          r.department.find(q.text) == std::string::npos &&
          r.title.find(q.text) == std::string::npos)
        return true;
      return false;
    });
    const auto key = [&](const DocumentRow& r) -> std::pair<int64_t, std::string> {
      if (q.sort == "year") return {r.year.value_or(0), r.path};
      if (q.sort == "department") return {0, r.department + '\n' + r.path};
      if (q.sort == "status") return {0, r.status + '\n' + r.path};
      if (q.sort == "projects") return {r.projects, r.path};
      if (q.sort == "flagged") return {r.flagged, r.path};
      if (q.sort == "findings") return {r.findings, r.path};
      if (q.sort == "corrections") return {r.corrections, r.path};
      return {0, r.path};
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const DocumentRow& a, const DocumentRow& b) {
      return q.descending ? key(b) < key(a) : key(a) < key(b);
    });
    res.set_content(DocumentsPage(rows, q, store::RedactUri(db->target())),
                    "text/html; charset=utf-8");
  });

  http.Get(R"(/documents/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
    const auto id = IdOf(req.matches[1]);
    std::string sha256;
    const std::vector<std::string> paths = id ? Paths(*id, &sha256) : std::vector<std::string>{};
    if (paths.empty())
      return SendError(res, 404, "no imported document " + std::string(req.matches[1]));
    Json config;
    config["mode"] = "desk";
    config["id"] = *id;
    config["token"] = options.token;
    config["review_confidence"] = options.review_confidence;
    res.set_content(
        DocumentPage(std::filesystem::path(paths.front()).filename().string() + " — jixiao desk",
                     config, false),
        "text/html; charset=utf-8");
  });

  http.Get("/api/documents", [this](const httplib::Request&, httplib::Response& res) {
    Json list = Json::array();
    for (const DocumentRow& r : Documents()) list.push_back(ToJson(r));
    SendJson(res, list);
  });

  http.Get(R"(/api/documents/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
    const auto id = IdOf(req.matches[1]);
    std::optional<Json> doc;
    Json history = Json::array();
    if (id) {
      std::lock_guard lock(db_mutex);
      doc = store::CorrectedJson(*db, *id);
      if (doc && doc->contains("source"))
        for (const store::Correction& c :
             store::CorrectionsOf(*db, (*doc)["source"].value("sha256", "")))
          history.push_back(store::CorrectionJson(c));
    }
    if (!doc) return SendError(res, 404, "no imported document " + std::string(req.matches[1]));
    Json out;
    out["id"] = *id;
    for (auto it = doc->begin(); it != doc->end(); ++it) out[it.key()] = it.value();
    out["correction_history"] = std::move(history);
    SendJson(res, out);
  });

  // A page as PNG, and its ruled tables as JSON (the grid drawn under the fields' boxes).
  http.Get(R"(/api/documents/(\d+)/pages/(\d+)\.(png|json))",
           [this](const httplib::Request& req, httplib::Response& res) {
             const bool json = req.matches[3] == "json";
             const std::optional<PagePng> png = Page(req.matches[1], req.matches[2], json, res);
             if (!png) return;
             res.set_header("X-Jixiao-Dpi", std::to_string(png->dpi));
             if (json)
               SendJson(res, Json{{"dpi", png->dpi}, {"grids", png->grids}});
             else
               res.set_content(png->png, "image/png");
           });

  http.Post(R"(/api/documents/(\d+)/corrections)", [this](const httplib::Request& req,
                                                          httplib::Response& res) {
    const auto id = IdOf(req.matches[1]);
    if (!id) return SendError(res, 404, "no imported document " + std::string(req.matches[1]));
    if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
      return SendError(res, 415, "send the correction as application/json");
    const Json body = Json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("field") ||
        !body["field"].is_string())
      return SendError(
          res, 400,
          "a correction is {\"field\": \"projects[0]…\", \"value\": \"…\", \"note\": \"…\"}");
    store::CorrectionRequest request;
    request.field = body["field"].get<std::string>();
    const std::string action = body.value("action", "correct");
    if (action != "correct" && action != "accept")
      return SendError(res, 400, "action is correct or accept");
    request.action =
        action == "accept" ? store::CorrectionAction::kAccept : store::CorrectionAction::kCorrect;
    if (body.contains("value")) {
      const Json& v = body["value"];
      if (v.is_string())
        request.value = v.get<std::string>();
      else if (v.is_number())
        request.value = v.dump();
      else if (!v.is_null())
        return SendError(res, 400, "value is a string, a number or null");
    } else if (request.action == store::CorrectionAction::kCorrect) {
      return SendError(res, 400, "a correction needs a value");
    }
    if (body.contains("note") && body["note"].is_string())
      request.note = body["note"].get<std::string>();
    request.who =
        body.contains("who") && body["who"].is_string() && !body["who"].get<std::string>().empty()
            ? body["who"].get<std::string>()
            : options.user;
    store::Correction c;
    {
      std::lock_guard lock(db_mutex);
      c = store::AddCorrection(*db, *id, request);
    }
    SendJson(res, store::CorrectionJson(c), 201);
  });
}

Server::Server(ServeOptions options) : impl_(std::make_unique<Impl>()) {
  Impl& s = *impl_;
  s.options = std::move(options);
  if (!IsLoopback(s.options.bind) && s.options.token.empty())
    throw Error(ErrorCode::kUsage, s.options.bind,
                "serving on an address other than loopback needs --token");
  if (s.options.token.empty()) s.options.token = RandomToken();
  if (s.options.user.empty()) s.options.user = "desk";
  s.db = exporter::OpenForExport(s.options.db);
  s.http.set_payload_max_length(s.options.max_body_bytes);
  s.Routes();
  const std::string host = s.options.bind == "localhost" ? "127.0.0.1" : s.options.bind;
  if (s.options.port == 0) {
    s.port = s.http.bind_to_any_port(host);
  } else {
    s.port = s.http.bind_to_port(host, s.options.port) ? s.options.port : -1;
  }
  if (s.port <= 0)
    throw Error(ErrorCode::kOutput, s.options.bind + ":" + std::to_string(s.options.port),
                "cannot listen there");
}

Server::~Server() {
  Stop();
}

int Server::port() const {
  return impl_->port;
}
const std::string& Server::token() const {
  return impl_->options.token;
}

std::string Server::Url() const {
  std::string host = impl_->options.bind;
  if (host.find(':') != std::string::npos && host.front() != '[') host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(impl_->port) + "/?token=" + impl_->options.token;
}

void Server::Run() {
  Impl& s = *impl_;
  {
    std::lock_guard lock(s.run_mutex);
    if (s.stop_requested) return;
    s.in_run = true;
  }
  s.http.listen_after_bind();
  std::lock_guard lock(s.run_mutex);
  s.in_run = false;
}

void Server::Stop() {
  Impl& s = *impl_;
  std::unique_lock lock(s.run_mutex);
  if (s.stop_requested) return;
  s.stop_requested = true;
  // Run() not entered (it will see the request) or already returned.
  if (!s.in_run) return;
  // Run() entered: wait for its loop to be up (or to have ended of itself), then stop it.
  while (s.in_run && !s.http.is_running()) {
    lock.unlock();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    lock.lock();
  }
  if (s.in_run) s.http.stop();
}

}  // namespace jixiao::desk
