// UTF-8 text helpers shared by the stages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

std::u32string ToU32(std::string_view utf8);
std::string ToUtf8(std::u32string_view u32);
std::string ToUtf8(char32_t c);
void AppendUtf8(char32_t c, std::string& out);

// NFKC (full-width forms to ASCII, compatibility ideographs to unified ones).
std::string Nfkc(std::string_view utf8);

bool IsSpace(char32_t c);
bool IsCjk(char32_t c);
// A Chinese character: a CJK ideograph (unified, extension A, compatibility) or 〇, not a
// full-width mark or form.
inline bool IsIdeograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || c == U'〇';
}
// 0-9 (not the full-width digits, which NFKC maps to these).
inline bool IsAsciiDigit(char32_t c) {
  return c >= '0' && c <= '9';
}
bool IsAsciiAlnum(char32_t c);

// NFKC with all white space removed: the form in which labels are compared.
std::string Compact(std::string_view utf8);

// White space trimmed at both ends (ASCII and Unicode spaces, including U+3000).
std::string Trim(std::string_view utf8);

// Joins the lines of a wrapped cell or paragraph: no separator between CJK text, a single
// space where both sides are Latin letters or digits.
std::string JoinWrapped(const std::vector<std::string>& lines);

// Levenshtein distance between two strings, counted in code points.
int EditDistance(std::u32string_view a, std::u32string_view b);

bool Contains(std::string_view haystack, std::string_view needle);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

}  // namespace jixiao
