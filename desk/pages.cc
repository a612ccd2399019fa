#include "desk/pages.h"

#include <opencv2/imgcodecs.hpp>

#include "core/error.h"
#include "extract/document.h"

namespace jixiao::desk {

namespace {

PagePng Encode(const PageImage& image) {
  std::vector<unsigned char> bytes;
  if (!cv::imencode(".png", image.gray, bytes))
    throw Error(ErrorCode::kInternal, "", image.page, "the page could not be written as PNG");
  return PagePng{std::string(bytes.begin(), bytes.end()), image.dpi};
}

}  // namespace

PagePng RenderPagePng(const std::string& path, int page, double dpi, const std::string& sha256) {
  const Document doc = Document::Open(path);
  if (!sha256.empty() && doc.info().sha256 != sha256)
    throw Error(ErrorCode::kBadInput, path,
                "the file is no longer the document imported (its bytes changed)");
  if (page < 1 || page > doc.page_count())
    throw Error(ErrorCode::kBadInput, path,
                "no page " + std::to_string(page) + " (the document has " +
                    std::to_string(doc.page_count()) + ")");
  return Encode(doc.Render(page, dpi));
}

std::vector<PagePng> RenderPages(const std::string& path, double dpi) {
  const Document doc = Document::Open(path);
  std::vector<PagePng> pages;
  for (int p = 1; p <= doc.page_count(); ++p) pages.push_back(Encode(doc.Render(p, dpi)));
  return pages;
}

}  // namespace jixiao::desk
