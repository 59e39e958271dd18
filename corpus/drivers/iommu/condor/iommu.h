/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * iommu-pgsize corpus: Condor remapping engine, shared definitions.
 *
 * Only an extern DECLARATION of condor_iommu_ops lives here (no
 * initializer, so not an ops definition); the object is defined in iommu.c.
 *
 * Modelled on: drivers/iommu/intel/iommu.h.
 */
#ifndef _CONDOR_IOMMU_H_
#define _CONDOR_IOMMU_H_

#include <linux/bits.h>
#include <linux/container_of.h>
#include <linux/iommu.h>
#include <linux/spinlock.h>

#define CONDOR_CAP_SLLPS_2M	BIT(0)
#define CONDOR_CAP_SLLPS_1G	BIT(1)
#define CONDOR_CAP_FL1GP	BIT(2)

struct condor_iommu {
	void __iomem		*reg;
	u64			cap;
	int			agaw;
	struct iommu_device	iommu;
};

struct condor_domain {
	int			nid;
	bool			use_first_level;
	int			iommu_superpage; /* 0: 4K, 1: 2M, 2: 1G */
	int			gaw;
	spinlock_t		lock;
	struct condor_iommu	*iommu;
	struct iommu_domain	domain;
};

static inline struct condor_domain *to_condor_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct condor_domain, domain);
}

extern const struct iommu_ops condor_iommu_ops;

#endif /* _CONDOR_IOMMU_H_ */
