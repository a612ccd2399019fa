// What the rest of the document says: a scanned document prints the same words again and
// again (预算, 项目, 数量, 膳食, the department's name), most of them read well somewhere. A
// Chinese character that the recognizer doubted, and that makes no pair with its neighbours
// anywhere else in the document, is replaced by the one character that does make both pairs
// with them, many times, in glyphs read with confidence. The way a reader of a faded copy
// reads 工程蔬算 as 工程预算 because 预算 stands clearly on every other page.
//
// When the document has no clear reading of the word, a list of two-character words of
// written Chinese (OcrOptions::word_list: jieba's dict.txt from Debian's python3-jieba) proposes:
// 腾食 is no word, 膳食 is.
//
// Context proposes, the glyph decides: a replacement is made only when the recognizer, shown
// the doubted glyph's image again and allowed nothing but its first reading and the
// proposal, picks the proposal (so 校含 is not turned into 校园 where 校舍 was printed). A first
// reading that makes no word with either neighbour and that no page prints with trust (腾 of
// 腾食) is set aside once: the glyph shown again with only the proposals allowed, a proposal
// read with some confidence between its neighbours is taken, and the others read as nothing.
#pragma once

#include <string>
#include <vector>

#include "core/fixes.h"
#include "ocr/line_reader.h"
#include "ocr/options.h"
#include "ocr/scanned_page.h"
#include "layout/page.h"

namespace jixiao::ocr {

// Corrects the lines of every table cell and every line outside the tables of `pages` (the
// text layer's lines take part as trusted text and are never changed). A corrected line and
// its cell are marked `corrected` and name the fixes that decided its glyphs, the glyph gets
// confidence `doubt`, and the cell's text is joined anew. Returns the number of glyphs
// replaced. The options are DocumentLexiconOptions (ocr/options.h), whose `fixes` say which
// fixes of stage `document` run.
// `engine` looks at the glyphs again, and its OcrOptions::word_list proposes; without one
// nothing is corrected.
int CorrectByDocument(std::vector<PageContent>& pages, OcrEngine* engine,
                      const DocumentLexiconOptions& options = {});

// The same with several engines (null ones passed over), one thread each: the lines are
// shared out among them. The result does not depend on their number (the first one's word
// list is used).
int CorrectByDocument(std::vector<PageContent>& pages, const std::vector<OcrEngine*>& engines,
                      const DocumentLexiconOptions& options = {});

// Starts reading the word list at `path` (OcrOptions::word_list) in the background, so that
// the document pass finds it read (CorrectByDocument reads it otherwise). Once per path and
// process; a missing file gives an empty list, as there.
void PrefetchWordLists(const std::string& path);

}  // namespace jixiao::ocr
