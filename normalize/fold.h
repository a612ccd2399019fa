// The first step of normalization: a printed value folded to the one form the parser reads.
#pragma once

#include <string>
#include <string_view>

#include "core/text.h"

namespace jixiao::norm {

// Decodes UTF-8 (ill-formed bytes become U+FFFD), applies NFKC (ICU), maps the look-alikes
// NFKC leaves apart (≧ → ≥, wave dashes → ~, dashes → -, middle dots → ·, brackets → ( ),
// a few traditional characters) and drops white space, zero-width characters and quotes.
std::u32string Fold(std::string_view raw);

// `s` with each ill-formed byte sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view s);

// UTF-8 encoding lives in core/text.h.
using ::jixiao::AppendUtf8;
using ::jixiao::ToUtf8;

}  // namespace jixiao::norm
