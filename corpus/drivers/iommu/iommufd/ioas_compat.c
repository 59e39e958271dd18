// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: VFIO-compatible page size query over an IOAS.
 *
 * Decoys only (l): a local variable called pgsize_bitmap narrowed with &=
 * by every attached domain's domain->pgsize_bitmap, a function named
 * ioas_compat_pgsize_bitmap(), the word in comments and in a string. No
 * struct iommu_ops is touched: NOTHING in this file may be reported.
 *
 * Modelled on: drivers/iommu/iommufd/vfio_compat.c (iommufd_get_pagesizes)
 * and vfio_iommu_type1.c (vfio_update_pgsize_bitmap).
 */

#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include "ioas_compat.h"

struct ioas_domain {
	struct list_head	next;
	struct iommu_domain	*domain;
};

/*
 * The intersection of what every domain of the IOAS can map, in the format
 * of VFIO_IOMMU_GET_INFO's iova_pgsizes (historically "pgsize_bitmap").
 */
static unsigned long ioas_compat_pgsize_bitmap(struct ioas_compat *ioas)
{
	unsigned long pgsize_bitmap = ULONG_MAX;
	struct ioas_domain *idom;

	mutex_lock(&ioas->domains_lock);
	list_for_each_entry(idom, &ioas->domains, next)
		pgsize_bitmap &= idom->domain->pgsize_bitmap;

	/* See vfio_update_pgsize_bitmap() */
	if (pgsize_bitmap & ~PAGE_MASK) {
		pgsize_bitmap &= PAGE_MASK;
		pgsize_bitmap |= PAGE_SIZE;
	}
	pgsize_bitmap = max(pgsize_bitmap, ioas->iova_alignment);
	mutex_unlock(&ioas->domains_lock);
	return pgsize_bitmap;
}

int ioas_compat_attach(struct ioas_compat *ioas, struct iommu_domain *domain)
{
	struct ioas_domain *idom;

	if (!domain->pgsize_bitmap) {
		pr_warn("ioas: domain without pgsize_bitmap\n");
		return -EINVAL;
	}

	idom = kzalloc(sizeof(*idom), GFP_KERNEL);
	if (!idom)
		return -ENOMEM;

	idom->domain = domain;
	mutex_lock(&ioas->domains_lock);
	list_add_tail(&idom->next, &ioas->domains);
	mutex_unlock(&ioas->domains_lock);

	ioas->cached_pgsizes = ioas_compat_pgsize_bitmap(ioas);
	return 0;
}
