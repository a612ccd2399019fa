#include "normalize/lexicon.h"

#include <array>
#include <unordered_map>
#include <vector>

#include "vocabulary/vocabulary.h"

namespace jixiao::norm {
namespace {

struct OpWord {
  Str word;
  Op op;
  bool weak;
};

template <typename Table, typename Get>
size_t Longest(const Table& table, Str s, size_t pos, Get get, size_t* index) {
  size_t best = 0;
  for (size_t i = 0; i < table.size(); ++i) {
    Str w = get(table[i]);
    if (w.size() > best && StartsAt(s, pos, w)) {
      best = w.size();
      *index = i;
    }
  }
  return best;
}

size_t LongestWord(std::initializer_list<Str> words, Str s, size_t pos) {
  size_t best = 0;
  for (Str w : words)
    if (w.size() > best && StartsAt(s, pos, w)) best = w.size();
  return best;
}

constexpr Op kEq = Op::kEq, kGe = Op::kGe, kLe = Op::kLe, kGt = Op::kGt, kLt = Op::kLt;

constexpr std::array kPrefixOps = {
    OpWord{U"大于或等于", kGe, false}, OpWord{U"大于等于", kGe, false},
    OpWord{U"高于或等于", kGe, false}, OpWord{U"高于等于", kGe, false},
    OpWord{U"多于或等于", kGe, false}, OpWord{U"不低于", kGe, false},
    OpWord{U"不少于", kGe, false},     OpWord{U"不小于", kGe, false},
    OpWord{U"不得低于", kGe, false},   OpWord{U"不得少于", kGe, false},
    OpWord{U"不得小于", kGe, false},   OpWord{U"不应低于", kGe, false},
    OpWord{U"不应少于", kGe, false},   OpWord{U"不能低于", kGe, false},
    OpWord{U"不能少于", kGe, false},   OpWord{U"不宜低于", kGe, false},
    OpWord{U"至少", kGe, false},       OpWord{U"最少", kGe, false},
    OpWord{U"最低", kGe, false},       OpWord{U"起码", kGe, false},
    OpWord{U"达到", kGe, true},        OpWord{U"达", kGe, true},
    OpWord{U"小于或等于", kLe, false}, OpWord{U"小于等于", kLe, false},
    OpWord{U"低于或等于", kLe, false}, OpWord{U"低于等于", kLe, false},
    OpWord{U"少于或等于", kLe, false}, OpWord{U"不超过", kLe, false},
    OpWord{U"不超出", kLe, false},     OpWord{U"不高于", kLe, false},
    OpWord{U"不大于", kLe, false},     OpWord{U"不多于", kLe, false},
    OpWord{U"不得超过", kLe, false},   OpWord{U"不得超出", kLe, false},
    OpWord{U"不得高于", kLe, false},   OpWord{U"不得大于", kLe, false},
    OpWord{U"不得多于", kLe, false},   OpWord{U"不应超过", kLe, false},
    OpWord{U"不应高于", kLe, false},   OpWord{U"不能超过", kLe, false},
    OpWord{U"不能高于", kLe, false},   OpWord{U"不宜超过", kLe, false},
    OpWord{U"未超过", kLe, false},     OpWord{U"未超出", kLe, false},
    OpWord{U"至多", kLe, false},       OpWord{U"最多", kLe, false},
    OpWord{U"最高", kLe, false},       OpWord{U"控制在", kLe, true},
    OpWord{U"控制于", kLe, true},      OpWord{U"超过", kGt, false},
    OpWord{U"超出", kGt, false},       OpWord{U"高于", kGt, false},
    OpWord{U"大于", kGt, false},       OpWord{U"多于", kGt, false},
    OpWord{U"低于", kLt, false},       OpWord{U"小于", kLt, false},
    OpWord{U"少于", kLt, false},       OpWord{U"不足", kLt, false},
    OpWord{U"不到", kLt, false},       OpWord{U"等于", kEq, true},
    OpWord{U"为", kEq, true},          OpWord{U"是", kEq, true},
    OpWord{U"保持在", kEq, true},      OpWord{U"维持在", kEq, true},
    OpWord{U"稳定在", kEq, true},
};

constexpr std::array kSuffixOps = {
    OpWord{U"及以上", kGe, false}, OpWord{U"或以上", kGe, false},   OpWord{U"以上", kGe, false},
    OpWord{U"之上", kGe, false},   OpWord{U"及以下", kLe, false},   OpWord{U"或以下", kLe, false},
    OpWord{U"以下", kLe, false},   OpWord{U"之下", kLe, false},     OpWord{U"以内", kLe, false},
    OpWord{U"之内", kLe, false},   OpWord{U"范围以内", kLe, false}, OpWord{U"范围之内", kLe, false},
    OpWord{U"范围内", kLe, false}, OpWord{U"内", kLe, false},       OpWord{U"为限", kLe, false},
    OpWord{U"封顶", kLe, false},   OpWord{U"及以内", kLe, false},
};

constexpr std::array kDatePrefixes = {
    OpWord{U"截至", kLe, false},   OpWord{U"截止", kLe, false},   OpWord{U"截止到", kLe, false},
    OpWord{U"截止至", kLe, false}, OpWord{U"截止于", kLe, false}, OpWord{U"至", kLe, false},
    OpWord{U"到", kLe, false},     OpWord{U"不晚于", kLe, false}, OpWord{U"不迟于", kLe, false},
    OpWord{U"最迟", kLe, false},   OpWord{U"最晚", kLe, false},   OpWord{U"最迟于", kLe, false},
    OpWord{U"最晚于", kLe, false}, OpWord{U"不早于", kGe, false}, OpWord{U"最早", kGe, false},
    OpWord{U"从", kGe, false},     OpWord{U"自", kGe, false},     OpWord{U"于", kEq, true},
    OpWord{U"在", kEq, true},
};

constexpr std::array kDateSuffixes = {
    OpWord{U"前", kLe, false},   OpWord{U"以前", kLe, false}, OpWord{U"之前", kLe, false},
    OpWord{U"内", kLe, false},   OpWord{U"以内", kLe, false}, OpWord{U"之内", kLe, false},
    OpWord{U"止", kLe, false},   OpWord{U"为止", kLe, false}, OpWord{U"后", kGe, false},
    OpWord{U"以后", kGe, false}, OpWord{U"之后", kGe, false}, OpWord{U"起", kGe, false},
    OpWord{U"开始", kGe, false}, OpWord{U"以来", kGe, false},
};

template <typename Table>
size_t MatchOpWord(const Table& table, Str s, size_t pos, OpMark* mark) {
  size_t i = 0;
  size_t n = Longest(
      table, s, pos, [](const OpWord& w) { return w.word; }, &i);
  if (n) *mark = {table[i].op, table[i].weak};
  return n;
}

struct Unit {
  Str printed;
  Str canonical;
};

char32_t Lower(char32_t c) {
  return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

}  // namespace

bool AllIdeographs(Str s) {
  for (char32_t c : s)
    if (!IsIdeograph(c)) return false;
  return true;
}

int CnDigit(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
    case U'壹':
    case U'幺':
      return 1;
    case U'二':
    case U'贰':
    case U'两':
    case U'貳':
      return 2;
    case U'三':
    case U'叁':
    case U'參':
      return 3;
    case U'四':
    case U'肆':
      return 4;
    case U'五':
    case U'伍':
      return 5;
    case U'六':
    case U'陆':
    case U'陸':
      return 6;
    case U'七':
    case U'柒':
      return 7;
    case U'八':
    case U'捌':
      return 8;
    case U'九':
    case U'玖':
      return 9;
    default:
      return -1;
  }
}

double CnMultiplier(char32_t c) {
  switch (c) {
    case U'十':
    case U'拾':
      return 10;
    case U'百':
    case U'佰':
      return 100;
    case U'千':
    case U'仟':
      return 1000;
    case U'万':
      return 1e4;
    case U'亿':
      return 1e8;
    default:
      return 0;
  }
}

size_t MatchSymbolOp(Str s, size_t pos, OpMark* mark) {
  size_t end = pos;
  bool ge = false, le = false, gt = false, lt = false, eq = false;
  while (end < s.size() && end - pos < 3) {
    char32_t c = s[end];
    if (c == U'≥')
      ge = true;
    else if (c == U'≤')
      le = true;
    else if (c == '>')
      gt = true;
    else if (c == '<')
      lt = true;
    else if (c == '=')
      eq = true;
    else
      break;
    ++end;
  }
  if (end == pos) return 0;
  bool up = ge || gt, down = le || lt;
  if (up && down) return 0;  // `<>`, `≥≤`: not an operator
  if (ge || (gt && eq))
    *mark = {Op::kGe, false};
  else if (le || (lt && eq))
    *mark = {Op::kLe, false};
  else if (gt)
    *mark = {Op::kGt, false};
  else if (lt)
    *mark = {Op::kLt, false};
  else
    *mark = {Op::kEq, true};
  return end - pos;
}

size_t MatchPrefixOpWord(Str s, size_t pos, OpMark* mark) {
  return MatchOpWord(kPrefixOps, s, pos, mark);
}

size_t MatchSuffixOpWord(Str s, size_t pos, OpMark* mark) {
  return MatchOpWord(kSuffixOps, s, pos, mark);
}

size_t MatchDatePrefixWord(Str s, size_t pos, OpMark* mark) {
  return MatchOpWord(kDatePrefixes, s, pos, mark);
}

size_t MatchDateSuffixWord(Str s, size_t pos, OpMark* mark) {
  return MatchOpWord(kDateSuffixes, s, pos, mark);
}

size_t MatchFiller(Str s, size_t pos) {
  return LongestWord(
      {U"在", U"于", U"从", U"自", U"介于", U"处于", U"均", U"都", U"均在", U"需", U"须", U"应"}, s,
      pos);
}

size_t MatchApproxBefore(Str s, size_t pos) {
  return LongestWord({U"约", U"大约", U"大概", U"≈", U"接近"}, s, pos);
}

size_t MatchApproxAfter(Str s, size_t pos) {
  return LongestWord({U"左右", U"上下", U"前后"}, s, pos);
}

size_t MatchRangeEnd(Str s, size_t pos) {
  return LongestWord({U"之间", U"不等", U"区间", U"范围"}, s, pos);
}

size_t MatchInclusiveMark(Str s, size_t pos) {
  // (含), (含本数), (包含), (含95%): anything in brackets that begins with 含 or 包.
  if (pos + 2 >= s.size() || s[pos] != '(') return 0;
  if (s[pos + 1] != U'含' && !StartsAt(s, pos + 1, U"包含") && !StartsAt(s, pos + 1, U"包括"))
    return 0;
  size_t close = s.find(')', pos);
  if (close == Str::npos || close - pos > 12) return 0;
  return close + 1 - pos;
}

namespace {

// Units and aliases by their first character, for a lookup without a scan of the tables.
const std::unordered_map<char32_t, std::vector<Unit>>& UnitsByFirst() {
  static const auto* const index = [] {
    auto* m = new std::unordered_map<char32_t, std::vector<Unit>>();
    // The units of values, with their other spellings (vocabulary/).
    for (const UnitSpec& u : Units())
      if (!u.value.empty()) (*m)[u.printed.front()].push_back(Unit{u.printed, u.value});
    return m;
  }();
  return *index;
}

}  // namespace

size_t MatchKnownUnit(Str s, size_t pos, std::u32string* unit) {
  if (pos >= s.size()) return 0;
  const auto& index = UnitsByFirst();
  if (auto it = index.find(s[pos]); it != index.end()) {
    const Unit* best = nullptr;
    for (const Unit& u : it->second)
      if ((!best || u.printed.size() > best->printed.size()) && StartsAt(s, pos, u.printed))
        best = &u;
    if (best) {
      unit->assign(best->canonical);
      return best->printed.size();
    }
  }
  // A Latin unit: letters, then a 2 or 3 for square or cubic metres.
  size_t end = pos;
  while (end < s.size() && IsLatin(s[end]) && end - pos < 8) ++end;
  if (end == pos || (end < s.size() && IsLatin(s[end]))) return 0;
  if (end < s.size() && (s[end] == '2' || s[end] == '3') && s[end - 1] == 'm' &&
      (end + 1 >= s.size() || !IsAsciiDigit(s[end + 1])))
    ++end;
  std::u32string lower;
  for (size_t k = pos; k < end; ++k) lower.push_back(Lower(s[k]));
  for (const LatinUnit& alias : LatinUnits()) {
    if (lower == alias.printed) {
      unit->assign(alias.canonical);
      return end - pos;
    }
  }
  if (end < s.size() && IsAsciiDigit(s[end])) return 0;  // letters run into a number: not a unit
  unit->assign(s.substr(pos, end - pos));
  return end - pos;
}

std::optional<double> MoneyFactor(Str unit) { return ::jixiao::MoneyFactor(unit); }

bool IsQualifierWord(Str s) {
  static constexpr std::array<Str, 44> kWords = {
      U"完成", U"达标", U"合格", U"覆盖", U"到位", U"落实", U"满意", U"及时", U"兑现",
      U"发放", U"支付", U"完好", U"正常", U"通过", U"实现", U"办结", U"验收", U"可用",
      U"运行", U"按时", U"全部", U"全面", U"准确", U"完整", U"有效", U"提高", U"提升",
      U"增长", U"下降", U"降低", U"减少", U"增加", U"保障", U"执行", U"使用", U"到账",
      U"拨付", U"解决", U"处理", U"回复", U"响应", U"结算", U"整改", U"完工"};
  for (Str w : kWords)
    if (s.substr(0, w.size()) == w) return true;
  return false;
}

bool QualifierOk(Str q) {
  if (q.empty() || q.size() > 8 || !AllIdeographs(q)) return false;
  static constexpr Str kBadFirst = U"前后以之的内或且并和与及等至到";
  if (kBadFirst.find(q.front()) != Str::npos) return false;
  for (char32_t c : q)
    if (IsCnNumeral(c)) return false;
  return true;
}

bool ZeroNounOk(Str noun) {
  if (noun.empty() || noun.size() > 8 || !AllIdeographs(noun)) return false;
  static constexpr Str kBadFirst = U"星售部件散碎钱食花头用存下配担距和基时";
  return kBadFirst.find(noun.front()) == Str::npos;
}

bool IsZeroVerb(Str s) {
  return s == U"发生" || s == U"出现" || s == U"增长" || s == U"突破" || s == U"记录";
}

bool LooksLikeQuantity(Str s) {
  if (s.empty() || s.size() > 16 || !AllIdeographs(s)) return false;
  static constexpr std::array<Str, 31> kEnds = {
      U"数",   U"额",   U"值",   U"预算", U"标准",   U"水平",   U"限额", U"定额",
      U"上限", U"下限", U"指标", U"计划", U"上年",   U"去年",   U"往年", U"同期",
      U"平均", U"均值", U"成本", U"费用", U"资金",   U"金额",   U"价",   U"价格",
      U"造价", U"规模", U"基数", U"年度", U"上一年", U"控制线", U"定价"};
  for (Str e : kEnds)
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  return false;
}

bool LooksLikeBareReference(Str s) {
  if (s.size() > 6 || !AllIdeographs(s)) return false;
  static constexpr Str kVerbFirst = U"按依根参执严符遵控在于以经不未无已确保提降加减节合完";
  if (s.empty() || kVerbFirst.find(s.front()) != Str::npos) return false;
  static constexpr std::array<Str, 7> kEnds = {U"控制数", U"预算数", U"计划数", U"批复数",
                                               U"限额",   U"定额",   U"预算"};
  for (Str e : kEnds)
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  return false;
}

}  // namespace jixiao::norm
