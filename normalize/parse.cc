#include "normalize/parse.h"

#include <cstdio>
#include <string>
#include <utility>

#include "normalize/amount.h"
#include "normalize/fold.h"

namespace jixiao::norm {
namespace {

constexpr size_t kMaxValueLength = 64;  // longer cells are sentences: text
constexpr size_t kMaxLabel = 8;         // 满意度, 完成率, 较上年增长 … before a number
constexpr size_t kMaxTailWords = 6;     // 完成, 按时足额发放 … after it

int Direction(Op op) {
  if (op == Op::kGe || op == Op::kGt) return 1;
  if (op == Op::kLe || op == Op::kLt) return -1;
  return 0;
}

// The operator written before a value combined with one written after it.
std::optional<OpMark> Combine(std::optional<OpMark> before, std::optional<OpMark> after) {
  if (!after) return before;
  if (!before || before->weak) return after;
  int dir = Direction(before->op);
  if (dir != 0 && dir == Direction(after->op)) {
    // 大于…以上: the strict one.
    if (after->op == Op::kGt || after->op == Op::kLt) return after;
  }
  return before;
}

// Whether `x` is a whole number in [lo, hi].
bool WholeIn(double x, int lo, int hi) {
  return x >= lo && x <= hi && x == static_cast<int>(x);
}

bool PlausibleYear(int y) {
  return y >= 1900 && y <= 2100;
}

// ---------------------------------------------------------------- numbers

struct Numeric {
  Op op = Op::kEq;
  double number = 0;
  std::optional<double> upper;
  std::optional<std::u32string> unit;
  std::u32string qualifier;
  bool bare_chinese = false;  // Chinese numerals with no unit: no label may come before
  bool tail_words = false;    // words after the value (完成), not counting notes in brackets
  bool label_used = false;    // the label became the unit (安全事故零发生)
};

// A range separator after the first number at `pos`: its length, 0 if none.
size_t RangeSeparator(Str s, size_t pos, const Amount& first) {
  const size_t n = s.size();
  if (pos >= n) return 0;
  char32_t c = s[pos];
  if (c == '-') {
    size_t e = pos;
    while (e < n && s[e] == '-' && e - pos < 3) ++e;
    return e - pos;
  }
  if (c == '~' || c == U'至' || c == U'到') return 1;
  if (c == U'一' && !first.chinese && pos + 1 < n && IsAsciiDigit(s[pos + 1])) return 1;
  if ((c == U'与' || c == U'和') && s.find(U"之间", pos) != Str::npos) return 1;
  return 0;
}

// Units of a range's two ends made one: `1万-2万元` is 1 to 2 万元.
bool ReconcileUnits(Amount& a, std::optional<std::u32string>& ua, Amount& b,
                    std::optional<std::u32string>& ub) {
  if (ua && ub) return *ua == *ub;
  if (!ua && ub) {
    if (a.multiplier_char && ub->front() == a.multiplier_char) a.value /= a.multiplier;
    ua = ub;
    return true;
  }
  if (ua && !ub && b.multiplier_char && ua->front() == b.multiplier_char) b.value /= b.multiplier;
  return true;
}

// A note in brackets after a value (（抽查）, （百分制）): ideographs, numerals allowed.
bool NoteOk(Str note) {
  return !note.empty() && note.size() <= 10 && AllIdeographs(note);
}

// Words after the value: operators, 左右, 之间, (含), a qualifier. False if something else.
bool ParseTail(Str s, size_t pos, bool range, bool qualifier_allowed, std::optional<OpMark>* after,
               std::u32string* qualifier, bool* tail_words = nullptr) {
  const size_t n = s.size();
  while (pos < n) {
    size_t k;
    OpMark mark;
    if ((k = MatchInclusiveMark(s, pos))) {
      pos += k;
      continue;
    }
    if (!*after && (k = MatchSuffixOpWord(s, pos, &mark))) {
      *after = mark;
      pos += k;
      continue;
    }
    if ((k = MatchApproxAfter(s, pos))) {
      qualifier->append(s.substr(pos, k));
      pos += k;
      continue;
    }
    if (range && (k = MatchRangeEnd(s, pos))) {
      pos += k;
      continue;
    }
    if (!qualifier_allowed) return false;
    if (s[pos] == '(') {
      size_t close = s.find(')', pos);
      if (close == Str::npos) return false;
      Str inner = s.substr(pos + 1, close - pos - 1);
      if (!NoteOk(inner)) return false;
      qualifier->append(inner);
      pos = close + 1;
      continue;
    }
    size_t e = pos;
    while (e < n && IsIdeograph(s[e])) ++e;
    Str run = s.substr(pos, e - pos);
    if (run.size() > kMaxTailWords || !QualifierOk(run)) return false;
    qualifier->append(run);
    if (tail_words) *tail_words = true;
    pos = e;
  }
  return true;
}

std::optional<Numeric> ParseNumericAt(Str s, size_t pos, Str label) {
  std::optional<OpMark> before;
  std::u32string approx;
  for (;;) {
    OpMark mark;
    size_t k;
    if (!before && (k = MatchSymbolOp(s, pos, &mark))) {
      before = mark;
    } else if ((k = MatchApproxBefore(s, pos))) {
      approx = U"约";
    } else if (!before && (k = MatchPrefixOpWord(s, pos, &mark))) {
      before = mark;
    } else if ((k = MatchFiller(s, pos))) {
    } else {
      break;
    }
    pos += k;
  }
  std::optional<Amount> a = ScanAmount(s, pos);
  if (!a) return std::nullopt;
  pos = a->end;
  Numeric out;
  out.qualifier = approx;

  if (a->zero_noun) {
    // 零事故: the noun is the unit. 安全事故零发生: the thing named before 零 is.
    Str rest = s.substr(pos);
    if (!rest.empty()) {
      if (IsZeroVerb(rest)) {
        if (!label.empty() && AllIdeographs(label)) {
          out.unit = std::u32string(label);
          out.label_used = true;
        }
        out.qualifier.append(rest);
      } else if (ZeroNounOk(rest)) {
        out.unit = std::u32string(rest);
      } else {
        return std::nullopt;
      }
    }
    out.op = before ? before->op : Op::kEq;
    return out;
  }

  std::optional<std::u32string> unit = a->unit;
  if (!unit) {
    std::u32string u;
    if (size_t k = ScanUnit(s, pos, !a->chinese, &u)) {
      unit = std::move(u);
      pos += k;
    }
  }

  bool range = false;
  if (size_t sep = RangeSeparator(s, pos, *a)) {
    std::optional<Amount> b = ScanAmount(s, pos + sep);
    if (b && !b->zero_noun) {
      size_t bpos = b->end;
      std::optional<std::u32string> bunit = b->unit;
      if (!bunit) {
        std::u32string u;
        if (size_t k = ScanUnit(s, bpos, !b->chinese, &u)) {
          bunit = std::move(u);
          bpos += k;
        }
      }
      if (!ReconcileUnits(*a, unit, *b, bunit)) return std::nullopt;
      range = true;
      out.number = std::min(a->value, b->value);
      out.upper = std::max(a->value, b->value);
      pos = bpos;
    }
  }
  if (!range) out.number = a->value;
  // 2020年 is a year, not a duration of two thousand years: the date reader's (text) case.
  // Likewise 3月 is March (a date), where 3个月 is a duration.
  if (!range && ((unit == U"年" && WholeIn(out.number, 1900, 2100)) ||
                 (unit == U"月" && WholeIn(out.number, 1, 12))))
    return std::nullopt;
  out.unit = unit;

  const bool qualifier_allowed = !a->chinese;
  std::optional<OpMark> after;
  if (!ParseTail(s, pos, range, qualifier_allowed, &after, &out.qualifier, &out.tail_words))
    return std::nullopt;
  if (range) {
    out.op = Op::kRange;
  } else {
    if (!after && a->more) after = OpMark{Op::kGt, false};
    std::optional<OpMark> mark = Combine(before, after);
    out.op = mark ? mark->op : Op::kEq;
  }
  out.bare_chinese = a->chinese && !unit;
  return out;
}

// A label before a number (满意度, 完成率): short, ideographs only, no numerals.
bool LabelOk(Str label) {
  if (!label.empty() && label.back() == ':') label.remove_suffix(1);
  if (label.empty() || label.size() > kMaxLabel || !AllIdeographs(label)) return false;
  for (char32_t c : label)
    if (IsCnNumeral(c)) return false;
  return true;
}

// 每年, 每人每年 before a number: the denominators of its unit (次/年, 元/人/年).
bool PerUnits(Str label, std::u32string* suffix) {
  std::u32string out;
  size_t i = 0;
  while (i < label.size()) {
    if (label[i] != U'每' || i + 1 >= label.size()) return false;
    std::u32string unit;
    size_t k = MatchKnownUnit(label, i + 1, &unit);
    if (k == 0) {
      k = 1;
      unit.assign(label.substr(i + 1, 1));
    }
    out.push_back('/');
    out.append(unit);
    i += 1 + k;
  }
  *suffix = std::move(out);
  return !suffix->empty();
}

std::optional<Numeric> ParseNumeric(Str s) {
  const size_t last = std::min(s.size(), kMaxLabel + 2);
  for (size_t p = 0; p < last; ++p) {
    Str label = s.substr(0, p);
    if (p > 0 && !LabelOk(label)) continue;
    // 几十人, 数十个: an uncounted number.
    if (p > 0 && (label.back() == U'几' || label.back() == U'数') && IsCnNumeral(s[p])) continue;
    std::optional<Numeric> r = ParseNumericAt(s, p, label);
    if (!r) continue;
    if (p == 0 || r->label_used) return r;
    if (r->bare_chinese) continue;  // 唯一, 统一: a numeral inside a word
    if (label.back() == ':') label.remove_suffix(1);
    std::u32string per;
    if (r->unit && PerUnits(label, &per)) {
      r->unit->append(per);
      return r;
    }
    // Words both before and after the number (保障74人正常办公): a sentence, not a value.
    if (r->tail_words) return std::nullopt;
    r->qualifier.insert(0, label);
    return r;
  }
  return std::nullopt;
}

// Two bounds of opposite directions as one range, if they make one.
std::optional<Numeric> JoinBounds(std::optional<Numeric> lo, std::optional<Numeric> hi) {
  if (!lo || !hi) return std::nullopt;
  if (Direction(lo->op) < 0) std::swap(lo, hi);
  if (Direction(lo->op) <= 0 || Direction(hi->op) >= 0) return std::nullopt;
  if (lo->unit && hi->unit && *lo->unit != *hi->unit) return std::nullopt;
  if (hi->number < lo->number) return std::nullopt;
  Numeric out = *lo;
  out.op = Op::kRange;
  out.upper = hi->number;
  if (!out.unit) out.unit = hi->unit;
  out.qualifier += hi->qualifier;
  return out;
}

// ≥90%且≤100%, 大于90%小于100%: two bounds make a range.
std::optional<Numeric> ParseTwoBounds(Str s) {
  static constexpr Str kJoins[] = {U"并且", U"而且", U"且", U"和", U"与", U"及",
                                   U",",    U";",    U"、", U"/",  U"但"};
  for (size_t at = 1; at + 1 < s.size(); ++at) {
    size_t join = 0;
    for (Str j : kJoins)
      if (StartsAt(s, at, j)) join = j.size();
    OpMark mark;
    // Between the bounds: a joining word, an operator, or just the next number
    // (90%以上100%以下).
    bool next_number = IsAsciiDigit(s[at]) && !IsAsciiDigit(s[at - 1]) && s[at - 1] != '.' &&
                       s[at - 1] != ',' && s[at - 1] != '-' && s[at - 1] != '+';
    if (!join && !next_number && !MatchSymbolOp(s, at, &mark) && !MatchPrefixOpWord(s, at, &mark))
      continue;
    if (auto r = JoinBounds(ParseNumeric(s.substr(0, at)), ParseNumeric(s.substr(at + join))))
      return r;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- dates

struct DateCore {
  int year = 0;  // 0: none
  int month = 0;
  int day = 0;
  size_t end = 0;
  std::optional<OpMark> implied;  // 上半年, 第一季度: by the end of that period
};

// An integer of 1..`max_digits` Arabic digits, or Chinese numerals, at `pos`.
std::optional<std::pair<int, size_t>> ReadInt(Str s, size_t pos, size_t max_digits) {
  if (pos >= s.size()) return std::nullopt;
  if (IsAsciiDigit(s[pos])) {
    size_t e = pos;
    int v = 0;
    while (e < s.size() && IsAsciiDigit(s[e])) {
      if (e - pos >= max_digits) return std::nullopt;
      v = v * 10 + static_cast<int>(s[e] - '0');
      ++e;
    }
    return std::make_pair(v, e);
  }
  if (!IsCnNumeral(s[pos]) || s[pos] == U'两') return std::nullopt;
  std::optional<Amount> a = ScanAmount(s, pos);
  if (!a || a->zero_noun || a->value > 9999 || a->value != static_cast<int>(a->value))
    return std::nullopt;
  return std::make_pair(static_cast<int>(a->value), a->end);
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year != 0 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
    return 28;
  return kDays[month - 1];
}

// 2020-12-31, 2020.12, 2020/6/30.
std::optional<DateCore> ParseNumericDate(Str s, size_t pos) {
  const size_t n = s.size();
  if (pos + 6 > n) return std::nullopt;
  for (size_t k = 0; k < 4; ++k)
    if (!IsAsciiDigit(s[pos + k])) return std::nullopt;
  char32_t sep = s[pos + 4];
  if (sep != '-' && sep != '.' && sep != '/') return std::nullopt;
  DateCore d;
  d.year = std::stoi(ToUtf8(s.substr(pos, 4)));
  auto m = ReadInt(s, pos + 5, 2);
  if (!m || !IsAsciiDigit(s[pos + 5]) || !PlausibleYear(d.year)) return std::nullopt;
  d.month = m->first;
  d.end = m->second;
  if (d.end + 1 < n && s[d.end] == sep && IsAsciiDigit(s[d.end + 1])) {
    auto day = ReadInt(s, d.end + 1, 2);
    if (!day) return std::nullopt;
    d.day = day->first;
    d.end = day->second;
  }
  if (d.end < n && (IsAsciiDigit(s[d.end]) || s[d.end] == sep)) return std::nullopt;
  if (d.month < 1 || d.month > 12) return std::nullopt;
  if (d.day && (d.day < 1 || d.day > DaysIn(d.year, d.month))) return std::nullopt;
  if (d.end < n && (s[d.end] == U'日' || s[d.end] == U'号') && d.day) ++d.end;
  // With dots, 2020.12 alone or 1950.12元 is a number: a dotted date has its day, or a
  // word like 前 after it (2020.12前).
  OpMark mark;
  if (sep == '.' && !d.day && (d.end >= n || !MatchDateSuffixWord(s, d.end, &mark)))
    return std::nullopt;
  if (sep == '.' && d.day && d.end < n && !MatchDateSuffixWord(s, d.end, &mark))
    return std::nullopt;
  return d;
}

std::optional<DateCore> ParseDateCore(Str s, size_t pos) {
  if (auto d = ParseNumericDate(s, pos)) return d;
  const size_t n = s.size();
  DateCore d;
  size_t i = pos;
  if (auto y = ReadInt(s, i, 4); y && y->second < n && s[y->second] == U'年') {
    if (PlausibleYear(y->first) && y->second - i == 4) {
      d.year = y->first;
      i = y->second + 1;
    } else if (y->second - i == 2 && IsAsciiDigit(s[i])) {
      // 20年12月: a two-digit year, only with its month after it.
      auto m = ReadInt(s, y->second + 1, 2);
      if (m && m->second < n && s[m->second] == U'月') {
        d.year = 2000 + y->first;
        i = y->second + 1;
      }
    }
  }
  const OpMark by_end{Op::kLe, false};
  auto month_word = [&](size_t at) -> std::optional<std::pair<int, size_t>> {
    auto m = ReadInt(s, at, 2);
    if (!m || m->second >= n || s[m->second] != U'月' || m->first < 1 || m->first > 12)
      return std::nullopt;
    return std::make_pair(m->first, m->second + 1);
  };
  if (auto m = month_word(i)) {
    d.month = m->first;
    i = m->second;
    auto day = ReadInt(s, i, 2);
    if (day && day->second < n && (s[day->second] == U'日' || s[day->second] == U'号')) {
      if (day->first < 1 || day->first > DaysIn(d.year, d.month)) return std::nullopt;
      d.day = day->first;
      i = day->second + 1;
    } else {
      for (Str w :
           {U"中下旬", U"中上旬", U"上旬", U"中旬", U"下旬", U"份", U"底", U"末", U"初", U"中"}) {
        if (StartsAt(s, i, w)) {
          i += w.size();
          break;
        }
      }
    }
  } else if (StartsAt(s, i, U"上半年") || StartsAt(s, i, U"下半年")) {
    d.month = s[i] == U'上' ? 6 : 12;
    d.implied = by_end;
    i += 3;
  } else if (size_t q = StartsAt(s, i, U"第") ? i + 1 : i;
             q < n &&
             (s[q] == '1' || s[q] == '2' || s[q] == '3' || s[q] == '4' ||
              (CnDigit(s[q]) >= 1 && CnDigit(s[q]) <= 4 && s[q] != U'两')) &&
             StartsAt(s, q + 1, U"季度")) {
    d.month = 3 * (IsAsciiDigit(s[q]) ? static_cast<int>(s[q] - '0') : CnDigit(s[q]));
    d.implied = by_end;
    i = q + 3;
    for (Str w : {U"末", U"底"})
      if (StartsAt(s, i, w)) i += w.size();
  } else if (d.year) {
    if (StartsAt(s, i, U"度")) ++i;  // 2020年度
    if (i < n && (s[i] == U'底' || s[i] == U'末' || s[i] == U'终')) {
      d.month = 12;
      ++i;
    }
  } else if (StartsAt(s, i, U"年")) {
    // 年底, 年末, 年终; 年内 and 年度内 (the 内 is read after); 年中.
    size_t j = i + 1;
    if (StartsAt(s, j, U"度")) ++j;
    if (j < n && (s[j] == U'底' || s[j] == U'末' || s[j] == U'终')) {
      d.month = 12;
      i = j + 1;
    } else if (StartsAt(s, j, U"内")) {
      d.month = 12;
      i = j;
    } else if (StartsAt(s, j, U"中")) {
      d.month = 6;
      i = j + 1;
    } else {
      return std::nullopt;
    }
  }
  if (!d.year && !d.month) return std::nullopt;
  d.end = i;
  return d;
}

std::string FormatDate(int year, int month, int day) {
  char buf[32];
  if (year && day)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else if (year)
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else if (day)
    std::snprintf(buf, sizeof buf, "--%02d-%02d", month, day);
  else
    std::snprintf(buf, sizeof buf, "--%02d", month);
  return buf;
}

enum class DateVerdict { kNone, kDate, kText };

DateVerdict ParseDateAt(Str s, size_t pos, Str label, TypedValue* out) {
  std::optional<OpMark> before;
  for (;;) {
    OpMark mark;
    size_t k;
    if (!before && (k = MatchSymbolOp(s, pos, &mark))) {
      before = mark;
    } else if (!before && (k = MatchDatePrefixWord(s, pos, &mark))) {
      if (!mark.weak) before = mark;
    } else {
      break;
    }
    pos += k;
  }
  std::optional<DateCore> core = ParseDateCore(s, pos);
  if (!core) return DateVerdict::kNone;
  pos = core->end;
  std::optional<OpMark> after;
  OpMark mark;
  if (size_t k = MatchDateSuffixWord(s, pos, &mark)) {
    after = mark;
    pos += k;
  }
  std::u32string qualifier(label);
  if (!ParseTail(s, pos, false, true, &after, &qualifier)) return DateVerdict::kNone;
  std::optional<OpMark> op = Combine(before, after ? after : core->implied);
  if (!core->month) {
    // A year alone (2020年) is no date of the contract; with 前/内 it is the year's end.
    if (!op) return DateVerdict::kText;
    core->month = Direction(op->op) > 0 ? 1 : 12;
  }
  out->kind = ValueKind::kDate;
  out->op = op ? op->op : Op::kEq;
  out->date = FormatDate(core->year, core->month, core->day);
  if (!qualifier.empty()) out->qualifier = ToUtf8(qualifier);
  return DateVerdict::kDate;
}

DateVerdict ParseDate(Str s, TypedValue* out) {
  const size_t last = std::min(s.size(), size_t{7});
  for (size_t p = 0; p < last; ++p) {
    Str label = s.substr(0, p);
    if (p > 0 && (!LabelOk(label) || label.front() == U'每')) continue;
    DateVerdict v = ParseDateAt(s, p, label, out);
    if (v != DateVerdict::kNone) return v;
  }
  return DateVerdict::kNone;
}

// ---------------------------------------------------------------- references

// Whether an operator word of two or more characters begins inside `r` (控制在, 不超过).
bool HoldsOperatorWord(Str r) {
  for (size_t at = 0; at < r.size(); ++at) {
    OpMark mark;
    if (MatchPrefixOpWord(r, at, &mark) >= 2) return true;
  }
  return false;
}

// A reference at `pos`; after a label (严格控制在预算内) only with an operator word.
bool ParseReferenceAt(Str s, size_t pos, TypedValue* out) {
  const bool labelled = pos > 0;
  std::optional<OpMark> before;
  bool symbol = false;
  for (;;) {
    OpMark mark;
    size_t k;
    if (!before && (k = MatchSymbolOp(s, pos, &mark))) {
      before = mark;
      symbol = true;
    } else if (!before && (k = MatchPrefixOpWord(s, pos, &mark))) {
      before = mark;
    } else if ((k = MatchFiller(s, pos))) {
    } else {
      break;
    }
    pos += k;
  }
  Str r = s.substr(pos);
  for (Str mark : {U"(含)", U"(含本数)"})
    if (r.size() > mark.size() && r.substr(r.size() - mark.size()) == mark)
      r.remove_suffix(mark.size());
  std::optional<OpMark> after;
  size_t best = 0;
  for (size_t at = r.size() > 4 ? r.size() - 4 : 1; at < r.size(); ++at) {
    OpMark mark;
    size_t k = MatchSuffixOpWord(r, at, &mark);
    if (k && at + k == r.size() && k > best) {
      best = k;
      after = mark;
    }
  }
  r.remove_suffix(best);
  if (r.size() > 2 && r.substr(r.size() - 2) == U"范围") r.remove_suffix(2);
  if (r.empty() || r.size() > 16 || !AllIdeographs(r) || HoldsOperatorWord(r)) return false;
  if (IsCnNumeral(r.front()) || r.front() == U'半') return false;  // a number, not a name
  if (labelled && !before) return false;
  std::optional<OpMark> op = Combine(before, after);
  // After ≥ ≤ < > any name will do (≥良好); after = or a word, a quantity (=预算数).
  bool strong_symbol = symbol && before && before->op != Op::kEq;
  bool ok = strong_symbol ? true : op ? LooksLikeQuantity(r) : LooksLikeBareReference(r);
  // 达到国家标准 is compliance (text); ≥国家标准, 不低于国家标准 compare with it.
  if (ok && !symbol && before && before->weak && before->op == Op::kGe && !after && r.size() >= 2 &&
      r.substr(r.size() - 2) == U"标准")
    ok = false;
  if (!ok) return false;
  out->kind = ValueKind::kReference;
  out->op = op ? op->op : Op::kEq;
  out->reference = ToUtf8(r);
  return true;
}

bool ParseReference(Str s, TypedValue* out) {
  const size_t last = std::min(s.size(), kMaxLabel + 1);
  for (size_t p = 0; p < last; ++p) {
    if (p > 0 && !LabelOk(s.substr(0, p))) continue;
    if (ParseReferenceAt(s, p, out)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- the value

bool IsClosingPunctuation(char32_t c) {
  return c == U'。' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == U'、' || c == U'…';
}

bool IsPlaceholder(char32_t c) {
  return c == '-' || c == '/' || c == '\\' || c == '~' || c == 0xB7 || c == '.' || c == '_' ||
         c == '*' || c == '|' || c == U'、' || c == U'。' || c == U'…';
}

}  // namespace

TypedValue Parse(Str s) {
  TypedValue v;
  bool placeholder = true;
  for (char32_t c : s) placeholder = placeholder && IsPlaceholder(c);
  if (placeholder) return v;  // kEmpty
  while (!s.empty() && IsClosingPunctuation(s.back())) s.remove_suffix(1);
  while (!s.empty() && IsClosingPunctuation(s.front()) && s.front() != '.') s.remove_prefix(1);
  v.kind = ValueKind::kText;
  if (s.empty() || s.size() > kMaxValueLength) return v;

  // What could be read at all: a number needs a numeral, a date a numeral or 年.
  bool numeral = false, year = false;
  for (char32_t c : s) {
    numeral = numeral || IsAsciiDigit(c) || IsCnNumeral(c) || c == U'半';
    year = year || c == U'年';
  }
  if (numeral || year) {
    switch (ParseDate(s, &v)) {
      case DateVerdict::kDate:
        return v;
      case DateVerdict::kText:
        return v;
      case DateVerdict::kNone:
        break;
    }
  }
  std::optional<Numeric> num;
  if (numeral) num = ParseNumeric(s);
  if (!num) {
    if (ParseReference(s, &v)) return v;
    if (numeral) num = ParseTwoBounds(s);
  }
  if (!num) return v;
  v.kind = ValueKind::kNumeric;
  v.op = num->op;
  v.number = num->number;
  v.upper = num->upper;
  if (num->unit) v.unit = ToUtf8(*num->unit);
  if (!num->qualifier.empty()) v.qualifier = ToUtf8(num->qualifier);
  return v;
}

}  // namespace jixiao::norm
