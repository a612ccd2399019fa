// jixiao export --db TARGET [--format xlsx|csv|jsonl] -o OUT [--table T]… [--lang zh|en]:
// see docs/EXPORT.md.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "core/error.h"
#include "export/export.h"

namespace jixiao::cli {

namespace {

struct ExportArgs {
  std::string db, format, out, lang = "zh";
  std::vector<std::string> tables;
};

int RunExport(const ExportArgs& a) {
  exporter::ExportOptions options;
  options.output = a.out;
  options.tables = a.tables;
  options.lang = a.lang == "en" ? Lang::kEn : Lang::kZh;
  const std::optional<exporter::Format> format =
      a.format.empty() ? exporter::FormatOfPath(a.out) : exporter::ParseFormat(a.format);
  if (!format) throw Error(ErrorCode::kUsage, a.out, "give --format xlsx, csv or jsonl (the name's extension does not say)");
  options.format = *format;
  const std::unique_ptr<store::Database> db = exporter::OpenForExport(a.db);
  const exporter::ExportResult r = exporter::Export(*db, options);
  std::string counts;
  for (const auto& [table, n] : r.rows) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + table;
  std::string files;
  for (const std::string& f : r.files) files += (files.empty() ? "" : ", ") + (f == "-" ? "standard output" : f);
  std::cerr << "jixiao: export: " << counts << " into " << files << '\n';
  return 0;
}

}  // namespace

Runner AddExportCommand(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand("export", "Write a database's records as XLSX, CSV or JSON Lines (docs/EXPORT.md)");
  cmd->add_option("--db", args->db, "SQLite file or postgresql://user@host/dbname (what `jixiao batch` filled)")
      ->required();
  cmd->add_option("--format", args->format, "Output format (default: from the output's extension)")
      ->check(CLI::IsMember({"xlsx", "csv", "jsonl", "ndjson"}));
  cmd->add_option("-o,--output", args->out,
                  "Output file; '-' for standard output (csv, jsonl); a directory (DIR/) for one file per table")
      ->required();
  cmd->add_option("--table", args->tables,
                  "Table(s) to write: indicators, projects, findings, documents, warnings "
                  "(default: all in XLSX and a directory; indicators in one CSV/JSON Lines file)")
      ->check(CLI::IsMember(exporter::TableNames()));
  cmd->add_option("--lang", args->lang, "Language of headers and sheet names (JSON Lines keys are English)")
      ->check(CLI::IsMember({"zh", "en"}));
  cmd->footer(
      "Sheets: 指标 (indicators), 项目 (projects), 问题 (findings), 文件 (documents), 警告 (warnings); with --lang en "
      "the English names. Rows are ordered by document path, project index and indicator row.\n"
      "Exit status: 0 written; 64 bad command line; 65 the database file is not a jixiao database; 66 the database "
      "file does not exist; 73 the database cannot be read or the output cannot be written.");
  return [args] { return RunExport(*args); };
}

}  // namespace jixiao::cli
