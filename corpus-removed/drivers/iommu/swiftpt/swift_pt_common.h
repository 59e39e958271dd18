/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize corpus-removed: the Swift page-table library's code, one
 * copy per format: a format file defines SWIFT_FMT and includes it
 * through fmt/template.h, which makes swift_pt_<fmt>_init() and friends.
 * The store of the domain's sizes is here, in a header no driver
 * includes.
 *
 * Resembles: 7.x drivers/iommu/generic_pt/iommu_pt.h.
 */
#include <linux/err.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/swift_pt.h>

#define SWIFT_CAT(a, b, c) a##b##c
#define SWIFT_NAME(a, fmt, b) SWIFT_CAT(a, fmt, b)
#define SWIFT_NS(name) SWIFT_NAME(swift_pt_, SWIFT_FMT, _##name)

int SWIFT_NS(init)(struct swift_pt *pt, unsigned int levels)
{
	struct iommu_domain *domain = &pt->domain;

	if (levels < 3)
		return -EINVAL;
	pt->top = kcalloc(512, sizeof(u64), GFP_KERNEL);
	if (!pt->top)
		return -ENOMEM;
	pt->levels = levels;
	domain->pgsize_bitmap = levels > 3 ? SZ_4K | SZ_2M | SZ_1G :
				SZ_4K | SZ_2M;
	return 0;
}

phys_addr_t SWIFT_NS(iova_to_phys)(struct iommu_domain *domain,
				   dma_addr_t iova)
{
	return 0;
}

void SWIFT_NS(deinit)(struct swift_pt *pt)
{
	kfree(pt->top);
}
