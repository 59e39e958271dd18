// SPDX-License-Identifier: GPL-2.0
/*
 * iommu-pgsize corpus: Zeta GPU MMU, outside drivers/iommu.
 *
 * Pattern (k): a GPU driver that drives io-pgtable directly, without any
 * struct iommu_ops. Every pgsize_bitmap here belongs to struct
 * io_pgtable_cfg: a compound-literal initializer, a declaration initializer
 * and cfg->pgsize_bitmap reads. NOTHING in this file may be reported.
 *
 * Modelled on: drivers/gpu/drm/panfrost/panfrost_mmu.c and
 * drivers/gpu/drm/panthor/panthor_mmu.c.
 */

#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/io-pgtable.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include "zeta_mmu.h"

#define ZETA_AS_TTB(as)	(0x2400 + ((as) << 6))
#define ZETA_AS_GRANULE(as)	(0x2408 + ((as) << 6))

static size_t get_pgsize(const struct io_pgtable_cfg *cfg, u64 addr,
			 size_t size, size_t *count)
{
	size_t blk_offset = -addr % SZ_2M;

	if (!(cfg->pgsize_bitmap & SZ_2M) || blk_offset || size < SZ_2M) {
		*count = min_not_zero(blk_offset, size) / SZ_4K;
		return SZ_4K;
	}
	*count = size / SZ_2M;
	return SZ_2M;
}

int zeta_mmu_map(struct zeta_mmu *mmu, u64 iova, phys_addr_t paddr,
		 size_t len, int prot)
{
	struct io_pgtable_ops *ops = mmu->pgtbl_ops;
	size_t pgcount, mapped = 0, pgsize;
	int ret;

	while (len) {
		pgsize = get_pgsize(&mmu->pgtbl_cfg, iova | paddr, len,
				    &pgcount);
		ret = ops->map_pages(ops, iova, paddr, pgsize, pgcount, prot,
				     GFP_KERNEL, &mapped);
		if (ret)
			return ret;
		iova += mapped;
		paddr += mapped;
		len -= mapped;
	}
	return 0;
}

struct zeta_mmu *zeta_mmu_ctx_create(struct zeta_device *zdev, int as)
{
	u32 va_bits = (zdev->mmu_features >> 0) & 0xff;
	u32 pa_bits = (zdev->mmu_features >> 8) & 0xff;
	struct zeta_mmu *mmu;

	mmu = kzalloc(sizeof(*mmu), GFP_KERNEL);
	if (!mmu)
		return ERR_PTR(-ENOMEM);

	mmu->zdev = zdev;
	mmu->as = as;
	mmu->pgtbl_cfg = (struct io_pgtable_cfg) {
		.pgsize_bitmap	= SZ_4K | SZ_2M,
		.ias		= va_bits,
		.oas		= pa_bits,
		.coherent_walk	= zdev->coherent,
		.iommu_dev	= zdev->dev,
	};

	mmu->pgtbl_ops = alloc_io_pgtable_ops(ARM_MALI_LPAE, &mmu->pgtbl_cfg,
					      mmu);
	if (!mmu->pgtbl_ops) {
		kfree(mmu);
		return ERR_PTR(-EINVAL);
	}

	writel(lower_32_bits(mmu->pgtbl_cfg.arm_mali_lpae_cfg.transtab),
	       zdev->iomem + ZETA_AS_TTB(as));
	return mmu;
}

int zeta_vm_create_pgtable(struct zeta_device *zdev, struct zeta_mmu *mmu)
{
	struct io_pgtable_cfg pgtbl_cfg = {
		.pgsize_bitmap	= SZ_4K | SZ_2M,
		.ias		= 48,
		.oas		= 40,
		.coherent_walk	= zdev->coherent,
		.iommu_dev	= zdev->dev,
	};
	struct io_pgtable_cfg *cfg = &mmu->pgtbl_cfg;

	mmu->pgtbl_ops = alloc_io_pgtable_ops(ARM_64_LPAE_S1, &pgtbl_cfg, mmu);
	if (!mmu->pgtbl_ops)
		return -EINVAL;

	*cfg = pgtbl_cfg;
	/* The smallest page the table can map is the VM's granule */
	writel(__ffs(cfg->pgsize_bitmap),
	       zdev->iomem + ZETA_AS_GRANULE(mmu->as));
	return 0;
}
