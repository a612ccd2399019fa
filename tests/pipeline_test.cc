// The document's two steps: ReadPages, then BuildDocument's passes by name, in one list.
#include <gtest/gtest.h>

#include <set>

#include "checks/report.h"
#include "extract/document.h"
#include "layout/grid.h"
#include "output/json.h"
#include "pipeline/extract.h"

namespace jixiao {
namespace {

const std::string kSample = std::string(JIXIAO_SOURCE_DIR) + "/samples/tianbao-2022/digital.pdf";

TEST(Pipeline, PassesAreNamedOnceInTheirOrder) {
  std::vector<std::string> names;
  for (const DocumentPass& p : DocumentPasses()) {
    names.push_back(p.name);
    EXPECT_NE(std::string(p.description), "") << p.name;
  }
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());
  auto at = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
  // Corrections before the records, projects before their levels and checks.
  EXPECT_LT(at("ocr.document_lexicon"), at("records.projects"));
  EXPECT_LT(at("records.projects"), at("records.indicator_levels"));
  EXPECT_LT(at("records.indicator_levels"), at("checks"));
  EXPECT_EQ(names.back(), "checks");
}

TEST(Pipeline, ReadPagesThenBuildDocumentIsExtract) {
  PagesRead read = ReadPages(kSample);
  EXPECT_EQ(read.pages.size(), static_cast<size_t>(read.source.pages));
  const ExtractResult built = BuildDocument(std::move(read));
  const ExtractResult whole = Extract(kSample);
  EXPECT_EQ(ExtractJson(built).dump(), ExtractJson(whole).dump());
  EXPECT_FALSE(built.projects.empty());
}

TEST(Pipeline, CheckReportReusesTheExtractionsFindings) {
  ExtractResult r = Extract(kSample);
  // Findings computed by extraction are taken as they are; records read back are checked anew.
  Finding planted;
  planted.rule = "planted";
  planted.severity = Severity::kError;
  const CheckReport given = CheckDocuments({{"a.pdf", r.document.year, r.projects, std::vector<Finding>{planted}}}, false);
  ASSERT_EQ(given.documents.size(), 1u);
  EXPECT_EQ(given.documents[0].findings.size(), 1u);
  EXPECT_TRUE(given.HasErrors());
  const CheckReport fresh = CheckDocuments({{"a.json", r.document.year, r.projects, std::nullopt}}, false);
  EXPECT_EQ(fresh.documents[0].findings.size(), r.findings.size());
  EXPECT_FALSE(fresh.HasErrors());
  // Two documents of the same year are compared by input, not by year.
  const CheckReport compared = CheckDocuments(
      {{"a.pdf", r.document.year, r.projects, std::nullopt}, {"b.pdf", r.document.year, r.projects, std::nullopt}}, true);
  ASSERT_TRUE(compared.comparison);
  EXPECT_EQ(compared.comparison->documents, (std::vector<std::string>{"a.pdf", "b.pdf"}));
}

TEST(Pipeline, ADigitalPageDrawnWithoutTextGivesTheSameGrids) {
  // The grids of a digital page are found on its rendering without text (the text layer gives
  // the words): the same tables, row and column lines as on the page drawn whole, and no glyph.
  for (const std::string& pdf :
       {kSample, std::string(JIXIAO_SOURCE_DIR) + "/samples/jiaoyu-2021/digital.pdf"}) {
    const Document doc = Document::Open(pdf);
    for (int page = 1; page <= doc.page_count(); ++page) {
      const PageImage whole = doc.Render(page, 100);
      const PageImage rules = doc.Render(page, 100, Document::Drawn::kSkipText);
      ASSERT_EQ(rules.gray.size(), whole.gray.size()) << pdf << " page " << page;
      const int dark_whole = cv::countNonZero(whole.gray < 128);
      const int dark_rules = cv::countNonZero(rules.gray < 128);
      EXPECT_LT(dark_rules, dark_whole) << pdf << " page " << page << ": the text was drawn";
      const std::vector<Grid> a = FindGrids(whole), b = FindGrids(rules);
      ASSERT_EQ(a.size(), b.size()) << pdf << " page " << page;
      for (size_t i = 0; i < a.size(); ++i) {
        ASSERT_EQ(a[i].row_lines.size(), b[i].row_lines.size()) << pdf << " page " << page;
        ASSERT_EQ(a[i].col_lines.size(), b[i].col_lines.size()) << pdf << " page " << page;
        for (size_t k = 0; k < a[i].row_lines.size(); ++k)
          EXPECT_NEAR(a[i].row_lines[k], b[i].row_lines[k], 0.5) << pdf << " page " << page;
        for (size_t k = 0; k < a[i].col_lines.size(); ++k)
          EXPECT_NEAR(a[i].col_lines[k], b[i].col_lines[k], 0.5) << pdf << " page " << page;
      }
    }
  }
}

}  // namespace
}  // namespace jixiao
