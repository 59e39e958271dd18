# (2) lint --patch: paths with "..", absolute paths and symlinks out of
# the tree are refused before any file is written.
# The scratch directory's parent (TMPDIR, or /tmp before the fix) is
# where ../victim-PID/y.c would be written.
ptree=$out/pt/repo
v=victim-$$
mkdir -p "$out/pt/$v"
new_repo "$ptree"
printf 'a\n' >"$out/pt/$v/y.c"
printf '%s\n' "diff --git a/../$v/y.c b/../$v/y.c" "--- a/../$v/y.c" \
	"+++ b/../$v/y.c" '@@ -1 +1 @@' '-a' '+b' >"$out/dotdot.patch"
run lint -q --patch "$out/dotdot.patch" "$ptree"
expect_status "patch: .. exits 2" 2 "$st"
expect_match "patch: .. is refused by name" "$v/y.c, outside the tree" \
	"$out/e"
expect_eq "patch: nothing written outside the scratch directory" "" \
	"$(ls -d "$TMPDIR/$v" "/tmp/$v" 2>/dev/null)"
rm -rf "${TMPDIR:?}/$v" "/tmp/$v"
sed "s|[ab]/\.\./$v|/$v|" "$out/dotdot.patch" >"$out/abs.patch"
run lint -q --patch "$out/abs.patch" "$ptree"
expect_status "patch: an absolute path exits 2" 2 "$st"
expect_match "patch: it is refused by name" "/$v/y.c, outside the tree" \
	"$out/e"
ln -s "$out/pt/$v/y.c" "$ptree/drivers/iommu/link.c"
sed "s|\.\./$v/y.c|drivers/iommu/link.c|g" \
	"$out/dotdot.patch" >"$out/link.patch"
run lint -q --patch "$out/link.patch" "$ptree"
expect_status "patch: a symlink out of the tree exits 2" 2 "$st"
expect_match "patch: it is refused by name" \
	"drivers/iommu/link.c leads out of" "$out/e"
expect_tmp_empty patch
