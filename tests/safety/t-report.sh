# (8) Huge uses counts in a scan JSON are refused, not summed into an
# overflow.
"$prog" scan -q --format json "$repo" >"$out/scan.json"
# jq's numbers are doubles: 2^62 twice, written by sed.
jq '.drivers[0].uses.read = 123454321 | .drivers[0].uses.write = 123454321' \
	"$out/scan.json" | sed 's/123454321/4611686018427387904/' >"$out/huge.json"
run report -q --scan "$out/huge.json" -o "$out/huge-report"
expect_status "report: huge uses counts exit 2" 2 "$st"
expect_match "report: and say which" "has 4611686018427387904 [a-z]* uses" \
	"$out/e"
jq '.drivers[0].uses.read = -3' "$out/scan.json" >"$out/neg.json"
run report -q --scan "$out/neg.json" -o "$out/neg-report"
expect_status "report: a negative count exits 2" 2 "$st"
# (3) A series patch whose quoted name ends in an escape: read within
# its bounds (an ASan build reported a heap overflow in unquote()).
mkdir -p "$out/oob"
printf 'diff --git "a/x\\1' >"$out/oob/0001-x.patch"
run report -q --scan "$out/scan.json" --series "$out/oob" -o "$out/oob-report"
expect_status "report: a truncated quoted name is an error" 2 "$st"
expect_match "report: the patch is read as touching nothing" \
	"0001-x.patch touches no driver file" "$out/e"
# A *.patch symlink in a series directory could name any file of the
# user's, which report would copy into its output; a FIFO would hang it.
# Both are refused before anything is written.
mkdir -p "$out/sl"
printf '%s\n' 'diff --git a/drivers/iommu/finch-iommu.c b/drivers/iommu/finch-iommu.c' \
	>"$out/sl/0001-finch.patch"
printf 'SECRET\n' >"$out/secret.txt"
ln -s "$out/secret.txt" "$out/sl/0002-secret.patch"
run report -q --scan "$out/scan.json" --series "$out/sl" -o "$out/sl-report"
expect_status "report: a *.patch symlink exits 2" 2 "$st"
expect_match "report: and names it" \
	"sl/0002-secret.patch: it is a symbolic link" "$out/e"
expect_eq "report: its target is copied nowhere" "" \
	"$(grep -rl SECRET "$out/sl-report" 2>/dev/null)"
rm "$out/sl/0002-secret.patch"
mkfifo "$out/sl/0002-fifo.patch"
timeout 60 "$prog" report -q --scan "$out/scan.json" --series "$out/sl" \
	-o "$out/sl-report" >"$out/o" 2>"$out/e"
expect_status "report: a *.patch FIFO exits 2, without waiting" 2 "$?"
expect_match "report: and names it" \
	"sl/0002-fifo.patch: it is not a regular file" "$out/e"
