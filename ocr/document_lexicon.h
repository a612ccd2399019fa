// What the rest of the document says: a scanned document prints the same words again and
// again (预算, 项目, 数量, 膳食, the department's name), most of them read well somewhere. A
// Chinese character that the recognizer doubted, and that makes no pair with its neighbours
// anywhere else in the document, is replaced by the one character that does make both pairs
// with them, many times, in glyphs read with confidence. The way a reader of a faded copy
// reads 工程蔬算 as 工程预算 because 预算 stands clearly on every other page.
//
// When the document has no clear reading of the word, a list of two-character words of
// written Chinese (jieba's dict.txt from Debian's python3-jieba, or JIXIAO_WORD_LIST) proposes:
// 腾食 is no word, 膳食 is.
//
// Context proposes, the glyph decides: a replacement is made only when the recognizer, shown
// the doubted glyph's image again and allowed nothing but its first reading and the
// proposal, picks the proposal (so 校含 is not turned into 校园 where 校舍 was printed). A first
// reading that makes no word with either neighbour and that no page prints with trust (腾 of
// 腾食) is set aside once: the glyph shown again with only the proposals allowed, a proposal
// read with some confidence between its neighbours is taken, and the others read as nothing.
#pragma once

#include <vector>

#include "core/fixes.h"
#include "ocr/line_reader.h"
#include "ocr/scanned_page.h"
#include "layout/page.h"

namespace jixiao::ocr {

struct DocumentLexiconOptions {
  float doubt = 0.97f;    // below this a glyph's reading may be replaced
  // ... and below this by the second recognizer (ocr/line_net.h): the glyphs that keep an image
  float net_doubt = static_cast<float>(kDoubtedGlyph);
  float trusted = 0.95f;  // pairs of glyphs both at least this sure are the document's words
  int min_pairs = 2;      // a proposal makes each of its two pairs at least this often
  int min_one_sided = 3;  // ... or its one pair this often, at a line's end
  int max_proposals = 3;  // proposals from the document shown to the recognizer per glyph
  int max_word_proposals = 24;  // ... and from the word list
  int max_exclusive_proposals = 96;  // ... from the word list when the first reading is set aside
  // The fixes of stage `document` (core/fixes.h) that run: ocr.doc_line, ocr.doc_pairs,
  // ocr.word_list, ocr.line_net_glyph, ocr.set_aside, ocr.dropped_glyph.
  FixSwitches fixes;
};

// Corrects the lines of every table cell and every line outside the tables of `pages` (the
// text layer's lines take part as trusted text and are never changed). A corrected line and
// its cell are marked `corrected` and name the fixes that decided its glyphs, the glyph gets
// confidence `doubt`, and the cell's text is joined anew. Returns the number of glyphs
// replaced.
// `engine` looks at the glyphs again; without one nothing is corrected.
int CorrectByDocument(std::vector<PageContent>& pages, OcrEngine* engine,
                      const DocumentLexiconOptions& options = {});

// The same with several engines (null ones passed over), one thread each: the lines are
// shared out among them. The result does not depend on their number.
int CorrectByDocument(std::vector<PageContent>& pages, const std::vector<OcrEngine*>& engines,
                      const DocumentLexiconOptions& options = {});

}  // namespace jixiao::ocr
