// The tables `jixiao export` writes, read from a jixiao database (store/schema.sql): one row
// per indicator, project, finding, document and extraction warning, with the document's year,
// department and path on every row so that each table stands on its own in a spreadsheet.
// Rows are in a fixed order: document path (then sha256), project index, indicator row.
// See docs/EXPORT.md for the columns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checks/report.h"  // Lang
#include "store/database.h"

namespace jixiao::exporter {

enum class ColumnType {
  kText,     // a string (or NULL)
  kInteger,  // a whole number (or NULL)
  kNumber,   // a number (or NULL)
  kBool,     // 0/1 (or NULL)
  kList,     // a JSON array stored as text: an array in JSON Lines, items joined by `join` elsewhere
  kObject,   // a JSON object stored as text: an object in JSON Lines, "key：value" lines elsewhere
};

struct Column {
  const char* key;  // JSON Lines key, English header
  const char* zh;   // Chinese header
  ColumnType type;
  const char* join = "\n";  // kList items in flat formats
};

struct Table {
  std::string name;  // indicators | projects | findings | documents | warnings
  const char* sheet_zh;
  std::vector<Column> columns;
  std::vector<store::Row> rows;  // one Value per column; lists and objects as their JSON text

  std::string SheetName(Lang lang) const { return lang == Lang::kZh ? sheet_zh : name; }
  std::string Header(size_t column, Lang lang) const {
    return lang == Lang::kZh ? columns[column].zh : columns[column].key;
  }
};

// Every table name, in the order of the XLSX sheets.
const std::vector<std::string>& TableNames();
bool IsTableName(std::string_view name);

// The tables named (all when `names` is empty), in TableNames() order, read in one read-only
// snapshot (a concurrent `jixiao batch` neither waits for the export nor shows half in it).
std::vector<Table> ReadTables(store::Database& db, const std::vector<std::string>& names = {});

// A cell as text for the flat formats (CSV; XLSX text cells): NULL is "", numbers in their
// shortest exact form (512.4, 6405), lists and objects as described for ColumnType.
std::string CellText(const store::Value& v, const Column& column);

}  // namespace jixiao::exporter
