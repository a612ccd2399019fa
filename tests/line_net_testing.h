// Tests that need the second OCR line recognizer's model (ocr/line_net.h): without it (a build
// configured before scripts/setup.sh fetched it) they skip and say why; with CI=true they fail
// instead, since CI always has the model.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>

#include "ocr/line_net.h"
#include "ocr/options.h"

#define JIXIAO_NEEDS_LINE_NET()                                                                          \
  do {                                                                                                   \
    if (!::jixiao::ocr::LineNet::HasModel(::jixiao::ocr::BuiltLineNetDir())) {                                                    \
      if (std::getenv("CI")) FAIL() << "the OCR line recognizer's model is missing (scripts/setup.sh)"; \
      GTEST_SKIP() << "the OCR line recognizer's model is not built (run scripts/setup.sh, then build)"; \
    }                                                                                                    \
  } while (0)
