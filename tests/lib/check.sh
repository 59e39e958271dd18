# Shared assertions for the shell test suites; each prints ok/FAIL lines
# and finish() prints the "N passed, N failed" summary and sets the status.
passed=0
failed=0

ok() {
	passed=$((passed + 1))
	echo "ok   $1"
}

fail() {
	failed=$((failed + 1))
	echo "FAIL $1"
}

expect_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		fail "$1: want '$2', got '$3'"
	fi
}

expect_status() {
	expect_eq "$1" "$2" "$3"
}

# expect_lines NAME EXPECTED_FILE ACTUAL_TEXT: same lines, '#' comments out.
expect_lines() {
	want=$(grep -v '^#' "$2")
	if [ "$want" = "$3" ]; then
		ok "$1 ($(printf '%s\n' "$want" | grep -c .) lines)"
	else
		fail "$1; diff expected actual:"
		printf '%s\n' "$want" >"${TMPDIR:-/tmp}/want.$$"
		printf '%s\n' "$3" >"${TMPDIR:-/tmp}/got.$$"
		diff "${TMPDIR:-/tmp}/want.$$" "${TMPDIR:-/tmp}/got.$$" | sed 's/^/     /'
		rm -f "${TMPDIR:-/tmp}/want.$$" "${TMPDIR:-/tmp}/got.$$"
	fi
}

expect_match() {
	if grep -q -- "$2" "$3"; then
		ok "$1"
	else
		fail "$1: no '$2' in $3"
		sed 's/^/     /' "$3" | head -20
	fi
}

expect_no_match() {
	if grep -q -- "$2" "$3"; then
		fail "$1: unexpected '$2' in $3"
	else
		ok "$1"
	fi
}

# expect_verdicts NAME EXPECTED DISAGREEMENTS SCAN_JSON: every verdict is
# the hand-written reading, except recorded disagreements, where the tool's
# recorded verdict is pinned (and must still differ from the reading).
expect_verdicts() {
	awk -F '\t' 'NR == FNR { if ($0 !~ /^#/) tool[$1 FS $3] = $5; next }
		/^#/ { next }
		{ v = (($1 FS $3) in tool) ? tool[$1 FS $3] : $4
		  print $1 "\t" $2 "\t" $3 "\t" v }' "$3" "$2" |
		sort >"${TMPDIR:-/tmp}/verdicts.$$"
	expect_lines "$1" "${TMPDIR:-/tmp}/verdicts.$$" \
		"$(jq -r -f "$lib/verdicts.jq" "$4" | sort)"
	rm -f "${TMPDIR:-/tmp}/verdicts.$$"
	expect_eq "$1: recorded disagreements still differ from the reading" \
		"$(grep -vc '^#' "$3")" \
		"$(awk -F '\t' '!/^#/ && $4 != $5' "$3" | wc -l)"
}

# expect_binding NAME EXPECTED DISAGREEMENTS ACTUAL_FILE: the attach-binding
# rows (expected-binding.txt columns, ACTUAL_FILE from binding.jq, keyed the
# same way) are the reading's, except recorded disagreements: there the
# tool's row is pinned, and it must still differ from the reading's.
expect_binding() {
	awk -F '\t' -v OFS='\t' 'NR == FNR { if ($0 !~ /^#/)
			tool[$1 FS $2] = $4 OFS $5 OFS $6 OFS $7; next }
		/^#/ { next }
		{ k = $1 FS $2; if (k in tool) print $1, $2, $3, tool[k]; else print }' \
		"$3" "$2" | LC_ALL=C sort >"${TMPDIR:-/tmp}/binding.$$"
	expect_lines "$1" "${TMPDIR:-/tmp}/binding.$$" "$(LC_ALL=C sort "$4")"
	rm -f "${TMPDIR:-/tmp}/binding.$$"
	expect_eq "$1: recorded disagreements still differ from the reading" \
		"$(grep -vc '^#' "$3")" \
		"$(awk -F '\t' 'NR == FNR { if ($0 !~ /^#/)
				r[$1 FS $2] = $4 FS $5 FS $6 FS $7; next }
			/^#/ { next }
			($1 FS $2) in r && r[$1 FS $2] != $4 FS $5 FS $6 FS $7' \
			"$2" "$3" | wc -l)"
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
