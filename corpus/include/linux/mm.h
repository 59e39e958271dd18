/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize corpus stub for the page constants of asm/page.h (4K pages,
 * as on x86_64) and a bare struct mm_struct.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/const.h>
#include <linux/types.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

struct mm_struct {
	unsigned long	pgd;
	atomic_t	mm_users;
};

phys_addr_t virt_to_phys(const volatile void *address);
void *phys_to_virt(phys_addr_t address);

#endif /* _LINUX_MM_H */
