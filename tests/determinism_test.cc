// Same input, same output: a scanned document extracted with one worker, with two, and with
// two again gives the same bytes. (What a page reads once depended on which pages its worker
// thread had read before it, so that two runs differed in OCR confidences.)
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Empty when `a` and `b` are the same; else the line of each where they first differ (the
// whole files are 100 kB of JSON).
std::string FirstDifference(const std::string& a, const std::string& b) {
  if (a == b) return "";
  size_t at = 0;
  while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
  auto line = [at](const std::string& s) {
    const size_t from = s.rfind('\n', at == 0 ? 0 : at - 1);
    const size_t start = from == std::string::npos ? 0 : from + 1;
    return s.substr(start, s.find('\n', at) - start);
  };
  return "byte " + std::to_string(at) + ": " + line(a) + " | " + line(b);
}

class SameOutput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jixiao-same-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // `jixiao extract INPUT -j JOBS -o NAME`: the output's bytes.
  std::string Extract(const std::string& input, int jobs, const std::string& name) {
    const fs::path out = dir_ / name;
    const std::string cmd = std::string(JIXIAO_BINARY) + " extract '" + input + "' -j " +
                            std::to_string(jobs) + " -o '" + out.string() + "' 2>/dev/null";
    const int status = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd;
    return Slurp(out);
  }

  fs::path dir_;
};

TEST_F(SameOutput, AScanGivesTheSameJsonWhateverTheWorkersAndTheRun) {
  // The first three pages of a scan (the cover and two projects' tables): with two workers, each
  // worker's pages differ from run to run. Three pages rather than the five of the scan keep the
  // test short under the sanitizers.
  const std::string source =
      std::string(JIXIAO_SOURCE_DIR) + "/samples/tianbao-2022/scan-archive.pdf";
  const std::string scan = (dir_ / "scan-archive-1-3.pdf").string();
  const std::string cut = "pdfseparate -f 1 -l 3 '" + source + "' '" +
                          (dir_ / "page-%d.pdf").string() + "' && pdfunite '" +
                          (dir_ / "page-1.pdf").string() + "' '" + (dir_ / "page-2.pdf").string() +
                          "' '" + (dir_ / "page-3.pdf").string() + "' '" + scan + "'";
  ASSERT_EQ(std::system(cut.c_str()), 0) << cut;
  const std::string one = Extract(scan, 1, "j1.json");
  const std::string two = Extract(scan, 2, "j2.json");
  const std::string again = Extract(scan, 2, "j2-again.json");
  ASSERT_NE(one.find("\"projects\""), std::string::npos) << one.substr(0, 200);
  ASSERT_NE(one.find("\"confidence\""), std::string::npos) << "the pages were read by OCR";
  EXPECT_EQ(FirstDifference(one, two), "") << "-j 1 and -j 2";
  EXPECT_EQ(FirstDifference(two, again), "") << "two runs with -j 2";
}

}  // namespace
