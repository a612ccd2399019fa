// The named fixes (core/fixes.h): the registry, each text fix on its own rows, `jixiao fixes`,
// and `jixiao extract --disable-fix` on a scanned sample, where a field a fix changed comes
// out as it was read and its provenance no longer names the fix.
#include "core/fixes.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "ocr/text_fixes.h"
#include "output/json.h"
#include "pipeline/extract.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;
using Ids = std::vector<std::string>;

// ---------------------------------------------------------------- the registry

TEST(FixRegistry, IdsAreUniqueDottedAndDescribed) {
  std::set<std::string_view> seen;
  for (const FixInfo& f : Fixes()) {
    EXPECT_TRUE(seen.insert(f.id).second) << "twice: " << f.id;
    EXPECT_TRUE(std::regex_match(std::string(f.id), std::regex("(ocr|records)\\.[a-z0-9_]+")))
        << f.id;
    EXPECT_FALSE(f.description.empty()) << f.id;
    EXPECT_EQ(f.description.find('\n'), std::string_view::npos) << f.id;
    EXPECT_EQ(FindFix(f.id), &f);
  }
  EXPECT_EQ(FindFix("ocr.no_such_fix"), nullptr);
  // The line reader's fixes come first, the records' last.
  EXPECT_EQ(Fixes().front().stage, FixStage::kLine);
  EXPECT_EQ(Fixes().back().id, "records.indicator_levels");
}

TEST(FixRegistry, TheTextFixesAreTheRegistrysInItsOrder) {
  Ids text, table;
  for (const FixInfo& f : Fixes())
    if (f.stage == FixStage::kText) text.emplace_back(f.id);
  for (const ocr::TextFix& f : ocr::TextFixes()) table.emplace_back(f.id);
  EXPECT_EQ(table, text);
  EXPECT_GE(table.size(), 20u);
}

TEST(FixRegistry, EveryFixIsDocumented) {
  std::ifstream in(std::string(JIXIAO_SOURCE_DIR) + "/ocr/README.md");
  std::stringstream doc;
  doc << in.rdbuf();
  for (const FixInfo& f : Fixes())
    EXPECT_NE(doc.str().find("`" + std::string(f.id) + "`"), std::string::npos)
        << f.id << " is not in ocr/README.md";
}

TEST(FixRegistry, ANotedFixIsListedOnceInTheRegistrysOrder) {
  Ids fixes;
  NoteFix(fixes, "records.indicator_levels");
  NoteFix(fixes, "ocr.times");
  NoteFix(fixes, "ocr.nearest_term");
  NoteFix(fixes, "ocr.times");
  NoteFixes(fixes, {"ocr.operator_shape", "ocr.nearest_term"});
  EXPECT_EQ(fixes, (Ids{"ocr.operator_shape", "ocr.times", "ocr.nearest_term",
                        "records.indicator_levels"}));
}

TEST(FixRegistry, SwitchesKnowOnlyTheRegistrysIds) {
  FixSwitches s;
  EXPECT_TRUE(s.AllEnabled());
  s.Disable("ocr.he_tai");
  EXPECT_FALSE(s.Enabled("ocr.he_tai"));
  EXPECT_TRUE(s.Enabled("ocr.times"));
  try {
    s.Disable("ocr.he-tai");
    FAIL() << "an unknown id is accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_NE(e.message().find("ocr.he-tai"), std::string::npos);
  }
}

// ---------------------------------------------------------------- the text fixes

// A line as chi_sim read it, the text the fixes make of it, and the fixes that changed it.
struct Row {
  std::string in, out;
  Ids fixes;
  // Another fix does the same when this one is off (the registry holds overlapping fixes;
  // scripts/bench-fixes.sh shows what each is worth).
  std::string otherwise = {};
  std::string otherwise_out = {};  // what `otherwise` makes of it, when not `out`
};

// Rows per fix: each changes the text by that fix alone (and so, with it switched off, the
// text stays as read), or leaves it alone (fixes empty).
const std::vector<Row>& TextRows() {
  static const std::vector<Row> rows = {
      {"总故障数量x100%", "总故障数量×100%", {"ocr.times"}},
      {"A2x3", "A2x3", {}},
      {"八)绩效目标：会计", "（八）绩效目标：会计", {"ocr.item_number"}},
      {"（八）绩效目标：会计", "（八）绩效目标：会计", {}},
      {"2…、财税征收经费绩效目标表", "2、财税征收经费绩效目标表", {"ocr.item_number_specks"}},
      {"审核批复部门〈单位)", "审核批复部门（单位）", {"ocr.angle_bracket"}},
      {"审核批复部门〈单位) 年度",
       "审核批复部门（单位）年度",
       {"ocr.angle_bracket", "ocr.cjk_punctuation"}},
      {"《预算法》", "《预算法》", {}},
      {"（三）绩效目标非税收入管理", "（三）绩效目标：非税收入管理", {"ocr.goal_colon"}},
      {"（三） 绩效目标非税收入管理",
       "（三）绩效目标：非税收入管理",
       {"ocr.goal_colon", "ocr.cjk_punctuation"}},
      {"（二）绩效目标,强化制度保障",
       "（二）绩效目标：强化制度保障",
       {"ocr.goal_colon"},
       "ocr.cjk_punctuation",
       "（二）绩效目标，强化制度保障"},
      {"完成绩效目标，强化管理", "完成绩效目标，强化管理", {}},
      {"单位：,万元", "单位：万元", {"ocr.label_colon"}, "ocr.cjk_punctuation", "单位：，万元"},
      // A heading's colon read as another mark (seal, fade): 部门名称，… 金额单位，元.
      {"部门名称，青峪县生态环境局", "部门名称：青峪县生态环境局", {"ocr.label_colon"}},
      {"部门名称；云岭县司法局", "部门名称：云岭县司法局", {"ocr.label_colon"}},
      {"部门（单位）名称，某局", "部门（单位）名称：某局", {"ocr.label_colon"}},
      {"金额单位，元", "金额单位：元", {"ocr.label_colon"}},
      {"单位，万元", "单位：万元", {"ocr.label_colon"}},
      {"各单位，元旦前完成", "各单位，元旦前完成", {}},
      {"各单位，万元以上", "各单位，万元以上", {}},
      {"绩效目标;国有资本经营管理",
       "绩效目标：国有资本经营管理",
       {"ocr.label_colon"},
       "ocr.cjk_punctuation",
       "绩效目标；国有资本经营管理"},
      {"11000026TO00053535958-就业服务", "11000026T000053535958-就业服务", {"ocr.code_o_zero"}},
      {"11000026O000053535958", "11000026O000053535958", {}},  // O may be the code's letter
      {"ISO9001认证", "ISO9001认证", {}},                      // no code
      {"服务台同", "服务合同", {"ocr.he_tai"}},
      {"符人台组织部门", "符合组织部门", {"ocr.he_tai"}},
      {"控辍保学台账", "控辍保学台账", {}},
      {"资金$用途|", "资金用途", {"ocr.stray_marks"}},
      {"≤0.90(%o)", "≤0.90(‰)", {"ocr.per_mille"}},
      {"100%", "100%", {}},
      {"绿化面积L3459平方米", "绿化面积13459平方米", {"ocr.one_letter"}},
      {"JBN-L3X", "JBN-L3X", {}},
      {"2021年11]月30日前", "2021年11月30日前", {"ocr.lone_bracket"}},
      {"[1]", "[1]", {}},
      {"750元/生:年", "750元/生·年", {"ocr.unit_dot_mark"}, "ocr.cjk_punctuation", "750元/生：年"},
      {"=4元/生'天", "=4元/生·天", {"ocr.unit_dot_mark"}},
      {"“一人一案”'学生", "“一人一案”'学生", {}},
      {"预算总额的5%6安排", "预算总额的5%安排", {"ocr.percent_echo"}},
      {"90%6以上", "90%以上", {"ocr.percent_echo"}},
      {"5%-10%", "5%-10%", {}},
      {"100%%完成", "100%完成", {"ocr.percent_twice"}},
      {"95?%%", "95%", {"ocr.percent_twice"}},
      {"是否达标?", "是否达标?", {}},
      {"959%以上", "95%以上", {"ocr.percent_over_100"}},
      {"≥1009%", "≥100%", {"ocr.percent_over_100"}},
      {"150%", "150%", {}},
      {"95.9%", "95.9%", {}},
      {"增长96%", "增长96%", {}},
      {"750元/生年", "750元/生·年", {"ocr.unit_dot_lost"}},
      {"=4元/生天", "=4元/生·天", {"ocr.unit_dot_lost"}},
      {"元/生·年", "元/生·年", {}},
      {"每人/年度考核", "每人/年度考核", {}},
      {"通过\"一卡通\"发放到户", "通过“一卡通”发放到户", {"ocr.straight_quotes"}},
      {"执行“双监控\"，发现", "执行“双监控”，发现", {"ocr.straight_quotes"}, "ocr.closing_quote"},
      {"护林员186人“，管护", "护林员186人，管护", {"ocr.open_quote_speck"}},
      {"控制在0.9‰o以内", "控制在0.9‰以内", {"ocr.per_mille_o"}},
      {"≥13459.00{平方米)", "≥13459.00(平方米)", {"ocr.brace_paren"}},
      {"2022年10月31月前", "2022年10月31日前", {"ocr.day_month"}},
      {"2022年10月底前", "2022年10月底前", {}},
      {"达到“100%\"", "达到“100%”", {"ocr.closing_quote"}},
      // funing and jiaoyu scans: full-width marks read as ASCII ones, their blank half as a space.
      {"目标的要求,监控项目经费的使用;确保",
       "目标的要求，监控项目经费的使用；确保",
       {"ocr.cjk_punctuation"}},
      {"核批复部门 (单位) 年度预决算", "核批复部门（单位）年度预决算", {"ocr.cjk_punctuation"}},
      {"部门（单位） 银行账户", "部门（单位）银行账户", {"ocr.cjk_punctuation"}},
      {"是否达标?是", "是否达标？是", {"ocr.cjk_punctuation"}},
      {"资金（基金)。", "资金（基金）。", {"ocr.cjk_punctuation"}},
      // Not between Chinese characters: numbers, codes, a bracket around a number.
      {"单价:30元", "单价:30元", {}},
      {"1,200,000", "1,200,000", {}},
      {"(2022年)", "(2022年)", {}},
      {"项目 (2022年) 资金", "项目 (2022年) 资金", {}},
      {"产出指标.", "产出指标", {"ocr.final_full_stop"}},
      {"100.00", "100.00", {}},
      // Two fixes on one line, in the registry's order.
      {"〈八) 绩效目标;国有资本经营管理",
       "（八）绩效目标：国有资本经营管理",
       {"ocr.item_number", "ocr.label_colon", "ocr.cjk_punctuation"}},
      // A blurred full-width colon read as a colon and a semicolon.
      {"(六) 绩效目标:; 强化校园安全管理",
       "（六）绩效目标：强化校园安全管理",
       {"ocr.item_number", "ocr.label_colon", "ocr.cjk_punctuation"}},
  };
  return rows;
}

FixSwitches Without(const std::string& id) {
  FixSwitches s;
  s.Disable(id);
  return s;
}

TEST(TextFixes, EachRowGivesItsTextAndNamesItsFixes) {
  for (const Row& r : TextRows()) {
    const ocr::FixedText got = ocr::FixSymbols(r.in, FixSwitches{});
    EXPECT_EQ(got.text, r.out) << r.in;
    EXPECT_EQ(got.fixes, r.fixes) << r.in;
    EXPECT_EQ(ocr::FixSymbols(r.in), r.out) << r.in;
  }
}

TEST(TextFixes, AFixSwitchedOffLeavesItsTextAsRead) {
  for (const Row& r : TextRows()) {
    if (r.fixes.size() != 1) continue;
    const ocr::FixedText got = ocr::FixSymbols(r.in, Without(r.fixes[0]));
    if (!r.otherwise.empty()) {
      EXPECT_EQ(got.text, r.otherwise_out.empty() ? r.out : r.otherwise_out) << r.fixes[0];
      EXPECT_EQ(got.fixes, Ids{r.otherwise}) << r.fixes[0];
      continue;
    }
    EXPECT_EQ(got.text, r.in) << r.fixes[0];
    EXPECT_TRUE(got.fixes.empty()) << r.fixes[0];
  }
  // The others still apply.
  const ocr::FixedText got =
      ocr::FixSymbols("〈八) 绩效目标;国有资本经营管理", Without("ocr.label_colon"));
  EXPECT_EQ(got.text, "（八）绩效目标；国有资本经营管理");
  EXPECT_EQ(got.fixes, (Ids{"ocr.item_number", "ocr.cjk_punctuation"}));
}

TEST(TextFixes, EveryTextFixHasARowThatItChanges) {
  std::set<std::string> covered;
  for (const Row& r : TextRows())
    if (r.fixes.size() == 1) covered.insert(r.fixes[0]);
  for (const ocr::TextFix& f : ocr::TextFixes())
    EXPECT_TRUE(covered.count(std::string(f.id))) << f.id;
}

// The speck trims of cells and lines: text in, text out, fixes named.
struct TrimRow {
  bool cell;  // TrimCellMarks, else TrimLeadingMarks
  std::string in, out;
  Ids fixes;
};

TEST(TextFixes, TrimsOfCellsAndLines) {
  const std::vector<TrimRow> rows = {
      {true, ".工作计划、", "工作计划", {"ocr.cell_end_marks"}},
      {true, "100%-", "100%", {"ocr.cell_end_marks"}},
      {true, "完成的时间”", "完成的时间", {"ocr.cell_end_marks"}},
      {true, "落实“一人一案”", "落实“一人一案”", {}},
      {true, "=4元/生.天", "=4元/生·天", {"ocr.cell_dots"}},
      {true, "资金.用途", "资金，用途", {"ocr.cell_dots"}},
      {true, ";资金.用途", "资金，用途", {"ocr.cell_end_marks", "ocr.cell_dots"}},
      {false, "..审核并汇总", "审核并汇总", {"ocr.line_start_marks"}},
      {false, "..、一般公共预算", "一般公共预算", {"ocr.line_start_marks"}},
      {false, "、一般公共预算", "、一般公共预算", {}},
      {false, "审核并汇总.编制", "审核并汇总编制", {"ocr.line_dots"}},
      {false, "..审核并汇总.编制", "审核并汇总编制", {"ocr.line_start_marks", "ocr.line_dots"}},
  };
  for (const TrimRow& r : rows) {
    Ids fixes;
    const std::string got = r.cell ? ocr::TrimCellMarks(r.in, FixSwitches{}, &fixes)
                                   : ocr::TrimLeadingMarks(r.in, FixSwitches{}, &fixes);
    EXPECT_EQ(got, r.out) << r.in;
    EXPECT_EQ(fixes, r.fixes) << r.in;
    EXPECT_EQ(r.cell ? ocr::TrimCellMarks(r.in) : ocr::TrimLeadingMarks(r.in), r.out) << r.in;
    if (r.fixes.size() != 1) continue;
    Ids none;
    const std::string off = r.cell ? ocr::TrimCellMarks(r.in, Without(r.fixes[0]), &none)
                                   : ocr::TrimLeadingMarks(r.in, Without(r.fixes[0]), &none);
    EXPECT_EQ(off, r.in) << r.fixes[0];
    EXPECT_TRUE(none.empty()) << r.fixes[0];
  }
}

// ---------------------------------------------------------------- provenance

TEST(FixProvenance, TheFixesAreWrittenBesideCorrectedAndReadBack) {
  ExtractResult r;
  Project p;
  p.index = 1;
  p.project_code = "207-0502-JBN-7QX3";
  Source named;
  named.source = WordSource::kOcr;
  named.corrected = true;
  named.fixes = {"ocr.operator_shape", "ocr.nearest_term"};
  Source trimmed;
  trimmed.source = WordSource::kOcr;
  trimmed.fixes = {"ocr.cell_end_marks"};
  p.provenance["indicators[0].value"] = named;
  p.provenance["indicators[0].level3"] = trimmed;
  p.provenance["project_code"] = Source{};
  r.projects.push_back(p);
  const nlohmann::ordered_json j = ExtractJson(r);
  const auto& prov = j["projects"][0]["provenance"];
  EXPECT_EQ(prov["indicators[0].value"]["corrected"], true);
  EXPECT_EQ(prov["indicators[0].value"]["fixes"], nlohmann::ordered_json(named.fixes));
  EXPECT_FALSE(prov["indicators[0].level3"].contains("corrected"));
  EXPECT_EQ(prov["indicators[0].level3"]["fixes"], nlohmann::ordered_json(trimmed.fixes));
  EXPECT_FALSE(prov["project_code"].contains("fixes"));  // nothing changed it
  const ExtractResult back = ReadExtractJson(j, "x.json");
  ASSERT_EQ(back.projects.size(), 1u);
  EXPECT_EQ(back.projects[0].provenance.at("indicators[0].value").fixes, named.fixes);
  EXPECT_TRUE(back.projects[0].provenance.at("indicators[0].value").corrected);
  EXPECT_EQ(back.projects[0].provenance.at("indicators[0].level3").fixes, trimmed.fixes);
  EXPECT_TRUE(back.projects[0].provenance.at("project_code").fixes.empty());
}

// ---------------------------------------------------------------- the program

struct RunResult {
  int code = -1;
  std::string out, err;
};

RunResult Jixiao(const std::string& args) {
  const fs::path dir = fs::temp_directory_path() / ("jixiao-fixes-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string out = (dir / "stdout").string(), err = (dir / "stderr").string();
  const int status =
      std::system((std::string(JIXIAO_BINARY) + " " + args + " >" + out + " 2>" + err).c_str());
  auto slurp = [](const std::string& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

TEST(FixesCommand, ListsEveryFixOneALineInOrder) {
  const RunResult r = Jixiao("fixes");
  ASSERT_EQ(r.code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  size_t i = 0;
  while (std::getline(lines, line)) {
    ASSERT_LT(i, Fixes().size()) << line;
    const FixInfo& f = Fixes()[i++];
    EXPECT_EQ(line.rfind(std::string(f.id) + " ", 0), 0u) << line;
    EXPECT_NE(line.find(" " + std::string(StageName(f.stage)) + " "), std::string::npos) << line;
    EXPECT_NE(line.find(std::string(f.description)), std::string::npos) << line;
  }
  EXPECT_EQ(i, Fixes().size());
}

TEST(FixesCommand, AnUnknownFixIsAUsageError) {
  const std::string pdf = std::string(JIXIAO_SOURCE_DIR) + "/samples/jiaoyu-2021/digital.pdf";
  for (const std::string command : {"extract", "tables", "check"}) {
    const RunResult r = Jixiao(command + " --disable-fix ocr.no_such_fix " + pdf);
    EXPECT_EQ(r.code, 64) << command << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find("ocr.no_such_fix"), std::string::npos) << r.err;
  }
}

TEST(FixesCommand, KnownFixesCanBeSwitchedOffWhereverPagesAreRead) {
  // A digital document: no fix applies, so switching some off changes nothing.
  const std::string pdf = std::string(JIXIAO_SOURCE_DIR) + "/samples/jiaoyu-2021/digital.pdf";
  const RunResult all = Jixiao("tables " + pdf);
  const RunResult off =
      Jixiao("tables " + pdf + " --disable-fix ocr.times --disable-fix records.indicator_levels");
  EXPECT_EQ(off.code, 0) << off.err;
  EXPECT_EQ(off.out, all.out);
}

// ---------------------------------------------------------------- a scanned sample

using Json = nlohmann::json;

// The value at a provenance path of a project ("indicators[3].value", "schedule.jun").
Json At(const Json& project, const std::string& path) {
  Json v = project;
  static const std::regex part("([a-z_0-9]+)|\\[([0-9]+)\\]");
  for (auto it = std::sregex_iterator(path.begin(), path.end(), part); it != std::sregex_iterator();
       ++it) {
    if ((*it)[1].matched) {
      if (!v.is_object() || !v.contains((*it)[1].str())) return Json();
      v = Json(v[(*it)[1].str()]);
    } else {
      const size_t i = std::stoul((*it)[2].str());
      if (!v.is_array() || i >= v.size()) return Json();
      v = Json(v[i]);
    }
  }
  return v;
}

class ScanFixes : public ::testing::Test {
 protected:
  // One page of the office scan of the jiaoyu sample (its ninth: a project's table, where both
  // a text fix and the second recognizer change fields), extracted with every fix. One page, not
  // the whole scan, keeps the suite to seconds (under the sanitizers too).
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("jixiao-scan-fixes-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    const std::string cut = "pdfseparate -f 9 -l 9 " + std::string(JIXIAO_SOURCE_DIR) +
                            "/samples/jiaoyu-2021/scan-office.pdf " + Page().string();
    EXPECT_EQ(std::system(cut.c_str()), 0) << cut;
    all_ = new Json(Extract("all.json", ""));
  }
  static fs::path Page() { return *dir_ / "scan-office-page-9.pdf"; }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete all_;
  }
  static Json Extract(const std::string& name, const std::string& options) {
    const std::string out = (*dir_ / name).string();
    const RunResult r = Jixiao("extract " + Page().string() + " -o " + out + " " + options);
    EXPECT_EQ(r.code, 0) << r.err;
    std::ifstream in(out);
    return in ? Json::parse(in) : Json();
  }
  static fs::path* dir_;
  static Json* all_;
};
fs::path* ScanFixes::dir_ = nullptr;
Json* ScanFixes::all_ = nullptr;

TEST_F(ScanFixes, ProvenanceNamesOnlyRegisteredFixesAndEveryCorrectedFieldNamesOne) {
  ASSERT_TRUE(all_->contains("projects"));
  int named = 0;
  for (const Json& p : (*all_)["projects"]) {
    for (const auto& [field, source] : p["provenance"].items()) {
      const bool corrected = source.value("corrected", false);
      const Json fixes = source.value("fixes", Json::array());
      if (corrected) {
        EXPECT_FALSE(fixes.empty()) << field;
      }
      for (const Json& id : fixes) EXPECT_NE(FindFix(id.get<std::string>()), nullptr) << id;
      named += !fixes.empty();
    }
  }
  EXPECT_GT(named, 0);
}

TEST_F(ScanFixes, AFieldReadWithoutItsFixKeepsItsReadingAndNoLongerNamesIt) {
  // The first field that a text fix changed (750元/生:年 for 750元/生·年, say), and the first
  // that the second recognizer changed (腾食 for 膳食).
  struct Changed {
    size_t project = 0;
    std::string field, fix;
    Json value;
  };
  auto first_by = [&](FixStage stage) -> std::optional<Changed> {
    const Json& projects = (*all_)["projects"];
    for (size_t i = 0; i < projects.size(); ++i)
      for (const auto& [field, source] : projects[i]["provenance"].items())
        for (const Json& id : source.value("fixes", Json::array()))
          if (FindFix(id.get<std::string>())->stage == stage)
            return Changed{i, field, id.get<std::string>(), At(projects[i], field)};
    return std::nullopt;
  };
  const std::optional<Changed> text = first_by(FixStage::kText);
  const std::optional<Changed> document = first_by(FixStage::kDocument);
  ASSERT_TRUE(text) << "no field of the scan names a text fix";
  ASSERT_TRUE(document) << "no field of the scan names a document fix";
  ASSERT_NE(text->fix, document->fix);
  const Json off =
      Extract("off.json", "--disable-fix " + text->fix + " --disable-fix " + document->fix);
  for (const Changed& c : {*text, *document}) {
    ASSERT_LT(c.project, off["projects"].size());
    const Json& p = off["projects"][c.project];
    EXPECT_NE(At(p, c.field), c.value) << c.field << " with " << c.fix << " off";
    const Json fixes = p["provenance"][c.field].value("fixes", Json::array());
    EXPECT_EQ(std::find(fixes.begin(), fixes.end(), Json(c.fix)), fixes.end()) << c.field;
  }
  // No field names a fix that was off.
  for (const Json& p : off["projects"]) {
    for (const auto& [field, source] : p["provenance"].items()) {
      for (const Json& id : source.value("fixes", Json::array())) {
        EXPECT_TRUE(id != text->fix && id != document->fix) << field;
      }
    }
  }
}

}  // namespace
}  // namespace jixiao
