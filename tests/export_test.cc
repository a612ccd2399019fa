// jixiao export: the rows read from a database (order, types, both engines), the CSV, JSON Lines
// and XLSX writers, errors; and end to end, `jixiao batch` of two samples then `jixiao export`,
// the XLSX converted back to CSV by LibreOffice holding in each cell what `jixiao extract` and
// the samples' truth say. Without soffice (or python3) the XLSX tests skip on a developer machine
// and fail in CI (CI=true).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "batch_testing.h"
#include "core/error.h"
#include "export/export.h"
#include "export/writers.h"

namespace {

using namespace batch_testing;
using jixiao::Error;
using jixiao::ErrorCode;
using jixiao::Lang;
using jixiao::store::Database;
using jixiao::store::Row;
using jixiao::store::Value;
namespace ex = jixiao::exporter;
using Json = nlohmann::json;
using Csv = std::vector<std::vector<std::string>>;

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

bool HasProgram(const std::string& name) { return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0; }

// The tools the XLSX checks read the workbook with: skip without them, but fail in CI.
#define REQUIRE_PROGRAM(name)                                                                  \
  do {                                                                                         \
    if (!HasProgram(name)) {                                                                   \
      if (InCi()) FAIL() << name << " is missing (scripts/setup.sh installs it)";              \
      GTEST_SKIP() << name << " is missing (scripts/setup.sh installs it)";                    \
    }                                                                                          \
  } while (0)

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs a shell command; its standard output, or nullopt when it fails.
std::optional<std::string> Shell(const std::string& cmd) {
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return std::nullopt;
  std::string out;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  return ::pclose(p) == 0 ? std::optional<std::string>(out) : std::nullopt;
}

// One member of a zip (an XLSX part), read by python3's zipfile.
std::string ZipMember(const std::string& zip, const std::string& member) {
  const auto out = Shell("python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])"
                         ".decode())' " + Quote(zip) + " " + Quote(member));
  return out.value_or("");
}

// RFC 4180: records of fields; quoted fields may hold commas, "" and line breaks.
Csv ParseCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Csv rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    any = true;
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field += c;
    }
  }
  if (any) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// The column of a header, -1 when absent.
int Col(const Csv& csv, const std::string& header) {
  if (csv.empty()) return -1;
  const auto it = std::find(csv[0].begin(), csv[0].end(), header);
  return it == csv[0].end() ? -1 : static_cast<int>(it - csv[0].begin());
}

// ---- A database made by hand: every kind of awkward value, rows written out of order ----

// Fills `db` (either engine) with three documents: "b/second.pdf" first, then "a/first.pdf"
// (two projects written idx 2 then 1, indicators seq 1 then 0, a second path), then a failed one.
void FillFixture(Database& db) {
  auto doc = [&](const char* sha, const char* path, const char* status, Value year, const char* dept, Value draft) {
    return db.InsertReturningId(
        "INSERT INTO documents (sha256, path, status, extractor_version, imported_at, year, department, draft, pages, "
        "title) VALUES ($1, $2, $3, 'test', '2024-01-01T00:00:00Z', $4, $5, $6, $7, $8) RETURNING id",
        {sha ? Value{std::string(sha)} : Value{}, std::string(path), std::string(status), year,
         dept ? Value{std::string(dept)} : Value{}, draft, sha ? Value{int64_t{9}} : Value{},
         sha ? Value{std::string("绩效文本")} : Value{}});
  };
  auto project = [&](int64_t d, int64_t idx, const std::string& code, const std::string& name, Value total) {
    return db.InsertReturningId(
        "INSERT INTO projects (document_id, idx, project_code, project_name, unit_code, money_unit, budget_total, "
        "budget_fiscal, budget_other, purpose, schedule_mar, schedule_jun, schedule_oct, schedule_dec, goals, "
        "attributes, pages) VALUES ($1, $2, $3, $4, '207001', '万元', $5, $6, NULL, $7, 25, 50, NULL, 100, $8, $9, "
        "$10) RETURNING id",
        {d, idx, code, name, total, total, std::string("用途第一行\n第二行"),
         std::string(R"(["第一，目标","second, \"goal\""])"), std::string(R"({"项目性质":"经常性项目","权重":"10"})"),
         std::string("[3,4]")});
  };
  auto indicator = [&](int64_t d, int64_t p, int64_t seq, const std::string& level3, const std::string& value,
                       const std::string& kind, Value op, Value number, Value upper, Value unit, Value date) {
    db.Exec(
        "INSERT INTO indicators (document_id, project_id, seq, level1, level2, level3, description, value_raw, basis, "
        "kind, op, number, upper, unit, date) VALUES ($1, $2, $3, '产出指标', '数量指标', $4, $5, $6, NULL, $7, $8, $9, "
        "$10, $11, $12)",
        {d, p, seq, level3, std::string("描述, 带逗号和\"引号\""), value, kind, op, number, upper, unit, date});
  };
  const int64_t b = doc("bbbb", "b/second.pdf", "imported", int64_t{2022}, "乙局", int64_t{0});
  const int64_t pb = project(b, 1, "B-1", "乙项目", 10.0);
  indicator(b, pb, 0, "完成时间", "12月底前", "date", std::string("<="), Value{}, Value{}, Value{}, std::string("--12"));
  db.Exec("INSERT INTO warnings (document_id, page, code, message) VALUES ($1, 2, 'page.ocr_review', '复核：第2页')", {b});

  const int64_t a = doc("aaaa", "a/first.pdf", "imported", int64_t{2021}, "甲局", int64_t{1});
  db.Exec("INSERT INTO document_paths (document_id, path) VALUES ($1, 'a/first.pdf')", {a});
  db.Exec("INSERT INTO document_paths (document_id, path) VALUES ($1, 'z/copy.pdf')", {a});
  const int64_t a2 = project(a, 2, "A-2", "甲项目二", 7.25);
  const int64_t a1 = project(a, 1, "A-1", "名称,带\"引号\"", 100.5);
  indicator(a, a1, 1, "达标率", "90%-100%", "numeric", std::string("range"), 90.0, 100.0, std::string("%"), Value{});
  indicator(a, a1, 0, "受益人数", "=6405 人", "numeric", std::string("="), 6405.0, Value{}, std::string("人"), Value{});
  indicator(a, a2, 0, "效果", "有效提高", "text", Value{}, Value{}, Value{}, Value{}, Value{});
  db.Exec(
      "INSERT INTO findings (document_id, project_idx, project_code, rule, severity, page, fields, message) VALUES "
      "($1, 1, 'A-1', 'budget.sum', 'error', 3, '[\"budget.total\",\"budget.fiscal\"]', '预算数不等于, \"合计\"')",
      {a});
  db.Exec(
      "INSERT INTO findings (document_id, project_idx, project_code, rule, severity, page, fields, message) VALUES "
      "($1, NULL, NULL, 'document.year', 'info', NULL, '[]', '没有年度')",
      {a});
  doc(nullptr, "c/bad.pdf", "failed", Value{}, nullptr, Value{});
  db.Exec("UPDATE documents SET error = 'c/bad.pdf: damaged or truncated PDF', error_code = 65 WHERE path = 'c/bad.pdf'");
}

class ExportFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("jixiao-export-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_path_ = P("fixture.sqlite");
    db_ = Database::Open(db_path_);
    FillFixture(*db_);
  }
  void TearDown() override {
    db_.reset();
    if (!HasFailure()) fs::remove_all(dir_);
  }
  std::string P(const std::string& name) const { return (dir_ / name).string(); }
  ex::Table Read(const std::string& name) { return ex::ReadTables(*db_, {name}).at(0); }
  // The files in the folder, but the database.
  std::vector<std::string> Files() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path().filename().string().rfind("fixture.sqlite", 0) != 0) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
  std::string db_path_;
  std::unique_ptr<Database> db_;
};

TEST_F(ExportFixture, RowsInDocumentProjectIndicatorOrder) {
  const ex::Table t = Read("indicators");
  ASSERT_EQ(t.rows.size(), 4u);
  std::vector<std::string> order;
  for (const Row& r : t.rows) order.push_back(ex::CellText(r[2], t.columns[2]) + " " + ex::CellText(r[3], t.columns[3]) +
                                              " " + ex::CellText(r[8], t.columns[8]));
  EXPECT_EQ(order, (std::vector<std::string>{"a/first.pdf 1 受益人数", "a/first.pdf 1 达标率", "a/first.pdf 2 效果",
                                             "b/second.pdf 1 完成时间"}));
  const ex::Table projects = Read("projects");
  ASSERT_EQ(projects.rows.size(), 3u);
  EXPECT_EQ(std::get<std::string>(projects.rows[0][4]), "A-1");
  EXPECT_EQ(std::get<std::string>(projects.rows[1][4]), "A-2");
  EXPECT_EQ(std::get<std::string>(projects.rows[2][4]), "B-1");
  const ex::Table documents = Read("documents");
  ASSERT_EQ(documents.rows.size(), 3u);
  EXPECT_EQ(std::get<std::string>(documents.rows[0][0]), "a/first.pdf");
  EXPECT_EQ(std::get<std::string>(documents.rows[2][0]), "c/bad.pdf");
  // Whole-document findings come before a project's.
  const ex::Table findings = Read("findings");
  ASSERT_EQ(findings.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(findings.rows[0][6]), "document.year");
  EXPECT_EQ(std::get<std::string>(findings.rows[1][5]), "名称,带\"引号\"") << "the project's name joined in";
}

TEST_F(ExportFixture, CellsAreTyped) {
  const ex::Table t = Read("indicators");
  const Row& r = t.rows[1];  // 90%-100%
  EXPECT_EQ(std::get<int64_t>(r[0]), 2021);
  EXPECT_EQ(std::get<double>(r[12]), 90.0);
  EXPECT_EQ(std::get<double>(r[13]), 100.0);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(t.rows[0][13])) << "no upper: NULL";
  const ex::Table documents = Read("documents");
  EXPECT_EQ(ex::CellText(documents.rows[0][15], documents.columns[15]), "z/copy.pdf") << "other paths";
  EXPECT_EQ(ex::CellText(documents.rows[1][15], documents.columns[15]), "");
  EXPECT_EQ(std::get<int64_t>(documents.rows[0][11]), 2) << "projects counted";
  EXPECT_EQ(std::get<int64_t>(documents.rows[0][12]), 3) << "indicators counted";
  const ex::Table projects = Read("projects");
  const auto col = [&](const char* key) {
    for (size_t c = 0; c < projects.columns.size(); ++c)
      if (std::string(projects.columns[c].key) == key) return c;
    return size_t{999};
  };
  EXPECT_EQ(ex::CellText(projects.rows[0][col("goals")], projects.columns[col("goals")]), "第一，目标\nsecond, \"goal\"");
  EXPECT_EQ(ex::CellText(projects.rows[0][col("pages")], projects.columns[col("pages")]), "3, 4");
  EXPECT_EQ(ex::CellText(projects.rows[0][col("attributes")], projects.columns[col("attributes")]),
            "项目性质：经常性项目\n权重：10");
  EXPECT_EQ(ex::CellText(projects.rows[0][col("budget_total")], projects.columns[col("budget_total")]), "100.5");
}

TEST_F(ExportFixture, CsvHasBomQuotingAndChinese) {
  const std::string csv = ex::CsvText(Read("indicators"), Lang::kEn);
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3),
            "year,department,document,project_index,project_code,project_name,level1,level2,level3,"
            "description,value,"
            "op,number,upper,unit,basis,kind,reference,date,qualifier,seq,corrected");
  EXPECT_NE(
      csv.find("\r\n2021,甲局,a/first.pdf,1,A-1,\"名称,带\"\"引号\"\"\",产出指标,数量指标,受益人数,"
               "\"描述, 带逗号和\"\"引号\"\"\",=6405 人,=,6405,,人,,numeric,,,,0,\r\n"),
      std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",90%-100%,range,90,100,%,"), std::string::npos) << csv;
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  const Csv rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 5u);
  for (const auto& r : rows) EXPECT_EQ(r.size(), 22u);
  EXPECT_EQ(rows[1][5], "名称,带\"引号\"");
  // A line break inside a field stays inside its quotes.
  const Csv projects = ParseCsv(ex::CsvText(Read("projects"), Lang::kZh));
  ASSERT_EQ(projects.size(), 4u);
  EXPECT_EQ(projects[0][0], "年度");
  EXPECT_EQ(projects[1][Col(projects, "绩效目标")], "第一，目标\nsecond, \"goal\"");
  EXPECT_EQ(projects[1][Col(projects, "资金用途")], "用途第一行\n第二行");
}

TEST_F(ExportFixture, JsonLinesAreTyped) {
  const std::string text = ex::JsonlText(Read("projects"));
  std::vector<Json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
  ASSERT_EQ(lines.size(), 3u);
  const Json& p = lines[0];
  EXPECT_EQ(p["year"], 2021);
  EXPECT_TRUE(p["year"].is_number_integer());
  EXPECT_TRUE(p["budget_total"].is_number_float());
  EXPECT_EQ(p["budget_total"], 100.5);
  EXPECT_TRUE(p["budget_other"].is_null());
  EXPECT_TRUE(p["schedule_oct"].is_null());
  EXPECT_EQ(p["schedule_mar"], 25);
  EXPECT_EQ(p["goals"], Json::array({"第一，目标", "second, \"goal\""}));
  EXPECT_EQ(p["pages"], Json::array({3, 4}));
  EXPECT_EQ(p["attributes"]["项目性质"], "经常性项目");
  EXPECT_EQ(p["project_name"], "名称,带\"引号\"");
  EXPECT_EQ(p["indicators"], 2);
  const std::string docs = ex::JsonlText(Read("documents"));
  const Json first = Json::parse(docs.substr(0, docs.find('\n')));
  EXPECT_EQ(first["draft"], true);
  EXPECT_EQ(first["other_paths"], Json::array({"z/copy.pdf"}));
  const std::string indicators = ex::JsonlText(Read("indicators"));
  const Json indicator = Json::parse(indicators.substr(0, indicators.find('\n')));
  EXPECT_EQ(indicator["number"], 6405);
  EXPECT_TRUE(indicator["number"].is_number_integer()) << "a whole number prints without a fraction";
  EXPECT_TRUE(indicator["basis"].is_null());
}

TEST_F(ExportFixture, XlsxSheetsFrozenFilteredTyped) {
  REQUIRE_PROGRAM("python3");
  const std::string out = P("out.xlsx");
  ex::WriteXlsx(ex::ReadTables(*db_), Lang::kZh, out);
  EXPECT_EQ(Files(), std::vector<std::string>{"out.xlsx"}) << "no temporary file left";
  const std::string workbook = ZipMember(out, "xl/workbook.xml");
  for (const char* sheet : {"指标", "项目", "问题", "文件", "警告"})
    EXPECT_NE(workbook.find(std::string("name=\"") + sheet + "\""), std::string::npos) << sheet << " in " << workbook;
  const std::string sheet = ZipMember(out, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("topLeftCell=\"A2\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:V5\""), std::string::npos) << sheet;
  // M2 (number) is a number cell, not a string; N2 (upper, NULL) and P2 (basis, NULL) are absent.
  EXPECT_NE(sheet.find("<c r=\"M2\"><v>6405</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"A2\"><v>2021</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"K2\" t=\"s\">"), std::string::npos) << "the printed value is text";
  EXPECT_EQ(sheet.find("r=\"N2\""), std::string::npos);
  EXPECT_EQ(sheet.find("r=\"P2\""), std::string::npos);
  EXPECT_NE(sheet.find("<cols>"), std::string::npos) << "column widths set";
  const std::string documents = ZipMember(out, "xl/worksheets/sheet4.xml");
  EXPECT_NE(documents.find("<c r=\"I2\" t=\"b\"><v>1</v></c>"), std::string::npos) << "draft: a boolean";
}

// Control characters, broken UTF-8 and a text longer than a cell holds still make a workbook
// whose parts are well-formed XML.
TEST_F(ExportFixture, XlsxOfAwkwardText) {
  REQUIRE_PROGRAM("python3");
  ex::Table t{"warnings", "警告", {{"code", "代码", ex::ColumnType::kText}, {"message", "说明", ex::ColumnType::kText}}, {}};
  t.rows.push_back({std::string("a\x01b\x1f<&>\""), std::string("bad \xff\xfe bytes \xe4\xb8")});
  t.rows.push_back({std::string(40000, 'x'), std::string(32760, 'y') + "中中中"});  // 32769 bytes
  const std::string out = P("awkward.xlsx");
  ex::WriteXlsx({t}, Lang::kEn, out);
  const auto parsed = Shell("python3 -c 'import sys, zipfile, xml.etree.ElementTree as E; z = zipfile.ZipFile(sys.argv[1]); "
                            "[E.fromstring(z.read(n)) for n in z.namelist() if n.endswith(\".xml\")]; "
                            "print(len(E.fromstring(z.read(\"xl/sharedStrings.xml\")).findall(\".//{*}t\")))' " +
                            Quote(out));
  ASSERT_TRUE(parsed.has_value()) << "every XML part parses";
  EXPECT_EQ(*parsed, "6\n") << "2 headers and 4 texts";
  const std::string strings = ZipMember(out, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("bad \xEF\xBF\xBD\xEF\xBF\xBD bytes \xEF\xBF\xBD"), std::string::npos) << strings.substr(0, 500);
  EXPECT_EQ(strings.find(std::string(32768, 'x')), std::string::npos) << "cut to what a cell holds";
  EXPECT_NE(strings.find(std::string(32767, 'x') + "<"), std::string::npos);
  EXPECT_NE(strings.find(std::string(32760, 'y') + "中中<"), std::string::npos) << "cut between characters";
}

TEST_F(ExportFixture, OutputsAndErrors) {
  ex::ExportOptions o;
  o.format = ex::Format::kCsv;
  o.output = P("all") + "/";
  const ex::ExportResult r = ex::Export(*db_, o);
  ASSERT_EQ(r.files.size(), 5u);
  for (const char* name : {"indicators", "projects", "findings", "documents", "warnings"})
    EXPECT_TRUE(fs::exists(P(std::string("all/") + name + ".csv"))) << name;
  EXPECT_EQ(Slurp(P("all/warnings.csv")).substr(3), "年度,部门,文件,页码,代码,说明\r\n2022,乙局,b/second.pdf,2,page.ocr_review,复核：第2页\r\n");

  o.format = ex::Format::kJsonl;
  o.output = P("projects.jsonl");
  o.tables = {"projects"};
  EXPECT_EQ(ex::Export(*db_, o).rows, (std::vector<std::pair<std::string, size_t>>{{"projects", 3}}));
  EXPECT_EQ(Slurp(P("projects.jsonl")), ex::JsonlText(Read("projects")));

  // A file takes one table; XLSX goes to a file.
  auto code = [&](const ex::ExportOptions& options) {
    try {
      ex::Export(*db_, options);
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::kInternal;
  };
  o.output = P("two.jsonl");
  o.tables = {"projects", "findings"};
  EXPECT_EQ(code(o), ErrorCode::kUsage);
  o.format = ex::Format::kXlsx;
  o.output = P("all");
  o.tables = {};
  EXPECT_EQ(code(o), ErrorCode::kUsage);
  o.output = db_path_;
  EXPECT_EQ(code(o), ErrorCode::kUsage) << "the database is not overwritten";
  // Nowhere to write: nothing left behind.
  o.output = P("missing/out.xlsx");
  EXPECT_EQ(code(o), ErrorCode::kOutput);
  o.format = ex::Format::kCsv;
  o.output = P("missing/out.csv");
  EXPECT_EQ(code(o), ErrorCode::kOutput);
  EXPECT_EQ(Files(), (std::vector<std::string>{"all", "projects.jsonl"}));
}

TEST_F(ExportFixture, DatabaseMustExist) {
  auto code = [](const std::string& target) {
    try {
      ex::OpenForExport(target);
    } catch (const Error& e) {
      EXPECT_EQ(e.file(), target);
      return e.code();
    }
    return ErrorCode::kInternal;
  };
  EXPECT_EQ(code(P("nope.sqlite")), ErrorCode::kNotFound);
  EXPECT_FALSE(fs::exists(P("nope.sqlite"))) << "an export creates no database";
  WriteBytes(P("empty.sqlite"), "");
  EXPECT_EQ(code(P("empty.sqlite")), ErrorCode::kBadInput);
  WriteBytes(P("text.sqlite"), "not a database at all\n");
  EXPECT_EQ(code(P("text.sqlite")), ErrorCode::kBadInput);
  EXPECT_EQ(code(dir_.string()), ErrorCode::kBadInput);
  EXPECT_NE(ex::OpenForExport(db_path_), nullptr);
}

TEST(ExportCells, NumbersPlainAndExact) {
  const ex::Column number{"n", "数", ex::ColumnType::kNumber};
  EXPECT_EQ(ex::CellText(Value{100000.0}, number), "100000");
  EXPECT_EQ(ex::CellText(Value{512.4}, number), "512.4");
  EXPECT_EQ(ex::CellText(Value{-3.0}, number), "-3");
  EXPECT_EQ(ex::CellText(Value{0.1 + 0.2}, number), "0.30000000000000004");
  EXPECT_EQ(ex::CellText(Value{1e-7}, number), "0.0000001");
  EXPECT_EQ(ex::CellText(Value{1e25}, number), "1e+25");
  EXPECT_EQ(ex::CellText(Value{int64_t{2021}}, number), "2021");
  EXPECT_EQ(ex::CellText(Value{}, number), "");
  const ex::Column list{"l", "表", ex::ColumnType::kList, ", "};
  EXPECT_EQ(ex::CellText(Value{std::string("[1, 2.5, \"a\", null]")}, list), "1, 2.5, a, ");
  EXPECT_EQ(ex::CellText(Value{std::string("not json [")}, list), "not json [");
}

TEST(ExportFormats, ByNameAndExtension) {
  EXPECT_EQ(ex::FormatOfPath("a/b.XLSX"), ex::Format::kXlsx);
  EXPECT_EQ(ex::FormatOfPath("b.ndjson"), ex::Format::kJsonl);
  EXPECT_EQ(ex::FormatOfPath("b.csv"), ex::Format::kCsv);
  EXPECT_EQ(ex::FormatOfPath("b.txt"), std::nullopt);
  EXPECT_EQ(ex::FormatOfPath("b"), std::nullopt);
}

// The same rows from PostgreSQL as from SQLite (the queries' ordering, counts and types).
TEST_F(ExportFixture, PostgresGivesTheSameRows) {
  const char* uri = std::getenv("JIXIAO_TEST_PG");
  if (!uri || !*uri) {
    if (InCi()) FAIL() << "JIXIAO_TEST_PG is not set (scripts/test.sh)";
    GTEST_SKIP() << "JIXIAO_TEST_PG is not set: start scripts/pg-test-server.sh";
  }
  const std::string base = uri;
  const std::string name = "jixiao_export_test_" + std::to_string(::getpid());
  auto admin = Database::Open(base);
  admin->Exec("DROP DATABASE IF EXISTS " + name);
  admin->Exec("CREATE DATABASE " + name);
  const size_t query = base.find('?');
  const size_t slash = base.rfind('/', query == std::string::npos ? base.size() : query);
  const std::string target = base.substr(0, slash + 1) + name + (query == std::string::npos ? "" : base.substr(query));
  {
    auto pg = ex::OpenForExport(target);
    FillFixture(*pg);
    const auto a = ex::ReadTables(*db_), b = ex::ReadTables(*pg);
    ASSERT_EQ(a.size(), b.size());
    for (size_t t = 0; t < a.size(); ++t) {
      EXPECT_EQ(ex::CsvText(a[t], Lang::kEn), ex::CsvText(b[t], Lang::kEn)) << a[t].name;
      EXPECT_EQ(ex::JsonlText(a[t]), ex::JsonlText(b[t])) << a[t].name;
    }
  }
  admin->Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

// ---- End to end: jixiao batch, jixiao export, LibreOffice ----

class EndToEnd : public ::testing::Test {
 protected:
  // ctest runs each test in a process of its own: what only some tests need (extract, the
  // LibreOffice conversion) is done on first use.
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("jixiao-export-e2e-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const std::string db = P("x.sqlite");
    batch_ = Jixiao({"batch", Sample("jiaoyu-2021/digital.pdf"), Sample("tianbao-2022/digital.pdf"), "--db", db, "-j", "2"},
                    P("batch.log"));
    xlsx_ = Jixiao({"export", "--db", db, "--format", "xlsx", "-o", P("out.xlsx")}, P("xlsx.log"));
  }
  static void TearDownTestSuite() {
    if (!::testing::UnitTest::GetInstance()->Failed()) fs::remove_all(dir_);
  }
  static std::string P(const std::string& name) { return (dir_ / name).string(); }
  static Csv Sheet(const std::string& name) { return ParseCsv(Slurp(P("lo/out-" + name + ".csv"))); }

  // What `jixiao extract` reads from a sample (discarded JSON when it fails).
  static const Json& Extracted(const std::string& sample) {
    const auto it = extracted_.find(sample);
    if (it != extracted_.end()) return it->second;
    const std::string out = P(sample + ".json");
    Jixiao({"extract", Sample(sample + "/digital.pdf"), "-o", out, "-j", "2"}, P("extract.log"));
    return extracted_[sample] = Json::parse(Slurp(out), nullptr, false);
  }

  // LibreOffice converts every sheet (the 12th filter token, -1) of out.xlsx into
  // lo/out-SHEET.csv, in UTF-8 (76), with a profile of its own.
  static bool Convert() {
    if (!converted_)
      converted_ = std::system(("cd " + Quote(dir_.string()) + " && soffice -env:UserInstallation=" +
                                Quote("file://" + P("soffice-profile")) + " --headless --convert-to " +
                                Quote("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1") +
                                " --outdir lo out.xlsx >soffice.log 2>&1")
                                   .c_str()) == 0;
    return *converted_;
  }

  void SetUp() override {
    ASSERT_EQ(batch_.code, 0) << batch_.err;
    ASSERT_EQ(xlsx_.code, 0) << xlsx_.err;
  }

  void CheckIndicatorSheet();
  void CheckKnownIndicator();
  void CheckProjectAndFindingSheets();
  void CheckCsvEqualsXlsx();

  static inline fs::path dir_;
  static inline RunResult batch_, xlsx_;
  static inline std::map<std::string, Json> extracted_;
  static inline std::optional<bool> converted_;
};

// A member, or null when absent (operator[] of a const json must not be asked for a missing key).
const Json& At(const Json& o, const char* key) {
  static const Json kNull;
  const auto it = o.find(key);
  return it == o.end() ? kNull : *it;
}

std::string Str(const Json& j) { return j.is_string() ? j.get<std::string>() : ""; }

std::string Number(const Json& j) {
  if (!j.is_number()) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", j.get<double>());
  return buf;
}

// Every indicator of both samples, as `jixiao extract` reads it, in its row of the 指标 sheet.
void EndToEnd::CheckIndicatorSheet() {
  const Csv sheet = Sheet("指标");
  ASSERT_FALSE(sheet.empty());
  EXPECT_EQ(xlsx_.err.find("jixiao: export: 104 indicators, 11 projects, 2 findings, 2 documents, 0 warnings"), 0u)
      << xlsx_.err;
  std::vector<std::vector<std::string>> expected;
  // Rows by document path: jiaoyu-2021 sorts before tianbao-2022.
  for (const char* sample : {"jiaoyu-2021", "tianbao-2022"}) {
    const Json& r = Extracted(sample);
    ASSERT_TRUE(r.is_object()) << sample;
    for (const Json& p : r["projects"])
      for (const Json& i : p["indicators"]) {
        const Json& v = At(i, "value_normalized");
        expected.push_back({std::to_string(r["document"]["year"].get<int>()), Str(r["document"]["department"]),
                            Sample(std::string(sample) + "/digital.pdf"), std::to_string(p["index"].get<int>()),
                            Str(p["project_code"]), Str(p["project_name"]), Str(i["level1"]), Str(i["level2"]),
                            Str(i["level3"]), Str(i["description"]), Str(i["value"]), Str(At(v, "op")),
                            Number(At(v, "number")), Number(At(v, "upper")), Str(At(v, "unit")), Str(i["basis"]),
                            Str(At(v, "kind"))});
      }
  }
  ASSERT_EQ(sheet.size(), expected.size() + 1);
  EXPECT_EQ(std::vector<std::string>(sheet[0].begin(), sheet[0].begin() + 17),
            (std::vector<std::string>{"年度", "部门", "文件", "项目序号", "项目编码", "项目名称", "一级指标", "二级指标",
                                      "三级指标", "绩效指标描述", "指标值", "比较", "数值", "上限", "单位",
                                      "指标值确定依据", "类型"}));
  for (size_t i = 0; i < expected.size(); ++i) {
    ASSERT_GE(sheet[i + 1].size(), 17u) << "row " << i + 2;
    EXPECT_EQ(std::vector<std::string>(sheet[i + 1].begin(), sheet[i + 1].begin() + 17), expected[i]) << "row " << i + 2;
  }
}

// A known indicator of samples/jiaoyu-2021 (truth.json): level3, printed value, op, number, unit.
void EndToEnd::CheckKnownIndicator() {
  const Csv sheet = Sheet("指标");
  const Json truth = Json::parse(Slurp(Sample("jiaoyu-2021/truth.json")));
  const Json& p = truth["projects"][0];
  const Json& i = p["indicators"][1];  // 供餐学校数量 ≥42所
  ASSERT_GE(sheet.size(), 3u);
  const auto& row = sheet[2];
  ASSERT_GE(row.size(), 16u);
  EXPECT_EQ(row[Col(sheet, "项目编码")], p["project_code"]);
  EXPECT_EQ(row[Col(sheet, "三级指标")], i["level3"]);
  EXPECT_EQ(row[Col(sheet, "指标值")], i["value"]);
  EXPECT_EQ(row[Col(sheet, "比较")], i["value_normalized"]["op"]);
  EXPECT_EQ(row[Col(sheet, "数值")], Number(i["value_normalized"]["number"]));
  EXPECT_EQ(row[Col(sheet, "单位")], i["value_normalized"]["unit"]);
  EXPECT_EQ(row[Col(sheet, "指标值确定依据")], i["basis"]);
  EXPECT_EQ(row[Col(sheet, "三级指标")], "供餐学校数量");
  EXPECT_EQ(row[Col(sheet, "数值")], "42");
}

void EndToEnd::CheckProjectAndFindingSheets() {
  const Csv projects = Sheet("项目");
  const Json truth = Json::parse(Slurp(Sample("jiaoyu-2021/truth.json")));
  ASSERT_EQ(projects.size(), 12u);
  for (size_t k = 0; k < truth["projects"].size(); ++k) {
    const Json& p = truth["projects"][k];
    const auto& row = projects[k + 1];
    ASSERT_EQ(row.size(), projects[0].size());
    EXPECT_EQ(row[Col(projects, "项目编码")], p["project_code"]);
    EXPECT_EQ(row[Col(projects, "项目名称")], p["project_name"]);
    EXPECT_EQ(row[Col(projects, "预算数")], Number(p["budget"]["total"]));
    EXPECT_EQ(row[Col(projects, "财政资金")], Number(p["budget"]["fiscal"]));
    EXPECT_EQ(row[Col(projects, "其他资金")], Number(p["budget"]["other"]));
    EXPECT_EQ(row[Col(projects, "3月底（%）")], Number(p["schedule"]["mar"]));
    EXPECT_EQ(row[Col(projects, "12月底（%）")], Number(p["schedule"]["dec"]));
    std::string goals;
    for (const Json& g : p["goals"]) {
      if (!goals.empty()) goals += '\n';
      goals += g.get<std::string>();
    }
    EXPECT_EQ(row[Col(projects, "绩效目标")], goals);
    EXPECT_EQ(row[Col(projects, "指标数")], std::to_string(p["indicators"].size()));
  }
  const Csv findings = Sheet("问题");
  size_t expected = 0;
  for (const char* sample : {"jiaoyu-2021", "tianbao-2022"}) expected += At(Extracted(sample), "findings").size();
  ASSERT_EQ(findings.size(), expected + 1);
  const Json& f = At(Extracted("tianbao-2022"), "findings").at(0);
  EXPECT_EQ(findings[1][Col(findings, "规则")], f["rule"]);
  EXPECT_EQ(findings[1][Col(findings, "级别")], f["severity"]);
  EXPECT_EQ(findings[1][Col(findings, "页码")], std::to_string(f["page"].get<int>()));
  EXPECT_EQ(findings[1][Col(findings, "说明")], f["message"]);
  EXPECT_EQ(findings[1][Col(findings, "项目名称")], f["project_name"]);
}

// The CSV export holds what the XLSX holds, cell for cell (as LibreOffice writes it back).
void EndToEnd::CheckCsvEqualsXlsx() {
  const RunResult run = Jixiao({"export", "--db", P("x.sqlite"), "--format", "csv", "-o", P("csv/")}, P("csv.log"));
  ASSERT_EQ(run.code, 0) << run.err;
  for (const auto& [table, sheet] : std::map<std::string, std::string>{
           {"indicators", "指标"}, {"projects", "项目"}, {"findings", "问题"}, {"warnings", "警告"}}) {
    const std::string csv = Slurp(P("csv/" + table + ".csv"));
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << table;
    EXPECT_EQ(ParseCsv(csv), Sheet(sheet)) << table;
  }
}

// The XLSX read back by LibreOffice: one test, as the conversion is what takes the time.
TEST_F(EndToEnd, LibreOfficeReadsBackTheXlsx) {
  REQUIRE_PROGRAM("soffice");
  ASSERT_TRUE(Convert()) << Slurp(P("soffice.log"));
  {
    SCOPED_TRACE("every indicator in its row of 指标");
    CheckIndicatorSheet();
  }
  {
    SCOPED_TRACE("a known indicator of the truth");
    CheckKnownIndicator();
  }
  {
    SCOPED_TRACE("项目 and 问题");
    CheckProjectAndFindingSheets();
  }
  {
    SCOPED_TRACE("the CSV export equals the sheets");
    CheckCsvEqualsXlsx();
  }
}

TEST_F(EndToEnd, XlsxHeaderFrozenAndFiltered) {
  REQUIRE_PROGRAM("python3");
  const std::string sheet = ZipMember(P("out.xlsx"), "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:V105\""), std::string::npos) << sheet.substr(0, 2000);
}

TEST_F(EndToEnd, JsonLinesHoldTypedIndicators) {
  const RunResult jsonl = Jixiao({"export", "--db", P("x.sqlite"), "-o", P("indicators.jsonl")}, P("jsonl.log"));
  ASSERT_EQ(jsonl.code, 0) << jsonl.err;
  std::istringstream in(Slurp(P("indicators.jsonl")));
  std::vector<Json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
  ASSERT_EQ(lines.size(), 104u);
  const Json& first = At(Extracted("jiaoyu-2021"), "projects").at(0).at("indicators").at(0);
  EXPECT_EQ(lines[0]["level3"], first["level3"]);
  EXPECT_EQ(lines[0]["value"], first["value"]);
  EXPECT_EQ(lines[0]["number"], first["value_normalized"]["number"]);
  EXPECT_TRUE(lines[0]["number"].is_number());
  EXPECT_TRUE(lines[0]["upper"].is_null());
  EXPECT_EQ(lines[0]["year"], 2021);
}

TEST_F(EndToEnd, CommandLineErrors) {
  const std::string missing = P("nope.sqlite");
  RunResult r = Jixiao({"export", "--db", missing, "-o", P("nope.xlsx")}, P("err.log"));
  EXPECT_EQ(r.code, 66);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_FALSE(fs::exists(P("nope.xlsx")));
  r = Jixiao({"export", "--db", P("x.sqlite"), "-o", P("no/such/dir/out.xlsx")}, P("err.log"));
  EXPECT_EQ(r.code, 73);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  r = Jixiao({"export", "--db", P("x.sqlite"), "-o", P("out.txt")}, P("err.log"));
  EXPECT_EQ(r.code, 64) << r.err;
  r = Jixiao({"export", "--db", P("x.sqlite"), "-o", P("out.csv"), "--table", "projects", "--table", "findings"},
             P("err.log"));
  EXPECT_EQ(r.code, 64) << r.err;
  EXPECT_FALSE(fs::exists(P("out.csv")));
}

}  // namespace
