// The document's two steps: ReadPages, then BuildDocument's passes by name, in one list.
#include "pipeline/extract.h"

#include <gtest/gtest.h>

#include <set>

#include "checks/report.h"
#include "output/json.h"

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

}  // namespace
}  // namespace jixiao
