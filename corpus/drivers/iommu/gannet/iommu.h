/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * iommu-pgsize corpus: Gannet remapping engine, shared definitions.
 *
 * The domain struct the allocators fill in, an extern DECLARATION of
 * gannet_iommu_ops (no initializer, so not an ops definition), and the
 * prototype of the nested-domain allocator, which is defined in another
 * file (nested.c in the real driver, absent here).
 *
 * Modelled on: drivers/iommu/intel/iommu.h.
 */
#ifndef _GANNET_IOMMU_H_
#define _GANNET_IOMMU_H_

#include <linux/bits.h>
#include <linux/container_of.h>
#include <linux/iommu.h>
#include <linux/spinlock.h>

#define GANNET_CAP_SLLPS_2M	BIT(0)
#define GANNET_CAP_SLLPS_1G	BIT(1)
#define GANNET_CAP_NEST		BIT(2)

#define GANNET_DEFAULT_GAW	57

struct gannet_iommu {
	void __iomem		*reg;
	u64			cap;
	struct iommu_device	iommu;
};

struct gannet_domain {
	int			gaw;
	int			iommu_superpage; /* 0: 4K, 1: 2M, 2: 1G */
	spinlock_t		lock; /* protects iommu */
	struct gannet_iommu	*iommu;
	struct iommu_domain	domain;
};

static inline struct gannet_domain *to_gannet_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct gannet_domain, domain);
}

extern const struct iommu_ops gannet_iommu_ops;

struct iommu_domain *
gannet_nested_domain_alloc(struct iommu_domain *parent,
			   const struct iommu_user_data *user_data);

#endif /* _GANNET_IOMMU_H_ */
