// SPDX-License-Identifier: GPL-2.0
/* Source text helpers and config-directive parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ast/cursor.h"
#include "ast/disabled.h"

static void check_collapse(const char *in, const char *want)
{
	char *got = collapse_source(in, strlen(in));

	assert_string_equal(got, want);
	free(got);
}

static void test_collapse_source(void **state)
{
	check_collapse("SZ_4K |\n\t\tSZ_64K", "SZ_4K | SZ_64K");
	check_collapse("-1UL /* Restricted during device attach */", "-1UL");
	check_collapse("SZ_4K | \\\n\tSZ_2M", "SZ_4K | SZ_2M");
	check_collapse("a /* x */ | b // y\n", "a | b");
	check_collapse("  lead", "lead");
}

static void check_symbols(const char *directive, const char *want)
{
	struct vec out = { 0 };
	struct strbuf sb = { 0 };
	size_t i;

	directive_symbols(directive, strlen(directive), &out);
	for (i = 0; i < out.nr; i++)
		strbuf_addf(&sb, "%s%s", i ? " " : "", (char *)out.items[i]);
	assert_string_equal(sb.buf ? sb.buf : "", want);
	strbuf_release(&sb);
	vec_free(&out, free);
}

static void test_directive_symbols(void **state)
{
	check_symbols("#ifdef CONFIG_FOO", "CONFIG_FOO");
	check_symbols("#if defined(CONFIG_A) || IS_ENABLED(CONFIG_B)",
		      "CONFIG_A CONFIG_B");
	check_symbols("#if defined(CONFIG_A) || \\\n defined(CONFIG_A)",
		      "CONFIG_A");
	check_symbols("#elif IS_ENABLED(CONFIG_ARM64)", "CONFIG_ARM64");
	/* Defining a symbol cannot switch these on. */
	check_symbols("#ifndef CONFIG_FOO", "");
	check_symbols("#else", "");
	check_symbols("#if !defined(CONFIG_FOO)", "");
	check_symbols("#if MY_CONFIG_FOO", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_collapse_source),
		cmocka_unit_test(test_directive_symbols),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
