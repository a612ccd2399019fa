// Part 1 (部门整体绩效目标) and the cover, from the text outside the tables.
#include <cmath>
#include <optional>
#include <regex>

#include "core/text.h"
#include "records/headings.h"
#include "records/records.h"
#include "vocabulary/vocabulary.h"

namespace jixiao {

namespace {

// A scan's rule (a seal's ring, a fold) may take the lines above a table (部门名称：…, the
// year under the title) into its cells: they are then in its first this many rows (the title's
// and the heading's).
constexpr int kHeadingRowsInTable = 2;

// A table-of-contents line: a title, dot leaders, a page number.
bool IsTocLine(const std::string& compact) {
  return Contains(compact, "……") || Contains(compact, "...") || Contains(compact, "···") ||
         Contains(compact, "…");
}

// A table-of-contents entry without leaders: a page number alone at the right on the same
// baseline.
bool HasPageNumberBeside(const PageContent& page, const TextLine& line) {
  for (const TextLine& o : page.lines) {
    if (&o == &line || o.box.x0 <= line.box.x1) continue;
    if (std::abs(o.box.cy() - line.box.cy()) > 0.5 * std::max(line.char_height, 1.0)) continue;
    if (IsPageNumber(Compact(o.text))) return true;
  }
  return false;
}

// "（十二）绩效目标：…" -> ("十二", rest). Chinese numerals or digits in full- or half-width
// parentheses at the start of the line.
bool ItemNumber(const std::string& text, std::string* no, std::string* rest) {
  std::u32string u = ToU32(Trim(text));
  if (u.size() < 3 || !(u[0] == U'（' || u[0] == '(')) return false;
  size_t i = 1;
  static const std::u32string cn = U"一二三四五六七八九十百零〇";
  // A scan's speck inside the brackets comes back as a mark: （/八）, (八.).
  static const std::u32string specks = U"/\\|.,'`·、:;";
  std::u32string number;
  int marks = 0;
  for (; i < u.size(); ++i) {
    if (cn.find(u[i]) != std::u32string::npos || (u[i] >= '0' && u[i] <= '9')) {
      number += u[i];
    } else if (specks.find(u[i]) != std::u32string::npos && ++marks <= 1) {
      continue;
    } else {
      break;
    }
  }
  if (number.empty() || i >= u.size() || !(u[i] == U'）' || u[i] == ')')) return false;
  *no = ToUtf8(number);
  *rest = Trim(ToUtf8(u.substr(i + 1)));
  return true;
}

// A heading "一、总体绩效目标" -> its name, "" when the line is not a part-1 heading.
std::string Heading(const std::string& compact) {
  static const std::u32string cn = U"一二三四五六七八九十";
  std::u32string u = ToU32(compact);
  size_t i = 0;
  while (i < u.size() && cn.find(u[i]) != std::u32string::npos) ++i;
  if (i == 0 || i >= u.size() || u[i] != U'、') return "";
  std::string name = ToUtf8(u.substr(i + 1));
  if (u.size() - i > 20) return "";  // a heading is short
  return name;
}

// Whether `heading` names `name`: holds it, or (a name of four characters or more) holds it
// with one character misread (二、分项绩效自标 on a faded scan). The heading's form (一、 …,
// short) already says it is one.
bool Names(const std::string& heading, std::string_view name) {
  if (Contains(heading, name)) return true;
  const std::u32string h = ToU32(heading), n = ToU32(name);
  if (n.size() < 4 || h.size() < n.size()) return false;
  for (size_t at = 0; at + n.size() <= h.size(); ++at) {
    size_t differ = 0;
    for (size_t k = 0; k < n.size() && differ <= 1; ++k) differ += h[at + k] != n[k];
    if (differ <= 1) return true;
  }
  return false;
}

// records.item_sequence: glyphs chi_sim reads for the item numerals 一 … 十 in a faded scan.
std::u32string_view NumeralLookAlikes(char32_t numeral) {
  switch (numeral) {
    case U'一':
      return U"-—_ー";
    case U'二':
      return U"=ニ工";
    case U'三':
      return U"≡王彡";
    case U'四':
      return U"血皿回田凹西目";
    case U'五':
      return U"丑";
    case U'六':
      return U"大穴兴亢";
    case U'七':
      return U"匕上士+";
    case U'八':
      return U"入人儿^";
    case U'九':
      return U"丸力";
    case U'十':
      return U"+千寸";
    default:
      return U"";
  }
}

// The Chinese numeral of item `n` (1 → 一, 12 → 十二), up to 99.
std::u32string Numeral(int n) {
  static const std::u32string_view digits = U"零一二三四五六七八九";
  std::u32string out;
  if (n >= 20) out += digits[static_cast<size_t>(n / 10)];
  if (n >= 10) out += U'十';
  if (n % 10 != 0 || n < 10) out += digits[static_cast<size_t>(n % 10)];
  return out;
}

// records.item_sequence: a line that opens with one glyph in brackets, （血）, where item
// `expected` is due is that item when the glyph looks like the numeral expected (its last, for
// 十一 …), or when the text after it begins as the item before it began (绩效目标 …): the
// next number decides a doubtful one.
bool ExpectedItemNumber(const std::string& text, int expected, const std::string& before,
                        std::string* no, std::string* rest) {
  static constexpr std::u32string_view kOpen = U"（(〈<《{[【", kClose = U"）)〉>》}]】";
  // The text an item's first line shares with the one before it: the goals' 绩效目标 label.
  constexpr size_t kSharedStart = 4;
  const std::u32string u = ToU32(Trim(text));
  const std::u32string numeral = Numeral(expected);
  const size_t glyphs = numeral.size() == 1 ? 1 : 2;  // （血） or （十血）
  if (u.size() < glyphs + 3 || kOpen.find(u[0]) == std::u32string_view::npos ||
      kClose.find(u[glyphs + 1]) == std::u32string_view::npos)
    return false;
  const std::u32string read = u.substr(1, glyphs);
  const std::u32string after = ToU32(Trim(ToUtf8(u.substr(glyphs + 2))));
  const std::u32string prev = ToU32(before);
  const bool looks =
      numeral.size() == read.size() &&
      numeral.substr(0, numeral.size() - 1) == read.substr(0, read.size() - 1) &&
      NumeralLookAlikes(numeral.back()).find(read.back()) != std::u32string_view::npos;
  const bool shaped = prev.size() >= kSharedStart && after.size() >= kSharedStart &&
                      prev.compare(0, kSharedStart, after, 0, kSharedStart) == 0;
  if (!looks && !shaped) return false;
  *no = ToUtf8(numeral);
  *rest = ToUtf8(after);
  return true;
}

std::string StripFinalStop(std::string s) {
  s = Trim(s);
  while (EndsWith(s, "。") || EndsWith(s, ".")) s.resize(s.size() - (EndsWith(s, "。") ? 3 : 1));
  return Trim(s);
}

enum class Part { kNone, kOverall, kGoals, kMeasures };

}  // namespace

Sections ReadSections(const std::vector<PageContent>& pages, const FixSwitches& fixes) {
  Sections out;
  bool scanned = false;  // a page of part 1 was read by OCR
  Part part = Part::kNone;
  bool started = false;  // a part-1 heading has been seen
  std::vector<std::string> overall;
  std::vector<std::string>* current = nullptr;  // lines of the open item
  std::vector<std::vector<std::string>> goal_lines, measure_lines;

  for (const PageContent& page : pages) {
    if (!page.tables.empty() && part != Part::kNone) {
      bool project_page = false;
      for (const TextLine& l : page.lines)
        if (EndsWith(Compact(l.text), "绩效目标表")) project_page = true;
      if (project_page) break;
    }
    bool in_toc = false;  // from a "目录" heading to the end of its page
    const bool ocr = page.source == WordSource::kOcr;
    for (const TextLine& l : page.lines) {
      const std::string compact = Compact(l.text);
      if (compact == "目录") in_toc = true;
      if (in_toc || compact.empty() || IsTocLine(compact) || HasPageNumberBeside(page, l)) continue;
      if (IsPageNumber(compact)) continue;
      // Part 2 ends part 1, unless this is the table of contents naming it.
      if (StartsWith(compact, "第二部分") && started) goto done;
      if (StartsWith(compact, "第一部分")) continue;
      std::string heading = Heading(compact);
      if (!heading.empty()) {
        const bool overall_heading = Names(heading, "总体绩效目标") || Names(heading, "总体目标");
        const bool goals_heading = Names(heading, "分项绩效目标") || Names(heading, "分项目标");
        const bool measures_heading = Names(heading, "保障措施");
        started = started || overall_heading || goals_heading || measures_heading ||
                  Contains(heading, "目标") || Contains(heading, "措施");
        if (overall_heading) { part = Part::kOverall; current = &overall; continue; }
        if (goals_heading) { part = Part::kGoals; current = nullptr; continue; }
        if (measures_heading) { part = Part::kMeasures; current = nullptr; continue; }
      }
      std::string no, rest;
      const auto& so_far = part == Part::kGoals ? goal_lines : measure_lines;
      const bool expected = ocr && fixes.Enabled("records.item_sequence") && !so_far.empty() &&
                            ExpectedItemNumber(l.text, static_cast<int>(so_far.size()) + 1,
                                               so_far.back().front(), &no, &rest);
      if ((part == Part::kGoals || part == Part::kMeasures) &&
          (ItemNumber(l.text, &no, &rest) || expected)) {
        scanned = scanned || ocr;
        SectionItem item;
        item.no = no;
        auto& lines = part == Part::kGoals ? goal_lines : measure_lines;
        auto& items = part == Part::kGoals ? out.goals : out.measures;
        items.push_back(item);
        lines.emplace_back();
        lines.back().push_back(rest);
        current = &lines.back();
        continue;
      }
      if (current) current->push_back(l.text);
    }
  }
done:
  out.overall = JoinWrapped(overall);
  // Goals: "绩效目标：<title>" on the item's line, the text below it.
  for (size_t i = 0; i < out.goals.size(); ++i) {
    auto& lines = goal_lines[i];
    std::string first = Nfkc(lines.front());
    size_t colon = first.find("绩效目标:");
    if (colon != std::string::npos) first = first.substr(colon + std::string("绩效目标:").size());
    out.goals[i].title = StripFinalStop(first);
    out.goals[i].text = JoinWrapped(std::vector<std::string>(lines.begin() + 1, lines.end()));
    if (lines.size() == 1) {
      // Title and text on one line: "绩效目标：标题。正文"
      size_t stop = out.goals[i].title.find("。");
      if (stop != std::string::npos) {
        out.goals[i].text = Trim(out.goals[i].title.substr(stop + 3));
        out.goals[i].title = StripFinalStop(out.goals[i].title.substr(0, stop));
      }
    }
  }
  // Measures: the item's first sentence is its title.
  for (size_t i = 0; i < out.measures.size(); ++i) {
    std::string all = JoinWrapped(measure_lines[i]);
    size_t stop = all.find("。");
    if (stop == std::string::npos) {
      out.measures[i].title = StripFinalStop(all);
      continue;
    }
    out.measures[i].title = StripFinalStop(all.substr(0, stop));
    out.measures[i].text = Trim(all.substr(stop + 3));
  }
  // records.list_full_stop: the items' texts of each list, as SplitNumbered's items.
  if (scanned && fixes.Enabled("records.list_full_stop")) {
    for (std::vector<SectionItem>* list : {&out.goals, &out.measures}) {
      std::vector<std::string> texts;
      for (const SectionItem& item : *list)
        if (!item.text.empty()) texts.push_back(item.text);
      if (!MendFinalStops(texts)) continue;
      auto next = texts.begin();
      for (SectionItem& item : *list)
        if (!item.text.empty()) item.text = *next++;
    }
  }
  return out;
}

DocumentMeta ReadMeta(const std::vector<PageContent>& pages) {
  DocumentMeta m;
  // The cover: the first page with text. Its title names a year and a budget or performance
  // text; the department is the line above it.
  const PageContent* cover = nullptr;
  for (const PageContent& p : pages)
    if (!p.lines.empty()) { cover = &p; break; }
  if (!cover) return m;
  const auto& lines = cover->lines;
  int title_at = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string compact = Compact(lines[i].text);
    if (title_at < 0 && IsCoverTitle(lines[i].text)) {
      title_at = static_cast<int>(i);
      m.title = Trim(lines[i].text);
      m.year = YearIn(lines[i].text);
    }
    if (Contains(compact, "草案")) m.draft = true;
    if (EndsWith(compact, "编制") && m.compiled_by.empty()) m.compiled_by = Trim(lines[i].text);
    if (EndsWith(compact, "审核") && m.reviewed_by.empty()) m.reviewed_by = Trim(lines[i].text);
    if (m.department.empty()) m.department = LabeledOrganization(lines[i].text);
  }
  // A table's title is no cover's: the line above it is the table's number (表10-1), not a
  // department.
  if (title_at > 0 && m.department.empty() && !IsProjectTitle(Compact(m.title))) {
    for (int i = title_at - 1; i >= 0; --i) {
      std::string t = Trim(lines[i].text);
      if (t.empty() || IsPageNumber(Compact(t)) || IsTableNumber(Compact(t))) continue;
      m.department = t;
      break;
    }
  }
  if (m.title.empty()) {
    // A cover whose title is broken over short lines ("2026 年度" / "某局" / "单位预算").
    m.title = BrokenCoverTitle(*cover);
    if (!m.title.empty()) m.year = YearIn(m.title);
  }
  if (m.title.empty()) {
    // No cover: the title of the first performance table (a form repeated on every page),
    // and the year printed under it ("（2022年度）").
    for (const PageContent& p : pages) {
      for (size_t i = 0; i < p.lines.size() && m.title.empty(); ++i) {
        if (!IsProjectTitle(Compact(p.lines[i].text))) continue;
        m.title = Trim(p.lines[i].text);
        for (size_t j = i; j < p.lines.size() && j <= i + 2 && !m.year; ++j) m.year = YearIn(p.lines[j].text);
      }
      if (!m.title.empty()) break;
    }
  }
  if (m.title.empty()) {
    // Neither cover nor performance table (a document of 收支总表 and the like): the first
    // page's heading, the year printed in it or under it ("（2022年度）"). A document whose
    // first page is a 收支总表 and whose performance tables follow keeps theirs
    // (samples/tianbao-2022).
    if (const TextLine* heading = FirstHeading(*cover)) {
      m.title = Trim(heading->text);
      for (const TextLine* l = heading;
           l < lines.data() + lines.size() && l <= heading + 2 && !m.year; ++l)
        m.year = YearIn(l->text);
    }
  }
  if (!m.year) {
    for (const TextLine& l : lines)
      if ((m.year = YearIn(l.text))) break;
  }
  // The year under a title that a scan's rule took into the table's top row ("…绩效表
  // （2021年度） 金额单位：万元" in a cell).
  for (const Table& t : cover->tables)
    for (const TableCell& c : t.cells) {
      if (m.year) break;
      if (c.row < kHeadingRowsInTable) m.year = BracketedYearIn(c.text);
    }
  return m;
}

void DepartmentFromProjects(DocumentMeta& meta, const std::vector<Project>& projects) {
  if (!meta.department.empty() || projects.empty()) return;
  for (const auto& [label, value] : projects.front().attributes)
    for (std::string_view l : DepartmentFieldLabels())
      if (label == l) {
        meta.department = WithoutUnitCode(value);
        return;
      }
}

void DepartmentFromHeadings(DocumentMeta& meta, const std::vector<PageContent>& pages,
                            const std::vector<Project>& projects) {
  if (!meta.department.empty()) return;
  // A line naming it above a table ("部门名称：某局", "部门（单位）：某局"), the first one
  // printed.
  for (const PageContent& page : pages)
    for (const TextLine& l : page.lines) {
      meta.department = LabeledOrganization(l.text);
      if (!meta.department.empty()) return;
    }
  // A table of the whole department's targets names it.
  for (const Project& p : projects)
    if (p.kind == "department" && !p.project_name.empty()) {
      meta.department = p.project_name;
      return;
    }
  // The line ruled into a table's top row (a seal's ring or a fold drew a rule under it on a
  // scan: "部门名称：某局" in a cell), the first one printed.
  for (const PageContent& page : pages)
    for (const Table& t : page.tables)
      for (const TableCell& c : t.cells) {
        if (c.row >= kHeadingRowsInTable) continue;
        if (!StartsWithOrganizationLabel(c.text)) continue;
        meta.department = LabeledOrganization(c.text);
        if (!meta.department.empty()) return;
      }
  // The organization the document's title or first heading names ("某局2022年部门收支总表").
  meta.department = OrganizationInHeading(meta.title);
  for (const PageContent& page : pages) {
    if (!meta.department.empty() || page.lines.empty()) break;
    if (const TextLine* heading = FirstHeading(page))
      meta.department = OrganizationInHeading(heading->text);
    break;
  }
}

}  // namespace jixiao
