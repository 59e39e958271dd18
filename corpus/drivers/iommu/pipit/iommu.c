// SPDX-License-Identifier: GPL-2.0
/*
 * pipit: the domain type lives two local headers away.
 *
 * Pattern: a constant in ops and domains relying on the core fallback, but
 * the driver's domain struct is defined in a header included by a header;
 * if the semantic patch cannot resolve the type it must not drop the ops
 * member. Modelled on: drivers/iommu/amd/iommu.c in Linux 6.1
 * (struct protection_domain in amd_iommu_types.h via amd_iommu.h).
 */
#include <linux/iommu.h>
#include <linux/slab.h>
#include <linux/sizes.h>

#include "pipit.h"

static struct iommu_domain *pipit_domain_alloc_paging(struct device *dev)
{
	struct pipit_domain *pdom = kzalloc(sizeof(*pdom), GFP_KERNEL);

	if (!pdom)
		return NULL;
	return &pdom->domain;
}

static int pipit_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	return 0;
}

static const struct iommu_ops pipit_iommu_ops = {
	.domain_alloc_paging = pipit_domain_alloc_paging,
	.pgsize_bitmap = SZ_4K | SZ_2M,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev = pipit_attach_dev,
	},
};

const struct iommu_ops *pipit_get_ops(void)
{
	return &pipit_iommu_ops;
}
