// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Gannet remapping engine.
 *
 * Mixed allocators, migratable: the const ops say .pgsize_bitmap = SZ_4K.
 * The legacy domain_alloc(type) returns DMA and UNMANAGED domains without
 * page sizes (they rely on the core's fallback) and NULL for any other
 * type; domain_alloc_user gives its domains SZ_4K and the instance's
 * superpages through gannet_paging_domain_alloc(), or hands a nesting
 * request to gannet_nested_domain_alloc(), which another file defines.
 * Only the legacy allocator needs the constant.
 *
 * Modelled on: drivers/iommu/intel/iommu.c (intel_iommu_domain_alloc,
 * intel_iommu_domain_alloc_user, paging_domain_alloc).
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "iommu.h"

static int gannet_superpage_capability(struct gannet_iommu *iommu)
{
	if (iommu->cap & GANNET_CAP_SLLPS_1G)
		return 2;
	return (iommu->cap & GANNET_CAP_SLLPS_2M) ? 1 : 0;
}

static unsigned long gannet_super_sizes(struct gannet_domain *gdom)
{
	if (gdom->iommu_superpage == 2)
		return SZ_2M | SZ_1G;
	return gdom->iommu_superpage == 1 ? SZ_2M : 0;
}

static struct gannet_domain *gannet_paging_domain_alloc(struct device *dev)
{
	struct gannet_iommu *iommu = dev_iommu_priv_get(dev);
	struct gannet_domain *gdom;

	gdom = kzalloc(sizeof(*gdom), GFP_KERNEL);
	if (!gdom)
		return ERR_PTR(-ENOMEM);

	spin_lock_init(&gdom->lock);
	gdom->gaw = GANNET_DEFAULT_GAW;
	gdom->iommu = iommu;

	/* pagesize bitmap */
	gdom->domain.pgsize_bitmap = SZ_4K;
	gdom->iommu_superpage = gannet_superpage_capability(iommu);
	gdom->domain.pgsize_bitmap |= gannet_super_sizes(gdom);

	gdom->domain.geometry.aperture_end = (1ULL << gdom->gaw) - 1;
	gdom->domain.geometry.force_aperture = true;
	return gdom;
}

static struct iommu_domain *gannet_domain_alloc(unsigned int type)
{
	struct gannet_domain *gdom;
	struct iommu_domain *domain;

	switch (type) {
	case IOMMU_DOMAIN_DMA:
	case IOMMU_DOMAIN_UNMANAGED:
		gdom = kzalloc(sizeof(*gdom), GFP_KERNEL);
		if (!gdom) {
			pr_err("Can't allocate gannet_domain\n");
			return NULL;
		}
		spin_lock_init(&gdom->lock);
		gdom->gaw = GANNET_DEFAULT_GAW;

		domain = &gdom->domain;
		domain->geometry.aperture_start = 0;
		domain->geometry.aperture_end = (1ULL << gdom->gaw) - 1;
		domain->geometry.force_aperture = true;

		return domain;
	default:
		return NULL;
	}

	return NULL;
}

static struct iommu_domain *
gannet_domain_alloc_user(struct device *dev, u32 flags,
			 struct iommu_domain *parent,
			 const struct iommu_user_data *user_data)
{
	struct gannet_iommu *iommu = dev_iommu_priv_get(dev);
	struct gannet_domain *gdom;
	struct iommu_domain *domain;

	/* Must be a nesting domain */
	if (parent) {
		if (!(iommu->cap & GANNET_CAP_NEST) || flags)
			return ERR_PTR(-EOPNOTSUPP);
		return gannet_nested_domain_alloc(parent, user_data);
	}

	if (flags || user_data)
		return ERR_PTR(-EOPNOTSUPP);

	gdom = gannet_paging_domain_alloc(dev);
	if (IS_ERR(gdom))
		return ERR_CAST(gdom);
	domain = &gdom->domain;
	domain->type = IOMMU_DOMAIN_UNMANAGED;
	domain->owner = &gannet_iommu_ops;
	domain->ops = gannet_iommu_ops.default_domain_ops;
	return domain;
}

static int gannet_attach_device(struct iommu_domain *domain,
				struct device *dev)
{
	struct gannet_domain *gdom = to_gannet_domain(domain);
	struct gannet_iommu *iommu = dev_iommu_priv_get(dev);
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&gdom->lock, flags);
	if (!gdom->iommu)
		gdom->iommu = iommu;
	else if (gdom->iommu != iommu)
		ret = -EINVAL;
	spin_unlock_irqrestore(&gdom->lock, flags);
	return ret;
}

static void gannet_domain_free(struct iommu_domain *domain)
{
	kfree(to_gannet_domain(domain));
}

static struct iommu_device *gannet_probe_device(struct device *dev)
{
	struct gannet_iommu *iommu = dev_iommu_priv_get(dev);

	return iommu ? &iommu->iommu : ERR_PTR(-ENODEV);
}

const struct iommu_ops gannet_iommu_ops = {
	.domain_alloc		= gannet_domain_alloc,
	.domain_alloc_user	= gannet_domain_alloc_user,
	.probe_device		= gannet_probe_device,
	.device_group		= generic_device_group,
	.pgsize_bitmap		= SZ_4K,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev		= gannet_attach_device,
		.free			= gannet_domain_free,
	}
};
