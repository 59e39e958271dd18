/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * iommu-pgsize corpus: DMA-API glue declarations used by the core
 * (modelled on drivers/iommu/dma-iommu.h).
 */
#ifndef __DMA_IOMMU_H
#define __DMA_IOMMU_H

#include <linux/iommu.h>

int iommu_get_dma_cookie(struct iommu_domain *domain);
void iommu_put_dma_cookie(struct iommu_domain *domain);

#endif /* __DMA_IOMMU_H */
