/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize corpus stub: the compiler attributes the corpus uses
 * (include/linux/compiler_types.h and compiler_attributes.h, much reduced).
 */
#ifndef __LINUX_COMPILER_H
#define __LINUX_COMPILER_H

#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __used			__attribute__((__used__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __packed		__attribute__((__packed__))
#define __cold			__attribute__((__cold__))

/* Address-space and section markers: no meaning outside the kernel build */
#define __iomem
#define __rcu
#define __force
#define __init
#define __exit
#define __initdata

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)
#define __UNIQUE_ID(prefix) \
	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile typeof(x) *)&(x) = (val))

#endif /* __LINUX_COMPILER_H */
