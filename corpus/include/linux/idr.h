/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/idr.h. */
#ifndef _LINUX_IDR_H
#define _LINUX_IDR_H

#include <linux/gfp.h>

struct ida {
	unsigned long	bitmap[4];
};

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max,
		    gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);

#endif /* _LINUX_IDR_H */
