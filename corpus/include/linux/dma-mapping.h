/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/dma-mapping.h. */
#ifndef _LINUX_DMA_MAPPING_H
#define _LINUX_DMA_MAPPING_H

#include <linux/types.h>

#define DMA_BIT_MASK(n)	(((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))

#endif /* _LINUX_DMA_MAPPING_H */
