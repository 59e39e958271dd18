// SPDX-License-Identifier: GPL-2.0-only
/*
 * iommu-pgsize corpus: Grebe remapping engine.
 *
 * Verdicts: attach-instance "shared": a domain is designed to span
 * instances. It keeps a list of its instances, each with a reference count,
 * and attach first checks that the new instance can walk the domain's table
 * (grebe_domain_compatible: every page size and the address width).
 * domain-init "sets": the allocator sizes the domain from the allocating
 * device's instance; the ops have no .pgsize_bitmap. pgsize-format "n/a".
 *
 * Resembles: drivers/iommu/intel/iommu.c (domain_attach_iommu and its
 * per-IOMMU refcounts, prepare_domain_attach_device).
 */

#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define GREBE_CAP_2M		BIT(0)
#define GREBE_CAP_1G		BIT(1)

struct grebe_iommu {
	u64			cap;
	unsigned int		mgaw;	/* max guest address width */
	struct iommu_device	iommu;
};

struct grebe_iommu_info {
	struct list_head	node;
	struct grebe_iommu	*iommu;
	unsigned int		refcnt;
};

struct grebe_domain {
	struct iommu_domain	domain;
	spinlock_t		lock;	/* protects iommus */
	struct list_head	iommus;	/* grebe_iommu_info, one per instance */
	unsigned int		gaw;
};

static struct grebe_domain *to_grebe_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct grebe_domain, domain);
}

static unsigned long grebe_iommu_pgsizes(struct grebe_iommu *iommu)
{
	unsigned long sizes = SZ_4K;

	if (iommu->cap & GREBE_CAP_2M)
		sizes |= SZ_2M;
	if (iommu->cap & GREBE_CAP_1G)
		sizes |= SZ_1G;
	return sizes;
}

static struct iommu_domain *grebe_domain_alloc_paging(struct device *dev)
{
	struct grebe_iommu *iommu = dev_iommu_priv_get(dev);
	struct grebe_domain *gdom;

	gdom = kzalloc(sizeof(*gdom), GFP_KERNEL);
	if (!gdom)
		return ERR_PTR(-ENOMEM);

	spin_lock_init(&gdom->lock);
	INIT_LIST_HEAD(&gdom->iommus);
	gdom->gaw = min(48U, iommu->mgaw);
	gdom->domain.pgsize_bitmap = grebe_iommu_pgsizes(iommu);
	gdom->domain.geometry.aperture_end = (1ULL << gdom->gaw) - 1;
	return &gdom->domain;
}

/* Can this instance walk a table built for the domain's sizes and width? */
static int grebe_domain_compatible(struct grebe_domain *gdom,
				   struct grebe_iommu *iommu)
{
	if ((gdom->domain.pgsize_bitmap & ~grebe_iommu_pgsizes(iommu)) ||
	    gdom->gaw > iommu->mgaw)
		return -EINVAL;
	return 0;
}

static int grebe_domain_attach_iommu(struct grebe_domain *gdom,
				     struct grebe_iommu *iommu)
{
	struct grebe_iommu_info *info, *new;
	unsigned long flags;

	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;

	spin_lock_irqsave(&gdom->lock, flags);
	list_for_each_entry(info, &gdom->iommus, node) {
		if (info->iommu == iommu) {
			info->refcnt++;
			goto out_unlock;
		}
	}
	new->iommu = iommu;
	new->refcnt = 1;
	list_add(&new->node, &gdom->iommus);
	new = NULL;
out_unlock:
	spin_unlock_irqrestore(&gdom->lock, flags);
	kfree(new);
	return 0;
}

static int grebe_attach_device(struct iommu_domain *domain, struct device *dev)
{
	struct grebe_domain *gdom = to_grebe_domain(domain);
	struct grebe_iommu *iommu = dev_iommu_priv_get(dev);
	int ret;

	ret = grebe_domain_compatible(gdom, iommu);
	if (ret)
		return ret;
	return grebe_domain_attach_iommu(gdom, iommu);
}

static void grebe_domain_free(struct iommu_domain *domain)
{
	struct grebe_domain *gdom = to_grebe_domain(domain);
	struct grebe_iommu_info *info;

	while (!list_empty(&gdom->iommus)) {
		info = list_first_entry(&gdom->iommus, typeof(*info), node);
		list_del(&info->node);
		kfree(info);
	}
	kfree(gdom);
}

const struct iommu_ops grebe_iommu_ops = {
	.domain_alloc_paging	= grebe_domain_alloc_paging,
	.device_group		= generic_device_group,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= grebe_attach_device,
		.free		= grebe_domain_free,
	}
};
MODULE_LICENSE("GPL");
