# (4)(5)(7) Output directories: not in the tree, not holding what is read,
# a foreign non-empty one refused, our own replaced whole. Uses the small
# tree of t-exit.sh.
[ -d "${small:-}" ] || . "$here/t-exit.sh"
run series -o "$small/out" --signoff "$sign" "$small"
expect_status "outdir: series -o inside the tree exits 2" 2 "$st"
expect_eq "outdir: nothing written into the tree" "" \
	"$(git -C "$small" status --porcelain --ignored)"
mkdir -p "$out/foreign"
printf 'old\n' >"$out/foreign/0000-old.patch"
run series -o "$out/foreign" --signoff "$sign" "$small"
expect_status "outdir: a foreign non-empty directory exits 2" 2 "$st"
expect_eq "outdir: and is left alone" "0000-old.patch" \
	"$(ls "$out/foreign")"
run series -o "$out/d/patches" --signoff "$sign" "$small"
expect_status "outdir: series into a new directory" 0 "$st"
printf 'stale\n' >"$out/d/patches/0009-stale.patch"
run series -o "$out/d/patches" --signoff "$sign" "$small"
expect_status "outdir: our own output is replaced" 0 "$st"
expect_eq "outdir: nothing stale is kept" "" \
	"$(ls "$out/d/patches" | grep stale)"
expect_no_match "outdir: the cover letter is filled in" "SUBJECT HERE" \
	"$out/d/patches/0000-cover-letter.patch"
before=$(ls "$out/d/patches")
run report -q --series "$out/d/patches" -o "$out/d" "$small"
expect_status "outdir: report -o holding the series exits 2" 2 "$st"
expect_eq "outdir: the series is kept" "$before" "$(ls "$out/d/patches")"
run report -q --series "$out/d/patches" -o "$out/d/patches" "$small"
expect_status "outdir: report -o into the series exits 2" 2 "$st"
run report -q --series "$out/d/patches" -o "$out/rep" "$small"
expect_status "outdir: report elsewhere works" 0 "$st"
expect_tmp_empty outdir
