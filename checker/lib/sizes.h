/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's SZ_* constants (include/linux/sizes.h), as 64-bit values. */
#ifndef IOMMU_PGSIZE_SIZES_H
#define IOMMU_PGSIZE_SIZES_H

#define SZ_4K	0x1000ULL
#define SZ_16K	0x4000ULL
#define SZ_64K	0x10000ULL
#define SZ_1M	0x100000ULL
#define SZ_2M	0x200000ULL
#define SZ_16M	0x1000000ULL
#define SZ_32M	0x2000000ULL
#define SZ_512M	0x20000000ULL
#define SZ_1G	0x40000000ULL

#endif
