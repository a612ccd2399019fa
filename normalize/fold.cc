#include "normalize/fold.h"

#include "core/text.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace jixiao::norm {
namespace {

const icu::Normalizer2* NfkcInstance() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Decodes UTF-8 into `out`; returns false when some byte sequence was ill-formed.
bool Decode(std::string_view s, std::u32string& out) {
  out.clear();
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t n = static_cast<int64_t>(s.size());
  bool valid = true;
  int64_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      out.push_back(p[i++]);
      continue;
    }
    // U8_NEXT takes int32 offsets: decode one sequence from a window of at most 4 bytes.
    const int32_t window = static_cast<int32_t>(n - i < 4 ? n - i : 4);
    int32_t k = 0;
    UChar32 c;
    U8_NEXT(p + i, k, window, c);
    if (c < 0) {
      valid = false;
      c = 0xFFFD;
    }
    out.push_back(static_cast<char32_t>(c));
    i += k;
  }
  return valid;
}

bool IsSpaceLike(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x85 ||
         c == 0xA0 || c == 0xAD || c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

// Look-alikes that NFKC keeps apart. 0 = drop.
char32_t MapChar(char32_t c) {
  if (c < 0x80) {
    if (c < 0x20 || c == 0x7F || c == '"' || c == '\'' || c == '`') return 0;
    if (c == '[' || c == '{') return '(';
    if (c == ']' || c == '}') return ')';
    return c;
  }
  switch (c) {
    case U'≧':
    case U'⩾':
    case U'≮':
      return U'≥';
    case U'≦':
    case U'⩽':
    case U'≯':
      return U'≤';
    case U'〜':
    case U'∼':
    case U'～':
    case U'〰':
    case U'˜':
      return U'~';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0x2E3A:
    case 0x2E3B:
    case 0x30FC:
      return U'-';
    case 0x2022:
    case 0x2027:
    case 0x2219:
    case 0x22C5:
    case 0x30FB:
      return 0xB7;
    case U'“':
    case U'”':
    case U'‘':
    case U'’':
    case U'「':
    case U'」':
    case U'『':
    case U'』':
    case U'〝':
    case U'〞':
    case U'《':
    case U'》':
      return 0;
    case U'【':
    case U'〔':
    case U'〖':
    case U'（':
      return U'(';
    case U'】':
    case U'〕':
    case U'〗':
    case U'）':
      return U')';
    case U'٪':
      return U'%';
    case U'萬':
      return U'万';
    case U'億':
      return U'亿';
    case U'兩':
      return U'两';
    case U'個':
      return U'个';
    case U'點':
      return U'点';
    case U'時':
      return U'时';
    case U'項':
      return U'项';
    case U'臺':
      return U'台';
    case U'間':
      return U'间';
    case U'條':
      return U'条';
    case U'戶':
      return U'户';
    case U'週':
      return U'周';
    case U'歲':
      return U'岁';
    case U'於':
      return U'于';
    case U'與':
      return U'与';
    case U'達':
      return U'达';
    case U'為':
      return U'为';
    case U'內':
      return U'内';
    case U'錢':
      return U'钱';
    case U'圓':
      return U'元';
    default:
      return c;
  }
}

}  // namespace


std::string SanitizeUtf8(std::string_view s) {
  std::u32string decoded;
  if (Decode(s, decoded)) return std::string(s);
  return ToUtf8(decoded);
}

std::u32string Fold(std::string_view raw) {
  std::u32string decoded;
  bool ascii = true;
  for (char ch : raw) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    decoded.assign(raw.begin(), raw.end());  // ASCII is its own NFKC form
  } else {
    std::string valid = Decode(raw, decoded) ? std::string(raw) : ToUtf8(decoded);
    const icu::Normalizer2* nfkc = NfkcInstance();
    UErrorCode status = U_ZERO_ERROR;
    icu::StringPiece piece(valid.data(), static_cast<int32_t>(valid.size()));
    if (nfkc && valid.size() < (1u << 30) && !nfkc->isNormalizedUTF8(piece, status) &&
        U_SUCCESS(status)) {
      std::string normalized;
      icu::StringByteSink<std::string> sink(&normalized);
      nfkc->normalizeUTF8(0, piece, sink, nullptr, status);
      if (U_SUCCESS(status)) Decode(normalized, decoded);
    }
  }
  std::u32string out;
  out.reserve(decoded.size());
  for (size_t i = 0; i < decoded.size(); ++i) {
    char32_t c = decoded[i];
    if (IsSpaceLike(c)) continue;
    // An ideographic full stop between digits is a decimal point misread.
    if (c == U'。' && !out.empty() && out.back() >= '0' && out.back() <= '9' &&
        i + 1 < decoded.size() && decoded[i + 1] >= '0' && decoded[i + 1] <= '9') {
      out.push_back('.');
      continue;
    }
    char32_t m = MapChar(c);
    if (m != 0) out.push_back(m);
  }
  return out;
}

}  // namespace jixiao::norm
