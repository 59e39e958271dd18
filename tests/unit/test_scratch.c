// SPDX-License-Identifier: GPL-2.0
/* Where a tree's files come from git: the top, or a module's directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fixture.h"
#include "lib/git.h"
#include "series/scratch.h"

static char *repo;

static void run_git(const char *const *args)
{
	assert_int_equal(git(repo, NULL, args), 0);
}

static int setup(void **state)
{
	repo = fixture_tree();
	/* No repository above the fixture's answers for it. */
	setenv("GIT_CEILING_DIRECTORIES", "/tmp", 1);
	fixture_put(repo, "README", "a vendor tree\n");
	fixture_put(repo, "vendor/iommu/Kbuild", "obj-m += a.o\n");
	fixture_put(repo, "vendor/iommu/a.c", "int a;\n");
	run_git((const char *[]){ "init", "-q", NULL });
	run_git((const char *[]){ "add", "-A", NULL });
	run_git((const char *[]){ "-c", "user.name=T", "-c",
		"user.email=t@example.org", "commit", "-q", "-m", "import",
		NULL });
	/* Made after the commit: HEAD does not track it. */
	fixture_put(repo, "untracked/Kbuild", "obj-m += b.o\n");
	return 0;
}

static int teardown(void **state)
{
	fixture_remove(repo);
	return 0;
}

/* git_place() of @rel below the repository, a module or not. */
static char *place(const char *rel, bool module)
{
	struct tree kernel = { 0 };
	struct tree t = { .kernel = module ? &kernel : NULL };
	char *place;

	t.root = xasprintf("%s/%s%s", repo, rel, *rel ? "/" : "");
	place = git_place(&t);
	free(t.root);
	return place;
}

static void test_top(void **state)
{
	char *p = place("", true);

	assert_non_null(p);
	assert_string_equal(p, "");
	free(p);
	p = place("", false);
	assert_string_equal(p, "");
	free(p);
}

static void test_module_below_the_top(void **state)
{
	char *p = place("vendor/iommu", true);

	assert_non_null(p);
	assert_string_equal(p, "vendor/iommu/");
	free(p);
	/* A kernel tree is only ever taken from its own top. */
	assert_null(place("vendor/iommu", false));
}

static void test_untracked_module(void **state)
{
	/* Nothing of it in HEAD: a clone would not hold it. */
	assert_null(place("untracked", true));
}

static void test_outside_git(void **state)
{
	char *dir = fixture_tree();
	struct tree kernel = { 0 };
	struct tree t = { .kernel = &kernel };

	t.root = xasprintf("%s/", dir);
	assert_null(git_place(&t));
	free(t.root);
	fixture_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_top),
		cmocka_unit_test(test_module_below_the_top),
		cmocka_unit_test(test_untracked_module),
		cmocka_unit_test(test_outside_git),
	};

	return cmocka_run_group_tests_name("scratch", tests, setup, teardown);
}
