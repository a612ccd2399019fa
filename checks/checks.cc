// The rules of docs/CHECKS.md on the projects of one document.
#include "checks/checks.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "checks/format.h"
#include "checks/text_scan.h"
#include "core/text.h"
#include "records/cells.h"
#include "records/fields.h"
#include "vocabulary/vocabulary.h"

namespace jixiao {

namespace {

using check::Bound;
using check::Mention;
using check::MentionKind;

constexpr double kEps = 1e-9;

// ---------------------------------------------------------------- helpers

bool Near(double a, double b, double tol) {
  return std::abs(a - b) <= tol + kEps * std::max({1.0, std::abs(a), std::abs(b)});
}

// The smallest number of decimals that prints `v` exactly (at most 6).
int DecimalsOf(double v) {
  for (int d = 0; d < 6; ++d) {
    const double x = v * std::pow(10.0, d);
    if (std::abs(x - std::round(x)) < 1e-6 * std::max(1.0, std::abs(x) * 1e-9)) return d;
  }
  return 6;
}

// One unit of the last printed digit of a money figure of the table: at least 0.01 (tables
// print money with two decimals; 100.00 reads back as 100).
double MoneyStep(std::initializer_list<std::optional<double>> values) {
  int d = 2;
  for (const auto& v : values)
    if (v) d = std::max(d, DecimalsOf(*v));
  return std::pow(10.0, -d);
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool ContainsAny(const std::string& s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (Contains(s, w)) return true;
  return false;
}

std::string IndicatorField(size_t i, std::string_view name) {
  return "indicators[" + std::to_string(i) + "]." + std::string(name);
}

// An indicator's name as the rules read it: 三级指标 and 绩效指标描述, compact.
std::string NameOf(const Indicator& ind) {
  return Compact(ind.level3 + " " + ind.description);
}

std::string ShownName(const Indicator& ind) {
  return !Trim(ind.level3).empty() ? Trim(ind.level3) : Trim(ind.description);
}

// A typed value as a figure of a formula: "≥3250 户", "16 元/亩".
std::string Shown(const TypedValue& v) {
  std::string op;
  if (v.op == Op::kGe) op = "≥";
  if (v.op == Op::kLe) op = "≤";
  if (v.op == Op::kGt) op = ">";
  if (v.op == Op::kLt) op = "<";
  return op + FormatNumber(v.number.value_or(0)) + (v.unit ? " " + *v.unit : "");
}

// What an indicator's name says its money value is per (a 标准 only in the 三级指标: a
// description's 审批标准 is no price).
std::optional<std::vector<std::string>> IndicatorPer(const Indicator& ind) {
  if (auto per = check::PerMarkers(ind.level3, true)) return per;
  return check::PerMarkers(ind.description, false);
}

bool IsPercent(const TypedValue& v) {
  return v.kind == ValueKind::kNumeric && v.unit && (*v.unit == "%" || *v.unit == "‰");
}

// ---------------------------------------------------------------- one project

// A figure of a project and where it was read.
struct Fact {
  Mention m;
  std::string field;
  bool indicator = false;
  bool count = false;  // an indicator under 数量指标
};

// A price times the counts it is per.
struct Product {
  const Fact* price = nullptr;
  std::vector<const Fact*> counts;  // one per unit the price is per (null: 年 taken as one)
  double value = 0, tol = 0;
  Bound bound = Bound::kExact;
  bool same_sentence = true;  // every count stated in the price's own sentence
  bool weak = false;          // a count taken from another sentence of the text
};

class ProjectChecker {
 public:
  ProjectChecker(const Project& p, const CheckOptions& o, std::vector<Finding>* out)
      : p_(p), o_(o), out_(out) {
    factor_ = check::MoneyFactor(p.money_unit);
    unit_ = Trim(p.money_unit);
  }

  void Run() {
    Budget();
    AnnualBudget();
    Schedule();
    Indicators();
    Categories();
    CollectFacts();
    Arithmetic();
    TextBudget();
    CostCeilings();
    Review();
  }

 private:
  const Project& p_;
  const CheckOptions& o_;
  std::vector<Finding>* out_;
  std::optional<double> factor_;  // 元 per unit of the table's money
  std::string unit_;
  std::vector<Fact> facts_;

  Finding& Add(std::string rule, Severity severity, std::vector<std::string> fields, std::string zh,
               std::string en) {
    Finding f;
    f.rule = std::move(rule);
    f.severity = severity;
    f.index = p_.index;
    f.project_code = p_.project_code;
    f.project_name = p_.project_name;
    f.fields = std::move(fields);
    f.page = PageOf(p_, f.fields);
    f.message_zh = std::move(zh);
    f.message_en = std::move(en);
    out_->push_back(std::move(f));
    return out_->back();
  }

  // The table's money: "12.05 万元".
  std::string M(double v) const { return FormatMoney(v) + (unit_.empty() ? "" : " " + unit_); }
  // The budget in 元 under each reading of the table's unit (two when the unit is unknown).
  std::vector<double> BudgetYuan() const {
    if (!p_.budget.total) return {};
    if (factor_) return {*p_.budget.total * *factor_};
    return {*p_.budget.total * 1e4, *p_.budget.total};
  }
  double BudgetTol() const { return 0.5 * MoneyStep({p_.budget.total}) * factor_.value_or(1e4); }

  // ------------------------------------------------------------ 预算数

  void Budget() {
    const auto& b = p_.budget;
    for (auto [v, field, zh] : {std::tuple{b.total, "budget.total", "预算数"},
                                std::tuple{b.fiscal, "budget.fiscal", "财政资金"},
                                std::tuple{b.other, "budget.other", "其他资金"}})
      if (v && *v < 0)
        Add("budget.negative", Severity::kError, {field}, std::string(zh) + "为负数：" + M(*v),
            std::string(field) + " is negative: " + M(*v))
            .figures = {{field, *v}};
    if (!b.total) {
      Add("budget.missing", Severity::kWarning, {"budget.total"}, "预算数为空",
          "预算数 (budget total) is empty");
      return;
    }
    if (!b.fiscal && !b.other) return;  // no breakdown printed
    // Parts of the total printed under labels the contract names no field for (财政专户拨款):
    // attributes, counted with the fiscal and other money.
    double extra = 0;
    std::string extra_text;  // " + 财政专户拨款 1297.86", the same in both languages
    for (const auto& [label, value] : p_.attributes) {
      if (!IsLabel(Label::kMoneyPart, Compact(label))) continue;
      if (const auto v = ParseMoney(value, p_.money_unit)) {
        extra += *v;
        extra_text += " + " + label + " " + M(*v);
      }
    }
    const double parts = b.fiscal.value_or(0) + b.other.value_or(0) + extra;
    const double step = MoneyStep({b.total, b.fiscal, b.other});
    if (Near(*b.total, parts, step)) return;
    if (!b.fiscal || !b.other) {
      // A part that was not read is no zero: the sum can be checked only when the part read
      // already exceeds the whole; otherwise it is a note of what could not be checked.
      const bool fiscal_read = b.fiscal.has_value();
      const std::string field = fiscal_read ? "budget.other" : "budget.fiscal";
      const std::string zh = fiscal_read ? "其他资金" : "财政资金";
      if (parts < *b.total) {
        Add("budget.unchecked", Severity::kInfo, {"budget.total", field},
            "预算数 " + M(*b.total) + " 与" + (fiscal_read ? "财政资金 " : "其他资金 ") + M(parts) +
                " 不等，" + zh + "未读到，无法核对（应为 " + M(*b.total - parts) + "）",
            "budget total " + M(*b.total) + " differs from the part read (" + M(parts) + "); " + field +
                " was not read, so the sum cannot be checked (it would be " + M(*b.total - parts) + ")")
            .figures = {{"budget.total", *b.total}, {fiscal_read ? "budget.fiscal" : "budget.other", parts}};
        return;
      }
    }
    // (a part not read is shown as such, and left out of the figures)
    auto shown = [&](const std::optional<double>& v, const char* unread) { return v ? M(*v) : std::string(unread); };
    Finding& f = Add(
        "budget.sum", Severity::kError, {"budget.total", "budget.fiscal", "budget.other"},
        "预算数 " + M(*b.total) + " ≠ 财政资金 " + shown(b.fiscal, "（未读到）") + " + 其他资金 " +
            shown(b.other, "（未读到）") + extra_text + "（相差 " + M(*b.total - parts) + "）",
        "budget total " + M(*b.total) + " != fiscal " + shown(b.fiscal, "(not read)") +
            " + other " + shown(b.other, "(not read)") + extra_text + " (off by " +
            M(*b.total - parts) + ")");
    f.figures = {{"budget.total", *b.total}};
    if (b.fiscal) f.figures.push_back({"budget.fiscal", *b.fiscal});
    if (b.other) f.figures.push_back({"budget.other", *b.other});
  }

  // 年度资金申请总额 = 当年财政拨款 + 上年结转资金 (forms with a yearly money block).
  void AnnualBudget() {
    std::optional<double> total, current, carried;
    std::string total_label, current_label, carried_label;
    int decimals = 2;
    for (const auto& [label, value] : p_.attributes) {
      const std::string l = Compact(label);
      auto read = [&](std::optional<double>& slot, std::string& name) {
        if (slot) return;
        slot = ParseMoney(value, p_.money_unit);
        name = label;
        decimals = std::max(decimals, check::PrintedDecimals(value));
      };
      if (Contains(l, "年度资金申请总额") || Contains(l, "年度资金总额"))
        read(total, total_label);
      else if (Contains(l, "当年财政拨款"))
        read(current, current_label);
      else if (Contains(l, "上年结转"))
        read(carried, carried_label);
    }
    if (!total || (!current && !carried)) return;
    const double parts = current.value_or(0) + carried.value_or(0);
    if (Near(*total, parts, std::pow(10.0, -decimals))) return;
    // Parts above the whole cannot be; a whole above its parts may have a part not printed.
    const Severity s = parts > *total ? Severity::kError : Severity::kWarning;
    Finding& f = Add(
        "budget.annual_sum", s,
        {"attributes." + total_label, "attributes." + current_label, "attributes." + carried_label},
        total_label + " " + M(*total) + " ≠ 当年财政拨款 " + M(current.value_or(0)) +
            " + 上年结转资金 " + M(carried.value_or(0)),
        "年度资金申请总额 " + M(*total) + " != 当年财政拨款 " + M(current.value_or(0)) +
            " + 上年结转资金 " + M(carried.value_or(0)));
    f.figures = {{"annual.total", *total},
                 {"annual.current", current.value_or(0)},
                 {"annual.carried", carried.value_or(0)}};
  }

  // ------------------------------------------------------------ 资金支出计划

  void Schedule() {
    struct Q {
      std::optional<double> v;
      const char* field;
      const char* zh;
      const char* en;
    };
    const std::vector<Q> all = {{p_.schedule.mar, "schedule.mar", "3月底", "March"},
                                {p_.schedule.jun, "schedule.jun", "6月底", "June"},
                                {p_.schedule.oct, "schedule.oct", "10月底", "October"},
                                {p_.schedule.dec, "schedule.dec", "12月底", "December"}};
    std::vector<Q> q;
    for (const Q& x : all)
      if (x.v) q.push_back(x);
    if (q.empty()) return;
    constexpr double kTol = 1e-6;
    for (const Q& x : q)
      if (*x.v > 100 + kTol)
        Add("schedule.over_100", Severity::kError, {x.field},
            std::string("资金支出计划") + x.zh + "累计 " + FormatNumber(*x.v) + "%，超过 100%",
            std::string("spending plan by the end of ") + x.en + " is " + FormatNumber(*x.v) +
                "%, above 100%")
            .figures = {{x.field, *x.v}};
    double sum = 0;
    bool rising = true;
    for (size_t i = 0; i < q.size(); ++i) {
      sum += *q[i].v;
      if (i > 0 && *q[i].v < *q[i - 1].v - kTol) rising = false;
    }
    // Shares per quarter (25, 25, 25, 25) rather than cumulative: they add up to 100.
    if (q.size() >= 2 && std::abs(sum - 100) <= 0.5 && *q.back().v < 100 - kTol) {
      Add("schedule.per_period", Severity::kInfo, {q.front().field, q.back().field},
          "资金支出计划各期合计 100%，似按期填列而非累计",
          "the spending plan's shares add up to 100%: per period rather than cumulative");
      return;
    }
    if (!rising)
      for (size_t i = 1; i < q.size(); ++i)
        if (*q[i].v < *q[i - 1].v - kTol)
          Add("schedule.decreasing", Severity::kError, {q[i - 1].field, q[i].field},
              std::string("资金支出计划（累计）") + q[i - 1].zh + " " + FormatNumber(*q[i - 1].v) +
                  "% → " + q[i].zh + " " + FormatNumber(*q[i].v) + "%，累计比例减少",
              std::string("cumulative spending plan decreases: ") + q[i - 1].en + " " +
                  FormatNumber(*q[i - 1].v) + "% -> " + q[i].en + " " + FormatNumber(*q[i].v) + "%")
              .figures = {{q[i - 1].field, *q[i - 1].v}, {q[i].field, *q[i].v}};
    double top = 0;
    for (const Q& x : q) top = std::max(top, *x.v);
    if (p_.schedule.dec) {
      if (*p_.schedule.dec < 100 - kTol)
        Add("schedule.incomplete", Severity::kWarning, {"schedule.dec"},
            "资金支出计划12月底累计 " + FormatNumber(*p_.schedule.dec) + "%，未达到 100%",
            "spending plan reaches only " + FormatNumber(*p_.schedule.dec) +
                "% by the end of December")
            .figures = {{"schedule.dec", *p_.schedule.dec}};
    } else if (top < 100 - kTol) {
      Add("schedule.incomplete", Severity::kWarning, {"schedule.dec"},
          "资金支出计划12月底为空，已填各期最高 " + FormatNumber(top) + "%，未达到 100%",
          "spending plan has no December share and never reaches 100% (at most " +
              FormatNumber(top) + "%)")
          .figures = {{"schedule.max", top}};
    }
  }

  // ------------------------------------------------------------ indicators

  // A share that cannot exceed 100%: 完成率, 合格率, 满意度, 及时率 …, not 增长率.
  enum class Share { kBounded, kUnknown, kUnbounded };

  // Whether a percentage can exceed 100: not a 完成率, 合格率, 满意度, 及时率 … (bounded), but
  // an 增长率 or a revenue's 完成率 can (unbounded); a name that says neither is unknown.
  static Share ShareKind(const Indicator& ind) {
    const std::string name = NameOf(ind);
    if (ContainsAny(name, {"满意度", "满意率"}) || Contains(Compact(ind.level2), "满意度"))
      return Share::kBounded;
    if (ContainsAny(name, {"增长", "增幅", "增速", "增加", "提高", "提升", "上升", "同比",
                           "环比", "回报", "收益", "利润", "溢价", "负债", "变化", "变动",
                           "弹性", "倍",   "收入", "税收", "超额", "超过"}))
      return Share::kUnbounded;
    if (ContainsAny(name, {"率", "占比", "比例", "比重", "及时性", "准确性", "完整性", "合规性",
                           "覆盖", "到位", "达标", "合格", "知晓", "普及"}))
      return Share::kBounded;
    return Share::kUnknown;
  }

  static bool IsSatisfaction(const Indicator& ind) {
    return ContainsAny(Compact(ind.level1 + ind.level2 + ind.level3 + ind.description),
                       {"满意度", "满意率"});
  }

  void Indicators() {
    for (size_t i = 0; i < p_.indicators.size(); ++i) {
      const Indicator& ind = p_.indicators[i];
      const TypedValue& v = ind.value_normalized;
      const std::string vf = IndicatorField(i, "value");
      if (Trim(ind.value).empty() || (v.kind == ValueKind::kEmpty && Trim(v.raw).empty())) {
        Add("indicator.missing_value", Severity::kWarning, {vf},
            "指标“" + ShownName(ind) + "”（" + ind.level1 + "/" + ind.level2 + "）没有指标值",
            "indicator '" + ShownName(ind) + "' (" + ind.level1 + "/" + ind.level2 +
                ") has no value");
        continue;
      }
      if (!IsPercent(v) || !v.number || !v.op) continue;
      const double full = *v.unit == "‰" ? 1000 : 100;
      if (const Share kind = ShareKind(ind); kind != Share::kUnbounded) {
        double shown = *v.number;
        bool over = false;
        switch (*v.op) {
          case Op::kEq:
          case Op::kGe:
            over = *v.number > full + 1e-9;
            break;
          case Op::kGt:
            over = *v.number >= full - 1e-9;
            break;
          case Op::kRange:
            over = *v.number > full + 1e-9 || (v.upper && *v.upper > full + 1e-9);
            if (v.upper) shown = std::max(shown, *v.upper);
            break;
          case Op::kLe:
          case Op::kLt:
            break;
        }
        // An error where the name says it is a share of a whole; a warning where it does not say.
        if (over)
          Add("indicator.rate_over_100",
              kind == Share::kBounded ? Severity::kError : Severity::kWarning, {vf},
              "指标“" + ShownName(ind) + "”的指标值 " + Trim(ind.value) + " 超过 100%",
              "indicator '" + ShownName(ind) + "' targets " + Trim(ind.value) + ", above 100%")
              .figures = {{vf, shown}};
      }
      if (IsSatisfaction(ind) && *v.unit == "%" && *v.op != Op::kLe && *v.op != Op::kLt &&
          *v.number < o_.satisfaction_floor - 1e-9)
        Add("indicator.satisfaction_low", Severity::kWarning, {vf},
            "满意度指标“" + ShownName(ind) + "”的目标 " + Trim(ind.value) + " 低于 " +
                FormatNumber(o_.satisfaction_floor) + "%",
            "satisfaction target of '" + ShownName(ind) + "' is " + Trim(ind.value) + ", below " +
                FormatNumber(o_.satisfaction_floor) + "%")
            .figures = {{vf, *v.number}};
    }
  }

  void Categories() {
    bool output = false, effect = false, satisfaction = false;
    for (const Indicator& ind : p_.indicators) {
      const std::string l1 = Compact(ind.level1), l2 = Compact(ind.level2);
      if (Contains(l1, "产出")) output = true;
      if (Contains(l1, "效果") || Contains(l1, "效益")) effect = true;
      if (Contains(l1, "满意") || Contains(l2, "满意")) satisfaction = true;
    }
    std::vector<std::string> zh, en;
    if (!output) zh.push_back("产出指标"), en.push_back("output (产出指标)");
    if (!effect) zh.push_back("效果指标"), en.push_back("effect (效果指标)");
    if (!satisfaction) zh.push_back("满意度指标"), en.push_back("satisfaction (满意度指标)");
    if (zh.empty()) return;
    std::string z, e;
    for (size_t i = 0; i < zh.size(); ++i) {
      z += (i ? "、" : "") + zh[i];
      e += (i ? ", " : "") + en[i];
    }
    Add("indicator.missing_category", Severity::kWarning, {"indicators"},
        p_.indicators.empty() ? "项目没有绩效指标" : "缺少" + z,
        p_.indicators.empty() ? "the project has no indicators" : "no " + e + " indicator");
  }

  // ------------------------------------------------------------ figures

  void CollectFacts() {
    auto scan = [&](const std::string& text, const std::string& field, bool indicator) {
      for (Mention& m : check::ScanText(text)) {
        if (indicator && m.kind != MentionKind::kPrice) continue;  // names only give prices
        facts_.push_back({std::move(m), field, indicator});
      }
    };
    scan(p_.purpose, "purpose", false);
    for (size_t i = 0; i < p_.goals.size(); ++i)
      scan(p_.goals[i], "goals[" + std::to_string(i) + "]", false);
    for (size_t i = 0; i < p_.indicators.size(); ++i) {
      const Indicator& ind = p_.indicators[i];
      const TypedValue& v = ind.value_normalized;
      const std::string vf = IndicatorField(i, "value");
      if (v.kind == ValueKind::kNumeric && v.number && v.op && v.unit && !IsPercent(v) &&
          *v.op != Op::kRange) {
        Fact f;
        f.field = vf;
        f.indicator = true;
        f.m.raw = Shown(v);
        f.m.context = ShownName(ind) + " " + Trim(ind.value);
        f.m.bound = *v.op == Op::kLe || *v.op == Op::kLt   ? Bound::kAtMost
                    : *v.op == Op::kGe || *v.op == Op::kGt ? Bound::kAtLeast
                                                           : Bound::kExact;
        const double step = std::pow(10.0, -check::PrintedDecimals(ind.value));
        if (auto per = check::ParsePerUnit(*v.unit)) {
          f.m.kind = MentionKind::kPrice;
          f.m.value = *v.number * per->factor;
          f.m.step = step * per->factor;
          f.m.per = per->per;
          f.m.unit = "元";
          facts_.push_back(std::move(f));
        } else if (auto money = check::MoneyFactor(*v.unit)) {
          auto per_marker = IndicatorPer(ind);
          if (!per_marker) continue;  // a money amount: the cost-ceiling rule reads it
          f.m.kind = MentionKind::kPrice;
          f.m.value = *v.number * *money;
          f.m.step = step * *money;
          f.m.per = *per_marker;
          f.m.unit = "元";
          facts_.push_back(std::move(f));
        } else if (!Contains(*v.unit, "/") && !Contains(*v.unit, "元")) {
          std::string unit = *v.unit;
          double mult = 1;
          if (StartsWith(unit, "万") && unit.size() > 3) {
            unit = unit.substr(3);
            mult = 1e4;
          }
          f.m.kind = MentionKind::kQuantity;
          f.count = Contains(Compact(ind.level2), "数量");
          f.m.value = *v.number * mult;
          f.m.step = step * mult;
          f.m.unit = check::CanonicalUnit(unit);
          facts_.push_back(std::move(f));
        }
      }
      scan(ind.level3, IndicatorField(i, "level3"), true);
      scan(ind.description, IndicatorField(i, "description"), true);
    }
  }

  // The one count a price is per, for `unit` ("" = whatever the price's sentence counts).
  // nullopt when the text leaves it open (none, or several different counts). A count of
  // another unit that stands for it (vocabulary/ CountAliases: 人次 for a per-head price) is
  // taken only when no figure counts `unit` itself.
  std::optional<const Fact*> CountFor(const Fact& price, const std::string& unit) const {
    std::vector<std::string> units = {unit};
    if (!unit.empty() && std::none_of(facts_.begin(), facts_.end(), [&](const Fact& f) {
          return f.m.kind == MentionKind::kQuantity && f.m.unit == unit;
        }))
      for (const CountAlias& a : CountAliases())
        if (a.per == unit) units.emplace_back(a.count);
    return CountOf(price, unit, units);
  }

  std::optional<const Fact*> CountOf(const Fact& price, const std::string& unit,
                                     const std::vector<std::string>& units) const {
    auto pick = [&](auto&& accept) -> std::optional<std::optional<const Fact*>> {
      std::vector<const Fact*> found;
      for (const Fact& f : facts_) {
        if (f.m.kind != MentionKind::kQuantity || f.m.bound == Bound::kAtMost || !accept(f))
          continue;
        if (!unit.empty() && std::find(units.begin(), units.end(), f.m.unit) == units.end()) continue;
        if (unit.empty() &&
            (f.m.unit == "年" || f.m.unit == "月" || f.m.unit == "天" || f.m.unit == "小时"))
          continue;
        if (std::none_of(found.begin(), found.end(),
                         [&](const Fact* g) { return Near(g->m.value, f.m.value, 0); }))
          found.push_back(&f);
      }
      if (found.empty()) return std::nullopt;                     // look further
      if (found.size() > 1) return std::optional<const Fact*>();  // ambiguous
      return std::optional<const Fact*>(found.front());
    };
    auto same_sentence = [&](const Fact& f) {
      return !price.indicator && f.field == price.field && f.m.sentence == price.m.sentence;
    };
    if (auto r = pick(same_sentence)) return *r ? std::optional<const Fact*>(**r) : std::nullopt;
    if (unit.empty()) return std::nullopt;  // 单价 30 元: per what its own sentence counts
    // 每年: a yearly price in a yearly budget, unless its own sentence counts the years (a
    // project's 3年 elsewhere is its length, not what the price is per).
    if (unit == "年") return std::optional<const Fact*>(nullptr);
    // Then 数量指标, the rest of the text and the other indicators (for a price in an indicator,
    // the indicators first).
    auto counts = [](const Fact& f) { return f.indicator && f.count; };
    auto from_indicators = [](const Fact& f) { return f.indicator; };
    auto from_text = [](const Fact& f) { return !f.indicator; };
    using Tier = std::function<bool(const Fact&)>;
    const std::vector<Tier> tiers = price.indicator
                                        ? std::vector<Tier>{counts, from_indicators, from_text}
                                        : std::vector<Tier>{counts, from_text, from_indicators};
    for (const Tier& tier : tiers)
      if (auto r = pick(tier)) return *r ? std::optional<const Fact*>(**r) : std::nullopt;
    return std::nullopt;
  }

  std::optional<Product> Multiply(const Fact& price) const {
    Product r;
    r.price = &price;
    r.value = price.m.value;
    double rel = price.m.value > 0 ? 0.5 * price.m.step / price.m.value : 0;
    bool at_least = price.m.bound == Bound::kAtLeast, at_most = price.m.bound == Bound::kAtMost;
    std::vector<std::string> units = price.m.per;
    if (units.empty()) units.push_back("");
    for (const std::string& u : units) {
      std::optional<const Fact*> c = CountFor(price, u);
      if (!c) return std::nullopt;
      r.counts.push_back(*c);
      if (!*c) continue;
      const Fact& f = **c;
      if (f.m.value <= 0) return std::nullopt;
      r.value *= f.m.value;
      rel += 0.5 * f.m.step / f.m.value;
      if (f.m.bound == Bound::kAtLeast) at_least = true;
      if (f.indicator || price.indicator || f.field != price.field ||
          f.m.sentence != price.m.sentence)
        r.same_sentence = false;
      if (!f.indicator &&
          (price.indicator || f.field != price.field || f.m.sentence != price.m.sentence))
        r.weak = true;
    }
    if (at_least && at_most) return std::nullopt;
    r.bound = at_least ? Bound::kAtLeast : at_most ? Bound::kAtMost : Bound::kExact;
    r.tol = r.value * rel;
    return r;
  }

  // "4017.54 平方米 × 30 元 = 120526.20 元"
  static std::string Formula(const Product& r, bool zh) {
    std::string s;
    for (const Fact* c : r.counts) {
      if (!c) continue;
      s += c->m.raw + " × ";
    }
    s += r.price->m.raw;
    if (!r.price->m.per.empty() && !Contains(r.price->m.raw, "/")) {
      std::string per;
      for (const std::string& u : r.price->m.per) per += (per.empty() ? "" : "·") + u;
      s += zh ? "（每" + per + "）" : " (per " + per + ")";
    }
    return s + " = " + FormatMoney(r.value) + " 元";
  }

  // The texts a product was computed from, quoted: "（据“计划培训 1800 人次，人均 500 元”）".
  static std::string Quoted(const Product& r, bool zh) {
    std::vector<std::string> texts;
    auto add = [&](const Fact* f) {
      if (f && !f->m.context.empty() && std::find(texts.begin(), texts.end(), f->m.context) == texts.end())
        texts.push_back(f->m.context);
    };
    add(r.price);
    for (const Fact* c : r.counts) add(c);
    if (texts.empty()) return "";
    std::string s;
    for (const std::string& t : texts) s += (s.empty() ? "" : (zh ? "；" : "; ")) + (zh ? "“" + t + "”" : "\"" + t + "\"");
    return zh ? "（据" + s + "）" : " (from " + s + ")";
  }

  static bool Satisfies(double amount, double amount_tol, const Product& r) {
    const double tol = amount_tol + r.tol;
    switch (r.bound) {
      case Bound::kExact:
        return Near(amount, r.value, tol);
      case Bound::kAtMost:
        return amount <= r.value + tol + kEps * r.value;
      case Bound::kAtLeast:
        return amount + tol + kEps * r.value >= r.value;
    }
    return true;
  }

  // Amount = quantity × unit price within a sentence; a product without an amount beside it
  // against 预算数.
  void Arithmetic() {
    // Prices, once each (the purpose and an indicator often state the same one).
    std::vector<const Fact*> prices;
    for (const Fact& f : facts_) {
      if (f.m.kind != MentionKind::kPrice) continue;
      auto per = f.m.per;
      std::sort(per.begin(), per.end());
      bool seen = false;
      for (const Fact* g : prices) {
        auto gper = g->m.per;
        std::sort(gper.begin(), gper.end());
        if (Near(g->m.value, f.m.value, 0) && gper == per) seen = true;
      }
      if (!seen) prices.push_back(&f);
    }
    std::vector<Product> against_budget;
    for (const Fact* price : prices) {
      std::optional<Product> r = Multiply(*price);
      if (!r) continue;
      std::vector<const Fact*> amounts;
      if (!price->indicator)
        for (const Fact& f : facts_)
          if (f.m.kind == MentionKind::kMoney && f.field == price->field &&
              f.m.sentence == price->m.sentence)
            amounts.push_back(&f);
      if (amounts.empty()) {
        against_budget.push_back(*r);
        continue;
      }
      if (std::any_of(amounts.begin(), amounts.end(),
                      [&](const Fact* a) { return Satisfies(a->m.value, 0.5 * a->m.step, *r); }))
        continue;
      const bool complete = amounts.size() == 1 && r->same_sentence && r->bound == Bound::kExact;
      const Fact& a = *amounts.front();
      std::vector<std::string> fields = {price->field};
      for (const Fact* c : r->counts)
        if (c && c->field != price->field) fields.push_back(c->field);
      Finding& f = Add("text.arithmetic", complete ? Severity::kError : Severity::kWarning, fields,
                       "文中金额 " + a.m.raw + " 与 " + Formula(*r, true) + " 不符" + Quoted(*r, true),
                       "the text's amount " + a.m.raw + " disagrees with " + Formula(*r, false) +
                           Quoted(*r, false));
      f.figures = {{"amount", a.m.value}, {"unit_price", price->m.value}, {"product", r->value}};
      for (const Fact* c : r->counts)
        if (c) f.figures.push_back({"quantity." + c->m.unit, c->m.value});
    }
    const std::vector<double> budgets = BudgetYuan();
    if (budgets.empty()) return;
    const double btol = BudgetTol();
    for (const Product& r : against_budget) {
      bool agrees = false, over = true, under = true;
      for (double b : budgets) {
        if (Satisfies(b, btol, r)) agrees = true;
        if (!(r.value - r.tol > b + btol)) over = false;
        if (!(r.value + r.tol < b - btol)) under = false;
      }
      if (agrees || r.bound == Bound::kAtMost) continue;
      // Below the budget: other costs may make up the rest, unless this is the project's one
      // exact price and count.
      const bool all_exact = r.bound == Bound::kExact;
      if (!over && !(under && all_exact && !r.weak && against_budget.size() == 1)) continue;
      std::vector<std::string> fields = {r.price->field};
      for (const Fact* c : r.counts)
        if (c && c->field != r.price->field) fields.push_back(c->field);
      fields.push_back("budget.total");
      Finding& f =
          Add("indicator.unit_cost", Severity::kWarning, fields,
              Formula(r, true) + (over ? "，超过" : "，不等于") + "预算数 " + M(*p_.budget.total) +
                  Quoted(r, true),
              Formula(r, false) + (over ? ", above" : ", not equal to") + " the budget total " +
                  M(*p_.budget.total) + Quoted(r, false));
      f.figures = {{"unit_price", r.price->m.value},
                   {"product", r.value},
                   {"budget.total", *p_.budget.total}};
      for (const Fact* c : r.counts)
        if (c) f.figures.push_back({"quantity." + c->m.unit, c->m.value});
    }
  }

  // An amount stated in the purpose or goals against 预算数.
  void TextBudget() {
    const std::vector<double> budgets = BudgetYuan();
    if (budgets.empty()) return;
    const double btol = BudgetTol();
    std::vector<const Fact*> amounts;
    for (const Fact& f : facts_) {
      if (f.m.kind != MentionKind::kMoney || f.indicator) continue;
      if (std::none_of(amounts.begin(), amounts.end(), [&](const Fact* g) {
            return Near(g->m.value, f.m.value, 0.5 * (g->m.step + f.m.step));
          }))
        amounts.push_back(&f);
    }
    // The amounts that are not the budget (as stated, or as the bound they state).
    auto agrees = [&](double a, double tol, Bound bound) {
      for (double b : budgets) {
        if (bound == Bound::kAtMost && b <= a + tol + btol) return true;
        if (bound == Bound::kAtLeast && b + tol + btol >= a) return true;
        if (Near(a, b, tol + btol)) return true;
      }
      return false;
    };
    std::vector<const Fact*> rest;
    for (const Fact* a : amounts)
      if (!agrees(a->m.value, 0.5 * a->m.step, a->m.bound)) rest.push_back(a);
    if (rest.empty()) return;
    // Parts that add up to the budget.
    double sum = 0, sum_tol = 0;
    for (const Fact* a : rest) sum += a->m.value, sum_tol += 0.5 * a->m.step;
    if (rest.size() > 1 && agrees(sum, sum_tol, Bound::kExact)) return;
    const bool alone = amounts.size() == 1;
    for (const Fact* a : rest) {
      bool over = true, close = true;
      for (double b : budgets) {
        if (!(a->m.value - 0.5 * a->m.step > b + btol)) over = false;
        if (a->m.value < 0.8 * b) close = false;
      }
      if (a->m.bound == Bound::kAtMost && !over) continue;
      if (!over && a->m.bound == Bound::kAtLeast) continue;
      // Under the budget: a part of it, unless it is the only amount stated or so close to the
      // budget that it reads as the same figure misprinted.
      if (!over && (a->m.partial || !(alone || close))) continue;
      Finding& f = Add(
          "text.budget", Severity::kWarning, {a->field, "budget.total"},
          "文中金额 " + a->m.raw +
              (factor_ && *factor_ != 1
                   ? "（" + FormatNumber(a->m.value / *factor_, 4) + " " + unit_ + "）"
                   : "") +
              (over ? " 超过" : " 与") + "预算数 " + M(*p_.budget.total) + (over ? "" : " 不符"),
          "the amount " + a->m.raw + " in the text " + (over ? "exceeds" : "disagrees with") +
              " the budget total " + M(*p_.budget.total));
      f.figures = {{"amount_yuan", a->m.value}, {"budget.total", *p_.budget.total}};
    }
  }

  // 成本指标 with a money value: a ceiling above 预算数, or below it when it names the whole.
  void CostCeilings() {
    const std::vector<double> budgets = BudgetYuan();
    if (budgets.empty()) return;
    const double btol = BudgetTol();
    // 成本指标 rows whose value is an amount of money (not a price per unit).
    std::vector<size_t> rows;
    for (size_t i = 0; i < p_.indicators.size(); ++i) {
      const Indicator& ind = p_.indicators[i];
      const TypedValue& v = ind.value_normalized;
      if (!Contains(Compact(ind.level1 + ind.level2), "成本")) continue;
      if (v.kind != ValueKind::kNumeric || !v.number || !v.op || !v.unit) continue;
      if (!check::MoneyFactor(*v.unit) || IndicatorPer(ind)) continue;
      rows.push_back(i);
    }
    for (size_t i : rows) {
      const Indicator& ind = p_.indicators[i];
      const TypedValue& v = ind.value_normalized;
      const double money = *check::MoneyFactor(*v.unit);
      const double c = (*v.op == Op::kRange && v.upper ? *v.upper : *v.number) * money;
      const double ctol = 0.5 * std::pow(10.0, -check::PrintedDecimals(ind.value)) * money;
      const bool whole = ContainsAny(NameOf(ind), {"预算", "总", "项目成本", "项目支出", "全部",
                                                   "成本控制", "支出控制", "控制数"});
      bool above = true, below = true, most = true;
      for (double b : budgets) {
        if (!(c - ctol > b + btol)) above = false;
        if (!(c + ctol < b - btol)) below = false;
        if (c < 0.5 * b) most = false;
      }
      const bool floor = *v.op == Op::kGe || *v.op == Op::kGt;
      // A cost above the whole budget; or, capped under it, a ceiling that names the whole, or
      // the project's one money cost and most of the budget (a cost line is smaller).
      const bool fire = above || (below && !floor && (whole || (rows.size() == 1 && most)));
      if (!fire) continue;
      const std::string vf = IndicatorField(i, "value");
      const std::string shown = Trim(ind.value);
      Finding& f =
          Add("indicator.cost_ceiling", Severity::kWarning, {vf, "budget.total"},
              "成本指标“" + ShownName(ind) + "” " + shown + (above ? " 高于" : " 低于") +
                  "预算数 " + M(*p_.budget.total),
              "cost indicator '" + ShownName(ind) + "' " + shown +
                  (above ? " is above" : " is below") + " the budget total " + M(*p_.budget.total));
      f.figures = {{"cost_yuan", c}, {"budget.total", *p_.budget.total}};
    }
  }

  // ------------------------------------------------------------ for human review

  void Review() {
    for (const auto& [field, s] : p_.provenance) {
      if (s.corrected) {
        Finding& f = Add("review.corrected", Severity::kInfo, {field},
                         FieldLabelZh(field) + "经词典校正，请人工核对：" + FieldText(p_, field),
                         FieldLabelEn(field) + " was corrected by the lexicon; please review: " +
                             FieldText(p_, field));
        f.page = s.page ? s.page : f.page;
      }
      // Only OCR gives confidences under 1 (provenance may not say which source it was).
      if (s.confidence < o_.low_confidence) {
        Finding& f =
            Add("review.low_confidence", Severity::kInfo, {field},
                FieldLabelZh(field) + "识别置信度 " + FormatNumber(s.confidence, 2) +
                    "，请人工核对：" + FieldText(p_, field),
                FieldLabelEn(field) + " read with OCR confidence " + FormatNumber(s.confidence, 2) +
                    "; please review: " + FieldText(p_, field));
        f.page = s.page ? s.page : f.page;
        f.figures = {{"confidence", s.confidence}};
      }
    }
  }
};

// ---------------------------------------------------------------- 项目编码

struct Segment {
  size_t length;
  char type;  // 'd' digits, 'a' letters, 'x' both
};

std::vector<Segment> Shape(const std::string& code) {
  std::vector<Segment> out;
  Segment cur{0, 0};
  auto flush = [&] {
    out.push_back(cur);
    cur = {0, 0};
  };
  for (char c : code) {
    if (c == '-') {
      flush();
      continue;
    }
    const char t = (c >= '0' && c <= '9') ? 'd' : 'a';
    cur.type = cur.length == 0 ? t : (cur.type == t ? t : 'x');
    ++cur.length;
  }
  flush();
  return out;
}

// The value most of `values` share (more than half, and at least two), if any.
template <typename T>
std::optional<T> Majority(const std::vector<T>& values) {
  std::map<T, int> n;
  for (const T& v : values) ++n[v];
  for (const auto& [v, k] : n)
    if (k >= 2 && 2 * k > static_cast<int>(values.size())) return v;
  return std::nullopt;
}

void CheckCodes(const std::vector<Project>& projects, std::vector<Finding>* out) {
  struct Code {
    const Project* p;
    std::string code;  // NFKC, no spaces, upper case
  };
  std::vector<Code> codes;
  for (const Project& p : projects) {
    const std::string c = Upper(Compact(p.project_code));
    if (!c.empty()) codes.push_back({&p, c});
  }
  auto add = [&](const Project& p, std::string rule, Severity s, std::string zh,
                 std::string en) -> Finding& {
    Finding f;
    f.rule = std::move(rule);
    f.severity = s;
    f.index = p.index;
    f.project_code = p.project_code;
    f.project_name = p.project_name;
    f.fields = {"project_code"};
    f.page = PageOf(p, f.fields);
    f.message_zh = std::move(zh);
    f.message_en = std::move(en);
    out->push_back(std::move(f));
    return out->back();
  };
  // Projects without a code among projects with codes.
  for (const Project& p : projects)
    if (Trim(p.project_code).empty() && codes.size() >= 2)
      add(p, "code.missing", Severity::kWarning, "项目编码为空（本文档其他项目均有编码）",
          "the project has no code (other projects of the document have one)");
  for (size_t i = 0; i < codes.size(); ++i) {
    const Code& c = codes[i];
    std::string why_zh, why_en;
    for (char ch : c.code)
      if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || ch == '-' || ch == '_' ||
            ch == '.')) {
        why_zh = "含有非法字符";
        why_en = "has characters other than letters, digits and dashes";
        break;
      }
    std::vector<std::vector<Segment>> others;
    std::vector<size_t> counts;
    std::vector<bool> prefix_ok;
    for (size_t j = 0; j < codes.size(); ++j) {
      if (j == i) continue;
      others.push_back(Shape(codes[j].code));
      counts.push_back(others.back().size());
      const std::string unit = Compact(codes[j].p->unit_code);
      const std::string first = codes[j].code.substr(0, codes[j].code.find('-'));
      prefix_ok.push_back(!unit.empty() && first.size() < codes[j].code.size() &&
                          StartsWith(unit, first));
    }
    const std::vector<Segment> mine = Shape(c.code);
    if (why_zh.empty() && others.size() >= 2) {
      if (auto n = Majority(counts); n && *n != mine.size()) {
        why_zh =
            "分段数为 " + std::to_string(mine.size()) + "，本文档其他编码为 " + std::to_string(*n);
        why_en = "has " + std::to_string(mine.size()) +
                 " parts where the document's other codes have " + std::to_string(*n);
      } else if (n) {
        for (size_t k = 0; k < mine.size() && why_zh.empty(); ++k) {
          std::vector<size_t> lengths;
          std::vector<char> types;
          for (const auto& o : others)
            if (o.size() == mine.size()) lengths.push_back(o[k].length), types.push_back(o[k].type);
          const auto len = Majority(lengths);
          const auto type = Majority(types);
          const std::string part = std::to_string(k + 1);
          if (len && *len != mine[k].length) {
            why_zh = "第 " + part + " 段长 " + std::to_string(mine[k].length) + " 位，其他编码为 " +
                     std::to_string(*len) + " 位";
            why_en = "part " + part + " has " + std::to_string(mine[k].length) +
                     " characters where the others have " + std::to_string(*len);
          } else if (type && *type != 'x' && *type != mine[k].type) {
            why_zh = std::string("第 ") + part + " 段应全为" + (*type == 'd' ? "数字" : "字母");
            why_en = "part " + part + " should be all " + (*type == 'd' ? "digits" : "letters");
          }
        }
      }
      const std::string unit = Compact(c.p->unit_code);
      const std::string first = c.code.substr(0, c.code.find('-'));
      if (why_zh.empty() && !unit.empty() && Majority(prefix_ok).value_or(false) &&
          !StartsWith(unit, first)) {
        why_zh = "前缀 " + first + " 与单位编码 " + unit + " 不符";
        why_en = "prefix " + first + " does not match the unit code " + unit;
      }
    }
    if (!why_zh.empty())
      add(*c.p, "code.malformed", Severity::kWarning,
          "项目编码 " + c.p->project_code + " 格式异常：" + why_zh,
          "project code " + c.p->project_code + " is malformed: " + why_en);
  }
  // The same code on two projects.
  for (size_t i = 0; i < codes.size(); ++i)
    for (size_t j = 0; j < i; ++j) {
      if (codes[i].code != codes[j].code) continue;
      const Project& a = *codes[j].p;
      const Project& b = *codes[i].p;
      const bool same =
          Compact(a.project_name) == Compact(b.project_name) && a.budget.total == b.budget.total;
      Finding& f =
          add(b, same ? "code.repeated" : "code.duplicate",
              same ? Severity::kWarning : Severity::kError,
              "项目编码 " + b.project_code + " 同时用于第 " + std::to_string(a.index) +
                  " 个项目（" + a.project_name + "）" + (same ? "，两表内容相同，似重复印出" : ""),
              "project code " + b.project_code + " is also used by project " +
                  std::to_string(a.index) + " (" + a.project_name + ")" +
                  (same ? "; both tables read the same, printed twice?" : ""));
      f.figures = {{"other_index", a.index}};
      break;
    }
}

}  // namespace

std::vector<Finding> Check(const std::vector<Project>& projects, const CheckOptions& options) {
  std::vector<Finding> out;
  for (const Project& p : projects) {
    ProjectChecker(p, options, &out).Run();
  }
  CheckCodes(projects, &out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Finding& a, const Finding& b) { return a.index < b.index; });
  return out;
}

// ---------------------------------------------------------------- review flags

namespace {

bool IsDigit32(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}

// Whether `text` has a digit (ASCII or full-width): a value that means a number.
bool HasDigit(const std::u32string& text) {
  return std::any_of(text.begin(), text.end(), IsDigit32);
}

// The operator a value prints first (≥ 95%), if it starts with one.
std::optional<Op> PrintedOp(const std::u32string& text) {
  static const std::pair<char32_t, Op> kOps[] = {
      {U'≥', Op::kGe},  {U'⩾', Op::kGe}, {U'≤', Op::kLe},  {U'⩽', Op::kLe}, {U'>', Op::kGt},
      {U'＞', Op::kGt}, {U'<', Op::kLt}, {U'＜', Op::kLt}, {U'=', Op::kEq}, {U'＝', Op::kEq}};
  const size_t first = text.find_first_not_of(U" \u3000");
  if (first == std::u32string::npos) return std::nullopt;
  for (const auto& [c, op] : kOps)
    if (text[first] == c) return op;
  return std::nullopt;
}

// Whether a code or value prints a letter O, o, I or l beside a digit (11000026TO00099050223,
// 8O人): OCR reads 0 as O and 1 as I or l.
bool LookalikeBesideDigit(const std::string& code) {
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c != 'O' && c != 'o' && c != 'I' && c != 'l') continue;
    const bool before = i > 0 && code[i - 1] >= '0' && code[i - 1] <= '9';
    const bool after = i + 1 < code.size() && code[i + 1] >= '0' && code[i + 1] <= '9';
    if (before || after) return true;
  }
  return false;
}

// Whether an indicator value that prints digits may be misread by its form (value_untyped): it
// does not type; its digits are parted by white space (15.0 0天: a glyph lost or a speck); or the
// operator it prints is not the typed one (=100多 types as > 100: a % read as 多).
bool UntypedValue(const Indicator& v) {
  const std::u32string text = ToU32(v.value);
  if (!HasDigit(text)) return false;
  const TypedValue& t = v.value_normalized;
  if (t.kind == ValueKind::kText || LookalikeBesideDigit(v.value)) return true;
  for (size_t i = 1; i + 1 < text.size(); ++i)
    if ((text[i] == U' ' || text[i] == U'\u3000') && IsDigit32(text[i - 1]) &&
        (IsDigit32(text[i + 1]) || text[i + 1] == U'.'))
      return true;
  const auto printed = PrintedOp(text);
  return t.kind == ValueKind::kNumeric && printed && t.op && *t.op != Op::kRange &&
         *printed != *t.op;
}

// Whether an OCR-read value's operator looks misread: ＝ read as - or 一 (a stroke lost: `-3个`,
// `一95%`; a target is never negative), or a strict operator before a named quantity
// (`<预算控制数`: a ceiling of a budget is printed ≤, 不超过; < is ≤ whose lower bar faded).
bool OperatorMisread(const Indicator& v) {
  const std::u32string text = ToU32(v.value);
  const size_t first = text.find_first_not_of(U" \u3000");
  if (first != std::u32string::npos && first + 1 < text.size() &&
      (text[first] == U'-' || text[first] == U'一') && IsDigit32(text[first + 1]))
    return true;
  const TypedValue& t = v.value_normalized;
  return t.kind == ValueKind::kReference && t.op && (*t.op == Op::kLt || *t.op == Op::kGt);
}

// Whether a figure the table gave a place (it has provenance) reads as nothing: a total, fiscal
// share or schedule share that did not parse. 其他资金 is left out: it is often printed blank.
bool ReadAsNothing(const Project& p, const std::string& key) {
  const std::pair<const char*, const std::optional<double>*> numbers[] = {
      {"budget.total", &p.budget.total}, {"budget.fiscal", &p.budget.fiscal},
      {"schedule.mar", &p.schedule.mar}, {"schedule.jun", &p.schedule.jun},
      {"schedule.oct", &p.schedule.oct}, {"schedule.dec", &p.schedule.dec}};
  for (const auto& [name, value] : numbers)
    if (key == name) return !value->has_value();
  return false;
}

// Whether finding field `named` names provenance key `key`: the same path, or a member of it
// ("budget" names "budget.total"; "indicators[2]" names "indicators[2].value"). A finding that
// names a whole list ("indicators": a category missing) names none of its items.
bool Names(const std::string& named, const std::string& key) {
  if (named == key) return true;
  return key.size() > named.size() && key.compare(0, named.size(), named) == 0 &&
         key[named.size()] == '.';
}

// The indicator index and field of "indicators[3].value", if `key` is one.
std::optional<std::pair<size_t, std::string>> IndicatorKey(const std::string& key) {
  static const std::string kPrefix = "indicators[";
  if (key.compare(0, kPrefix.size(), kPrefix) != 0) return std::nullopt;
  const size_t close = key.find("].", kPrefix.size());
  if (close == std::string::npos) return std::nullopt;
  size_t i = 0;
  for (size_t k = kPrefix.size(); k < close; ++k) {
    if (key[k] < '0' || key[k] > '9') return std::nullopt;
    i = i * 10 + static_cast<size_t>(key[k] - '0');
  }
  return std::make_pair(i, key.substr(close + 2));
}

// A record needs this many indicator rows before its rows say whether a row should print a value.
constexpr size_t kRowsForMajority = 3;

// The indicator rows of `p` (by index) that are missing a cell: a level left empty (every
// indicator row has its 一级, 二级 and 三级指标, CONTRACT.md), or a value where most of the
// record's rows (more than half) print one: a cell lost to a broken rule, a column whose header
// was misread, a row cut in two.
std::vector<bool> IncompleteRows(const Project& p) {
  std::vector<bool> out(p.indicators.size(), false);
  const bool values = p.indicators.size() >= kRowsForMajority &&
                      2 * std::count_if(p.indicators.begin(), p.indicators.end(),
                                        [](const Indicator& v) { return !v.value.empty(); }) >
                          static_cast<std::ptrdiff_t>(p.indicators.size());
  for (size_t i = 0; i < p.indicators.size(); ++i) {
    const Indicator& v = p.indicators[i];
    out[i] =
        v.level1.empty() || v.level2.empty() || v.level3.empty() || (values && v.value.empty());
  }
  return out;
}

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Whether a record was read by OCR (some field of it was): only those get not_read and
// text_junk, signals of a reading gone wrong; a text layer's blank cell is printed blank.
bool ReadByOcr(const Project& p) {
  return std::any_of(p.provenance.begin(), p.provenance.end(),
                     [](const auto& e) { return e.second.source == WordSource::kOcr; });
}

// The provenance entry of `key` in `p`, made for a field the reading left empty when it has
// none: the record's first page, no box, confidence 0 (nothing was read).
// An indicator's attribute without an entry takes its row's value's (the same row read), without
// its fixes.
Source& EntryOf(Project& p, const std::string& key, const std::string& model = "") {
  auto it = p.provenance.find(key);
  if (it != p.provenance.end()) return it->second;
  Source s;
  s.page = p.pages.empty() ? 0 : p.pages.front();
  s.source = WordSource::kOcr;
  s.confidence = 0;
  if (auto m = p.provenance.find(model); !model.empty() && m != p.provenance.end()) {
    s = m->second;
    s.fixes.clear();
    s.corrected = false;
  }
  return p.provenance.emplace(key, s).first->second;
}

// Whether an entry was made by MarkReview for a field nothing was read into (no box, no
// confidence): it has no glyph to doubt.
bool NothingRead(const Source& s) {
  return s.box.empty() && s.confidence == 0;
}

// The fields of `p` every performance table prints (CONTRACT.md: each family gives a title, a
// name, the money's unit, 预算数 and 财政资金, and goals) that its reading left empty (not_read).
// 其他资金, the unit's name and code, the project code and the purpose are often printed blank.
std::vector<std::string> ExpectedButEmpty(const Project& p) {
  std::vector<std::string> out;
  if (p.title.empty()) out.push_back("title");
  if (p.project_name.empty()) out.push_back("project_name");
  if (p.money_unit.empty()) out.push_back("money_unit");
  if (!p.budget.total) out.push_back("budget.total");
  if (!p.budget.fiscal) out.push_back("budget.fiscal");
  if (p.goals.empty()) out.push_back("goals");
  // 其他资金 is printed blank when 财政资金 is the whole budget; short of it, its figure was lost.
  if (!p.budget.other && p.budget.total && p.budget.fiscal && *p.budget.fiscal < *p.budget.total)
    out.push_back("budget.other");
  return out;
}

// Whether the 性质 cell of a split value (指标性质 `≥` | 指标值 | 度量单位) reads as what such a
// cell prints: an operator (`≥`, `大于等于`), 定性 or 定量. Anything else (`了`, `AS`, `必一有`) is
// a misreading, and the value joined from it is suspect too.
bool OperatorCellReads(const std::string& text) {
  const std::string compact = Compact(text);
  if (IsQualitative(compact) || IsQuantitative(compact)) return true;
  const TypedValue t = Normalize(compact + "1");
  return t.kind == ValueKind::kNumeric && t.op && t.number == 1.0 && !t.unit && !t.qualifier;
}

// The review reasons of a split value's 性质 cell: not_read when it is empty beside a value with a
// digit (the cell's operator was lost: `98%` for `=98%`), value_untyped when it reads as no 性质.
// "" when it needs none, or the row has no such cell.
std::string OperatorCellReason(const Indicator& v) {
  for (const auto& [label, text] : v.attributes) {
    if (ValuePartHeader(LabelOf(label)) != ValuePart::kOperator) continue;
    if (text.empty()) return HasDigit(ToU32(v.value)) ? "not_read" : "";
    return OperatorCellReads(text) ? "" : "value_untyped";
  }
  return "";
}

// Whether OCR text holds Latin letters with a lower-case one beside a Chinese character
// (`审计项目人员成本标准。nnA`, `了好`'s `f好`, `naesairsN`): specks and strokes read as letters.
// Printed Chinese text uses Latin only in upper-case terms (AI, OA, DRG, 5G, LED).
bool LatinJunk(const std::string& text) {
  const auto latin = [](char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  };
  const auto blank = [](char32_t c) { return c == U' ' || c == U'\u3000'; };
  const std::u32string u = ToU32(text);
  for (size_t i = 0; i < u.size();) {
    if (!latin(u[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    bool lower = false;
    for (; end < u.size() && latin(u[end]); ++end)
      lower = lower || (u[end] >= U'a' && u[end] <= U'z');
    size_t before = i, after = end;
    while (before > 0 && blank(u[before - 1])) --before;
    while (after < u.size() && blank(u[after])) ++after;
    if (lower && ((before > 0 && IsCjk(u[before - 1])) || (after < u.size() && IsCjk(u[after]))))
      return true;
    i = end;
  }
  return false;
}

// The reasons of the record's reading itself, by provenance key: not_read for the fields it
// should print and left empty, value_untyped for a value whose 性质 cell reads as no 性质,
// text_junk for text with Latin specks beside Chinese. Makes an entry for a field that has none
// (an empty field, an attribute): every field that may be wrong carries its flag. Only for a
// record read by OCR.
std::map<std::string, std::vector<std::string>> ReadingReasons(Project& p) {
  std::map<std::string, std::vector<std::string>> out;
  if (!ReadByOcr(p)) return out;
  const auto add = [&](const std::string& key, const char* reason) {
    const auto ind = IndicatorKey(key);
    EntryOf(p, key, ind ? "indicators[" + std::to_string(ind->first) + "].value" : "");
    auto& r = out[key];
    if (!Contains(r, reason)) r.push_back(reason);
  };
  for (const std::string& key : ExpectedButEmpty(p)) add(key, "not_read");
  for (size_t i = 0; i < p.indicators.size(); ++i) {
    const Indicator& v = p.indicators[i];
    const std::string row = "indicators[" + std::to_string(i) + "].";
    // A column the row has and left empty: every row prints its cell of an extra column
    // (权重, 评分标准, 指标性质), except a unit, which a value without one leaves blank.
    for (const auto& [label, text] : v.attributes) {
      if (text.empty() && ValuePartHeader(LabelOf(label)) != ValuePart::kUnit)
        add(row + "attributes." + label, "not_read");
      if (LatinJunk(text)) add(row + "attributes." + label, "text_junk");
    }
    // An attribute that repeats the value (实施周期指标值 = 年度指标值) is the same reading.
    for (const auto& [label, text] : v.attributes)
      if (!text.empty() && text == v.value) EntryOf(p, row + "attributes." + label, row + "value");
    const std::string op = OperatorCellReason(v);
    if (!op.empty()) {
      add(row + "value", op == "not_read" ? "not_read" : "value_untyped");
      for (const auto& [label, text] : v.attributes)
        if (ValuePartHeader(LabelOf(label)) == ValuePart::kOperator)
          add(row + "attributes." + label, op == "not_read" ? "not_read" : "value_untyped");
    }
  }
  for (const auto& [label, text] : p.attributes)
    if (LatinJunk(text)) add("attributes." + label, "text_junk");
  for (auto& [key, s] : p.provenance) {
    const auto path = ParseFieldPath(key);
    const auto text = path ? FieldString(p, *path) : std::nullopt;
    if (text && LatinJunk(*text)) add(key, "text_junk");
  }
  return out;
}

}  // namespace

void MarkReview(std::vector<Project>& projects, const std::vector<Finding>& findings,
                const CheckOptions& options) {
  for (Project& p : projects) {
    std::vector<const Finding*> failed;
    for (const Finding& f : findings)
      if (f.index == p.index && f.severity != Severity::kInfo) failed.push_back(&f);
    const std::vector<bool> incomplete = IncompleteRows(p);
    const auto reading = ReadingReasons(p);
    for (auto& [key, s] : p.provenance) {
      s.review.clear();
      const bool ocr = s.source == WordSource::kOcr;
      const auto ind = IndicatorKey(key);
      const Indicator* row =
          ind && ind->first < p.indicators.size() ? &p.indicators[ind->first] : nullptr;
      const auto found = reading.find(key);
      const std::vector<std::string> none;
      const std::vector<std::string>& read = found == reading.end() ? none : found->second;
      // An empty field has no glyph to doubt: not_read says what there is to say.
      // A value that types (a number, a reference, a date) is judged by its form (value_untyped,
      // a check): its line's confidence alone picked 29 wrong values and 177 right ones on the
      // dev scans (seed 177020, office and archive).
      const bool typed = row && ind->second == "value" &&
                         row->value_normalized.kind != ValueKind::kText &&
                         row->value_normalized.kind != ValueKind::kEmpty;
      if (ocr && !typed && !Contains(read, "not_read") && !NothingRead(s) &&
          (s.confidence < options.low_confidence || s.weakest_glyph < options.weak_glyph))
        s.review.push_back("low_confidence");
      if ((row && ind->second == "value" &&
           (UntypedValue(*row) || (ocr && OperatorMisread(*row)))) ||
          (ocr && key == "project_code" && LookalikeBesideDigit(p.project_code)) ||
          ReadAsNothing(p, key) || Contains(read, "value_untyped"))
        s.review.push_back("value_untyped");
      for (const char* r : {"not_read", "text_junk"})
        if (Contains(read, r)) s.review.push_back(r);
      if (std::any_of(failed.begin(), failed.end(), [&](const Finding* f) {
            return std::any_of(f->fields.begin(), f->fields.end(),
                               [&](const std::string& n) { return Names(n, key); });
          }))
        s.review.push_back("check_failed");
      if (std::any_of(s.fixes.begin(), s.fixes.end(),
                      [&](const std::string& id) { return !Contains(options.sure_fixes, id); }) ||
          (s.corrected && s.fixes.empty()))
        s.review.push_back("fixed");
      if (row && incomplete[ind->first]) s.review.push_back("row_incomplete");
    }
    for (size_t i = 0; i < p.indicators.size(); ++i) {
      const std::string row = "indicators[" + std::to_string(i) + "].";
      const auto value = p.provenance.find(row + "value");
      if (value == p.provenance.end()) continue;
      for (const auto& [label, text] : p.indicators[i].attributes) {
        const auto attribute = p.provenance.find(row + "attributes." + label);
        if (text.empty() || text != p.indicators[i].value || attribute == p.provenance.end())
          continue;
        for (const std::string& r : value->second.review)
          if (!Contains(attribute->second.review, r)) attribute->second.review.push_back(r);
      }
    }
  }
}

}  // namespace jixiao
