#include "desk/pages.h"

#include <opencv2/imgcodecs.hpp>

#include "core/error.h"
#include "extract/document.h"
#include "layout/grid.h"

namespace jixiao::desk {

namespace {

nlohmann::ordered_json BoxJson(const Box& b) {
  return {b.x0, b.y0, b.x1, b.y1};
}

PagePng Encode(const PageImage& image, bool with_grids) {
  std::vector<unsigned char> bytes;
  if (!cv::imencode(".png", image.gray, bytes))
    throw Error(ErrorCode::kInternal, "", image.page, "the page could not be written as PNG");
  PagePng png;
  png.png.assign(bytes.begin(), bytes.end());
  png.dpi = image.dpi;
  if (with_grids) {
    for (const Grid& g : FindGrids(image)) {
      nlohmann::ordered_json cells = nlohmann::ordered_json::array();
      for (const GridCell& c : g.cells) cells.push_back(BoxJson(c.box));
      png.grids.push_back({{"box", BoxJson(g.box)}, {"cells", std::move(cells)}});
    }
  }
  return png;
}

}  // namespace

PagePng RenderPagePng(const std::string& path, int page, double dpi, const std::string& sha256,
                      bool with_grids) {
  const Document doc = Document::Open(path);
  if (!sha256.empty() && doc.info().sha256 != sha256)
    throw Error(ErrorCode::kBadInput, path,
                "the file is no longer the document imported (its bytes changed)");
  if (page < 1 || page > doc.page_count())
    throw Error(ErrorCode::kBadInput, path,
                "no page " + std::to_string(page) + " (the document has " +
                    std::to_string(doc.page_count()) + ")");
  return Encode(doc.Render(page, dpi), with_grids);
}

std::vector<PagePng> RenderPages(const std::string& path, double dpi) {
  const Document doc = Document::Open(path);
  std::vector<PagePng> pages;
  for (int p = 1; p <= doc.page_count(); ++p) pages.push_back(Encode(doc.Render(p, dpi), true));
  return pages;
}

}  // namespace jixiao::desk
