// The grammar of a printed value, over its folded form (fold.h).
#pragma once

#include "normalize/lexicon.h"
#include "normalize/normalize.h"

namespace jixiao::norm {

// The typed value of a folded string (`raw` is left empty for the caller).
TypedValue Parse(Str folded);

}  // namespace jixiao::norm
