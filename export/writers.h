// The three output formats of `jixiao export` (docs/EXPORT.md).
#pragma once

#include <string>
#include <vector>

#include "export/tables.h"

namespace jixiao::exporter {

// An XLSX workbook at `path`, one sheet per table in order: header row frozen, an autofilter
// over header and data, column widths fitted to the text, numbers as numbers, NULL and ""
// as empty cells. Written to a temporary file renamed into place. Throws Error(kOutput).
void WriteXlsx(const std::vector<Table>& tables, Lang lang, const std::string& path);

// RFC 4180 CSV: a UTF-8 byte order mark, a header row, records ending in CRLF; a field is
// quoted when it holds a comma, a quote, CR or LF, or begins or ends with white space (quotes
// doubled inside); line breaks inside a field stay LF.
std::string CsvText(const Table& table, Lang lang);

// JSON Lines: one JSON object per row (keys = column keys, in column order), each line ending
// in LF; numbers as JSON numbers (whole numbers without a fraction), NULL as null, lists and
// objects as JSON arrays and objects.
std::string JsonlText(const Table& table);

}  // namespace jixiao::exporter
