/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize corpus: VFIO-compatible IOAS page size query (see
 * ioas_compat.c). Nothing here is an iommu_ops use either.
 */
#ifndef __IOAS_COMPAT_H
#define __IOAS_COMPAT_H

#include <linux/iommu.h>
#include <linux/list.h>
#include <linux/mutex.h>

struct ioas_compat {
	struct mutex		domains_lock; /* protects domains */
	struct list_head	domains;
	unsigned long		iova_alignment;
	unsigned long		cached_pgsizes; /* last computed page sizes */
};

int ioas_compat_attach(struct ioas_compat *ioas, struct iommu_domain *domain);

#endif /* __IOAS_COMPAT_H */
