// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Curlew IOMMU.
 *
 * Verdicts: attach-instance "shared". The domain records every IOMMU
 * instance it is attached through: one curlew_iommu_info per instance,
 * stored into the domain's xarray two calls below attach_dev
 * (curlew_attach_dev() -> curlew_attach_device() ->
 * curlew_domain_attach_iommu()), and all of them use the one page table.
 * attach-binding "per-instance" (the stored entry points to the
 * instance). The domain embeds struct iommu_domain in an anonymous union
 * with its page-table state, so the xarray is a member of the domain
 * struct only through that union. domain-init "sets".
 *
 * Resembles: 7.x amd/iommu.c (pdom_attach_iommu(),
 * protection_domain.iommu_array) and intel/iommu.c
 * (domain_attach_iommu(), dmar_domain.iommu_array).
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>

#define CURLEW_SIZES	(SZ_4K | SZ_2M)

struct curlew_iommu {
	unsigned int		index;
	struct iommu_device	iommu;
};

/* Page-table state that overlays the core's domain. */
struct curlew_pt {
	struct iommu_domain	domain;
	unsigned long		top;
};

struct curlew_domain {
	union {
		struct iommu_domain	domain;
		struct curlew_pt		pt;
	};
	spinlock_t		lock;
	struct xarray		iommu_array;	/* curlew_iommu_info per instance */
};

struct curlew_iommu_info {
	struct curlew_iommu	*kiommu;
	unsigned int		refcnt;
};

static struct curlew_domain *to_curlew_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct curlew_domain, domain);
}

static int curlew_domain_attach_iommu(struct curlew_domain *kdom,
				    struct curlew_iommu *kiommu)
{
	struct curlew_iommu_info *info, *curr;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&kdom->lock, flags);
	info = xa_load(&kdom->iommu_array, kiommu->index);
	if (info) {
		info->refcnt++;
		goto out_unlock;
	}
	info = kzalloc(sizeof(*info), GFP_ATOMIC);
	if (!info) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	info->kiommu = kiommu;
	info->refcnt = 1;
	curr = xa_cmpxchg(&kdom->iommu_array, kiommu->index, NULL, info,
			  GFP_ATOMIC);
	if (curr) {
		kfree(info);
		ret = -ENOSPC;
	}
out_unlock:
	spin_unlock_irqrestore(&kdom->lock, flags);
	return ret;
}

static int curlew_attach_device(struct device *dev, struct curlew_domain *kdom)
{
	struct curlew_iommu *kiommu = dev_iommu_priv_get(dev);

	return curlew_domain_attach_iommu(kdom, kiommu);
}

static int curlew_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	return curlew_attach_device(dev, to_curlew_domain(domain));
}

static int curlew_map_pages(struct iommu_domain *domain, unsigned long iova,
			  phys_addr_t paddr, size_t pgsize, size_t pgcount,
			  int prot, gfp_t gfp, size_t *mapped)
{
	*mapped = pgsize * pgcount;
	return 0;
}

static void curlew_domain_free(struct iommu_domain *domain)
{
	kfree(to_curlew_domain(domain));
}

static const struct iommu_domain_ops curlew_paging_ops = {
	.attach_dev	= curlew_attach_dev,
	.map_pages	= curlew_map_pages,
	.free		= curlew_domain_free,
};

static struct iommu_domain *curlew_domain_alloc_paging(struct device *dev)
{
	struct curlew_domain *kdom;

	kdom = kzalloc(sizeof(*kdom), GFP_KERNEL);
	if (!kdom)
		return ERR_PTR(-ENOMEM);
	spin_lock_init(&kdom->lock);
	xa_init(&kdom->iommu_array);
	kdom->domain.ops = &curlew_paging_ops;
	kdom->domain.pgsize_bitmap = CURLEW_SIZES;
	return &kdom->domain;
}

static const struct iommu_ops curlew_iommu_ops = {
	.domain_alloc_paging	= curlew_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.owner			= THIS_MODULE,
};

int curlew_iommu_register(struct curlew_iommu *kiommu, struct device *dev)
{
	return iommu_device_register(&kiommu->iommu, &curlew_iommu_ops, dev);
}
