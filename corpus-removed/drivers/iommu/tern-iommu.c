// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Tern IOMMU, a window translator.
 *
 * Verdicts: domain-init "n/a". The allocator installs no domain ops, so
 * its domains get default_domain_ops, which translate with the driver's
 * own iova_to_phys but have no map_pages: the domains cannot map, and
 * only domains that map need page sizes.
 *
 * Resembles: drivers/iommu/fsl_pamu_domain.c (fsl_pamu_domain_alloc(),
 * whose FIXME says its domain does not meet the requirements of
 * __IOMMU_DOMAIN_PAGING).
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>

struct tern_domain {
	struct iommu_domain	domain;
	dma_addr_t		window;
};

static struct tern_domain *to_tern_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct tern_domain, domain);
}

static int tern_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	return 0;
}

static phys_addr_t tern_iova_to_phys(struct iommu_domain *domain,
				     dma_addr_t iova)
{
	return iova + to_tern_domain(domain)->window;
}

static void tern_domain_free(struct iommu_domain *domain)
{
	kfree(to_tern_domain(domain));
}

static struct iommu_domain *tern_domain_alloc_paging(struct device *dev)
{
	struct tern_domain *tdom;

	tdom = kzalloc(sizeof(*tdom), GFP_KERNEL);
	if (!tdom)
		return ERR_PTR(-ENOMEM);
	return &tdom->domain;
}

static const struct iommu_ops tern_iommu_ops = {
	.domain_alloc_paging	= tern_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= tern_attach_dev,
		.iova_to_phys	= tern_iova_to_phys,
		.free		= tern_domain_free,
	}
};

int tern_iommu_register(struct iommu_device *iommu, struct device *dev)
{
	return iommu_device_register(iommu, &tern_iommu_ops, dev);
}
