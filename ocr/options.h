// The settings of the OCR path in one place: what an engine loads (Tesseract's models, the
// second line recognizer's graphs, the word list) and the tuning of each stage, as
// layout/grid.h's GridOptions does for the grids. The library reads no environment: the
// program (cli/) fills these from JIXIAO_LINE_NET, JIXIAO_WORD_LIST and TESSDATA_PREFIX.
#pragma once

#include <string>

#include "core/fixes.h"
#include "ocr/lines.h"
#include "ocr/preprocess.h"

namespace jixiao::ocr {

// Glyphs read with less confidence than this keep their image (LineResult::glyphs), for the
// document pass to look at again.
inline constexpr double kDoubtedGlyph = 0.99;

// Tuning of CorrectByDocument (ocr/document_lexicon.h). Confidences are 0..1.
struct DocumentLexiconOptions {
  float doubt = 0.97f;  // below this a glyph's reading may be replaced
  // ... and below this by the second recognizer (ocr/line_net.h): the glyphs that keep an image
  float net_doubt = static_cast<float>(kDoubtedGlyph);
  float trusted = 0.95f;        // pairs of glyphs both at least this sure are the document's words
  int min_pairs = 2;            // a proposal makes each of its two pairs at least this often
  int min_one_sided = 3;        // ... or its one pair this often, at a line's end
  int max_proposals = 3;        // proposals from the document shown to the recognizer per glyph
  int max_word_proposals = 24;  // ... and from the word list
  int max_exclusive_proposals = 96;  // ... from the word list when the first reading is set aside
  // The fixes of stage `document` (core/fixes.h) that run: ocr.doc_line, ocr.doc_pairs,
  // ocr.word_list, ocr.line_net_glyph, ocr.set_aside, ocr.dropped_glyph.
  FixSwitches fixes;
};

// The folder this build wrote the second line recognizer's graphs to (scripts/line-net-model.py,
// run by CMake); empty in a build without one.
std::string BuiltLineNetDir();

// Debian's python3-jieba installs its dictionary here.
inline constexpr const char* kDefaultWordList = "/usr/lib/python3/dist-packages/jieba/dict.txt";

// What an OcrEngine (ocr/engine.h) is made from. An engine without its second recognizer or
// its word list still reads, less well, and says so (OcrEngine::degraded).
struct OcrOptions {
  // Folder of chi_sim.traineddata, eng.traineddata and osd.traineddata; empty: Tesseract's own
  // default (TESSDATA_PREFIX, else where it was installed).
  std::string tessdata;
  // Folder of the second line recognizer's graphs (rec-<width>.onnx) and keys.txt.
  std::string line_net_dir = BuiltLineNetDir();
  // Two- and three-character words of written Chinese, "word frequency [tag]" per line
  // (jieba's dict.txt): what the document pass proposes where no page prints a word clearly.
  std::string word_list = kDefaultWordList;

  PrepareOptions prepare;          // scan -> upright, straight, clean page
  LineOptions lines;               // ink -> text lines
  DocumentLexiconOptions lexicon;  // the document pass over doubted glyphs
};

}  // namespace jixiao::ocr
