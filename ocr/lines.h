// Cutting ink into text lines: rule remnants and specks out, then bands of rows that hold
// ink, each cropped tight to its ink. All images are CV_8UC1 ink masks (ink 255, paper 0)
// and all lengths are pixels of the image; `em` is the expected glyph height in pixels.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace jixiao::ocr {

// The glyph height (pixels) assumed for body text at `dpi` before any text is measured:
// 10.5 pt, the usual size of table and body text.
inline double DefaultEm(double dpi) { return dpi * 10.5 / 72.0; }

// Clears straight strokes much longer than a glyph: the rules around (and any rule through)
// a cell crop. Horizontal runs of at least clamp(width/2, 1.6 em, 4 em) pixels and vertical
// runs of at least clamp(height*0.6, 1.3 em, 4 em) pixels go.
void RemoveRules(cv::Mat& ink, double em);

// Clears specks: components too small to be a glyph (or a glyph's dot) that are also too
// far from any larger ink to belong to a line of text.
void RemoveSpecks(cv::Mat& ink, double em);

// Clears what the rules leave at the edges of a cell crop: components within 0.15 em of
// the crop's border that are thin (at most 0.2 em across the border), stubs of crossing
// rules (short strokes leaving the border), sparse corners, or small and touching it.
void RemoveBorderDebris(cv::Mat& ink, double em);

// Lines of text in `ink`, top to bottom: bands of rows holding ink (a thin band next to a
// line, such as the lower bar of a character alone on the row, joins that line), each
// narrowed to its ink. Connected components go whole to the band that holds their centre,
// so lines' boxes may overlap where wrapped lines touch; each line's mask holds only its
// own. With `split_gap_em` > 0, a band is also cut where a horizontal gap between inks is
// wider than that many band heights, so that text at the left and right of one baseline
// are separate lines. Lines of one speck, and specks at a line's ends, are dropped.
// `line_height` (pixels, 0 = unknown) is the height of one line of the region's text: a band
// much taller than that is cut at its clear valleys, where wrapped lines touched (blur, a
// tall glyph) and left no empty row between them.
struct InkLine {
  cv::Rect box;  // pixels of the ink image
  cv::Mat mask;  // box-sized, CV_8UC1: 255 where the ink is this line's own
};
std::vector<InkLine> FindLines(const cv::Mat& ink, double em, double split_gap_em = 0,
                               double line_height = 0);

// The typical height (pixels) of one line among bands of these heights: the median of those
// not taller than 1.3 times the smallest common height; 0 when `heights` is empty.
double TypicalLineHeight(std::vector<int> heights);

}  // namespace jixiao::ocr
