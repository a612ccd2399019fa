#include "cli/environment.h"

#include <cstdlib>
#include <filesystem>

namespace jixiao::cli {

ocr::OcrOptions OcrOptionsFromEnvironment() {
  ocr::OcrOptions options;
  if (const char* dir = std::getenv("JIXIAO_LINE_NET")) options.line_net_dir = dir;
  if (const char* list = std::getenv("JIXIAO_WORD_LIST")) options.word_list = list;
  if (const char* tessdata = std::getenv("TESSDATA_PREFIX")) options.tessdata = tessdata;
  return options;
}

SearchablePdfOptions SearchablePdfOptionsFromEnvironment() {
  SearchablePdfOptions options;
  if (const char* tessdata = std::getenv("TESSDATA_PREFIX")) {
    const std::filesystem::path font = std::filesystem::path(tessdata) / "pdf.ttf";
    std::error_code ec;
    if (std::filesystem::is_regular_file(font, ec)) options.glyphless_font = font.string();
  }
  return options;
}

}  // namespace jixiao::cli
