// SPDX-License-Identifier: GPL-2.0
/*
 * plover: an IOMMU whose ops only exist on another architecture.
 *
 * Pattern: the ops object sits in an #if block the host configuration
 * never enables (the scan parses it again with the CONFIG_ symbols forced
 * on), and a callback compiled out to a NULL macro on the host.
 * Modelled on: arch/powerpc/kernel/iommu.c (spapr_tce_iommu_ops under
 * CONFIG_PPC_PSERIES || CONFIG_PPC_POWERNV) and arm-smmu-v3's
 * arm_smmu_sva_domain_alloc (NULL without CONFIG_ARM_SMMU_V3_SVA).
 */
#include <linux/iommu.h>
#include <linux/slab.h>
#include <linux/sizes.h>

#ifdef CONFIG_PLOVER_SVA
struct iommu_domain *plover_sva_domain_alloc(struct device *dev,
					     struct mm_struct *mm);
#else
#define plover_sva_domain_alloc NULL
#endif

struct plover_domain {
	struct iommu_domain domain;
};

static struct iommu_domain *plover_domain_alloc_paging(struct device *dev)
{
	struct plover_domain *pd = kzalloc(sizeof(*pd), GFP_KERNEL);

	if (!pd)
		return NULL;
	pd->domain.pgsize_bitmap = SZ_4K;
	return &pd->domain;
}

static int plover_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	return 0;
}

#if defined(CONFIG_PLOVER_PSERIES) || defined(CONFIG_PLOVER_POWERNV)
static const struct iommu_ops plover_iommu_ops = {
	.domain_alloc_paging = plover_domain_alloc_paging,
	.domain_alloc_sva = plover_sva_domain_alloc,
	.pgsize_bitmap = SZ_4K | SZ_64K,
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev = plover_attach_dev,
	},
};

const struct iommu_ops *plover_get_ops(void)
{
	return &plover_iommu_ops;
}
#endif
