# (1) No file name reaches a shell: drivers whose names hold shell
# metacharacters are refused by name, nothing they spell runs.
names=$out/names
new_repo "$names"
i=0
for n in '$(touch pwned-dollar)' '`touch pwned-tick`' ';touch pwned-semi;' \
	'|touch pwned-pipe|' '&touch pwned-amp&' '>pwned-gt' '<x' "'q" '"dq' \
	'\bs' '*' '?' '[a]' '{a,b}' '~' '#h' '!b' 'sp ace' "$(printf 't\tab')" \
	"$(printf 'new\nline')" '=eq' '%p' '^c'; do
	i=$((i + 1))
	cp "$names/drivers/iommu/finch-iommu.c" "$names/drivers/iommu/z$i $n.c"
done
git -C "$names" add -A
git -C "$names" commit -q -m "hostile names"
mkdir -p "$out/cwd"
(cd "$out/cwd" && "$prog" series -o "$out/names-out" --signoff "$sign" \
	"$names" >"$out/o" 2>"$out/e")
st=$?
expect_status "names: series exits 0" 0 "$st"
expect_eq "names: no command ran" "" \
	"$(find "$out" -name 'pwned*'; find / -maxdepth 1 -name 'pwned*')"
expect_eq "names: every hostile name is refused by name" "$i" \
	"$(grep -c 'shell would interpret' "$out/e")"
expect_eq "names: no patch touches them" "" \
	"$(grep -l '^diff --git a/drivers/iommu/z' "$out/names-out"/*.patch)"
cat "$out/names-out"/*.patch >"$out/names.patches"
expect_match "names: the driver under its own name is migrated" \
	'^+++ b/drivers/iommu/finch-iommu.c' "$out/names.patches"
expect_tmp_empty names
