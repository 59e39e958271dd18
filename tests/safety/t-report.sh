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
