// The text around the tables: headings and organizations' lines (records/headings.h).
#include "records/headings.h"

#include <regex>

#include "core/text.h"
#include "vocabulary/vocabulary.h"

namespace jixiao {

namespace {

// A heading names an organization of at least this many Chinese characters (局, 厅 alone are
// no department).
constexpr int kMinOrganizationChars = 2;
// A cover's title broken over lines: at most this many lines, each at most this many code
// points (a cover prints its title in a few short lines in a large font).
constexpr size_t kMaxCoverTitleLines = 4;
constexpr size_t kMaxCoverTitleLineChars = 16;

int Ideographs(std::string_view text) {
  int n = 0;
  for (char32_t c : ToU32(text)) n += IsIdeograph(c) ? 1 : 0;
  return n;
}

// The money unit a line prints at its right, where an organization's name ends.
size_t MoneyUnitLabelAt(const std::string& compact, size_t from) {
  size_t at = std::string::npos;
  for (std::string_view label : MoneyUnitLabels()) {
    const size_t a = compact.find(label, from);
    if (a != std::string::npos && a < at) at = a;
  }
  return at;
}

// The year line under a title: "（2022年度）", "2022年度".
bool IsYearLine(const std::string& compact) {
  static const std::regex re("^\\(?(19|20)[0-9]{2}年(?:度)?\\)?$");
  return std::regex_match(compact, re);
}

}  // namespace

std::optional<int> YearIn(std::string_view text) {
  static const std::regex year_re("((?:19|20)[0-9]{2})\\s*年");
  std::smatch m;
  const std::string nf = Nfkc(text);
  if (!std::regex_search(nf, m, year_re)) return std::nullopt;
  return std::stoi(m[1].str());
}

std::optional<int> BracketedYearIn(std::string_view text) {
  static const std::regex re("\\(((?:19|20)[0-9]{2})年(?:度)?\\)");
  std::smatch m;
  const std::string compact = Compact(text);
  if (!std::regex_search(compact, m, re)) return std::nullopt;
  return std::stoi(m[1].str());
}

bool StartsWithOrganizationLabel(std::string_view text) {
  const std::string compact = Compact(text);
  for (std::string_view label : OrganizationLabels())
    if (StartsWith(compact, label)) return true;
  return false;
}

bool IsTableNumber(const std::string& compact) {
  static const std::regex re("^(附件|附表|表|预算)?[0-9]+(表|-[0-9]+)?$|^(附件|附表)$");
  return std::regex_match(compact, re);
}

bool IsPageNumber(const std::string& compact) {
  std::u32string u = ToU32(compact);
  if (u.empty()) return false;
  int digits = 0;
  for (char32_t c : u) {
    if (c >= '0' && c <= '9') {
      ++digits;
      continue;
    }
    if (c == '-' || c == U'—' || c == U'－' || c == U'第' || c == U'页' || c == U'共' || c == '/')
      continue;
    return false;
  }
  return digits > 0 && digits <= 4;
}

bool IsCoverTitle(std::string_view text) {
  const std::string compact = Compact(text);
  return YearIn(text) &&
         (Contains(compact, "预算") || Contains(compact, "绩效") || Contains(compact, "决算"));
}

std::string LabeledOrganization(std::string_view text) {
  // Compared and given in compact form: a Chinese name has no spaces of its own.
  const std::string compact = Compact(text);
  for (std::string_view label : OrganizationLabels()) {
    const size_t at = compact.find(label);
    if (at == std::string::npos) continue;
    const size_t from = at + label.size();
    const size_t end = MoneyUnitLabelAt(compact, from);
    return compact.substr(from, end == std::string::npos ? std::string::npos : end - from);
  }
  return "";
}

std::string OrganizationInHeading(std::string_view text) {
  static const std::regex year_re("((?:19|20)[0-9]{2})\\s*年(?:度)?");
  const std::string nf = Trim(Nfkc(text));
  std::smatch m;
  if (!std::regex_search(nf, m, year_re)) return "";
  // Before the year, without a table's number ("预算01表 某局2026年…").
  std::string before = Trim(m.prefix().str());
  const size_t space = before.rfind(' ');
  if (space != std::string::npos && IsTableNumber(Compact(before.substr(0, space))))
    before = Trim(before.substr(space + 1));
  if (Ideographs(before) >= kMinOrganizationChars) return before;
  if (!before.empty()) return "";
  // After it, before the kind of document.
  const std::string after = Trim(m.suffix().str());
  for (std::string_view end : DocumentKindEndings()) {
    if (!EndsWith(after, end)) continue;
    std::string name = Trim(after.substr(0, after.size() - end.size()));
    if (Ideographs(name) >= kMinOrganizationChars) return name;
  }
  return "";
}

std::string WithoutUnitCode(std::string_view text) {
  const std::string s = Trim(Nfkc(text));
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == 0 || i == s.size()) return s;
  if (s[i] == '_' || s[i] == '-' || s[i] == ' ') return Trim(s.substr(i + 1));
  return s;
}

const TextLine* FirstHeading(const PageContent& page) {
  for (const TextLine& l : page.lines) {
    const std::string compact = Compact(l.text);
    if (compact.empty() || IsPageNumber(compact) || IsTableNumber(compact) || IsYearLine(compact))
      continue;
    if (StartsWith(compact, "单位:") || StartsWith(compact, "金额单位:")) continue;
    if (!LabeledOrganization(l.text).empty()) continue;
    if (Ideographs(compact) == 0) continue;
    return &l;
  }
  return nullptr;
}

std::string BrokenCoverTitle(const PageContent& page) {
  // A cover prints no table; a table's title over its year line ("项目支出绩效目标表" /
  // "（2022年度）") is no cover's.
  if (!page.tables.empty()) return "";
  std::vector<std::string> parts;
  for (const TextLine& l : page.lines) {
    if (parts.size() == kMaxCoverTitleLines) break;
    const std::string text = Trim(l.text);
    if (text.empty()) continue;
    const std::string compact = Compact(text);
    if (ToU32(compact).size() > kMaxCoverTitleLineChars || IsProjectTitle(compact) ||
        IsTableNumber(compact))
      break;
    parts.push_back(text);
    // The title ends with its kind of document.
    const std::string joined = JoinWrapped(parts);
    if (parts.size() > 1 && IsCoverTitle(joined)) return joined;
  }
  return "";
}

}  // namespace jixiao
