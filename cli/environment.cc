#include "cli/environment.h"

#include <cstdlib>

namespace jixiao::cli {

ocr::OcrOptions OcrOptionsFromEnvironment() {
  ocr::OcrOptions options;
  if (const char* dir = std::getenv("JIXIAO_LINE_NET")) options.line_net_dir = dir;
  if (const char* list = std::getenv("JIXIAO_WORD_LIST")) options.word_list = list;
  if (const char* tessdata = std::getenv("TESSDATA_PREFIX")) options.tessdata = tessdata;
  return options;
}

}  // namespace jixiao::cli
