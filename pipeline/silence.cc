#include "pipeline/silence.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"
#include "records/cells.h"
#include "vocabulary/vocabulary.h"

namespace jixiao {

namespace {

// Distinct indicator header columns (of 一级指标, 二级指标, 三级指标, 指标值) a page must show to
// print an indicator block: one alone is a word a text page may use ("指标值"), two side by side
// are a header row.
constexpr int kHeaderColumnsSeen = 2;

// Cells printing an indicator term alone that a page must show to print indicator rows: the two
// level cells of one row (a text page names terms inside its sentences, never alone).
constexpr int kLevelTermsSeen = 2;

// Whether a text is an indicator term (vocabulary IndicatorTerms) and nothing more, as OCR may
// read it: the term, a term of four or more characters one character off (产出指 whose 标
// wrapped onto a line not read with it, 效黑指标), or the term with one glyph of noise beside it.
bool IsLevelTermAlone(const std::string& text) {
  const std::u32string u = ToU32(Compact(text));
  if (u.empty()) return false;
  for (const std::string& term : IndicatorTerms()) {
    const std::u32string v = ToU32(term);
    if (u == v) return true;
    if (v.size() >= 4 && u.size() + 1 >= v.size() && u.size() <= v.size() + 1 &&
        EditDistance(u, v) <= 1)
      return true;
  }
  return false;
}

bool Counted(IndicatorColumn c) {
  return c == IndicatorColumn::kLevel1 || c == IndicatorColumn::kLevel2 ||
         c == IndicatorColumn::kLevel3 || c == IndicatorColumn::kValue;
}

// The header columns a text shows: a whole unit (a cell, or a line's part between white space)
// that IndicatorHeader or ConfusedLevelHeaders reads as one, and any header name printed within
// a longer text (a header row read as one line: "一级指标二级指标三级指标指标值").
void HeaderColumnsIn(const std::string& unit, std::set<int>& columns) {
  const std::string compact = Compact(unit);
  if (compact.empty()) return;
  if (const auto c = IndicatorHeader(compact); c && Counted(*c))
    columns.insert(static_cast<int>(*c));
  const std::u32string u = ToU32(compact);
  for (const HeaderName& h : IndicatorHeaderNames()) {
    if (!Counted(h.column) || h.name.size() > u.size()) continue;
    for (size_t i = 0; i + h.name.size() <= u.size(); ++i) {
      const std::u32string window = u.substr(i, h.name.size());
      bool seen = window == h.name;
      // (a level header OCR confused: -级指标 is one of the levels, which one not known)
      for (IndicatorColumn c : ConfusedLevelHeaders(ToUtf8(window))) seen = seen || c == h.column;
      if (seen) {
        columns.insert(static_cast<int>(h.column));
        break;
      }
    }
  }
}

std::vector<std::string> Parts(const std::string& text) {
  std::vector<std::string> parts;
  std::u32string part;
  for (char32_t c : ToU32(text)) {
    if (IsSpace(c)) {
      if (!part.empty()) parts.push_back(ToUtf8(part));
      part.clear();
    } else {
      part += c;
    }
  }
  if (!part.empty()) parts.push_back(ToUtf8(part));
  return parts;
}

// What a 项目名称 label holds: its value in the same cell after a colon, else the text after it
// (the cell to its right, the next part of its line).
enum class NameValue { kNone, kBlank, kHeader, kValue };

NameValue NameLabel(const std::string& text, const std::string* after) {
  TableCell cell;
  cell.text = text;
  NameValue out = NameValue::kNone;
  for (const LabelValue& lv : SplitLabelCells(cell)) {
    if (!IsLabel(Label::kName, LabelOf(lv.label))) continue;
    const std::string value = Compact(!lv.value.empty() ? lv.value : after ? *after : "");
    if (value.empty()) return NameValue::kBlank;  // a form printed blank
    // A label beside other labels is a list's column header (项目名称 | 资金总额 | …).
    const bool header = IsFieldLabel(LabelOf(value)) || IndicatorHeader(value) ||
                        ValuePartHeader(value) || IsLabel(Label::kListName, LabelOf(value));
    out = header ? NameValue::kHeader : NameValue::kValue;
  }
  return out;
}

void CountName(NameValue v, PageEvidence& e) {
  if (v == NameValue::kValue) ++e.name_labels;
  if (v == NameValue::kBlank) ++e.blank_name_labels;
}

// One text of the page (a cell's, or a line's outside the tables); `after` the text of the cell
// to a cell's right.
void Look(const std::string& text, const std::string* after, bool cell, bool ocr,
          std::set<int>& columns, PageEvidence& e) {
  if (text.empty()) return;
  const std::vector<std::string> parts = cell ? std::vector<std::string>{text} : Parts(text);
  for (const std::string& p : parts) HeaderColumnsIn(p, columns);
  if (!cell && parts.size() > 1) HeaderColumnsIn(text, columns);
  e.title = e.title || IsProjectTitle(Compact(text));
  for (const std::string& p : parts) e.level_terms += IsLevelTermAlone(p) ? 1 : 0;
  if (cell) {
    CountName(NameLabel(text, after), e);
  } else {
    for (size_t i = 0; i < parts.size(); ++i)
      CountName(NameLabel(parts[i], i + 1 < parts.size() ? &parts[i + 1] : nullptr), e);
  }
  e.packed_items += static_cast<int>(SplitPackedIndicators(text, ocr).size());
}

// The page a record was named on: its name's (or code's) provenance, else its first page.
int NamedOn(const Project& p) {
  for (const char* field : {"project_name", "project_code"})
    if (auto it = p.provenance.find(field); it != p.provenance.end() && it->second.page > 0)
      return it->second.page;
  return p.pages.empty() ? 0 : p.pages.front();
}

}  // namespace

bool PageEvidence::Performance() const {
  // A form printed blank (its 项目名称 without a value: 无此项 templates) gives no record.
  if (name_labels == 0 && blank_name_labels > 0) return false;
  // A title alone is a heading above a table on the next page, or a line of contents.
  return header_columns >= kHeaderColumnsSeen || packed_items > 0 ||
         level_terms >= kLevelTermsSeen ||
         (title && (header_columns > 0 || name_labels > 0 || level_terms > 0));
}

std::string PageEvidence::Describe() const {
  std::vector<std::string> seen;
  if (header_columns > 0)
    seen.push_back("an indicator header (" + std::to_string(header_columns) +
                   " of 一级指标/二级指标/三级指标/指标值)");
  if (title) seen.push_back("a 绩效目标表 title");
  if (name_labels > 0)
    seen.push_back(std::to_string(name_labels) + " 项目名称 label" + (name_labels > 1 ? "s" : ""));
  if (packed_items > 0)
    seen.push_back(std::to_string(packed_items) + " packed indicator item" +
                   (packed_items > 1 ? "s" : ""));
  if (level_terms > 0)
    seen.push_back(std::to_string(level_terms) + " indicator term cell" +
                   (level_terms > 1 ? "s" : "") + " (产出指标 …)");
  std::string out;
  for (size_t i = 0; i < seen.size(); ++i) out += (i == 0 ? "" : ", ") + seen[i];
  return out;
}

PageEvidence EvidenceOf(const PageContent& page) {
  PageEvidence e;
  std::set<int> columns;
  const bool ocr = page.source == WordSource::kOcr;
  for (const Table& t : page.tables)
    for (const TableCell& c : t.cells) {
      const TableCell* right = t.At(c.row, c.col + c.colspan);
      Look(c.text, right ? &right->text : nullptr, true, ocr, columns, e);
    }
  for (const TextLine& l : page.lines) Look(l.text, nullptr, false, ocr, columns, e);
  e.header_columns = static_cast<int>(columns.size());
  return e;
}

std::vector<Warning> UnreadPageWarnings(const std::vector<PageContent>& pages,
                                        const std::vector<Project>& projects,
                                        const std::vector<Warning>& given) {
  std::set<int> read, warned;
  std::map<int, int> named;
  for (const Project& p : projects) {
    read.insert(p.pages.begin(), p.pages.end());
    for (const auto& [field, source] : p.provenance) read.insert(source.page);
    ++named[NamedOn(p)];
  }
  for (const Warning& w : given) warned.insert(w.page);
  std::vector<Warning> out;
  for (const PageContent& page : pages) {
    if (warned.count(page.page)) continue;
    const PageEvidence e = EvidenceOf(page);
    const std::string where = "page " + std::to_string(page.page) + ": ";
    if (!read.count(page.page)) {
      if (e.Performance())
        out.push_back({page.page, "page.performance_unread",
                       where + "prints " + e.Describe() +
                           ", but no record and no indicator row was read from it"});
      continue;
    }
    const int records = named.count(page.page) ? named[page.page] : 0;
    if (e.name_labels > records)
      out.push_back({page.page, "page.projects_unread",
                     where + "prints " + std::to_string(e.name_labels) + " 项目名称 labels, but " +
                         std::to_string(records) + " record" + (records == 1 ? " was" : "s were") +
                         " named on it"});
  }
  return out;
}

}  // namespace jixiao
