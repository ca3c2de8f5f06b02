#!/usr/bin/env bash
# compare.sh A B: compares two captures, ignoring each one's own directory name and the random
# clip-path ids in SVG charts; prints IDENTICAL or the first differences.
A=$(readlink -f "$1"); B=$(readlink -f "$2")
dump() { cd "$1" && for f in $(find . -type f ! -name '*.png' | sort); do echo "== $f"; sed -E "s#$1#OUT#g; s#_[0-9]+clip#_Nclip#g" "$f"; done; }
d=$(mktemp)
if diff <(dump "$A") <(dump "$B") > "$d"; then echo IDENTICAL; else cut -c1-300 "$d" | head -40; echo "... $(grep -c '^[<>]' "$d") differing lines"; fi
rm -f "$d"
