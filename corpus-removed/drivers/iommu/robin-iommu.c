// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Robin IOMMU.
 *
 * Verdicts: domain-init "unsized". struct iommu_ops has no pgsize_bitmap
 * any more, so nothing fills in a domain the allocator leaves without
 * sizes: robin_domain_alloc_paging() sets them only when the instance
 * has the large-page capability, and on the other path returns a paging
 * domain that cannot map. The identity allocator gives its domain ops
 * without map_pages: it never maps and is not judged.
 *
 * Resembles: a paging allocator of a 7.x driver that forgot one path.
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define ROBIN_CAP_2M	0x1

struct robin_iommu {
	unsigned int		caps;
	struct iommu_device	iommu;
};

struct robin_domain {
	struct iommu_domain	domain;
	struct robin_iommu	*riommu;
};

static struct robin_domain *to_robin_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct robin_domain, domain);
}

static int robin_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct robin_domain *rdom = to_robin_domain(domain);
	struct robin_iommu *riommu = dev_iommu_priv_get(dev);

	/* The domain was allocated for one instance */
	if (rdom->riommu != riommu)
		return -EINVAL;
	return 0;
}

static int robin_map_pages(struct iommu_domain *domain, unsigned long iova,
			   phys_addr_t paddr, size_t pgsize, size_t pgcount,
			   int prot, gfp_t gfp, size_t *mapped)
{
	*mapped = pgsize * pgcount;
	return 0;
}

static void robin_domain_free(struct iommu_domain *domain)
{
	kfree(to_robin_domain(domain));
}

static const struct iommu_domain_ops robin_identity_ops = {
	.attach_dev	= robin_attach_dev,
	.free		= robin_domain_free,
};

static struct iommu_domain *robin_domain_alloc_paging(struct device *dev)
{
	struct robin_iommu *riommu = dev_iommu_priv_get(dev);
	struct robin_domain *rdom;

	rdom = kzalloc(sizeof(*rdom), GFP_KERNEL);
	if (!rdom)
		return ERR_PTR(-ENOMEM);
	rdom->riommu = riommu;
	/* Forgets the 4K-only instances */
	if (riommu->caps & ROBIN_CAP_2M)
		rdom->domain.pgsize_bitmap = SZ_4K | SZ_2M;
	return &rdom->domain;
}

/* Bypass per device: no page table, so no page sizes either. */
static struct iommu_domain *robin_domain_alloc_identity(struct device *dev)
{
	struct robin_domain *rdom;

	rdom = kzalloc(sizeof(*rdom), GFP_KERNEL);
	if (!rdom)
		return ERR_PTR(-ENOMEM);
	rdom->riommu = dev_iommu_priv_get(dev);
	rdom->domain.ops = &robin_identity_ops;
	return &rdom->domain;
}

static const struct iommu_ops robin_iommu_ops = {
	.domain_alloc_identity	= robin_domain_alloc_identity,
	.domain_alloc_paging	= robin_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= robin_attach_dev,
		.map_pages	= robin_map_pages,
		.free		= robin_domain_free,
	}
};

int robin_iommu_register(struct robin_iommu *riommu, struct device *dev)
{
	return iommu_device_register(&riommu->iommu, &robin_iommu_ops, dev);
}
