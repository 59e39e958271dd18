// SPDX-License-Identifier: GPL-2.0
/* Commit message helpers of the series. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "series_text.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_subject_prefix),
		cmocka_unit_test(test_wrap_text),
	};

	return cmocka_run_group_tests_name("series", tests, NULL, NULL);
}
