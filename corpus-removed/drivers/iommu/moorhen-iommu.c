// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Moorhen IOMMU.
 *
 * Verdicts: attach-instance "unguarded-constant". The domain has an
 * xarray and a list, but attach only reads them: it looks up the context
 * the allocator stored for the instance's slot (xa_load()) and tests
 * whether anything was mapped yet (list_empty()). Nothing records which
 * instances or devices the domain serves, no guard rejects another
 * instance, and the page sizes are one constant: harmless (a note). A
 * store by the allocator is not made per attach and does not count.
 * attach-binding "n/a": the domain keeps no pointer to an instance.
 * domain-init "sets".
 *
 * Resembles: no one driver; the negative twin of curlew and linnet.
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/xarray.h>

#define MOORHEN_SIZES	SZ_4K
#define MOORHEN_SLOTS	4

struct moorhen_iommu {
	unsigned int		slot;
	struct iommu_device	iommu;
};

struct moorhen_pt {
	struct iommu_domain	domain;
	unsigned long		root;
};

struct moorhen_ctx {
	unsigned long		root;
	bool			live;
};

struct moorhen_domain {
	union {
		struct iommu_domain	domain;
		struct moorhen_pt	pt;
	};
	struct xarray		contexts;	/* moorhen_ctx per slot */
	struct list_head	mappings;
};

static struct moorhen_domain *to_moorhen_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct moorhen_domain, domain);
}

static int moorhen_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct moorhen_domain *mdom = to_moorhen_domain(domain);
	struct moorhen_iommu *miommu = dev_iommu_priv_get(dev);
	struct moorhen_ctx *ctx;

	ctx = xa_load(&mdom->contexts, miommu->slot);
	if (!ctx)
		return -ENODEV;
	/* Nothing mapped yet: the context goes live at the first map. */
	if (list_empty(&mdom->mappings))
		return 0;
	ctx->live = true;
	return 0;
}

static int moorhen_map_pages(struct iommu_domain *domain, unsigned long iova,
			     phys_addr_t paddr, size_t pgsize, size_t pgcount,
			     int prot, gfp_t gfp, size_t *mapped)
{
	*mapped = pgsize * pgcount;
	return 0;
}

static void moorhen_domain_free(struct iommu_domain *domain)
{
	kfree(to_moorhen_domain(domain));
}

static const struct iommu_domain_ops moorhen_paging_ops = {
	.attach_dev	= moorhen_attach_dev,
	.map_pages	= moorhen_map_pages,
	.free		= moorhen_domain_free,
};

static struct iommu_domain *moorhen_domain_alloc_paging(struct device *dev)
{
	struct moorhen_domain *mdom;
	struct moorhen_ctx *ctx;
	unsigned int i;

	mdom = kzalloc(sizeof(*mdom), GFP_KERNEL);
	if (!mdom)
		return ERR_PTR(-ENOMEM);
	xa_init(&mdom->contexts);
	INIT_LIST_HEAD(&mdom->mappings);
	/* A context for every slot, made once with the domain. */
	for (i = 0; i < MOORHEN_SLOTS; i++) {
		ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
		if (!ctx || xa_store(&mdom->contexts, i, ctx, GFP_KERNEL)) {
			kfree(ctx);
			kfree(mdom);
			return ERR_PTR(-ENOMEM);
		}
	}
	mdom->domain.ops = &moorhen_paging_ops;
	mdom->domain.pgsize_bitmap = MOORHEN_SIZES;
	return &mdom->domain;
}

static const struct iommu_ops moorhen_iommu_ops = {
	.domain_alloc_paging	= moorhen_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.owner			= THIS_MODULE,
};

int moorhen_iommu_register(struct moorhen_iommu *miommu, struct device *dev)
{
	return iommu_device_register(&miommu->iommu, &moorhen_iommu_ops, dev);
}
