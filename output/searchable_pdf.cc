#include "output/searchable_pdf.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "core/text.h"
#include "extract/document.h"
#include "output/json.h"

namespace jixiao {

namespace {

using Object = QPDFObjectHandle;

// Every glyph of the glyphless font advances half an em (its /DW, as in Tesseract's
// pdfrenderer.cpp): a line's text is stretched from units * size / 2 to its box's width.
constexpr int kGlyphAdvance = 500;  // thousandths of an em
// CIDs are 16-bit UTF-16 code units: the CIDToGIDMap has one entry per possible CID.
constexpr size_t kCidCount = 65536;
// The resource names of a rewritten page.
constexpr const char* kImageName = "/Im0";
constexpr const char* kFontName = "/F0";
// An image input's page not kept by the extraction is rendered again; Document::Render gives it
// at the image's own resolution whatever this asks.
constexpr double kImageInputDpi = 200;

// ToUnicode of the glyphless font: every CID is the UTF-16 code unit it names (Tesseract's).
constexpr const char* kIdentityToUnicode =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identify-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n"
    "<0000> <FFFF>\n"
    "endcodespacerange\n"
    "1 beginbfrange\n"
    "<0000> <FFFF> <0000>\n"
    "endbfrange\n"
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

// A number for a content stream: fixed point, three decimals at most, no exponent.
std::string Num(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// Text as a hex string of UTF-16BE code units (the CIDs of Identity-H), and how many there are.
std::string Utf16Hex(const std::string& utf8, size_t* units) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "<";
  *units = 0;
  auto unit = [&](unsigned u) {
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(u >> shift) & 0xF];
    ++*units;
  };
  for (char32_t c : ToU32(utf8)) {
    if (c >= 0x10000) {
      const unsigned v = static_cast<unsigned>(c) - 0x10000;
      unit(0xD800 + (v >> 10));
      unit(0xDC00 + (v & 0x3FF));
    } else {
      unit(static_cast<unsigned>(c));
    }
  }
  return out + ">";
}

// The bytes of a file; false in `ok` when it cannot be read.
std::string ReadWholeFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  if (in) s << in.rdbuf();
  *ok = in.is_open() && !in.bad();
  return s.str();
}

// The glyphless font as a Type0 font dictionary, made once per PDF and shared by its pages.
Object GlyphlessFont(QPDF& pdf, const std::string& ttf) {
  Object file = pdf.newStream(ttf);
  file.getDict().replaceKey("/Length1", Object::newInteger(static_cast<long long>(ttf.size())));
  Object descriptor = pdf.makeIndirectObject(Object::parse(
      "<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 500 1000]"
      " /ItalicAngle 0 /Ascent 1000 /Descent -1 /CapHeight 1000 /StemV 80 >>"));
  descriptor.replaceKey("/FontFile2", file);
  // Every CID shows glyph 1, the font's one (blank) glyph.
  std::string map(2 * kCidCount, '\0');
  for (size_t i = 1; i < map.size(); i += 2) map[i] = '\1';
  Object cid_font = pdf.makeIndirectObject(Object::parse(
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont"
      " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW " +
      std::to_string(kGlyphAdvance) + " >>"));
  cid_font.replaceKey("/FontDescriptor", descriptor);
  cid_font.replaceKey("/CIDToGIDMap", pdf.newStream(map));
  Object font = pdf.makeIndirectObject(Object::parse(
      "<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H >>"));
  font.replaceKey("/DescendantFonts", Object::newArray({cid_font}));
  font.replaceKey("/ToUnicode", pdf.newStream(kIdentityToUnicode));
  return font;
}

// Whether a gray page is black and white only (SearchablePdfOptions::binary_*).
bool IsBinary(const cv::Mat& gray, const SearchablePdfOptions& o) {
  cv::Mat mid;
  cv::inRange(gray, cv::Scalar(o.binary_black_gray), cv::Scalar(o.binary_white_gray), mid);
  return cv::countNonZero(mid) <= o.binary_max_gray_share * static_cast<double>(gray.total());
}

// The page image as an image XObject: JPEG, or 1-bit samples (0 black, 1 white) that the
// writer compresses with Flate.
Object ImageXObject(QPDF& pdf, const PageImage& image, const SearchablePdfOptions& o,
                    const std::string& out_path) {
  const cv::Mat& gray = image.gray;
  Object dict = Object::parse("<< /Type /XObject /Subtype /Image /ColorSpace /DeviceGray >>");
  dict.replaceKey("/Width", Object::newInteger(gray.cols));
  dict.replaceKey("/Height", Object::newInteger(gray.rows));
  std::string data;
  Object filter = Object::newNull();
  if (IsBinary(gray, o)) {
    const int middle = (o.binary_black_gray + o.binary_white_gray) / 2;
    const size_t row_bytes = (static_cast<size_t>(gray.cols) + 7) / 8;
    data.assign(row_bytes * gray.rows, '\xFF');
    for (int y = 0; y < gray.rows; ++y) {
      const uchar* row = gray.ptr<uchar>(y);
      unsigned char* bits = reinterpret_cast<unsigned char*>(data.data()) + y * row_bytes;
      for (int x = 0; x < gray.cols; ++x)
        if (row[x] < middle) bits[x >> 3] &= static_cast<unsigned char>(~(0x80u >> (x & 7)));
    }
    dict.replaceKey("/BitsPerComponent", Object::newInteger(1));
  } else {
    std::vector<uchar> jpeg;
    if (!cv::imencode(".jpg", gray, jpeg, {cv::IMWRITE_JPEG_QUALITY, o.jpeg_quality}))
      throw Error(ErrorCode::kOutput, out_path, image.page, "cannot encode the page image as JPEG");
    data.assign(jpeg.begin(), jpeg.end());
    dict.replaceKey("/BitsPerComponent", Object::newInteger(8));
    filter = Object::newName("/DCTDecode");
  }
  Object stream = pdf.newStream();
  stream.replaceStreamData(data, filter, Object::newNull());
  for (const std::string& key : dict.getKeys()) stream.getDict().replaceKey(key, dict.getKey(key));
  return stream;
}

// One line of text, invisible, its size the box's height, stretched to the box's width.
// `height` is the page's, in points (PDF's y grows upwards).
void DrawLine(std::string& content, const TextLine& line, double height) {
  const double size = line.box.height();
  if (line.text.empty() || size <= 0 || line.box.width() <= 0) return;
  size_t units = 0;
  const std::string hex = Utf16Hex(line.text, &units);
  if (units == 0) return;
  const double natural = units * size * kGlyphAdvance / 1000.0;
  for (const std::string& piece :
       {std::string(kFontName), Num(size), std::string("Tf"), Num(100 * line.box.width() / natural),
        std::string("Tz 1 0 0 1"), Num(line.box.x0), Num(height - line.box.y1), std::string("Tm"),
        hex}) {
    content += piece;
    content += ' ';
  }
  content += "Tj\n";
}

// The content of a rewritten page: its image over the whole page, then its text, invisible.
std::string PageContentStream(const PageContent& page, double width, double height) {
  std::string content =
      "q " + Num(width) + " 0 0 " + Num(height) + " 0 0 cm " + kImageName + " Do Q\n";
  content += "BT 3 Tr\n";
  for (const Table& t : page.tables)
    for (const TableCell& c : t.cells)
      for (const TextLine& l : c.lines) DrawLine(content, l, height);
  for (const TextLine& l : page.lines) DrawLine(content, l, height);
  content += "ET\n";
  return content;
}

// Turns `page` (a page of the input, or a new one) into `content`'s image and text.
void RewritePage(QPDF& pdf, Object page, const PageContent& content, const Object& font,
                 const SearchablePdfOptions& o, const std::string& out_path) {
  const PageImage& image = content.image;
  const double width = ToPoints(image.gray.cols, image.dpi);
  const double height = ToPoints(image.gray.rows, image.dpi);
  const Object box = Object::newArray(Object::Rectangle(0, 0, width, height));
  page.replaceKey("/MediaBox", box);
  page.replaceKey("/CropBox", box);
  page.replaceKey("/Rotate", Object::newInteger(0));  // the image is upright
  for (const char* key : {"/TrimBox", "/BleedBox", "/ArtBox", "/UserUnit", "/Annots", "/Thumb"})
    page.removeKey(key);
  Object xobjects = Object::newDictionary();
  xobjects.replaceKey(kImageName, ImageXObject(pdf, image, o, out_path));
  Object fonts = Object::newDictionary();
  fonts.replaceKey(kFontName, font);
  Object resources = Object::newDictionary();
  resources.replaceKey("/XObject", xobjects);
  resources.replaceKey("/Font", fonts);
  page.replaceKey("/Resources", resources);
  page.replaceKey("/Contents", pdf.newStream(PageContentStream(content, width, height)));
}

bool ReadByOcr(const PageContent& page) {
  for (const Table& t : page.tables)
    for (const TableCell& c : t.cells)
      if (c.source == WordSource::kOcr) return true;
  return false;
}

std::string BuildPdf(const ExtractResult& result, const std::string& out_path,
                     const SearchablePdfOptions& o) {
  const SourceInfo& source = result.source;
  std::map<int, const PageContent*> kept;  // page number -> its content with an image
  for (const PageContent& p : result.pages) {
    if (!p.image.gray.empty() && p.image.dpi > 0)
      kept[p.page] = &p;
    else if (ReadByOcr(p))
      throw Error(
          ErrorCode::kInternal, out_path, p.page,
          "page read by OCR without its image (extract with ExtractOptions::keep_page_images)");
  }
  bool ok = false;
  const std::string ttf = ReadWholeFile(o.glyphless_font, &ok);
  if (!ok || ttf.empty())
    throw Error(ErrorCode::kOutput, out_path, "cannot read the glyphless font " + o.glyphless_font);

  // The input's bytes outlive the QPDF that reads them.
  std::string bytes;
  if (source.kind == InputKind::kPdf) {
    bytes = ReadWholeFile(source.path, &ok);
    if (!ok || Sha256Hex(bytes) != source.sha256)
      throw Error(ErrorCode::kOutput, out_path,
                  source.path + " cannot be read again, or changed since it was extracted");
  }
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  if (source.kind == InputKind::kPdf) {
    pdf.processMemoryFile(source.path.c_str(), bytes.data(), bytes.size());
    pdf.pushInheritedAttributesToPage();
  } else {
    pdf.emptyPDF();
  }
  const Object font = GlyphlessFont(pdf, ttf);
  QPDFPageDocumentHelper pages(pdf);
  std::vector<QPDFPageObjectHelper> existing = pages.getAllPages();
  if (source.kind == InputKind::kPdf && static_cast<int>(existing.size()) != source.pages)
    throw Error(ErrorCode::kOutput, out_path,
                source.path + " has " + std::to_string(existing.size()) + " pages for qpdf, " +
                    std::to_string(source.pages) + " when extracted");

  std::optional<Document> image_input;  // to render the pages of an image input not kept
  for (int n = 1; n <= source.pages; ++n) {
    auto it = kept.find(n);
    if (source.kind == InputKind::kPdf) {
      if (it != kept.end())
        RewritePage(pdf, existing[n - 1].getObjectHandle(), *it->second, font, o, out_path);
      continue;  // a page read from its text layer, or not read: as it is
    }
    PageContent rendered;
    const PageContent* content = it != kept.end() ? it->second : nullptr;
    if (!content) {
      if (!image_input) image_input = Document::Open(source.path);
      rendered.page = n;
      rendered.image = image_input->Render(n, kImageInputDpi);
      content = &rendered;
    }
    Object page = pdf.makeIndirectObject(Object::parse("<< /Type /Page >>"));
    RewritePage(pdf, page, *content, font, o, out_path);
    pages.addPage(QPDFPageObjectHelper(page), false);
  }

  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  // The same extraction gives the same bytes; an input encrypted with an owner password only
  // (which opens without one) stays so, with its own ID.
  if (!pdf.isEncrypted()) writer.setDeterministicID(true);
  writer.setObjectStreamMode(qpdf_o_generate);
  // Streams already compressed (the copied pages', the JPEGs) are kept as they are; new ones
  // without a filter (content, 1-bit images, the font's maps) are compressed with Flate.
  writer.setDecodeLevel(qpdf_dl_none);
  writer.write();
  std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

std::string SearchablePdf(const ExtractResult& result, const std::string& out_path,
                          const SearchablePdfOptions& options) {
  try {
    return BuildPdf(result, out_path, options);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {  // qpdf's QPDFExc, std::logic_error; OpenCV's cv::Exception
    throw Error(ErrorCode::kOutput, out_path,
                std::string("cannot make the searchable PDF: ") + e.what());
  }
}

void WriteSearchablePdf(const std::string& path, const ExtractResult& result,
                        const SearchablePdfOptions& options) {
  WriteFileAtomic(path, SearchablePdf(result, path, options));
}

}  // namespace jixiao
