// The same projects across documents (several years of one department): what changed.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "checks/checks.h"
#include "checks/format.h"
#include "checks/text_scan.h"
#include "core/text.h"

namespace jixiao {

namespace {

std::string ProjectKey(const Project& p) {
  std::string code = Compact(p.project_code);
  for (char& c : code)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (!code.empty()) return "code:" + code;
  return "name:" + Compact(p.project_name);
}

std::string IndicatorKey(const Indicator& i) {
  return Compact(i.level1) + "/" + Compact(i.level2) + "/" + Compact(i.level3);
}

std::string IndicatorLabel(const Indicator& i) {
  return Trim(i.level1) + "/" + Trim(i.level2) + "/" +
         (Trim(i.level3).empty() ? Trim(i.description) : Trim(i.level3));
}

// "2019: =6 人 → 2020: =8 人"; absent values show as "—".
std::string Sequence(const std::vector<std::string>& labels, const std::vector<std::string>& values,
                     const std::vector<bool>& present) {
  std::string s;
  for (size_t d = 0; d < labels.size(); ++d) {
    if (!present[d]) continue;
    s += (s.empty() ? "" : " → ") + labels[d] + ": " + (values[d].empty() ? "—" : values[d]);
  }
  return s;
}

}  // namespace

Comparison Compare(const std::vector<ComparedDocument>& documents) {
  Comparison out;
  const size_t n = documents.size();
  for (const ComparedDocument& d : documents) out.documents.push_back(d.label);
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Project*>> by_key;
  for (size_t d = 0; d < n; ++d)
    for (const Project& p : documents[d].projects) {
      const std::string key = ProjectKey(p);
      auto [it, fresh] = by_key.try_emplace(key, std::vector<const Project*>(n, nullptr));
      if (fresh) order.push_back(key);
      if (!it->second[d]) it->second[d] = &p;
    }
  for (const std::string& key : order) {
    const std::vector<const Project*>& at = by_key[key];
    std::vector<bool> present(n);
    const Project* last = nullptr;
    size_t count = 0;
    for (size_t d = 0; d < n; ++d)
      if (at[d]) present[d] = true, last = at[d], ++count;
    auto finding = [&](std::string rule, std::vector<std::string> fields, std::string zh,
                       std::string en) -> Finding& {
      Finding f;
      f.rule = std::move(rule);
      f.severity = Severity::kInfo;
      f.index = last->index;
      f.project_code = last->project_code;
      f.project_name = last->project_name;
      f.fields = std::move(fields);
      f.page = PageOf(*last, f.fields);
      f.message_zh = std::move(zh);
      f.message_en = std::move(en);
      out.findings.push_back(std::move(f));
      return out.findings.back();
    };
    ComparisonRow base;
    base.project_code = last->project_code;
    base.project_name = last->project_name;
    if (count < n) {
      ComparisonRow row = base;
      row.field = "project";
      std::string in;
      for (size_t d = 0; d < n; ++d) {
        row.values.push_back(at[d] ? Trim(at[d]->project_name) : "");
        if (at[d]) in += (in.empty() ? "" : ", ") + out.documents[d];
      }
      out.rows.push_back(row);
      finding("compare.project", {"project_code"}, "项目“" + last->project_name + "”仅见于 " + in,
              "project '" + last->project_name + "' appears only in " + in);
    }
    if (count < 2) continue;
    // 预算数, compared in 元.
    {
      ComparisonRow row = base;
      row.field = "budget.total";
      row.money_unit = Trim(last->money_unit);
      std::vector<std::string> shown(n);
      for (size_t d = 0; d < n; ++d) {
        std::optional<double> v = at[d] ? at[d]->budget.total : std::nullopt;
        row.numbers.push_back(v);
        if (at[d] && v)
          shown[d] = FormatMoney(*v) +
                     (Trim(at[d]->money_unit).empty() ? "" : " " + Trim(at[d]->money_unit));
        row.values.push_back(shown[d]);
      }
      // Any difference between consecutive documents that have the project, compared in 元.
      bool changed = false;
      std::optional<double> ref;
      bool seen = false;
      for (size_t d = 0; d < n; ++d) {
        if (!at[d]) continue;
        std::optional<double> y;
        if (at[d]->budget.total)
          y = *at[d]->budget.total * check::MoneyFactor(at[d]->money_unit).value_or(1e4);
        if (!seen) {
          ref = y;
          seen = true;
          continue;
        }
        if (ref.has_value() != y.has_value() || (ref && y && std::abs(*ref - *y) > 1e-6))
          changed = true;
        ref = y;
      }
      if (changed) {
        out.rows.push_back(row);
        std::string zh = "预算数 " + Sequence(out.documents, shown, present);
        std::string en = "budget total " + Sequence(out.documents, shown, present);
        std::vector<std::pair<std::string, double>> figures;
        std::optional<double> a, b;
        const Project* from = nullptr;
        for (size_t d = 0; d < n; ++d)
          if (at[d] && at[d]->budget.total) {
            figures.push_back({out.documents[d], *at[d]->budget.total});
            if (!a) a = *at[d]->budget.total, from = at[d];
            b = *at[d]->budget.total;
          }
        if (a && b && Compact(from->money_unit) == Compact(last->money_unit)) {
          const double delta = *b - *a;
          std::string change = (delta >= 0 ? "+" : "") + FormatMoney(delta);
          if (*a != 0)
            change +=
                ", " + std::string(delta >= 0 ? "+" : "") + FormatNumber(100 * delta / *a, 1) + "%";
          zh += "（" + change + "）";
          en += " (" + change + ")";
          figures.push_back({"change", delta});
        }
        finding("compare.budget", {"budget.total"}, zh, en).figures = figures;
      }
    }
    // Indicator targets, by 一级/二级/三级指标 (the n-th of a repeated name with the n-th).
    std::vector<std::string> keys;
    std::vector<std::map<std::string, std::pair<const Indicator*, size_t>>> rows_at(n);
    for (size_t d = 0; d < n; ++d) {
      if (!at[d]) continue;
      std::map<std::string, int> seen;
      for (size_t i = 0; i < at[d]->indicators.size(); ++i) {
        const Indicator& ind = at[d]->indicators[i];
        const std::string ikey =
            IndicatorKey(ind) + "#" + std::to_string(seen[IndicatorKey(ind)]++);
        if (std::find(keys.begin(), keys.end(), ikey) == keys.end()) keys.push_back(ikey);
        rows_at[d][ikey] = {&ind, i};
      }
    }
    for (const std::string& ikey : keys) {
      ComparisonRow row = base;
      row.field = "indicator";
      std::set<std::string> distinct;
      const Indicator* shown_ind = nullptr;
      std::string field;
      for (size_t d = 0; d < n; ++d) {
        auto it = at[d] ? rows_at[d].find(ikey) : rows_at[d].end();
        const bool has = at[d] && it != rows_at[d].end();
        row.values.push_back(has ? Trim(it->second.first->value) : "");
        if (!at[d]) continue;
        distinct.insert(has ? Compact(it->second.first->value) : std::string("\x01") + "absent");
        if (has) {
          shown_ind = it->second.first;
          if (at[d] == last) field = "indicators[" + std::to_string(it->second.second) + "].value";
        }
      }
      if (distinct.size() < 2 || !shown_ind) continue;
      row.indicator = IndicatorLabel(*shown_ind);
      out.rows.push_back(row);
      const std::string seq = Sequence(out.documents, row.values, present);
      finding(
          "compare.target",
          field.empty() ? std::vector<std::string>{"indicators"} : std::vector<std::string>{field},
          "指标“" + row.indicator + "”指标值 " + seq, "target of '" + row.indicator + "': " + seq);
    }
  }
  return out;
}

}  // namespace jixiao
