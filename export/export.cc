#include "export/export.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/error.h"
#include "export/writers.h"
#include "output/json.h"

namespace jixiao::exporter {

namespace fs = std::filesystem;

namespace {

bool IsUri(const std::string& target) {
  return target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
}

std::string Text(const Table& t, Format format, Lang lang) {
  return format == Format::kCsv ? CsvText(t, lang) : JsonlText(t);
}

}  // namespace

std::optional<Format> ParseFormat(const std::string& name) {
  if (name == "xlsx") return Format::kXlsx;
  if (name == "csv") return Format::kCsv;
  if (name == "jsonl" || name == "ndjson") return Format::kJsonl;
  return std::nullopt;
}

std::optional<Format> FormatOfPath(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext.empty() ? std::nullopt : ParseFormat(ext.substr(1));
}

const char* Extension(Format format) {
  switch (format) {
    case Format::kXlsx:
      return ".xlsx";
    case Format::kCsv:
      return ".csv";
    case Format::kJsonl:
      return ".jsonl";
  }
  return "";
}

std::unique_ptr<store::Database> OpenForExport(const std::string& target) {
  if (target.empty()) throw Error(ErrorCode::kUsage, target, "no database given (--db)");
  if (!IsUri(target)) {
    // Database::Open would create a missing file: an export reads what exists.
    std::error_code ec;
    const fs::file_status st = fs::status(target, ec);
    if (!fs::exists(st)) throw Error(ErrorCode::kNotFound, target, "no such database file");
    if (fs::is_directory(st)) throw Error(ErrorCode::kBadInput, target, "a directory, not a database file");
    std::ifstream in(target, std::ios::binary);
    if (!in) throw Error(ErrorCode::kNotFound, target, "cannot open the database file");
    char magic[16] = {};
    in.read(magic, sizeof magic);
    if (in.gcount() == 0) throw Error(ErrorCode::kBadInput, target, "empty file, not a jixiao database");
    if (in.gcount() < 16 || std::string(magic, 16) != std::string("SQLite format 3\0", 16))
      throw Error(ErrorCode::kBadInput, target, "not an SQLite database");
  }
  return store::Database::Open(target);
}

ExportResult Export(store::Database& db, const ExportOptions& options) {
  const std::string& out = options.output;
  if (out.empty()) throw Error(ErrorCode::kUsage, "", "no output given (-o)");
  const bool to_stdout = out == "-";
  std::error_code ec;
  const bool to_dir = !to_stdout && (out.back() == '/' || fs::is_directory(out, ec));
  if (options.format == Format::kXlsx && (to_stdout || to_dir))
    throw Error(ErrorCode::kUsage, out, "XLSX goes to a file (-o FILE.xlsx)");
  if (!to_stdout && !to_dir && !IsUri(db.target()) && fs::equivalent(out, db.target(), ec))
    throw Error(ErrorCode::kUsage, out, "the output is the database itself");

  std::vector<std::string> names = options.tables;
  const bool one_file = options.format != Format::kXlsx && !to_dir;
  if (one_file && names.empty()) names = {"indicators"};
  if (one_file && names.size() > 1)
    throw Error(ErrorCode::kUsage, out,
                "a CSV or JSON Lines file holds one table; give one --table, or a directory (-o DIR/) for several");

  const std::vector<Table> tables = ReadTables(db, names);
  ExportResult result;
  for (const Table& t : tables) result.rows.emplace_back(t.name, t.rows.size());

  if (options.format == Format::kXlsx) {
    WriteXlsx(tables, options.lang, out);
    result.files.push_back(out);
  } else if (to_stdout) {
    std::cout << Text(tables.front(), options.format, options.lang) << std::flush;
    if (!std::cout) throw Error(ErrorCode::kOutput, "-", "cannot write to standard output");
    result.files.push_back(out);
  } else if (!to_dir) {
    WriteFileAtomic(out, Text(tables.front(), options.format, options.lang));
    result.files.push_back(out);
  } else {
    fs::create_directories(out, ec);
    if (ec) throw Error(ErrorCode::kOutput, out, "cannot create the directory: " + ec.message());
    for (const Table& t : tables) {
      const std::string file = (fs::path(out) / (t.name + Extension(options.format))).string();
      WriteFileAtomic(file, Text(t, options.format, options.lang));
      result.files.push_back(file);
    }
  }
  return result;
}

}  // namespace jixiao::exporter
