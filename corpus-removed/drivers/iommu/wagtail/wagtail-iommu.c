// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Wagtail IOMMU.
 *
 * Verdicts: domain-init "sets", through another translation unit: the
 * allocator never names pgsize_bitmap, but wagtail_pt_init() (pt.c) stores
 * the sizes of the domain embedded in the struct wagtail_pt it is given,
 * here the one embedded in struct wagtail_domain, and the allocator
 * returns only when that call succeeded.
 *
 * Resembles: 7.x drivers/iommu/amd/iommu.c and riscv/iommu.c, which call
 * pt_iommu_<fmt>_init() on the pt_iommu embedded in their domain.
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>

#include "pt.h"

struct wagtail_iommu {
	unsigned int		levels;
	struct iommu_device	iommu;
};

struct wagtail_domain {
	struct wagtail_pt	pt;
	struct wagtail_iommu	*wiommu;
};

static struct wagtail_domain *to_wagtail_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct wagtail_domain, pt.domain);
}

static int wagtail_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct wagtail_domain *wdom = to_wagtail_domain(domain);
	struct wagtail_iommu *wiommu = dev_iommu_priv_get(dev);

	/* The table depth is the instance's */
	if (wdom->wiommu != wiommu)
		return -EINVAL;
	return 0;
}

static int wagtail_map_pages(struct iommu_domain *domain, unsigned long iova,
			     phys_addr_t paddr, size_t pgsize, size_t pgcount,
			     int prot, gfp_t gfp, size_t *mapped)
{
	*mapped = pgsize * pgcount;
	return 0;
}

static void wagtail_domain_free(struct iommu_domain *domain)
{
	struct wagtail_domain *wdom = to_wagtail_domain(domain);

	wagtail_pt_deinit(&wdom->pt);
	kfree(wdom);
}

static struct iommu_domain *wagtail_domain_alloc_paging(struct device *dev)
{
	struct wagtail_iommu *wiommu = dev_iommu_priv_get(dev);
	struct wagtail_domain *wdom;
	int ret;

	wdom = kzalloc(sizeof(*wdom), GFP_KERNEL);
	if (!wdom)
		return ERR_PTR(-ENOMEM);
	wdom->wiommu = wiommu;
	ret = wagtail_pt_init(&wdom->pt, wiommu->levels);
	if (ret) {
		kfree(wdom);
		return ERR_PTR(ret);
	}
	return &wdom->pt.domain;
}

static const struct iommu_ops wagtail_iommu_ops = {
	.domain_alloc_paging	= wagtail_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= wagtail_attach_dev,
		.map_pages	= wagtail_map_pages,
		.free		= wagtail_domain_free,
	}
};

int wagtail_iommu_register(struct wagtail_iommu *wiommu, struct device *dev)
{
	return iommu_device_register(&wiommu->iommu, &wagtail_iommu_ops, dev);
}
