// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus-removed: Linnet IOMMU.
 *
 * Verdicts: attach-instance "shared". Every attach links a bond for the
 * device into the domain's list of bonds, kept in order of the device's
 * IOMMU instance: linnet_bond_link() walks the list with a local
 * "struct list_head *pos" to the first bond of the same instance and
 * links the new bond there, so the list is reached only through that
 * pointer, never as "&ldom->bonds" in the linking call. The walk's test
 * list_is_head(pos, &ldom->bonds) takes the domain's list too but links
 * nothing. attach-binding "per-instance": a bond points to its device,
 * and linnet_bond_link() finds the instance from that same device
 * (dev_to_linnet()), so each attached device, and through it its
 * instance, has its own entry in the domain; no state of one instance is
 * kept for another. domain-init "sets".
 *
 * Resembles: 7.x riscv/iommu.c (riscv_iommu_bond_link(),
 * riscv_iommu_domain.bonds).
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/rculist.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define LINNET_SIZES	(SZ_4K | SZ_2M | SZ_1G)

struct linnet_iommu {
	struct iommu_device	iommu;
};

struct linnet_pt {
	struct iommu_domain	domain;
	unsigned long		root;
};

struct linnet_domain {
	union {
		struct iommu_domain	domain;
		struct linnet_pt		pt;
	};
	struct list_head	bonds;
	spinlock_t		lock;	/* protects bonds */
	int			pscid;
};

/* One per device attached to a domain. */
struct linnet_bond {
	struct list_head	list;
	struct device		*dev;
};

static struct linnet_domain *to_linnet_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct linnet_domain, domain);
}

static struct linnet_iommu *dev_to_linnet(struct device *dev)
{
	return dev_iommu_priv_get(dev);
}

static int linnet_bond_link(struct linnet_domain *ldom, struct device *dev)
{
	struct linnet_iommu *liommu = dev_to_linnet(dev);
	struct linnet_bond *bond;
	struct list_head *pos;

	bond = kzalloc(sizeof(*bond), GFP_KERNEL);
	if (!bond)
		return -ENOMEM;
	bond->dev = dev;

	/* Bonds of one instance stay together. */
	spin_lock(&ldom->lock);
	list_for_each(pos, &ldom->bonds)
		if (dev_to_linnet(list_entry(pos, struct linnet_bond, list)->dev) ==
		    liommu)
			break;
	list_add_rcu(&bond->list, pos);
	spin_unlock(&ldom->lock);
	return 0;
}

static int linnet_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct linnet_domain *ldom = to_linnet_domain(domain);

	if (linnet_bond_link(ldom, dev))
		return -ENOMEM;
	return 0;
}

static int linnet_map_pages(struct iommu_domain *domain, unsigned long iova,
			  phys_addr_t paddr, size_t pgsize, size_t pgcount,
			  int prot, gfp_t gfp, size_t *mapped)
{
	*mapped = pgsize * pgcount;
	return 0;
}

static void linnet_domain_free(struct iommu_domain *domain)
{
	kfree(to_linnet_domain(domain));
}

static const struct iommu_domain_ops linnet_paging_ops = {
	.attach_dev	= linnet_attach_dev,
	.map_pages	= linnet_map_pages,
	.free		= linnet_domain_free,
};

static struct iommu_domain *linnet_domain_alloc_paging(struct device *dev)
{
	struct linnet_domain *ldom;

	ldom = kzalloc(sizeof(*ldom), GFP_KERNEL);
	if (!ldom)
		return ERR_PTR(-ENOMEM);
	INIT_LIST_HEAD(&ldom->bonds);
	spin_lock_init(&ldom->lock);
	ldom->domain.ops = &linnet_paging_ops;
	ldom->domain.pgsize_bitmap = LINNET_SIZES;
	return &ldom->domain;
}

static const struct iommu_ops linnet_iommu_ops = {
	.domain_alloc_paging	= linnet_domain_alloc_paging,
	.device_group		= generic_single_device_group,
	.owner			= THIS_MODULE,
};

int linnet_iommu_register(struct linnet_iommu *liommu, struct device *dev)
{
	return iommu_device_register(&liommu->iommu, &linnet_iommu_ops, dev);
}
