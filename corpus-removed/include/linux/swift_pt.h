/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize corpus-removed: the Swift page-table library's interface.
 * A domain embeds a struct swift_pt; swift_pt_<fmt>_init() gives it the
 * sizes its format can map. Its domain ops map through the library, so
 * they carry iova_to_phys but no map_pages.
 *
 * Resembles: 7.x include/linux/generic_pt/iommu.h (IOMMU_PT_DOMAIN_OPS).
 */
#ifndef SWIFT_PT_H
#define SWIFT_PT_H

#include <linux/iommu.h>
#include <linux/types.h>

struct swift_pt {
	struct iommu_domain	domain;
	u64			*top;
	unsigned int		levels;
};

int swift_pt_v1_init(struct swift_pt *pt, unsigned int levels);
phys_addr_t swift_pt_v1_iova_to_phys(struct iommu_domain *domain,
				     dma_addr_t iova);
void swift_pt_v1_deinit(struct swift_pt *pt);
int swift_pt_v2_init(struct swift_pt *pt, unsigned int levels);
phys_addr_t swift_pt_v2_iova_to_phys(struct iommu_domain *domain,
				     dma_addr_t iova);
void swift_pt_v2_deinit(struct swift_pt *pt);

#define SWIFT_PT_DOMAIN_OPS(fmt) \
	.iova_to_phys = &swift_pt_##fmt##_iova_to_phys

#endif
