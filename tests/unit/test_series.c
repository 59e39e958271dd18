// SPDX-License-Identifier: GPL-2.0
/* Commit message helpers of the series. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "series/text.h"

static void check_prefix(const char *path, const char *want)
{
	char *got = subject_prefix_from_path(path);

	assert_string_equal(got, want);
	free(got);
}

static void test_subject_prefix(void **state)
{
	check_prefix("drivers/iommu/sun50i-iommu.c", "iommu/sun50i");
	check_prefix("drivers/iommu/tegra-smmu.c", "iommu/tegra-smmu");
	check_prefix("drivers/iommu/mtk_iommu_v1.c", "iommu/mtk-v1");
	check_prefix("drivers/iommu/mtk_iommu.c", "iommu/mtk");
	check_prefix("drivers/iommu/intel/iommu.c", "iommu/intel");
	check_prefix("drivers/iommu/arm/arm-smmu/qcom_iommu.c", "iommu/qcom");
	check_prefix("iommu.c", "iommu");
	check_prefix("drivers/iommu/iommu.c", "iommu");
}

static void test_wrap_text(void **state)
{
	char *w = wrap_text("one two three four five\n\nsix seven", 10);

	assert_string_equal(w, "one two\nthree four\nfive\n\nsix seven\n");
	free(w);
	/* A word longer than the width stands alone, unbroken. */
	w = wrap_text("a __iommu_domain_alloc() b", 8);
	assert_string_equal(w, "a\n__iommu_domain_alloc()\nb\n");
	free(w);
}

/*
 * A finalised driver: probe stores or merges instance sizes into the ops,
 * or (merges false) the ops keep their placeholder.
 */
static char *finalised_message(bool merges, bool overwrites)
{
	struct ops_object ops = {
		.name = (char *)"x_ops", .has_pgsize = true,
		.pgsize_expr = (char *)"-1UL",
	};
	struct plan_entry e = {
		.ops = &ops, .how = MIGRATE_FINALISED, .merges = merges,
		.overwrites = overwrites, .allocators = (char *)"x_alloc",
		.finaliser = "x_attach,x_finalise",
		.rules = { RULE_FILE_RUNTIME },
	};
	struct person by = { "A", "a@example.org" };
	char *msg = commit_message(&e, "iommu/x", &by), *p;

	/* Unwrap, so that phrases can be matched across lines. */
	for (p = msg; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return msg;
}

static void test_finalised_writes(void **state)
{
	char *msg = finalised_message(true, true);

	/* Plain stores: a domain had the last instance's sizes, not a merge. */
	assert_non_null(strstr(msg, "the writes that store each instance's sizes into the ops object go"));
	assert_non_null(strstr(msg, "no longer claim the sizes of the instance probed last,"));
	assert_null(strstr(msg, "merge"));
	free(msg);
	/* Probe merged before any domain existed: never the placeholder. */
	msg = finalised_message(true, false);
	assert_non_null(strstr(msg, "the writes that merge each instance's sizes into the ops object go"));
	assert_non_null(strstr(msg, "no longer claim the merged sizes of the instances probed so far,"));
	assert_null(strstr(msg, "claim -1UL"));
	free(msg);
	/* Nothing writes the ops: the domains had the placeholder. */
	msg = finalised_message(false, false);
	assert_non_null(strstr(msg, "no longer claim -1UL, which no map could use."));
	free(msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_subject_prefix),
		cmocka_unit_test(test_wrap_text),
		cmocka_unit_test(test_finalised_writes),
	};

	return cmocka_run_group_tests_name("series", tests, NULL, NULL);
}
