// `jixiao check` as a program: exit 0 without error-level findings, 1 with some, 2 when an input
// cannot be read; the table, --json (docs/CONTRACT.md), --lang en, --compare; `extract` carries its
// document's findings.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

struct RunResult {
  int code = -1;
  std::string out, err;
};

class CheckCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jixiao-check-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunResult Run(const std::string& args) {
    const std::string out = (dir_ / "stdout").string(), err = (dir_ / "stderr").string();
    const int status =
        std::system((std::string(JIXIAO_BINARY) + " " + args + " >" + out + " 2>" + err).c_str());
    RunResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }

  static std::string Slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  static std::string Sample(const std::string& name) {
    return std::string(JIXIAO_SOURCE_DIR) + "/samples/" + name;
  }

  // A copy of jiaoyu-2021's truth, changed by `edit`.
  std::string Planted(const std::string& name, const std::function<void(Json&)>& edit) {
    Json j = Json::parse(Slurp(Sample("jiaoyu-2021/truth.json")));
    edit(j);
    const fs::path p = dir_ / name;
    std::ofstream(p) << j.dump();
    return p.string();
  }

  fs::path dir_;
};

TEST_F(CheckCli, ConsistentTruthExitsZero) {
  RunResult r = Run("check " + Sample("jiaoyu-2021/truth.json"));
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("错误 0"), std::string::npos) << r.out;
}

TEST_F(CheckCli, ErrorsExitOneWithJson) {
  const std::string bad =
      Planted("bad.json", [](Json& j) {
        // 512.4 ≠ 500 + 0 (a printed 0: an unread part would be a note, not an error)
        j["projects"][0]["budget"]["fiscal"] = 500.0;
        j["projects"][0]["budget"]["other"] = 0.0;
      });
  RunResult r = Run("check --json " + bad);
  EXPECT_EQ(r.code, 1) << r.err;
  const Json j = Json::parse(r.out);
  ASSERT_TRUE(j.contains("findings"));
  bool found = false;
  for (const Json& f : j["findings"]) {
    for (const char* k : {"rule", "severity", "index", "project_code", "page", "fields", "message"})
      EXPECT_TRUE(f.contains(k)) << k;
    if (f["rule"] == "budget.sum") {
      found = true;
      EXPECT_EQ(f["severity"], "error");
      EXPECT_EQ(f["index"], 1);
      EXPECT_EQ(f["project_code"], "207-0502-JBN-7QX3");
      EXPECT_EQ(f["page"], 5);
      EXPECT_EQ(f["input"], bad);
    }
  }
  EXPECT_TRUE(found) << r.out;
  EXPECT_GE(j["summary"]["error"].get<int>(), 1);

  // The table names the rule and the project; English on request.
  r = Run("check " + bad);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("budget.sum"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("财政资金"), std::string::npos) << r.out;
  r = Run("check --lang en " + bad);
  EXPECT_NE(r.out.find("budget total"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("财政资金"), std::string::npos) << r.out;
}

TEST_F(CheckCli, UnreadableInputExitsTwo) {
  RunResult r = Run("check " + (dir_ / "missing.json").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("missing.json"), std::string::npos);
  std::ofstream(dir_ / "broken.json") << "{\"projects\": [";
  r = Run("check " + (dir_ / "broken.json").string() + " " + Sample("jiaoyu-2021/truth.json"));
  EXPECT_EQ(r.code, 2) << "an unreadable input wins over a clean one";
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  std::ofstream(dir_ / "other.json") << "{\"tables\": []}";
  EXPECT_EQ(Run("check " + (dir_ / "other.json").string()).code, 2);
  EXPECT_EQ(Run("check " + std::string(JIXIAO_SOURCE_DIR) + "/tests/data/no-table.pdf").code, 2);
}

TEST_F(CheckCli, PdfInput) {
  RunResult r = Run("check --json " + Sample("jiaoyu-2021/digital.pdf"));
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(Json::parse(r.out)["findings"].is_array());
}

TEST_F(CheckCli, ExtractCarriesFindings) {
  RunResult r = Run("extract " + Sample("tianbao-2022/digital.pdf"));
  ASSERT_EQ(r.code, 0) << r.err;
  const Json j = Json::parse(r.out);
  ASSERT_TRUE(j.contains("findings"));
  bool missing_value = false;
  for (const Json& f : j["findings"])
    if (f["rule"] == "indicator.missing_value" && f["index"] == 3) missing_value = true;
  EXPECT_TRUE(missing_value) << j["findings"].dump();
}

TEST_F(CheckCli, Compare) {
  const std::string a = Sample("jiaoyu-2021/truth.json");
  const std::string b = Planted("2022.json", [](Json& j) {
    j["document"]["year"] = 2022;
    j["projects"][0]["budget"]["total"] = 530.0;
    j["projects"][0]["budget"]["fiscal"] = 530.0;
    j["projects"][0]["indicators"][0]["value"] = "=6500 人";
    j["projects"][0]["indicators"][0]["value_normalized"]["number"] = 6500;
  });
  RunResult r = Run("check --compare --json " + a + " " + b);
  EXPECT_EQ(r.code, 0) << r.err;
  const Json j = Json::parse(r.out);
  ASSERT_TRUE(j.contains("comparison"));
  EXPECT_EQ(j["comparison"]["documents"], Json::array({"2021", "2022"}));
  int budget = 0, indicator = 0;
  for (const Json& row : j["comparison"]["rows"]) {
    EXPECT_EQ(row["project_code"], "207-0502-JBN-7QX3");
    if (row["field"] == "budget.total") {
      ++budget;
      EXPECT_EQ(row["values"], Json::array({"512.40 万元", "530.00 万元"}));
    }
    if (row["field"] == "indicator") {
      ++indicator;
      EXPECT_EQ(row["values"], Json::array({"=6405 人", "=6500 人"}));
    }
  }
  EXPECT_EQ(budget, 1);
  EXPECT_EQ(indicator, 1);
  r = Run("check --compare " + a + " " + b);
  EXPECT_NE(r.out.find("2022"), std::string::npos);
  EXPECT_NE(r.out.find("530.00 万元"), std::string::npos) << r.out;
}

TEST_F(CheckCli, Usage) {
  EXPECT_EQ(Run("check").code, 64);
  EXPECT_EQ(Run("check --lang fr " + Sample("jiaoyu-2021/truth.json")).code, 64);
}

}  // namespace
