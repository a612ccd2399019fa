// Cutting ink into text lines: rule remnants and specks out, then bands of rows that hold
// ink, each cropped tight to its ink. All images are CV_8UC1 ink masks (ink 255, paper 0)
// and all lengths are pixels of the image; `em` is the expected glyph height in pixels.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace jixiao::ocr {

// Tuning of the functions below. Lengths are in `em` (the glyph height of the region's text,
// pixels), so the same options serve a 200 dpi and a 300 dpi scan; areas in em² (`_em2`);
// `_line` lengths are multiples of the region's line height, `_share` values are shares.
struct LineOptions {
  // RemoveRules. A horizontal run is a rule from rule_h_share of the crop's width on, but the
  // length asked is never shorter than rule_min_h_em (a glyph's long stroke: 一, 二) nor longer
  // than rule_max_em (a short rule of a narrow cell); a vertical one from rule_v_share of the
  // crop's height, at least rule_min_v_em.
  double rule_h_share = 0.5;
  double rule_v_share = 0.6;
  double rule_min_h_em = 1.6;
  double rule_min_v_em = 1.3;
  double rule_max_em = 4;
  // A rule is at most this thick (and 3 px): a stroke of a glyph crossing it is deeper and
  // stays.
  double rule_thickness_em = 0.2;

  // RemoveSpecks. A component is a glyph (or a solid part of one) from this area or this
  // side on (and 6 px², 3 px); a smaller one belongs to a line only within speck_reach_em of
  // one (a dot, a comma, a full stop), and goes otherwise.
  double glyph_min_area_em2 = 0.035;
  double glyph_min_side_em = 0.3;
  double speck_reach_em = 0.7;

  // RemoveBorderDebris. What lies within border_near_em of a cell crop's border (a rule's
  // edge the crop cut off) goes when it is thin across the border (border_thin_em, and 2 px),
  // small and touching it (border_small_em2, and 6 px²), the stub of a crossing rule
  // (thin, at most border_stub_em long), or a corner: sparse in a box of at most
  // border_corner_em a side (ink below border_corner_fill_share of it), or a hairline L
  // touching the border (area at most border_hairline_em times its width plus height).
  double border_near_em = 0.15;
  double border_thin_em = 0.2;
  double border_small_em2 = 0.05;
  double border_stub_em = 1.5;
  double border_corner_em = 0.6;
  double border_corner_fill_share = 0.25;
  double border_hairline_em = 0.07;

  // FindLines: bands. A band lower than thin_band_em within near_band_em of the next joins
  // it (the bars of 二 or = on rows of their own, a mark's tail) while the two together are no
  // higher than joined_band_max_em.
  double thin_band_em = 0.45;
  double near_band_em = 0.3;
  double joined_band_max_em = 1.6;
  // A band taller than tall_band_line lines is cut at its emptiest row at least
  // split_margin_line of a line from either end, when that row holds at most
  // split_valley_share of the band's median row ink.
  double tall_band_line = 1.5;
  double split_margin_line = 0.6;
  double split_valley_share = 0.2;
  // A component overlapping more than this share of two bands' heights lies across both
  // (wrapped lines that touch) and is cut between them; else it goes to the band nearest its
  // centre, if that is within component_reach_em.
  double across_band_share = 0.25;
  double component_reach_em = 0.3;
  // Lines outside tables: a band is also cut where inks are more than this many band heights
  // apart (at least split_min_band_em of height counted), so that text at the left and right
  // of one baseline are separate lines. (ReadScannedPage passes it as `split_gap_em`.)
  double text_split_gap_band = 2.5;
  double split_min_band_em = 0.6;

  // FindLines: lines that are no text. Less ink than min_line_ink_em2 (and 4 px); a speck or
  // blot lower than speck_line_line of the region's lines (speck_line_em when that is not
  // known), with less ink than speck_line_em2 and narrower than speck_line_width_em; up to
  // max_rule_pieces strokes of rules, each flat or upright: at most rule_piece_em thick and
  // rule_piece_aspect times as long.
  double min_line_ink_em2 = 0.02;
  double speck_line_line = 0.45;
  double speck_line_em = 0.4;
  double speck_line_em2 = 0.1;
  double speck_line_width_em = 0.6;
  int max_rule_pieces = 3;
  double rule_piece_em = 0.2;
  int rule_piece_aspect = 3;

  // FindLines: what is no text at a line's ends. A tiny speck (at most end_tiny_em a side,
  // end_tiny_em2 of ink) alone, and end_tiny_gap_em apart or above the line's middle; a
  // small mark (end_small_em, end_small_em2) alone that begins the line end_tiny_gap_em
  // apart, or ends it end_small_gap_end_em apart; a small or thin piece (end_thin_w_em wide or
  // end_thin_h_em high) end_far_gap_em apart; a sparse stroke (ink below
  // end_sparse_fill_share of its box and end_sparse_em2) end_sparse_gap_em apart. Two tiny
  // marks within end_pair_dx_em across and end_pair_dy_em up or down are a pair (the strokes of
  // a quotation mark, a colon's dots) and stay.
  double end_tiny_em = 0.18;
  double end_tiny_em2 = 0.025;
  double end_small_em = 0.3;
  double end_small_em2 = 0.05;
  double end_thin_w_em = 0.2;
  double end_thin_h_em = 0.15;
  double end_pair_dx_em = 0.25;
  double end_pair_dy_em = 0.35;
  double end_tiny_gap_em = 0.15;
  double end_small_gap_end_em = 0.35;
  double end_far_gap_em = 1.0;
  double end_sparse_fill_share = 0.12;
  double end_sparse_em2 = 0.1;
  double end_sparse_gap_em = 0.5;
};

// The glyph height (pixels) assumed for body text at `dpi` before any text is measured:
// 10.5 pt, the usual size of table and body text.
inline double DefaultEm(double dpi) { return dpi * 10.5 / 72.0; }

// Clears straight strokes much longer than a glyph: the rules around (and any rule through)
// a cell crop. Horizontal runs of at least clamp(width/2, 1.6 em, 4 em) pixels and vertical
// runs of at least clamp(height*0.6, 1.3 em, 4 em) pixels go (LineOptions::rule_*).
void RemoveRules(cv::Mat& ink, double em, const LineOptions& options = {});

// Clears specks: components too small to be a glyph (or a glyph's dot) that are also too
// far from any larger ink to belong to a line of text.
void RemoveSpecks(cv::Mat& ink, double em, const LineOptions& options = {});

// Clears what the rules leave at the edges of a cell crop: components within 0.15 em of
// the crop's border that are thin (at most 0.2 em across the border), stubs of crossing
// rules (short strokes leaving the border), sparse corners, or small and touching it
// (LineOptions::border_*).
void RemoveBorderDebris(cv::Mat& ink, double em, const LineOptions& options = {});

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
                               double line_height = 0, const LineOptions& options = {});

// The typical height (pixels) of one line among bands of these heights: their median (the
// upper one of an even count); 0 when `heights` is empty.
double TypicalLineHeight(std::vector<int> heights);

}  // namespace jixiao::ocr
