# (10) A full disk while --update-baseline writes keeps the old baseline:
# a file size limit stands for the full disk.
run lint -q --baseline "$out/baseline.json" --update-baseline "$repo"
expect_status "baseline: written" 0 "$st"
cp "$out/baseline.json" "$out/baseline.good"
# One more finding makes the new baseline larger than the limit.
printf '%s\n' 'static const struct iommu_ops extra_ops = {' \
	'	.pgsize_bitmap = 0x1000,' '};' >>"$repo/drivers/iommu/avocet-iommu.c"
size=$(($(stat -c %s "$out/baseline.good") / 1024 + 1))
(
	trap '' XFSZ
	ulimit -f "$size"
	"$prog" lint -q --baseline "$out/baseline.json" --update-baseline \
		"$repo" >"$out/o" 2>"$out/e"
)
st=$?
expect_status "baseline: a full disk is an error" 2 "$st"
expect_eq "baseline: the old baseline is intact" "" \
	"$(cmp "$out/baseline.json" "$out/baseline.good" 2>&1)"
expect_eq "baseline: no temporary file is left" "baseline.good baseline.json" \
	"$(cd "$out" && echo baseline*)"
git -C "$repo" checkout -q -- .
run lint -q --baseline "$out/baseline.json" "$repo"
expect_status "baseline: still usable" 0 "$st"
expect_tmp_empty baseline
