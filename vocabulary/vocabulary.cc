#include "vocabulary/vocabulary.h"

#include <algorithm>

#include "core/text.h"

namespace jixiao {

// ---------------------------------------------------------------- template labels

const LabelSet& LabelsOf(Label label) {
  // clang-format off
  static const LabelSet kCode{{"项目编码", "项目代码", "项目编号"}, true, {}, {}};
  static const LabelSet kName{{"项目名称", "转移支付名称", "专项(项目)名称"}, true, {}, {}};
  static const LabelSet kTotal{{"预算数", "项目资金总额", "资金总额", "预算金额", "年度预算数", "项目总预算",
                                "预算资金", "项目预算数", "预算总额", "项目资金总额(元)", "项目资金总额(万元)",
                                "预算数(万元)", "预算数(元)", "项目总额", "总计", "预算支出总额", "年度资金总额",
                                "年度预算资金总额", "实施期资金总额", "年度金额"},
                                false, {}, {}};
  static const LabelSet kFiscal{{"其中:财政资金", "财政资金", "其中:财政拨款", "财政拨款", "其中:一般公共预算",
                                 "其中:财政性资金"}, true, {}, {}};
  // The fiscal money of one level of government, where a transfer (转移支付) prints each level's:
  // together they are the fiscal money.
  static const LabelSet kFiscalPart{{"中央财政资金", "其中:中央财政资金", "市级财政资金", "省级财政资金",
                                     "区级财政资金", "县级财政资金", "地方财政资金"}, false, {}, {}};
  static const LabelSet kOther{{"其他资金", "其中:其他资金", "自筹资金"}, true, {}, {}};
  // 绩效指标 is one edit from 绩效目标: a label with 指标 is no goals label.
  static const LabelSet kGoals{{"绩效目标", "年度绩效目标", "年度总体目标", "年度目标", "项目年度目标",
                                "年度总体绩效目标", "年度项目目标", "当年绩效目标"}, true, {}, {"指标"}};
  static const LabelSet kSchedule{{}, false, {"资金支出计划", "支出计划", "用款计划", "支出进度"}, {}};
  static const LabelSet kPurpose{{"项目概况", "项目内容", "主要内容", "项目简介"}, false, {"资金用途"}, {}};
  static const LabelSet kListName{{"项目名称", "项目名称(资金使用单位)", "单位(项目)名称", "单位名称(项目名称)"},
                                  true, {}, {}};
  static const LabelSet kDepartment{{"部门名称", "部门(单位)名称"}, false, {}, {}};
  static const LabelSet kOverallGoals{{"整体绩效目标", "总体绩效目标", "部门整体绩效目标", "年度总体绩效目标",
                                       "总体目标", "项目总体目标"},
                                      false, {}, {}};
  static const LabelSet kField{{"主管部门", "主管部门及代码", "主管部门名称", "市级主管部门", "预算部门", "实施单位",
                                "实施单位名称", "项目单位", "项目类别", "项目类型", "项目性质", "项目属性", "项目期限",
                                "项目负责人", "联系电话", "计划开始日期", "计划完成日期", "资金性质", "实施期",
                                "执行期", "实施周期", "项目实施期", "中长期目标", "长期目标", "部门职能",
                                "主要职能"},
                               true, {}, {}};
  // Money of a source the contract names no field for, printed beside the fiscal and other money
  // as a part of the total (its label and amount go into attributes; budget.sum counts it).
  static const LabelSet kMoneyPart{{"财政专户拨款", "其中:财政专户拨款", "财政专户管理资金", "财政专户资金"},
                                   true, {}, {}};
  // The label of a form's money block, printed left of its labeled amounts (项目资金 |
  // 项目资金总额：… | 其中：财政资金：…): a heading with no value of its own.
  static const LabelSet kMoneyGroup{{"项目资金", "资金来源", "项目资金来源", "资金情况"}, false, {}, {}};
  // clang-format on
  switch (label) {
    case Label::kCode: return kCode;
    case Label::kName: return kName;
    case Label::kTotal: return kTotal;
    case Label::kFiscal: return kFiscal;
    case Label::kOther: return kOther;
    case Label::kGoals: return kGoals;
    case Label::kSchedule: return kSchedule;
    case Label::kPurpose: return kPurpose;
    case Label::kListName: return kListName;
    case Label::kDepartment: return kDepartment;
    case Label::kOverallGoals: return kOverallGoals;
    case Label::kFiscalPart: return kFiscalPart;
    case Label::kField: return kField;
    case Label::kMoneyPart:
      return kMoneyPart;
    case Label::kMoneyGroup:
      return kMoneyGroup;
  }
  return kName;
}

std::string_view WithoutMoneyUnit(std::string_view label) {
  for (std::string_view bracketed : {"(万元)", "(亿元)", "(元)"})
    if (label.size() > bracketed.size() && EndsWith(label, bracketed))
      return label.substr(0, label.size() - bracketed.size());
  return label;
}

bool Matches(const LabelSet& set, std::string_view label) {
  label = WithoutMoneyUnit(label);
  for (std::string_view x : set.excludes)
    if (label.find(x) != std::string_view::npos) return false;
  for (std::string_view c : set.contains)
    if (label.find(c) != std::string_view::npos) return true;
  for (std::string_view n : set.names)
    if (label == n) return true;
  if (!set.nearly) return false;
  // One character in four may differ, for labels of four characters or more.
  const std::u32string u = ToU32(label);
  if (u.size() < 4) return false;
  for (std::string_view n : set.names) {
    const std::u32string name = ToU32(n);
    const int allowed = static_cast<int>(name.size()) / 4;
    if (allowed > 0 && EditDistance(u, name) <= allowed) return true;
  }
  return false;
}

std::string UnitInLabel(std::string_view l) {
  // The unit in brackets, as a compact label prints it.
  static const std::pair<std::string_view, std::string_view> kUnits[] = {
      {"(万元)", "万元"}, {"(亿元)", "亿元"}, {"(元)", "元"}};
  for (const auto& [bracketed, unit] : kUnits)
    if (l.find(bracketed) != std::string_view::npos) return std::string(unit);
  return "";
}

std::string MoneyUnitAt(std::string_view s) {
  for (std::string_view cand : {"亿元", "万元", "元"})
    if (s.substr(0, cand.size()) == cand) return std::string(cand);
  return "";
}

// ---------------------------------------------------------------- the indicator block

std::optional<IndicatorColumn> ExactIndicatorHeader(std::string_view label) {
  // In order: the first rule whose names or contained words the label has names the column.
  struct Rule {
    IndicatorColumn column;
    std::vector<std::string_view> names, contains;
  };
  // clang-format off
  static const std::vector<Rule> kRules = {
      {IndicatorColumn::kLevel1, {"一级指标", "一级指标名称"}, {}},
      {IndicatorColumn::kLevel2, {"二级指标", "二级指标名称"}, {}},
      {IndicatorColumn::kLevel3, {"三级指标", "三级指标名称", "指标名称", "具体指标"}, {}},
      {IndicatorColumn::kBasis, {}, {"依据"}},
      {IndicatorColumn::kDescription, {"绩效指标描述", "指标描述", "指标内容", "指标说明", "绩效指标内容"}, {}},
      // The value over the whole period beside the year's (实施周期指标值 | 年度指标值): the year's
      // is the value, the period's an attribute.
      {IndicatorColumn::kOther, {"实施周期指标值"}, {}},
      {IndicatorColumn::kValue, {"目标值", "预期目标", "绩效目标值", "预期值", "年度目标值", "全年目标值"},
       {"指标值"}},
      // (指标解释 explains the indicator: an attribute, CONTRACT.md "Common rules")
      {IndicatorColumn::kOther, {"权重", "分值", "备注", "评(扣)分标准", "评分标准", "指标权重", "指标解释"},
       {"评分", "扣分"}},
  };
  // clang-format on
  for (const Rule& r : kRules) {
    for (std::string_view c : r.contains)
      if (label.find(c) != std::string_view::npos) return r.column;
    for (std::string_view n : r.names)
      if (label == n) return r.column;
  }
  return std::nullopt;
}

std::optional<ValuePart> ValuePartHeader(std::string_view label) {
  // clang-format off
  static const std::vector<std::pair<std::string_view, ValuePart>> kNames = {
      {"指标性质", ValuePart::kOperator}, {"绩效指标性质", ValuePart::kOperator}, {"指标值性质", ValuePart::kOperator},
      {"度量单位", ValuePart::kUnit},     {"绩效度量单位", ValuePart::kUnit},     {"计量单位", ValuePart::kUnit},
      {"指标值单位", ValuePart::kUnit},   {"单位", ValuePart::kUnit},
      {"绩效指标", ValuePart::kWhole},    {"绩效指标名称", ValuePart::kWhole},
  };
  // clang-format on
  for (const auto& [name, part] : kNames)
    if (label == name) return part;
  return std::nullopt;
}

bool IsQualitative(std::string_view compact) { return compact == "定性"; }

bool IsQuantitative(std::string_view compact) { return compact == "定量"; }

const std::vector<HeaderName>& IndicatorHeaderNames() {
  static const std::vector<HeaderName> kNames = {
      {U"一级指标", IndicatorColumn::kLevel1},       {U"二级指标", IndicatorColumn::kLevel2},
      {U"三级指标", IndicatorColumn::kLevel3},       {U"绩效指标描述", IndicatorColumn::kDescription},
      {U"指标内容", IndicatorColumn::kDescription}, {U"指标值", IndicatorColumn::kValue},
      {U"年度指标值", IndicatorColumn::kValue},     {U"指标值确定依据", IndicatorColumn::kBasis}};
  return kNames;
}

const std::vector<OcrConfusion>& HeaderConfusions() {
  // clang-format off
  static const std::vector<OcrConfusion> kConfusions = {
      {U'-', U"一二"}, {U'—', U"一二"}, {U'_', U"一二"}, {U'ー', U"一二"}, {U'~', U"一二"},
      {U'=', U"二三"}, {U'≡', U"三"},
      {U'級', U"级"}, {U'圾', U"级"}, {U'汲', U"级"}, {U'极', U"级"}, {U'纹', U"级"},
      {U'栎', U"标"}, {U'杯', U"标"}, {U'括', U"指"}, {U'措', U"指"},
  };
  // clang-format on
  return kConfusions;
}

const std::vector<std::u32string_view>& PackedValueLabels() {
  static const std::vector<std::u32string_view> kLabels = {
      U"实施周期指标值", U"年度指标值", U"全年指标值", U"年度目标值", U"指标值", U"目标值"};
  return kLabels;
}

const std::vector<OcrConfusion>& OperatorConfusions() {
  // Seen on office and photocopy scans of packed cells (≤ in 冬15个工作日, 科 150元/人).
  static const std::vector<OcrConfusion> kConfusions = {{U'冬', U"≤"}, {U'科', U"≤"}};
  return kConfusions;
}

std::optional<IndicatorColumn> IndicatorHeader(std::string_view label) {
  if (label.empty()) return std::nullopt;
  if (auto f = ExactIndicatorHeader(label)) return f;
  // A label the vocabulary knows as another is not a misread header.
  if (ValuePartHeader(label)) return std::nullopt;
  const std::u32string u = ToU32(label);
  std::optional<IndicatorColumn> best;
  int best_distance = 1 << 20;
  bool tie = false;
  for (const auto& [name, column] : IndicatorHeaderNames()) {
    const int allowed = static_cast<int>(name.size()) / 3;
    const int d = EditDistance(u, name);
    if (allowed == 0 || d > allowed) continue;
    if (d < best_distance) {
      best = column;
      best_distance = d;
      tie = false;
    } else if (d == best_distance && column != *best) {
      tie = true;
    }
  }
  return tie ? std::nullopt : best;
}

std::vector<IndicatorColumn> ConfusedLevelHeaders(std::string_view label) {
  // At most this many characters of a level header may be read as OCR's confusions and the
  // reading still be that header: one in two of its four characters; beyond, the reading says
  // too little of the term.
  constexpr int kMaxConfusedChars = 2;
  std::vector<IndicatorColumn> levels;
  const std::u32string u = ToU32(label);
  auto stands_for = [](char32_t read, char32_t printed) {
    for (const OcrConfusion& c : HeaderConfusions())
      if (c.read == read && c.printed.find(printed) != std::u32string_view::npos) return true;
    return false;
  };
  for (const auto& [name, column] : IndicatorHeaderNames()) {
    if (column != IndicatorColumn::kLevel1 && column != IndicatorColumn::kLevel2 &&
        column != IndicatorColumn::kLevel3)
      continue;
    if (u.size() != name.size()) continue;
    int confused = 0;
    bool spells = true;
    for (size_t i = 0; i < u.size() && spells; ++i) {
      if (u[i] == name[i]) continue;
      spells = stands_for(u[i], name[i]) && ++confused <= kMaxConfusedChars;
    }
    if (spells && confused > 0) levels.push_back(column);
  }
  return levels;
}

const std::vector<std::string>& IndicatorTerms() {
  // clang-format off
  static const std::vector<std::string> terms = {
      "产出指标", "效果指标", "满意度指标", "成本指标", "效益指标", "数量指标", "质量指标",
      "时效指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
      "可持续性影响指标", "可持续性影响", "可持续影响", "可持续发展指标", "服务对象满意度指标",
      "服务对象满意度", "社会公众满意度指标", "社会公众满意度", "群众满意度指标", "满意度",
      "经济成本指标", "社会成本指标", "生态环境成本指标", "项目完成指标", "项目效益指标",
      "经济效益", "社会效益", "生态效益",
  };
  // clang-format on
  return terms;
}

bool IsIndicatorTerm(const std::string& compact) {
  const std::vector<std::string>& terms = IndicatorTerms();
  return std::find(terms.begin(), terms.end(), compact) != terms.end();
}

// ---------------------------------------------------------------- titles and departments

bool IsProjectTitle(std::string_view compact) {
  // A remark in brackets may follow the title: 项目支出绩效目标表（含转移支付项目）.
  if (EndsWith(compact, ")")) {
    const size_t open = compact.rfind('(');
    if (open != std::string_view::npos && open > 0) compact = compact.substr(0, open);
  }
  for (std::string_view end :
       {"绩效目标表", "绩效目标申报表", "绩效目标填报表", "绩效目标审核表", "支出绩效表"})
    if (EndsWith(compact, end)) return true;
  return false;
}

bool IsDepartmentTitle(std::string_view compact) {
  if (!IsProjectTitle(compact)) return false;
  for (std::string_view whole : {"部门整体", "整体支出", "单位整体"})
    if (compact.find(whole) != std::string_view::npos) return true;
  return false;
}

std::string ProjectTitleEnding(std::string_view compact) {
  for (std::string_view end : {"项目绩效目标表", "项目绩效目标申报表"})
    if (EndsWith(compact, end) && compact.size() > end.size())
      return std::string(end);
  return "";
}

const std::vector<std::string_view>& OrganizationLabels() {
  static const std::vector<std::string_view> kLabels = {
      "编制单位:", "单位名称:",       "部门名称:",   "预算单位:",      "填报单位:",
      "申报单位:", "部门(单位)名称:", "部门(单位):", "单位(部门)名称:"};
  return kLabels;
}

const std::vector<std::string_view>& MoneyUnitLabels() {
  static const std::vector<std::string_view> kLabels = {"金额单位:", "单位:"};
  return kLabels;
}

const std::u32string& ColonReadings() {
  static const std::u32string kMarks = U"；，;,.、";
  return kMarks;
}

const std::vector<std::string_view>& DocumentKindEndings() {
  static const std::vector<std::string_view> kEndings = {"部门综合预算", "部门预算", "单位预算",
                                                         "部门决算", "单位决算"};
  return kEndings;
}

bool IsTotalsName(std::string_view compact) {
  // The totals words and the money-table captions 决算 and 收支 tables print in a name column.
  static const std::vector<std::string_view> kWhole = {"决算数", "预算数", "年初结转和结余", "年末结转和结余"};
  static const std::vector<std::string_view> kEnds = {"合计", "小计", "总计", "共计"};
  for (std::string_view w : kWhole)
    if (compact == w) return true;
  for (std::string_view e : kEnds)
    if (EndsWith(compact, e) && ToU32(compact).size() <= 8) return true;
  return false;
}

const std::vector<std::string_view>& DepartmentFieldLabels() {
  static const std::vector<std::string_view> kLabels = {"主管部门", "预算部门", "部门名称",
                                                        "主管部门及代码"};
  return kLabels;
}

// ---------------------------------------------------------------- OCR

const std::vector<std::string>& PrintedTerms() {
  static const std::vector<std::string> terms = [] {
    // clang-format off
    std::vector<std::string> t = {
        // Labels of the 绩效目标表 (docs/CONTRACT.md) and of the 填报表 template.
        "项目编码", "项目名称", "预算规模及资金用途", "预算规模", "资金用途", "预算数", "其中：财政资金",
        "其他资金", "财政资金", "资金支出计划（%）", "资金支出计划",
        "绩效目标", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据",
        "单位：万元", "单位：元", "项目性质", "项目类别", "主管部门", "实施单位", "计划开始日期",
        "计划完成日期", "项目资金总额", "年度资金申请总额", "其中：当年财政拨款", "上年结转资金",
        "项目总目标", "年度总体目标", "年度绩效目标", "长期目标", "绩效指标", "年度指标值",
        "项目指标值", "指标内容", "评（扣）分标准", "权重", "项目负责人", "联系电话", "绩效目标表",
    };
    // clang-format on
    t.insert(t.end(), IndicatorTerms().begin(), IndicatorTerms().end());
    return t;
  }();
  return terms;
}

const std::vector<std::vector<std::string>>& TermGroups() {
  static const std::vector<std::vector<std::string>> groups = {
      {"3月底", "6月底", "10月底", "12月底"},
      {"一级指标", "二级指标", "三级指标"},
  };
  return groups;
}

// ---------------------------------------------------------------- units

const std::vector<OcrConfusion>& UnitConfusions() {
  // (observed on office, archive and photocopy scans of lists printing % in a 度量单位 column)
  static const std::vector<OcrConfusion> kConfusions = {
      {U'多', U"%"}, {U'和', U"%"}, {U'网', U"%"}, {U'为', U"%"}};
  return kConfusions;
}

std::optional<std::string> UnitMisread(std::string_view compact) {
  const std::u32string u = ToU32(compact);
  if (u.size() != 1) return std::nullopt;
  for (const UnitSpec& spec : Units())
    if (spec.printed == u) return std::nullopt;
  for (const OcrConfusion& c : UnitConfusions())
    if (c.read == u[0]) return ToUtf8(std::u32string(c.printed));
  return std::nullopt;
}

const std::vector<CountAlias>& CountAliases() {
  static const std::vector<CountAlias> kAliases = {{"人次", "人"}};
  return kAliases;
}

const std::vector<UnitSpec>& Units() {
  // clang-format off
  static const std::vector<UnitSpec> kUnits = {
    {U"%", U"%", ""},
    {U"‰", U"‰", ""},
    {U"‱", U"‱", ""},
    {U"个百分点", U"个百分点", ""},
    {U"百分点", U"百分点", ""},
    {U"人次", U"人次", "人次"},
    {U"人天", U"人天", ""},
    {U"人月", U"人月", ""},
    {U"人日", U"人日", ""},
    {U"人", U"人", "人"},
    {U"户次", U"户次", ""},
    {U"户", U"户", "户"},
    {U"所", U"所", "所"},
    {U"个工作日", U"个工作日", "工作日"},
    {U"个自然日", U"个自然日", ""},
    {U"自然日", U"自然日", ""},
    {U"个月", U"个月", "月"},
    {U"个季度", U"个季度", ""},
    {U"个星期", U"个星期", ""},
    {U"个", U"个", "个"},
    {U"间", U"间", "间"},
    {U"次", U"次", "次"},
    {U"期", U"期", "期"},
    {U"年", U"年", "年"},
    {U"周年", U"周年", ""},
    {U"月", U"月", "月", true},
    {U"日", U"日", "天", true},
    {U"天", U"天", "天"},
    {U"小时", U"小时", "小时"},
    {U"分钟", U"分钟", ""},
    {U"秒", U"秒", ""},
    {U"周", U"周", ""},
    {U"星期", U"星期", ""},
    {U"季度", U"季度", ""},
    {U"元", U"元", ""},
    {U"千元", U"千元", ""},
    {U"万元", U"万元", ""},
    {U"百万元", U"百万元", ""},
    {U"亿元", U"亿元", ""},
    {U"万亿元", U"万亿元", ""},
    {U"平方米", U"平方米", "平方米"},
    {U"万平方米", U"万平方米", ""},
    {U"平方公里", U"平方公里", "平方公里"},
    {U"平方千米", U"平方千米", ""},
    {U"公里", U"公里", "公里"},
    {U"千米", U"千米", "公里"},
    {U"米", U"米", "米"},
    {U"延米", U"延米", ""},
    {U"厘米", U"厘米", ""},
    {U"毫米", U"毫米", ""},
    {U"立方米", U"立方米", ""},
    {U"万立方米", U"万立方米", ""},
    {U"亩", U"亩", "亩"},
    {U"万亩", U"万亩", ""},
    {U"公顷", U"公顷", "公顷"},
    {U"吨", U"吨", "吨"},
    {U"万吨", U"万吨", ""},
    {U"千克", U"千克", "千克"},
    {U"公斤", U"公斤", "千克"},
    {U"斤", U"斤", ""},
    {U"克", U"克", ""},
    {U"升", U"升", ""},
    {U"毫升", U"毫升", ""},
    {U"千瓦", U"千瓦", ""},
    {U"千瓦时", U"千瓦时", ""},
    {U"万千瓦时", U"万千瓦时", ""},
    {U"兆瓦", U"兆瓦", ""},
    {U"度", U"度", ""},
    {U"分", U"分", ""},
    {U"起", U"起", ""},
    {U"件", U"件", "件"},
    {U"件次", U"件次", ""},
    {U"项", U"项", "项"},
    {U"项次", U"项次", ""},
    {U"台", U"台", "台"},
    {U"台次", U"台次", ""},
    {U"台套", U"台套", ""},
    {U"套", U"套", "套"},
    {U"名", U"名", "人"},
    {U"家", U"家", "家"},
    {U"辆", U"辆", "辆"},
    {U"辆次", U"辆次", ""},
    {U"车次", U"车次", ""},
    {U"栋", U"栋", "栋"},
    {U"幢", U"幢", ""},
    {U"座", U"座", "座"},
    {U"处", U"处", "处"},
    {U"条", U"条", "条"},
    {U"张", U"张", "张"},
    {U"篇", U"篇", "篇"},
    {U"篇次", U"篇次", ""},
    {U"份", U"份", "份"},
    {U"本", U"本", "本"},
    {U"册", U"册", "册"},
    {U"部", U"部", ""},
    {U"批", U"批", "批"},
    {U"批次", U"批次", ""},
    {U"场", U"场", "场"},
    {U"场次", U"场次", ""},
    {U"轮", U"轮", ""},
    {U"届", U"届", ""},
    {U"种", U"种", ""},
    {U"类", U"类", ""},
    {U"门", U"门", ""},
    {U"支", U"支", ""},
    {U"队", U"队", ""},
    {U"组", U"组", ""},
    {U"层", U"层", ""},
    {U"块", U"块", "块"},
    {U"株", U"株", "株"},
    {U"棵", U"棵", "株"},
    {U"只", U"只", "只"},
    {U"头", U"头", "头"},
    {U"口", U"口", ""},
    {U"眼", U"眼", ""},
    {U"宗", U"宗", "宗"},
    {U"笔", U"笔", "笔"},
    {U"例", U"例", ""},
    {U"床", U"床", ""},
    {U"位", U"位", ""},
    {U"箱", U"箱", ""},
    {U"袋", U"袋", ""},
    {U"瓶", U"瓶", ""},
    {U"盒", U"盒", ""},
    {U"枚", U"枚", ""},
    {U"根", U"根", ""},
    {U"幅", U"幅", ""},
    {U"页", U"页", ""},
    {U"卷", U"卷", ""},
    {U"集", U"集", ""},
    {U"版", U"版", ""},
    {U"回", U"回", ""},
    {U"遍", U"遍", ""},
    {U"趟", U"趟", ""},
    {U"站", U"站", ""},
    {U"盏", U"盏", "盏"},
    {U"杆", U"杆", ""},
    {U"片", U"片", ""},
    {U"架", U"架", ""},
    {U"架次", U"架次", ""},
    {U"艘", U"艘", ""},
    {U"课时", U"课时", "课时"},
    {U"学时", U"学时", "学时"},
    {U"节", U"节", ""},
    {U"课", U"课", ""},
    {U"天次", U"天次", ""},
    {U"期次", U"期次", ""},
    {U"班次", U"班次", ""},
    {U"班", U"班", ""},
    {U"岗", U"岗", ""},
    {U"个岗位", U"个岗位", ""},
    {U"倍", U"倍", ""},
    {U"级", U"级", ""},
    {U"星", U"星", ""},
    {U"岁", U"岁", ""},
    {U"所次", U"所次", ""},
    {U"成", U"成", ""},
    {U"学期", U"学期", ""},
    {U"年度", U"年度", ""},
    {U"工作日", U"个工作日", "工作日"},
    {U"个小时", U"小时", ""},
    {U"平米", U"平方米", "平方米"},
    {U"万平米", U"万平方米", ""},
    {U"m2", U"", "平方米"},
    {U"学生", U"", "人"},
    {U"生", U"", "人"},
    {U"学校", U"", "所"},
    {U"校", U"", "所"},
    {U"km", U"", "公里"},
    {U"车", U"", "辆", true},
  };
  // clang-format on
  return kUnits;
}

const std::vector<LatinUnit>& LatinUnits() {
  static const std::vector<LatinUnit> kLatin = {
      {U"m2", U"平方米"}, {U"km2", U"平方公里"}, {U"m3", U"立方米"}, {U"km", U"公里"},  {U"kg", U"千克"},
      {U"h", U"小时"},    {U"hr", U"小时"},      {U"hrs", U"小时"},  {U"min", U"分钟"}, {U"mins", U"分钟"},
  };
  return kLatin;
}

// ---------------------------------------------------------------- money

const std::vector<MoneyUnit>& MoneyUnits() {
  static const std::vector<MoneyUnit> kUnits = {{U"万亿元", 1e12}, {U"百万元", 1e6}, {U"亿元", 1e8},
                                                {U"万元", 1e4},    {U"千元", 1e3},    {U"元", 1}};
  return kUnits;
}

std::optional<double> MoneyFactor(std::u32string_view unit) {
  for (const MoneyUnit& m : MoneyUnits())
    if (unit == m.name) return m.factor;
  return std::nullopt;
}

std::optional<double> MoneyFactor(std::string_view unit) { return MoneyFactor(ToU32(unit)); }

}  // namespace jixiao
