#include "export/writers.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <xlsxwriter.h>

#include "core/error.h"
#include "core/text.h"

namespace jixiao::exporter {

namespace {

using store::Value;
using Json = nlohmann::ordered_json;

// ---- XLSX ----

constexpr size_t kMaxCellBytes = 32767;  // libxlsxwriter's (and Excel's) limit for one string
constexpr double kMinWidth = 6, kMaxWidth = 50;

// Columns a text occupies on screen: East Asian wide characters count two. The widest line.
double DisplayWidth(std::string_view utf8) {
  double widest = 0, line = 0;
  for (char32_t c : ToU32(utf8)) {
    if (c == U'\n') {
      widest = std::max(widest, line);
      line = 0;
      continue;
    }
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000;
    line += wide ? 2 : 1;
  }
  return std::max(widest, line);
}

// At most kMaxCellBytes, cut at a character boundary.
std::string FitCell(std::string s) {
  if (s.size() <= kMaxCellBytes) return s;
  size_t end = kMaxCellBytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  return s;
}

// What goes into one cell: nothing, a number, a boolean or a string.
struct XlsxCell {
  enum { kEmpty, kNumber, kBool, kString } type = kEmpty;
  double number = 0;
  std::string text;
};

XlsxCell ToXlsx(const Value& v, const Column& column) {
  XlsxCell cell;
  if (std::holds_alternative<std::monostate>(v)) return cell;
  if (column.type == ColumnType::kBool && std::holds_alternative<int64_t>(v)) {
    cell.type = XlsxCell::kBool;
    cell.number = static_cast<double>(std::get<int64_t>(v));
    return cell;
  }
  if (const auto* i = std::get_if<int64_t>(&v)) {
    cell.type = XlsxCell::kNumber;
    cell.number = static_cast<double>(*i);
    return cell;
  }
  if (const auto* d = std::get_if<double>(&v); d && std::isfinite(*d)) {
    cell.type = XlsxCell::kNumber;
    cell.number = *d;
    return cell;
  }
  // Valid UTF-8 only (a stray byte becomes U+FFFD): anything else makes a workbook no one opens.
  cell.text = FitCell(ToUtf8(ToU32(CellText(v, column))));
  if (!cell.text.empty()) cell.type = XlsxCell::kString;
  return cell;
}

class XlsxWriter {
 public:
  XlsxWriter(const std::string& path, const std::string& tmp) : path_(path) {
    workbook_ = workbook_new(tmp.c_str());
    if (!workbook_) throw Error(ErrorCode::kOutput, path, "cannot create the workbook");
    header_ = workbook_add_format(workbook_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_bottom(header_, LXW_BORDER_THIN);
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>("jixiao export");
    properties.comments = const_cast<char*>("Budget-performance records exported by jixiao " JIXIAO_VERSION);
    Check(workbook_set_properties(workbook_, &properties));
  }

  void AddSheet(const Table& t, Lang lang) {
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, t.SheetName(lang).c_str());
    if (!ws) throw Error(ErrorCode::kInternal, path_, "cannot add sheet " + t.SheetName(lang));
    const auto last_col = static_cast<lxw_col_t>(t.columns.size() - 1);
    std::vector<double> widths(t.columns.size(), kMinWidth);
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const std::string header = t.Header(c, lang);
      widths[c] = std::max(widths[c], DisplayWidth(header) + 3);  // room for the filter button
      Check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header.c_str(), header_));
    }
    lxw_row_t row = 0;
    for (const store::Row& r : t.rows) {
      ++row;
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const XlsxCell cell = ToXlsx(r[c], t.columns[c]);
        const auto col = static_cast<lxw_col_t>(c);
        switch (cell.type) {
          case XlsxCell::kEmpty:
            break;
          case XlsxCell::kNumber:
            Check(worksheet_write_number(ws, row, col, cell.number, nullptr));
            widths[c] = std::max(widths[c], DisplayWidth(CellText(r[c], t.columns[c])) + 1);
            break;
          case XlsxCell::kBool:
            Check(worksheet_write_boolean(ws, row, col, cell.number != 0, nullptr));
            break;
          case XlsxCell::kString:
            Check(worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr));
            widths[c] = std::max(widths[c], DisplayWidth(cell.text) + 1);
            break;
        }
      }
    }
    for (size_t c = 0; c < t.columns.size(); ++c)
      Check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 std::min(widths[c], kMaxWidth), nullptr));
    worksheet_freeze_panes(ws, 1, 0);
    Check(worksheet_autofilter(ws, 0, 0, row, last_col));
  }

  // Writes the file (and frees the workbook); throws on the first error met on the way.
  void Close() {
    const lxw_error closed = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error_ == LXW_NO_ERROR) error_ = closed;
    if (error_ != LXW_NO_ERROR) throw Error(ErrorCode::kOutput, path_, std::string("cannot write: ") + lxw_strerror(error_));
  }

  ~XlsxWriter() {
    // Not closed: an exception on the way; the temporary file is removed by the caller.
    if (workbook_) workbook_close(workbook_);
  }
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

 private:
  void Check(lxw_error e) {
    if (e != LXW_NO_ERROR && error_ == LXW_NO_ERROR) error_ = e;
  }

  std::string path_;
  lxw_workbook* workbook_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_error error_ = LXW_NO_ERROR;
};

// ---- CSV ----

void AppendCsvField(const std::string& s, std::string& out) {
  const bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
                     (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t'));
  if (!quote) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// ---- JSON Lines ----

Json ToJson(const Value& v, const Column& column) {
  if (std::holds_alternative<std::monostate>(v)) return nullptr;
  if (const auto* i = std::get_if<int64_t>(&v)) {
    if (column.type == ColumnType::kBool) return *i != 0;
    return *i;
  }
  if (const auto* d = std::get_if<double>(&v)) {
    // A whole number as an integer (6405, not 6405.0), as `jixiao extract` prints typed values.
    if (std::isfinite(*d) && std::trunc(*d) == *d && std::fabs(*d) < 9007199254740992.0)
      return static_cast<int64_t>(*d);
    return *d;  // non-finite values become null in JSON
  }
  const std::string& s = std::get<std::string>(v);
  if (column.type == ColumnType::kList || column.type == ColumnType::kObject) {
    Json j = Json::parse(s, nullptr, false);
    if (!j.is_discarded()) return j;
  }
  return s;
}

}  // namespace

void WriteXlsx(const std::vector<Table>& tables, Lang lang, const std::string& path) {
  for (const Table& t : tables)
    if (t.rows.size() + 1 > LXW_ROW_MAX)
      throw Error(ErrorCode::kOutput, path,
                  "the " + t.name + " table has " + std::to_string(t.rows.size()) +
                      " rows, more than an XLSX sheet holds (1048575); export it as csv or jsonl");
  if (tables.empty()) throw Error(ErrorCode::kUsage, path, "no table to write");
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  // Created here first so that an unwritable place is one clear error (libxlsxwriter would
  // print its own message to stderr and blame permissions).
  if (!std::ofstream(tmp, std::ios::binary | std::ios::trunc))
    throw Error(ErrorCode::kOutput, path, std::string("cannot write output: ") + std::strerror(errno));
  try {
    XlsxWriter writer(path, tmp);
    for (const Table& t : tables) writer.AddSheet(t, lang);
    writer.Close();
  } catch (...) {
    std::remove(tmp.c_str());
    throw;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    throw Error(ErrorCode::kOutput, path, "cannot write output: " + ec.message());
  }
}

std::string CsvText(const Table& table, Lang lang) {
  std::string out = "\xEF\xBB\xBF";
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (c) out += ',';
    AppendCsvField(table.Header(c, lang), out);
  }
  out += "\r\n";
  for (const store::Row& r : table.rows) {
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (c) out += ',';
      AppendCsvField(CellText(r[c], table.columns[c]), out);
    }
    out += "\r\n";
  }
  return out;
}

std::string JsonlText(const Table& table) {
  std::string out;
  for (const store::Row& r : table.rows) {
    Json line = Json::object();
    for (size_t c = 0; c < table.columns.size(); ++c) line[table.columns[c].key] = ToJson(r[c], table.columns[c]);
    out += line.dump(-1, ' ', false, Json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

}  // namespace jixiao::exporter
