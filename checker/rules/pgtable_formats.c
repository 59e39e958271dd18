// SPDX-License-Identifier: GPL-2.0
/*
 * Read from Linux 6.12:
 *  - drivers/iommu/io-pgtable-arm.c:854 arm_lpae_restrict_pgsizes(): the
 *    granule is PAGE_SIZE if requested, else the largest requested size
 *    below PAGE_SIZE, else the smallest above; 4K keeps 4K|2M|1G, 16K keeps
 *    16K|32M, 64K keeps 64K|512M (and 4TB with oas > 48, ignored here).
 *    All LPAE formats (32/64-bit, stage 1/2, Mali) allocate through it.
 *  - drivers/iommu/io-pgtable-arm-v7s.c:843: cfg->pgsize_bitmap &=
 *    SZ_4K | SZ_64K | SZ_1M | SZ_16M.
 *  - drivers/iommu/io-pgtable-dart.c:406: exactly SZ_4K or SZ_16K, else
 *    the allocation fails.
 * PAGE_SIZE is taken as 4K, the kernel's on x86_64 and arm64 defaults.
 */
#include <string.h>

#include "rules/pgtable_formats.h"
#include "lib/sizes.h"
#include "lib/util.h"

#define PAGE_SIZE SZ_4K

static unsigned long long lowest_bit(unsigned long long v)
{
	return v & -v;
}

static unsigned long long highest_bit(unsigned long long v)
{
	return v ? 1ULL << (63 - __builtin_clzll(v)) : 0;
}

static unsigned long long lpae_keep(unsigned long long req)
{
	unsigned long long granule;

	if (req & PAGE_SIZE)
		granule = PAGE_SIZE;
	else if (req & (PAGE_SIZE - 1))
		granule = highest_bit(req & (PAGE_SIZE - 1));
	else
		granule = lowest_bit(req & ~(PAGE_SIZE - 1));
	switch (granule) {
	case SZ_4K:
		return req & (SZ_4K | SZ_2M | SZ_1G);
	case SZ_16K:
		return req & (SZ_16K | SZ_32M);
	case SZ_64K:
		return req & (SZ_64K | SZ_512M);
	}
	return 0;
}

static unsigned long long v7s_keep(unsigned long long req)
{
	return req & (SZ_4K | SZ_64K | SZ_1M | SZ_16M);
}

static unsigned long long dart_keep(unsigned long long req)
{
	return req == SZ_4K || req == SZ_16K ? req : 0;
}

static const struct {
	const char *fmt;
	unsigned long long (*keep)(unsigned long long req);
	const char *source;
} formats[] = {
	{ "ARM_32_LPAE_S1", lpae_keep, "io-pgtable-arm.c:854" },
	{ "ARM_32_LPAE_S2", lpae_keep, "io-pgtable-arm.c:854" },
	{ "ARM_64_LPAE_S1", lpae_keep, "io-pgtable-arm.c:854" },
	{ "ARM_64_LPAE_S2", lpae_keep, "io-pgtable-arm.c:854" },
	{ "ARM_MALI_LPAE", lpae_keep, "io-pgtable-arm.c:854" },
	{ "ARM_V7S", v7s_keep, "io-pgtable-arm-v7s.c:843" },
	{ "APPLE_DART", dart_keep, "io-pgtable-dart.c:406" },
	{ "APPLE_DART2", dart_keep, "io-pgtable-dart.c:406" },
};

static int find_format(const char *fmt)
{
	size_t i;

	for (i = 0; fmt && i < ARRAY_SIZE(formats); i++)
		if (!strcmp(formats[i].fmt, fmt))
			return i;
	return -1;
}

bool pgtable_format_restrict(const char *fmt, unsigned long long requested,
			     unsigned long long *kept)
{
	int i = find_format(fmt);

	if (i < 0)
		return false;
	*kept = formats[i].keep(requested);
	return true;
}

const char *pgtable_format_source(const char *fmt)
{
	int i = find_format(fmt);

	return i < 0 ? NULL : formats[i].source;
}
