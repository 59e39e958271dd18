/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/gfp_types.h. */
#ifndef __LINUX_GFP_H
#define __LINUX_GFP_H

#include <linux/types.h>

#define __GFP_DMA	0x01u
#define __GFP_HIGHMEM	0x02u
#define __GFP_DMA32	0x04u
#define __GFP_ZERO	0x100u

#define GFP_ATOMIC	0x820u
#define GFP_KERNEL	0xcc0u
#define GFP_NOWAIT	0x800u

#endif /* __LINUX_GFP_H */
