// The jixiao program: argument parsing and output only; all work is library calls.
//
// Exit codes: 0 success; 64 usage; 65 unreadable input (empty, not a PDF, damaged);
// 66 input not found; 67 encrypted; 68 no performance table in the document;
// 69 page or image too large; 73 output cannot be written; 70 internal error.
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <opencv2/core/utility.hpp>

#include "core/error.h"
#include "normalize/normalize.h"
#include "output/json.h"
#include "pipeline/extract.h"

namespace {

using jixiao::Error;
using jixiao::ErrorCode;

void Emit(const std::string& out_path, const std::string& text) {
  if (out_path.empty() || out_path == "-") {
    std::cout << text << '\n';
    return;
  }
  jixiao::WriteFileAtomic(out_path, text + "\n");
}

void PrintWarnings(const std::string& input, const jixiao::ExtractResult& r) {
  for (const auto& w : r.warnings)
    std::cerr << "jixiao: warning: " << input << (w.page ? ": page " + std::to_string(w.page) : "") << ": "
              << w.message << '\n';
}

int RunExtract(const std::string& input, const std::string& out, int threads) {
  jixiao::ExtractOptions options;
  options.threads = threads;
  jixiao::ExtractResult r = jixiao::Extract(input, options);
  PrintWarnings(input, r);
  if (r.projects.empty()) throw Error(ErrorCode::kNoTables, input, "no 绩效目标表 (performance table) found");
  Emit(out, jixiao::ExtractJson(r).dump(1, ' ', false));
  return 0;
}

int RunTables(const std::string& input, const std::string& out, int threads) {
  jixiao::ExtractOptions options;
  options.threads = threads;
  jixiao::ExtractResult r = jixiao::Extract(input, options);
  PrintWarnings(input, r);
  Emit(out, jixiao::TablesJson(r).dump(1, ' ', false));
  return 0;
}

int RunNormalize(const std::vector<std::string>& values) {
  nlohmann::json out = nlohmann::json::array();
  auto add = [&](const std::string& v) { out.push_back(jixiao::ToJson(jixiao::Normalize(v))); };
  for (const std::string& v : values) {
    if (v == "-") {
      std::string line;
      while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        add(line);
      }
    } else {
      add(v);
    }
  }
  std::cout << out.dump(1, ' ', false) << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Pages run in parallel, one per core: OpenCV and Tesseract must not add threads of their own.
  cv::setNumThreads(1);
  setenv("OMP_THREAD_LIMIT", "1", 0);
  CLI::App app{"jixiao: budget-performance documents (部门预算绩效文本) to typed records"};
  app.set_version_flag("--version", std::string(JIXIAO_VERSION));
  app.require_subcommand(1);

  std::string input, out;
  int threads = 0;
  auto* extract = app.add_subcommand("extract", "Read a PDF into project records (JSON)");
  extract->add_option("INPUT", input, "PDF or page image")->required();
  extract->add_option("-o,--output", out, "Write the JSON here (default: standard output)");
  extract->add_option("-j,--jobs", threads, "Pages read in parallel (default: every core)");

  auto* tables = app.add_subcommand("tables", "List the ruled tables and their cells");
  tables->add_option("INPUT", input, "PDF or page image")->required();
  std::string format = "json";
  tables->add_option("--format", format, "Output format")->check(CLI::IsMember({"json"}));
  tables->add_option("-o,--output", out, "Write the JSON here (default: standard output)");
  tables->add_option("-j,--jobs", threads, "Pages read in parallel (default: every core)");

  std::vector<std::string> values;
  auto* normalize = app.add_subcommand("normalize", "Type printed indicator values ('-' reads stdin)");
  normalize->add_option("VALUE", values, "Values as printed")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : static_cast<int>(ErrorCode::kUsage);
  }
  try {
    if (extract->parsed()) return RunExtract(input, out, threads);
    if (tables->parsed()) return RunTables(input, out, threads);
    if (normalize->parsed()) return RunNormalize(values);
  } catch (const Error& e) {
    std::cerr << "jixiao: " << e.what() << '\n';
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "jixiao: " << (input.empty() ? "" : input + ": ") << "internal error: " << e.what() << '\n';
    return static_cast<int>(ErrorCode::kInternal);
  }
  return static_cast<int>(ErrorCode::kUsage);
}
