// The review desk (`jixiao serve`, desk/server.h) served in-process over a database of one
// digital sample imported twice (under a hostile file name, and as a copy that is then moved
// away), and `jixiao review` of one scanned page. The browser test is
// tests/browser/desk_browser_test.mjs.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
#include <thread>

#include "batch/batch.h"
#include "desk/html.h"
#include "desk/server.h"
#include "export/export.h"
#include "export/tables.h"
#include "extract/document.h"
#include "store/corrections.h"
#include "store/database.h"
#include "store/writer.h"

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr const char* kToken = "desk-test-token";
const std::string kHostileName = "<img src=x onerror=alert(1)>.pdf";

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class DeskTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("jixiao-desk-test-" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    const std::string sample =
        ReadAll(fs::path(JIXIAO_SOURCE_DIR) / "samples/tianbao-2022/digital.pdf");
    // The same pages twice, as two documents: a PDF reader ignores what follows %%EOF, the
    // sha256 does not.
    std::ofstream(*dir_ / kHostileName, std::ios::binary) << sample;
    std::ofstream(*dir_ / "moved.pdf", std::ios::binary) << sample << "\n% a second copy\n";
    db_path_ = new std::string((*dir_ / "desk.sqlite").string());
    {
      auto db = jixiao::store::Database::Open(*db_path_);
      jixiao::batch::BatchOptions options;
      options.jobs = 2;
      const auto summary =
          jixiao::batch::RunBatch({(*dir_ / kHostileName).string(), (*dir_ / "moved.pdf").string()},
                                  *db, options, [](const jixiao::batch::Event&) {});
      ASSERT_EQ(summary.imported, 2);
    }
    fs::rename(*dir_ / "moved.pdf", *dir_ / "moved-away.pdf");
    jixiao::desk::ServeOptions options;
    options.db = *db_path_;
    options.port = 0;
    options.token = kToken;
    options.user = "tester";
    server_ = new jixiao::desk::Server(options);
    thread_ = new std::thread([] { server_->Run(); });
  }

  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    fs::remove_all(*dir_);
    delete dir_;
    delete db_path_;
  }

  static httplib::Client Client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_connection_timeout(10);
    c.set_read_timeout(30);
    return c;
  }
  static httplib::Headers Auth() { return {{"Authorization", std::string("Bearer ") + kToken}}; }

  // The id of the document imported from `name` (its first path).
  static int64_t IdOf(const std::string& name) {
    auto c = Client();
    const auto r = c.Get("/api/documents", Auth());
    if (!r || r->status != 200) return 0;
    for (const Json& d : Json::parse(r->body))
      if (fs::path(d["path"].get<std::string>()).filename() == name) return d["id"].get<int64_t>();
    return 0;
  }

  static httplib::Result Correct(httplib::Client& c, int64_t id, const Json& body) {
    return c.Post(("/api/documents/" + std::to_string(id) + "/corrections").c_str(), Auth(),
                  body.dump(), "application/json");
  }

  static fs::path* dir_;
  static std::string* db_path_;
  static jixiao::desk::Server* server_;
  static std::thread* thread_;
};

fs::path* DeskTest::dir_ = nullptr;
std::string* DeskTest::db_path_ = nullptr;
jixiao::desk::Server* DeskTest::server_ = nullptr;
std::thread* DeskTest::thread_ = nullptr;

TEST_F(DeskTest, EveryRequestNeedsTheToken) {
  auto c = Client();
  auto r = c.Get("/api/documents");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  r = c.Get("/");
  EXPECT_EQ(r->status, 401);
  r = c.Get("/api/documents", {{"Authorization", "Bearer not-the-token"}});
  EXPECT_EQ(r->status, 403);
  r = c.Get("/?token=not-the-token");
  EXPECT_EQ(r->status, 403);
  r = c.Get("/api/documents", Auth());
  EXPECT_EQ(r->status, 200);
  // The token in the first address sets a cookie that the next requests carry.
  r = c.Get((std::string("/?token=") + kToken).c_str());
  ASSERT_EQ(r->status, 200);
  const std::string cookie = r->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find(std::string("jixiao_token=") + kToken), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  r = c.Get("/static/desk.js", {{"Cookie", std::string("jixiao_token=") + kToken}});
  EXPECT_EQ(r->status, 200);
}

TEST_F(DeskTest, WritesNeedTheTokenHeaderAndThisOrigin) {
  const int64_t id = IdOf(kHostileName);
  ASSERT_GT(id, 0);
  auto c = Client();
  const std::string body = Json{{"field", "projects[0].purpose"}, {"value", "x"}}.dump();
  const std::string url = "/api/documents/" + std::to_string(id) + "/corrections";
  // A page of another site can make the browser send the cookie, not the header.
  auto r = c.Post(url.c_str(), {{"Cookie", std::string("jixiao_token=") + kToken}}, body,
                  "application/json");
  EXPECT_EQ(r->status, 403);
  httplib::Headers other = Auth();
  other.emplace("Origin", "http://evil.example");
  r = c.Post(url.c_str(), other, body, "application/json");
  EXPECT_EQ(r->status, 403);
  r = c.Post(url.c_str(), Auth(), body, "text/plain");
  EXPECT_EQ(r->status, 415);
  // Request sizes are bounded.
  r = c.Post(url.c_str(), Auth(), std::string(200 * 1024, ' '), "application/json");
  EXPECT_EQ(r->status, 413);
}

TEST_F(DeskTest, AnotherAddressThanLoopbackNeedsAToken) {
  jixiao::desk::ServeOptions options;
  options.db = *db_path_;
  options.bind = "0.0.0.0";
  options.port = 0;
  try {
    jixiao::desk::Server s(options);
    FAIL() << "served on 0.0.0.0 without a token";
  } catch (const jixiao::Error& e) {
    EXPECT_EQ(e.code(), jixiao::ErrorCode::kUsage);
  }
  EXPECT_TRUE(jixiao::desk::IsLoopback("127.0.0.1"));
  EXPECT_TRUE(jixiao::desk::IsLoopback("::1"));
  EXPECT_FALSE(jixiao::desk::IsLoopback("192.168.1.2"));
}

// A stop that comes before the server's loop is up (a signal at start, a caller that is done at
// once) still ends Run(), and a stop before Run() makes Run() return at once.
TEST_F(DeskTest, StopRightAfterStartEndsTheServer) {
  for (int i = 0; i < 20; ++i) {
    jixiao::desk::ServeOptions options;
    options.db = *db_path_;
    options.port = 0;
    jixiao::desk::Server s(options);
    std::thread t([&s] { s.Run(); });
    if (i % 2) std::this_thread::yield();
    s.Stop();
    t.join();
  }
  jixiao::desk::ServeOptions options;
  options.db = *db_path_;
  options.port = 0;
  jixiao::desk::Server s(options);
  s.Stop();
  s.Run();
}

TEST_F(DeskTest, AHostileFileNameShowsAsText) {
  auto c = Client();
  const auto list = c.Get("/", Auth());
  ASSERT_EQ(list->status, 200);
  EXPECT_EQ(list->body.find("<img src=x"), std::string::npos);
  EXPECT_NE(list->body.find("&lt;img src=x onerror=alert(1)&gt;.pdf"), std::string::npos);
  EXPECT_NE(list->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);

  const int64_t id = IdOf(kHostileName);
  ASSERT_GT(id, 0);
  const auto page = c.Get(("/documents/" + std::to_string(id)).c_str(), Auth());
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(page->body.find("<img src=x"), std::string::npos);
  EXPECT_NE(page->body.find("&lt;img src=x onerror=alert(1)&gt;.pdf"),
            std::string::npos);  // the title

  const auto api = c.Get(("/api/documents/" + std::to_string(id)).c_str(), Auth());
  ASSERT_EQ(api->status, 200);
  const Json doc = Json::parse(api->body);
  EXPECT_EQ(doc["id"], id);
  EXPECT_EQ(fs::path(doc["source"]["path"].get<std::string>()).filename(), kHostileName);
  EXPECT_EQ(doc["projects"].size(), 4u);

  // Only documents of the database, by id: no path is taken from the request.
  EXPECT_EQ(c.Get("/api/documents/999", Auth())->status, 404);
  EXPECT_EQ(c.Get("/api/documents/..%2F..%2Fetc%2Fpasswd", Auth())->status, 404);
}

TEST_F(DeskTest, PagesAreRenderedFromTheStoredSource) {
  auto c = Client();
  const int64_t id = IdOf(kHostileName);
  const auto r = c.Get(("/api/documents/" + std::to_string(id) + "/pages/2.png").c_str(), Auth());
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "image/png");
  const cv::Mat image = cv::imdecode(std::vector<unsigned char>(r->body.begin(), r->body.end()),
                                     cv::IMREAD_UNCHANGED);
  ASSERT_FALSE(image.empty());
  const double dpi = std::stod(r->get_header_value("X-Jixiao-Dpi"));
  // The tianbao form is an A4 page in landscape: 842 × 595 points.
  EXPECT_NEAR(image.cols * 72 / dpi, 842, 3);
  EXPECT_NEAR(image.rows * 72 / dpi, 595, 3);
  EXPECT_EQ(
      c.Get(("/api/documents/" + std::to_string(id) + "/pages/9.png").c_str(), Auth())->status,
      404);
  // The page's ruled table, to draw under the fields' boxes: the form fills most of the page.
  const auto grids =
      c.Get(("/api/documents/" + std::to_string(id) + "/pages/2.json").c_str(), Auth());
  ASSERT_EQ(grids->status, 200);
  const Json g = Json::parse(grids->body)["grids"];
  ASSERT_EQ(g.size(), 1u);
  EXPECT_GT(g[0]["cells"].size(), 40u);
  EXPECT_GT(g[0]["box"][2].get<double>() - g[0]["box"][0].get<double>(), 600);
}

TEST_F(DeskTest, AMovedSourceIsAClear404NamingIt) {
  auto c = Client();
  const int64_t id = IdOf("moved.pdf");
  ASSERT_GT(id, 0);
  const auto r = c.Get(("/api/documents/" + std::to_string(id) + "/pages/1.png").c_str(), Auth());
  ASSERT_EQ(r->status, 404);
  const Json error = Json::parse(r->body);
  EXPECT_NE(error["error"].get<std::string>().find((*dir_ / "moved.pdf").string()),
            std::string::npos)
      << r->body;
  // The records are still there.
  EXPECT_EQ(c.Get(("/api/documents/" + std::to_string(id)).c_str(), Auth())->status, 200);
}

TEST_F(DeskTest, ACorrectionToAFieldThatDoesNotExistIs400) {
  auto c = Client();
  const int64_t id = IdOf(kHostileName);
  for (const char* field :
       {"projects[0].nonesuch", "projects[9].purpose", "projects[0].indicators[99].value",
        "projects[0].goals", "purpose", "projects[0].indicators[0].value_normalized"}) {
    const auto r = Correct(c, id, {{"field", field}, {"value", "1"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << field << ": " << r->body;
    EXPECT_TRUE(Json::parse(r->body).contains("error"));
  }
  const auto r = Correct(c, id, {{"field", "projects[0].budget.total"}, {"value", "many"}});
  EXPECT_EQ(r->status, 400) << "a number field takes a number";
  EXPECT_EQ(Correct(c, id, {{"value", "1"}})->status, 400);
  EXPECT_EQ(Correct(c, 999, {{"field", "projects[0].purpose"}, {"value", "1"}})->status, 404);
}

TEST_F(DeskTest, ACorrectionIsShownExportedAndKeptByForce) {
  auto c = Client();
  const int64_t id = IdOf(kHostileName);
  const std::string field = "projects[1].indicators[2].value";
  auto r =
      Correct(c, id, {{"field", field}, {"value", "≥75%"}, {"note", "印刷值"}, {"who", "审计员"}});
  ASSERT_EQ(r->status, 201) << r->body;
  const Json saved = Json::parse(r->body);
  EXPECT_EQ(saved["new"], "≥75%");
  EXPECT_EQ(saved["who"], "审计员");
  const std::string old_value = saved["old"].get<std::string>();

  // The document shows it, marked, with its typed value following it.
  const Json doc =
      Json::parse(c.Get(("/api/documents/" + std::to_string(id)).c_str(), Auth())->body);
  const Json& row = doc["projects"][1]["indicators"][2];
  EXPECT_EQ(row["value"], "≥75%");
  EXPECT_EQ(row["value_normalized"]["op"], ">=");
  EXPECT_EQ(row["value_normalized"]["number"], 75);
  EXPECT_EQ(doc["projects"][1]["provenance"]["indicators[2].value"]["correction"]["old"],
            old_value);
  EXPECT_EQ(doc["corrections"][0]["field"], field);

  // The export writes the corrected value and says so.
  auto db = jixiao::exporter::OpenForExport(*db_path_);
  bool seen = false;
  for (const auto& t : jixiao::exporter::ReadTables(*db, {"indicators"}))
    for (const auto& cells : t.rows) {
      const auto text = [&](const char* key) {
        for (size_t i = 0; i < t.columns.size(); ++i)
          if (std::string(t.columns[i].key) == key)
            return jixiao::exporter::CellText(cells[i], t.columns[i]);
        return std::string();
      };
      if (fs::path(text("document")).filename() != kHostileName || text("project_index") != "2" ||
          text("seq") != "2")
        continue;
      seen = true;
      EXPECT_EQ(text("value"), "≥75%");
      EXPECT_EQ(text("number"), "75");
      EXPECT_EQ(text("corrected"), "value");
    }
  EXPECT_TRUE(seen);

  // Re-importing the bytes (batch --force) keeps the correction, and says when the extraction
  // under it changed.
  const auto stored = db->Query("SELECT sha256, result_json FROM documents WHERE id = $1", {id});
  jixiao::store::ExtractedDocument again;
  again.path = (*dir_ / kHostileName).string();
  again.sha256 = std::get<std::string>(stored[0][0]);
  again.result = Json::parse(std::get<std::string>(stored[0][1]));
  auto writer = jixiao::store::Database::Open(*db_path_);
  jixiao::store::WriteOptions force;
  force.replace = true;
  jixiao::store::Written w = jixiao::store::WriteDocument(*writer, again, force);
  EXPECT_GE(w.corrections, 1);
  EXPECT_TRUE(w.corrections_changed.empty());
  again.result["projects"][1]["indicators"][2]["value"] = "≥70%";  // read otherwise this time
  w = jixiao::store::WriteDocument(*writer, again, force);
  EXPECT_EQ(w.corrections_changed, std::vector<std::string>{field});
  const auto corrected = jixiao::store::CorrectedJson(*writer, w.id);
  ASSERT_TRUE(corrected);
  EXPECT_EQ((*corrected)["projects"][1]["indicators"][2]["value"], "≥75%");
}

TEST_F(DeskTest, ConcurrentCorrectionsFromTwoClientsAreAllKeptInOrder) {
  const int64_t id = IdOf("moved.pdf");
  ASSERT_GT(id, 0);
  const std::string field = "projects[0].purpose";
  constexpr int kEach = 8;
  std::vector<int> statuses[2];
  std::vector<std::thread> clients;
  for (int k = 0; k < 2; ++k)
    clients.emplace_back([&, k] {
      auto c = Client();
      for (int i = 0; i < kEach; ++i) {
        const auto r =
            Correct(c, id,
                    {{"field", field},
                     {"value", "client " + std::to_string(k) + " #" + std::to_string(i)}});
        statuses[k].push_back(r ? r->status : 0);
      }
    });
  for (auto& t : clients) t.join();
  for (const auto& s : statuses) EXPECT_EQ(s, std::vector<int>(kEach, 201));
  // Each correction's old value is the one saved just before it: none was lost or interleaved.
  auto db = jixiao::store::Database::Open(*db_path_);
  const auto sha = db->Query("SELECT sha256 FROM documents WHERE id = $1", {id});
  std::vector<jixiao::store::Correction> history;
  for (const auto& h : jixiao::store::CorrectionsOf(*db, std::get<std::string>(sha[0][0])))
    if (h.field == field) history.push_back(h);
  ASSERT_EQ(history.size(), 2u * kEach);
  for (size_t i = 1; i < history.size(); ++i)
    EXPECT_EQ(history[i].old_value, history[i - 1].new_value) << i;
  auto c = Client();
  const Json doc =
      Json::parse(c.Get(("/api/documents/" + std::to_string(id)).c_str(), Auth())->body);
  EXPECT_EQ(doc["projects"][0]["purpose"], *history.back().new_value);
  // Re-imported as read before, the field corrected many times reports no change under it.
  const auto stored = db->Query("SELECT path, result_json FROM documents WHERE id = $1", {id});
  jixiao::store::ExtractedDocument again;
  again.path = std::get<std::string>(stored[0][0]);
  again.sha256 = std::get<std::string>(sha[0][0]);
  again.result = Json::parse(std::get<std::string>(stored[0][1]));
  jixiao::store::WriteOptions force;
  force.replace = true;
  const jixiao::store::Written w = jixiao::store::WriteDocument(*db, again, force);
  EXPECT_EQ(w.corrections, 1);
  EXPECT_TRUE(w.corrections_changed.empty());
}

TEST(DeskHtml, EscapesTextAndScriptData) {
  EXPECT_EQ(jixiao::desk::HtmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  const std::string data = jixiao::desk::ScriptJson(Json{{"t", "</script><!--"}});
  EXPECT_EQ(data.find('<'), std::string::npos);
  EXPECT_EQ(Json::parse(data)["t"], "</script><!--");
  EXPECT_EQ(jixiao::desk::Base64("jixiao"), "aml4aWFv");
  EXPECT_EQ(jixiao::desk::Base64("ji"), "amk=");
}

// `jixiao review` of one scanned page: one file, every record, nothing fetched from elsewhere.
TEST(DeskReview, AScannedPageGivesOneSelfContainedFileWithEveryRecord) {
  const fs::path dir =
      fs::temp_directory_path() / ("jixiao-review-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // Page 5 of the office scan, as the image a scanner gives: one project's form.
  const auto scan = jixiao::Document::Open(std::string(JIXIAO_SOURCE_DIR) +
                                           "/samples/jiaoyu-2021/scan-office.pdf");
  ASSERT_TRUE(cv::imwrite((dir / "page.png").string(), scan.Render(5, 200).gray));
  const std::string out = (dir / "review.html").string();
  const std::string command = std::string(JIXIAO_BINARY) + " review " +
                              (dir / "page.png").string() + " -o " + out + " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  const std::string html = ReadAll(out);
  // Self-contained: the script and style inline, the page as a data: URI, no other address.
  EXPECT_EQ(html.find("src=\"/static"), std::string::npos);
  for (const char* remote : {"src=\"http", "href=\"http", "src=\"//", "href=\"//", "/static/"})
    EXPECT_EQ(html.find(remote), std::string::npos) << remote;
  EXPECT_NE(html.find("<script>\n// The document view of the review desk"), std::string::npos);
  EXPECT_NE(html.find("<style>\n/* The review desk's style"), std::string::npos);
  const std::string open = "<script type=\"application/json\" id=\"jixiao-config\">";
  const size_t start = html.find(open);
  ASSERT_NE(start, std::string::npos);
  const size_t end = html.find("</script>", start);
  const Json config = Json::parse(html.substr(start + open.size(), end - start - open.size()));
  EXPECT_EQ(config["mode"], "review");
  ASSERT_EQ(config["pages"].size(), 1u);
  EXPECT_EQ(config["pages"][0]["src"].get<std::string>().rfind("data:image/png;base64,", 0), 0u);
  EXPECT_TRUE(config["pages"][0]["grids"].is_array());
  // Every record of the page: its one project, with its indicator rows and where each was read.
  const Json truth =
      Json::parse(ReadAll(std::string(JIXIAO_SOURCE_DIR) + "/samples/jiaoyu-2021/truth.json"));
  const Json& projects = config["document"]["projects"];
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0]["project_code"], truth["projects"][0]["project_code"]);
  EXPECT_EQ(projects[0]["indicators"].size(), truth["projects"][0]["indicators"].size());
  EXPECT_FALSE(projects[0]["provenance"].empty());
  fs::remove_all(dir);
}

}  // namespace
