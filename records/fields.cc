#include "records/fields.h"

#include <algorithm>
#include <tuple>
#include <type_traits>

#include "core/error.h"

namespace jixiao {

namespace {

using Json = nlohmann::ordered_json;

template <typename M>
struct MemberPointer;
template <typename C, typename T>
struct MemberPointer<T C::*> {
  using Class = C;
  using Type = T;
};

// The member at the end of a chain of member pointers: At<&Project::budget, &Budget::total>().
template <auto First, auto... Rest>
FieldAccess At() {
  using Record = typename MemberPointer<decltype(First)>::Class;
  using Last =
      std::tuple_element_t<sizeof...(Rest), std::tuple<decltype(First), decltype(Rest)...>>;
  using T = typename MemberPointer<Last>::Type;
  return FieldMember<Record, T>{[](const Record& r) -> const T& { return ((r.*First).*....*Rest); },
                                [](Record& r) -> T& { return ((r.*First).*....*Rest); }};
}

template <typename T>
constexpr FieldType TypeOf() {
  if constexpr (std::is_same_v<T, int>) {
    return FieldType::kInteger;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return FieldType::kText;
  } else if constexpr (std::is_same_v<T, std::optional<double>>) {
    return FieldType::kNumber;
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    return FieldType::kTextList;
  } else if constexpr (std::is_same_v<T, std::vector<int>>) {
    return FieldType::kIntegerList;
  } else if constexpr (std::is_same_v<T, std::vector<Indicator>>) {
    return FieldType::kRows;
  } else if constexpr (std::is_same_v<T, Labeled>) {
    return FieldType::kLabeled;
  } else {
    static_assert(std::is_same_v<T, TypedValue>, "a member type FieldType does not name");
    return FieldType::kTypedValue;
  }
}

// One line of the registry.
struct Declared {
  const char* path;
  const char* zh;
  const char* en;
  FieldAccess access;
  const char* column = "";          // store/schema.sql; "" when not stored
  const char* header_zh = nullptr;  // when the export's header is not zh
  const char* item_zh = "";         // lists
  const char* item_en = "";
  bool omit_empty = false;
  const char* typed_from = nullptr;  // kTypedValue
};

// The registry. Labels as the 绩效目标表 prints them; the English names are the JSON names the
// contract fixes, which the English messages have always used.
const std::vector<Declared>& Declarations(FieldScope scope) {
  static const std::vector<Declared> project = {
      {"index", "项目序号", "index", At<&Project::index>(), "idx"},
      {"title", "表名", "title", At<&Project::title>(), "title"},
      {"unit_code", "单位编码", "unit_code", At<&Project::unit_code>(), "unit_code"},
      {"unit_name", "单位名称", "unit_name", At<&Project::unit_name>(), "unit_name"},
      {"money_unit", "金额单位", "money_unit", At<&Project::money_unit>(), "money_unit"},
      {"project_code", "项目编码", "project_code", At<&Project::project_code>(), "project_code"},
      {"project_name", "项目名称", "project_name", At<&Project::project_name>(), "project_name"},
      {"budget.total", "预算数", "budget.total", At<&Project::budget, &Budget::total>(),
       "budget_total"},
      {"budget.fiscal", "财政资金", "budget.fiscal", At<&Project::budget, &Budget::fiscal>(),
       "budget_fiscal"},
      {"budget.other", "其他资金", "budget.other", At<&Project::budget, &Budget::other>(),
       "budget_other"},
      {"purpose", "资金用途", "purpose", At<&Project::purpose>(), "purpose"},
      // Cumulative percent spent: the export's header says the unit.
      {"schedule.mar", "支出计划3月底", "schedule.mar", At<&Project::schedule, &Schedule::mar>(),
       "schedule_mar", "3月底（%）"},
      {"schedule.jun", "支出计划6月底", "schedule.jun", At<&Project::schedule, &Schedule::jun>(),
       "schedule_jun", "6月底（%）"},
      {"schedule.oct", "支出计划10月底", "schedule.oct", At<&Project::schedule, &Schedule::oct>(),
       "schedule_oct", "10月底（%）"},
      {"schedule.dec", "支出计划12月底", "schedule.dec", At<&Project::schedule, &Schedule::dec>(),
       "schedule_dec", "12月底（%）"},
      {.path = "goals",
       .zh = "绩效目标",
       .en = "goals",
       .access = At<&Project::goals>(),
       .column = "goals",
       .item_zh = "绩效目标第 {} 条",
       .item_en = "goal {}"},
      {.path = "indicators",
       .zh = "绩效指标",
       .en = "indicators",
       .access = At<&Project::indicators>(),
       .column = "",  // rows of their own table
       .item_zh = "第 {} 行指标",
       .item_en = "indicator row {}"},
      {.path = "pages",
       .zh = "页码",
       .en = "pages",
       .access = At<&Project::pages>(),
       .column = "pages",
       .item_zh = "页码第 {} 项",
       .item_en = "page entry {}"},
      {"attributes", "其他字段", "attributes", At<&Project::attributes>(), "attributes"},
      // After the contract example's fields, so that their order stays as it shows them.
      {"kind", "表类型", "kind", At<&Project::kind>(), ""},  // not stored yet (store/schema.sql)
  };
  static const std::vector<Declared> indicator = {
      {"level1", "一级指标", "level1", At<&Indicator::level1>(), "level1"},
      {"level2", "二级指标", "level2", At<&Indicator::level2>(), "level2"},
      {"level3", "三级指标", "level3", At<&Indicator::level3>(), "level3"},
      {"description", "绩效指标描述", "description", At<&Indicator::description>(), "description"},
      {"value", "指标值", "value", At<&Indicator::value>(), "value_raw"},
      {"basis", "指标值确定依据", "basis", At<&Indicator::basis>(), "basis"},
      {.path = "value_normalized",
       .zh = "指标值（类型）",
       .en = "value_normalized",
       .access = At<&Indicator::value_normalized>(),
       .column = "",  // stored as its parts: kind, op, number, … (store/writer.cc)
       .typed_from = "value"},
      {.path = "attributes",
       .zh = "其他列",
       .en = "attributes",
       .access = At<&Indicator::attributes>(),
       .column = "",  // store/schema.sql has no column for them
       .omit_empty = true},
  };
  return scope == FieldScope::kProject ? project : indicator;
}

std::vector<FieldSpec> Build(FieldScope scope) {
  std::vector<FieldSpec> fields;
  for (const Declared& d : Declarations(scope)) {
    FieldSpec f{
        .scope = scope,
        .type = std::visit(
            [](const auto& m) { return TypeOf<typename std::decay_t<decltype(m)>::Type>(); },
            d.access),
        .path = d.path,
        .name = d.path,
        .zh = d.zh,
        .en = d.en,
        .item_zh = d.item_zh,
        .item_en = d.item_en,
        .header_zh = d.header_zh ? d.header_zh : d.zh,
        .column = d.column,
        .omit_empty = d.omit_empty,
        .access = d.access};
    std::replace(f.name.begin(), f.name.end(), '.', '_');
    fields.push_back(std::move(f));
  }
  // Pointers into the finished vector, which never changes again.
  for (size_t i = 0; i < fields.size(); ++i)
    if (const char* from = Declarations(scope)[i].typed_from)
      for (const FieldSpec& g : fields)
        if (g.path == from) fields[i].typed_from = &g;
  return fields;
}

bool IsList(FieldType t) {
  return t == FieldType::kTextList || t == FieldType::kIntegerList || t == FieldType::kRows;
}

// ------------------------------------------------------------------ parsing

bool Fail(std::string* why, std::string message) {
  if (why) *why = std::move(message);
  return false;
}

std::optional<FieldPath> Refuse(std::string* why, std::string message) {
  Fail(why, std::move(message));
  return std::nullopt;
}

// "[12]" at the start of `s`: 12, with `s` moved past it. nullopt unless it is a decimal
// number without sign or leading zero, small enough for an int.
std::optional<int> TakeIndex(std::string_view& s) {
  if (s.empty() || s[0] != '[') return std::nullopt;
  const size_t close = s.find(']');
  if (close == std::string_view::npos) return std::nullopt;
  const std::string_view digits = s.substr(1, close - 1);
  constexpr size_t kMaxDigits = 9;  // below INT_MAX
  if (digits.empty() || digits.size() > kMaxDigits || (digits.size() > 1 && digits[0] == '0'))
    return std::nullopt;
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  s.remove_prefix(close + 1);
  return n;
}

// The field of `scope` whose path begins `s` and is followed by the end, '.' or '[' (the
// longest such: "value_normalized" before "value"), with `s` moved past it.
const FieldSpec* TakeField(FieldScope scope, std::string_view& s) {
  const FieldSpec* best = nullptr;
  for (const FieldSpec& f : Fields(scope)) {
    if (!s.starts_with(f.path)) continue;
    const std::string_view rest = s.substr(f.path.size());
    if (!rest.empty() && rest[0] != '.' && rest[0] != '[') continue;
    if (!best || f.path.size() > best->path.size()) best = &f;
  }
  if (best) s.remove_prefix(best->path.size());
  return best;
}

std::string Quoted(std::string_view s) {
  std::string q(1, '"');
  q.append(s);
  q += '"';
  return q;
}

// The part of `s` before its first '.' or '[': the name that was not found.
std::string_view Head(std::string_view s) {
  return s.substr(0, s.find_first_of(".["));
}

bool Parse(std::string_view text, FieldPath* out, std::string* why) {
  std::string_view s = text;
  constexpr std::string_view kProjects = "projects";
  if (s.starts_with(std::string(kProjects) + "[")) {
    s.remove_prefix(kProjects.size());
    const std::optional<int> n = TakeIndex(s);
    if (!n) return Fail(why, "malformed project index in " + Quoted(text));
    if (!s.starts_with('.'))
      return Fail(why, Quoted(text) + " names a project, not one of its fields");
    s.remove_prefix(1);
    out->project = *n;
  }
  const FieldSpec* f = TakeField(FieldScope::kProject, s);
  if (!f) return Fail(why, "no field " + Quoted(Head(s)) + " in a project (" + Quoted(text) + ")");
  out->field = f;
  if (s.starts_with('[')) {
    if (!IsList(f->type))
      return Fail(why, Quoted(f->path) + " is not a list (" + Quoted(text) + ")");
    const std::optional<int> n = TakeIndex(s);
    if (!n) return Fail(why, "malformed index in " + Quoted(text));
    out->index = *n;
    if (s.empty()) return true;
    if (f->type != FieldType::kRows || !s.starts_with('.'))
      return Fail(why, "nothing follows an item of " + Quoted(f->path) + " (" + Quoted(text) + ")");
    s.remove_prefix(1);
    f = TakeField(FieldScope::kIndicator, s);
    if (!f)
      return Fail(why,
                  "no field " + Quoted(Head(s)) + " in an indicator row (" + Quoted(text) + ")");
    out->field = f;
  }
  if (s.empty()) return true;
  if (f->type == FieldType::kLabeled && s.size() > 1 && s[0] == '.') {
    out->key = std::string(s.substr(1));
    return true;
  }
  return Fail(why, "nothing follows " + Quoted(f->path) + " (" + Quoted(text) + ")");
}

// ------------------------------------------------------------------ access

// The record a field of type R is in: the project, or the indicator row of the path; nullptr
// when that row does not exist.
template <typename R, typename P>
auto* RecordOf(P& p, const FieldPath& path) {
  if constexpr (std::is_same_v<R, Project>) {
    return &p;
  } else {
    using Row = std::conditional_t<std::is_const_v<P>, const Indicator, Indicator>;
    Row* row = nullptr;
    if (path.index && *path.index < static_cast<int>(p.indicators.size()))
      row = &p.indicators[*path.index];
    return row;
  }
}

// The item of a list the path names (goals[1]); nullptr when it does not exist.
template <typename V>
auto* ItemOf(V& list, const FieldPath& path) {
  using Item = std::remove_reference_t<decltype(list[0])>;
  Item* item = nullptr;
  if (path.index && *path.index < static_cast<int>(list.size())) item = &list[*path.index];
  return item;
}

// The first pair with the path's label; nullptr when none.
template <typename L>
auto* LabelOf(L& pairs, const FieldPath& path) {
  auto it = std::find_if(pairs.begin(), pairs.end(),
                         [&](const auto& kv) { return kv.first == path.key; });
  return it == pairs.end() ? nullptr : &*it;
}

// An item of a list (not an indicator field, whose index is its row's).
bool IsItem(const FieldPath& path) {
  return path.index && path.field->scope == FieldScope::kProject;
}

Json RowJson(const Indicator& row);

Json ValueJson(int v) {
  return v;
}
Json ValueJson(const std::string& v) {
  return v;
}
Json ValueJson(const std::optional<double>& v) {
  return v ? Json(*v) : Json(nullptr);
}
Json ValueJson(const std::vector<std::string>& v) {
  return v;
}
Json ValueJson(const std::vector<int>& v) {
  return v;
}
Json ValueJson(const std::vector<Indicator>& rows) {
  Json a = Json::array();
  for (const Indicator& i : rows) a.push_back(RowJson(i));
  return a;
}
Json ValueJson(const Labeled& kv) {
  Json o = Json::object();
  for (const auto& [k, v] : kv) o[k] = v;
  return o;
}
Json ValueJson(const TypedValue& v) {
  return Json::parse(ToJson(v).dump());
}

Json RowJson(const Indicator& row) {
  Json j;
  for (const FieldSpec& f : Fields(FieldScope::kIndicator))
    PutJson(j, f,
            std::visit(
                [&]<typename R, typename T>(const FieldMember<R, T>& m) -> Json {
                  if constexpr (std::is_same_v<R, Indicator>) return ValueJson(m.get(row));
                  return nullptr;  // no project field is in this table
                },
                f.access));
  return j;
}

std::optional<Op> OpOf(const std::string& s) {
  static const std::vector<std::pair<std::string, Op>> kOps = {
      {"=", Op::kEq}, {">=", Op::kGe},       {"<=", Op::kLe}, {">", Op::kGt},
      {"<", Op::kLt}, {"range", Op::kRange}, {"≥", Op::kGe},  {"≤", Op::kLe}};
  for (const auto& [name, op] : kOps)
    if (s == name) return op;
  return std::nullopt;
}

// A typed value as ToJson writes it; one it cannot read is normalized from `printed`.
TypedValue TypedValueOf(const Json& o, const std::string& printed) {
  if (!o.is_object() || !o.contains("kind") || !o["kind"].is_string()) return Normalize(printed);
  static const std::vector<std::pair<std::string, ValueKind>> kKinds = {
      {"numeric", ValueKind::kNumeric},
      {"reference", ValueKind::kReference},
      {"date", ValueKind::kDate},
      {"text", ValueKind::kText},
      {"empty", ValueKind::kEmpty}};
  TypedValue v;
  bool known = false;
  for (const auto& [name, kind] : kKinds)
    if (o["kind"] == name) v.kind = kind, known = true;
  if (!known) return Normalize(printed);
  v.raw = o.contains("raw") && o["raw"].is_string() ? o["raw"].get<std::string>() : printed;
  if (o.contains("op") && o["op"].is_string()) v.op = OpOf(o["op"].get<std::string>());
  auto number = [&](const char* key) {
    return o.contains(key) ? JsonToNumber(o[key]) : std::nullopt;
  };
  v.number = number("number");
  v.upper = number("upper");
  auto text = [&](const char* key) -> std::optional<std::string> {
    if (o.contains(key) && o[key].is_string()) return o[key].get<std::string>();
    return std::nullopt;
  };
  v.unit = text("unit");
  v.qualifier = text("qualifier");
  v.reference = text("reference");
  v.date = text("date");
  return v;
}

Indicator RowOf(const Json& j);

// `v` set from JSON as SetFieldJson describes; `record` is the record `v` is in (for a typed
// value's printed text).
template <typename R>
void SetValue(const R&, const FieldSpec&, int& v, const Json& j) {
  v = j.is_number_integer() ? j.get<int>() : 0;
}
template <typename R>
void SetValue(const R&, const FieldSpec&, std::string& v, const Json& j) {
  v = JsonToText(j);
}
template <typename R>
void SetValue(const R&, const FieldSpec&, std::optional<double>& v, const Json& j) {
  v = JsonToNumber(j);
}
template <typename R>
void SetValue(const R&, const FieldSpec&, std::vector<std::string>& v, const Json& j) {
  v.clear();
  if (j.is_array())
    for (const Json& item : j)
      if (item.is_string()) v.push_back(item.get<std::string>());
}
template <typename R>
void SetValue(const R&, const FieldSpec&, std::vector<int>& v, const Json& j) {
  v.clear();
  if (j.is_array())
    for (const Json& item : j)
      if (item.is_number_integer()) v.push_back(item.get<int>());
}
template <typename R>
void SetValue(const R&, const FieldSpec&, std::vector<Indicator>& v, const Json& j) {
  v.clear();
  if (j.is_array())
    for (const Json& item : j) v.push_back(RowOf(item));
}
template <typename R>
void SetValue(const R&, const FieldSpec&, Labeled& v, const Json& j) {
  v.clear();
  if (j.is_object())
    for (auto it = j.begin(); it != j.end(); ++it)
      v.emplace_back(it.key(),
                     it.value().is_string() ? it.value().get<std::string>() : it.value().dump());
}
template <typename R>
void SetValue(const R& record, const FieldSpec& f, TypedValue& v, const Json& j) {
  const std::string* printed = nullptr;
  if (f.typed_from)
    std::visit(
        [&]<typename S, typename T>(const FieldMember<S, T>& m) {
          if constexpr (std::is_same_v<S, R> && std::is_same_v<T, std::string>)
            printed = &m.get(record);
        },
        f.typed_from->access);
  v = TypedValueOf(j, printed ? *printed : std::string());
}

Indicator RowOf(const Json& j) {
  static const Json kNull;
  Indicator row;
  for (const FieldSpec& f : Fields(FieldScope::kIndicator)) {
    const Json* v = FindJson(j, f);
    std::visit(
        [&]<typename R, typename T>(const FieldMember<R, T>& m) {
          if constexpr (std::is_same_v<R, Indicator>) SetValue(row, f, m.ref(row), v ? *v : kNull);
        },
        f.access);
  }
  return row;
}

[[noreturn]] void NoSuchItem(const FieldPath& path) {
  throw Error(ErrorCode::kBadInput, ToString(path), "no such item in the project");
}

}  // namespace

const std::vector<FieldSpec>& Fields(FieldScope scope) {
  static const std::vector<FieldSpec> project = Build(FieldScope::kProject);
  static const std::vector<FieldSpec> indicator = Build(FieldScope::kIndicator);
  return scope == FieldScope::kProject ? project : indicator;
}

const FieldSpec* FindField(FieldScope scope, std::string_view path) {
  for (const FieldSpec& f : Fields(scope))
    if (f.path == path) return &f;
  return nullptr;
}

std::string ToString(const FieldPath& path) {
  std::string s;
  auto index = [&](int n) {
    s += '[';
    s += std::to_string(n);
    s += ']';
  };
  if (path.project) {
    s += "projects";
    index(*path.project);
    s += '.';
  }
  if (!path.field) return s;
  if (path.field->scope == FieldScope::kIndicator) {
    s += "indicators";
    if (path.index) index(*path.index);
    s += '.';
    s += path.field->path;
  } else {
    s += path.field->path;
    if (path.index) index(*path.index);
  }
  if (!path.key.empty()) {
    s += '.';
    s += path.key;
  }
  return s;
}

std::optional<FieldPath> ParseFieldPath(std::string_view text, std::string* why) {
  FieldPath path;
  if (!Parse(text, &path, why)) return std::nullopt;
  return path;
}

namespace {

// "" when each index of `path` (but its project's) names an item of `p`, else what is missing.
std::string Missing(const FieldPath& path, const Project& p) {
  if (!path.index) return "";
  size_t size = p.indicators.size();
  if (path.field->scope == FieldScope::kProject)
    std::visit(
        [&]<typename R, typename T>(const FieldMember<R, T>& m) {
          if constexpr (std::is_same_v<R, Project> &&
                        (std::is_same_v<T, std::vector<std::string>> ||
                         std::is_same_v<T, std::vector<int>> ||
                         std::is_same_v<T, std::vector<Indicator>>))
            size = m.get(p).size();
        },
        path.field->access);
  if (*path.index < static_cast<int>(size)) return "";
  const std::string list =
      path.field->scope == FieldScope::kIndicator ? "indicators" : path.field->path;
  return Quoted(ToString(path)) + ": the project has " + std::to_string(size) + " items in " +
         Quoted(list);
}

}  // namespace

std::optional<FieldPath> ParseFieldPath(std::string_view text, const std::vector<Project>& projects,
                                        std::string* why) {
  std::optional<FieldPath> path = ParseFieldPath(text, why);
  if (!path) return std::nullopt;
  if (!path->project)
    return Refuse(why, Quoted(text) + " does not say which project (projects[N].)");
  if (*path->project >= static_cast<int>(projects.size()))
    return Refuse(why,
                  Quoted(text) + ": there are " + std::to_string(projects.size()) + " projects");
  const std::string missing = Missing(*path, projects[*path->project]);
  if (!missing.empty()) return Refuse(why, missing);
  return path;
}

std::optional<FieldPath> ParseFieldPath(std::string_view text, const Project& project,
                                        std::string* why) {
  std::optional<FieldPath> path = ParseFieldPath(text, why);
  if (!path) return std::nullopt;
  if (path->project)
    return Refuse(why, Quoted(text) + " names a field of a document, not of one project");
  const std::string missing = Missing(*path, project);
  if (!missing.empty()) return Refuse(why, missing);
  return path;
}

std::optional<std::string> FieldString(const Project& p, const FieldPath& path) {
  return std::visit(
      [&]<typename R, typename T>(const FieldMember<R, T>& m) -> std::optional<std::string> {
        const R* record = RecordOf<R>(p, path);
        if (!record) return std::nullopt;
        const T& v = m.get(*record);
        if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          if (IsItem(path)) {
            const std::string* item = ItemOf(v, path);
            return item ? std::optional<std::string>(*item) : std::nullopt;
          }
          std::string all;
          for (const std::string& s : v) all += (all.empty() ? "" : "；") + s;
          return all;
        } else if constexpr (std::is_same_v<T, Labeled>) {
          if (path.key.empty()) return std::nullopt;
          const auto* kv = LabelOf(v, path);
          return kv ? std::optional<std::string>(kv->second) : std::nullopt;
        } else {
          return std::nullopt;
        }
      },
      path.field->access);
}

std::optional<double> FieldNumber(const Project& p, const FieldPath& path) {
  return std::visit(
      [&]<typename R, typename T>(const FieldMember<R, T>& m) -> std::optional<double> {
        const R* record = RecordOf<R>(p, path);
        if (!record) return std::nullopt;
        const T& v = m.get(*record);
        if constexpr (std::is_same_v<T, std::optional<double>>) {
          return v;
        } else if constexpr (std::is_same_v<T, int>) {
          return v;
        } else if constexpr (std::is_same_v<T, std::vector<int>>) {
          const int* item = ItemOf(v, path);
          return item ? std::optional<double>(*item) : std::nullopt;
        } else {
          return std::nullopt;
        }
      },
      path.field->access);
}

Json FieldJson(const Project& p, const FieldPath& path) {
  return std::visit(
      [&]<typename R, typename T>(const FieldMember<R, T>& m) -> Json {
        const R* record = RecordOf<R>(p, path);
        if (!record) return nullptr;
        const T& v = m.get(*record);
        if constexpr (std::is_same_v<T, std::vector<std::string>> ||
                      std::is_same_v<T, std::vector<int>>) {
          if (IsItem(path)) {
            const auto* item = ItemOf(v, path);
            return item ? Json(*item) : Json(nullptr);
          }
        } else if constexpr (std::is_same_v<T, std::vector<Indicator>>) {
          if (IsItem(path)) {
            const Indicator* row = ItemOf(v, path);
            return row ? RowJson(*row) : Json(nullptr);
          }
        } else if constexpr (std::is_same_v<T, Labeled>) {
          if (!path.key.empty()) {
            const auto* kv = LabelOf(v, path);
            return kv ? Json(kv->second) : Json(nullptr);
          }
        }
        return ValueJson(v);
      },
      path.field->access);
}

void SetFieldJson(Project& p, const FieldPath& path, const Json& value) {
  std::visit(
      [&]<typename R, typename T>(const FieldMember<R, T>& m) {
        R* record = RecordOf<R>(p, path);
        if (!record) NoSuchItem(path);
        T& v = m.ref(*record);
        if constexpr (std::is_same_v<T, std::vector<std::string>> ||
                      std::is_same_v<T, std::vector<int>>) {
          if (IsItem(path)) {
            auto* item = ItemOf(v, path);
            if (!item) NoSuchItem(path);
            if constexpr (std::is_same_v<T, std::vector<int>>)
              *item = value.is_number_integer() ? value.get<int>() : 0;
            else
              *item = JsonToText(value);
            return;
          }
        } else if constexpr (std::is_same_v<T, std::vector<Indicator>>) {
          if (IsItem(path)) {
            Indicator* row = ItemOf(v, path);
            if (!row) NoSuchItem(path);
            *row = RowOf(value);
            return;
          }
        } else if constexpr (std::is_same_v<T, Labeled>) {
          if (!path.key.empty()) {
            auto* kv = LabelOf(v, path);
            if (kv)
              kv->second = JsonToText(value);
            else
              v.emplace_back(path.key, JsonToText(value));
            return;
          }
        }
        SetValue(*record, *path.field, v, value);
      },
      path.field->access);
}

const Json* FindJson(const Json& record, const FieldSpec& field) {
  const Json* at = &record;
  std::string_view path = field.path;
  while (true) {
    const size_t dot = path.find('.');
    if (!at->is_object()) return nullptr;
    const auto it = at->find(std::string(path.substr(0, dot)));
    if (it == at->end()) return nullptr;
    at = &*it;
    if (dot == std::string_view::npos) return at;
    path.remove_prefix(dot + 1);
  }
}

void PutJson(Json& record, const FieldSpec& field, Json value) {
  if (field.omit_empty && (value.is_null() || (value.is_structured() && value.empty()))) return;
  Json* at = &record;
  std::string_view path = field.path;
  for (size_t dot = path.find('.'); dot != std::string_view::npos; dot = path.find('.')) {
    at = &(*at)[std::string(path.substr(0, dot))];
    path.remove_prefix(dot + 1);
  }
  (*at)[std::string(path)] = std::move(value);
}

std::string JsonToText(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  return "";
}

std::optional<double> JsonToNumber(const Json& v) {
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) return ParseMoney(v.get<std::string>(), "");
  return std::nullopt;
}

}  // namespace jixiao
