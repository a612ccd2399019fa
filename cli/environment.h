// The environment variables the program reads, and nothing else does: the library takes its
// settings as options (ocr/options.h).
#pragma once

#include "ocr/options.h"
#include "output/searchable_pdf.h"

namespace jixiao::cli {

// OcrOptions{} with what the environment names instead:
//   JIXIAO_LINE_NET   the second line recognizer's graphs (default: the folder the build wrote);
//   JIXIAO_WORD_LIST  the word list (default: python3-jieba's dict.txt);
//   TESSDATA_PREFIX   Tesseract's models (default: where Tesseract was installed).
// A variable that is set counts, even when it names no such folder or file: the engine then
// runs without it and says so (warning ocr.degraded).
ocr::OcrOptions OcrOptionsFromEnvironment();

// SearchablePdfOptions{} with the glyphless font of TESSDATA_PREFIX (its pdf.ttf) when that
// folder has one, as Tesseract's own PDF renderer finds it.
SearchablePdfOptions SearchablePdfOptionsFromEnvironment();

}  // namespace jixiao::cli
