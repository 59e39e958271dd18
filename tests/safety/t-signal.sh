# (9) Interrupted runs: SIGINT, SIGTERM and SIGHUP at several moments of
# series, lint and a kernel scan stop every child, leave nothing in TMPDIR
# nor a half-written output directory, exit 128 + the signal, and write
# nothing into the tree read.
[ -d "${small:-}" ] || . "$here/t-exit.sh"
sig_mark=$out/sig-mark
touch "$sig_mark"

# Processes (pid: command) whose command line or working directory names
# $1: children of an interrupted run that lived on.
left_over() {
	for p in /proc/[0-9]*; do
		{ c=$(tr '\0' ' ' <"$p/cmdline"); } 2>/dev/null || continue
		d=$(readlink "$p/cwd" 2>/dev/null)
		case "$c $d" in
		*"$1"*) echo "${p#/proc/}: $c" ;;
		esac
	done
}

# stop NAME SIG WHEN OUTDIR ARGS...: run the program with ARGS in the
# background; once the shell test WHEN holds (tried every 0.05 s, for at
# most 120 s), send SIG. The run must end with 128 + SIG (0 if it was
# done first: then OUTDIR, if any, must be complete), with no child left
# (nothing running in $out), nothing in TMPDIR and no OUTDIR.
stop() {
	local name=$1 sig=$2 when=$3 outdir=$4 pid st want i left t0=$SECONDS
	shift 4
	"$prog" "$@" >"$out/o" 2>"$out/e" &
	pid=$!
	for i in $(seq 2400); do
		eval "$when" && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	kill -"$sig" "$pid" 2>/dev/null
	wait "$pid"
	st=$?
	want=$((128 + $(kill -l "$sig")))
	if [ "$st" = 0 ]; then
		echo "note $name: finished before SIG$sig"
		want=0
	fi
	expect_status "signal: $name, SIG$sig: exit status ($((SECONDS - t0)) s)" \
		"$want" "$st"
	for i in $(seq 20); do
		left=$(left_over "$out/")
		[ -z "$left" ] && break
		sleep 0.1
	done
	expect_eq "signal: $name, SIG$sig: no child left running" "" "$left"
	# A signal after the last write may leave it whole, never half.
	if [ -n "$outdir" ] && [ -e "$outdir" ]; then
		expect_eq "signal: $name, SIG$sig: the output is none or whole" \
			"$(ls -A "$sref")" "$(ls -A "$outdir")"
		expect_no_match "signal: $name, SIG$sig: the cover letter is done" \
			"SUBJECT HERE" "$outdir/0000-cover-letter.patch"
	elif [ -n "$outdir" ]; then
		ok "signal: $name, SIG$sig: no half-written output"
	fi
	rm -rf "$outdir"
	expect_tmp_empty "signal: $name, SIG$sig"
}

# A pid's child named $1 runs.
child() {
	pgrep -P "$pid" -x "$1" >/dev/null
}

sout=$out/sig-out
# What a whole series of the corpus holds.
sref=$out/sig-ref
"$prog" series -o "$sref" --signoff "$sign" "$repo" >/dev/null 2>&1
# SIGTERM: a shell starts background jobs with SIGINT ignored.
stop "series at once" TERM true "$sout" \
	series -o "$sout" --signoff "$sign" "$repo"
stop "series, scratch made" TERM 'ls "$TMPDIR" | grep -q series' "$sout" \
	series -o "$sout" --signoff "$sign" "$repo"
stop "series, spatch running" HUP 'child spatch' "$sout" \
	series -o "$sout" --signoff "$sign" "$repo"
stop "series, spatch running" TERM 'child spatch' "$sout" \
	series -o "$sout" --signoff "$sign" "$repo"
stop "series, writing the output" INT '[ -e "$sout" ]' "$sout" \
	series -o "$sout" --signoff "$sign" "$repo"
stop "series, format-patch running" TERM \
	'[ -e "$sout" ] && child git' "$sout" \
	series -o "$sout" --signoff "$sign" "$repo"
expect_eq "signal: the repository series read is untouched" "" \
	"$(git -C "$repo" --no-optional-locks status --porcelain --ignored)"
expect_eq "signal: nothing in it was written" "" \
	"$(find "$repo" "$small" -newer "$sig_mark" | head -5)"

if [ -n "$kernel" ]; then
	# A kernel patch to lint: one line of the first driver naming
	# pgsize_bitmap, changed.
	kdrv=$(cd "$kernel" && grep -l 'pgsize_bitmap' drivers/iommu/*.c | head -1)
	kline=$(grep -n 'pgsize_bitmap' "$kernel/$kdrv" | head -1 | cut -d: -f1)
	mkdir -p "$out/kp/$(dirname "$kdrv")"
	sed "${kline}s/\$/ \\/* x *\\//" "$kernel/$kdrv" >"$out/kp/$kdrv"
	(cd "$out/kp" && diff -u --label "a/$kdrv" --label "b/$kdrv" \
		"$kernel/$kdrv" "$kdrv") >"$out/kp.patch"
	sed -i "1i diff --git a/$kdrv b/$kdrv" "$out/kp.patch"
	# The kbuild cache e2e-test prepared, if there is one: a fresh
	# one costs a full prepare.
	kcache=${IOMMU_PGSIZE_CACHE:-$top/build/cache}
	kname=$(printf '%s' "${kernel#/}" | tr -c 'A-Za-z0-9.-' _)
	if ! ls "$kcache/$kname"_-*/.iommu-pgsize-prepared-llvm \
		>/dev/null 2>&1; then
		kcache=$out/kcache-full
		echo "note signal: preparing a kbuild cache in $kcache"
		"$prog" scan -q --cache-dir "$kcache" "$kernel" >/dev/null 2>&1
	fi
	# --no-cache: kbuild's dry run and every parse happen each time.
	stop "lint of a kernel patch, scratch made" INT \
		'ls "$TMPDIR" | grep -q lint' "" \
		lint --no-cache --cache-dir "$kcache" --patch "$out/kp.patch" "$kernel"
	stop "lint of a kernel patch, kbuild's dry run" TERM 'child make' "" \
		lint --no-cache --cache-dir "$kcache" --patch "$out/kp.patch" "$kernel"
	stop "lint of a kernel patch, parsing" HUP \
		'grep -q "commands of" "$out/e"' "" \
		lint --no-cache --cache-dir "$kcache" --patch "$out/kp.patch" "$kernel"
	# A fresh cache: stopped while make prepares it.
	stop "scan of a kernel tree, preparing" TERM \
		'ls "$out"/kcache/*/prepare.log >/dev/null 2>&1 && sleep 1' "" \
		scan --cache-dir "$out/kcache" "$kernel"
	expect_eq "signal: an interrupted prepare is not taken as done" "" \
		"$(ls "$out"/kcache/*/.iommu-pgsize-prepared-llvm 2>/dev/null)"
	stop "scan of a kernel tree, precompiling headers" INT \
		'ls "$TMPDIR" | grep -q pch' "" \
		scan --no-cache --cache-dir "$kcache" "$kernel"
	stop "scan of a kernel tree, parsing" HUP \
		'grep -q "precompiled" "$out/e"' "" \
		scan --no-cache --cache-dir "$kcache" "$kernel"
	expect_eq "signal: the kernel tree is untouched" "" \
		"$(find "$kernel/" -newer "$sig_mark" | head -5)"
fi
