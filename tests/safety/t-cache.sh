# Without XDG_CACHE_HOME, HOME and --cache-dir the kbuild cache is a
# directory of this user's in TMPDIR: made 0700, and refused when someone
# else could have made it (a symlink, another owner, writable by others).
# A fake kbuild tree: its make prepares nothing, quickly.
ktree=$out/fake-kbuild
rm -rf "$ktree"
cp -r "$top/corpus" "$ktree"
mkdir -p "$ktree/scripts"
: >"$ktree/scripts/Kbuild.include"
printf '%%:\n\t@:\n' >"$ktree/Makefile"
croot=$TMPDIR/iommu-pgsize-cache-$(id -u)
# run_nohome ARGS...: run with neither XDG_CACHE_HOME nor HOME.
run_nohome() {
	env -u XDG_CACHE_HOME -u HOME "$prog" "$@" >"$out/o" 2>"$out/e"
	st=$?
}
run_nohome scan "$ktree"
expect_eq "cache: without a home it is made in TMPDIR, 0700 and ours" \
	"drwx------ $(id -u)" "$(stat -c '%A %u' "$croot" 2>/dev/null)"
expect_match "cache: and used" "$croot/" "$out/e"
rm -rf "$croot"
mkdir -m 0777 "$croot"
run_nohome scan -q "$ktree"
expect_status "cache: a directory others can write exits 2" 2 "$st"
expect_match "cache: and says why" \
	"not using the cache directory $croot: it is writable by others" \
	"$out/e"
expect_eq "cache: nothing was written into it" "" "$(ls -A "$croot")"
rmdir "$croot"
mkdir -p "$out/elsewhere"
ln -s "$out/elsewhere" "$croot"
run_nohome scan -q "$ktree"
expect_status "cache: a symlink exits 2" 2 "$st"
expect_match "cache: it is not a directory" "it is not a directory" "$out/e"
expect_eq "cache: nothing written where it leads" "" "$(ls -A "$out/elsewhere")"
rm "$croot"
if [ "$(id -u)" = 0 ]; then
	mkdir -m 0700 "$croot"
	chown 65534 "$croot"
	run_nohome scan -q "$ktree"
	expect_status "cache: another user's directory exits 2" 2 "$st"
	expect_match "cache: and says whose" "owned by another user" "$out/e"
	rmdir "$croot"
fi
expect_tmp_empty cache
