// SPDX-License-Identifier: GPL-2.0
/* File names in git's diff headers, quoted or not, well-formed or not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/diffpath.h"
#include "lib/util.h"

static void check_git(const char *line, const char *want_old,
		      const char *want_new)
{
	char *old_path = (char *)1, *new_path = (char *)1;
	int ret = diff_git_paths(line, &old_path, &new_path);

	if (!want_old) {
		assert_int_equal(ret, -1);
		assert_null(old_path);
		assert_null(new_path);
		return;
	}
	assert_int_equal(ret, 0);
	assert_string_equal(old_path, want_old);
	assert_string_equal(new_path, want_new);
	free(old_path);
	free(new_path);
}

/*
 * @text in a buffer of exactly its length, NUL included, so that a read
 * past its end is caught by ASan or valgrind.
 */
static void check_git_exact(const char *text, const char *want_old,
			    const char *want_new)
{
	char *line = xstrdup(text);

	check_git(line, want_old, want_new);
	free(line);
}

static void test_plain(void **state)
{
	char *path;

	check_git("diff --git a/drivers/iommu/x.c b/drivers/iommu/x.c",
		  "drivers/iommu/x.c", "drivers/iommu/x.c");
	check_git("diff --git a/x.c b/y.c\n+++ more", "x.c", "y.c");
	path = diff_git_path("diff --git a/x.c b/x.c");
	assert_string_equal(path, "x.c");
	free(path);
}

static void test_spaces(void **state)
{
	check_git("diff --git a/my file.c b/my file.c", "my file.c",
		  "my file.c");
	/* The same name twice settles where " b/" splits. */
	check_git("diff --git a/a b/c b/a b/c", "a b/c", "a b/c");
	check_git("diff --git a/x y.c b/z.c", "x y.c", "z.c");
}

static void test_quoted(void **state)
{
	check_git("diff --git \"a/evil<b>&\\\"'.c\" \"b/evil<b>&\\\"'.c\"",
		  "evil<b>&\"'.c", "evil<b>&\"'.c");
	check_git("diff --git \"a/t\\tn\\nb\\\\.c\" \"b/t\\tn\\nb\\\\.c\"",
		  "t\tn\nb\\.c", "t\tn\nb\\.c");
	check_git("diff --git \"a/caf\\303\\251.c\" \"b/caf\\303\\251.c\"",
		  "caf\xc3\xa9.c", "caf\xc3\xa9.c");
	/* Only one side needs quoting after a rename. */
	check_git("diff --git a/x y.c \"b/t\\tz.c\"", "x y.c", "t\tz.c");
	check_git("diff --git \"a/t\\tz.c\" b/x y.c", "t\tz.c", "x y.c");
}

static void test_malformed(void **state)
{
	check_git("--- a/x.c", NULL, NULL);
	check_git("diff --git x y", NULL, NULL);
	check_git("diff --git a/x.c", NULL, NULL);
	check_git("diff --git a/x.c c/x.c", NULL, NULL);
	check_git("diff --git a/ b/", NULL, NULL);
	check_git("diff --git ", NULL, NULL);
	check_git("diff --git a/x\nb/x", NULL, NULL);
	/* Cut short inside the quotes, an escape, or an octal escape. */
	check_git_exact("diff --git \"a/x", NULL, NULL);
	check_git_exact("diff --git \"a/x\\", NULL, NULL);
	check_git_exact("diff --git \"a/x\\1", NULL, NULL);
	check_git_exact("diff --git \"a/x\\30", NULL, NULL);
	check_git_exact("diff --git \"a/x\" \"b/x\\", NULL, NULL);
	check_git_exact("diff --git \"a/x\" \"b/x", NULL, NULL);
	check_git_exact("diff --git a/x \"b/x\\", NULL, NULL);
	check_git("diff --git \"a/x\n\" \"b/x\"", NULL, NULL);
	/* Escapes git never writes, and a NUL. */
	check_git("diff --git \"a/x\\q\" \"b/x\\q\"", NULL, NULL);
	check_git("diff --git \"a/x\\400\" \"b/x\\400\"", NULL, NULL);
	check_git("diff --git \"a/x\\000\" \"b/x\\000\"", NULL, NULL);
	/* Something after the closing quote. */
	check_git("diff --git \"a/x\"y \"b/x\"", NULL, NULL);
	check_git("diff --git \"a/x\" \"b/x\"y", NULL, NULL);
	assert_null(diff_git_path("diff --git \"a/x\\1"));
}

static void check_file(const char *name, int want_ret, const char *want)
{
	char *path = (char *)1;

	assert_int_equal(diff_file_path(name, &path), want_ret);
	if (!want) {
		assert_null(path);
		return;
	}
	assert_string_equal(path, want);
	free(path);
}

static void test_file_lines(void **state)
{
	check_file("a/drivers/iommu/x.c", 0, "drivers/iommu/x.c");
	check_file("b/x.c\n+++ b/y.c", 0, "x.c");
	check_file("b/my file.c\t", 0, "my file.c");
	check_file("x.c\t2024-01-01 00:00:00", 0, "x.c");
	check_file("/dev/null", 0, NULL);
	check_file("/dev/null\t1970-01-01", 0, NULL);
	check_file("\"a/caf\\303\\251.c\"", 0, "caf\xc3\xa9.c");
	check_file("a/", 0, "a/");
	check_file("", -1, NULL);
	check_file("\"a/x\\", -1, NULL);
	check_file("\"a/x\\1", -1, NULL);
	check_file("\"a/x", -1, NULL);
}

static void check_confined(const char *path, const char *want)
{
	char *got = confined_path(path);

	if (want)
		assert_string_equal(got, want);
	else
		assert_null(got);
	free(got);
}

/* A patch's paths stay in the directory they belong to. */
static void test_confined(void **state)
{
	check_confined("drivers/iommu/x.c", "drivers/iommu/x.c");
	check_confined("./drivers//iommu/./x.c", "drivers/iommu/x.c");
	check_confined("x..c", "x..c");
	check_confined("..x/y.c", "..x/y.c");
	check_confined("../../../x/y.c", NULL);
	check_confined("drivers/../../x.c", NULL);
	check_confined("drivers/..", NULL);
	check_confined("/etc/passwd", NULL);
	check_confined("", NULL);
	check_confined("./", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_file_lines),
		cmocka_unit_test(test_confined),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
