/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize corpus: the Yeti PCI function as the IOMMU driver sees it
 * (in the real tree this lives in arch/s390/include/asm/pci.h).
 */
#ifndef _YETI_H
#define _YETI_H

#include <linux/iommu.h>
#include <linux/spinlock.h>

struct yeti_dev {
	struct iommu_device	iommu_dev;
	struct iommu_domain	*ydom;
	spinlock_t		dom_lock;	/* protects ydom */
	bool			legacy;
	bool			is_vf;
	bool			large_pages;
	u64			start_dma;
	u64			end_dma;
};

int yeti_init_iommu(struct yeti_dev *ydev);

#endif /* _YETI_H */
