// The searchable PDF of `jixiao extract --searchable-pdf`: the document again, each scanned page
// as the image the pipeline read with an invisible text layer of what it read there, placed by
// the boxes it read, so that search and copy find the text the JSON has.
//
// - A page read by OCR becomes its prepared image (upright, deskewed, paper flattened: the image
//   every box is on, PageContent::image) at the scan's resolution, in gray, as JPEG, or as a
//   1-bit image where the page is black and white only. Over it, each text line the pipeline
//   read (the cells' lines and the lines outside tables, after every fix and the document pass)
//   is drawn invisibly (text render mode 3) in the glyphless font Tesseract's PDF renderer uses
//   (pdf.ttf: Type0 / CIDFontType2, Identity-H, CIDs = UTF-16 code units, an identity ToUnicode
//   CMap), its size the line box's height and its width stretched to the box (Tz): selecting a
//   line highlights the printed line.
// - A page read from its text layer is copied as it is: that layer is what was read, and the
//   page keeps its vector text and fonts. So does a page that could not be read.
// - The input's other objects (metadata, outlines) are kept: a scanned page is rewritten in place.
//   The annotations of a rewritten page are dropped, as their places were on the unprepared page.
// - An image input (PNG, JPEG, TIFF) gives a PDF of its pages likewise.
//
// The PDF is built with qpdf (libqpdf), in memory, and written atomically.
#pragma once

#include <string>

#include "pipeline/extract.h"

namespace jixiao {

// Tesseract's glyphless font, as Debian's libtesseract5 installs it beside its models.
inline constexpr const char* kDefaultGlyphlessFont = "/usr/share/tesseract-ocr/5/tessdata/pdf.ttf";

struct SearchablePdfOptions {
  // The glyphless TrueType font the invisible text is set in (pdf.ttf of Tesseract's tessdata).
  std::string glyphless_font = kDefaultGlyphlessFont;
  // JPEG quality (1..100) of a gray page. At 60 an A4 page scanned at 200 dpi takes 70-300 KB
  // (the samples' scans, about what their own JPEGs take) and reads as the scan does; the
  // quality changes little (30: 203 KB, 75: 309 KB for the densest), the glyphs' edges cost.
  int jpeg_quality = 60;
  // A page is stored 1-bit (Flate) instead of JPEG when at most this share of its pixels is
  // neither black nor white: a page scanned or photocopied in black and white. Pixels darker
  // than binary_black_gray count as black, lighter than binary_white_gray as white; a 1-bit page
  // splits black from white at their middle.
  double binary_max_gray_share = 0.002;
  int binary_black_gray = 32;
  int binary_white_gray = 224;
};

// The searchable PDF of an extraction made with ExtractOptions::keep_page_images, as bytes:
// as many pages as result.source, in order. Reads the input (result.source.path) again for its
// pages and checks that it is the file extracted (its sha256). Throws Error (naming `out_path`,
// the file the bytes are for) when the input changed or cannot be read, or the font cannot.
std::string SearchablePdf(const ExtractResult& result, const std::string& out_path,
                          const SearchablePdfOptions& options = {});

// SearchablePdf written to `path` atomically (output/json.h WriteFileAtomic): on error nothing
// is left at `path`. Throws Error naming `path`.
void WriteSearchablePdf(const std::string& path, const ExtractResult& result,
                        const SearchablePdfOptions& options = {});

}  // namespace jixiao
