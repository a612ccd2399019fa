// Scanned pages as scanners deliver them -> upright, straight, clean pages.
#pragma once

#include <string>

#include <opencv2/core.hpp>

#include "core/types.h"

namespace jixiao {

// Tuning of Prepare. Lengths are in millimetres of the page (`_mm`, `_mm2` for areas) or in
// `em`, the page's character height, so that the same options serve any resolution; gray
// levels are of the 8-bit page (`_gray`); ratios to the paper's brightness (RatioToBackground,
// paper = 200) are `_ratio`; `_share` values are shares.
struct PrepareOptions {
  bool detect_orientation = true;  // 90/180/270 turns (Tesseract OSD or own evidence)
  double max_skew_degrees = 6.0;   // 0 (or less) disables deskewing
  // Own evidence first (text-line direction, where punctuation sits in its line); Tesseract
  // OSD is asked only when that evidence is weak, and its answer is taken only when its
  // confidence reaches osd_min_confidence.
  bool use_osd = true;
  double osd_min_confidence = 0.5;
  bool flatten_background = true;  // divide by the paper's brightness, stretch ink to black
  bool remove_specks = true;       // isolated specks leave `binary` (and `image`)
  // Skews smaller than this (degrees) are not resampled away: the rotation would only blur.
  double min_rotation_degrees = 0.02;
  // The folder of Tesseract's osd.traineddata; empty: Tesseract's own default
  // (TESSDATA_PREFIX, else where it was installed). ReadScannedPage passes
  // OcrOptions::tessdata.
  std::string tessdata;

  // 1. Estimation (text direction, skew, character height) runs on a copy at this dpi: the
  // shapes it needs are large, and it costs a quarter of a 200 dpi page.
  double work_dpi = 100;

  // The paper's brightness: the page at background_dpi, its ink closed away by a disc of
  // background_closing_mm (larger than any character), smoothed by background_blur_mm
  // (Gaussian sigma). Never darker than background_floor_gray: a black scanner border is
  // no paper to divide by.
  double background_dpi = 25;
  double background_closing_mm = 7.0;
  double background_blur_mm = 2.0;
  int background_floor_gray = 32;

  // Tone of the page divided by its paper (ratio units, paper near 200):
  // - paper: the most frequent ratio from tone_min_paper_ratio up; its noise, the spread above
  //   it, at most tone_max_noise_share of the paper;
  // - ink: the tone_ink_percentile of the pixels at least tone_ink_noise spreads darker than
  //   the paper and darker than tone_ink_share of it, when there are tone_min_ink_px of them
  //   (else 0); never above tone_max_ink_share of the paper. It maps to black;
  // - white: tone_white_noise spreads below the paper, at least tone_min_white_share of it:
  //   the paper's noise goes to white, faint strokes stay;
  // - binary level: tone_binary_share of the way from the ink to the paper's low edge
  //   (tone_edge_noise spreads below the paper, at least tone_min_white_share of it).
  int tone_min_paper_ratio = 96;
  double tone_max_noise_share = 0.12;
  double tone_ink_noise = 6;
  double tone_ink_share = 0.7;
  double tone_min_ink_px = 200;
  double tone_ink_percentile = 0.2;
  double tone_max_ink_share = 0.45;
  double tone_white_noise = 2;
  double tone_min_white_share = 0.75;
  double tone_edge_noise = 1.5;
  double tone_binary_share = 0.84;

  // Ink of the working copy, for the estimates: ratios more than work_ink_noise spreads below
  // the paper, and below work_ink_share of it.
  double work_ink_noise = 5;
  double work_ink_share = 0.8;
  // Its components: up to work_speck_mm a side they are specks (no evidence); from
  // work_large_mm a side on, rules and frames (the skew's evidence) when their ink fills
  // less than work_rule_fill_share of their box, else blobs (pictures, stamps: none); text
  // between.
  double work_speck_mm = 0.5;
  double work_large_mm = 12;
  double work_rule_fill_share = 0.35;

  // 2. The text direction is looked for (and the page turned upright) when the text has at
  // least this many ink pixels on the working copy; fewer say nothing.
  double min_text_px = 200;

  // The character height (em): the em_percentile of the heights of components between
  // em_min_mm and em_max_mm high and at most em_max_width_mm wide; em_default_mm (10.5 pt)
  // when fewer than five are.
  double em_min_mm = 1.5;
  double em_max_mm = 12;
  double em_max_width_mm = 15;
  double em_percentile = 0.75;
  double em_default_mm = 3.7;

  // 4. The binary: the flattened page smoothed by binary_blur_px_at_200dpi (Gaussian sigma,
  // ~0.09 mm) against noise, ink below the tone's binary level kept within
  // binary_min_gray..binary_max_gray of the flattened page.
  double binary_blur_px_at_200dpi = 0.7;
  double binary_min_gray = 128;
  double binary_max_gray = 250;
  // Hairline rules too faint for that level: averaged along faint_rule_mm of their direction
  // no lighter than faint_rule_gray, on paper (faint_rule_side_px_at_200dpi to either side)
  // at least faint_rule_paper_gray, the pixel itself darker than faint_rule_pixel_gray.
  double faint_rule_mm = 2.0;
  double faint_rule_side_px_at_200dpi = 2;
  int faint_rule_gray = 240;
  int faint_rule_paper_gray = 245;
  int faint_rule_pixel_gray = 250;

  // Specks (FindSpecks): tiny ones, below speck_tiny_mm2 (2 px at 200 dpi: no part of a
  // character is so small), anywhere; small ones (at most speck_small_mm across and
  // speck_small_mm2 of ink: a period, a dot stroke) with no character or rule (from
  // speck_near_ink_mm2 of ink) within speck_reach_mm, unless speck_row_marks more small marks
  // are that near (a row of dots). A speck larger than speck_halo_mm a side is whitened in
  // the image with a pixel around it.
  double speck_tiny_mm2 = 0.04;
  double speck_small_mm = 1.2;
  double speck_small_mm2 = 0.6;
  double speck_reach_mm = 2.0;
  double speck_near_ink_mm2 = 0.12;
  int speck_row_marks = 2;
  double speck_halo_mm = 0.4;

  // 5. Upright or upside down, by punctuation (CountPunctuation). Strokes of the line around
  // a mark: components punct_stroke_min_em..punct_stroke_max_em high, at most
  // punct_stroke_max_width_em wide, level with the mark (within punct_slack_em) and within
  // punct_reach_em of it, punct_min_strokes of them, their line at least punct_min_line_em
  // high. Marks: punct_mark_min_em..punct_mark_max_em a side, punct_mark_min_px of ink, with
  // no twin within punct_twin_gap_em beside them (a quotation mark's). A mark in the lowest
  // part of its line (its centre below punct_low_share of the line's height) with nothing
  // above it (punct_clear_side_em either side, down to punct_clear_margin_em above the mark)
  // votes upright; one above punct_high_share with nothing below, upside down.
  double punct_stroke_min_em = 0.55;
  double punct_stroke_max_em = 1.6;
  double punct_stroke_max_width_em = 3;
  double punct_mark_min_em = 0.06;
  double punct_mark_max_em = 0.4;
  int punct_mark_min_px = 3;
  double punct_reach_em = 1.5;
  double punct_slack_em = 0.15;
  size_t punct_min_strokes = 2;
  double punct_min_line_em = 0.5;
  double punct_twin_gap_em = 0.35;
  double punct_low_share = 0.7;
  double punct_high_share = 0.3;
  double punct_clear_margin_em = 0.05;
  double punct_clear_side_em = 0.1;
  // The votes decide when one side has min_vote_margin more and min_vote_ratio times as many.
  int min_vote_margin = 3;
  int min_vote_ratio = 3;
  // OSD may turn the page by a quarter only when the text direction was a close call (its
  // measure, log of row versus column elongation, nearer 0 than this).
  double osd_quarter_turn_direction = 0.3;
  // Neither says much: the marks decide when one side has guess_vote_margin more (votes,
  // count). One mark is not evidence: a speck beside a stroke, a piece of a seal or a fold
  // line's dot votes as a comma does (a scanned list page turned over on 0 votes to 1).
  int guess_vote_margin = 2;
  // Else upside down when the ink's centre lies below this share of the page (title pages,
  // contents, notes start at the top of the sheet).
  double upside_down_ink_share = 0.6;
};

// Where the page's answer for `orientation` came from.
enum class OrientationSource {
  kNone,    // not asked (option off, degenerate or blank page): 0
  kLayout,  // text-line direction and punctuation positions
  kOsd,     // Tesseract's orientation detection
  kGuess,   // weak evidence both ways; the likelier of what was seen
};

struct PreparedPage {
  // Upright and deskewed, background flattened to white (255), same dpi as the scan.
  // Boxes found on it are the page's boxes (points = px * 72 / dpi).
  PageImage image;
  cv::Mat binary;  // CV_8UC1, same size, ink = 255, paper = 0, specks removed
  // The rotation that was removed, degrees, counterclockwise as displayed (the scan's content
  // was turned by this much; cv::getRotationMatrix2D's sign). Within +-max_skew_degrees.
  double skew_degrees = 0;
  // 0, 90, 180 or 270: the turn that was undone, clockwise as displayed (as Tesseract's
  // DetectOrientationScript reports it): 90 means the scan's text reads top to bottom and
  // Prepare turned it 90 degrees counterclockwise.
  int orientation = 0;
  OrientationSource orientation_source = OrientationSource::kNone;
  // Scan pixel (x, y, 1) -> pixel of `image`: orientation turn and skew rotation together.
  cv::Matx23d transform = cv::Matx23d(1, 0, 0, 0, 1, 0);
};

// Never throws on odd input: an empty, tiny (< 32 px a side) or non-8-bit image comes back
// unchanged (gray converted to CV_8UC1 when it had 3 or 4 channels), skew 0, orientation 0.
PreparedPage Prepare(const PageImage& scan, const PrepareOptions& options = {});

}  // namespace jixiao
