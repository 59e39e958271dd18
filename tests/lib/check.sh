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

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
