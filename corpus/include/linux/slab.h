/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/slab.h: declarations only. */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/types.h>

void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void kfree(const void *objp);

#endif /* _LINUX_SLAB_H */
