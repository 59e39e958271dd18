// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Wagtail page-table library. Defines no
 * ops object; wagtail_pt_init() stores the sizes of the domain its
 * caller embeds, in another translation unit than every caller.
 */

#include <linux/err.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include "pt.h"

/* Each level adds a block size: 4K leaves, 2M and 1G blocks. */
static unsigned long wagtail_pt_sizes(unsigned int levels)
{
	return levels > 3 ? SZ_4K | SZ_2M | SZ_1G : SZ_4K | SZ_2M;
}

int wagtail_pt_init(struct wagtail_pt *pt, unsigned int levels)
{
	struct iommu_domain *domain = &pt->domain;

	if (levels < 3)
		return -EINVAL;
	pt->top = kcalloc(512, sizeof(u64), GFP_KERNEL);
	if (!pt->top)
		return -ENOMEM;
	pt->levels = levels;
	domain->pgsize_bitmap = wagtail_pt_sizes(levels);
	return 0;
}

void wagtail_pt_deinit(struct wagtail_pt *pt)
{
	kfree(pt->top);
}
