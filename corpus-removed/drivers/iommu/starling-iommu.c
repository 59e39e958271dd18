// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Starling IOMMU.
 *
 * Verdicts: domain-init "sets". The paging allocator sizes every domain
 * from the instance's capability. The identity allocator returns a
 * domain without page sizes, but its domain ops have no map_pages: an
 * identity domain never maps, so it is not judged (a rule that judged
 * every allocator would call it a domain that cannot map).
 *
 * Resembles: 7.x drivers with domain_alloc_identity (virtio-iommu).
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define STARLING_CAP_2M	0x1

struct starling_iommu {
	unsigned int		caps;
	struct iommu_device	iommu;
};

struct starling_domain {
	struct iommu_domain	domain;
	struct starling_iommu	*siommu;
};

static struct starling_domain *to_starling_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct starling_domain, domain);
}

static int starling_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct starling_domain *sdom = to_starling_domain(domain);
	struct starling_iommu *siommu = dev_iommu_priv_get(dev);

	/* The domain was allocated for one instance */
	if (sdom->siommu != siommu)
		return -EINVAL;
	return 0;
}

static int starling_map_pages(struct iommu_domain *domain, unsigned long iova,
			   phys_addr_t paddr, size_t pgsize, size_t pgcount,
			   int prot, gfp_t gfp, size_t *mapped)
{
	*mapped = pgsize * pgcount;
	return 0;
}

static void starling_domain_free(struct iommu_domain *domain)
{
	kfree(to_starling_domain(domain));
}

static const struct iommu_domain_ops starling_identity_ops = {
	.attach_dev	= starling_attach_dev,
	.free		= starling_domain_free,
};

static struct iommu_domain *starling_domain_alloc_paging(struct device *dev)
{
	struct starling_iommu *siommu = dev_iommu_priv_get(dev);
	struct starling_domain *sdom;

	sdom = kzalloc(sizeof(*sdom), GFP_KERNEL);
	if (!sdom)
		return ERR_PTR(-ENOMEM);
	sdom->siommu = siommu;
	if (siommu->caps & STARLING_CAP_2M)
		sdom->domain.pgsize_bitmap = SZ_4K | SZ_2M;
	else
		sdom->domain.pgsize_bitmap = SZ_4K;
	return &sdom->domain;
}

/* Bypass per device: no page table, so no page sizes either. */
static struct iommu_domain *starling_domain_alloc_identity(struct device *dev)
{
	struct starling_domain *sdom;

	sdom = kzalloc(sizeof(*sdom), GFP_KERNEL);
	if (!sdom)
		return ERR_PTR(-ENOMEM);
	sdom->siommu = dev_iommu_priv_get(dev);
	sdom->domain.ops = &starling_identity_ops;
	return &sdom->domain;
}

static const struct iommu_ops starling_iommu_ops = {
	.domain_alloc_identity	= starling_domain_alloc_identity,
	.domain_alloc_paging	= starling_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.owner			= THIS_MODULE,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= starling_attach_dev,
		.map_pages	= starling_map_pages,
		.free		= starling_domain_free,
	}
};

int starling_iommu_register(struct starling_iommu *siommu, struct device *dev)
{
	return iommu_device_register(&siommu->iommu, &starling_iommu_ops, dev);
}
