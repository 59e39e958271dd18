/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/io.h (MMIO accessors). */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/compiler.h>
#include <linux/types.h>

static inline u32 readl(const volatile void __iomem *addr)
{
	return *(const volatile u32 __force *)addr;
}

static inline void writel(u32 value, volatile void __iomem *addr)
{
	*(volatile u32 __force *)addr = value;
}

static inline u64 readq(const volatile void __iomem *addr)
{
	return *(const volatile u64 __force *)addr;
}

static inline void writeq(u64 value, volatile void __iomem *addr)
{
	*(volatile u64 __force *)addr = value;
}

#define readl_relaxed(c)	readl(c)
#define writel_relaxed(v, c)	writel(v, c)

#endif /* _LINUX_IO_H */
