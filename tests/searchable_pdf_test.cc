// `jixiao extract --searchable-pdf`: a scanned page comes back as a PDF that pdfinfo reads, with
// as many pages as the input, whose text (pdftotext, what a viewer's search and copy see) holds
// every project code and name the extraction's JSON has, where the page prints them. One page of
// a sample scan is extracted once for the suite; the other tests read digital pages or small
// images, without OCR.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/error.h"
#include "output/searchable_pdf.h"
#include "pipeline/extract.h"

namespace {

namespace fs = std::filesystem;

struct Output {
  int code = -1;
  std::string out;
};

// Runs a shell command; its standard output and exit status.
Output Shell(const std::string& command) {
  Output r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string Quoted(const fs::path& p) {
  return "'" + p.string() + "'";
}

std::string Sample(const std::string& name) {
  return std::string(JIXIAO_SOURCE_DIR) + "/samples/" + name;
}

// Text without its spaces and line breaks: a name wrapped over two lines of its cell is
// still found, as a viewer's search finds it.
std::string Flat(const std::string& s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

// The value of one of pdfinfo's lines ("Pages:", "Page size:").
std::string InfoLine(const std::string& info, const std::string& key) {
  std::istringstream in(info);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key, 0) == 0) return line.substr(line.find_first_not_of(' ', key.size()));
  return "";
}

// One page of the office scan (its last: projects 6 and 7), extracted once with
// --searchable-pdf.
class ScannedPage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("jixiao-spdf-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    input_ = dir_ / "page.pdf";
    pdf_ = dir_ / "page-searchable.pdf";
    Shell("pdfseparate -f 11 -l 11 " + Quoted(Sample("jiaoyu-2021/scan-office.pdf")) + " " +
          Quoted(input_));
    const auto start = std::chrono::steady_clock::now();
    code_ = Shell(std::string(JIXIAO_BINARY) + " extract " + Quoted(input_) + " -o " +
                  Quoted(dir_ / "page.json") + " --searchable-pdf " + Quoted(pdf_) + " 2>/dev/null")
                .code;
    std::printf("extract --searchable-pdf of one scanned page: %.1f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    std::ifstream in(dir_ / "page.json");
    json_ = nlohmann::json::parse(in, nullptr, false);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  void SetUp() override {
    ASSERT_TRUE(fs::exists(input_)) << "pdfseparate (poppler-utils) made no page";
    ASSERT_EQ(code_, 0);
    ASSERT_TRUE(json_.is_object() && json_.contains("projects"));
    ASSERT_EQ(json_["projects"].size(), 2u) << "the page prints projects 6 and 7";
  }

  static inline fs::path dir_, input_, pdf_;
  static inline int code_ = -1;
  static inline nlohmann::json json_;
};

TEST_F(ScannedPage, PdfinfoReadsAsManyPagesAsTheInputOfTheSameSize) {
  const Output in = Shell("pdfinfo " + Quoted(input_)), out = Shell("pdfinfo " + Quoted(pdf_));
  ASSERT_EQ(out.code, 0) << out.out;
  EXPECT_EQ(InfoLine(out.out, "Pages:"), InfoLine(in.out, "Pages:"));
  EXPECT_EQ(InfoLine(out.out, "Page size:"), InfoLine(in.out, "Page size:"));
  // The page is its image (one JPEG, as the page is gray) under the invisible text.
  const Output images = Shell("pdfimages -list " + Quoted(pdf_));
  EXPECT_NE(images.out.find("gray    1   8  jpeg"), std::string::npos) << images.out;
}

TEST_F(ScannedPage, PdftotextHoldsEveryProjectCodeAndName) {
  const Output text = Shell("pdftotext " + Quoted(pdf_) + " -");
  ASSERT_EQ(text.code, 0);
  const std::string flat = Flat(text.out);
  for (const auto& p : json_["projects"]) {
    for (const char* field : {"project_code", "project_name"}) {
      const std::string value = p.value(field, "");
      ASSERT_FALSE(value.empty()) << field;
      EXPECT_NE(flat.find(Flat(value)), std::string::npos) << field << " " << value << " not in:\n"
                                                           << text.out;
    }
  }
  // The input, an image only, had no text at all.
  EXPECT_EQ(Flat(Shell("pdftotext " + Quoted(input_) + " -").out), "");
}

// Selecting the code highlights the code as printed: pdftotext's box of the word is inside the
// cell the JSON's provenance gives for it (both in points, origin top-left).
TEST_F(ScannedPage, TheCodeLiesInItsCell) {
  const std::string boxes = Shell("pdftotext -bbox " + Quoted(pdf_) + " -").out;
  const std::regex word(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  for (const auto& p : json_["projects"]) {
    const std::string code = p["project_code"];
    const auto& cell = p["provenance"]["project_code"]["bbox"];
    int found = 0;
    for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), word);
         it != std::sregex_iterator(); ++it) {
      if ((*it)[5] != code) continue;
      ++found;
      const double cx = (std::stod((*it)[1]) + std::stod((*it)[3])) / 2;
      const double cy = (std::stod((*it)[2]) + std::stod((*it)[4])) / 2;
      EXPECT_GT(cx, cell[0].get<double>()) << code;
      EXPECT_LT(cx, cell[2].get<double>()) << code;
      EXPECT_GT(cy, cell[1].get<double>()) << code;
      EXPECT_LT(cy, cell[3].get<double>()) << code;
    }
    EXPECT_EQ(found, 1) << code;
  }
}

// Digital pages and the errors: cheap, one page without OCR.
class DigitalPage : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jixiao-spdf-digital-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "out");
    input_ = dir_ / "page.pdf";
    Shell("pdfseparate -f 11 -l 11 " + Quoted(Sample("jiaoyu-2021/digital.pdf")) + " " +
          Quoted(input_));
    ASSERT_TRUE(fs::exists(input_));
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_, input_;
};

// A page read from its text layer is copied as it is: the same text, the same size.
TEST_F(DigitalPage, IsCopiedAsItIs) {
  const fs::path pdf = dir_ / "out" / "searchable.pdf";
  const Output r = Shell(std::string(JIXIAO_BINARY) + " extract " + Quoted(input_) +
                         " -o /dev/null --searchable-pdf " + Quoted(pdf) + " 2>&1");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(Shell("pdftotext " + Quoted(pdf) + " -").out,
            Shell("pdftotext " + Quoted(input_) + " -").out);
  EXPECT_EQ(InfoLine(Shell("pdfinfo " + Quoted(pdf)).out, "Page size:"),
            InfoLine(Shell("pdfinfo " + Quoted(input_)).out, "Page size:"));
  EXPECT_EQ(Shell("pdfimages -list " + Quoted(pdf) + " | tail -n +3").out, "") << "no image added";
}

// A PDF that cannot be written: exit 73, one line naming it, and neither it nor the JSON left.
TEST_F(DigitalPage, UnwritablePdfLeavesNothing) {
  const fs::path pdf = dir_ / "out" / "missing-folder" / "searchable.pdf";
  const fs::path json = dir_ / "out" / "page.json";
  const Output r = Shell(std::string(JIXIAO_BINARY) + " extract " + Quoted(input_) + " -o " +
                         Quoted(json) + " --searchable-pdf " + Quoted(pdf) + " 2>&1 >/dev/null");
  EXPECT_EQ(r.code, 73) << r.out;
  EXPECT_NE(r.out.find(pdf.string()), std::string::npos) << "the message names the file: " << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  for (const auto& e : fs::recursive_directory_iterator(dir_ / "out"))
    ADD_FAILURE() << "left behind: " << e.path();
}

// Image inputs, read without OCR: each page is kept only when asked, and written as 1-bit where
// it is black and white, as JPEG where it is gray.
class ImageInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jixiao-spdf-image-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A 600 x 400 page with a ruled box and bars of "text", in black on white, or in grays.
  std::string Page(const std::string& name, bool gray) {
    cv::Mat page(400, 600, CV_8UC1, cv::Scalar(255));
    cv::rectangle(page, {40, 40}, {560, 360}, cv::Scalar(0), 2);
    for (int y = 80; y < 340; y += 40)
      for (int x = 60; x < 540; x += 30)
        cv::rectangle(page, {x, y}, {x + 20, y + 16}, cv::Scalar(0), cv::FILLED);
    if (gray) cv::GaussianBlur(page, page, {9, 9}, 3);
    const std::string path = (dir_ / name).string();
    cv::imwrite(path, page);
    return path;
  }

  jixiao::ExtractResult Read(const std::string& path, bool keep) {
    jixiao::ExtractOptions options;
    options.ocr = false;
    options.threads = 1;
    options.keep_page_images = keep;
    return jixiao::Extract(path, options);
  }

  fs::path dir_;
};

TEST_F(ImageInput, KeepsThePageImageOnlyWhenAsked) {
  const std::string png = Page("page.png", false);
  const jixiao::ExtractResult plain = Read(png, false), kept = Read(png, true);
  ASSERT_EQ(plain.pages.size(), 1u);
  ASSERT_EQ(kept.pages.size(), 1u);
  EXPECT_TRUE(plain.pages[0].image.gray.empty());
  EXPECT_EQ(kept.pages[0].image.gray.size(), cv::Size(600, 400));
}

TEST_F(ImageInput, BlackAndWhiteIsOneBitGrayIsJpeg) {
  for (bool gray : {false, true}) {
    const std::string png = Page(gray ? "gray.png" : "binary.png", gray);
    const fs::path pdf = dir_ / (gray ? "gray.pdf" : "binary.pdf");
    jixiao::WriteSearchablePdf(pdf.string(), Read(png, true));
    const Output info = Shell("pdfinfo " + Quoted(pdf));
    ASSERT_EQ(info.code, 0) << info.out;
    EXPECT_EQ(InfoLine(info.out, "Pages:"), "1");
    const std::string images = Shell("pdfimages -list " + Quoted(pdf)).out;
    EXPECT_NE(images.find(gray ? "gray    1   8  jpeg" : "gray    1   1  image"), std::string::npos)
        << images;
    EXPECT_LT(fs::file_size(pdf), gray ? 60'000u : 10'000u) << "a compact page";
  }
}

TEST_F(ImageInput, AFontThatCannotBeReadNamesTheOutput) {
  const fs::path pdf = dir_ / "page.pdf";
  jixiao::SearchablePdfOptions options;
  options.glyphless_font = (dir_ / "no-such-font.ttf").string();
  try {
    jixiao::WriteSearchablePdf(pdf.string(), Read(Page("page.png", false), true), options);
    FAIL() << "no error";
  } catch (const jixiao::Error& e) {
    EXPECT_EQ(e.code(), jixiao::ErrorCode::kOutput);
    EXPECT_EQ(e.file(), pdf.string());
    EXPECT_NE(e.message().find("no-such-font.ttf"), std::string::npos) << e.message();
  }
  EXPECT_FALSE(fs::exists(pdf));
}

}  // namespace
