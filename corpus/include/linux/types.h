/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommu-pgsize corpus stub for include/linux/types.h: fixed-width types
 * for an LP64 target (x86_64), no libc headers needed.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/compiler.h>
#include <linux/stddef.h>

typedef signed char		s8;
typedef unsigned char		u8;
typedef short			s16;
typedef unsigned short		u16;
typedef int			s32;
typedef unsigned int		u32;
typedef long long		s64;
typedef unsigned long long	u64;

typedef u16			__le16;
typedef u32			__le32;
typedef u64			__le64;

typedef _Bool			bool;

typedef __SIZE_TYPE__		size_t;
typedef __PTRDIFF_TYPE__	ssize_t;
typedef __UINTPTR_TYPE__	uintptr_t;

typedef u64			phys_addr_t;
typedef u64			dma_addr_t;
typedef u64			resource_size_t;
typedef unsigned int		gfp_t;
typedef u32			ioasid_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	s64 counter;
} atomic64_t;

struct list_head {
	struct list_head *next, *prev;
};

#endif /* _LINUX_TYPES_H */
