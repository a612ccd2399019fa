#include "extract/document.h"

#include <openssl/evp.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

// Poppler's core (libpoppler-private-dev), for the rendering without text that poppler-cpp's
// page_renderer cannot do.
#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <splash/SplashBitmap.h>

#include <leptonica/allheaders.h>
#include <opencv2/imgproc.hpp>

namespace jixiao {

namespace {

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    setMsgSeverity(L_SEVERITY_NONE);  // Leptonica: errors come back as return values
  });
}

std::string ReadFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error(ErrorCode::kNotFound, path, "no such file");
  if (std::filesystem::is_directory(path, ec))
    throw Error(ErrorCode::kBadInput, path, "is a directory, not a PDF or image");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, path, "cannot open for reading");
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::string_view(s).substr(0, prefix.size()) == prefix;
}

InputKind Sniff(const std::string& path, const std::string& bytes) {
  if (bytes.empty()) throw Error(ErrorCode::kBadInput, path, "empty file");
  // PDF: "%PDF-" within the first 1024 bytes (as readers accept).
  if (std::string_view(bytes).substr(0, 1024).find("%PDF-") != std::string_view::npos)
    return InputKind::kPdf;
  if (StartsWith(bytes, "\x89PNG") || StartsWith(bytes, "\xFF\xD8\xFF") ||
      StartsWith(bytes, "II*") || StartsWith(bytes, "MM\0*"))
    return InputKind::kImage;
  throw Error(ErrorCode::kBadInput, path, "not a PDF or a page image (PNG, JPEG, TIFF)");
}

std::string UnicodeToUtf8(const poppler::ustring& u) {
  poppler::byte_array a = u.to_utf8();
  return std::string(a.begin(), a.end());
}

}  // namespace

namespace {

std::string Hex(const unsigned char* digest, unsigned int len) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

}  // namespace

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  return Hex(digest, len);
}

std::string Sha256HexOfFile(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw Error(ErrorCode::kNotFound, path, "cannot open");
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  std::vector<unsigned char> block(1 << 16);
  size_t n = 0;
  while ((n = std::fread(block.data(), 1, block.size(), f.get())) > 0) EVP_DigestUpdate(ctx.get(), block.data(), n);
  if (std::ferror(f.get())) throw Error(ErrorCode::kNotFound, path, "cannot read");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &len);
  return Hex(digest, len);
}

// Splash drawing a page's paths, fills and images but none of its text: a glyph is neither
// drawn nor its font loaded, and a Type 3 font's glyph programs are not run.
class NoTextOutputDev : public SplashOutputDev {
 public:
  using SplashOutputDev::SplashOutputDev;
  bool interpretType3Chars() override { return false; }
  void drawChar(GfxState*, double, double, double, double, double, double, CharCode, int,
                const Unicode*, int) override {}
};

struct Document::Impl {
  std::shared_ptr<const std::string> bytes;
  SourceInfo info;
  std::unique_ptr<poppler::document> pdf;
  // The same bytes opened by Poppler's core, on the first rendering without text (poppler-cpp
  // has initialised Poppler's global parameters by then: `pdf` is open).
  std::unique_ptr<PDFDoc> core;
  PDFDoc& Core() {
    if (!core) {
      core = std::make_unique<PDFDoc>(
          new MemStream(bytes->data(), 0, static_cast<Goffset>(bytes->size()), Object(objNull)));
      if (!core->isOk())
        throw Error(ErrorCode::kBadInput, info.path, "damaged or truncated PDF (cannot be parsed)");
    }
    return *core;
  }
  OpenLimits limits;
  bool tiff = false;

  // A page of an image input, decoded by Leptonica, as 8-bit gray at its resolution. The
  // last page decoded is kept: opening, measuring and rendering a page ask for it in turn (a
  // Document serves one thread).
  PageImage DecodeImage(int page) const {
    if (decoded.page != page || decoded.gray.empty()) decoded = DecodeImageUncached(page);
    PageImage copy = decoded;
    copy.gray = decoded.gray.clone();
    return copy;
  }
  PageImage DecodeImageUncached(int page) const;
  mutable PageImage decoded;  // page 0: none yet

  std::unique_ptr<poppler::page> Page(int page) const {
    if (page < 1 || page > info.pages)
      throw Error(ErrorCode::kInternal, info.path, page, "no such page");
    std::unique_ptr<poppler::page> p(pdf->create_page(page - 1));
    if (!p) throw Error(ErrorCode::kBadInput, info.path, page, "page cannot be read");
    return p;
  }
};

Document::Document(std::shared_ptr<const std::string> bytes, SourceInfo info)
    : impl_(std::make_unique<Impl>()) {
  SilencePoppler();
  impl_->bytes = std::move(bytes);
  impl_->info = std::move(info);
  const std::string& path = impl_->info.path;
  if (impl_->info.kind == InputKind::kImage) {
    OpenImage();
    return;
  }
  impl_->pdf.reset(poppler::document::load_from_raw_data(
      impl_->bytes->data(), static_cast<int>(impl_->bytes->size())));
  if (!impl_->pdf) {
    // poppler answers null both for damaged files and for ones that need a password.
    if (impl_->bytes->find("/Encrypt") != std::string::npos)
      throw Error(ErrorCode::kEncrypted, path, "encrypted PDF (a password is needed)");
    throw Error(ErrorCode::kBadInput, path, "damaged or truncated PDF (cannot be parsed)");
  }
  if (impl_->pdf->is_locked())
    throw Error(ErrorCode::kEncrypted, path, "encrypted PDF (a password is needed)");
  impl_->info.pages = impl_->pdf->pages();
  if (impl_->info.pages <= 0) throw Error(ErrorCode::kBadInput, path, "PDF has no pages");
}

void Document::OpenImage() {
  const std::string& path = impl_->info.path;
  const auto* data = reinterpret_cast<const l_uint8*>(impl_->bytes->data());
  const size_t size = impl_->bytes->size();
  l_int32 format = 0;
  findFileFormatBuffer(data, &format);
  impl_->tiff = format == IFF_TIFF || (format >= IFF_TIFF_PACKBITS && format <= IFF_TIFF_JPEG);
  int pages = 1;
  if (impl_->tiff) {
    FILE* f = fmemopen(const_cast<char*>(impl_->bytes->data()), size, "rb");
    l_int32 n = 0;
    if (f) {
      tiffGetCount(f, &n);
      fclose(f);
    }
    pages = n;
  }
  if (pages <= 0) throw Error(ErrorCode::kBadInput, path, "damaged or truncated image");
  impl_->info.pages = pages;
  // Decode the first page now, so that a damaged file fails here with a clear message.
  impl_->DecodeImage(1);
}

PageImage Document::Impl::DecodeImageUncached(int page) const {
  const auto* data = reinterpret_cast<const l_uint8*>(bytes->data());
  PIX* pix = tiff ? pixReadMemTiff(data, bytes->size(), page - 1) : pixReadMem(data, bytes->size());
  if (!pix) throw Error(ErrorCode::kBadInput, info.path, page, "damaged or truncated image");
  const long long w = pixGetWidth(pix), h = pixGetHeight(pix);
  if (w * h > limits.max_render_pixels) {
    pixDestroy(&pix);
    throw Error(ErrorCode::kTooLarge, info.path, page,
                "image is " + std::to_string(w) + "x" + std::to_string(h) + " pixels, too large");
  }
  PIX* gray = pixGetDepth(pix) == 32 ? pixConvertRGBToLuminance(pix) : pixConvertTo8(pix, 0);
  int xres = pixGetXRes(pix);
  pixDestroy(&pix);
  if (!gray) throw Error(ErrorCode::kBadInput, info.path, page, "image cannot be converted to gray");
  PageImage out;
  out.page = page;
  out.gray.create(static_cast<int>(h), static_cast<int>(w), CV_8UC1);
  const l_int32 wpl = pixGetWpl(gray);
  const l_uint32* base = pixGetData(gray);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = base + static_cast<size_t>(y) * wpl;
    uchar* row = out.gray.ptr<uchar>(y);
    for (int x = 0; x < w; ++x) row[x] = static_cast<uchar>(GET_DATA_BYTE(line, x));
  }
  pixDestroy(&gray);
  // Images often carry no resolution; then assume the page is A4 (297 mm on its long side).
  out.dpi = xres >= 50 && xres <= 2400 ? xres : std::max(w, h) / (297.0 / 25.4);
  return out;
}

Document Document::Open(const std::string& path) {
  auto bytes = std::make_shared<const std::string>(ReadFile(path));
  SourceInfo info;
  info.path = path;
  info.kind = Sniff(path, *bytes);
  info.sha256 = Sha256Hex(*bytes);
  return Document(std::move(bytes), std::move(info));
}

Document Document::Reopen() const { return Document(impl_->bytes, impl_->info); }

Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

const SourceInfo& Document::info() const { return impl_->info; }
int Document::page_count() const { return impl_->info.pages; }

namespace {
// Size of the page as displayed, in points.
std::pair<double, double> DisplayedSize(const poppler::page& p) {
  poppler::rectf r = p.page_rect(poppler::crop_box);
  double w = std::abs(r.width()), h = std::abs(r.height());
  auto o = p.orientation();
  if (o == poppler::page::landscape || o == poppler::page::seascape) std::swap(w, h);
  return {w, h};
}
}  // namespace

double Document::PageWidth(int page) const {
  if (!impl_->pdf) {
    PageImage img = impl_->DecodeImage(page);
    return ToPoints(img.gray.cols, img.dpi);
  }
  return DisplayedSize(*impl_->Page(page)).first;
}
double Document::PageHeight(int page) const {
  if (!impl_->pdf) {
    PageImage img = impl_->DecodeImage(page);
    return ToPoints(img.gray.rows, img.dpi);
  }
  return DisplayedSize(*impl_->Page(page)).second;
}

std::string Document::InfoKey(const std::string& key) const {
  if (!impl_->pdf) return "";
  return UnicodeToUtf8(impl_->pdf->info_key(key));
}

PageImage Document::Render(int page, double dpi, Drawn drawn) const {
  if (!impl_->pdf) return impl_->DecodeImage(page);  // an image is its own rendering
  auto p = impl_->Page(page);
  const std::string& path = impl_->info.path;
  auto [w, h] = DisplayedSize(*p);
  if (!(w > 1 && h > 1)) throw Error(ErrorCode::kBadInput, path, page, "page has no size");
  if (w > impl_->limits.max_page_points || h > impl_->limits.max_page_points)
    throw Error(ErrorCode::kTooLarge, path, page,
                "page is " + std::to_string(static_cast<int>(w)) + "x" +
                    std::to_string(static_cast<int>(h)) + " pt, larger than a PDF page may be");
  const double px = (w * dpi / 72.0) * (h * dpi / 72.0);
  if (px > static_cast<double>(impl_->limits.max_render_pixels))
    dpi *= std::sqrt(static_cast<double>(impl_->limits.max_render_pixels) / px);

  PageImage out;
  if (drawn == Drawn::kSkipText) {
    // As poppler-cpp's page_renderer draws gray8 with vector antialiasing (below), on white.
    SplashColor paper;
    paper[0] = 0xFF;
    NoTextOutputDev device(splashModeMono8, 4, false, paper, true, splashThinLineDefault);
    device.setVectorAntialias(true);
    PDFDoc& core = impl_->Core();
    device.startDoc(&core);
    core.displayPageSlice(&device, page, dpi, dpi, 0, false, true, false, -1, -1, -1, -1, nullptr,
                          nullptr, nullptr, nullptr, true);
    SplashBitmap* bitmap = device.getBitmap();
    if (!bitmap || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0)
      throw Error(ErrorCode::kBadInput, path, page, "page cannot be rendered");
    cv::Mat view(bitmap->getHeight(), bitmap->getWidth(), CV_8UC1, bitmap->getDataPtr(),
                 static_cast<size_t>(bitmap->getRowSize()));
    out.gray = view.clone();
  } else {
    poppler::page_renderer renderer;
    renderer.set_render_hints(poppler::page_renderer::antialiasing |
                              poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image img = renderer.render_page(p.get(), dpi, dpi);
    if (!img.is_valid()) throw Error(ErrorCode::kBadInput, path, page, "page cannot be rendered");
    cv::Mat view(img.height(), img.width(), CV_8UC1, img.data(), img.bytes_per_row());
    out.gray = view.clone();
  }
  out.dpi = dpi;
  out.page = page;
  return out;
}

std::vector<Word> Document::TextLayer(int page) const {
  if (!impl_->pdf) return {};
  auto p = impl_->Page(page);
  std::vector<Word> words;
  for (const poppler::text_box& tb : p->text_list()) {
    Word w;
    w.text = UnicodeToUtf8(tb.text());
    if (w.text.empty()) continue;
    poppler::rectf r = tb.bbox();
    w.box = {r.left(), r.top(), r.right(), r.bottom()};
    // One box per code point (poppler counts glyphs as code points for these scripts).
    size_t n = 0;
    for (unsigned char c : w.text) n += (c & 0xC0) != 0x80;
    w.chars.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      poppler::rectf c = tb.char_bbox(i);
      w.chars.push_back({c.left(), c.top(), c.right(), c.bottom()});
    }
    w.space_after = tb.has_space_after();
    w.source = WordSource::kTextLayer;
    words.push_back(std::move(w));
  }
  return words;
}

}  // namespace jixiao
