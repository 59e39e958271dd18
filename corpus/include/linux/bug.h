/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/bug.h. */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

void __warn_printk(const char *fmt, ...) __printf(1, 2);

#define BUG()		__builtin_trap()
#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__warn_printk("WARNING at %s:%d\n", __FILE__, __LINE__);\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE(condition)	WARN_ON(condition)

#endif /* _LINUX_BUG_H */
