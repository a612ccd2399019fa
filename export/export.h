// `jixiao export`: a jixiao database (what `jixiao batch` filled) as an XLSX workbook, CSV or
// JSON Lines for auditors' spreadsheets and scripts. See docs/EXPORT.md.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "export/tables.h"

namespace jixiao::exporter {

enum class Format { kXlsx, kCsv, kJsonl };

// "xlsx", "csv", "jsonl" (also "ndjson"); nullopt for anything else.
std::optional<Format> ParseFormat(const std::string& name);
// The format an output path's extension names (.xlsx, .csv, .jsonl, .ndjson), if any.
std::optional<Format> FormatOfPath(const std::string& path);
const char* Extension(Format format);

struct ExportOptions {
  Format format = Format::kXlsx;
  // A file; "-" for standard output (csv, jsonl); a directory (existing, or ending in '/')
  // for one file per table, TABLE.csv / TABLE.jsonl (csv, jsonl).
  std::string output;
  // The tables to write; empty: all of them in XLSX and a directory, indicators in one
  // CSV/JSON Lines file (which takes exactly one table).
  std::vector<std::string> tables;
  Lang lang = Lang::kZh;  // headers and sheet names (JSON Lines keys are always English)
};

struct ExportResult {
  std::vector<std::pair<std::string, size_t>> rows;  // table name, rows written
  std::vector<std::string> files;                    // what was written ("-" for stdout)
};

// Opens `target` for reading: an SQLite file that must exist (Error kNotFound naming it
// otherwise; kBadInput when it is a folder, empty, or not an SQLite file) or a postgresql:// URI.
std::unique_ptr<store::Database> OpenForExport(const std::string& target);

// Reads the tables and writes them; every file is written atomically (a failure leaves no
// half-written file). Throws Error: kUsage for options that do not fit together, kOutput
// when the output cannot be written.
ExportResult Export(store::Database& db, const ExportOptions& options);

}  // namespace jixiao::exporter
