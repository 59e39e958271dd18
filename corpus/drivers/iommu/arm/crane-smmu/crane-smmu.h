/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * iommu-pgsize corpus: Crane SMMU, shared definitions.
 *
 * The instance, domain and per-master structs that crane-smmu.c uses: the
 * instance embeds struct iommu_device and holds the page sizes probe found;
 * each master's dev_iommu_priv_get() is a struct crane_smmu_master_cfg that
 * points at its instance.
 *
 * Modelled on: drivers/iommu/arm/arm-smmu/arm-smmu.h.
 */
#ifndef _CRANE_SMMU_H
#define _CRANE_SMMU_H

#include <linux/bits.h>
#include <linux/io-pgtable.h>
#include <linux/iommu.h>
#include <linux/mutex.h>
#include <linux/types.h>

/* Configuration registers */
#define CRANE_SMMU_GR0_ID2		0x28
#define CRANE_SMMU_ID2_PTFS_4K		BIT(12)
#define CRANE_SMMU_ID2_PTFS_16K		BIT(13)
#define CRANE_SMMU_ID2_PTFS_64K		BIT(14)
#define CRANE_SMMU_ID2_PTFS_32S		BIT(15)

#define CRANE_SMMU_INVALID_SMENDX	-1

struct crane_smmu_device {
	struct device			*dev;
	void __iomem			*base;
#define CRANE_SMMU_FEAT_FMT_AARCH64_4K	(1 << 7)
#define CRANE_SMMU_FEAT_FMT_AARCH64_16K	(1 << 8)
#define CRANE_SMMU_FEAT_FMT_AARCH64_64K	(1 << 9)
#define CRANE_SMMU_FEAT_FMT_AARCH32_S	(1 << 11)
	u32				features;
	unsigned long			va_size;
	unsigned long			pa_size;
	unsigned long			pgsize_bitmap;

	/* IOMMU core code handle */
	struct iommu_device		iommu;
};

struct crane_smmu_domain {
	struct crane_smmu_device	*smmu;
	struct io_pgtable_ops		*pgtbl_ops;
	struct mutex			init_mutex; /* Protects smmu pointer */
	struct iommu_domain		domain;
};

struct crane_smmu_master_cfg {
	struct crane_smmu_device	*smmu;
	s16				smendx[];
};

#endif /* _CRANE_SMMU_H */
