#!/bin/sh
# Renders the line images of tests/ocr_test.cc: text of our own, in fonts from Debian
# packages (fonts-arphic-uming, fonts-noto-cjk, fonts-urw-base35), at the size a 10.5 pt
# line has in a 200 dpi scan (29 px em), lightly blurred like a scan. Needs ImageMagick.
# Run from this folder: ./make_fixtures.sh
set -e
UMING=/usr/share/fonts/truetype/arphic/uming.ttc
SERIF=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
SANS=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
SANS_BOLD=/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
MONO=/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf
render() {  # FILE FONT TEXT [extra convert options]
  out=$1; font=$2; text=$3; shift 3
  convert -background white -fill black -font "$font" -density 72 -pointsize 29 "$@" \
    label:"$text" -bordercolor white -border 6 -blur 0x0.6 -colorspace Gray -depth 8 "$out"
}
render op_ge_uming.png "$UMING" "≥95%"
render op_ge_serif.png "$SERIF" "≥90%"
render op_le_sans.png "$SANS" "≤预算控制数"
render op_le_uming.png "$UMING" "≤15个工作日"
render op_eq_uming.png "$UMING" "=120 人"
render op_lt_serif.png "$SERIF" "<0.6%"
render plain_2021.png "$SERIF" "2021年"
render plain_zhi.png "$UMING" "之后完成"
render plain_er.png "$SANS" "二级指标"
render code_mono.png "$MONO" "415-2203-JBN-7RKW"
render number_mono.png "$MONO" "1200.50"
render bold_header.png "$SANS_BOLD" "绩效指标描述"
render wrapped_cell.png "$UMING" "统筹区级预算资
金" -interline-spacing -6
# Lines for the document lexicon: a faded line read as 工程蔬算 (printed 工程预算), and one that
# really prints the rarer 蔬 (蔬菜配送).
render lexicon_yusuan.png "$UMING" "工程预算" -blur 0x1.2
render lexicon_shucai.png "$UMING" "蔬菜配送"
# A word no page of its document prints clearly: 营养膳食 (chi_sim takes 膳 for 腾).
render lexicon_shanshi.png "$UMING" "营养膳食供给"
# lexicon_shanshi_scan.png is not rendered here: it is the 养膳食 of 营养膳食 cut from an
# archive-profile scan of samples/jiaoyu-2021/digital.pdf (scan-sim, seed 37), as the document
# lexicon kept it, 200 dpi. chi_sim reads 腾 there, and still 腾 when allowed 膳 as well.
# lexicon_shuliang_scan.png, likewise not rendered: the 校数量 of 学校数量 cut from the same scan's
# page 10 (a table cell, 200 dpi, gray, as scanned). chi_sim reads 校数最 there at 0.975; the
# second line recognizer (ocr/line_net.h) reads 校数量.
# code_scan.png, likewise: the project code 207-0505-JBN-X5CA cut from the same scan's page 11
# (200 dpi), then blurred (Gaussian, sigma 1.5 px) and stretched to white paper, as a fainter
# copy prints it. The English model reads X5CA there as XSCA; the second line recognizer reads 5.
# digits_scan.png, likewise not rendered: a goals line of samples/tianbao-2022/scan-archive.pdf
# (a table cell, 200 dpi, as the line reader is given it: what is not its ink white). chi_sim
# reads 4.2‰ as 4.%o and 90% as 9%; the second line recognizer reads both (ocr.digit_recheck).
# op_speck_scan.png, likewise: the value cell ≥90(%) of the same scan with a speck above its
# left, which chi_sim reads as “ >90(%); the second line recognizer reads ≥.
