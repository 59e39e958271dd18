/* SPDX-License-Identifier: GPL-2.0 */
/* iommu-pgsize corpus stub for include/linux/kernel.h and friends. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/const.h>
#include <linux/printk.h>
#include <linux/stddef.h>
#include <linux/types.h>

#define U8_MAX		((u8)~0U)
#define U16_MAX		((u16)~0U)
#define U32_MAX		((u32)~0U)
#define U64_MAX		((u64)~0ULL)
#define INT_MAX		((int)(~0U >> 1))
#define UINT_MAX	(~0U)
#define LONG_MAX	((long)(~0UL >> 1))
#define ULONG_MAX	(~0UL)
#define ULLONG_MAX	(~0ULL)

#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]))

#define min(x, y)	({ typeof(x) _x = (x); typeof(y) _y = (y);	\
			   _x < _y ? _x : _y; })
#define max(x, y)	({ typeof(x) _x = (x); typeof(y) _y = (y);	\
			   _x > _y ? _x : _y; })
#define min_not_zero(x, y) ({					\
	typeof(x) __x = (x);						\
	typeof(y) __y = (y);						\
	__x == 0 ? __y : ((__y == 0) ? __x : min(__x, __y)); })
#define min_t(type, x, y)	min((type)(x), (type)(y))
#define max_t(type, x, y)	max((type)(x), (type)(y))

#define __ALIGN_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#define ALIGN(x, a)		__ALIGN_MASK(x, (typeof(x))(a) - 1)
#define ALIGN_DOWN(x, a)	ALIGN((x) - ((a) - 1), (a))
#define IS_ALIGNED(x, a)	(((x) & ((typeof(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define lower_32_bits(n)	((u32)((n) & 0xffffffff))
#define upper_32_bits(n)	((u32)(((n) >> 16) >> 16))

#endif /* _LINUX_KERNEL_H */
