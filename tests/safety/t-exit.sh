# (6) Exit status tells the truth; spatch's log is shown, not pointed at
# in a removed scratch directory. A small tree: finch and the core.
small=$out/small
rm -rf "$small"
mkdir -p "$small/drivers/iommu"
cp -r "$top/corpus/include" "$small/"
cp "$top/corpus/drivers/iommu/finch-iommu.c" "$top/corpus/drivers/iommu/iommu.c" \
	"$small/drivers/iommu/"
git -C "$small" init -q
git -C "$small" add -A
git -C "$small" commit -q -m base
run series --cocci-dir /nonexistent -o "$out/x1" --signoff "$sign" "$small"
expect_status "exit: a missing --cocci-dir exits 2" 2 "$st"
expect_match "exit: and says so" "cocci-dir /nonexistent" "$out/e"
mkdir -p "$out/nococci"
run series --cocci-dir "$out/nococci" -o "$out/x2" --signoff "$sign" "$small"
expect_status "exit: spatch failing exits 2" 2 "$st"
expect_no_match "exit: no pointer to a removed log" "see .*spatch.log" \
	"$out/e"
expect_match "exit: spatch's own words are shown" "spatch .* failed on" \
	"$out/e"
# Untracked: analysed from the work tree, but not in HEAD.
cp "$top/corpus/drivers/iommu/plover-iommu.c" "$small/drivers/iommu/"
run series -o "$out/x3" --signoff "$sign" "$small"
expect_status "exit: an untracked driver is a note, not an error" 0 "$st"
expect_match "exit: it is named" "plover-iommu.c): the file is not in HEAD" \
	"$out/e"
expect_no_match "exit: no error printed" "error:" "$out/e"
rm "$small/drivers/iommu/plover-iommu.c"
expect_tmp_empty exit
