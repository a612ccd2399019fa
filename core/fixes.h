// The corrections applied to text after recognition, by name: one ordered list of fixes, each
// with a stable id, the stage that applies it and what it does (the way DuckDB registers its
// optimizer rules by name). A line, a cell and a record field carry the ids of the fixes that
// changed them (`fixes` in provenance), and any fix can be switched off by id (`jixiao extract
// --disable-fix ID`) to see what it is worth. ocr/README.md ("Corrections") explains.
//
// The list lives here, below ocr/ and records/, because both apply fixes and neither may
// include the other. The text fixes' functions are in ocr/text_fixes.cc, in this order.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// Where a fix is applied, in the order a scanned page goes through them.
enum class FixStage {
  kLine,      // while one line is read (ocr/line_reader.cc)
  kText,      // to one line's text by its own context (ocr/text_fixes.cc, FixSymbols)
  kPage,      // to a page's cells and lines (ocr/scanned_page.cc, Review)
  kDocument,  // by what the whole document prints (ocr/document_lexicon.cc, CorrectByDocument)
  kRecords,   // to the records (records/project.cc, ReadProjects)
};

// "line", "text", "page", "document", "records".
std::string_view StageName(FixStage stage);

struct FixInfo {
  std::string_view id;  // stable: "ocr.percent_echo"; never reused for another fix
  FixStage stage;
  std::string_view description;  // one line: what is read, and what it is taken for
};

// Every fix, in the order they are applied.
const std::vector<FixInfo>& Fixes();

// The fix of `id`, or null.
const FixInfo* FindFix(std::string_view id);

// Which fixes run: every one but those switched off. The default runs them all.
class FixSwitches {
 public:
  // Switches off the fix of `id`; throws Error (kUsage, naming the id) for an unknown one.
  void Disable(std::string_view id);
  bool Enabled(std::string_view id) const { return disabled_.count(id) == 0; }
  bool AllEnabled() const { return disabled_.empty(); }
  const std::set<std::string, std::less<>>& disabled() const { return disabled_; }

 private:
  std::set<std::string, std::less<>> disabled_;
};

// Adds `id` to `fixes`, the ids of the fixes that changed a line, cell or field, once and in
// the order of Fixes(). `id` must be one of Fixes().
void NoteFix(std::vector<std::string>& fixes, std::string_view id);
// Adds each of `more`.
void NoteFixes(std::vector<std::string>& fixes, const std::vector<std::string>& more);

}  // namespace jixiao
