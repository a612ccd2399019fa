// Opening an input (PDF, or PNG/JPEG/TIFF page images) and reading its pages: rendering and the text layer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/types.h"

namespace jixiao {

enum class InputKind { kPdf, kImage };

struct SourceInfo {
  std::string path;
  std::string sha256;  // of the file's bytes, lowercase hex
  int pages = 0;
  InputKind kind = InputKind::kPdf;
};

// Limits that keep a hostile or broken file from exhausting memory.
struct OpenLimits {
  double max_page_points = 14400;  // the PDF maximum user-unit page side (200 in)
  long long max_render_pixels = 120'000'000;
};

// An opened input. Pages count from 1. Not thread-safe: each worker thread opens its own
// Document (Reopen() shares the file's bytes, not the parser).
class Document {
 public:
  // Throws Error (kNotFound, kBadInput, kEncrypted) when the file cannot be read at all.
  static Document Open(const std::string& path);
  Document Reopen() const;
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  const SourceInfo& info() const;
  int page_count() const;
  // The page as displayed (rotation applied), in points.
  double PageWidth(int page) const;
  double PageHeight(int page) const;
  // Metadata of the PDF's Info dictionary (empty when absent).
  std::string InfoKey(const std::string& key) const;

  // What a rendering draws.
  enum class Drawn {
    kAll,       // the page as a reader sees it
    kSkipText,  // everything but the text (rules, fills, images): what a digital page's grids
                // are found in, its text coming from the text layer. Text is most of a
                // page's rendering time (a Type 3 font runs a program for every glyph).
  };

  // Renders a page to gray at `dpi` (rotation applied). Throws Error with the page number
  // when the page cannot be rendered or is larger than OpenLimits allow. An image input
  // gives its page at the image's own resolution, whatever `dpi` asks.
  PageImage Render(int page, double dpi, Drawn drawn = Drawn::kAll) const;

  // The words of the page's text layer, boxes in points on the page as displayed.
  // Empty for a page without one.
  std::vector<Word> TextLayer(int page) const;

 private:
  struct Impl;
  explicit Document(std::shared_ptr<const std::string> bytes, SourceInfo info);
  void OpenImage();
  std::unique_ptr<Impl> impl_;
};

// SHA-256 of bytes, and of a file read in blocks (Error kNotFound when it cannot be read),
// lowercase hex.
std::string Sha256Hex(const std::string& bytes);
std::string Sha256HexOfFile(const std::string& path);

}  // namespace jixiao
