// A document's pages as PNG images for the desk, rendered from its source file.
#pragma once

#include <string>
#include <vector>

namespace jixiao::desk {

struct PagePng {
  std::string png;  // the PNG file's bytes (gray)
  double dpi = 0;   // pixels per inch: a box in points times dpi / 72 is in pixels
};

// The resolution pages are shown at: enough to read a cell's text beside its box, small enough
// for a page to arrive at once (a gray A4 page at 110 dpi is about 150 kB of PNG).
inline constexpr double kPageDpi = 110;

// Page `page` (1-based) of the file at `path`, rendered at `dpi` (an image input: at its own
// resolution). Throws Error: kNotFound naming the path when the file is gone; kBadInput when
// the file is no longer the document with `sha256` (when given) or has no such page.
PagePng RenderPagePng(const std::string& path, int page, double dpi,
                      const std::string& sha256 = "");
// Every page of the file.
std::vector<PagePng> RenderPages(const std::string& path, double dpi);

}  // namespace jixiao::desk
