// SPDX-License-Identifier: GPL-2.0
/* The io-pgtable format table: what each format keeps of a request. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "rules/pgtable_formats.h"
#include "lib/sizes.h"


static unsigned long long keep(const char *fmt, unsigned long long req)
{
	unsigned long long kept = ~0ULL;

	assert_true(pgtable_format_restrict(fmt, req, &kept));
	return kept;
}

static void test_lpae_granules(void **state)
{
	/* 4K granule when PAGE_SIZE is requested. */
	assert_int_equal(keep("ARM_64_LPAE_S1", SZ_4K | SZ_64K | SZ_2M),
			 SZ_4K | SZ_2M);
	assert_int_equal(keep("ARM_32_LPAE_S1", SZ_1G | SZ_2M | SZ_4K),
			 SZ_1G | SZ_2M | SZ_4K);
	/* Without 4K: the smallest size above PAGE_SIZE is the granule. */
	assert_int_equal(keep("ARM_64_LPAE_S2", SZ_16K | SZ_32M | SZ_64K),
			 SZ_16K | SZ_32M);
	assert_int_equal(keep("ARM_MALI_LPAE", SZ_64K | SZ_512M | SZ_1G),
			 SZ_64K | SZ_512M);
	/* -1UL: 4K granule. */
	assert_int_equal(keep("ARM_64_LPAE_S1", ~0ULL), SZ_4K | SZ_2M | SZ_1G);
}

static void test_v7s_and_dart(void **state)
{
	assert_int_equal(keep("ARM_V7S", SZ_4K | SZ_64K | SZ_1M | SZ_16M),
			 SZ_4K | SZ_64K | SZ_1M | SZ_16M);
	assert_int_equal(keep("ARM_V7S", SZ_4K | SZ_2M), SZ_4K);
	assert_int_equal(keep("APPLE_DART", SZ_16K), SZ_16K);
	assert_int_equal(keep("APPLE_DART2", SZ_4K | SZ_16K), 0);
}

static void test_unknown_format(void **state)
{
	unsigned long long kept;

	assert_false(pgtable_format_restrict("AMD_IOMMU_V1", SZ_4K, &kept));
	assert_false(pgtable_format_restrict(NULL, SZ_4K, &kept));
	assert_null(pgtable_format_source("NOT_A_FORMAT"));
	assert_non_null(pgtable_format_source("ARM_V7S"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lpae_granules),
		cmocka_unit_test(test_v7s_and_dart),
		cmocka_unit_test(test_unknown_format),
	};

	return cmocka_run_group_tests_name("formats", tests, NULL, NULL);
}
