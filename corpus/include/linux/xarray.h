/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/xarray.h. */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/kernel.h>
#include <linux/types.h>

struct xarray {
	void		*xa_head;
	unsigned int	xa_flags;
};

static inline void xa_init(struct xarray *xa)
{
	xa->xa_head = NULL;
	xa->xa_flags = 0;
}

void *xa_load(struct xarray *xa, unsigned long index);
void *xa_store(struct xarray *xa, unsigned long index, void *entry,
	       gfp_t gfp);
void *xa_cmpxchg(struct xarray *xa, unsigned long index, void *old,
		 void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
void *xa_find(struct xarray *xa, unsigned long *index, unsigned long max,
	      unsigned int filter);
void *xa_find_after(struct xarray *xa, unsigned long *index,
		    unsigned long max, unsigned int filter);

#define xa_for_each(xa, index, entry)					\
	for (index = 0, entry = xa_find(xa, &index, ULONG_MAX, 0);	\
	     entry; entry = xa_find_after(xa, &index, ULONG_MAX, 0))

#endif /* _LINUX_XARRAY_H */
