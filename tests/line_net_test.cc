// The second line recognizer (PP-OCRv4 through OpenCV's DNN module) on rendered and scanned
// line images: what it reads, and that no image can make it fail.
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "tests/line_net_testing.h"
#include "core/error.h"
#include "core/text.h"
#include "ocr/line_net.h"
#include "ocr/options.h"

namespace jixiao::ocr {
namespace {

cv::Mat Fixture(const std::string& name) {
  cv::Mat m =
      cv::imread(std::string(JIXIAO_SOURCE_DIR) + "/tests/data/ocr/" + name, cv::IMREAD_GRAYSCALE);
  EXPECT_FALSE(m.empty()) << name;
  return m;
}

std::string Text(const std::vector<NetChar>& chars) {
  std::u32string u;
  for (const NetChar& c : chars) u += c.c;
  return ToUtf8(u);
}

// One recognizer for the whole test program (each graph loads at its first read).
LineNet& Net() {
  static LineNet net(BuiltLineNetDir());
  return net;
}

TEST(LineNet, TheBuildWroteTheModel) {
  JIXIAO_NEEDS_LINE_NET();
  // A build without it is a broken install: scanned pages would be read without the net.
  EXPECT_TRUE(LineNet::HasModel(BuiltLineNetDir()))
      << "no line recognizer model: run scripts/setup.sh and build";
}

TEST(LineNet, ReadsRenderedLines) {
  JIXIAO_NEEDS_LINE_NET();
  EXPECT_EQ(Text(Net().Read(Fixture("bold_header.png"))), "绩效指标描述");
  EXPECT_EQ(Text(Net().Read(Fixture("plain_er.png"))), "二级指标");
  EXPECT_EQ(Text(Net().Read(Fixture("code_mono.png"))), "415-2203-JBN-7RKW");
  EXPECT_EQ(Text(Net().Read(Fixture("number_mono.png"))), "1200.50");
}

TEST(LineNet, KnowsTheComparisonSigns) {
  JIXIAO_NEEDS_LINE_NET();
  // chi_sim has no ≥ or ≤; this model has them.
  EXPECT_EQ(Text(Net().Read(Fixture("op_ge_uming.png"))), "≥95%");
  EXPECT_EQ(Text(Net().Read(Fixture("op_le_sans.png"))), "≤预算控制数");
}

TEST(LineNet, ReadsScannedGlyphsChiSimMisreads) {
  JIXIAO_NEEDS_LINE_NET();
  // Both cut from an archive-profile scan of samples/jiaoyu-2021 (200 dpi): chi_sim reads
  // 养腾食供 and 校数最.
  const std::vector<NetChar> shanshi = Net().Read(Fixture("lexicon_shanshi_scan.png"));
  EXPECT_EQ(Text(shanshi), "养膳食供");
  const std::vector<NetChar> shuliang = Net().Read(Fixture("lexicon_shuliang_scan.png"));
  ASSERT_EQ(Text(shuliang), "校数量");
  for (const NetChar& c : shuliang) {
    EXPECT_GT(c.probability, 0.5f);
    EXPECT_LE(c.probability, 1.0f);
    EXPECT_LE(c.first_step, c.last_step);
  }
  EXPECT_LT(shuliang[0].last_step, shuliang[1].first_step);  // in reading order
}

TEST(LineNet, AnyImageIsSafe) {
  JIXIAO_NEEDS_LINE_NET();
  EXPECT_TRUE(Net().Read(cv::Mat()).empty());
  EXPECT_TRUE(Net().Read(cv::Mat(2, 50, CV_8UC1, cv::Scalar(0))).empty());
  EXPECT_TRUE(Net().Read(cv::Mat(48, 200, CV_8UC1, cv::Scalar(255))).empty());  // blank paper
  // Wider than the widest graph (a whole page's width at 48 px): squeezed into it, read.
  cv::Mat wide;
  cv::Mat line = Fixture("bold_header.png");
  cv::hconcat(std::vector<cv::Mat>(12, line), wide);
  EXPECT_FALSE(Net().Read(wide).empty());
  // Tall and narrow: one pixel wide at 48 px high.
  EXPECT_NO_THROW(Net().Read(cv::Mat(400, 5, CV_8UC1, cv::Scalar(0))));
}

TEST(LineNet, WorkersShareTheGraphsAndReadAlike) {
  JIXIAO_NEEDS_LINE_NET();
  // Each page worker has its own LineNet; the graphs are loaded once for the process and lent
  // to one reader at a time. Two readers on two threads, reading the same lines at once, read
  // them as one reader does.
  const std::vector<cv::Mat> lines = {Fixture("plain_er.png"),
                                      Fixture("lexicon_shuliang_scan.png")};
  std::vector<std::string> alone;
  for (const cv::Mat& l : lines) alone.push_back(Text(Net().Read(l)));
  ASSERT_EQ(alone[0], "二级指标");
  std::vector<std::string> read[2];
  auto work = [&](int k) {
    LineNet net(BuiltLineNetDir());
    for (int round = 0; round < 2; ++round)
      for (const cv::Mat& l : lines) read[k].push_back(Text(net.Read(l)));  // a graph lent again
  };
  std::thread other(work, 1);
  work(0);
  other.join();
  for (int k = 0; k < 2; ++k) {
    ASSERT_EQ(read[k].size(), 2 * lines.size());
    for (size_t i = 0; i < read[k].size(); ++i)
      EXPECT_EQ(read[k][i], alone[i % lines.size()]) << k << " " << i;
  }
}

TEST(LineNet, AMissingModelIsNoModel) {
  EXPECT_THROW(LineNet("/nonexistent"), jixiao::Error);
}

TEST(LineNet, ADamagedGraphReadsNothing) {
  // A model folder with its character list but a damaged graph (a download cut short): lines
  // read as nothing, every time, and nothing throws.
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("jixiao-line-net-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "keys.txt") << "一\n二\n";
  for (int w : kLineNetWidths) std::ofstream(dir / ("rec-" + std::to_string(w) + ".onnx")) << "not a graph";
  LineNet net(dir.string());
  const cv::Mat line = Fixture("plain_er.png");
  EXPECT_TRUE(net.Read(line).empty());
  EXPECT_TRUE(net.Read(line).empty());
  EXPECT_EQ(net.lines_read(), 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace jixiao::ocr
