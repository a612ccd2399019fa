// The jixiao program: argument parsing and output only; all work is library calls.
//
// Exit codes: 0 success; 64 usage; 65 unreadable input (empty, not a PDF, damaged);
// 66 input not found; 67 encrypted; 68 no performance table in the document;
// 69 page or image too large; 73 output cannot be written; 70 internal error.
// `check` exits 0 without error-level findings, 1 with some, 2 when an input cannot be read.
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <opencv2/core/utility.hpp>

#include "checks/checks.h"
#include "checks/report.h"
#include "cli/commands.h"
#include "cli/environment.h"
#include "core/error.h"
#include "core/fixes.h"
#include "normalize/normalize.h"
#include "output/json.h"
#include "output/searchable_pdf.h"
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

// Warnings on stderr, one line each.
void PrintWarnings(const std::string& input, const jixiao::ExtractResult& r) {
  for (const auto& w : r.warnings)
    std::cerr << "jixiao: warning: " << input << (w.page ? ": page " + std::to_string(w.page) : "") << ": "
              << w.message << '\n';
}

// The options of `extract`, `tables` and `check` that reach the library: `threads` pages in
// parallel, OCR set up from the environment (cli/environment.h), fixes switched off.
struct ExtractArgs {
  int threads = 0;
  std::vector<std::string> disabled_fixes;  // --disable-fix, repeatable

  // Throws Error (usage) for an unknown fix id.
  jixiao::ExtractOptions Options() const {
    jixiao::ExtractOptions options;
    options.threads = threads;
    options.ocr_options = jixiao::cli::OcrOptionsFromEnvironment();
    for (const std::string& id : disabled_fixes) options.disabled_fixes.Disable(id);
    return options;
  }
};

void AddExtractOptions(CLI::App* command, ExtractArgs& args) {
  command->add_option("-j,--jobs", args.threads, "Pages read in parallel (default: every core)");
  command->add_option("--disable-fix", args.disabled_fixes,
                      "Read without the OCR fix of this id (repeatable; `jixiao fixes` lists them)")
      ->allow_extra_args(false);  // one id per --disable-fix: INPUT may follow it
}

// `searchable_pdf`: where to write the searchable PDF too (empty: none). Nothing is written
// when the extraction fails; the PDF is made before the JSON is written.
int RunExtract(const std::string& input, const std::string& out, const std::string& searchable_pdf,
               const ExtractArgs& args) {
  jixiao::ExtractOptions options = args.Options();
  options.keep_page_images = !searchable_pdf.empty();
  jixiao::ExtractResult r = jixiao::Extract(input, options);
  PrintWarnings(input, r);
  if (r.projects.empty()) throw Error(ErrorCode::kNoTables, input, "no 绩效目标表 (performance table) found");
  if (!searchable_pdf.empty())
    jixiao::WriteSearchablePdf(searchable_pdf, r,
                               jixiao::cli::SearchablePdfOptionsFromEnvironment());
  Emit(out, jixiao::ExtractJson(r).dump(1, ' ', false));
  return 0;
}

int RunTables(const std::string& input, const std::string& out, const ExtractArgs& args) {
  const jixiao::ExtractOptions options = args.Options();
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

// An extract JSON (or a truth.json) by its name or its first character; anything else is a
// document to extract.
bool IsJsonInput(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower.size() >= 5 && lower.compare(lower.size() - 5, 5, ".json") == 0) return true;
  std::ifstream in(path, std::ios::binary);
  char c = 0;
  while (in.get(c))
    if (!std::isspace(static_cast<unsigned char>(c))) return c == '{';
  return false;
}

// An input of `check`: an extract JSON is read back (its records checked anew), anything else
// is extracted (which ran the checks).
jixiao::CheckedDocument LoadForCheck(const std::string& path, const ExtractArgs& args) {
  if (IsJsonInput(path)) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::kNotFound, path, "cannot open");
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::ordered_json j;
    try {
      j = nlohmann::ordered_json::parse(text.str());
    } catch (const nlohmann::json::exception& e) {
      throw Error(ErrorCode::kBadInput, path, std::string("invalid JSON: ") + e.what());
    }
    jixiao::ExtractResult r = jixiao::ReadExtractJson(j, path);
    return {path, r.document.year, std::move(r.projects), std::nullopt};
  }
  jixiao::ExtractResult r = jixiao::Extract(path, args.Options());
  PrintWarnings(path, r);
  if (r.projects.empty()) throw Error(ErrorCode::kNoTables, path, "no 绩效目标表 (performance table) found");
  return {path, r.document.year, std::move(r.projects), std::move(r.findings)};
}

struct CheckArgs {
  std::vector<std::string> inputs;
  bool json = false, compare = false;
  std::string lang = "zh", min_severity = "info", out;
  ExtractArgs extract;
};

int RunCheck(const CheckArgs& a) {
  const jixiao::Lang lang = a.lang == "en" ? jixiao::Lang::kEn : jixiao::Lang::kZh;
  const jixiao::Severity floor = a.min_severity == "error"     ? jixiao::Severity::kError
                                 : a.min_severity == "warning" ? jixiao::Severity::kWarning
                                                               : jixiao::Severity::kInfo;
  bool unreadable = false;
  a.extract.Options();  // a bad --disable-fix is a usage error, not an unreadable input
  std::vector<jixiao::CheckedDocument> docs;
  for (const std::string& input : a.inputs) {
    try {
      docs.push_back(LoadForCheck(input, a.extract));
    } catch (const Error& e) {
      std::cerr << "jixiao: " << e.what() << '\n';
      unreadable = true;
    }
  }
  const jixiao::CheckReport report = jixiao::CheckDocuments(std::move(docs), a.compare);
  if (a.json) {
    Emit(a.out, jixiao::CheckReportJson(report, lang, floor).dump(1, ' ', false));
  } else {
    const std::string text = jixiao::CheckReportText(report, lang, floor);
    if (a.out.empty() || a.out == "-") std::cout << text;
    else jixiao::WriteFileAtomic(a.out, text);
  }
  if (unreadable) return 2;
  return report.HasErrors() ? 1 : 0;
}

// `jixiao fixes`: one line per fix, in the order they are applied.
int RunFixes() {
  size_t id_width = 0;
  for (const jixiao::FixInfo& f : jixiao::Fixes()) id_width = std::max(id_width, f.id.size());
  for (const jixiao::FixInfo& f : jixiao::Fixes()) {
    std::string id(f.id), stage(jixiao::StageName(f.stage));
    id.resize(id_width, ' ');
    stage.resize(8, ' ');
    std::cout << id << "  " << stage << "  " << f.description << '\n';
  }
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
  ExtractArgs extract_args;
  auto* extract = app.add_subcommand("extract", "Read a PDF into project records (JSON)");
  extract->add_option("INPUT", input, "PDF or page image")->required();
  extract->add_option("-o,--output", out, "Write the JSON here (default: standard output)");
  std::string searchable_pdf;
  extract->add_option("--searchable-pdf", searchable_pdf,
                      "Also write the input as a PDF whose scanned pages carry the text read, "
                      "invisible, for search and copy");
  AddExtractOptions(extract, extract_args);

  auto* tables = app.add_subcommand("tables", "List the ruled tables and their cells");
  tables->add_option("INPUT", input, "PDF or page image")->required();
  std::string format = "json";
  tables->add_option("--format", format, "Output format")->check(CLI::IsMember({"json"}));
  tables->add_option("-o,--output", out, "Write the JSON here (default: standard output)");
  AddExtractOptions(tables, extract_args);

  std::vector<std::string> values;
  auto* normalize = app.add_subcommand("normalize", "Type printed indicator values ('-' reads stdin)");
  normalize->add_option("VALUE", values, "Values as printed")->required();

  CheckArgs check_args;
  auto* check = app.add_subcommand("check", "Find figures that do not add up (docs/CHECKS.md)");
  check->add_option("INPUT", check_args.inputs, "PDF, page image, or extract JSON")->required();
  check->add_flag("--json", check_args.json, "JSON for machines instead of a table");
  check->add_option("--lang", check_args.lang, "Language of the messages")->check(CLI::IsMember({"zh", "en"}));
  check->add_flag("--compare", check_args.compare, "Also compare the inputs (several years of one department)");
  check->add_option("--min-severity", check_args.min_severity, "Show findings from this level up")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  check->add_option("-o,--output", check_args.out, "Write here (default: standard output)");
  AddExtractOptions(check, check_args.extract);

  auto* fixes = app.add_subcommand("fixes", "List the OCR fixes (id, stage, what each does), in the order applied");

  const jixiao::cli::Runner run_batch = jixiao::cli::AddBatchCommand(app);
  const jixiao::cli::Runner run_export = jixiao::cli::AddExportCommand(app);
  const jixiao::cli::Runner run_enqueue = jixiao::cli::AddEnqueueCommand(app);
  const jixiao::cli::Runner run_worker = jixiao::cli::AddWorkerCommand(app);
  const jixiao::cli::Runner run_status = jixiao::cli::AddStatusCommand(app);
  const jixiao::cli::Runner run_serve = jixiao::cli::AddServeCommand(app);
  const jixiao::cli::Runner run_review = jixiao::cli::AddReviewCommand(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : static_cast<int>(ErrorCode::kUsage);
  }
  try {
    if (extract->parsed()) return RunExtract(input, out, searchable_pdf, extract_args);
    if (tables->parsed()) return RunTables(input, out, extract_args);
    if (fixes->parsed()) return RunFixes();
    if (normalize->parsed()) return RunNormalize(values);
    if (check->parsed()) return RunCheck(check_args);
    if (app.got_subcommand("batch")) return run_batch();
    if (app.got_subcommand("export")) return run_export();
    if (app.got_subcommand("enqueue")) return run_enqueue();
    if (app.got_subcommand("worker")) return run_worker();
    if (app.got_subcommand("status")) return run_status();
    if (app.got_subcommand("serve")) return run_serve();
    if (app.got_subcommand("review")) return run_review();
  } catch (const Error& e) {
    std::cerr << "jixiao: " << e.what() << '\n';
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "jixiao: " << (input.empty() ? "" : input + ": ") << "internal error: " << e.what() << '\n';
    return static_cast<int>(ErrorCode::kInternal);
  }
  return static_cast<int>(ErrorCode::kUsage);
}
