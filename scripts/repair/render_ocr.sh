#!/usr/bin/env bash
# render_ocr.sh PAGE.txt SEED LANGS   -> PAGE.png, PAGE.eng.txt (and PAGE.kaz.txt if LANGS has kaz)
# Renders clean text with pango-view in a font/size/weight chosen from SEED, degrades it like a scan with
# ImageMagick (/usr/bin/convert, not the stand-in first on PATH), and OCRs it with tesseract.
set -euo pipefail
page=$1; seed=$2; langs=${3:-eng}
base=${page%.txt}
CONVERT=/usr/bin/convert
fonts=("Nimbus Roman" "Liberation Serif" "Liberation Serif" "C059" "DejaVu Serif" "Nimbus Roman" "DejaVu Sans" "Nimbus Sans" "Liberation Serif" "C059" "P052" "Liberation Sans" "DejaVu Serif Condensed" "Nimbus Sans Narrow")
bigfonts=("Liberation Serif" "Liberation Serif" "Nimbus Roman" "C059" "DejaVu Serif")
weights=("" "" "" "Bold" "" "Semi-Bold" "")
sizes=(10 11 12 12 13 14)
dpis=(72 96 110 120 150 150 200 300)
blurs=(0.3 0.5 0.6 0.8 1.0 1.5)
r() { echo $(( (seed * 2654435761 + $1 * 40503) % 1000003 % $2 )); }
font=${fonts[$(r 1 ${#fonts[@]})]}; weight=${weights[$(r 2 ${#weights[@]})]}
size=${sizes[$(r 3 ${#sizes[@]})]}; dpi=${dpis[$(r 4 ${#dpis[@]})]}; blur=${blurs[$(r 5 ${#blurs[@]})]}
rot=$(( $(r 6 9) - 4 ))
noise=$(r 7 4); thr=$(r 8 4)
big=$(r 10 4)
if [ "$big" -lt 2 ]; then
  # large glyphs (400-600 dpi, no down-scaling): small-caps-like Cyrillic (к м т н и л п ш) reads as capitals
  font=${bigfonts[$(r 11 ${#bigfonts[@]})]}; dpi=$(( 400 + 100 * $(r 12 3) )); scale=100
else
  scale=$(( 30000 / dpi ))
fi
pango-view --font="$font $weight $size" --dpi=$dpi --margin=40 --width=$(( 470 + $(r 9 60) )) -q -o "$base.raw.png" "$page"
args=(-colorspace gray -resize "${scale}%" -rotate "0.$rot" -background white -flatten -blur "0x$blur")
if [ "$noise" -gt 0 ]; then args+=(-attenuate "0.$noise" +noise Gaussian); fi
if [ "$thr" -eq 0 ]; then args+=(-threshold 60%); elif [ "$thr" -eq 1 ]; then args+=(-threshold 50%); fi
$CONVERT "$base.raw.png" "${args[@]}" "$base.png"
rm -f "$base.raw.png"
echo "$font $weight $size dpi=$dpi scale=$scale blur=$blur rot=0.$rot noise=$noise thr=$thr" > "$base.params"
for l in $langs; do
  OMP_THREAD_LIMIT=1 tesseract "$base.png" - -l "$l" 2>/dev/null > "$base.$l.txt"
done
