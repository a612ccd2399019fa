// The jixiao program on bad input: one line on stderr naming the file, the documented exit
// code, and no output file left behind.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/line_net_testing.h"

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int code = -1;
  std::string err;
  std::string out;
};

RunResult Jixiao(const std::string& args, const std::string& env = "") {
  const fs::path dir = fs::temp_directory_path() / ("jixiao-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string err = (dir / "stderr").string(), out = (dir / "stdout").string();
  const std::string cmd = env + " " + std::string(JIXIAO_BINARY) + " " + args + " >" + out + " 2>" + err;
  int status = std::system(cmd.c_str());
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const std::string& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  r.err = slurp(err);
  r.out = slurp(out);
  return r;
}

std::string Data(const std::string& name) { return std::string(JIXIAO_SOURCE_DIR) + "/tests/data/" + name; }

int Lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jixiao-bad-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "in");
    fs::create_directories(dir_ / "out");
    out_ = (dir_ / "out" / "out.json").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs extract on `input` and checks the error contract.
  void ExpectError(const std::string& input, int code, const std::string& words) {
    RunResult r = Jixiao("extract '" + input + "' -o '" + out_ + "'");
    EXPECT_EQ(r.code, code) << r.err;
    EXPECT_EQ(Lines(r.err), 1) << r.err;
    EXPECT_NE(r.err.find(input), std::string::npos) << "the message names the file: " << r.err;
    EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out_)) << "no output file on failure";
    for (const auto& e : fs::directory_iterator(dir_ / "out")) ADD_FAILURE() << "left behind: " << e.path();
  }

  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string p = (dir_ / "in" / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

  fs::path dir_;
  std::string out_;
};

TEST_F(BadInput, MissingFile) { ExpectError((dir_ / "in" / "nope.pdf").string(), 66, "no such file"); }
TEST_F(BadInput, EmptyFile) { ExpectError(Write("empty.pdf", ""), 65, "empty file"); }
TEST_F(BadInput, NotAPdf) { ExpectError(Write("notes.pdf", "just some text, not a PDF\n"), 65, "not a PDF"); }
TEST_F(BadInput, Directory) { ExpectError((dir_ / "in").string(), 65, "directory"); }
TEST_F(BadInput, Encrypted) { ExpectError(Data("encrypted.pdf"), 67, "encrypted"); }
TEST_F(BadInput, NoTable) { ExpectError(Data("no-table.pdf"), 68, "no 绩效目标表"); }
TEST_F(BadInput, BlankPage) {
  JIXIAO_NEEDS_LINE_NET();  // an image-only page: read by OCR, which warns without the model
  ExpectError(Data("blank.pdf"), 68, "no 绩效目标表");
}

TEST_F(BadInput, HugePageIsSkippedWithAWarning) {
  RunResult r = Jixiao("extract '" + Data("huge.pdf") + "' -o '" + out_ + "'");
  EXPECT_EQ(r.code, 68) << r.err;
  EXPECT_NE(r.err.find("page 1: page is 20000x20000 pt"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out_));
}

TEST_F(BadInput, TruncatedPdf) {
  std::ifstream in(Data("no-table.pdf"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ExpectError(Write("cut.pdf", bytes.substr(0, 120)), 65, "damaged or truncated");
}

TEST(Cli, OcrWithoutTheSecondRecognizerSaysSo) {
  JIXIAO_NEEDS_LINE_NET();
  // A scanned page read without the second line recognizer's model (a build moved away from
  // its line-net folder) is read less well: the result says so.
  const std::string page = Data("ocr/wrapped_cell.png");
  const std::string missing = "the second OCR line recognizer's model is missing";
  RunResult without = Jixiao("extract '" + page + "'", "JIXIAO_LINE_NET=/nonexistent");
  EXPECT_NE(without.err.find(missing), std::string::npos) << without.err;
  RunResult with = Jixiao("extract '" + page + "'");
  EXPECT_EQ(with.err.find(missing), std::string::npos) << with.err;
  EXPECT_EQ(with.code, without.code);
}

TEST(Cli, TheEnvironmentNamesTheWordList) {
  // JIXIAO_WORD_LIST names the word list the OCR's document pass proposes from; one that
  // cannot be read is said.
  const std::string page = Data("ocr/wrapped_cell.png");
  RunResult r = Jixiao("extract '" + page + "'", "JIXIAO_WORD_LIST=/nonexistent/dict.txt");
  EXPECT_NE(r.err.find("the word list '/nonexistent/dict.txt' cannot be read"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("line recognizer"), std::string::npos) << r.err;
}

TEST(Cli, UsageErrorsExit64) {
  EXPECT_EQ(Jixiao("").code, 64);
  EXPECT_EQ(Jixiao("extract").code, 64);
  EXPECT_EQ(Jixiao("frobnicate x").code, 64);
}

TEST(Cli, NormalizePrintsOneTypedValuePerArgument) {
  RunResult r = Jixiao("normalize '≥95%' '' '按合同规定'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"raw\": \"≥95%\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"kind\": \"empty\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"kind\": \"text\""), std::string::npos) << r.out;
}

}  // namespace
