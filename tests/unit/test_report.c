// SPDX-License-Identifier: GPL-2.0
/* The report's escaping and its reading of git's diff headers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "report/report.h"
#include "lib/diffpath.h"

static void check(void (*fn)(struct strbuf *, const char *), const char *in,
		  const char *want)
{
	struct strbuf sb = { 0 };
	char *got;

	fn(&sb, in);
	got = strbuf_detach(&sb);
	assert_string_equal(got, want);
	free(got);
}

static void test_html_escape(void **state)
{
	check(html_escape, "evil<b>&\"'.c", "evil&lt;b&gt;&amp;&quot;&#39;.c");
	check(html_escape, "SZ_4K | SZ_64K", "SZ_4K | SZ_64K");
	check(html_escape, "&amp;", "&amp;amp;");
	check(html_escape, "a\x01z", "a?z");
	check(html_escape, "", "");
	check(html_escape, NULL, "");
}

static void test_url_escape(void **state)
{
	check(url_escape, "drivers/iommu/a-b_c.c", "drivers/iommu/a-b_c.c");
	check(url_escape, "evil<b>&\"'.c", "evil%3Cb%3E%26%22%27.c");
	check(url_escape, "a b#?%", "a%20b%23%3F%25");
}

static void test_md_text(void **state)
{
	check(md_text, "plain words", "plain words");
	/* Identifiers keep their inner underscores. */
	check(md_text, "foo_bar() returns", "foo_bar() returns");
	check(md_text, "_x_ *y*", "\\_x\\_ \\*y\\*");
	check(md_text, "a|b `c` <b>&", "a\\|b \\`c\\` \\<b\\>\\&");
	check(md_text, "[link](x) ~s~ \\", "\\[link\\](x) \\~s\\~ \\\\");
	check(md_text, "two\nlines", "two lines");
}

static void test_md_code(void **state)
{
	check(md_code, "SZ_4K", "`SZ_4K`");
	check(md_code, "SZ_4K | SZ_64K", "`SZ_4K \\| SZ_64K`");
	check(md_code, "a`b", "``a`b``");
	check(md_code, "a``b`c", "```a``b`c```");
	/* Padded so that a leading or trailing backtick is not the fence. */
	check(md_code, "`x", "`` `x ``");
	check(md_code, " x ", "`  x  `");
	check(md_code, "evil<b>&\"'.c", "`evil<b>&\"'.c`");
	check(md_code, "", "");
}

static void check_path(const char *line, const char *want)
{
	char *got = diff_git_path(line);

	if (!want) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_diff_git_path(void **state)
{
	check_path("diff --git a/drivers/iommu/x.c b/drivers/iommu/x.c",
		   "drivers/iommu/x.c");
	check_path("diff --git a/a b/c b/a b/c", "a b/c");
	check_path("diff --git \"a/evil<b>&\\\"'.c\" \"b/evil<b>&\\\"'.c\"",
		   "evil<b>&\"'.c");
	check_path("diff --git \"a/caf\\303\\251.c\" \"b/caf\\303\\251.c\"",
		   "caf\xc3\xa9.c");
	check_path("--- a/x.c", NULL);
	check_path("diff --git x y", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_escape),
		cmocka_unit_test(test_url_escape),
		cmocka_unit_test(test_md_text),
		cmocka_unit_test(test_md_code),
		cmocka_unit_test(test_diff_git_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
