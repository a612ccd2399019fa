// A document's pages as PNG images for the desk, rendered from its source file.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace jixiao::desk {

struct PagePng {
  std::string png;  // the PNG file's bytes (gray)
  double dpi = 0;   // pixels per inch: a box in points times dpi / 72 is in pixels
  // The ruled tables found on the rendered page (layout/grid.h FindGrids), in points:
  // [{"box": [x0, y0, x1, y1], "cells": [[x0, y0, x1, y1], …]}, …]. A scan's are found on the
  // page as scanned (the fields' boxes are on the page made upright), so they may sit a little
  // off them.
  nlohmann::ordered_json grids = nlohmann::ordered_json::array();
};

// The resolution pages are shown at: enough to read a cell's text beside its box, small enough
// for a page to arrive at once (a gray A4 page at 110 dpi is about 150 kB of PNG).
inline constexpr double kPageDpi = 110;

// Page `page` (1-based) of the file at `path`, rendered at `dpi` (an image input: at its own
// resolution). Throws Error: kNotFound naming the path when the file is gone; kBadInput when
// the file is no longer the document with `sha256` (when given) or has no such page.
// `with_grids`: find the page's ruled tables too.
PagePng RenderPagePng(const std::string& path, int page, double dpi, const std::string& sha256 = "",
                      bool with_grids = false);
// Every page of the file, with its grids.
std::vector<PagePng> RenderPages(const std::string& path, double dpi);

}  // namespace jixiao::desk
