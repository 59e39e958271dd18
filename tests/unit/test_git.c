// SPDX-License-Identifier: GPL-2.0
/* The git runner: every argument reaches git, however many. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "lib/git.h"
#include "lib/util.h"

static void test_many_arguments(void **state)
{
	struct strbuf out = { 0 };
	struct vec args = { 0 };
	int i;

	/* Twelve -c pairs, then the question about the last one. */
	for (i = 0; i < 12; i++) {
		vec_push(&args, xstrdup("-c"));
		vec_push(&args, xasprintf("test.k%d=v%d", i, i));
	}
	vec_push(&args, xstrdup("config"));
	vec_push(&args, xstrdup("--get"));
	vec_push(&args, xstrdup("test.k11"));
	vec_push(&args, NULL);
	assert_int_equal(git(NULL, &out, (const char *const *)args.items), 0);
	assert_string_equal(out.buf, "v11\n");
	args.nr--;
	vec_free(&args, free);
	strbuf_release(&out);
}

static void test_exit_status_and_stderr(void **state)
{
	struct strbuf out = { 0 };
	char tmpl[] = "/tmp/iommu-pgsize-test-XXXXXX";
	char *dir = mkdtemp(tmpl);

	assert_non_null(dir);
	/* Outside any repository: git fails, and says so on stderr. */
	setenv("GIT_CEILING_DIRECTORIES", "/tmp", 1);
	assert_int_not_equal(git(dir, NULL, (const char *[]){ "rev-parse",
				 "HEAD", NULL }), 0);
	assert_int_not_equal(git_with_stderr(dir, &out, (const char *[]){
				 "rev-parse", "HEAD", NULL }), 0);
	assert_non_null(out.buf);
	assert_non_null(strstr(out.buf, "not a git repository"));
	strbuf_release(&out);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_arguments),
		cmocka_unit_test(test_exit_status_and_stderr),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
