/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize corpus: Zeta GPU MMU interface (see zeta_mmu.c). The only
 * pgsize_bitmap in reach is the one of the embedded struct io_pgtable_cfg.
 */
#ifndef __ZETA_MMU_H__
#define __ZETA_MMU_H__

#include <linux/io-pgtable.h>
#include <linux/types.h>

struct zeta_device {
	struct device		*dev;
	void __iomem		*iomem;
	u32			mmu_features;
	bool			coherent;
};

struct zeta_mmu {
	struct zeta_device	*zdev;
	struct io_pgtable_cfg	pgtbl_cfg;
	struct io_pgtable_ops	*pgtbl_ops;
	int			as;
};

int zeta_mmu_map(struct zeta_mmu *mmu, u64 iova, phys_addr_t paddr,
		 size_t len, int prot);
struct zeta_mmu *zeta_mmu_ctx_create(struct zeta_device *zdev, int as);
int zeta_vm_create_pgtable(struct zeta_device *zdev, struct zeta_mmu *mmu);

#endif /* __ZETA_MMU_H__ */
